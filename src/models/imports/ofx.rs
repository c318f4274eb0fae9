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

/// The elements of one transaction block, in order: each opening tag's
/// name in capitals, and its text up to the next tag. A tag's text may be
/// written as `<![CDATA[…]]>` (several banks write names so), in any case,
/// after a line break, and may itself hold `<`, line breaks or the closing
/// `]]` of nothing: CDATA is read as text here, before anything looks for
/// tags, so no tag inside it is taken for one. SGML leaves the closing tags
/// out, XML has them; nested aggregates (`<PAYEE><NAME>…`) are just more
/// elements.
fn elements(block: &str) -> Vec<(String, String)> {
    const CDATA: &str = "<![CDATA[";
    let mut out: Vec<(String, String)> = Vec::new();
    // Whether text now belongs to the last opening tag (not after a
    // closing one).
    let mut open = false;
    let mut rest = block;
    while !rest.is_empty() {
        if rest
            .get(..CDATA.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(CDATA))
        {
            let body = &rest[CDATA.len()..];
            let end = body.find("]]>").unwrap_or(body.len());
            if let (true, Some((_, text))) = (open, out.last_mut()) {
                text.push_str(&body[..end]);
            }
            rest = body.get(end + 3..).unwrap_or_default();
        } else if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').unwrap_or(tag.len());
            let name = tag[..end].split_whitespace().next().unwrap_or_default();
            open = !name.starts_with(['/', '?', '!']);
            if open {
                out.push((
                    name.trim_end_matches('/').to_ascii_uppercase(),
                    String::new(),
                ));
            }
            rest = tag.get(end + 1..).unwrap_or_default();
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            if let (true, Some((_, text))) = (open, out.last_mut()) {
                text.push_str(&unescape(&rest[..end]));
            }
            rest = &rest[end..];
        }
    }
    // A value is one line: a name broken over lines reads as one, and
    // stray line breaks would be refused as control characters.
    for (_, text) in &mut out {
        *text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    }
    out
}

/// Text with the entities statements use (`&amp;`, `&#233;`…) read; an
/// `&` that starts none stays as it is.
fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        let after = &rest[at..];
        // Entities are short: looking further would make a line of `&`s slow.
        let decoded = after
            .char_indices()
            .take(12)
            .find(|&(_, c)| c == ';')
            .and_then(|(end, _)| Some((entity(&after[1..end])?, end)));
        if let Some((c, end)) = decoded {
            out.push(c);
            rest = &after[end + 1..];
        } else {
            out.push('&');
            rest = &after[1..];
        }
    }
    out.push_str(rest);
    out
}

fn entity(name: &str) -> Option<char> {
    match name {
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        "apos" => Some('\''),
        "nbsp" => Some(' '),
        _ => {
            let number = name.strip_prefix('#')?;
            let code = match number.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => number.parse().ok()?,
            };
            // A control character (a NUL, which Postgres refuses in text)
            // becomes a space, as a line break in a value does.
            char::from_u32(code).map(|c| if c.is_control() { ' ' } else { c })
        }
    }
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
        let elements = elements(&text[start..end]);
        let value = |tag: &str| {
            elements
                .iter()
                .find(|(name, text)| name == tag && !text.is_empty())
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        };
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
    fn payees_written_as_cdata_the_ways_banks_write_them_are_read() {
        let row = |trn: &str| {
            let text =
                format!("<OFX><STMTTRN><DTPOSTED>20261104<TRNAMT>-7.10{trn}</STMTTRN></OFX>");
            ofx_to_csv(&text)
                .unwrap()
                .lines()
                .nth(1)
                .unwrap()
                .to_string()
        };
        let cafe = "2026-11-04,-7.10,Café Nord,Café Nord,,";
        for trn in [
            "<NAME><![CDATA[Café Nord]]></NAME>",
            "<name><![CDATA[Café Nord]]></name>",
            "<NAME><![cdata[Café Nord]]></NAME>",
            "<NAME>\r\n   <![CDATA[Café Nord]]>\r\n</NAME>",
            "<NAME><![CDATA[Café\r\n Nord]]></NAME>",
            "<NAME><![CDATA[Café\nNord]]>",
            "<PAYEE>\n<NAME><![CDATA[Café Nord]]></NAME>\n<ADDR1>Hafen 1</ADDR1></PAYEE>",
            "<PAYEE><NAME>Café Nord<ADDR1>Hafen 1</PAYEE>",
            "<NAME>Caf&#233; Nord</NAME>",
            "<NAME>Caf&#xE9;&nbsp;Nord</NAME>",
        ] {
            assert_eq!(row(trn), cafe, "{trn}");
        }
        // A tag inside CDATA is text, not the tag it looks like.
        assert_eq!(
            row("<MEMO><![CDATA[see <NAME>x]]></MEMO><NAME><![CDATA[Café Nord]]></NAME>"),
            "2026-11-04,-7.10,Café Nord,Café Nord,see <NAME>x,"
        );
        assert_eq!(
            row("<NAME>A &amp;amp; B & C</NAME>"),
            "2026-11-04,-7.10,A &amp; B & C,A &amp; B & C,,"
        );
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
