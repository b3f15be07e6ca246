//! MONEY: an amount with its currency as an ISO 4217 code — "$3.5 billion",
//! "3.499 billion euros", "£20", "¥1,000", "US$3bn", "Canadian dollars", "50
//! cents", "$10-12 million" — and the unit a price is per ("16.73 cents a pound").
//!
//! "pounds" after a number is sterling only with a scale word or "sterling"
//! ("20 million pounds"); otherwise it is left to QUANTITY as a weight.

use super::lexicon::{Kw, Sense};
use super::number::{number, range, Num};
use super::scan::Match;
use super::units;
use super::value::Value;
use super::view::View;
use crate::label::Label;

/// Currency words written after an amount: (word, family, ISO code, units per word).
/// The family lets an adjective pick the country ("Canadian" + dollar → CAD).
pub(crate) const CURRENCY_WORDS: &[(&str, &str, &str, f64)] = &[
    ("dollar", "dollar", "USD", 1.0),
    ("dollars", "dollar", "USD", 1.0),
    ("cent", "cent", "USD", 0.01),
    ("cents", "cent", "USD", 0.01),
    ("euro", "euro", "EUR", 1.0),
    ("euros", "euro", "EUR", 1.0),
    ("pound", "pound", "GBP", 1.0),
    ("pounds", "pound", "GBP", 1.0),
    ("sterling", "sterling", "GBP", 1.0),
    ("penny", "penny", "GBP", 0.01),
    ("pence", "penny", "GBP", 0.01),
    ("yen", "yen", "JPY", 1.0),
    ("yuan", "yuan", "CNY", 1.0),
    ("renminbi", "yuan", "CNY", 1.0),
    ("rupee", "rupee", "INR", 1.0),
    ("rupees", "rupee", "INR", 1.0),
    ("ruble", "ruble", "RUB", 1.0),
    ("rubles", "ruble", "RUB", 1.0),
    ("rouble", "ruble", "RUB", 1.0),
    ("roubles", "ruble", "RUB", 1.0),
    ("franc", "franc", "CHF", 1.0),
    ("francs", "franc", "CHF", 1.0),
    ("peso", "peso", "MXN", 1.0),
    ("pesos", "peso", "MXN", 1.0),
    ("reais", "real", "BRL", 1.0),
    ("rand", "rand", "ZAR", 1.0),
    ("naira", "naira", "NGN", 1.0),
    ("shilling", "shilling", "KES", 1.0),
    ("shillings", "shilling", "KES", 1.0),
    ("dinar", "dinar", "IQD", 1.0),
    ("dinars", "dinar", "IQD", 1.0),
    ("won", "won", "KRW", 1.0),
    ("baht", "baht", "THB", 1.0),
    ("ringgit", "ringgit", "MYR", 1.0),
    ("rupiah", "rupiah", "IDR", 1.0),
    ("dong", "dong", "VND", 1.0),
    ("kyat", "kyat", "MMK", 1.0),
    ("taka", "taka", "BDT", 1.0),
    ("afghanis", "afghani", "AFN", 1.0),
    ("riyal", "riyal", "SAR", 1.0),
    ("riyals", "riyal", "SAR", 1.0),
    ("rial", "rial", "IRR", 1.0),
    ("rials", "rial", "IRR", 1.0),
    ("dirham", "dirham", "AED", 1.0),
    ("dirhams", "dirham", "AED", 1.0),
    ("lira", "lira", "TRY", 1.0),
    ("liras", "lira", "TRY", 1.0),
    ("shekel", "shekel", "ILS", 1.0),
    ("shekels", "shekel", "ILS", 1.0),
    ("hryvnia", "hryvnia", "UAH", 1.0),
    ("hryvnias", "hryvnia", "UAH", 1.0),
    ("zloty", "zloty", "PLN", 1.0),
    ("zlotys", "zloty", "PLN", 1.0),
    ("forint", "forint", "HUF", 1.0),
    ("forints", "forint", "HUF", 1.0),
    ("koruna", "koruna", "CZK", 1.0),
    ("korunas", "koruna", "CZK", 1.0),
    ("krona", "krona", "SEK", 1.0),
    ("kronor", "krona", "SEK", 1.0),
    ("krone", "krone", "NOK", 1.0),
    ("kroner", "krone", "NOK", 1.0),
    ("lei", "leu", "RON", 1.0),
    ("tenge", "tenge", "KZT", 1.0),
    ("cedis", "cedi", "GHS", 1.0),
    ("kwacha", "kwacha", "ZMW", 1.0),
    ("birr", "birr", "ETB", 1.0),
    ("bolivars", "bolivar", "VES", 1.0),
    ("markka", "markka", "FIM", 1.0),
    ("usd", "code", "USD", 1.0),
    ("eur", "code", "EUR", 1.0),
    ("gbp", "code", "GBP", 1.0),
    ("jpy", "code", "JPY", 1.0),
    ("cny", "code", "CNY", 1.0),
    ("rmb", "code", "CNY", 1.0),
    ("chf", "code", "CHF", 1.0),
    ("inr", "code", "INR", 1.0),
    ("rub", "code", "RUB", 1.0),
    ("aud", "code", "AUD", 1.0),
    ("cad", "code", "CAD", 1.0),
    ("hkd", "code", "HKD", 1.0),
    ("krw", "code", "KRW", 1.0),
    ("brl", "code", "BRL", 1.0),
];

/// Country adjectives that pick the currency of a family.
const ADJECTIVES: &[(&str, &str, &str)] = &[
    ("u.s.", "dollar", "USD"),
    ("us", "dollar", "USD"),
    ("american", "dollar", "USD"),
    ("canadian", "dollar", "CAD"),
    ("australian", "dollar", "AUD"),
    ("singapore", "dollar", "SGD"),
    ("taiwan", "dollar", "TWD"),
    ("taiwanese", "dollar", "TWD"),
    ("zimbabwe", "dollar", "ZWL"),
    ("zimbabwean", "dollar", "ZWL"),
    ("jamaican", "dollar", "JMD"),
    ("liberian", "dollar", "LRD"),
    ("mexican", "peso", "MXN"),
    ("philippine", "peso", "PHP"),
    ("argentine", "peso", "ARS"),
    ("argentinian", "peso", "ARS"),
    ("chilean", "peso", "CLP"),
    ("colombian", "peso", "COP"),
    ("cuban", "peso", "CUP"),
    ("indian", "rupee", "INR"),
    ("pakistani", "rupee", "PKR"),
    ("nepalese", "rupee", "NPR"),
    ("nepali", "rupee", "NPR"),
    ("egyptian", "pound", "EGP"),
    ("lebanese", "pound", "LBP"),
    ("syrian", "pound", "SYP"),
    ("sudanese", "pound", "SDG"),
    ("british", "pound", "GBP"),
    ("swiss", "franc", "CHF"),
    ("cfa", "franc", "XOF"),
    ("congolese", "franc", "CDF"),
    ("iraqi", "dinar", "IQD"),
    ("jordanian", "dinar", "JOD"),
    ("kuwaiti", "dinar", "KWD"),
    ("libyan", "dinar", "LYD"),
    ("algerian", "dinar", "DZD"),
    ("tunisian", "dinar", "TND"),
    ("serbian", "dinar", "RSD"),
    ("bahraini", "dinar", "BHD"),
    ("kenyan", "shilling", "KES"),
    ("ugandan", "shilling", "UGX"),
    ("tanzanian", "shilling", "TZS"),
    ("somali", "shilling", "SOS"),
    ("saudi", "riyal", "SAR"),
    ("qatari", "riyal", "QAR"),
    ("iranian", "rial", "IRR"),
    ("omani", "rial", "OMR"),
    ("yemeni", "rial", "YER"),
    ("turkish", "lira", "TRY"),
    ("chinese", "yuan", "CNY"),
    ("japanese", "yen", "JPY"),
    ("russian", "ruble", "RUB"),
    ("danish", "krone", "DKK"),
    ("norwegian", "krone", "NOK"),
    ("swedish", "krona", "SEK"),
    ("korean", "won", "KRW"),
    ("finnish", "markka", "FIM"),
];

/// Two-word country names before "dollars", "won" …: (first, second, family, code).
const TWO_WORD_ADJECTIVES: &[(&str, &str, &str, &str)] = &[
    ("hong", "kong", "dollar", "HKD"),
    ("new", "zealand", "dollar", "NZD"),
    ("south", "korean", "won", "KRW"),
    ("north", "korean", "won", "KPW"),
    ("south", "african", "rand", "ZAR"),
    ("sri", "lankan", "rupee", "LKR"),
];

/// Currency signs and prefixes written before an amount.
const SYMBOLS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("US$", "USD"),
    ("U.S.$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₹", "INR"),
    ("₩", "KRW"),
    ("₽", "RUB"),
    ("₺", "TRY"),
    ("₪", "ILS"),
    ("₦", "NGN"),
    ("₱", "PHP"),
    ("₫", "VND"),
    ("฿", "THB"),
    ("R$", "BRL"),
    ("C$", "CAD"),
    ("CA$", "CAD"),
    ("A$", "AUD"),
    ("AU$", "AUD"),
    ("HK$", "HKD"),
    ("NZ$", "NZD"),
    ("S$", "SGD"),
    ("SG$", "SGD"),
    ("NT$", "TWD"),
    ("Rs", "INR"),
    ("Rs.", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("JPY", "JPY"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("CHF", "CHF"),
    ("INR", "INR"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("HKD", "HKD"),
];

/// Nouns a price can be per besides measurement units.
const PER_NOUNS: &[&str] = &[
    "share", "head", "person", "hour", "day", "week", "month", "year", "night", "unit", "ticket",
    "seat", "vote",
];

/// A currency sign at `i` (also "C" + "$" split by the tokenizer): code and end.
fn symbol(v: &View, i: usize) -> Option<(&'static str, usize)> {
    let t = v.text(i);
    // No sign or code begins with a digit; most tokens asked about are numbers.
    if t.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if let Some(&(_, code)) = SYMBOLS.iter().find(|(s, _)| *s == t) {
        // "Rs" and the three-letter codes must be followed by an amount.
        return Some((code, i + 1));
    }
    if v.punct(i + 1, '$')
        && v.glued(i + 1)
        && t.len() <= 3
        && t.bytes().all(|b| b.is_ascii_uppercase() || b == b'.')
    {
        let joined = format!("{t}$");
        let code = SYMBOLS.iter().find(|(s, _)| *s == joined)?.1;
        return Some((code, i + 2));
    }
    // "c $ 16.4 million" (lower-cased text); never the article in "a $2 billion loss".
    if t.len() <= 2
        && v.punct(i + 1, '$')
        && t.bytes().all(|b| b.is_ascii_alphabetic())
        && !v.kw(i, Kw::A)
    {
        let joined = format!("{}$", t.to_ascii_uppercase());
        let code = SYMBOLS.iter().find(|(s, _)| *s == joined)?.1;
        return Some((code, i + 2));
    }
    None
}

/// A currency word at `i`, possibly after a country adjective: code, factor, family, end.
fn currency_word(v: &View, i: usize) -> Option<(&'static str, f64, &'static str, usize)> {
    let lookup = |j: usize| {
        v.find(j, |s| match s {
            Sense::Currency(k) => CURRENCY_WORDS.get(usize::from(k)),
            _ => None,
        })
    };
    if let Some(&(_, family, code, factor)) = lookup(i) {
        return Some((code, factor, family, i + 1));
    }
    // "Hong Kong dollars", "Canadian dollars". The currency word after the
    // adjective is looked up first: it is rarely there, and the adjective lists
    // are long (this function runs at every number).
    if let Some(&(_, f, _, factor)) = lookup(i + 2) {
        for &(a, b, family, code) in TWO_WORD_ADJECTIVES {
            if f == family && v.is(i, a) && v.is(i + 1, b) {
                return Some((code, factor, family, i + 3));
            }
        }
    }
    let &(_, f, _, factor) = lookup(i + 1)?;
    let t = v.text(i);
    // The adjectives are lowercase; the first listed spelling decides.
    let &(_, family, code) = ADJECTIVES
        .iter()
        .find(|(a, _, _)| a.eq_ignore_ascii_case(t))?;
    (f == family).then_some((code, factor, family, i + 2))
}

/// "a pound", "per barrel", "/kg" after an amount: the unit symbol and the end.
fn per_unit(v: &View, j: usize) -> Option<(String, usize)> {
    let k = if v.kw(j, Kw::A) || v.kw(j, Kw::Per) || v.punct(j, '/') {
        j + 1
    } else if v.punct(j, '-') && v.kw(j + 1, Kw::A) && v.punct(j + 2, '-') {
        // "$70-a-share"
        j + 3
    } else {
        return None;
    };
    if let Some(u) = units::unit_word(v, k) {
        return Some((u.symbol.to_string(), k + 1));
    }
    let w = v.text(k).to_ascii_lowercase();
    PER_NOUNS
        .iter()
        .find(|n| **n == w)
        .map(|n| (n.to_string(), k + 1))
}

fn money(
    i: usize,
    end: usize,
    amount: f64,
    to: Option<f64>,
    currency: &str,
    per: Option<String>,
) -> Match {
    Match::new(
        i,
        end,
        Label::Money,
        Value::Money {
            amount,
            to,
            currency: currency.to_string(),
            per,
            modifier: None,
        },
    )
}

/// Amount or range after a currency sign: "3.5 billion", "10-12 million", "10 to $12".
fn amount_after_sign(v: &View, j: usize) -> Option<(Num, Option<Num>, usize)> {
    let lo = number(v, j)?;
    // "$10 to $12 million", "$10-$12"
    let k = lo.end;
    if v.kw(k, Kw::To) || v.punct(k, '-') || v.kw(k, Kw::And) {
        let mut m = k + 1;
        if symbol(v, m).is_some() {
            m = symbol(v, m)?.1;
        }
        if let Some(hi) = number(v, m) {
            let mut lo2 = lo;
            if hi.scale > 0 && lo.scale == 0 {
                let scaled = super::number::scale(lo.value, hi.scale);
                if scaled <= hi.value {
                    lo2.value = scaled;
                }
            }
            if lo2.value < hi.value && (v.kw(k, Kw::And) == v.kw(j.wrapping_sub(2), Kw::Between)) {
                return Some((lo2, Some(hi), hi.end));
            }
        }
    }
    Some((lo, None, lo.end))
}

/// MONEY starting at token `i`.
pub(crate) fn money_span(v: &View, i: usize) -> Option<Match> {
    // "between $5 and $7"
    if v.kw(i, Kw::Between) {
        let (code, j) = symbol(v, i + 1)?;
        let (lo, hi, end) = amount_after_sign(v, j)?;
        let hi = hi?;
        return Some(money(i, end, lo.value, Some(hi.value), code, None));
    }
    // Sign first.
    if let Some((code, j)) = symbol(v, i) {
        let (lo, hi, mut end) = amount_after_sign(v, j)?;
        // "$5 million dollars"
        if let Some((_, _, _, e)) = currency_word(v, end) {
            end = e;
        }
        let per = per_unit(v, end);
        let end = per.as_ref().map_or(end, |(_, e)| *e);
        return Some(money(
            i,
            end,
            lo.value,
            hi.map(|h| h.value),
            code,
            per.map(|(u, _)| u),
        ));
    }
    // Amount first: "3.499 billion euros", "10 to 12 million dollars".
    let (lo, hi, j) = match range(v, i, false) {
        Some((lo, hi, end)) => (lo, Some(hi), end),
        None => {
            let n = number(v, i)?;
            (n, None, n.end)
        }
    };
    let (code, factor, family, mut end) = currency_word(v, j)?;
    if family == "pound" && !v.is(end, "sterling") {
        // Sterling only when the amount is large or the text says so.
        if lo.scale < 6 && hi.is_none_or(|h| h.scale < 6) {
            return None;
        }
    }
    if v.is(end, "sterling") {
        end += 1;
    }
    // "won" as the verb: "3 won" without a scale is rarely money.
    if family == "won" && lo.scale < 6 && v.capitalized(j) {
        return None;
    }
    let per = per_unit(v, end);
    let end = per.as_ref().map_or(end, |(_, e)| *e);
    Some(money(
        i,
        end,
        round(lo.value * factor),
        hi.map(|h| round(h.value * factor)),
        code,
        per.map(|(u, _)| u),
    ))
}

/// Rounds away binary noise from scaling by 0.01 (16.73 cents → 0.1673).
fn round(x: f64) -> f64 {
    let scaled = (x * 1e10).round() / 1e10;
    if (scaled - x).abs() < 1e-9 * x.abs().max(1.0) {
        scaled
    } else {
        x
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::match_at_start;

    #[test]
    fn word_lists_fit_the_fast_checks() {
        // `currency_word` compares them ignoring case against the token.
        for (a, _, _) in ADJECTIVES {
            assert_eq!(*a, a.to_ascii_lowercase());
        }
        for (a, b, _, _) in TWO_WORD_ADJECTIVES {
            assert_eq!(format!("{a} {b}"), format!("{a} {b}").to_ascii_lowercase());
        }
        // `symbol` skips tokens that begin with a digit.
        for (sign, _) in SYMBOLS {
            assert!(!sign.starts_with(|c: char| c.is_ascii_digit()), "{sign}");
        }
    }

    #[test]
    fn currency_adjectives_in_any_case() {
        for text in [
            "20 Canadian dollars",
            "20 CANADIAN DOLLARS",
            "20 canadian Dollars",
        ] {
            assert_eq!(m(text), Some(format!("{text} = 20 CAD")));
        }
        assert_eq!(
            m("5 Hong Kong dollars").as_deref(),
            Some("5 Hong Kong dollars = 5 HKD")
        );
        // An adjective with some other currency's word is no currency.
        assert_eq!(m("20 Canadian pounds"), None);
    }

    fn m(text: &str) -> Option<String> {
        match_at_start(text, money_span)
    }

    #[test]
    fn signs_and_words() {
        assert_eq!(m("$3.5 billion").unwrap(), "$3.5 billion = 3500000000 USD");
        assert_eq!(
            m("3.499 billion euros").unwrap(),
            "3.499 billion euros = 3499000000 EUR"
        );
        assert_eq!(m("£20").unwrap(), "£20 = 20 GBP");
        assert_eq!(m("¥1,000").unwrap(), "¥1,000 = 1000 JPY");
        assert_eq!(m("US$3bn").unwrap(), "US$3bn = 3000000000 USD");
        assert_eq!(
            m("16.73 cents a pound").unwrap(),
            "16.73 cents a pound = 0.1673 USD/lb"
        );
        assert_eq!(
            m("420 million finnish markka").unwrap(),
            "420 million finnish markka = 420000000 FIM"
        );
        assert_eq!(
            m("5 Canadian dollars").unwrap(),
            "5 Canadian dollars = 5 CAD"
        );
        assert_eq!(
            m("20 million pounds").unwrap(),
            "20 million pounds = 20000000 GBP"
        );
        assert_eq!(m("20 pounds"), None);
        assert_eq!(
            m("C$ 16.4 million").unwrap(),
            "C$ 16.4 million = 16400000 CAD"
        );
    }

    #[test]
    fn ranges() {
        assert_eq!(
            m("$10-12 million").unwrap(),
            "$10-12 million = 10000000–12000000 USD"
        );
        assert_eq!(m("$10 to $12").unwrap(), "$10 to $12 = 10–12 USD");
        assert_eq!(
            m("10 to 12 million dollars").unwrap(),
            "10 to 12 million dollars = 10000000–12000000 USD"
        );
        assert_eq!(
            m("between $5 and $7").unwrap(),
            "between $5 and $7 = 5–7 USD"
        );
    }
}
