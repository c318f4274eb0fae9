//! OFX/QFX bank statements: recognising one, and turning its transactions
//! into CSV text, so a statement is imported as a CSV file is.

use loco_rs::prelude::*;

use crate::models::validation::FieldErrors;

/// The columns an OFX/QFX statement is turned into.
pub(super) const OFX_HEADER: &str = "date,amount,description,payee,memo,fitid";

/// Whether the text is an OFX or QFX bank statement (SGML or XML).
pub(super) fn is_ofx(text: &str) -> bool {
    let start: String = text
        .chars()
        .take(2000)
        .collect::<String>()
        .to_ascii_uppercase();
    start.contains("OFXHEADER") || start.contains("<OFX>")
}

/// Whether a file's header is the one statements are turned into: its
/// columns are known, so nobody needs to map them.
pub(super) fn is_statement(headers: &[String]) -> bool {
    headers.join(",") == OFX_HEADER
}

/// The value of `<TAG>` in an OFX transaction block (`upper` is the block
/// in capitals; SGML leaves the closing tags out, XML has them). Several
/// banks write text as `<![CDATA[…]]>`.
fn ofx_value(block: &str, upper: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let Some(start) = upper.find(&open).map(|i| i + open.len()) else {
        return String::new();
    };
    let rest = block[start..].trim_start();
    if let Some(cdata) = rest.strip_prefix("<![CDATA[") {
        let end = cdata.find("]]>").unwrap_or(cdata.len());
        return cdata[..end].trim().to_string();
    }
    let end = rest.find('<').unwrap_or(rest.len());
    let value = rest[..end].trim();
    // Entities that statements use.
    value
        .replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
}

/// An OFX/QFX statement as CSV text with [`OFX_HEADER`]'s columns: one row
/// per `<STMTTRN>`, dates as YYYY-MM-DD, amounts signed as the bank wrote
/// them (debits negative).
///
/// # Errors
/// 422 on `file` when it holds no transactions.
pub(super) fn ofx_to_csv(text: &str) -> Result<String> {
    let mut out = csv::Writer::from_writer(Vec::new());
    let write = |out: &mut csv::Writer<Vec<u8>>, row: &[&str]| {
        out.write_record(row)
            .map_err(|err| Error::string(&format!("OFX conversion: {err}")))
    };
    write(&mut out, &OFX_HEADER.split(',').collect::<Vec<_>>())?;
    let upper = text.to_ascii_uppercase();
    // One pass over the text: a transaction ends at its closing tag or at
    // the next opening one (SGML has no closing tags), found by moving
    // forward through both lists, never by searching to the end again.
    let opens: Vec<usize> = upper.match_indices("<STMTTRN>").map(|(i, _)| i).collect();
    let mut closes = upper.match_indices("</STMTTRN>").map(|(i, _)| i).peekable();
    let mut rows = 0;
    for (n, &start) in opens.iter().enumerate() {
        while closes.next_if(|&close| close < start).is_some() {}
        let next_open = opens.get(n + 1).copied().unwrap_or(text.len());
        let end = closes
            .peek()
            .map_or(next_open, |&close| close.min(next_open));
        let (block, capitals) = (&text[start..end], &upper[start..end]);
        let value = |tag: &str| ofx_value(block, capitals, tag);
        let posted = value("DTPOSTED");
        let date = match (posted.get(0..4), posted.get(4..6), posted.get(6..8)) {
            (Some(y), Some(m), Some(d)) => format!("{y}-{m}-{d}"),
            _ => posted.clone(),
        };
        let name = value("NAME");
        let memo = value("MEMO");
        let description = if name.is_empty() {
            memo.clone()
        } else {
            name.clone()
        };
        write(
            &mut out,
            &[
                &date,
                &value("TRNAMT"),
                &description,
                &name,
                &memo,
                &value("FITID"),
            ],
        )?;
        rows += 1;
    }
    if rows == 0 {
        return Err(FieldErrors::one("file", "is an OFX statement without transactions").into());
    }
    let bytes = out
        .into_inner()
        .map_err(|err| Error::string(&format!("OFX conversion: {err}")))?;
    String::from_utf8(bytes).map_err(|err| Error::string(&format!("OFX conversion: {err}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_ofx_statement_becomes_rows() {
        let sgml = "OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><BANKTRANLIST>\n\
            <STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20261101120000[0:GMT]<TRNAMT>-12.50<FITID>1<NAME>Bakery &amp; Co<MEMO>Card 1234\n\
            <STMTTRN><TRNTYPE>CREDIT<DTPOSTED>20261102<TRNAMT>2500.00<FITID>2<NAME>Salary\n\
            </BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>";
        assert!(is_ofx(sgml));
        let csv = ofx_to_csv(sgml).unwrap();
        let lines: Vec<&str> = csv.lines().collect();
        assert_eq!(lines[0], OFX_HEADER);
        assert_eq!(
            lines[1],
            "2026-11-01,-12.50,Bakery & Co,Bakery & Co,Card 1234,1"
        );
        assert_eq!(lines[2], "2026-11-02,2500.00,Salary,Salary,,2");
        let xml = "<?xml version=\"1.0\"?><?OFX OFXHEADER=\"200\"?><OFX><STMTTRN><DTPOSTED>20261103</DTPOSTED><TRNAMT>-3.20</TRNAMT><NAME>Coffee</NAME></STMTTRN></OFX>";
        assert_eq!(
            ofx_to_csv(xml).unwrap().lines().nth(1),
            Some("2026-11-03,-3.20,Coffee,Coffee,,")
        );
        assert!(ofx_to_csv("<OFX></OFX>").is_err());
    }

    #[test]
    fn a_payee_written_as_cdata_is_read() {
        let sgml = "<OFX><STMTTRN><DTPOSTED>20261104<TRNAMT>-7.10<NAME><![CDATA[Café <Nord>]]><MEMO><![CDATA[ Card ]]></OFX>";
        assert_eq!(
            ofx_to_csv(sgml).unwrap().lines().nth(1),
            Some("2026-11-04,-7.10,Café <Nord>,Café <Nord>,Card,")
        );
    }

    /// 4 MB of transactions without closing tags, as SGML statements are
    /// written: each ends where the next begins. Searching for a closing
    /// tag from every opening one to the end of the text (as this did
    /// before) took minutes on this; one pass takes a moment.
    #[test]
    fn a_statement_without_closing_tags_is_read_in_one_pass() {
        let block = "<STMTTRN><DTPOSTED>20261101<TRNAMT>-1.00<NAME>x\n";
        let text = format!("<OFX>{}</OFX>", block.repeat(4_000_000 / block.len()));
        let csv = ofx_to_csv(&text).unwrap();
        assert_eq!(csv.lines().count(), 1 + 4_000_000 / block.len());
        assert_eq!(csv.lines().nth(1), Some("2026-11-01,-1.00,x,x,,"));
    }
}
