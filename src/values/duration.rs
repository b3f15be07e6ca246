//! DURATION: amounts of time — "four months", "15 years", "a decade", "3.5years",
//! "an hour and a half", "1 hour and 30 minutes", "a few days", "15-minute",
//! "two to three years" — as ISO 8601 durations (`P4M`, `P15Y`, `P10Y`, `PT1.5H`,
//! `PT1H30M`, `PXD` when the amount is vague).

use super::lexicon::{Kw, Sense, TimeUnit};
use super::number::{number, range};
use super::scan::Match;
use super::value::Value;
use super::view::View;
use crate::label::Label;

/// An amount of time as written.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Amount {
    /// The count of the smallest unit's part; `None` when vague ("a few days").
    pub number: Option<f64>,
    /// The (smallest) unit.
    pub unit: TimeUnit,
    /// Token just past the amount.
    pub end: usize,
    /// The unit was written in the plural or the count is not one.
    pub plural: bool,
    /// More than one unit ("1 hour and 30 minutes").
    pub compound: bool,
    /// Up to three (count, unit) parts, largest unit first.
    parts: [(f64, TimeUnit); 3],
    /// How many of `parts` are used.
    len: usize,
}

impl Amount {
    /// The whole amount in `unit` when it converts exactly (weeks to days, hours to
    /// minutes …); `None` for vague amounts or months mixed with days.
    pub(crate) fn total_in(&self, unit: TimeUnit) -> Option<f64> {
        self.number?;
        let mut total = 0.0;
        for &(n, u) in &self.parts[..self.len] {
            total += n * factor(u, unit)?;
        }
        Some(total)
    }

    /// The ISO 8601 duration: `P4M`, `PT1H30M`, `P16D` (weeks mixed with days are
    /// counted in days, as ISO 8601 has no `P2W2D`), `PXY` when vague.
    pub(crate) fn timex(&self) -> String {
        use TimeUnit::*;
        let parts = &self.parts[..self.len];
        let has_days = parts.iter().any(|(_, u)| matches!(u, Day | Night));
        // Slots: Y, M, W, WE, D, H, M, S.
        let mut slots: [Option<f64>; 8] = [None; 8];
        let mut add = |slot: usize, n: f64| *slots[slot].get_or_insert(0.0) += n;
        for &(n, u) in parts {
            match u {
                Century => add(0, n * 100.0),
                Decade => add(0, n * 10.0),
                Year => add(0, n),
                Quarter => add(1, n * 3.0),
                Month => add(1, n),
                Fortnight if has_days => add(4, n * 14.0),
                Week if has_days => add(4, n * 7.0),
                Fortnight => add(2, n * 2.0),
                Week => add(2, n),
                Weekend => add(3, n),
                Day | Night => add(4, n),
                Hour => add(5, n),
                Minute => add(6, n),
                Second => add(7, n),
            }
        }
        let vague = self.number.is_none();
        let num = |n: f64| {
            if vague {
                "X".to_string()
            } else {
                super::value::fmt_num(n)
            }
        };
        let codes = ["Y", "M", "W", "WE", "D", "H", "M", "S"];
        let mut out = String::from("P");
        for (k, slot) in slots.iter().enumerate() {
            if let Some(n) = slot {
                if k == 5 || (k > 5 && !out.contains('T')) {
                    out.push('T');
                }
                out += &num(*n);
                out += codes[k];
            }
        }
        out
    }
}

/// Seconds in one `unit`, for units of fixed length (up to a fortnight).
pub(crate) fn seconds_per(unit: TimeUnit) -> Option<i64> {
    factor(unit, TimeUnit::Second).map(|f| f as i64)
}

/// How many `to` units one `from` unit holds, when exact.
fn factor(from: TimeUnit, to: TimeUnit) -> Option<f64> {
    use TimeUnit::*;
    let secs = |u: TimeUnit| -> Option<f64> {
        Some(match u {
            Second => 1.0,
            Minute => 60.0,
            Hour => 3600.0,
            Day | Night => 86_400.0,
            Week => 604_800.0,
            Fortnight => 1_209_600.0,
            _ => return None,
        })
    };
    let months = |u: TimeUnit| -> Option<f64> {
        Some(match u {
            Month => 1.0,
            Quarter => 3.0,
            Year => 12.0,
            Decade => 120.0,
            Century => 1200.0,
            _ => return None,
        })
    };
    if from == to {
        return Some(1.0);
    }
    match (secs(from), secs(to)) {
        (Some(a), Some(b)) => Some(a / b),
        _ => match (months(from), months(to)) {
            (Some(a), Some(b)) => Some(a / b),
            _ => None,
        },
    }
}

/// The time unit at `j`, with "is plural"; also flush letters "3h", "10d", "2w".
fn unit_at(v: &View, j: usize) -> Option<(TimeUnit, bool)> {
    if let Some(u) = v.find(j, |s| match s {
        Sense::Unit(u, plural) => Some((u, plural)),
        _ => None,
    }) {
        return Some(u);
    }
    if v.glued(j) {
        return match v.text(j) {
            "w" | "W" => Some((TimeUnit::Week, false)),
            "d" | "D" => Some((TimeUnit::Day, false)),
            "y" | "Y" => Some((TimeUnit::Year, false)),
            _ => None,
        };
    }
    None
}

/// One count and unit at `i`: returns (count or None if vague, unit, plural, end).
fn part(v: &View, i: usize) -> Option<(Option<f64>, TimeUnit, bool, usize)> {
    // "3.5years", "10d", "2w" in one token.
    if v.is_number(i) {
        if let Some(n) = v.numeral(i) {
            if !n.suffix.is_empty() && !n.grouped {
                let s = n.suffix.to_ascii_lowercase();
                let unit = match s.as_str() {
                    "d" | "day" | "days" => Some(TimeUnit::Day),
                    "w" | "wk" | "wks" | "week" | "weeks" => Some(TimeUnit::Week),
                    "y" | "yr" | "yrs" | "year" | "years" => Some(TimeUnit::Year),
                    "h" | "hr" | "hrs" | "hour" | "hours" => Some(TimeUnit::Hour),
                    "min" | "mins" | "minutes" => Some(TimeUnit::Minute),
                    "sec" | "secs" | "seconds" => Some(TimeUnit::Second),
                    "months" => Some(TimeUnit::Month),
                    _ => None,
                };
                if let Some(u) = unit {
                    return Some((Some(n.value), u, n.value != 1.0, i + 1));
                }
            }
        }
    }
    // Vague counts: "a few", "few", "several", "some", "a couple of", "many".
    let mut j = i;
    if v.kw(j, Kw::A) && (v.kw(j + 1, Kw::Few) || v.kw(j + 1, Kw::Couple)) {
        j += 1;
    }
    if v.kw(j, Kw::Few)
        || v.kw(j, Kw::Several)
        || v.kw(j, Kw::Couple)
        || v.is(j, "many")
        || (v.kw(j, Kw::Some) && j == i)
    {
        let couple = v.kw(j, Kw::Couple);
        let mut k = j + 1;
        if couple && v.kw(k, Kw::Of) {
            k += 1;
        }
        let (u, plural) = unit_at(v, k)?;
        if !plural {
            return None;
        }
        let count = if couple { Some(2.0) } else { None };
        return Some((count, u, true, k + 1));
    }
    // "half an hour", "half a day"
    if v.kw(i, Kw::Half) && v.kw(i + 1, Kw::A) {
        let (u, _) = unit_at(v, i + 2)?;
        return Some((Some(0.5), u, false, i + 3));
    }
    // "a decade", "an hour"
    if v.kw(i, Kw::A) {
        let (u, plural) = unit_at(v, i + 1)?;
        if plural {
            return None;
        }
        return Some((Some(1.0), u, false, i + 2));
    }
    // "two quarters" is a count of quarters here, not the fraction 1/2.
    let n = number(v, i)?;
    // Only where time is being counted: "the past two quarters", "for three
    // quarters", "two quarters ago"; "three quarters of voters" is a fraction.
    let time_context = i > 0
        && (v.senses(i - 1).any(|s| matches!(s, Sense::Rel(_)))
            || v.kw(i - 1, Kw::For)
            || v.kw(i - 1, Kw::Over)
            || v.kw(i - 1, Kw::In)
            || v.kw(i - 1, Kw::Within))
        || v.kw(n.end, Kw::Ago);
    let counted_quarters = time_context
        && (v.kw(n.end - 1, Kw::Quarter) || v.is(n.end - 1, "quarters"))
        && super::number_words::cardinal(v, i).is_some_and(|(_, e)| e == n.end - 1);
    let n = if counted_quarters {
        let (w, e) = super::number_words::cardinal(v, i)?;
        super::number::Num {
            value: w.value(),
            end: e,
            spelled: true,
            scale: 0,
            plain: false,
        }
    } else {
        n
    };
    let mut k = n.end;
    // "15-minute", "three-year"
    if v.punct(k, '-') && v.glued(k) && v.glued(k + 1) {
        k += 1;
    }
    let (u, plural) = unit_at(v, k)?;
    Some((Some(n.value), u, plural || n.value != 1.0, k + 1))
}

/// An amount of time at `i`, possibly compound: "1 hour and 30 minutes", "2 years
/// 1 month 21 days", "an hour and a half", "one year and a quarter".
pub(crate) fn amount(v: &View, i: usize) -> Option<Amount> {
    v.memo.amount(i, || read_amount(v, i))
}

fn read_amount(v: &View, i: usize) -> Option<Amount> {
    let (n, unit, plural, mut end) = part(v, i)?;
    let mut a = Amount {
        number: n,
        unit,
        end,
        plural,
        compound: false,
        parts: [(n.unwrap_or(0.0), unit); 3],
        len: 1,
    };
    if n.is_none() {
        return Some(a);
    }
    // "an hour and a half", "one year and a quarter"
    if v.kw(end, Kw::And)
        && v.kw(end + 1, Kw::A)
        && (v.kw(end + 2, Kw::Half) || v.kw(end + 2, Kw::Quarter))
    {
        let f = if v.kw(end + 2, Kw::Half) { 0.5 } else { 0.25 };
        a.parts[0].0 += f;
        a.number = Some(a.parts[0].0);
        a.end = end + 3;
        a.plural = true;
        return Some(a);
    }
    // Smaller units after: "1 hour and 30 minutes", "2 weeks and 2 days".
    while a.len < 3 {
        let mut k = end;
        if v.kw(k, Kw::And) || v.punct(k, ',') {
            k += 1;
        }
        let Some((Some(n2), u2, _, e2)) = part(v, k) else {
            break;
        };
        if u2 >= a.parts[a.len - 1].1 {
            break;
        }
        a.parts[a.len] = (n2, u2);
        a.len += 1;
        a.unit = u2;
        a.number = Some(n2);
        a.compound = true;
        a.plural = true;
        end = e2;
        a.end = e2;
    }
    Some(a)
}

/// A DURATION at `i`: an amount, a range of amounts, or "all day".
pub(crate) fn duration_span(v: &View, i: usize) -> Option<Match> {
    // "all day", "the whole week", "the entire month"
    let whole = if v.kw(i, Kw::All) {
        Some(i + 1)
    } else if v.kw(i, Kw::The) && v.kw(i + 1, Kw::Whole) {
        Some(i + 2)
    } else {
        None
    };
    if let Some(k) = whole {
        let (u, false) = unit_at(v, k)? else {
            return None;
        };
        let a = Amount {
            number: Some(1.0),
            unit: u,
            end: k + 1,
            plural: false,
            compound: false,
            parts: [(1.0, u); 3],
            len: 1,
        };
        return Some(duration(i, k + 1, a.timex(), None));
    }
    // "two to three years", "10-12 years"
    if let Some((lo, hi, e)) = range(v, i, false) {
        if let Some((u, _)) = unit_at(v, e) {
            let mk = |n: f64| Amount {
                number: Some(n),
                unit: u,
                end: e + 1,
                plural: true,
                compound: false,
                parts: [(n, u); 3],
                len: 1,
            };
            return Some(duration(
                i,
                e + 1,
                mk(lo.value).timex(),
                Some(mk(hi.value).timex()),
            ));
        }
    }
    let a = amount(v, i)?;
    // "a second" before a noun is the ordinal ("a second term").
    if a.unit == TimeUnit::Second && !a.compound && a.number == Some(1.0) && v.kw(i, Kw::A) {
        let next = v.text(a.end);
        if v.kind(a.end) == Some(crate::text::TokenKind::Word)
            && next.starts_with(|c: char| c.is_lowercase())
            && v.entry(a.end) == super::lexicon::Entry::NONE
        {
            return None;
        }
    }
    Some(duration(i, a.end, a.timex(), None))
}

fn duration(i: usize, end: usize, timex: String, to: Option<String>) -> Match {
    Match::new(
        i,
        end,
        Label::Duration,
        Value::Duration {
            timex,
            to,
            modifier: None,
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::match_at_start;

    fn d(text: &str) -> Option<String> {
        match_at_start(text, duration_span)
    }

    #[test]
    fn amounts() {
        assert_eq!(d("four months").unwrap(), "four months = P4M");
        assert_eq!(d("15 years").unwrap(), "15 years = P15Y");
        assert_eq!(d("a decade").unwrap(), "a decade = P10Y");
        assert_eq!(d("3.5years").unwrap(), "3.5years = P3.5Y");
        assert_eq!(d("3h").unwrap(), "3h = PT3H");
        assert_eq!(
            d("an hour and a half").unwrap(),
            "an hour and a half = PT1.5H"
        );
        assert_eq!(
            d("one and a half hours").unwrap(),
            "one and a half hours = PT1.5H"
        );
        assert_eq!(d("half an hour").unwrap(), "half an hour = PT0.5H");
        assert_eq!(
            d("1 hour and 30 minutes").unwrap(),
            "1 hour and 30 minutes = PT1H30M"
        );
        assert_eq!(
            d("2 weeks and 2 days").unwrap(),
            "2 weeks and 2 days = P16D"
        );
        assert_eq!(d("a few days").unwrap(), "a few days = PXD");
        assert_eq!(d("several weeks").unwrap(), "several weeks = PXW");
        assert_eq!(d("15-minute call").unwrap(), "15-minute = PT15M");
        assert_eq!(
            d("two to three years").unwrap(),
            "two to three years = P2Y–P3Y"
        );
        assert_eq!(d("all day").unwrap(), "all day = P1D");
        assert_eq!(d("two nights").unwrap(), "two nights = P2D");
        assert_eq!(d("10d").unwrap(), "10d = P10D");
        assert_eq!(d("a second term"), None);
        assert_eq!(d("days"), None);
    }
}
