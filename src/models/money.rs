//! Money: integers in minor units with an ISO 4217 currency, never floats.
//! Amounts arrive as decimal strings ("12.34") and are checked against the
//! currency's number of decimals; conversion uses an exact decimal rate.

use iso_currency::Currency;
use sea_orm::prelude::Decimal;

/// Larger amounts are certainly typos (and would risk overflow in sums).
const MAX_MAJOR_UNITS: i64 = 1_000_000_000_000;
const RATE_MAX_DECIMALS: u32 = 10;

/// The currency for an ISO 4217 code, any case.
#[must_use]
pub fn currency(code: &str) -> Option<Currency> {
    Currency::from_code(&code.trim().to_uppercase())
}

/// How many decimals the currency uses (2 for EUR, 0 for JPY, 3 for KWD).
#[must_use]
pub fn decimals(currency: Currency) -> u32 {
    currency.exponent().map_or(0, u32::from)
}

fn scale(currency: Currency) -> i64 {
    10_i64.pow(decimals(currency))
}

/// Parses a positive amount such as `12.34` into minor units.
///
/// # Errors
/// A message for people when the text is not such an amount.
pub fn parse_amount(text: &str, currency: Currency) -> Result<i64, String> {
    let text = text.trim();
    if text.starts_with('-') && text.len() > 1 {
        return Err("must be greater than zero".to_string());
    }
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if !digits(whole) || (text.contains('.') && !digits(fraction)) {
        return Err("must be a number such as 12.34".to_string());
    }
    let places = decimals(currency);
    if fraction.len() > places as usize {
        return Err(match places {
            0 => format!("must be a whole number in {}", currency.code()),
            n => format!("can have at most {n} decimals in {}", currency.code()),
        });
    }
    let whole: i64 = whole
        .parse()
        .ok()
        .filter(|w| *w < MAX_MAJOR_UNITS)
        .ok_or_else(|| "is too large".to_string())?;
    let padded = format!("{fraction:0<width$}", width = places as usize);
    let fraction: i64 = if padded.is_empty() {
        0
    } else {
        padded.parse().unwrap_or(0)
    };
    let minor = whole * scale(currency) + fraction;
    if minor == 0 {
        return Err("must be greater than zero".to_string());
    }
    Ok(minor)
}

/// How a member wrote a decimal: an API client exactly (`1234.56`), or a
/// person in a form, with a decimal comma or point and perhaps thousands
/// separators, as their language writes numbers (`1.234,56`, `1,234.56`,
/// `12,50`). The API stays locale-free; pages accept what people type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Notation {
    #[default]
    Plain,
    Typed,
}

impl Notation {
    /// The text as a plain decimal (`1.234,56` → `1234.56`), for
    /// [`parse_amount`] to check, in a currency with `decimals` decimals. A
    /// number that reads two ways (`1.234` in euros: a thousand and more,
    /// or a decimal?) is refused with a message that asks; in a currency
    /// without decimals a lone separator groups thousands, in one with
    /// three it marks them. Spaces and apostrophes group thousands too.
    ///
    /// # Errors
    /// A message for people when a typed number cannot be read one way.
    pub fn plain(self, text: &str, decimals: u32) -> Result<String, String> {
        let text = text.trim();
        if self == Self::Plain {
            return Ok(text.to_string());
        }
        let unreadable = || "must be a number such as 12.34 or 12,34".to_string();
        let (sign, digits) = text
            .strip_prefix('-')
            .map_or(("", text), |rest| ("-", rest.trim_start()));
        // Spaces as people group thousands ("1 234,56"): kept as a third
        // kind of separator, checked like the others below.
        let digits: String = digits
            .chars()
            .map(|c| {
                if matches!(c, ' ' | '\u{a0}' | '\u{202f}' | '\'') {
                    '_'
                } else {
                    c
                }
            })
            .collect();
        if !digits
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '_'))
        {
            return Ok(format!("{sign}{digits}"));
        }
        let points = digits.matches('.').count();
        let commas = digits.matches(',').count();
        let decimal = match (points, commas) {
            (0, 0) => None,
            // Both: the last one is the decimal separator.
            (p, c) if p > 0 && c > 0 => Some(if digits.rfind('.') > digits.rfind(',') {
                '.'
            } else {
                ','
            }),
            // One separator, more than once: it groups thousands.
            (p, c) if p > 1 || c > 1 => None,
            // One separator once, three digits after it.
            _ => {
                let separator = if points == 1 { '.' } else { ',' };
                let (whole, fraction) = digits.split_once(separator).unwrap_or((&digits, ""));
                let thousands = fraction.len() == 3 && !whole.is_empty() && whole != "0";
                match decimals {
                    _ if !thousands => Some(separator),
                    0 => None,
                    3.. => Some(separator),
                    places => {
                        let plural = if places == 1 { "" } else { "s" };
                        return Err(format!(
                            "is ambiguous: type {}{whole}{fraction} for the whole amount, or at most {places} decimal{plural}",
                            sign
                        ));
                    }
                }
            }
        };
        let (whole, fraction) = match decimal {
            Some(d) => {
                let (whole, fraction) = digits.rsplit_once(d).unwrap_or((&digits, ""));
                if fraction.contains(['.', ',', '_']) {
                    return Err(unreadable());
                }
                (whole, Some(fraction))
            }
            None => (digits.as_str(), None),
        };
        // What is left in the whole part groups thousands: one kind of
        // separator, groups of three after the first.
        let separators: Vec<char> = ['.', ',', '_']
            .into_iter()
            .filter(|g| whole.contains(*g))
            .collect();
        let whole = match separators.as_slice() {
            [] => whole.to_string(),
            [g] => {
                let mut groups = whole.split(*g);
                let first = groups.next().unwrap_or_default();
                if !(1..=3).contains(&first.len()) || !groups.all(|group| group.len() == 3) {
                    return Err(unreadable());
                }
                whole.replace(*g, "")
            }
            _ => return Err(unreadable()),
        };
        Ok(match fraction {
            Some(fraction) => format!("{sign}{whole}.{fraction}"),
            None => format!("{sign}{whole}"),
        })
    }
}

impl Notation {
    /// A rate or a weight (`1,0825`, `2,5`) as a plain decimal: a comma
    /// typed alone is the decimal separator (they have no thousands).
    #[must_use]
    pub fn plain_fraction(self, text: &str) -> String {
        let text = text.trim();
        if self == Self::Typed && !text.contains('.') && text.matches(',').count() == 1 {
            text.replace(',', ".")
        } else {
            text.to_string()
        }
    }
}

/// [`parse_amount`] of a number written in `notation`.
///
/// # Errors
/// A message for people when the text is not such an amount.
pub fn parse_amount_as(text: &str, currency: Currency, notation: Notation) -> Result<i64, String> {
    parse_amount(&notation.plain(text, decimals(currency))?, currency)
}

/// Minor units as a decimal string in the currency's format (`1234` EUR →
/// `12.34`).
#[must_use]
pub fn format_minor(minor: i64, currency: Currency) -> String {
    let places = decimals(currency);
    if places == 0 {
        return minor.to_string();
    }
    let sign = if minor < 0 { "-" } else { "" };
    let abs = minor.unsigned_abs();
    let scale = scale(currency).unsigned_abs();
    format!(
        "{sign}{}.{:0width$}",
        abs / scale,
        abs % scale,
        width = places as usize
    )
}

/// Parses an exchange rate: base-currency units per unit of the original.
///
/// # Errors
/// A message for people when it is not a positive decimal.
pub fn parse_rate(text: &str) -> Result<Decimal, String> {
    let rate: Decimal = text
        .trim()
        .parse()
        .map_err(|_| "must be a decimal number such as 1.0825".to_string())?;
    if rate <= Decimal::ZERO {
        return Err("must be greater than zero".to_string());
    }
    if rate.scale() > RATE_MAX_DECIMALS {
        return Err(format!("can have at most {RATE_MAX_DECIMALS} decimals"));
    }
    Ok(rate.normalize())
}

/// Converts minor units of `from` into minor units of `to` at `rate`,
/// rounding half away from zero. Whatever the rate, the result is a
/// positive amount of at most what an amount may be: a huge rate is
/// refused instead of overflowing (which panicked), a tiny one instead of
/// turning a real amount into 0.00.
///
/// # Errors
/// When the result is too large, or smaller than the smallest unit of `to`.
pub fn convert(minor: i64, from: Currency, rate: Decimal, to: Currency) -> Result<i64, String> {
    let too_large = || "is too large after conversion".to_string();
    let major = Decimal::from(minor) / Decimal::from(scale(from));
    let converted = major
        .checked_mul(rate)
        .and_then(|v| v.checked_mul(Decimal::from(scale(to))))
        .ok_or_else(too_large)?
        .round_dp_with_strategy(0, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let converted = i64::try_from(converted).map_err(|_| too_large())?;
    if converted > MAX_MAJOR_UNITS.saturating_mul(scale(to)) {
        return Err(too_large());
    }
    if minor > 0 && converted <= 0 {
        return Err(format!(
            "is less than the smallest amount in {} at this rate",
            to.code()
        ));
    }
    Ok(converted)
}

/// `SUM(column)` of minor units as a BIGINT on both databases (Postgres
/// makes the sum of a BIGINT column a NUMERIC).
pub fn sum_minor(column: impl sea_orm::IntoSimpleExpr) -> sea_orm::sea_query::SimpleExpr {
    sea_orm::sea_query::Func::cast_as(
        sea_orm::sea_query::Func::sum(column.into_simple_expr()),
        sea_orm::sea_query::Alias::new("BIGINT"),
    )
    .into()
}

/// Minor units in the currency with this ISO code, as a decimal string
/// ("12.34"); an unknown code shows the bare number.
#[must_use]
pub fn format_in(minor: i64, code: &str) -> String {
    currency(code).map_or_else(|| minor.to_string(), |c| format_minor(minor, c))
}

/// The same followed by the code ("12.34 EUR"), for people to read.
#[must_use]
pub fn format_with_code(minor: i64, code: &str) -> String {
    currency(code).map_or_else(
        || minor.to_string(),
        |c| format!("{} {code}", format_minor(minor, c)),
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn typed_numbers_read_as_people_write_them() {
        let typed = |text: &str| Notation::Typed.plain(text, 2);
        for (text, plain) in [
            ("12,50", "12.50"),
            ("12.50", "12.50"),
            ("1.234,56", "1234.56"),
            ("1,234.56", "1234.56"),
            ("1.234.567", "1234567"),
            ("1 234,56", "1234.56"),
            ("1\u{202f}234,56", "1234.56"),
            ("1'234.56", "1234.56"),
            ("0,125", "0.125"),
            ("7", "7"),
            (" 3,5 ", "3.5"),
            ("-4,20", "-4.20"),
        ] {
            assert_eq!(typed(text), Ok(plain.to_string()), "{text}");
        }
        let ambiguous = typed("1.234").unwrap_err();
        assert_eq!(
            ambiguous,
            "is ambiguous: type 1234 for the whole amount, or at most 2 decimals"
        );
        assert!(typed("1,234").unwrap_err().contains("ambiguous"));
        // Spaces group thousands only where thousands are.
        for bad in [
            "12 5",
            "1 23,45",
            "1.23.4",
            "12,34,5",
            "1.234,5,6",
            "1 234.567,8.9",
        ] {
            assert!(typed(bad).is_err(), "{bad}");
        }
        for bad in [",", "-", ".", "1.", ",5", "1.2345.678", "١٢"] {
            let refused = typed(bad).map_or(true, |plain| parse_amount(&plain, eur()).is_err());
            assert!(refused, "{bad}");
        }
        // The currency's decimals settle what a lone separator means.
        let kwd = Currency::KWD;
        let jpy = Currency::JPY;
        assert_eq!(parse_amount_as("12,345", kwd, Notation::Typed), Ok(12_345));
        assert_eq!(parse_amount_as("1.234", jpy, Notation::Typed), Ok(1234));
        assert_eq!(
            parse_amount_as("1.234,5", jpy, Notation::Typed),
            Err("must be a whole number in JPY".to_string())
        );
        // The API's numbers are read exactly as sent.
        assert_eq!(Notation::Plain.plain("12,50", 2), Ok("12,50".to_string()));
        assert!(parse_amount_as("12,50", eur(), Notation::Plain).is_err());
        assert_eq!(parse_amount_as("12,50", eur(), Notation::Typed), Ok(1250));
    }

    #[test]
    fn every_amount_the_app_writes_reads_back_as_typed() {
        use iso_currency::IntoEnumIterator;
        for currency in Currency::iter() {
            for minor in [1, 999, 12_345, 1_234_567, 123_456_789] {
                let written = format_minor(minor, currency);
                assert_eq!(
                    parse_amount_as(&written, currency, Notation::Typed),
                    Ok(minor),
                    "{written} {}",
                    currency.code()
                );
            }
        }
    }

    use super::*;

    fn eur() -> Currency {
        currency("eur").unwrap()
    }

    #[test]
    fn parses_amounts_by_the_currencys_decimals() {
        assert_eq!(parse_amount("12.34", eur()), Ok(1234));
        assert_eq!(parse_amount("12.3", eur()), Ok(1230));
        assert_eq!(parse_amount(" 7 ", eur()), Ok(700));
        assert_eq!(parse_amount("1500", currency("JPY").unwrap()), Ok(1500));
        assert_eq!(parse_amount("1.234", currency("KWD").unwrap()), Ok(1234));
        assert!(parse_amount("1.5", currency("JPY").unwrap())
            .unwrap_err()
            .contains("whole number"));
        assert!(parse_amount("1.234", eur())
            .unwrap_err()
            .contains("at most 2 decimals"));
        for bad in [
            "", "-1", "1,50", "1.", ".5", "1e3", "12.34.5", "abc", "0", "0.00",
        ] {
            assert!(parse_amount(bad, eur()).is_err(), "{bad:?}");
        }
        assert!(parse_amount("999999999999999", eur()).is_err());
    }

    #[test]
    fn formats_minor_units() {
        assert_eq!(format_minor(1234, eur()), "12.34");
        assert_eq!(format_minor(5, eur()), "0.05");
        assert_eq!(format_minor(-5, eur()), "-0.05");
        assert_eq!(format_minor(1500, currency("JPY").unwrap()), "1500");
    }

    #[test]
    fn converts_exactly_and_rounds_half_away_from_zero() {
        let usd = currency("USD").unwrap();
        let jpy = currency("JPY").unwrap();
        let rate = parse_rate("0.92").unwrap();
        assert_eq!(convert(1000, usd, rate, eur()), Ok(920));
        // 0.05 USD * 0.5 = 0.025 EUR -> 0.03
        assert_eq!(convert(5, usd, parse_rate("0.5").unwrap(), eur()), Ok(3));
        assert_eq!(
            convert(1000, jpy, parse_rate("0.0062").unwrap(), eur()),
            Ok(620)
        );
        assert!(parse_rate("0").is_err());
        assert!(parse_rate("-1").is_err());
        assert!(parse_rate("x").is_err());
    }

    #[test]
    fn no_rate_overflows_or_turns_an_amount_into_nothing() {
        let usd = currency("USD").unwrap();
        // The largest decimal there is: the multiplication used to panic.
        let huge = parse_rate("79228162514264337593543950335").unwrap();
        assert_eq!(
            convert(99_999_999_999_999, usd, huge, eur()),
            Err("is too large after conversion".to_string())
        );
        assert_eq!(
            convert(100, usd, parse_rate("10000000000000").unwrap(), eur()),
            Err("is too large after conversion".to_string())
        );
        assert_eq!(
            convert(1, usd, parse_rate("0.0000000001").unwrap(), eur()),
            Err("is less than the smallest amount in EUR at this rate".to_string())
        );
        assert_eq!(convert(1, usd, parse_rate("0.5").unwrap(), eur()), Ok(1));
    }
}
