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

/// The value of `<TAG>` in an OFX transaction block (SGML leaves the
/// closing tags out; XML has them).
fn ofx_value(block: &str, tag: &str) -> String {
    let open = format!("<{tag}>");
    let upper = block.to_ascii_uppercase();
    let Some(start) = upper.find(&open).map(|i| i + open.len()) else {
        return String::new();
    };
    let rest = &block[start..];
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
    let mut rows = 0;
    let mut from = 0;
    while let Some(found) = upper[from..].find("<STMTTRN>") {
        let start = from + found;
        let end = upper[start..]
            .find("</STMTTRN>")
            .or_else(|| upper[start + 9..].find("<STMTTRN>").map(|i| i + 9))
            .map_or(text.len(), |i| start + i);
        let block = &text[start..end];
        let posted = ofx_value(block, "DTPOSTED");
        let date = match (posted.get(0..4), posted.get(4..6), posted.get(6..8)) {
            (Some(y), Some(m), Some(d)) => format!("{y}-{m}-{d}"),
            _ => posted.clone(),
        };
        let name = ofx_value(block, "NAME");
        let memo = ofx_value(block, "MEMO");
        let description = if name.is_empty() {
            memo.clone()
        } else {
            name.clone()
        };
        write(
            &mut out,
            &[
                &date,
                &ofx_value(block, "TRNAMT"),
                &description,
                &name,
                &memo,
                &ofx_value(block, "FITID"),
            ],
        )?;
        rows += 1;
        from = end.max(start + 9);
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
}
