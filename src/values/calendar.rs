//! Proleptic Gregorian dates and date-times: parsing, formatting and day arithmetic.
//!
//! Hand-rolled instead of `chrono` to keep the wasm small: the resolver needs only
//! days-since-epoch, weekdays, ISO weeks and month lengths. Years are limited to
//! 0..=9999 so every value formats as four digits (TIMEX3 and ISO 8601 basic form).

use std::fmt;

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    /// 0..=9999.
    pub year: i32,
    /// 1..=12.
    pub month: u32,
    /// 1..=days_in_month.
    pub day: u32,
}

/// A date with a time of day (no time zone: the article's local time).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DateTime {
    /// The date.
    pub date: Date,
    /// 0..=23.
    pub hour: u32,
    /// 0..=59.
    pub minute: u32,
    /// 0..=59.
    pub second: u32,
}

/// Day of the week, Monday first as in ISO 8601 (`Monday as u32 == 1`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Weekday {
    /// 1
    Monday = 1,
    /// 2
    Tuesday,
    /// 3
    Wednesday,
    /// 4
    Thursday,
    /// 5
    Friday,
    /// 6
    Saturday,
    /// 7
    Sunday,
}

impl Weekday {
    /// From the ISO number 1 (Monday) ..= 7 (Sunday).
    pub fn from_iso(n: u32) -> Option<Weekday> {
        use Weekday::*;
        [
            Monday, Tuesday, Wednesday, Thursday, Friday, Saturday, Sunday,
        ]
        .get(n.checked_sub(1)? as usize)
        .copied()
    }

    /// The ISO number, 1 (Monday) ..= 7 (Sunday).
    pub fn iso(self) -> u32 {
        self as u32
    }
}

/// True for leap years.
pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

/// Days in `month` of `year`, or 0 for a month outside 1..=12.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// Smallest representable year.
    pub const MIN_YEAR: i32 = 0;
    /// Largest representable year.
    pub const MAX_YEAR: i32 = 9999;

    /// A valid date, or `None` ("February 30", month 13, year 99999).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        let valid = (Self::MIN_YEAR..=Self::MAX_YEAR).contains(&year)
            && (1..=12).contains(&month)
            && day >= 1
            && day <= days_in_month(year, month);
        valid.then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (negative before).
    pub fn days(self) -> i64 {
        // Howard Hinnant's days_from_civil, on a calendar whose years start in March.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01, or `None` outside years 0..=9999.
    pub fn from_days(days: i64) -> Option<Date> {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = yoe + era * 400 + i64::from(month <= 2);
        Date::new(i32::try_from(year).ok()?, month, day)
    }

    /// The date `n` days later (earlier for negative `n`), `None` if out of range.
    pub fn add_days(self, n: i64) -> Option<Date> {
        Date::from_days(self.days() + n)
    }

    /// The same day `n` months later, clamped to the month's last day
    /// (Jan 31 + 1 month = Feb 28/29).
    pub fn add_months(self, n: i64) -> Option<Date> {
        let total = i64::from(self.year) * 12 + i64::from(self.month) - 1 + n;
        let year = i32::try_from(total.div_euclid(12)).ok()?;
        let month = total.rem_euclid(12) as u32 + 1;
        let day = self.day.min(days_in_month(year, month));
        Date::new(year, month, day)
    }

    /// Day of the week.
    pub fn weekday(self) -> Weekday {
        // 1970-01-01 was a Thursday (ISO 4).
        let iso = (self.days() + 3).rem_euclid(7) as u32 + 1;
        Weekday::from_iso(iso).expect("rem_euclid(7) + 1 is in 1..=7")
    }

    /// ISO 8601 week-numbering year and week (1..=53).
    pub fn iso_week(self) -> (i32, u32) {
        // The week belongs to the year its Thursday falls in.
        let thursday = self.days() - i64::from(self.weekday().iso()) + 4;
        let year = Date::from_days(thursday).map_or(self.year, |d| d.year);
        let jan1 = Date {
            year,
            month: 1,
            day: 1,
        }
        .days();
        (year, ((thursday - jan1) / 7 + 1) as u32)
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// [`DateError`] naming the text when it is not a valid date in that form.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let bad = || DateError {
            text: s.to_string(),
        };
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return Err(bad());
        }
        let num = |r: std::ops::Range<usize>| -> Result<u32, DateError> {
            let part = &s[r];
            if part.bytes().all(|c| c.is_ascii_digit()) {
                part.parse().map_err(|_| bad())
            } else {
                Err(bad())
            }
        };
        let year = num(0..4)? as i32;
        Date::new(year, num(5..7)?, num(8..10)?).ok_or_else(bad)
    }
}

impl fmt::Display for Date {
    /// `YYYY-MM-DD`. Written digit by digit: every date and timex of the output
    /// passes through here, and `write!` with padding cost about 1,000
    /// instructions a date, a third of the value pass's formatting.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Ok(year) = u32::try_from(self.year) else {
            return write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day);
        };
        if year > 9999 || self.month > 99 || self.day > 99 {
            return write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day);
        }
        let mut buf = *b"0000-00-00";
        put_digits(&mut buf[0..4], year);
        put_digits(&mut buf[5..7], self.month);
        put_digits(&mut buf[8..10], self.day);
        f.write_str(std::str::from_utf8(&buf).map_err(|_| fmt::Error)?)
    }
}

/// Writes `n` in decimal into `out`, right-aligned and zero-padded; `n` must fit.
fn put_digits(out: &mut [u8], mut n: u32) {
    for d in out.iter_mut().rev() {
        *d = b'0' + (n % 10) as u8;
        n /= 10;
    }
}

impl DateTime {
    /// Midnight at the start of `date`.
    pub fn midnight(date: Date) -> DateTime {
        DateTime {
            date,
            hour: 0,
            minute: 0,
            second: 0,
        }
    }

    /// True when the time of day is 00:00:00.
    pub fn is_midnight(&self) -> bool {
        self.hour == 0 && self.minute == 0 && self.second == 0
    }

    /// Parses `YYYY-MM-DD`, `YYYY-MM-DDTHH:MM` or `YYYY-MM-DDTHH:MM:SS` (a space may
    /// replace the `T`).
    ///
    /// # Errors
    /// [`DateError`] naming the text when it is none of these forms or not a valid
    /// date and time.
    pub fn parse(s: &str) -> Result<DateTime, DateError> {
        let bad = || DateError {
            text: s.to_string(),
        };
        let s_trim = s.trim();
        if s_trim.len() < 10 || !s_trim.is_char_boundary(10) {
            return Err(bad());
        }
        let date = Date::parse(&s_trim[..10]).map_err(|_| bad())?;
        let rest = &s_trim[10..];
        if rest.is_empty() {
            return Ok(DateTime::midnight(date));
        }
        let time = rest.strip_prefix(['T', ' ']).ok_or_else(bad)?;
        let mut parts = time.split(':');
        let mut field = |max: u32, required: bool| -> Result<u32, DateError> {
            match parts.next() {
                None if !required => Ok(0),
                Some(p) if p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()) => {
                    let v: u32 = p.parse().map_err(|_| bad())?;
                    if v <= max {
                        Ok(v)
                    } else {
                        Err(bad())
                    }
                }
                _ => Err(bad()),
            }
        };
        let hour = field(23, true)?;
        let minute = field(59, true)?;
        let second = field(59, false)?;
        if parts.next().is_some() {
            return Err(bad());
        }
        Ok(DateTime {
            date,
            hour,
            minute,
            second,
        })
    }
}

impl fmt::Display for DateTime {
    /// `YYYY-MM-DDTHH:MM:SS`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.hour > 99 || self.minute > 99 || self.second > 99 {
            return write!(
                f,
                "{}T{:02}:{:02}:{:02}",
                self.date, self.hour, self.minute, self.second
            );
        }
        let mut buf = *b"T00:00:00";
        put_digits(&mut buf[1..3], self.hour);
        put_digits(&mut buf[4..6], self.minute);
        put_digits(&mut buf[7..9], self.second);
        fmt::Display::fmt(&self.date, f)?;
        f.write_str(std::str::from_utf8(&buf).map_err(|_| fmt::Error)?)
    }
}

/// A date or date-time string that could not be parsed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    /// The text as given.
    pub text: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?} is not a valid date (expected YYYY-MM-DD or YYYY-MM-DDTHH:MM:SS)",
            self.text
        )
    }
}

impl std::error::Error for DateError {}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn formatting_pads_like_the_format_macro() {
        // Fields are public, so odd values must format as `write!` would.
        for year in [-12345, -5, 0, 7, 99, 999, 1999, 2025, 9999, 10000, 99999] {
            for (month, day) in [(1, 1), (12, 31), (0, 0), (100, 123)] {
                let date = Date { year, month, day };
                assert_eq!(date.to_string(), format!("{year:04}-{month:02}-{day:02}"));
                for (hour, minute, second) in [(0, 0, 0), (9, 5, 7), (23, 59, 59), (100, 7, 250)] {
                    let t = DateTime {
                        date,
                        hour,
                        minute,
                        second,
                    };
                    assert_eq!(
                        t.to_string(),
                        format!("{year:04}-{month:02}-{day:02}T{hour:02}:{minute:02}:{second:02}")
                    );
                }
            }
        }
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(d(1970, 1, 1).days(), 0);
        assert_eq!(d(2025, 1, 24).days(), 20112);
        for n in [-719_528, -1, 0, 1, 11_016, 20_112, 2_932_896] {
            assert_eq!(Date::from_days(n).unwrap().days(), n);
        }
        assert_eq!(Date::from_days(-719_529), None); // year -1
    }

    #[test]
    fn weekdays_and_iso_weeks() {
        assert_eq!(d(2025, 1, 24).weekday(), Weekday::Friday);
        assert_eq!(d(2025, 1, 24).iso_week(), (2025, 4));
        assert_eq!(d(2024, 12, 30).iso_week(), (2025, 1));
        assert_eq!(d(2021, 1, 3).iso_week(), (2020, 53));
    }

    #[test]
    fn invalid_dates_are_refused() {
        assert_eq!(Date::new(2025, 2, 29), None);
        assert_eq!(Date::new(2024, 2, 30), None);
        assert_eq!(Date::new(99_999, 1, 1), None);
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(0, 1, 1).is_some());
    }

    #[test]
    fn month_arithmetic_clamps() {
        assert_eq!(d(2025, 1, 31).add_months(1), Some(d(2025, 2, 28)));
        assert_eq!(d(2025, 1, 15).add_months(-13), Some(d(2023, 12, 15)));
        assert_eq!(d(9999, 12, 1).add_months(1), None);
    }

    #[test]
    fn parsing() {
        assert_eq!(
            DateTime::parse("2025-01-24").unwrap(),
            DateTime::midnight(d(2025, 1, 24))
        );
        let t = DateTime::parse("2025-01-24T15:04:05").unwrap();
        assert_eq!((t.hour, t.minute, t.second), (15, 4, 5));
        assert_eq!(
            DateTime::parse("2025-01-24 15:04").unwrap().to_string(),
            "2025-01-24T15:04:00"
        );
        for bad in [
            "",
            "2025-1-24",
            "2025-02-30",
            "2025-01-24T25:00",
            "2025-01-24X",
            "2025-01-24T10",
            "２０２５-01-24",
        ] {
            assert!(DateTime::parse(bad).is_err(), "{bad}");
        }
    }
}
