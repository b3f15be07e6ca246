//! Turning relative and partial dates into absolute periods against the
//! reference date: "last week", "in October", "on Friday", "two days ago".
//!
//! A bare month, weekday, season or day of the month names a recurring period;
//! which occurrence is meant depends on tense ([`Tense`]): in a past-tense clause
//! the latest one that has begun by the reference date, in a future clause the
//! first one that has not yet ended. Unknown tense counts as past, the common case
//! in news. When the reference date itself is unknown, everything relative comes
//! back unresolved, with `X`s in the timex for what the text leaves open.

use super::calendar::{Date, DateTime};
use super::lexicon::{Rel, TimeUnit};
use super::period::{from_seconds, seconds, Period, TimeKind};
use super::refdate::{RefDate, RefDateSource};

/// The tense of the clause an expression sits in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    /// "said", "was", "had", "-ed" verbs, "ago".
    Past,
    /// "will", "'ll", "is to", "plans to", "next".
    Future,
    /// No marker found.
    Unknown,
}

/// Resolves against one reference date.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Resolver {
    /// The reference instant.
    pub now: DateTime,
    /// False when the reference date is a placeholder (source `Unknown`).
    pub known: bool,
}

impl Resolver {
    /// A resolver for `ref_date`.
    pub(crate) fn new(ref_date: &RefDate) -> Resolver {
        Resolver {
            now: ref_date.datetime,
            known: ref_date.source != RefDateSource::Unknown,
        }
    }

    /// The reference day.
    pub(crate) fn today(&self) -> Date {
        self.now.date
    }

    /// The year of the occurrence of a yearly period (`span(y)` gives its first day
    /// and the day after) that `tense` points at.
    pub(crate) fn pick_year(
        &self,
        tense: Tense,
        span: impl Fn(i32) -> Option<(Date, Date)>,
    ) -> Option<i32> {
        let today = self.today();
        let y = today.year;
        match tense {
            Tense::Past | Tense::Unknown => (y - 8..=y + 1)
                .rev()
                .find(|&c| span(c).is_some_and(|(start, _)| start <= today)),
            Tense::Future => (y - 1..=y + 8).find(|&c| span(c).is_some_and(|(_, end)| end > today)),
        }
    }

    /// Month `m` of the year `tense` points at: "in October".
    pub(crate) fn month(&self, m: u32, tense: Tense) -> Period {
        if !self.known {
            return Period::unresolved(format!("XXXX-{m:02}"), TimeKind::Date);
        }
        self.pick_year(tense, |y| bounds(Period::month(y, m)))
            .and_then(|y| Period::month(y, m))
            .unwrap_or_else(|| Period::unresolved(format!("XXXX-{m:02}"), TimeKind::Date))
    }

    /// Day `d` of month `m` in the year `tense` points at: "on Oct. 2". Impossible
    /// dates ("February 30") stay unresolved.
    pub(crate) fn month_day(&self, m: u32, d: u32, tense: Tense) -> Period {
        let unresolved = || Period::unresolved(format!("XXXX-{m:02}-{d:02}"), TimeKind::Date);
        if !self.known {
            return unresolved();
        }
        self.pick_year(tense, |y| {
            let day = Date::new(y, m, d)?;
            Some((day, day.add_days(1)?))
        })
        .and_then(|y| Date::new(y, m, d))
        .map_or_else(unresolved, Period::day)
    }

    /// Day `d` of the month `tense` points at: "on the 18th".
    pub(crate) fn day_of_month(&self, d: u32, tense: Tense) -> Period {
        let unresolved = || Period::unresolved(format!("XXXX-XX-{d:02}"), TimeKind::Date);
        if !self.known || !(1..=31).contains(&d) {
            return unresolved();
        }
        let today = self.today();
        let candidates = (-3..=3).filter_map(|k| {
            let first = Date::new(today.year, today.month, 1)?.add_months(k)?;
            Date::new(first.year, first.month, d)
        });
        let pick = match tense {
            Tense::Past | Tense::Unknown => candidates.filter(|&c| c <= today).max(),
            Tense::Future => candidates.filter(|&c| c >= today).min(),
        };
        pick.map_or_else(unresolved, Period::day)
    }

    /// The weekday `wd` (1 = Monday) meant by `rel` and `tense`: "on Friday",
    /// "last Friday", "this Friday", "next Friday", "past Friday", "coming Friday".
    pub(crate) fn weekday(&self, wd: u32, rel: Option<Rel>, tense: Tense) -> Period {
        let unresolved = || Period::unresolved(format!("XXXX-WXX-{wd}"), TimeKind::Date);
        if !self.known {
            return unresolved();
        }
        let today = self.today();
        let cur = i64::from(today.weekday().iso());
        let wd_i = i64::from(wd);
        let offset = match rel {
            Some(Rel::Last) => wd_i - cur - 7,
            Some(Rel::This) => wd_i - cur,
            Some(Rel::Next) => wd_i - cur + 7,
            Some(Rel::Past) => -((cur - wd_i - 1).rem_euclid(7) + 1),
            Some(Rel::Coming) => (wd_i - cur - 1).rem_euclid(7) + 1,
            None => match tense {
                Tense::Past | Tense::Unknown => -(cur - wd_i).rem_euclid(7),
                Tense::Future => (wd_i - cur).rem_euclid(7),
            },
        };
        today.add_days(offset).map_or_else(unresolved, Period::day)
    }

    /// Season `s` meant by `rel` and `tense`: "last autumn", "this summer", "in the spring".
    pub(crate) fn season(&self, s: u8, rel: Option<Rel>, tense: Tense) -> Period {
        let code = super::period::season_code(s);
        let unresolved = || Period::unresolved(format!("XXXX-{code}"), TimeKind::Date);
        if !self.known {
            return unresolved();
        }
        let today = self.today();
        let span = |y: i32| bounds(Period::season(y, s));
        let year = match rel {
            // The latest one that is over.
            Some(Rel::Last | Rel::Past) => (today.year - 3..=today.year)
                .rev()
                .find(|&y| span(y).is_some_and(|(_, e)| e <= today)),
            // The one of this year; a winter that began last December counts while it lasts.
            Some(Rel::This) => {
                if s == 4 && today.month <= 2 {
                    Some(today.year - 1)
                } else {
                    Some(today.year)
                }
            }
            Some(Rel::Next | Rel::Coming) => {
                (today.year..=today.year + 3).find(|&y| span(y).is_some_and(|(b, _)| b > today))
            }
            None => self.pick_year(tense, span),
        };
        year.and_then(|y| Period::season(y, s))
            .unwrap_or_else(unresolved)
    }

    /// The calendar unit `n` steps from the current one: "last week" (n = -1),
    /// "this year" (0), "next month" (1), "yesterday" (day, -1).
    pub(crate) fn shift(&self, unit: TimeUnit, n: i64) -> Period {
        let x = |t: &str| Period::unresolved(t.to_string(), TimeKind::Date);
        if !self.known {
            return match unit {
                TimeUnit::Day | TimeUnit::Night => x("XXXX-XX-XX"),
                TimeUnit::Week | TimeUnit::Fortnight => x("XXXX-WXX"),
                TimeUnit::Weekend => x("XXXX-WXX-WE"),
                TimeUnit::Month => x("XXXX-XX"),
                TimeUnit::Quarter => x("XXXX-QX"),
                TimeUnit::Year => x("XXXX"),
                TimeUnit::Decade => x("XXXX"),
                TimeUnit::Century => x("XXXX"),
                TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour => x("XXXX-XX-XXTXX:XX"),
            };
        }
        let today = self.today();
        let r = match unit {
            TimeUnit::Day | TimeUnit::Night => today.add_days(n).map(Period::day),
            TimeUnit::Week | TimeUnit::Fortnight => {
                today.add_days(n.saturating_mul(7)).and_then(Period::week)
            }
            TimeUnit::Weekend => today
                .add_days(n.saturating_mul(7))
                .and_then(Period::weekend),
            TimeUnit::Month => Date::new(today.year, today.month, 1)
                .and_then(|d| d.add_months(n))
                .and_then(|d| Period::month(d.year, d.month)),
            TimeUnit::Quarter => {
                let q = i64::from(today.year) * 4 + i64::from((today.month - 1) / 3) + n;
                i32::try_from(q.div_euclid(4))
                    .ok()
                    .and_then(|y| Period::quarter(y, q.rem_euclid(4) as u32 + 1))
            }
            TimeUnit::Year => i32::try_from(i64::from(today.year) + n)
                .ok()
                .and_then(Period::year),
            TimeUnit::Decade => i32::try_from(i64::from(today.year / 10 * 10) + n * 10)
                .ok()
                .and_then(Period::decade),
            TimeUnit::Century => i32::try_from(i64::from(today.year / 100) + 1 + n)
                .ok()
                .and_then(Period::century),
            TimeUnit::Hour | TimeUnit::Minute | TimeUnit::Second => {
                let step = unit_seconds(unit);
                let start = from_seconds(seconds(self.now) + n * step);
                start.and_then(|s| {
                    Period::between(s, from_seconds(seconds(s) + step)?, TimeKind::Datetime)
                })
            }
        };
        r.unwrap_or_else(|| x("XXXX"))
    }

    /// The moment `amount` units before (`sign` -1) or after (+1) `base`, at the
    /// grain of the unit: "two days ago" is a day, "two months ago" a month,
    /// "four years ago" a year, "30 minutes later" a minute.
    pub(crate) fn offset(&self, base: DateTime, amount: f64, unit: TimeUnit, sign: i64) -> Period {
        let unresolved = || Period::unresolved("XXXX-XX-XX".to_string(), TimeKind::Date);
        if !self.known {
            return unresolved();
        }
        let r = (|| -> Option<Period> {
            match unit {
                TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour => {
                    let secs = (amount * unit_seconds(unit) as f64).round() as i64;
                    let t = from_seconds(seconds(base) + sign * secs)?;
                    let precision = if t.second != 0 { 3 } else { 2 };
                    Period::clock(
                        t.date,
                        super::period::Clock {
                            hour: t.hour,
                            minute: t.minute,
                            second: t.second,
                            precision,
                        },
                    )
                }
                TimeUnit::Day | TimeUnit::Night => {
                    Some(Period::day(base.date.add_days(sign * whole(amount)?)?))
                }
                TimeUnit::Week => Some(Period::day(
                    base.date.add_days(sign * whole(amount * 7.0)?)?,
                )),
                TimeUnit::Fortnight => Some(Period::day(
                    base.date.add_days(sign * whole(amount * 14.0)?)?,
                )),
                TimeUnit::Weekend => base
                    .date
                    .add_days(sign * whole(amount * 7.0)?)
                    .and_then(Period::weekend),
                TimeUnit::Month => {
                    let d = base.date.add_months(sign * whole(amount)?)?;
                    Period::month(d.year, d.month)
                }
                TimeUnit::Quarter => {
                    let d = base.date.add_months(sign * whole(amount * 3.0)?)?;
                    Period::month(d.year, d.month)
                }
                TimeUnit::Year => {
                    if let Some(y) = whole(amount) {
                        Period::year(i32::try_from(i64::from(base.date.year) + sign * y).ok()?)
                    } else {
                        let d = base.date.add_months(sign * whole(amount * 12.0)?)?;
                        Period::month(d.year, d.month)
                    }
                }
                TimeUnit::Decade => Period::year(
                    i32::try_from(i64::from(base.date.year) + sign * whole(amount * 10.0)?).ok()?,
                ),
                TimeUnit::Century => Period::year(
                    i32::try_from(i64::from(base.date.year) + sign * whole(amount * 100.0)?)
                        .ok()?,
                ),
            }
        })();
        r.unwrap_or_else(unresolved)
    }

    /// A window of `amount` units ending at (sign -1: "the past two weeks") or
    /// starting after (sign +1: "the next three days") the reference date.
    /// Day-or-longer windows run over whole days; the reference day belongs to
    /// neither side.
    pub(crate) fn window(&self, amount: f64, unit: TimeUnit, sign: i64) -> Period {
        let unresolved = || {
            Period::unresolved(
                if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.to_string(),
                TimeKind::Date,
            )
        };
        if !self.known {
            return unresolved();
        }
        let r = (|| -> Option<Period> {
            if matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour) {
                let secs = (amount * unit_seconds(unit) as f64).round() as i64;
                let now = seconds(self.now);
                let (a, b) = if sign < 0 {
                    (now - secs, now)
                } else {
                    (now, now + secs)
                };
                return Period::between(from_seconds(a)?, from_seconds(b)?, TimeKind::Datetime);
            }
            let today = self.today();
            let anchor = if sign < 0 { today } else { today.add_days(1)? };
            let other = add(anchor, amount, unit, sign)?;
            let (a, b) = if sign < 0 {
                (other, anchor)
            } else {
                (anchor, other)
            };
            Period::between(DateTime::midnight(a), DateTime::midnight(b), TimeKind::Date)
        })();
        r.unwrap_or_else(unresolved)
    }

    /// "within N units": from the reference date to N units later.
    pub(crate) fn within(&self, amount: f64, unit: TimeUnit) -> Period {
        if !self.known {
            return Period::unresolved("FUTURE_REF".to_string(), TimeKind::Date);
        }
        let today = self.today();
        add(today, amount, unit, 1)
            .and_then(|end| {
                Period::between(
                    DateTime::midnight(today),
                    DateTime::midnight(end),
                    TimeKind::Date,
                )
            })
            .unwrap_or_else(|| Period::unresolved("FUTURE_REF".to_string(), TimeKind::Date))
    }
}

fn bounds(p: Option<Period>) -> Option<(Date, Date)> {
    p.and_then(|p| p.bounds).map(|(s, e)| (s.date, e.date))
}

/// `x` as a whole number, if it is one.
fn whole(x: f64) -> Option<i64> {
    (x.fract() == 0.0 && x.abs() < 1e9).then_some(x as i64)
}

/// Seconds in one hour, minute or second.
pub(crate) fn unit_seconds(unit: TimeUnit) -> i64 {
    match unit {
        TimeUnit::Second => 1,
        TimeUnit::Minute => 60,
        TimeUnit::Hour => 3600,
        _ => 86_400,
    }
}

/// `d` moved by `amount` calendar units in direction `sign`.
pub(crate) fn add(d: Date, amount: f64, unit: TimeUnit, sign: i64) -> Option<Date> {
    let months = |m: f64| whole(m).and_then(|m| d.add_months(sign * m));
    let days = |n: f64| whole(n).and_then(|n| d.add_days(sign * n));
    match unit {
        TimeUnit::Day | TimeUnit::Night => days(amount),
        TimeUnit::Week => days(amount * 7.0),
        TimeUnit::Weekend => days(amount * 7.0),
        TimeUnit::Fortnight => days(amount * 14.0),
        TimeUnit::Month => months(amount),
        TimeUnit::Quarter => months(amount * 3.0),
        TimeUnit::Year => months(amount * 12.0),
        TimeUnit::Decade => months(amount * 120.0),
        TimeUnit::Century => months(amount * 1200.0),
        TimeUnit::Second | TimeUnit::Minute | TimeUnit::Hour => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn r() -> Resolver {
        Resolver {
            now: DateTime::midnight(Date::new(2025, 1, 24).unwrap()),
            known: true,
        }
    }

    fn tx(p: Period) -> String {
        match p.bounds {
            Some((s, e)) => format!("{} {}..{}", p.timex, s.date, e.date),
            None => p.timex,
        }
    }

    #[test]
    fn months_follow_tense() {
        assert_eq!(
            tx(r().month(10, Tense::Past)),
            "2024-10 2024-10-01..2024-11-01"
        );
        assert_eq!(
            tx(r().month(10, Tense::Future)),
            "2025-10 2025-10-01..2025-11-01"
        );
        assert_eq!(r().month(1, Tense::Past).timex, "2025-01");
        assert_eq!(r().month(1, Tense::Future).timex, "2025-01");
        assert_eq!(r().month(12, Tense::Unknown).timex, "2024-12");
    }

    #[test]
    fn weekdays() {
        // 2025-01-24 is a Friday.
        assert_eq!(r().weekday(5, None, Tense::Past).timex, "2025-01-24");
        assert_eq!(r().weekday(3, None, Tense::Past).timex, "2025-01-22");
        assert_eq!(r().weekday(3, None, Tense::Future).timex, "2025-01-29");
        assert_eq!(
            r().weekday(1, Some(Rel::Last), Tense::Past).timex,
            "2025-01-13"
        );
        assert_eq!(
            r().weekday(1, Some(Rel::Next), Tense::Past).timex,
            "2025-01-27"
        );
        assert_eq!(
            r().weekday(5, Some(Rel::Past), Tense::Past).timex,
            "2025-01-17"
        );
        assert_eq!(
            r().weekday(6, Some(Rel::Coming), Tense::Past).timex,
            "2025-01-25"
        );
    }

    #[test]
    fn seasons() {
        assert_eq!(
            tx(r().season(3, Some(Rel::Last), Tense::Past)),
            "2024-FA 2024-09-01..2024-12-01"
        );
        assert_eq!(r().season(4, Some(Rel::Last), Tense::Past).timex, "2023-WI");
        assert_eq!(r().season(4, Some(Rel::This), Tense::Past).timex, "2024-WI");
        assert_eq!(r().season(2, Some(Rel::Next), Tense::Past).timex, "2025-SU");
        assert_eq!(r().season(2, None, Tense::Past).timex, "2024-SU");
        assert_eq!(r().season(2, None, Tense::Future).timex, "2025-SU");
    }

    #[test]
    fn shifts_offsets_windows() {
        assert_eq!(r().shift(TimeUnit::Year, -1).timex, "2024");
        assert_eq!(r().shift(TimeUnit::Week, 1).timex, "2025-W05");
        assert_eq!(r().shift(TimeUnit::Day, -1).timex, "2025-01-23");
        assert_eq!(r().shift(TimeUnit::Quarter, -1).timex, "2024-Q4");
        assert_eq!(r().shift(TimeUnit::Month, -1).timex, "2024-12");
        let now = r().now;
        assert_eq!(r().offset(now, 2.0, TimeUnit::Day, -1).timex, "2025-01-22");
        assert_eq!(r().offset(now, 4.0, TimeUnit::Year, -1).timex, "2021");
        assert_eq!(r().offset(now, 2.0, TimeUnit::Month, -1).timex, "2024-11");
        assert_eq!(
            tx(r().window(10.0, TimeUnit::Year, -1)),
            "(2015-01-24,2025-01-24,P10Y) 2015-01-24..2025-01-24"
        );
        assert_eq!(
            tx(r().window(3.0, TimeUnit::Day, 1)),
            "(2025-01-25,2025-01-28,P3D) 2025-01-25..2025-01-28"
        );
    }

    #[test]
    fn impossible_and_unknown() {
        assert_eq!(r().month_day(2, 30, Tense::Past).timex, "XXXX-02-30");
        assert_eq!(r().month_day(2, 29, Tense::Past).timex, "2024-02-29");
        let unknown = Resolver {
            known: false,
            ..r()
        };
        assert_eq!(unknown.month(10, Tense::Past).timex, "XXXX-10");
        assert_eq!(unknown.weekday(5, None, Tense::Past).timex, "XXXX-WXX-5");
        assert!(unknown.shift(TimeUnit::Day, -1).bounds.is_none());
        let far = Resolver {
            now: DateTime::midnight(Date::new(9999, 12, 31).unwrap()),
            known: true,
        };
        let _ = far.shift(TimeUnit::Year, 1);
        let _ = far.window(5.0, TimeUnit::Year, 1);
        let _ = far.season(4, None, Tense::Future);
        let zero = Resolver {
            now: DateTime::midnight(Date::new(0, 1, 1).unwrap()),
            known: true,
        };
        let _ = zero.shift(TimeUnit::Year, -1);
        let _ = zero.month(12, Tense::Past);
    }
}
