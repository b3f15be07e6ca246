//! PERCENT: "7.6%", "46 percent", "46 per cent", "twenty percent", "5 to 7
//! percent", "5%-7%", "two percentage points".

use super::lexicon::{Kw, Sense};
use super::number::{number, range, Num};
use super::scan::Match;
use super::value::Value;
use super::view::View;
use crate::label::Label;

/// A percent sign or word at `j`: "%", "percent", "per cent", "pct",
/// "percentage point(s)". Returns the end.
fn percent_at(v: &View, j: usize) -> Option<usize> {
    if v.punct(j, '%') {
        return Some(j + 1);
    }
    if v.kw(j, Kw::Per) && v.kw(j + 1, Kw::Cent) {
        return Some(j + 2);
    }
    if v.senses(j).any(|s| s == Sense::Percent) {
        if v.is(j, "percentage") {
            return (v.is(j + 1, "point") || v.is(j + 1, "points"))
                .then_some(j + 2)
                .or(Some(j + 1));
        }
        return Some(j + 1);
    }
    None
}

fn percent(i: usize, end: usize, lo: &Num, hi: Option<&Num>) -> Match {
    Match::new(
        i,
        end,
        Label::Percent,
        Value::Percent {
            number: lo.value,
            to: hi.map(|h| h.value),
            modifier: None,
        },
    )
}

/// PERCENT starting at token `i`.
pub(crate) fn percent_span(v: &View, i: usize) -> Option<Match> {
    // "5%-7%", "5% to 7%", "between 5% and 7%"
    let lo = if v.kw(i, Kw::Between) {
        number(v, i + 1)?
    } else {
        number(v, i)?
    };
    if let Some(after_lo) = percent_at(v, lo.end) {
        let k = after_lo;
        let joined = if v.kw(i, Kw::Between) {
            v.kw(k, Kw::And)
        } else {
            v.kw(k, Kw::To) || v.punct(k, '-')
        };
        // "5%-7%": the tokenizer reads "-7" as a signed number.
        let signed_hi = !joined && v.is_number(k) && v.glued(k) && v.text(k).starts_with('-');
        if signed_hi {
            if let Some(mut hi) = number(v, k) {
                hi.value = -hi.value;
                if let Some(end) = percent_at(v, hi.end) {
                    if hi.value > lo.value {
                        return Some(percent(i, end, &lo, Some(&hi)));
                    }
                }
            }
        }
        if joined {
            if let Some(hi) = number(v, k + 1) {
                if let Some(end) = percent_at(v, hi.end) {
                    if hi.value > lo.value {
                        return Some(percent(i, end, &lo, Some(&hi)));
                    }
                }
            }
        }
        if v.kw(i, Kw::Between) {
            return None;
        }
        return Some(percent(i, after_lo, &lo, None));
    }
    // "5 to 7 percent", "between 5 and 7 percent"
    let (lo, hi, j) = range(v, i, false)?;
    let end = percent_at(v, j)?;
    Some(percent(i, end, &lo, Some(&hi)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::match_at_start;

    fn p(text: &str) -> Option<String> {
        match_at_start(text, percent_span)
    }

    #[test]
    fn forms() {
        assert_eq!(p("7.6% y/y").unwrap(), "7.6% = 7.6%");
        assert_eq!(p("46 percent").unwrap(), "46 percent = 46%");
        assert_eq!(p("46 per cent").unwrap(), "46 per cent = 46%");
        assert_eq!(p("twenty percent").unwrap(), "twenty percent = 20%");
        assert_eq!(p("5 to 7 percent").unwrap(), "5 to 7 percent = 5–7%");
        assert_eq!(p("5%-7%").unwrap(), "5%-7% = 5–7%");
        assert_eq!(
            p("between 5 and 7 percent").unwrap(),
            "between 5 and 7 percent = 5–7%"
        );
        assert_eq!(
            p("two percentage points").unwrap(),
            "two percentage points = 2%"
        );
        assert_eq!(p("46 people"), None);
    }
}
