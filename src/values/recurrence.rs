//! SET: recurring times — "every Monday" (`XXXX-WXX-1`), "annually" (`P1Y`),
//! "every two weeks" (`P2W`), "each morning" (`TMO`), "every Monday at 4pm"
//! (`XXXX-WXX-1T16`), "Mondays", "once a week", "3pm every day" (`T15`).

use super::lexicon::{Kw, Sense, TimeUnit};
use super::period::day_part;
use super::scan::Match;
use super::time;
use super::value::Value;
use super::view::View;
use crate::label::Label;

fn period(unit: TimeUnit, n: f64) -> String {
    let n_s = super::value::fmt_num(n);
    match unit {
        TimeUnit::Second => format!("PT{n_s}S"),
        TimeUnit::Minute => format!("PT{n_s}M"),
        TimeUnit::Hour => format!("PT{n_s}H"),
        TimeUnit::Day | TimeUnit::Night => format!("P{n_s}D"),
        TimeUnit::Week => format!("P{n_s}W"),
        TimeUnit::Fortnight => format!("P{}W", super::value::fmt_num(n * 2.0)),
        TimeUnit::Weekend => format!("P{n_s}WE"),
        TimeUnit::Month => format!("P{n_s}M"),
        TimeUnit::Quarter => format!("P{}M", super::value::fmt_num(n * 3.0)),
        TimeUnit::Year => format!("P{n_s}Y"),
        TimeUnit::Decade => format!("P{}Y", super::value::fmt_num(n * 10.0)),
        TimeUnit::Century => format!("P{}Y", super::value::fmt_num(n * 100.0)),
    }
}

fn set(i: usize, end: usize, timex: String) -> Match {
    Match::new(i, end, Label::Set, Value::Set { timex })
}

/// A clock time after a recurring day: "every Monday at 4pm" → `T16` and the end.
fn time_after(v: &View, j: usize) -> Option<(String, usize)> {
    let k = if v.kw(j, Kw::At) { j + 1 } else { j };
    let c = time::clock(v, k)?;
    if c.bare && k == j {
        return None;
    }
    Some((c.clock.timex(), c.end))
}

/// What follows "every"/"each": a weekday, month, part of day, unit or count + unit.
fn recurring(v: &View, j: usize) -> Option<(String, usize)> {
    if let Some(wd) = v.find(j, |s| match s {
        Sense::Weekday(d, _) => Some(d),
        _ => None,
    }) {
        let base = format!("XXXX-WXX-{wd}");
        // "every Monday morning", "every Monday at 4pm"
        if let Some((p, _, _)) = time::day_part(v, j + 1) {
            let e = time::day_part(v, j + 1)?.1;
            return Some((format!("{base}T{}", day_part(p).0), e));
        }
        if let Some((t, e)) = time_after(v, j + 1) {
            return Some((format!("{base}{t}"), e));
        }
        return Some((base, j + 1));
    }
    if let Some(m) = v.find(j, |s| match s {
        Sense::Month(m) => Some(m),
        _ => None,
    }) {
        return Some((format!("XXXX-{m:02}"), j + 1));
    }
    if let Some(s) = v.find(j, |s| match s {
        Sense::Season(s) => Some(s),
        _ => None,
    }) {
        return Some((format!("XXXX-{}", super::period::season_code(s)), j + 1));
    }
    if let Some((p, false)) = v.find(j, |s| match s {
        Sense::Part(p, plural) => Some((p, plural)),
        _ => None,
    }) {
        let code = day_part(p).0;
        if let Some((t, e)) = time_after(v, j + 1) {
            return Some((t, e));
        }
        return Some((format!("T{code}"), j + 1));
    }
    if v.kw(j, Kw::Weekday) {
        return Some(("P1WD".into(), j + 1));
    }
    if let Some((u, false)) = v.find(j, |s| match s {
        Sense::Unit(u, plural) => Some((u, plural)),
        _ => None,
    }) {
        if let Some((t, e)) = time_after(v, j + 1).filter(|_| u == TimeUnit::Day) {
            return Some((t, e));
        }
        return Some((period(u, 1.0), j + 1));
    }
    // "every two weeks", "every 10 minutes", "every other day"
    let (n, k) = if v.kw(j, Kw::Other) {
        (2.0, j + 1)
    } else {
        let n = super::number::number(v, j)?;
        (n.value, n.end)
    };
    if let Some(wd) = v.find(k, |s| match s {
        Sense::Weekday(d, _) => Some(d),
        _ => None,
    }) {
        return Some((format!("XXXX-WXX-{wd}"), k + 1));
    }
    let (u, _) = v.find(k, |s| match s {
        Sense::Unit(u, plural) => Some((u, plural)),
        _ => None,
    })?;
    Some((period(u, n), k + 1))
}

/// A SET at token `i`.
pub(crate) fn set_span(v: &View, i: usize) -> Option<Match> {
    // "every Monday", "each day", "every two weeks", "every other Friday"
    if v.kw(i, Kw::Every) || v.kw(i, Kw::Each) {
        let (timex, end) = recurring(v, i + 1)?;
        return Some(set(i, end, timex));
    }
    // "daily", "annually", "bi-monthly", "semi-annually"
    if v.is(i, "bi") || v.is(i, "semi") {
        if v.punct(i + 1, '-') {
            let (u, n) = v.find(i + 2, |s| match s {
                Sense::Every(u, n) => Some((u, n)),
                _ => None,
            })?;
            let timex = if v.is(i, "bi") {
                period(u, f64::from(n) * 2.0)
            } else {
                period(TimeUnit::Year, 0.5)
            };
            return Some(set(i, i + 3, timex));
        }
        return None;
    }
    if let Some((u, n)) = v.find(i, |s| match s {
        Sense::Every(u, n) => Some((u, n)),
        _ => None,
    }) {
        // "everyday 6am", "daily at 9"
        if let Some((t, e)) = time_after(v, i + 1) {
            return Some(set(i, e, t));
        }
        // Every(Year, 0) stands for twice a year.
        let n = if n == 0 { 0.5 } else { f64::from(n) };
        return Some(set(i, i + 1, period(u, n)));
    }
    // "once a week", "once a year"
    if v.kw(i, Kw::Once) && (v.kw(i + 1, Kw::A) || v.kw(i + 1, Kw::Every)) {
        let (u, false) = v.find(i + 2, |s| match s {
            Sense::Unit(u, plural) => Some((u, plural)),
            _ => None,
        })?
        else {
            return None;
        };
        return Some(set(i, i + 3, period(u, 1.0)));
    }
    // "Mondays", "on Fridays", "Friday mornings", "Thursdays at 17.30"
    if let Some((wd, plural)) = v.find(i, |s| match s {
        Sense::Weekday(d, p) => Some((d, p)),
        _ => None,
    }) {
        let base = format!("XXXX-WXX-{wd}");
        if let Some((p, true)) = v.find(i + 1, |s| match s {
            Sense::Part(p, plural) => Some((p, plural)),
            _ => None,
        }) {
            return Some(set(i, i + 2, format!("{base}T{}", day_part(p).0)));
        }
        if !plural {
            return None;
        }
        if let Some((t, e)) = time_after(v, i + 1) {
            return Some(set(i, e, format!("{base}{t}")));
        }
        return Some(set(i, i + 1, base));
    }
    // "3pm every day", "6am daily"
    let c = time::clock(v, i)?;
    if c.bare {
        return None;
    }
    let j = c.end;
    let daily = (v.kw(j, Kw::Every) || v.kw(j, Kw::Each)) && v.kw(j + 1, Kw::Day)
        || v.senses(j).any(|s| s == Sense::Every(TimeUnit::Day, 1));
    if !daily {
        return None;
    }
    let end = if v.kw(j, Kw::Every) || v.kw(j, Kw::Each) {
        j + 2
    } else {
        j + 1
    };
    Some(set(i, end, c.clock.timex()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::match_at_start;

    fn s(text: &str) -> Option<String> {
        match_at_start(text, set_span)
    }

    #[test]
    fn sets() {
        assert_eq!(s("every Monday").unwrap(), "every Monday = XXXX-WXX-1");
        assert_eq!(s("annually").unwrap(), "annually = P1Y");
        assert_eq!(s("every two weeks").unwrap(), "every two weeks = P2W");
        assert_eq!(
            s("every other Friday").unwrap(),
            "every other Friday = XXXX-WXX-5"
        );
        assert_eq!(
            s("each monday at 4pm").unwrap(),
            "each monday at 4pm = XXXX-WXX-1T16"
        );
        assert_eq!(s("every morning").unwrap(), "every morning = TMO");
        assert_eq!(s("once a week").unwrap(), "once a week = P1W");
        assert_eq!(s("3pm each day").unwrap(), "3pm each day = T15");
        assert_eq!(
            s("Thursdays at 17.30").unwrap(),
            "Thursdays at 17.30 = XXXX-WXX-4T17:30"
        );
        assert_eq!(
            s("Thursdays at 17:30").unwrap(),
            "Thursdays at 17:30 = XXXX-WXX-4T17:30"
        );
        assert_eq!(
            s("Friday mornings").unwrap(),
            "Friday mornings = XXXX-WXX-5TMO"
        );
        assert_eq!(s("bi-monthly").unwrap(), "bi-monthly = P2M");
        assert!(s("every").is_none());
    }
}
