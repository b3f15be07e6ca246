//! Number phrases — digits, words or both: "11,000", "1.2 million", "3bn",
//! "forty-five", "a dozen", "two thirds", "one and a half", "2 1/4", "minus five" —
//! and the CARDINAL, ORDINAL and number-range spans built from them.

use super::lexicon::{Kw, Sense};
use super::number_words::{self, denominator};
use super::numeral::{digits, numeral};
use super::scan::Match;
use super::value::Value;
use super::view::View;
use crate::label::Label;
use crate::text::TokenKind;

/// A number phrase.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Num {
    /// The value.
    pub value: f64,
    /// Token just past the phrase.
    pub end: usize,
    /// Contains number words.
    pub spelled: bool,
    /// The power of ten of a trailing scale word ("million" → 6), 0 if none.
    pub scale: u8,
    /// A single digit token holding a whole number with no separators ("2025").
    pub plain: bool,
}

/// Unicode vulgar fractions.
fn vulgar(c: &str) -> Option<f64> {
    Some(match c {
        "½" => 0.5,
        "⅓" => 1.0 / 3.0,
        "⅔" => 2.0 / 3.0,
        "¼" => 0.25,
        "¾" => 0.75,
        "⅕" => 0.2,
        "⅛" => 0.125,
        "⅙" => 1.0 / 6.0,
        "⅚" => 5.0 / 6.0,
        "⅜" => 0.375,
        "⅝" => 0.625,
        "⅞" => 0.875,
        "⅖" => 0.4,
        "⅗" => 0.6,
        "⅘" => 0.8,
        _ => return None,
    })
}

/// A proper fraction in one token: "3/4", "-4/5".
fn slash_fraction(s: &str) -> Option<f64> {
    let (neg, s) = match s.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, s),
    };
    let (n, d) = s.split_once('/')?;
    let (n, d) = (digits(n)?, digits(d)?);
    if n == 0 || d < 2 || n >= d || d > 100 {
        return None;
    }
    let v = f64::from(n) / f64::from(d);
    Some(if neg { -v } else { v })
}

/// `x` × 10^`exp`, rounded as if written so ("16.4e6" is 16400000, where the
/// float product would be 16399999.999999998).
pub(crate) fn scale(x: f64, exp: u8) -> f64 {
    if exp == 0 {
        return x;
    }
    format!("{x}e{exp}")
        .parse()
        .unwrap_or(x * 10f64.powi(i32::from(exp)))
}

/// A scale word at token `j` after a number ending at `j - 1`: "million", "bn",
/// "k" (glued or not), "M" glued and uppercase; returns the power of ten.
fn scale_after(v: &View, j: usize) -> Option<u8> {
    let t = v.text(j);
    if (t == "M" && v.glued(j)) || t == "MM" {
        return Some(6);
    }
    if (t == "B" || t == "b") && v.glued(j) {
        return Some(9);
    }
    v.find(j, |s| match s {
        Sense::Scale(e) => Some(e),
        _ => None,
    })
}

/// Fraction continuation after a whole number: "and a half", "and three quarters".
fn and_fraction(v: &View, j: usize) -> Option<(f64, usize)> {
    if !v.kw(j, Kw::And) {
        return None;
    }
    let k = j + 1;
    if v.kw(k, Kw::A) {
        let d = denominator(v, k + 1, true)?;
        return Some((1.0 / d, k + 2));
    }
    let (num, e) = number_words::cardinal(v, k)?;
    let singular = num.value() == 1.0;
    let d = denominator(v, e, singular)?;
    Some((num.value() / d, e + 1))
}

/// The number phrase starting at token `i`.
pub(crate) fn number(v: &View, i: usize) -> Option<Num> {
    v.memo.number(i, || read_number(v, i))
}

fn read_number(v: &View, i: usize) -> Option<Num> {
    let (sign, j) = if v.kw(i, Kw::Minus) {
        (-1.0, i + 1)
    } else {
        (1.0, i)
    };
    let mut n = unsigned(v, j)?;
    n.value *= sign;
    n.spelled |= j > i;
    if let Some(p) = power(v, &n) {
        return Some(p);
    }
    Some(ratio(v, n).unwrap_or(n))
}

/// "1.1^23", "2.5^-1", "-1.1^--23", "1.3x10^6": the power of a number just read.
fn power(v: &View, n: &Num) -> Option<Num> {
    let k = n.end;
    if !(v.punct(k, '^') && v.glued(k) && v.glued(k + 1)) {
        return None;
    }
    let t = v.text(k + 1);
    let minuses = t.bytes().take_while(|&b| b == b'-').count();
    let body = t.trim_start_matches(['-', '+']);
    let e = numeral(body)?;
    if !e.suffix.is_empty() || e.value.abs() > 300.0 {
        return None;
    }
    let exp = if minuses % 2 == 1 { -e.value } else { e.value };
    let value = n.value.signum() * n.value.abs().powf(exp);
    value.is_finite().then_some(Num {
        value,
        end: k + 2,
        spelled: false,
        scale: 0,
        plain: false,
    })
}

/// "one over three", "1 over 20", "two out of five hundred", "one in five":
/// a ratio read as a fraction. "over" needs no unit or plural noun after it
/// ("300 over 2 years" is a count and a duration).
fn ratio(v: &View, n: Num) -> Option<Num> {
    let k = n.end;
    let (den_start, guarded) = if v.kw(k, Kw::Over) {
        (k + 1, true)
    } else if v.kw(k, Kw::Out) && v.kw(k + 1, Kw::Of) {
        (k + 2, false)
    } else if v.kw(k, Kw::In) && n.value == 1.0 {
        (k + 1, false)
    } else {
        return None;
    };
    if n.scale > 0 || n.value < 0.0 && !guarded {
        return None;
    }
    let d = unsigned(v, den_start)?;
    if d.value <= 0.0 || d.value.fract() != 0.0 || (d.plain && v.text(den_start).len() == 4) {
        return None;
    }
    if !guarded && d.value < n.value.abs() {
        return None;
    }
    let after = v.text(d.end);
    let counted = v.senses(d.end).any(|s| {
        matches!(
            s,
            Sense::Unit(..) | Sense::Measure(_) | Sense::Currency(_) | Sense::Percent
        )
    }) || v.punct(d.end, '%')
        || (v.kind(d.end) == Some(TokenKind::Word)
            && after.ends_with('s')
            && after.starts_with(|c: char| c.is_lowercase())
            && guarded);
    if counted && guarded {
        return None;
    }
    Some(Num {
        value: n.value / d.value,
        end: d.end,
        spelled: n.spelled || d.spelled,
        scale: 0,
        plain: false,
    })
}

fn unsigned(v: &View, i: usize) -> Option<Num> {
    if v.is_number(i) {
        return digit_number(v, i);
    }
    if let Some(f) = vulgar(v.text(i)) {
        return Some(Num {
            value: f,
            end: i + 1,
            spelled: false,
            scale: 0,
            plain: false,
        });
    }
    word_number(v, i)
}

fn digit_number(v: &View, i: usize) -> Option<Num> {
    let text = v.text(i);
    if let Some(f) = slash_fraction(text) {
        return Some(Num {
            value: f,
            end: i + 1,
            spelled: false,
            scale: 0,
            plain: false,
        });
    }
    // "1.3x10^6": scientific notation the tokenizer keeps in one token.
    if let Some(base) = text
        .strip_suffix("x10")
        .or_else(|| text.strip_suffix("×10"))
    {
        let b = numeral(base)?;
        let caret = v.punct(i + 1, '^') && v.glued(i + 1);
        if !(b.suffix.is_empty() && caret) {
            return None;
        }
        let e = v.numeral(i + 2)?;
        if !e.suffix.is_empty() || e.value.abs() > 300.0 {
            return None;
        }
        let value = b.value * 10f64.powf(e.value);
        return Some(Num {
            value: format!("{}e{}", b.value, e.value).parse().unwrap_or(value),
            end: i + 3,
            spelled: false,
            scale: 0,
            plain: false,
        });
    }
    let n = v.numeral(i)?;
    let mut value = n.value;
    let mut scale = 0;
    match n.suffix.to_ascii_lowercase().as_str() {
        "" => {}
        "k" => scale = 3,
        "m" if n.suffix == "M" => scale = 6,
        "mil" | "mn" => scale = 6,
        "b" | "bn" => scale = 9,
        // "-12e-1": the tokenizer splits the exponent's sign off.
        "e" if v.punct(i + 1, '-') && v.glued(i + 1) && v.glued(i + 2) => {
            let e = v.numeral(i + 2)?;
            if !e.suffix.is_empty() || e.value > 300.0 {
                return None;
            }
            let value: f64 = format!("{}e-{}", n.value, e.value).parse().ok()?;
            return Some(Num {
                value,
                end: i + 3,
                spelled: false,
                scale: 0,
                plain: false,
            });
        }
        _ => return None,
    }
    let mut end = i + 1;
    let plain = n.is_plain_integer();
    // "3 hundred and 21", "4 thousand 3 hundred": whole numbers below 1000 before
    // "hundred"/"thousand" continue as a spelled number.
    if plain && value < 1000.0 && scale == 0 {
        if let Some((w, e)) = number_words::cardinal(v, i) {
            if e > i + 1 {
                let (mut value, mut end) = (w.value(), e);
                // "3 million and a half"
                if let (Some(s), Some((f, fe))) = (w.ends_with_scale(), and_fraction(v, e)) {
                    if scale_after(v, fe).is_none() {
                        value += self::scale(f, s);
                        end = fe;
                    }
                }
                return Some(Num {
                    value,
                    end,
                    spelled: true,
                    scale: last_scale(v, e),
                    plain: false,
                });
            }
        }
    }
    if scale == 0 {
        if let Some(e) = scale_after(v, end) {
            scale = e;
            end += 1;
        }
    }
    value = self::scale(value, scale);
    // "3 million and a half" is 3.5 million.
    if scale >= 3 {
        if let Some((f, e)) = and_fraction(v, end) {
            if scale_after(v, e).is_none() {
                value += self::scale(f, scale);
                end = e;
            }
        }
    }
    // Space-grouped thousands: "1 234 567", "40 000", "1 234 567.89".
    if plain && scale == 0 && n.int_digits <= 3 && !n.leading_zero {
        let mut k = end;
        let mut grouped = value;
        while v.is_number(k) {
            let t = v.text(k);
            let (digits3, frac) = match t.split_once('.') {
                Some((a, b)) => (a, Some(b)),
                None => (t, None),
            };
            if digits3.len() != 3 || !digits3.bytes().all(|b| b.is_ascii_digit()) {
                break;
            }
            let gap = &v.text[v.tokens[k - 1].end as usize..v.tokens[k].start as usize];
            if gap.chars().count() != 1 {
                break;
            }
            grouped = grouped * 1000.0 + f64::from(digits(digits3)?);
            k += 1;
            if let Some(f) = frac {
                if !f.bytes().all(|b| b.is_ascii_digit()) || f.is_empty() {
                    return None;
                }
                grouped += format!("0.{f}").parse::<f64>().ok()?;
                break;
            }
        }
        if k > end {
            value = grouped;
            end = k;
        }
    }
    // "2 1/4"
    if plain && scale == 0 && end == i + 1 {
        if let Some(f) = v.tokens.get(end).and_then(|_| slash_fraction(v.text(end))) {
            if f > 0.0 {
                return Some(Num {
                    value: value + f,
                    end: end + 1,
                    spelled: false,
                    scale: 0,
                    plain: false,
                });
            }
        }
    }
    Some(Num {
        value,
        end,
        spelled: false,
        scale,
        plain: plain && end == i + 1,
    })
}

fn last_scale(v: &View, end: usize) -> u8 {
    end.checked_sub(1)
        .and_then(|k| {
            v.find(k, |s| match s {
                Sense::Scale(e) => Some(e),
                _ => None,
            })
        })
        .unwrap_or(0)
}

fn word_number(v: &View, i: usize) -> Option<Num> {
    let num = |value: f64, end: usize| Num {
        value,
        end,
        spelled: true,
        scale: last_scale(v, end),
        plain: false,
    };
    // "half a million", "half million", "a quarter million", "quarter million"
    let part = |k: usize| {
        if v.kw(k, Kw::Half) {
            Some(0.5)
        } else if v.kw(k, Kw::Quarter) {
            Some(0.25)
        } else {
            None
        }
    };
    let k = if v.kw(i, Kw::A) { i + 1 } else { i };
    if let Some(f) = part(k) {
        let j = if v.kw(k + 1, Kw::A) { k + 2 } else { k + 1 };
        if let Some(e) = scale_after(v, j).filter(|&e| e >= 3) {
            return Some(num(scale(f, e), j + 1));
        }
        if v.kw(k, Kw::Half) && v.kw(k + 1, Kw::A) && k == i {
            if let Some((w, e)) = number_words::cardinal(v, k + 1) {
                return Some(num(w.value() / 2.0, e));
            }
        }
    }
    // "half of the votes", "more than half": half on its own is a number.
    if v.kw(i, Kw::Half) {
        let next = v.text(i + 1).to_ascii_lowercase();
        let before_det = matches!(
            next.as_str(),
            "of" | "the"
                | "their"
                | "his"
                | "her"
                | "its"
                | "our"
                | "all"
                | "those"
                | "these"
                | "that"
                | "this"
        );
        let after_cmp = i > 0
            && (v.kw(i - 1, Kw::Than)
                || v.kw(i - 1, Kw::About)
                || v.kw(i - 1, Kw::Nearly)
                || v.kw(i - 1, Kw::Over));
        if before_det || after_cmp || v.kind(i + 1) != Some(TokenKind::Word) {
            return Some(num(0.5, i + 1));
        }
    }
    // "a half", "a third", "a quarter" (not a calendar quarter), "a trillionth".
    if v.kw(i, Kw::A) {
        if let Some(f) = fraction(v, i) {
            return Some(num(f.0, f.1));
        }
        if let Some(d) = denominator(v, i + 1, true) {
            if !v.kw(i + 1, Kw::Quarter) || !is_period_context(v, i + 2) {
                return Some(num(1.0 / d, i + 2));
            }
        }
    }
    let (w, mut end) = number_words::cardinal(v, i)?;
    let mut value = w.value();
    // After "and" only the last part is the numerator when it makes a proper
    // fraction: "one hundred and three quarters" is 100¾, "… and thirty fifths" 26.
    let singular = value == 1.0;
    let simple = denominator(v, end, singular)
        .filter(|_| !(singular && v.kw(end, Kw::Quarter) && is_period_context(v, end + 1)));
    if let Some(d) = simple {
        if let Some(k) = (i..end).rev().find(|&k| v.kw(k, Kw::And)) {
            if let Some((after, e)) = number_words::cardinal(v, k + 1) {
                if e == end && after.value() < d {
                    return Some(num(value - after.value() + after.value() / d, end + 1));
                }
            }
        }
    }
    // Fractions, the longest denominator first: "one hundred thirty fifths" = 100/35,
    // "three twenty-firsts", "two thirds", "one-eighth".
    if let Some((f, e)) = fraction(v, i) {
        // "two thirds of a million"
        if v.kw(e, Kw::Of) && v.kw(e + 1, Kw::A) {
            if let Some(sc) = scale_after(v, e + 2).filter(|&sc| sc >= 3) {
                return Some(num(scale(f, sc), e + 3));
            }
        }
        return Some(num(f, e));
    }
    if let Some(d) = simple {
        return Some(num(value / d, end + 1));
    }
    if let Some((f, e)) = and_fraction(v, end) {
        // "one million and a half" is 1.5 million; "five and a half million" 5.5 million;
        // "one billion and a half million" 1,000.5 million.
        if let Some(s) = scale_after(v, e).filter(|&s| s >= 3) {
            if let Some(prev) = w.ends_with_scale() {
                let _ = prev;
                value += scale(f, s);
            } else {
                value = scale(value + f, s);
            }
            end = e + 1;
        } else if let Some(s) = w.ends_with_scale() {
            value += scale(f, s);
            end = e;
        } else {
            value += f;
            end = e;
        }
    }
    // "two hundred point zero three", "five point five", "nought point nought four"
    if v.kw(end, Kw::Point) {
        let mut decimals = String::new();
        let mut k = end + 1;
        while let Some(d) = v.find(k, |s| match s {
            Sense::Card(n) if n < 100 => Some(n),
            _ => None,
        }) {
            if d >= 20 && d % 10 == 0 && v.punct(k + 1, '-') {
                if let Some(u) = v.find(k + 2, |s| match s {
                    Sense::Card(n) if n < 10 => Some(n),
                    _ => None,
                }) {
                    decimals += &(d + u).to_string();
                    k += 3;
                    continue;
                }
            }
            decimals += &d.to_string();
            k += 1;
        }
        if !decimals.is_empty() {
            if let Ok(frac) = format!("0.{decimals}").parse::<f64>() {
                value += frac;
                end = k;
            }
        }
    }
    Some(num(value, end))
}

/// A fraction whose denominator is an ordinal phrase, splitting the words so the
/// denominator is as long as it can be: "one hundred thirty fifths" = 100/35,
/// "three twenty-firsts" = 3/21, "one one hundred fifth" = 1/105, "a trillionth".
/// A singular denominator needs the numerator one ("one twenty-fifth"); "first"
/// and "second" alone are never denominators. Returns the value and the end.
fn fraction(v: &View, i: usize) -> Option<(f64, usize)> {
    let (whole, whole_end) = number_words::cardinal(v, i)
        .map(|(w, e)| (Some(w), e))
        .unwrap_or((None, i + 1));
    let article = v.kw(i, Kw::A);
    let last = whole_end.max(i + 1);
    for k in i + 1..=last {
        let numerator = if article && k == i + 1 {
            1.0
        } else {
            match number_words::cardinal_until(v, i, k) {
                Some((w, e)) if e == k => w.value(),
                _ => continue,
            }
        };
        // "ninety - five hundred fifths": a hyphen between tens and a unit joins them.
        let tens_before = v
            .find(k - 1, |s| matches!(s, Sense::Card(20..=90)).then_some(()))
            .is_some();
        let unit_after = v
            .find(k + 1, |s| matches!(s, Sense::Card(1..=9)).then_some(()))
            .is_some();
        if v.punct(k, '-') && tens_before && unit_after {
            continue;
        }
        let d0 = if v.punct(k, '-') { k + 1 } else { k };
        if v.kw(d0, Kw::And) {
            continue;
        }
        let Some((d, e)) = number_words::denominator_phrase(v, d0) else {
            continue;
        };
        let plural = v.text(e - 1).ends_with('s');
        let single_word = e == d0 + 1;
        if d < 2.0 || (single_word && d <= 2.0) || (!plural && numerator != 1.0) {
            continue;
        }
        // A lone ordinal after a lone cardinal is a list ("one, fourth"), unless
        // hyphenated or plural: "one-eighth", "five eighths".
        if single_word && !plural && d0 == k && !article && numerator == 1.0 && !v.is(i, "one") {
            continue;
        }
        let _ = whole;
        return Some((numerator / d, e));
    }
    None
}

/// "quarter" followed by "of 2024", "of the year", a year: a calendar quarter, not a fraction.
fn is_period_context(v: &View, j: usize) -> bool {
    v.kw(j, Kw::Of)
        || v.is_number(j)
        || v.find(j, |s| matches!(s, Sense::Unit(..)).then_some(()))
            .is_some()
}

/// The ordinal at token `i`: "21st", "3rd", "first", "twenty-first".
pub(crate) fn ordinal(v: &View, i: usize) -> Option<(f64, usize)> {
    v.memo.ordinal(i, || read_ordinal(v, i))
}

fn read_ordinal(v: &View, i: usize) -> Option<(f64, usize)> {
    if !v.is_number(i)
        && !v.kw(i, Kw::A)
        && !v
            .senses(i)
            .any(|s| matches!(s, Sense::Ord(_) | Sense::Card(_) | Sense::Scale(_)))
    {
        return None;
    }
    if v.is_number(i) {
        let n = v.numeral(i)?;
        let ok = ["st", "nd", "rd", "th"]
            .iter()
            .any(|s| n.suffix.eq_ignore_ascii_case(s))
            && n.int_digits > 0
            && n.frac_digits == 0
            && !n.grouped
            && !n.signed;
        return ok.then_some((n.value, i + 1));
    }
    number_words::ordinal(v, i)
}

/// True when the number at `i` is glued into a name: "COVID-19", "F-16", "G-20".
fn is_name_part(v: &View, i: usize) -> bool {
    i >= 2
        && v.punct(i - 1, '-')
        && v.glued(i - 1)
        && v.glued(i)
        && v.kind(i - 2) == Some(TokenKind::Word)
}

/// A CARDINAL at token `i`: a number phrase or a range of two.
pub(crate) fn cardinal_span(v: &View, i: usize) -> Option<Match> {
    if let Some((lo, hi, end)) = range(v, i, true) {
        return Some(Match::new(
            i,
            end,
            Label::Cardinal,
            Value::NumberRange {
                from: lo.value,
                to: hi.value,
            },
        ));
    }
    let n = number(v, i)?;
    if v.is_number(i) && is_name_part(v, i) {
        return None;
    }
    // "one" as a pronoun: "no one", "this one", "one another".
    if n.end == i + 1 && v.is(i, "one") {
        let before = i.checked_sub(1).map(|k| v.text(k).to_ascii_lowercase());
        let pronoun = matches!(
            before.as_deref(),
            Some(
                "no" | "any"
                    | "every"
                    | "some"
                    | "each"
                    | "this"
                    | "that"
                    | "which"
                    | "the"
                    | "a"
                    | "another"
                    | "someone"
            )
        ) || v.is(i + 1, "another");
        if pronoun {
            return None;
        }
    }
    Some(Match::new(
        i,
        n.end,
        Label::Cardinal,
        Value::Number {
            number: n.value,
            modifier: None,
        },
    ))
}

/// An ORDINAL at token `i`.
#[inline(never)]
pub(crate) fn ordinal_span(v: &View, i: usize) -> Option<Match> {
    let (n, end) = ordinal(v, i)?;
    Some(Match::new(
        i,
        end,
        Label::Ordinal,
        Value::Ordinal { number: n },
    ))
}

/// A range of two number phrases at `i`: "between 5 and 7", "from 10 to 12",
/// "10 to 12", "10-12", and with `or` also "five or six". The lower end takes the
/// upper end's scale when it has none ("10-12 million"). Returns both ends and the
/// end token; the lower end must not exceed the upper.
pub(crate) fn range(v: &View, i: usize, or: bool) -> Option<(Num, Num, usize)> {
    let (first, between) = if v.kw(i, Kw::Between) {
        (i + 1, true)
    } else if v.kw(i, Kw::From) {
        (i + 1, false)
    } else {
        (i, false)
    };
    let mut lo = number(v, first)?;
    let j = lo.end;
    let connector = if between {
        v.kw(j, Kw::And)
    } else {
        v.kw(j, Kw::To)
            || v.kw(j, Kw::Through)
            || v.punct(j, '-')
            || v.punct(j, '~')
            || (or && first == i && v.kw(j, Kw::Or))
    };
    if !connector {
        return None;
    }
    let hi = number(v, j + 1)?;
    // Phone numbers and codes: "555-1212", "138-2010-2015".
    if v.punct(j, '-') {
        let digits_of = |n: &Num, k: usize| n.plain.then(|| v.text(k).len());
        if let (Some(a), Some(b)) = (digits_of(&lo, first), digits_of(&hi, j + 1)) {
            if a != b && a.max(b) >= 3 || v.text(first).starts_with('0') {
                return None;
            }
        }
        if v.punct(hi.end, '-') && v.is_number(hi.end + 1) {
            return None;
        }
    }
    if hi.scale > 0 && lo.scale == 0 {
        let scaled = scale(lo.value, hi.scale);
        if scaled <= hi.value {
            lo.value = scaled;
        }
    }
    if lo.value >= hi.value {
        return None;
    }
    Some((lo, hi, hi.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::with_view;

    fn num(text: &str) -> Option<f64> {
        with_view(text, |v| number(v, 0).map(|n| n.value))
    }

    #[test]
    fn digits_and_scales() {
        assert_eq!(num("11,000 soldiers"), Some(11000.0));
        assert_eq!(num("1.2 million"), Some(1_200_000.0));
        assert_eq!(num("3bn"), Some(3e9));
        assert_eq!(num("3.499 billion euros"), Some(3_499_000_000.0));
        assert_eq!(num("10k"), Some(10_000.0));
        assert_eq!(num("2.33 k"), Some(2330.0));
        assert_eq!(num("10M."), Some(10_000_000.0));
        assert_eq!(num("1 234 567"), Some(1_234_567.0));
        assert_eq!(num("40\u{202f}000 is"), Some(40_000.0));
        assert_eq!(num("2  1/4"), Some(2.25));
        assert_eq!(num("3/4"), Some(0.75));
        assert_eq!(num("24/7"), None);
        assert_eq!(num("½"), Some(0.5));
    }

    #[test]
    fn words_and_fractions() {
        assert_eq!(num("forty-five"), Some(45.0));
        assert_eq!(num("a dozen"), Some(12.0));
        assert_eq!(num("half a dozen"), Some(6.0));
        assert_eq!(num("a third"), Some(1.0 / 3.0));
        assert_eq!(num("two thirds"), Some(2.0 / 3.0));
        assert_eq!(num("one and a half"), Some(1.5));
        assert_eq!(num("five and a quarter"), Some(5.25));
        assert_eq!(num("one hundred and three quarters"), Some(100.75));
        assert_eq!(num("two hundred point zero three"), Some(200.03));
        assert_eq!(num("minus five point five"), Some(-5.5));
        assert_eq!(num("a man"), None);
        assert_eq!(num("the"), None);
    }

    #[test]
    fn compound_fractions() {
        assert_eq!(num("twenty-three fifths"), Some(4.6));
        assert_eq!(num("two hundred and fifty-four hundredths"), Some(200.54));
        assert_eq!(num("one hundred and thirty fifths"), Some(26.0));
        assert_eq!(num("one hundred thirty-two fifths"), Some(26.4));
        assert_eq!(num("one hundred thirty fifths"), Some(100.0 / 35.0));
        assert_eq!(num("three twenty-firsts"), Some(3.0 / 21.0));
        assert_eq!(num("a trillionth"), Some(1e-12));
        assert_eq!(num("one over three"), Some(1.0 / 3.0));
        assert_eq!(num("3 million and a half"), Some(3_500_000.0));
    }

    #[test]
    fn ranges() {
        let r = |t: &str| {
            with_view(t, |v| {
                range(v, 0, true).map(|(a, b, e)| (a.value, b.value, e))
            })
        };
        assert_eq!(r("10 to 12"), Some((10.0, 12.0, 3)));
        assert_eq!(r("between 5 and 7"), Some((5.0, 7.0, 4)));
        assert_eq!(r("10-12 million"), Some((10e6, 12e6, 4)));
        assert_eq!(r("five or six"), Some((5.0, 6.0, 3)));
        assert_eq!(r("3-2"), None);
        assert_eq!(r("555-1212"), None);
    }

    #[test]
    fn ordinals() {
        let o = |t: &str| with_view(t, |v| ordinal(v, 0).map(|(n, _)| n));
        assert_eq!(o("21st"), Some(21.0));
        assert_eq!(o("2nd"), Some(2.0));
        assert_eq!(o("twenty-first"), Some(21.0));
        assert_eq!(o("21"), None);
        assert_eq!(o("1990s"), None);
    }
}
