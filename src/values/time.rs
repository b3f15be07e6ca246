//! Times of day: "3pm", "3 p.m.", "15:00 GMT", "8.30pm", "1140 a.m.", "noon",
//! "seven o'clock", "half past seven", "quarter to five", and parts of the day
//! ("in the morning", "tonight").
//!
//! A clock time without am/pm keeps the hour as written ("10:30" → `T10:30`).

use super::lexicon::{DayPart, Kw, Sense};
use super::numeral::digits;
use super::period::Clock;
use super::view::View;

/// A clock time found in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct ClockMatch {
    /// The time.
    pub clock: Clock,
    /// Token just past the match.
    pub end: usize,
    /// True when am/pm, a 24-hour reading, "noon" or the like fixes the half of the day.
    pub fixed: bool,
    /// True when the match is only a bare hour number ("at 5"), which needs context.
    pub bare: bool,
}

fn make(hour: u32, minute: u32, second: u32, precision: u8) -> Option<Clock> {
    (hour <= 24 && minute < 60 && second < 60).then_some(Clock {
        hour: hour % 24,
        minute,
        second,
        precision,
    })
}

/// Applies am/pm to a 12-hour clock hour.
fn meridiem(mut c: Clock, pm: bool) -> Option<Clock> {
    if c.hour == 0 || c.hour > 12 {
        return None;
    }
    if pm && c.hour < 12 {
        c.hour += 12;
    } else if !pm && c.hour == 12 {
        c.hour = 0;
    }
    Some(c)
}

/// am/pm written at token `i`: "pm", "p.m.", "PM", "p . m .", returning pm? and the end.
pub(crate) fn meridiem_at(v: &View, i: usize) -> Option<(bool, usize)> {
    if let Some(pm) = v.find(i, |s| match s {
        Sense::Meridiem(pm) => Some(pm),
        _ => None,
    }) {
        // "p.m" followed by a lone "." that the tokenizer split off.
        let end = if v.text(i).ends_with('m')
            && v.text(i).contains('.')
            && v.punct(i + 1, '.')
            && v.glued(i + 1)
        {
            i + 2
        } else {
            i + 1
        };
        return Some((pm, end));
    }
    // "p . m ." / "a m" written as separate letters.
    let letter = v.text(i);
    let pm = match letter {
        "a" | "A" => false,
        "p" | "P" => true,
        _ => return None,
    };
    let mut j = i + 1;
    if v.punct(j, '.') {
        j += 1;
    }
    if !v.is(j, "m") {
        return None;
    }
    j += 1;
    if v.punct(j, '.') {
        j += 1;
    }
    Some((pm, j))
}

/// Reads "H:MM", "H:MM:SS", "H.MM", "HHMM" with an optional glued suffix ("9.am",
/// "9a", "7p", "11ish", "9:00a") from one token.
///
/// Returns the clock, the am/pm written in the token, and whether the token needs
/// an am/pm or a 24-hour value to be a time at all ("8.30" alone is a decimal).
pub(crate) fn clock_token(text: &str) -> Option<(Clock, Option<bool>, bool)> {
    let split = text
        .find(|c: char| !(c.is_ascii_digit() || c == ':' || c == '.'))
        .unwrap_or(text.len());
    let (num, suffix) = text.split_at(split);
    let num = num.strip_suffix('.').unwrap_or(num);
    let suffix_l = suffix.to_ascii_lowercase();
    let mer = match suffix_l.trim_start_matches('.') {
        "" => None,
        "am" | "a.m." | "a.m" | "a" => Some(false),
        "pm" | "p.m." | "p.m" | "p" => Some(true),
        "ish" => None,
        _ => return None,
    };
    let approx = suffix_l == "ish";
    let parts: Vec<&str> = num.split(':').collect();
    let mut needs_meridiem = false;
    let clock = match parts.as_slice() {
        [h] if h.contains('.') => {
            let (h, m) = h.split_once('.')?;
            if m.len() != 2 || h.is_empty() || h.len() > 2 {
                return None;
            }
            let c = make(digits(h)?, digits(m)?, 0, 2)?;
            needs_meridiem = mer.is_none() && c.hour < 13;
            c
        }
        [h] => {
            let n = digits(h)?;
            match h.len() {
                1 | 2 => make(n, 0, 0, 1)?,
                // "1140 a.m.", "0730"
                3 | 4 => {
                    needs_meridiem = mer.is_none() && !h.starts_with('0');
                    make(n / 100, n % 100, 0, 2)?
                }
                _ => return None,
            }
        }
        [h, m] if m.len() == 2 && !h.is_empty() && h.len() <= 2 => {
            make(digits(h)?, digits(m)?, 0, 2)?
        }
        [h, m, s] if m.len() == 2 && s.len() == 2 && !h.is_empty() && h.len() <= 2 => {
            make(digits(h)?, digits(m)?, digits(s)?, 3)?
        }
        _ => return None,
    };
    if approx && parts.len() != 1 {
        return None;
    }
    Some((clock, mer, needs_meridiem))
}

/// A clock time starting at token `i`.
pub(crate) fn clock(v: &View, i: usize) -> Option<ClockMatch> {
    v.memo.clock(i, || read_clock(v, i))
}

fn read_clock(v: &View, i: usize) -> Option<ClockMatch> {
    if v.is_number(i) {
        // "10 past 9", "20 min past eight": digit minutes before an hour.
        if let Some(w) = word_clock(v, i).filter(|w| !w.bare) {
            return Some(w);
        }
        return numeric_clock(v, i);
    }
    word_clock(v, i)
}

fn numeric_clock(v: &View, i: usize) -> Option<ClockMatch> {
    let text = v.text(i);
    let (mut c, mer, needs_meridiem) = clock_token(text)?;
    let mut end = i + 1;
    let colon = text.contains(':');
    let mut fixed = colon && (c.hour > 12 || c.hour == 0);
    let mer = match mer {
        Some(pm) => Some(pm),
        None => meridiem_at(v, end).map(|(pm, e)| {
            end = e;
            pm
        }),
    };
    if let Some(pm) = mer {
        c = meridiem(c, pm)?;
        fixed = true;
    } else if needs_meridiem {
        // "2.30", "1140": a time only where the context says so ("Monday at 2.30").
        if !text.contains('.') {
            return None;
        }
        return Some(ClockMatch {
            clock: c,
            end,
            fixed: false,
            bare: true,
        });
    } else if text.contains('.') {
        // "17.30": a 24-hour time written with a dot.
        fixed = true;
    } else if v.kw(end, Kw::OClock) {
        end += 1;
    } else if v
        .find(end, |s| matches!(s, Sense::Clock(12)).then_some(()))
        .is_some()
        && c.hour == 12
        && c.precision == 1
    {
        // "12 noon"
        end += 1;
        fixed = true;
    } else if !colon && !text.ends_with("ish") {
        // A bare number: a time only where the caller's context says so.
        if text.contains('.') || c.precision != 1 && !text.starts_with('0') {
            return None;
        }
        // "7 in the evening" is a time.
        let (c2, e2, fixed2) = day_part_after(v, c, end, false);
        if fixed2 {
            return Some(ClockMatch {
                clock: c2,
                end: zone_after(v, e2),
                fixed: true,
                bare: false,
            });
        }
        return Some(ClockMatch {
            clock: c,
            end,
            fixed: false,
            bare: true,
        });
    }
    let (c, end, fixed) = day_part_after(v, c, end, fixed);
    Some(ClockMatch {
        clock: c,
        end: zone_after(v, end),
        fixed,
        bare: false,
    })
}

/// "… in the evening", "… at night" after a clock time fixes its half of the day.
fn day_part_after(v: &View, mut c: Clock, end: usize, fixed: bool) -> (Clock, usize, bool) {
    if fixed {
        return (c, end, fixed);
    }
    let mut j = end;
    let at_night = v.kw(j, Kw::At) && v.is(j + 1, "night");
    let in_the = v.kw(j, Kw::In) && v.kw(j + 1, Kw::The);
    if !(in_the || at_night) {
        return (c, end, fixed);
    }
    j += if at_night { 1 } else { 2 };
    let Some(part) = v.find(j, |s| match s {
        Sense::Part(p, false) => Some(p),
        _ => None,
    }) else {
        return (c, end, fixed);
    };
    let pm = !matches!(part, DayPart::Morning);
    if let Some(adjusted) = meridiem(c, pm) {
        c = adjusted;
        return (c, j + 1, true);
    }
    (c, end, fixed)
}

/// Includes a time zone after a time: "GMT", "(0700 GMT)" is not handled, "local time".
fn zone_after(v: &View, end: usize) -> usize {
    if v.find(end, |s| (s == Sense::Zone).then_some(())).is_some() {
        return end + 1;
    }
    if v.is(end, "local") && v.is(end + 1, "time") {
        return end + 2;
    }
    end
}

/// The hour a word names: "seven" → 7, "noon" → 12.
fn word_hour(v: &View, i: usize) -> Option<u32> {
    if v.is_number(i) {
        let n = v.numeral(i)?;
        return (n.is_plain_integer() && n.value >= 1.0 && n.value <= 12.0)
            .then_some(n.value as u32);
    }
    v.find(i, |s| match s {
        Sense::Card(n @ 1..=12) => Some(n),
        _ => None,
    })
}

/// Minutes written as a word or number: "thirty", "twenty", "15", "forty-three".
fn word_minutes(v: &View, i: usize) -> Option<(u32, usize)> {
    if v.is_number(i) {
        let n = v.numeral(i)?;
        return (n.is_plain_integer() && n.value < 60.0).then_some((n.value as u32, i + 1));
    }
    let (w, end) = super::number_words::cardinal(v, i)?;
    let m = w.value();
    (m.fract() == 0.0 && (1.0..60.0).contains(&m)).then_some((m as u32, end))
}

fn word_clock(v: &View, i: usize) -> Option<ClockMatch> {
    // noon, midnight, midday (+ "ish")
    if let Some(h) = v.find(i, |s| match s {
        Sense::Clock(h) => Some(h),
        _ => None,
    }) {
        return Some(ClockMatch {
            clock: make(u32::from(h), 0, 0, 1)?,
            end: zone_after(v, i + 1),
            fixed: true,
            bare: false,
        });
    }
    if v.is(i, "noonish") {
        return Some(ClockMatch {
            clock: make(12, 0, 0, 1)?,
            end: i + 1,
            fixed: true,
            bare: false,
        });
    }
    // "half past seven", "quarter to five", "twenty (minutes) past eight", "ten past 9"
    let (minutes, j) = if v.kw(i, Kw::Half) {
        (30, i + 1)
    } else if v.kw(i, Kw::Quarter) || (v.kw(i, Kw::A) && v.kw(i + 1, Kw::Quarter)) {
        (15, if v.kw(i, Kw::A) { i + 2 } else { i + 1 })
    } else if let Some((m, e)) = word_minutes(v, i) {
        let e = if v
            .senses(e)
            .any(|s| matches!(s, Sense::Unit(super::lexicon::TimeUnit::Minute, _)))
        {
            e + 1
        } else {
            e
        };
        (m, e)
    } else {
        (0, i)
    };
    // "five to seven" is more often a range than 6:55: "to" needs "quarter" or "minutes".
    let minutes_word = j > i + 1
        && v.senses(j - 1)
            .any(|s| matches!(s, Sense::Unit(super::lexicon::TimeUnit::Minute, _)));
    let to_ok =
        v.kw(j, Kw::To) && (v.kw(i, Kw::Quarter) || v.kw(i + 1, Kw::Quarter) || minutes_word);
    if j > i && (v.kw(j, Kw::Past) || to_ok || v.is(j, "after") && minutes_word) {
        let before = v.kw(j, Kw::To);
        if let Some(h) = word_hour(v, j + 1) {
            let (h, m) = if before {
                ((h + 11) % 12 + if h == 1 { 12 } else { 0 }, 60 - minutes)
            } else {
                (h, minutes)
            };
            let h = if h == 0 { 12 } else { h };
            let mut end = j + 2;
            if v.kw(end, Kw::OClock) {
                end += 1;
            }
            let c = make(h, m, 0, 2)?;
            let (c, end, fixed) = match meridiem_at(v, end) {
                Some((pm, e)) => (meridiem(c, pm)?, e, true),
                None => day_part_after(v, c, end, false),
            };
            return Some(ClockMatch {
                clock: c,
                end: zone_after(v, end),
                fixed,
                bare: false,
            });
        }
    }
    // "seven o'clock", "six pm", "nine thirty", "six forty-three minutes"
    let h = word_hour(v, i)?;
    if v.is_number(i) {
        return None;
    }
    // "one in the morning"
    let (c0, e0, fixed0) = day_part_after(v, make(h, 0, 0, 1)?, i + 1, false);
    if fixed0 {
        return Some(ClockMatch {
            clock: c0,
            end: zone_after(v, e0),
            fixed: true,
            bare: false,
        });
    }
    let mut c = make(h, 0, 0, 1)?;
    let mut end = i + 1;
    if v.kw(end, Kw::OClock) {
        end += 1;
    } else if let Some((m, e)) = word_minutes(v, end).filter(|&(m, _)| m >= 10) {
        c = make(h, m, 0, 2)?;
        end = e;
        if v.senses(end)
            .any(|s| matches!(s, Sense::Unit(super::lexicon::TimeUnit::Minute, _)))
        {
            end += 1;
        }
        if meridiem_at(v, end).is_none() && !v.kw(end, Kw::OClock) {
            // "nine thirty" alone is a time only next to a date; mark it bare.
            let (c2, e2, fixed) = day_part_after(v, c, end, false);
            return Some(ClockMatch {
                clock: c2,
                end: e2,
                fixed,
                bare: !fixed,
            });
        }
    }
    match meridiem_at(v, end) {
        Some((pm, e)) => {
            c = meridiem(c, pm)?;
            end = e;
            Some(ClockMatch {
                clock: c,
                end: zone_after(v, end),
                fixed: true,
                bare: false,
            })
        }
        None if end > i + 1 => {
            let (c, end, fixed) = day_part_after(v, c, end, false);
            Some(ClockMatch {
                clock: c,
                end: zone_after(v, end),
                fixed,
                bare: false,
            })
        }
        // A lone hour word ("five"): a time only inside a range with a date.
        None => Some(ClockMatch {
            clock: c,
            end,
            fixed: false,
            bare: true,
        }),
    }
}

/// A part of the day written as "morning", "in the morning", "the afternoon"
/// (plural when `plural`), returning it and the end token.
pub(crate) fn day_part(v: &View, i: usize) -> Option<(DayPart, usize, bool)> {
    let mut j = i;
    if v.kw(j, Kw::In) && v.kw(j + 1, Kw::The) {
        j += 2;
    } else if v.kw(j, Kw::The) {
        j += 1;
    }
    // "early morning", "late evening"
    if v.kw(j, Kw::Early) || v.kw(j, Kw::Late) {
        j += 1;
    }
    let (part, plural) = v.find(j, |s| match s {
        Sense::Part(p, plural) => Some((p, plural)),
        _ => None,
    })?;
    Some((part, j + 1, plural))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::with_view;

    fn t(text: &str) -> Option<(String, usize, bool)> {
        with_view(text, |v| {
            clock(v, 0).map(|m| (m.clock.timex(), m.end, m.bare))
        })
    }

    #[test]
    fn numeric_times() {
        assert_eq!(t("3pm"), Some(("T15".into(), 2, false)));
        assert_eq!(t("3 p.m. Friday"), Some(("T15".into(), 2, false)));
        assert_eq!(t("15:00 GMT"), Some(("T15:00".into(), 2, false)));
        assert_eq!(t("7:56:30 pm"), Some(("T19:56:30".into(), 2, false)));
        assert_eq!(t("8.30pm"), Some(("T20:30".into(), 2, false)));
        assert_eq!(t("1140 a.m."), Some(("T11:40".into(), 2, false)));
        assert_eq!(t("9.am"), Some(("T09".into(), 1, false)));
        assert_eq!(t("12 noon"), Some(("T12".into(), 2, false)));
        assert_eq!(t("12am"), Some(("T00".into(), 2, false)));
        assert_eq!(t("3 p . m ."), Some(("T15".into(), 5, false)));
        assert_eq!(t("10 oclock"), Some(("T10".into(), 2, false)));
        assert_eq!(t("7 in the evening"), Some(("T19".into(), 4, false)));
        assert_eq!(t("5 people"), Some(("T05".into(), 1, true)));
        // A dotted decimal is a time only where context allows a bare hour.
        assert_eq!(t("6.45 percent"), Some(("T06:45".into(), 1, true)));
        assert_eq!(t("13pm"), None);
        assert_eq!(t("25:00"), None);
    }

    #[test]
    fn word_times() {
        assert_eq!(t("noon"), Some(("T12".into(), 1, false)));
        assert_eq!(t("half past seven"), Some(("T07:30".into(), 3, false)));
        assert_eq!(t("quarter to five"), Some(("T04:45".into(), 3, false)));
        assert_eq!(
            t("twenty min past eight in the evening"),
            Some(("T20:20".into(), 7, false))
        );
        assert_eq!(t("seven o'clock"), Some(("T07".into(), 2, false)));
        assert_eq!(t("six pm"), Some(("T18".into(), 2, false)));
        // A lone hour word is only a bare candidate for ranges with a date.
        assert_eq!(t("seven people"), Some(("T07".into(), 1, true)));
    }
}
