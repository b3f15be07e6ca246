//! A resolved stretch of time: its TIMEX3 value plus its first instant and the
//! instant just after it (exclusive), and the constructors for every grain the
//! grammars produce (day, week, month, quarter, season, year, decade, century,
//! part of day, clock time, ranges).
//!
//! Conventions (documented in docs/values.md): weeks are ISO weeks (Monday
//! first); seasons are meteorological (spring = March–May … winter = December of
//! year Y to February of Y+1, written `Y-WI`); parts of the day follow
//! Recognizers-Text (morning 08–12, afternoon 12–16, evening 16–20, night 20–24).

use super::calendar::{Date, DateTime};
use super::lexicon::DayPart;
use super::value::{Mod, TimeValue, Value};

/// Which value kind a period serializes as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum TimeKind {
    /// Calendar dates and periods.
    Date,
    /// A time of day with no date.
    Time,
    /// A date with a time of day.
    Datetime,
}

/// A resolved (or deliberately unresolved) time expression.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Period {
    /// TIMEX3 value; `X` marks parts the text leaves open.
    pub timex: String,
    /// First instant and the instant just after; `None` when unresolved.
    pub bounds: Option<(DateTime, DateTime)>,
    /// Whether the bounds are written with a time of day.
    pub has_time: bool,
    /// The value kind.
    pub kind: TimeKind,
    /// "start"/"mid"/"end" of a period, "approx" …
    pub modifier: Option<Mod>,
}

fn midnight(d: Date) -> DateTime {
    DateTime::midnight(d)
}

fn at(d: Date, hour: u32, minute: u32, second: u32) -> DateTime {
    DateTime {
        date: d,
        hour,
        minute,
        second,
    }
}

/// Seconds since the epoch of a date-time, for duration arithmetic.
pub(crate) fn seconds(t: DateTime) -> i64 {
    t.date.days() * 86_400
        + i64::from(t.hour) * 3600
        + i64::from(t.minute) * 60
        + i64::from(t.second)
}

/// The date-time `secs` seconds after the epoch, `None` outside years 0..=9999.
pub(crate) fn from_seconds(secs: i64) -> Option<DateTime> {
    let date = Date::from_days(secs.div_euclid(86_400))?;
    let rem = secs.rem_euclid(86_400);
    Some(at(
        date,
        (rem / 3600) as u32,
        (rem % 3600 / 60) as u32,
        (rem % 60) as u32,
    ))
}

/// The season code TIMEX3 uses: SP, SU, FA, WI for 1..=4.
pub(crate) fn season_code(season: u8) -> &'static str {
    ["SP", "SU", "FA", "WI"][usize::from(season.clamp(1, 4) - 1)]
}

/// TIMEX3 code and clock range (start hour, end hour) of a part of the day.
pub(crate) fn day_part(part: DayPart) -> (&'static str, u32, u32) {
    match part {
        DayPart::Morning => ("MO", 8, 12),
        DayPart::Afternoon => ("AF", 12, 16),
        DayPart::Evening => ("EV", 16, 20),
        DayPart::Night => ("NI", 20, 24),
        DayPart::Daytime => ("DT", 8, 18),
    }
}

impl Period {
    /// A period with explicit bounds.
    pub(crate) fn new(timex: String, start: DateTime, end: DateTime, kind: TimeKind) -> Period {
        Period {
            timex,
            bounds: Some((start, end)),
            has_time: kind != TimeKind::Date || !start.is_midnight() || !end.is_midnight(),
            kind,
            modifier: None,
        }
    }

    /// A value the text leaves open ("XXXX-02-30", "XXXX-WXX-5").
    pub(crate) fn unresolved(timex: String, kind: TimeKind) -> Period {
        Period {
            timex,
            bounds: None,
            has_time: false,
            kind,
            modifier: None,
        }
    }

    /// One day.
    pub(crate) fn day(d: Date) -> Period {
        match d.add_days(1) {
            Some(next) => Period::new(d.to_string(), midnight(d), midnight(next), TimeKind::Date),
            None => Period::unresolved(d.to_string(), TimeKind::Date),
        }
    }

    /// Calendar month `m` of `y`.
    pub(crate) fn month(y: i32, m: u32) -> Option<Period> {
        let first = Date::new(y, m, 1)?;
        let timex = format!("{y:04}-{m:02}");
        Some(match first.add_months(1) {
            Some(next) => Period::new(timex, midnight(first), midnight(next), TimeKind::Date),
            None => Period::unresolved(timex, TimeKind::Date),
        })
    }

    /// Calendar year `y`.
    pub(crate) fn year(y: i32) -> Option<Period> {
        Period::years(y, 1, format!("{y:04}"))
    }

    /// `n` calendar years from `y` with the given timex.
    fn years(y: i32, n: i32, timex: String) -> Option<Period> {
        let first = Date::new(y, 1, 1)?;
        Some(match Date::new(y.checked_add(n)?, 1, 1) {
            Some(next) => Period::new(timex, midnight(first), midnight(next), TimeKind::Date),
            None => Period::unresolved(timex, TimeKind::Date),
        })
    }

    /// The decade starting in year `y` (a multiple of ten): `199X`.
    pub(crate) fn decade(y: i32) -> Option<Period> {
        if !(0..=9990).contains(&y) {
            return None;
        }
        Period::years(y, 10, format!("{:03}X", y / 10))
    }

    /// Century number `c` (the 21st century is 2000–2099, as Recognizers-Text and
    /// common usage have it): `20XX`.
    pub(crate) fn century(c: i32) -> Option<Period> {
        if !(1..=100).contains(&c) {
            return None;
        }
        let y = (c - 1) * 100;
        Period::years(y, 100, format!("{:02}XX", c - 1))
    }

    /// The ISO week containing `d`: `2025-W04`.
    pub(crate) fn week(d: Date) -> Option<Period> {
        let monday = d.add_days(-i64::from(d.weekday().iso() - 1))?;
        let (wy, w) = d.iso_week();
        let timex = format!("{wy:04}-W{w:02}");
        Some(match monday.add_days(7) {
            Some(next) => Period::new(timex, midnight(monday), midnight(next), TimeKind::Date),
            None => Period::unresolved(timex, TimeKind::Date),
        })
    }

    /// The weekend (Saturday and Sunday) of the ISO week containing `d`: `2025-W04-WE`.
    pub(crate) fn weekend(d: Date) -> Option<Period> {
        let saturday = d.add_days(6 - i64::from(d.weekday().iso()))?;
        let (wy, w) = d.iso_week();
        let timex = format!("{wy:04}-W{w:02}-WE");
        Some(match saturday.add_days(2) {
            Some(next) => Period::new(timex, midnight(saturday), midnight(next), TimeKind::Date),
            None => Period::unresolved(timex, TimeKind::Date),
        })
    }

    /// Quarter `q` (1..=4) of `y`: `2024-Q2`.
    pub(crate) fn quarter(y: i32, q: u32) -> Option<Period> {
        if !(1..=4).contains(&q) {
            return None;
        }
        Period::months(y, (q - 1) * 3 + 1, 3, format!("{y:04}-Q{q}"))
    }

    /// Half `h` (1..=2) of `y`: `2024-H1`.
    pub(crate) fn half(y: i32, h: u32) -> Option<Period> {
        if !(1..=2).contains(&h) {
            return None;
        }
        Period::months(y, (h - 1) * 6 + 1, 6, format!("{y:04}-H{h}"))
    }

    /// Season `s` (1 spring … 4 winter) of `y`; winter runs December–February.
    pub(crate) fn season(y: i32, s: u8) -> Option<Period> {
        let first_month = [3, 6, 9, 12][usize::from(s.clamp(1, 4) - 1)];
        Period::months(y, first_month, 3, format!("{y:04}-{}", season_code(s)))
    }

    /// `n` months from month `m` of `y`.
    fn months(y: i32, m: u32, n: i64, timex: String) -> Option<Period> {
        let first = Date::new(y, m, 1)?;
        Some(match first.add_months(n) {
            Some(next) => Period::new(timex, midnight(first), midnight(next), TimeKind::Date),
            None => Period::unresolved(timex, TimeKind::Date),
        })
    }

    /// A part of day `d`: `2025-01-24TNI`.
    pub(crate) fn day_part(d: Date, part: DayPart) -> Option<Period> {
        let (code, from, to) = day_part(part);
        let end = if to == 24 {
            midnight(d.add_days(1)?)
        } else {
            at(d, to, 0, 0)
        };
        Some(Period::new(
            format!("{d}T{code}"),
            at(d, from, 0, 0),
            end,
            TimeKind::Datetime,
        ))
    }

    /// A clock time on day `d`; `precision` 1 = hour ("T15"), 2 = minute, 3 = second.
    /// The end is one unit of that precision later.
    pub(crate) fn clock(d: Date, t: Clock) -> Option<Period> {
        let start = at(d, t.hour, t.minute, t.second);
        let step = match t.precision {
            1 => 3600,
            2 => 60,
            _ => 1,
        };
        let end = from_seconds(seconds(start) + step)?;
        Some(Period::new(
            format!("{d}{}", t.timex()),
            start,
            end,
            TimeKind::Datetime,
        ))
    }

    /// A span between two instants with Recognizers-Text's range timex
    /// `(start,end,duration)`.
    pub(crate) fn between(start: DateTime, end: DateTime, kind: TimeKind) -> Option<Period> {
        if end <= start {
            return None;
        }
        let has_time = kind != TimeKind::Date || !start.is_midnight() || !end.is_midnight();
        let fmt = |t: DateTime| {
            if has_time {
                format!("{}T{:02}:{:02}", t.date, t.hour, t.minute)
            } else {
                t.date.to_string()
            }
        };
        let timex = format!(
            "({},{},{})",
            fmt(start),
            fmt(end),
            duration_between(start, end)
        );
        Some(Period::new(timex, start, end, kind))
    }

    /// "a to b": from the start of `a` to the end of `b` (the reader's inclusive
    /// range). The timex names the two points the text gives, in Recognizers-Text's
    /// notation `(start of a,start of b,distance)`, the distance in the grain of the
    /// endpoints: "2014 to 2018" is `(2014-01-01,2018-01-01,P4Y)` with `end`
    /// 2019-01-01.
    pub(crate) fn span(a: &Period, b: &Period) -> Option<Period> {
        let (start, _) = a.bounds?;
        let (b_start, end) = b.bounds?;
        let kind = if a.kind == TimeKind::Date && b.kind == TimeKind::Date {
            TimeKind::Date
        } else {
            TimeKind::Datetime
        };
        let mut p = Period::between(start, end, kind)?;
        if b_start <= start {
            return Some(p);
        }
        let grain = a.grain().min(b.grain());
        p.timex = format!(
            "({},{},{})",
            point(start, p.has_time),
            point(b_start, p.has_time),
            distance(start, b_start, grain)
        );
        Some(p)
    }

    /// The calendar grain of a resolved period, for writing range distances.
    fn grain(&self) -> Grain {
        let Some((s, e)) = self.bounds else {
            return Grain::Day;
        };
        if self.has_time && (!s.is_midnight() || !e.is_midnight()) {
            return Grain::Time;
        }
        let (a, b) = (s.date, e.date);
        if a.day == 1 && b.day == 1 {
            if a.month == 1 && b.month == 1 {
                return Grain::Year;
            }
            return Grain::Month;
        }
        Grain::Day
    }

    /// The early ("start"), middle or late ("end") part of this period, keeping its
    /// timex and recording the part in `mod`. Partitions follow Recognizers-Text:
    /// a year splits Jan–Apr / May–Aug / Sep–Dec, a month 1–15 / 10–20 / 16–end,
    /// a week Mon–Wed / Tue–Thu / Thu–Sun, a day 00–12 / 10–14 / 12–24, and
    /// anything else into thirds.
    pub(crate) fn part(mut self, part: Mod) -> Period {
        let Some((start, end)) = self.bounds else {
            self.modifier = Some(part);
            return self;
        };
        let days = end.date.days() - start.date.days();
        let sub = |from: i64, to: i64| -> Option<(DateTime, DateTime)> {
            Some((
                midnight(start.date.add_days(from)?),
                midnight(start.date.add_days(to)?),
            ))
        };
        let months_sub = |from: i64, to: i64| -> Option<(DateTime, DateTime)> {
            Some((
                midnight(start.date.add_months(from)?),
                midnight(start.date.add_months(to)?),
            ))
        };
        let from_day = |k: i64| -> Option<(DateTime, DateTime)> {
            Some((midnight(start.date.add_days(k)?), end))
        };
        let new = match (days, part) {
            (365 | 366, Mod::Start) => months_sub(0, 4),
            (365 | 366, Mod::Mid) => months_sub(4, 8),
            (365 | 366, Mod::End) => months_sub(8, 12),
            (28..=31, Mod::Start) => sub(0, 15),
            (28..=31, Mod::Mid) => sub(9, 20),
            (28..=31, Mod::End) => from_day(15),
            (7, Mod::Start) => sub(0, 3),
            (7, Mod::Mid) => sub(1, 4),
            (7, Mod::End) => from_day(3),
            (1, Mod::Start) => Some((start, at(start.date, 12, 0, 0))),
            (1, Mod::Mid) => Some((at(start.date, 10, 0, 0), at(start.date, 14, 0, 0))),
            (1, Mod::End) => Some((at(start.date, 12, 0, 0), end)),
            (_, Mod::Start) if days >= 3 => sub(0, days / 3),
            (_, Mod::Mid) if days >= 3 => sub(days / 3, days - days / 3),
            (_, Mod::End) if days >= 3 => from_day(days - days / 3),
            _ => None,
        };
        if let Some((s, e)) = new {
            self.bounds = Some((s, e));
            if !s.is_midnight() || !e.is_midnight() {
                self.has_time = true;
                self.kind = TimeKind::Datetime;
            }
        }
        self.modifier = Some(part);
        self
    }

    /// The public value.
    pub(crate) fn into_value(self) -> Value {
        let fmt = |t: DateTime| {
            if self.has_time {
                t.to_string()
            } else {
                t.date.to_string()
            }
        };
        let tv = TimeValue {
            start: self.bounds.map(|(s, _)| fmt(s)),
            end: self.bounds.map(|(_, e)| fmt(e)),
            timex: self.timex,
            modifier: self.modifier,
        };
        match self.kind {
            TimeKind::Date => Value::Date(tv),
            TimeKind::Time => Value::Time(tv),
            TimeKind::Datetime => Value::Datetime(tv),
        }
    }
}

/// How finely a range's endpoints are stated, from coarse to fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Grain {
    Time,
    Day,
    Month,
    Year,
}

/// An endpoint in a range timex: `2014-01-01`, or `2016-11-07T05:00` with a time.
fn point(t: DateTime, with_time: bool) -> String {
    if with_time {
        format!("{}T{:02}:{:02}", t.date, t.hour, t.minute)
    } else {
        t.date.to_string()
    }
}

/// The distance between two points in whole units of `grain`: `P4Y`, `P52M`,
/// `P10D`, `PT2H30M` (falling back to a finer unit when it does not divide).
fn distance(a: DateTime, b: DateTime, grain: Grain) -> String {
    let months = (i64::from(b.date.year) - i64::from(a.date.year)) * 12 + i64::from(b.date.month)
        - i64::from(a.date.month);
    let whole_months = a.date.day == b.date.day && a.hour == b.hour && a.minute == b.minute;
    match grain {
        Grain::Year if whole_months && months % 12 == 0 => format!("P{}Y", months / 12),
        Grain::Year | Grain::Month if whole_months => format!("P{months}M"),
        Grain::Time => duration_between(a, b),
        _ => {
            let secs = seconds(b) - seconds(a);
            if secs % 86_400 == 0 {
                format!("P{}D", secs / 86_400)
            } else {
                duration_between(a, b)
            }
        }
    }
}

/// A clock time as written: hour, minute, second and how many of them were stated.
/// Appends `n` as `{:02}` formats it: zero-padded to at least two digits.
fn push_two_digits(out: &mut String, n: u32) {
    if n < 100 {
        out.push(char::from(b'0' + (n / 10) as u8));
        out.push(char::from(b'0' + (n % 10) as u8));
    } else {
        out.push_str(&n.to_string());
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Clock {
    /// 0..=23.
    pub hour: u32,
    /// 0..=59.
    pub minute: u32,
    /// 0..=59.
    pub second: u32,
    /// 1 = hour only ("3pm"), 2 = minutes ("3:30"), 3 = seconds.
    pub precision: u8,
}

impl Clock {
    /// The TIMEX3 time part: `T15`, `T15:30`, `T15:30:45`.
    /// Written without `format!`: the range composer makes one for every bare
    /// hour it tries as a range's start, and `format!` cost ~600 instructions.
    pub(crate) fn timex(&self) -> String {
        let mut out = String::with_capacity(9);
        out.push('T');
        push_two_digits(&mut out, self.hour);
        if self.precision != 1 {
            out.push(':');
            push_two_digits(&mut out, self.minute);
            if self.precision != 2 {
                out.push(':');
                push_two_digits(&mut out, self.second);
            }
        }
        out
    }

    /// Seconds after midnight.
    pub(crate) fn seconds(&self) -> i64 {
        i64::from(self.hour) * 3600 + i64::from(self.minute) * 60 + i64::from(self.second)
    }
}

/// The ISO 8601 duration between two instants, in the largest whole unit that
/// fits (`P4Y`, `P3M`, `P2W`, `P19D`, `PT2H30M`).
pub(crate) fn duration_between(start: DateTime, end: DateTime) -> String {
    let secs = seconds(end) - seconds(start);
    if secs % 86_400 != 0 {
        let (h, m, s) = (secs / 3600, secs % 3600 / 60, secs % 60);
        let mut out = String::from("PT");
        if h > 0 {
            out += &format!("{h}H");
        }
        if m > 0 {
            out += &format!("{m}M");
        }
        if s > 0 {
            out += &format!("{s}S");
        }
        return out;
    }
    let (a, b) = (start.date, end.date);
    let months =
        (i64::from(b.year) - i64::from(a.year)) * 12 + i64::from(b.month) - i64::from(a.month);
    if a.day == b.day && months > 0 {
        return if months % 12 == 0 {
            format!("P{}Y", months / 12)
        } else {
            format!("P{months}M")
        };
    }
    let days = secs / 86_400;
    if days % 7 == 0 {
        format!("P{}W", days / 7)
    } else {
        format!("P{days}D")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn clock_timex_pads_like_the_format_macro() {
        for precision in 0..=4 {
            for (hour, minute, second) in [
                (0, 0, 0),
                (3, 5, 9),
                (15, 30, 45),
                (23, 59, 59),
                (100, 7, 1234),
            ] {
                let c = Clock {
                    hour,
                    minute,
                    second,
                    precision,
                };
                let expected = match precision {
                    1 => format!("T{hour:02}"),
                    2 => format!("T{hour:02}:{minute:02}"),
                    _ => format!("T{hour:02}:{minute:02}:{second:02}"),
                };
                assert_eq!(c.timex(), expected);
            }
        }
    }

    fn shown(p: Option<Period>) -> String {
        let p = p.unwrap();
        let v = serde_json::to_value(p.into_value()).unwrap();
        format!(
            "{} {} {}",
            v["timex"].as_str().unwrap(),
            v["start"].as_str().unwrap_or("-"),
            v["end"].as_str().unwrap_or("-")
        )
    }

    #[test]
    fn grains() {
        assert_eq!(
            shown(Some(Period::day(d(2025, 1, 24)))),
            "2025-01-24 2025-01-24 2025-01-25"
        );
        assert_eq!(
            shown(Period::month(2024, 10)),
            "2024-10 2024-10-01 2024-11-01"
        );
        assert_eq!(shown(Period::year(2024)), "2024 2024-01-01 2025-01-01");
        assert_eq!(
            shown(Period::week(d(2025, 1, 24))),
            "2025-W04 2025-01-20 2025-01-27"
        );
        assert_eq!(
            shown(Period::weekend(d(2025, 1, 24))),
            "2025-W04-WE 2025-01-25 2025-01-27"
        );
        assert_eq!(
            shown(Period::quarter(2024, 3)),
            "2024-Q3 2024-07-01 2024-10-01"
        );
        assert_eq!(
            shown(Period::season(2024, 3)),
            "2024-FA 2024-09-01 2024-12-01"
        );
        assert_eq!(
            shown(Period::season(2024, 4)),
            "2024-WI 2024-12-01 2025-03-01"
        );
        assert_eq!(shown(Period::decade(1990)), "199X 1990-01-01 2000-01-01");
        assert_eq!(shown(Period::century(21)), "20XX 2000-01-01 2100-01-01");
        assert_eq!(
            shown(Period::day_part(d(2025, 1, 24), DayPart::Night)),
            "2025-01-24TNI 2025-01-24T20:00:00 2025-01-25T00:00:00"
        );
    }

    #[test]
    fn edges_of_the_calendar_do_not_panic() {
        assert!(Period::year(9999).is_some());
        assert!(Period::decade(9990).is_some());
        assert!(Period::month(9999, 12).is_some());
        assert!(Period::year(10_000).is_none());
        assert!(Period::century(0).is_none());
        assert_eq!(shown(Some(Period::day(d(9999, 12, 31)))), "9999-12-31 - -");
    }

    #[test]
    fn parts_and_ranges() {
        let y = Period::year(2023).unwrap().part(Mod::Mid);
        assert_eq!(shown(Some(y)), "2023 2023-05-01 2023-09-01");
        let w = Period::week(d(2025, 1, 28)).unwrap().part(Mod::Start);
        assert_eq!(shown(Some(w)), "2025-W05 2025-01-27 2025-01-30");
        let r = Period::span(&Period::year(2014).unwrap(), &Period::year(2018).unwrap());
        assert_eq!(
            shown(r),
            "(2014-01-01,2018-01-01,P4Y) 2014-01-01 2019-01-01"
        );
        let m = Period::span(
            &Period::month(2014, 1).unwrap(),
            &Period::month(2018, 5).unwrap(),
        );
        assert_eq!(
            shown(m),
            "(2014-01-01,2018-05-01,P52M) 2014-01-01 2018-06-01"
        );
        let days = Period::span(&Period::day(d(2016, 1, 12)), &Period::day(d(2016, 1, 22)));
        assert_eq!(
            shown(days),
            "(2016-01-12,2016-01-22,P10D) 2016-01-12 2016-01-23"
        );
        let t = Period::between(
            at(d(2016, 11, 7), 17, 0, 0),
            at(d(2016, 11, 7), 18, 30, 0),
            TimeKind::Datetime,
        );
        assert_eq!(
            shown(t),
            "(2016-11-07T17:00,2016-11-07T18:30,PT1H30M) 2016-11-07T17:00:00 2016-11-07T18:30:00"
        );
    }
}
