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
