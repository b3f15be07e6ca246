//! Named days: Christmas, Easter, Thanksgiving, Independence Day … and the rule
//! that places each in a given year.
//!
//! Only holidays whose date is the same wherever English news is written, or that
//! are conventionally the US/UK date, are listed; lunar holidays (Ramadan, Eid,
//! Lunar New Year) are left out rather than guessed.

use super::calendar::{Date, Weekday};
use super::view::View;

/// How a holiday's date is found in a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// A fixed month and day.
    Fixed(u32, u32),
    /// Days after Easter Sunday (Good Friday = -2).
    Easter(i64),
    /// The `n`th (negative: from the end) weekday of a month, plus extra days.
    Nth {
        month: u32,
        weekday: Weekday,
        n: i32,
        plus: i64,
    },
}

/// One-word holidays, looked up through the lexicon.
pub(crate) const SINGLE_WORD: &[(&str, Rule)] = &[
    ("christmas", Rule::Fixed(12, 25)),
    ("xmas", Rule::Fixed(12, 25)),
    ("easter", Rule::Easter(0)),
    ("halloween", Rule::Fixed(10, 31)),
    ("juneteenth", Rule::Fixed(6, 19)),
    (
        "thanksgiving",
        Rule::Nth {
            month: 11,
            weekday: Weekday::Thursday,
            n: 4,
            plus: 0,
        },
    ),
];

/// Multi-word holidays: the words (matched ignoring case; "'s" also as "’s") and the rule.
const MULTI_WORD: &[(&[&str], Rule)] = &[
    (&["new", "year", "'s", "day"], Rule::Fixed(1, 1)),
    (&["new", "year", "'s", "eve"], Rule::Fixed(12, 31)),
    (&["new", "year", "'s"], Rule::Fixed(1, 1)),
    (&["new", "years", "day"], Rule::Fixed(1, 1)),
    (&["new", "years", "eve"], Rule::Fixed(12, 31)),
    (&["christmas", "eve"], Rule::Fixed(12, 24)),
    (&["christmas", "day"], Rule::Fixed(12, 25)),
    (&["boxing", "day"], Rule::Fixed(12, 26)),
    (&["independence", "day"], Rule::Fixed(7, 4)),
    (&["earth", "day"], Rule::Fixed(4, 22)),
    (&["valentine", "'s", "day"], Rule::Fixed(2, 14)),
    (&["valentines", "day"], Rule::Fixed(2, 14)),
    (&["st.", "patrick", "'s", "day"], Rule::Fixed(3, 17)),
    (&["saint", "patrick", "'s", "day"], Rule::Fixed(3, 17)),
    (&["veterans", "day"], Rule::Fixed(11, 11)),
    (&["remembrance", "day"], Rule::Fixed(11, 11)),
    (&["armistice", "day"], Rule::Fixed(11, 11)),
    (&["may", "day"], Rule::Fixed(5, 1)),
    (&["international", "workers", "'", "day"], Rule::Fixed(5, 1)),
    (&["international", "women", "'s", "day"], Rule::Fixed(3, 8)),
    (&["good", "friday"], Rule::Easter(-2)),
    (&["easter", "sunday"], Rule::Easter(0)),
    (&["easter", "monday"], Rule::Easter(1)),
    (
        &["black", "friday"],
        Rule::Nth {
            month: 11,
            weekday: Weekday::Thursday,
            n: 4,
            plus: 1,
        },
    ),
    (
        &["labor", "day"],
        Rule::Nth {
            month: 9,
            weekday: Weekday::Monday,
            n: 1,
            plus: 0,
        },
    ),
    (
        &["memorial", "day"],
        Rule::Nth {
            month: 5,
            weekday: Weekday::Monday,
            n: -1,
            plus: 0,
        },
    ),
    (
        &["mother", "'s", "day"],
        Rule::Nth {
            month: 5,
            weekday: Weekday::Sunday,
            n: 2,
            plus: 0,
        },
    ),
    (
        &["father", "'s", "day"],
        Rule::Nth {
            month: 6,
            weekday: Weekday::Sunday,
            n: 3,
            plus: 0,
        },
    ),
    (
        &["martin", "luther", "king", "day"],
        Rule::Nth {
            month: 1,
            weekday: Weekday::Monday,
            n: 3,
            plus: 0,
        },
    ),
    (
        &["columbus", "day"],
        Rule::Nth {
            month: 10,
            weekday: Weekday::Monday,
            n: 2,
            plus: 0,
        },
    ),
];

/// Easter Sunday of `year` (Gregorian computus).
pub(crate) fn easter(year: i32) -> Option<Date> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    Date::new(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

impl Rule {
    /// The holiday's date in `year`.
    pub(crate) fn date(self, year: i32) -> Option<Date> {
        match self {
            Rule::Fixed(m, d) => Date::new(year, m, d),
            Rule::Easter(offset) => easter(year)?.add_days(offset),
            Rule::Nth {
                month,
                weekday,
                n,
                plus,
            } => {
                let d = if n > 0 {
                    let first = Date::new(year, month, 1)?;
                    let shift =
                        (i64::from(weekday.iso()) - i64::from(first.weekday().iso())).rem_euclid(7);
                    first.add_days(shift + 7 * i64::from(n - 1))?
                } else {
                    let last = Date::new(year, month, super::calendar::days_in_month(year, month))?;
                    let shift =
                        (i64::from(last.weekday().iso()) - i64::from(weekday.iso())).rem_euclid(7);
                    last.add_days(-shift - 7 * i64::from(-n - 1))?
                };
                d.add_days(plus)
            }
        }
    }

    /// The TIMEX3 form when the year is open: `XXXX-12-25`, or `XXXX` for movable days.
    pub(crate) fn open_timex(self) -> String {
        match self {
            Rule::Fixed(m, d) => format!("XXXX-{m:02}-{d:02}"),
            _ => "XXXX-XX-XX".to_string(),
        }
    }
}

fn word_matches(v: &View, i: usize, w: &str) -> bool {
    let t = v.text(i);
    t.eq_ignore_ascii_case(w) || (w == "'s" && t == "’s") || (w == "'" && t == "’")
}

/// A holiday name starting at token `i`: its rule and the end token.
pub(crate) fn holiday(v: &View, i: usize) -> Option<(Rule, usize)> {
    // Holiday names are capitalized in news; lowercase "may day" or "good friday"
    // in running text is taken only for the unambiguous single words.
    for (words, rule) in MULTI_WORD {
        if words
            .iter()
            .enumerate()
            .all(|(k, w)| word_matches(v, i + k, w))
            && (v.capitalized(i) || !matches!(words[0], "may" | "good" | "black" | "new"))
        {
            return Some((*rule, i + words.len()));
        }
    }
    let rule = v.find(i, |s| match s {
        super::lexicon::Sense::Holiday(k) => SINGLE_WORD.get(usize::from(k)).map(|(_, r)| *r),
        _ => None,
    })?;
    Some((rule, i + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn movable_feasts() {
        assert_eq!(easter(2018), Date::new(2018, 4, 1));
        assert_eq!(easter(2019), Date::new(2019, 4, 21));
        assert_eq!(easter(2025), Date::new(2025, 4, 20));
        let thanksgiving = SINGLE_WORD[5].1;
        assert_eq!(thanksgiving.date(2010), Date::new(2010, 11, 25));
        let memorial = MULTI_WORD
            .iter()
            .find(|(w, _)| w[0] == "memorial")
            .unwrap()
            .1;
        assert_eq!(memorial.date(2025), Date::new(2025, 5, 26));
        assert_eq!(Rule::Fixed(2, 30).date(2025), None);
        assert!(easter(0).is_some());
        assert!(easter(9999).is_some());
    }
}
