//! Combining date and time pieces: a date with a clock time ("Friday at 3pm",
//! "3pm today", "Jan 24 at 15:00 GMT"), a day with a part of the day ("Tuesday
//! morning", "last night", "tonight"), and two points into a range ("2014 to
//! 2018", "from March to May", "between 4pm and 5pm", "November 18-19",
//! "Jan-Feb 2017", "5 to 6pm").
//!
//! A range runs from the start of its first part to the end of its last, so
//! "2014 to 2018" ends on 2019-01-01 (exclusive): the reader's inclusive reading.

use super::calendar::{Date, DateTime};
use super::date::{is_day_timex, Dates, Piece};
use super::lexicon::{DayPart, Kw, Sense};
use super::period::{Clock, Period, TimeKind};
use super::time::{self, ClockMatch};
use crate::label::Label;

/// A clock time with no date: `T15`.
fn time_only(c: Clock) -> Period {
    Period::unresolved(c.timex(), TimeKind::Time)
}

/// Puts clock time `c` on the day of `d` (resolved or open).
fn at_time(d: &Piece, c: Clock) -> Option<Period> {
    if let Some(day) = d.day() {
        return Period::clock(day, c);
    }
    is_day_timex(&d.period.timex).then(|| {
        Period::unresolved(
            format!("{}{}", d.period.timex, c.timex()),
            TimeKind::Datetime,
        )
    })
}

/// Puts part of day `p` on the day of `d`.
fn at_part(d: &Piece, p: DayPart) -> Option<Period> {
    if let Some(day) = d.day() {
        return Period::day_part(day, p);
    }
    is_day_timex(&d.period.timex).then(|| {
        Period::unresolved(
            format!("{}T{}", d.period.timex, super::period::day_part(p).0),
            TimeKind::Datetime,
        )
    })
}

fn longest(pieces: impl IntoIterator<Item = Option<Piece>>) -> Option<Piece> {
    pieces
        .into_iter()
        .flatten()
        .fold(None, |best: Option<Piece>, p| match best {
            Some(b) if b.end >= p.end => Some(b),
            _ => Some(p),
        })
}

impl Dates<'_, '_> {
    /// The longest DATE or TIME expression at `i`, ranges and date-times included.
    pub(crate) fn temporal(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if v.kw(i, Kw::Between) {
            if let Some(p) = self.range_from(i, i + 1, Kw::And) {
                return Some(p);
            }
        }
        if v.kw(i, Kw::From) {
            if let Some(p) = self.range_from(i, i + 1, Kw::To) {
                return Some(p);
            }
        }
        let a = match self.point(i) {
            Some(a) => a,
            // "5 to 6pm", "9-10 am": a bare hour starts a range with a real time.
            None => {
                let a = self.bare_endpoint(i)?;
                return self.range_after(i, &a);
            }
        };
        if let Some(r) = self.range_after(i, &a) {
            return Some(r);
        }
        Some(a)
    }

    /// A single point or period with its time attachments.
    fn point(&self, i: usize) -> Option<Piece> {
        longest([
            self.date_then_time(i),
            self.time_then_date(i),
            self.part_words(i),
            self.clock_alone(i),
        ])
    }

    /// A clock time at `i` that may stand alone (not a bare number).
    fn clock_at(&self, i: usize, allow_bare: bool) -> Option<ClockMatch> {
        let c = time::clock(self.v, i)?;
        (!c.bare || allow_bare).then_some(c)
    }

    /// "3pm", "15:00 GMT", "noon", "at 6.45" — a time with no date.
    fn clock_alone(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let c = self.clock_at(i, false)?;
        // "10 past 9", fine; but "2 p" from "2 p." list items is too weak: need am/pm, colon or a word.
        let mut piece = Piece::new(i, c.end, time_only(c.clock));
        // "in the morning" after the time is already folded in; "today" etc. handled by time_then_date.
        if let Some((p, e, false)) = time::day_part(v, c.end).filter(|&(_, _, plural)| !plural) {
            let _ = p;
            piece.end = piece.end.max(c.end);
            let _ = e;
        }
        Some(piece)
    }

    /// A date, then optionally a time or a part of the day: "Friday at 3pm",
    /// "tomorrow 8:00am", "Tuesday morning", "Wednesday evening next week".
    fn date_then_time(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let d = self.date(i)?;
        if !d.is_day() {
            return Some(d);
        }
        let mut j = d.end;
        let mut sep = false;
        if v.kw(j, Kw::At) || v.punct(j, ',') || v.punct(j, '@') {
            j += 1;
            sep = true;
        }
        // "today before 4pm", "Tuesday after 1pm", "Friday by 2 in the afternoon",
        // "Feb 1st no later than 6:00": a bound on that day.
        if let Some((m, k)) = bound_word(v, d.end) {
            if let Some(c) = self.clock_at(k, false) {
                if let Some(mut p) = at_time(&d, c.clock) {
                    p.modifier = Some(m);
                    let mut piece = Piece::new(i, c.end, p);
                    piece.label = Label::Time;
                    return Some(piece);
                }
            }
        }
        // "next Monday 1-3 pm", "Monday 8-9am", "Wednesday from 10-4", "1/1/2015
        // between 10 and 11:30"
        {
            let k = if v.kw(j, Kw::From) || v.kw(j, Kw::Between) {
                j + 1
            } else {
                j
            };
            if let Some((c1, c2, e)) = self.clock_range(k, true, v.kw(j, Kw::Between)) {
                if let Some(p) = on_day(&d, c1, c2) {
                    let mut piece = Piece::new(i, e, p);
                    piece.label = Label::Time;
                    return Some(piece);
                }
            }
        }
        // "Friday at 3pm", "tomorrow 8:00am", "Monday at 2.30", "Sat at 5"
        let after_at = sep && v.kw(j - 1, Kw::At) || v.kw(j.wrapping_sub(1), Kw::At);
        let with_minutes = time::clock(v, j).is_some_and(|c| c.bare && c.clock.precision >= 2);
        if let Some(c) = self.clock_at(j, after_at || with_minutes) {
            if let Some(p) = at_time(&d, c.clock) {
                let mut piece = Piece::new(i, c.end, p);
                piece.label = Label::Time;
                // "Friday at 3pm next week" is rare; done.
                return Some(piece);
            }
        }
        // "today pm", "tomorrow am"
        if let Some((pm, e)) = time::meridiem_at(v, d.end).filter(|_| !v.is_number(d.end)) {
            let part = if pm {
                DayPart::Afternoon
            } else {
                DayPart::Morning
            };
            if let Some(p) = at_part(&d, part) {
                let mut piece = Piece::new(i, e, p);
                piece.label = Label::Time;
                return Some(piece);
            }
        }
        // "Tuesday morning", "Friday in the afternoon", "tomorrow night"
        if let Some((part, e, false)) = time::day_part(v, if sep { d.end } else { j }) {
            // "Monday morning from 10am to 12pm", "Sunday late evening at 10:00"
            if let Some(piece) = self.times_in_part(i, e, &d, part) {
                return Some(piece);
            }
            if let Some(p) = at_part(&d, part) {
                let mut piece = Piece::new(i, e, p);
                // "Wednesday evening next week"
                if let Some(w) = self.week_after(e, &d) {
                    piece = w;
                }
                piece.label = Label::Time;
                return Some(piece);
            }
        }
        Some(d)
    }

    /// A clock time or range after a day and a part of it ("Monday morning from 10am
    /// to 12pm", "tonight from 7 to 7:30", "Sunday late evening at 10:00"); the part
    /// fixes am/pm.
    fn times_in_part(&self, i: usize, e: usize, d: &Piece, part: DayPart) -> Option<Piece> {
        let v = self.v;
        let pm = !matches!(part, DayPart::Morning);
        let adjust = |mut c: Clock| {
            if pm && c.hour < 12 {
                c.hour += 12;
            }
            c
        };
        let k = if v.kw(e, Kw::From) || v.kw(e, Kw::Between) || v.kw(e, Kw::At) {
            e + 1
        } else {
            e
        };
        if let Some((c1, c2, end)) = self.clock_range(k, true, v.kw(e, Kw::Between)) {
            let (c1, c2) = (adjust(c1), adjust(c2));
            let mut piece = Piece::new(i, end, on_day(d, c1, c2)?);
            piece.label = Label::Time;
            return Some(piece);
        }
        // "tonight around 7"
        let (k, approx) = if v.kw(e, Kw::About) {
            (e + 1, true)
        } else {
            (k, false)
        };
        if v.kw(e, Kw::At) || approx {
            let c = self.clock_at(k, true)?;
            let clock = if c.fixed { c.clock } else { adjust(c.clock) };
            let mut p = at_time(d, clock)?;
            if approx {
                p.modifier = Some(super::value::Mod::Approx);
            }
            let mut piece = Piece::new(i, c.end, p);
            piece.label = Label::Time;
            return Some(piece);
        }
        None
    }

    /// "Wednesday evening next week": re-anchors the weekday in the named week.
    fn week_after(&self, e: usize, d: &Piece) -> Option<Piece> {
        let v = self.v;
        let rel = v.find(e, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        })?;
        if !v.kw(e + 1, Kw::Week) {
            return None;
        }
        let wd = self.weekday_word(d.start)?.0;
        let week = self
            .r
            .shift(super::lexicon::TimeUnit::Week, super::date::rel_step(rel));
        let (s, _) = week.bounds?;
        let day = s.date.add_days(i64::from(wd) - 1)?;
        let part = time::day_part(v, d.end)?.0;
        Some(Piece::new(d.start, e + 2, Period::day_part(day, part)?))
    }

    /// A time, then a date: "3pm today", "8am this morning", "15:00 on Friday",
    /// "13:00 February 28, 2013", "10, tonight".
    fn time_then_date(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let c = self.clock_at(i, true)?;
        let mut j = c.end;
        if v.kw(j, Kw::On) || v.punct(j, ',') {
            j += 1;
        }
        // "8am this morning", "10, tonight"
        if let Some(p) = self.part_words(j) {
            let (start, _) = p.period.bounds?;
            let mut clock = c.clock;
            if !c.fixed && start.hour >= 12 && clock.hour < 12 {
                clock.hour += 12;
            }
            let mut piece = Piece::new(i, p.end, Period::clock(start.date, clock)?);
            piece.label = Label::Time;
            return Some(piece);
        }
        let d = self.date(j)?;
        if !d.is_day() || (c.bare && !v.kw(j, Kw::On) && d.start == c.end && !v.is_number(i)) {
            return None;
        }
        let mut piece = Piece::new(i, d.end, at_time(&d, c.clock)?);
        piece.label = Label::Time;
        Some(piece)
    }

    /// "this morning", "tonight", "last night", "yesterday afternoon", "tomorrow
    /// night", "in the morning" (no date: a time of day).
    fn part_words(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if v.find(i, |s| (s == Sense::Tonight).then_some(())).is_some() {
            let today = self.r.shift(super::lexicon::TimeUnit::Day, 0);
            let d = Piece::new(i, i + 1, today);
            if let Some(piece) = self.times_in_part(i, i + 1, &d, DayPart::Night) {
                return Some(piece);
            }
            return Some(Piece::new(i, i + 1, at_part(&d, DayPart::Night)?));
        }
        // "this morning", "last night", "this evening"
        if let Some(rel) = v.find(i, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        }) {
            let (part, false) = v.find(i + 1, |s| match s {
                Sense::Part(p, plural) => Some((p, plural)),
                _ => None,
            })?
            else {
                return None;
            };
            let offset = match rel {
                super::lexicon::Rel::This => 0,
                super::lexicon::Rel::Last | super::lexicon::Rel::Past
                    if part == DayPart::Night || part == DayPart::Evening =>
                {
                    -1
                }
                super::lexicon::Rel::Next | super::lexicon::Rel::Coming => 1,
                _ => return None,
            };
            let day = Piece::new(
                i,
                i + 1,
                self.r.shift(super::lexicon::TimeUnit::Day, offset),
            );
            if let Some(piece) = self.times_in_part(i, i + 2, &day, part) {
                return Some(piece);
            }
            return Some(Piece::new(i, i + 2, at_part(&day, part)?));
        }
        // "late afternoon", "early morning": a part of the day with no date.
        if (v.kw(i, Kw::Early) || v.kw(i, Kw::Late)) && !v.kw(i + 1, Kw::The) {
            let (part, e, false) = time::day_part(v, i)? else {
                return None;
            };
            let code = super::period::day_part(part).0;
            let mut p = Period::unresolved(format!("T{code}"), TimeKind::Time);
            p.modifier = Some(if v.kw(i, Kw::Early) {
                super::value::Mod::Start
            } else {
                super::value::Mod::End
            });
            return Some(Piece::new(i, e, p));
        }
        // "in the morning": a part of the day with no date.
        if v.kw(i, Kw::In) && v.kw(i + 1, Kw::The) {
            let (part, e, _) = time::day_part(v, i)?;
            // "in the morning at 7", "in the afternoon at 7"
            if v.kw(e, Kw::At) {
                if let Some(c) = time::clock(v, e + 1) {
                    let mut clock = c.clock;
                    if part != DayPart::Morning && clock.hour < 12 {
                        clock.hour += 12;
                    }
                    return Some(Piece::new(i, c.end, time_only(clock)));
                }
            }
            let code = super::period::day_part(part).0;
            return Some(Piece::new(
                i,
                e,
                Period::unresolved(format!("T{code}"), TimeKind::Time),
            ));
        }
        None
    }

    /// Range endpoints after "between"/"from": `start` is the span start, `first`
    /// the first endpoint, `joiner` the word expected between them.
    fn range_from(&self, start: usize, first: usize, joiner: Kw) -> Option<Piece> {
        let v = self.v;
        let a = self.point(first).or_else(|| self.bare_endpoint(first))?;
        let j = a.end;
        let joined = if joiner == Kw::And {
            v.kw(j, Kw::And)
                || v.punct(j, '-')
                || v.kw(j, Kw::To)
                || v.kw(j, Kw::Through)
                || v.punct(j, '~')
        } else {
            v.kw(j, Kw::To)
                || v.kw(j, Kw::Until)
                || v.kw(j, Kw::Through)
                || v.punct(j, '-')
                || v.punct(j, '~')
        };
        if !joined {
            return None;
        }
        let mut r = self.join(&a, j + 1)?;
        r.start = start;
        Some(r)
    }

    /// A bare number as the first endpoint of "between 3 and 8am", "from 9 to 11",
    /// or a day of the month in "between 3 and 12 of Sept", "from ninth till
    /// seventeenth of April".
    fn bare_endpoint(&self, i: usize) -> Option<Piece> {
        if let Some(c) = self.clock_at(i, true) {
            return Some(Piece::new(i, c.end, time_only(c.clock)));
        }
        let (d, e) = self.plain_day(i)?;
        Some(Piece::new(
            i,
            e,
            Period::unresolved(format!("XXXX-XX-{d:02}"), TimeKind::Date),
        ))
    }

    /// "3 and 12 of Sept": a bare day `a` joined to a day with a month `b`.
    fn days_of_month(&self, a: &Piece, b: &Piece) -> Option<Piece> {
        let v = self.v;
        let bday = b.day()?;
        let d1 = if v.kw(a.start, Kw::The) {
            a.start + 1
        } else {
            a.start
        };
        let (d, _) = self.plain_day(d1).or_else(|| {
            let n = super::numeral::digits(v.text(d1))?;
            Some((n, d1 + 1))
        })?;
        let aday = Date::new(bday.year, bday.month, d)?;
        if aday >= bday {
            return None;
        }
        self.range_days(a.start, b.end, aday, bday)
    }

    /// "X to Y", "X-Y", "X through Y" after a point `a`.
    fn range_after(&self, i: usize, a: &Piece) -> Option<Piece> {
        let v = self.v;
        let j = a.end;
        let joined = v.kw(j, Kw::To)
            || v.kw(j, Kw::Through)
            || v.kw(j, Kw::Until)
            || v.punct(j, '-')
            || v.punct(j, '~');
        if !joined {
            return None;
        }
        // "to" after a bare time needs the other end to be a time.
        let mut r = self.join(a, j + 1)?;
        r.start = i;
        Some(r)
    }

    /// Joins point `a` with the second endpoint starting at `k`.
    fn join(&self, a: &Piece, k: usize) -> Option<Piece> {
        let v = self.v;
        // "between 3 and 12 of Sept", "9 to 12 of June": a bare day then a day with a month.
        if a.period.timex.starts_with("XXXX-XX-")
            || (a.period.kind == TimeKind::Time && v.is_number(a.start))
        {
            if let Some(b) = self
                .date(k)
                .filter(|b| b.day().is_some() || is_day_timex(&b.period.timex))
            {
                let has_month = (b.start..b.end).any(|j| {
                    v.find(j, |s| matches!(s, Sense::Month(_)).then_some(()))
                        .is_some()
                });
                if has_month {
                    if let Some(r) = self.days_of_month(a, &b) {
                        return Some(r);
                    }
                }
            }
            if a.period.timex.starts_with("XXXX-XX-") {
                return None;
            }
        }
        // Times: "5 to 6pm", "9-10 am", "3:00 to 4:00 tomorrow", "between 4pm and 5pm"
        if a.period.kind == TimeKind::Time
            || matches!(a.period.kind, TimeKind::Datetime)
                && a.period.timex.contains('T')
                && a.day_of().is_some()
        {
            return self.join_times(a, k);
        }
        // Day numbers after a month-day: "November 18-19", "9 to 12 of June" handled below.
        if let Some(day) = a.day() {
            if let Some((d2, e)) = self.plain_day(k) {
                // "November 18-19, 2015", "April ninth through seventeenth"
                let mut end_day = Date::new(day.year, day.month, d2)?;
                let mut e = e;
                if let Some((y, ye)) = self.year_tail(e) {
                    end_day = Date::new(y, day.month, d2)?;
                    let start_day = Date::new(y, day.month, day.day)?;
                    e = ye;
                    return self.range_days(a.start, e, start_day, end_day);
                }
                if end_day > day {
                    return self.range_days(a.start, e, day, end_day);
                }
            }
        }
        // "from next Monday to Friday": a bare weekday is the first one after the start.
        if let (Some(day), Some((wd, false))) = (a.day(), self.weekday_word(k)) {
            if self.weekday(k).is_some_and(|w| w.end == k + 1) {
                let ahead = (i64::from(wd) - i64::from(day.weekday().iso())).rem_euclid(7);
                let b_day = day.add_days(if ahead == 0 { 7 } else { ahead })?;
                return self.range_days(a.start, k + 1, day, b_day);
            }
        }
        let b = self
            .point(k)
            .or_else(|| self.year_endpoint(a, k))
            .or_else(|| self.now_endpoint(k))?;
        if b.period.kind == TimeKind::Time {
            return None;
        }
        let (a_p, b_p) = self.align_years(a, &b);
        let period = Period::span(&a_p, &b_p)?;
        let period = self.range_year(a, &b, period);
        Some(Piece::new(a.start, b.end, period))
    }

    /// "now" closing a range ("between Jan 2019 and now"): the reference day.
    fn now_endpoint(&self, k: usize) -> Option<Piece> {
        if !self.v.kw(k, Kw::Now) {
            return None;
        }
        let today = self.r.shift(super::lexicon::TimeUnit::Day, 0);
        // The range ends at the reference day itself (exclusive), as Recognizers reads it.
        let (s, _) = today.bounds?;
        let mut p = today;
        p.bounds = Some((s, s));
        Some(Piece::new(k, k + 1, p))
    }

    /// "2018" after "2014-": the second year of a range, which a bare-year check
    /// would refuse for being glued to the hyphen.
    fn year_endpoint(&self, a: &Piece, k: usize) -> Option<Piece> {
        let v = self.v;
        let is_year = |p: &Piece| {
            p.period.timex.len() == 4 && p.period.timex.bytes().all(|b| b.is_ascii_digit())
        };
        if !is_year(a) || !v.is_number(k) || v.text(k).len() != 4 {
            return None;
        }
        let y = super::numeral::digits(v.text(k))? as i32;
        Some(Piece::new(k, k + 1, Period::year(y)?))
    }

    /// A lone day number or ordinal ending a day range ("18-19", "ninth through
    /// seventeenth"), not followed by a month.
    fn plain_day(&self, k: usize) -> Option<(u32, usize)> {
        let v = self.v;
        if v.kw(k, Kw::The) {
            return self.plain_day(k + 1);
        }
        let d = if v.is_number(k) {
            let n = v.numeral(k)?;
            let sfx = n.suffix.to_ascii_lowercase();
            if !(sfx.is_empty() || matches!(sfx.as_str(), "st" | "nd" | "rd" | "th"))
                || n.int_digits > 2
                || n.frac_digits > 0
            {
                return None;
            }
            n.value as u32
        } else {
            let (n, _) = super::number::ordinal(v, k)?;
            n as u32
        };
        let e = k + 1;
        // Not "02-02-2020 - 03-03-2020" (a date after the hyphen) nor "18 May".
        let date_follows = v.punct(e, '-') && v.glued(e) && v.is_number(e + 1);
        if v.find(e, |s| matches!(s, Sense::Month(_)).then_some(()))
            .is_some()
            || v.punct(e, ':')
            || date_follows
        {
            return None;
        }
        (1..=31).contains(&d).then_some((d, e))
    }

    /// ", 2015" / " 2015" / "of 2015" after a range's last day.
    fn year_tail(&self, e: usize) -> Option<(i32, usize)> {
        let v = self.v;
        let k = if v.punct(e, ',') || v.kw(e, Kw::Of) || v.kw(e, Kw::In) {
            e + 1
        } else {
            e
        };
        let t = v.text(k);
        if t.len() != 4 {
            return None;
        }
        let y = super::numeral::digits(t)? as i32;
        (1000..3000).contains(&y).then_some((y, k + 1))
    }

    fn range_days(&self, start: usize, end: usize, a: Date, b: Date) -> Option<Piece> {
        let mut period = Period::span(&Period::day(a), &Period::day(b))?;
        // "November 18-19": no year written, so the timex leaves it open.
        if !states_year(self.v, start, end) && !is_relative(self.v, start, end) {
            period.timex = open_years(&period.timex);
        }
        Some(Piece::new(start, end, period))
    }

    /// Gives the first endpoint the year of the second when only the second states
    /// one ("Jan-Feb 2017", "Nov-Feb 2017" → Nov 2016), and vice versa.
    fn align_years(&self, a: &Piece, b: &Piece) -> (Period, Period) {
        let (Some((a_s, a_e)), Some((b_s, _))) = (a.period.bounds, b.period.bounds) else {
            return (a.period.clone(), b.period.clone());
        };
        let v = self.v;
        let b_has_year = states_year(v, b.start, b.end);
        let a_has_year = states_year(v, a.start, a.end) || is_relative(v, a.start, a.end);
        if b_has_year && !a_has_year && a_s.date.year != b_s.date.year {
            // Move a into b's year (or the year before if that would put it after b).
            let shift = i64::from(b_s.date.year - a_s.date.year);
            let moved = |t: DateTime| -> Option<DateTime> {
                Some(DateTime {
                    date: t.date.add_months(shift * 12)?,
                    ..t
                })
            };
            if let (Some(s), Some(e)) = (moved(a_s), moved(a_e)) {
                let (s, e) = if s > b_s {
                    let back =
                        |t: DateTime| t.date.add_months(-12).map(|d| DateTime { date: d, ..t });
                    (back(s).unwrap_or(s), back(e).unwrap_or(e))
                } else {
                    (s, e)
                };
                let mut p = a.period.clone();
                p.bounds = Some((s, e));
                p.timex = retimex(&p.timex, s.date.year);
                return (p, b.period.clone());
            }
        }
        if a_s > b_s && !b_has_year {
            // "from November to March": the second end is in the following year.
            if let Some((s, e)) = b.period.bounds {
                let fwd = |t: DateTime| t.date.add_months(12).map(|d| DateTime { date: d, ..t });
                if let (Some(s2), Some(e2)) = (fwd(s), fwd(e)) {
                    let mut p = b.period.clone();
                    p.bounds = Some((s2, e2));
                    p.timex = retimex(&p.timex, s2.date.year);
                    return (a.period.clone(), p);
                }
            }
        }
        (a.period.clone(), b.period.clone())
    }

    /// A range of year-less parts ("from March to May", "between 10/1 and 11/7")
    /// moves as a whole to the year the tense points at, rather than each end
    /// resolving on its own.
    fn range_year(&self, a: &Piece, b: &Piece, p: Period) -> Period {
        let v = self.v;
        let has_year = |x: &Piece| states_year(v, x.start, x.end);
        let relative = |x: &Piece| is_relative(v, x.start, x.end);
        let Some((s, e)) = p.bounds else {
            return p;
        };
        if has_year(a)
            || has_year(b)
            || relative(a)
            || relative(b)
            || !self.r.known
            || p.kind != TimeKind::Date
        {
            return p;
        }
        let today = DateTime::midnight(self.r.today());
        let shifted = |k: i64| -> Option<(DateTime, DateTime)> {
            let mv = |t: DateTime| t.date.add_months(12 * k).map(|d| DateTime { date: d, ..t });
            Some((mv(s)?, mv(e)?))
        };
        let tense = super::tense::tense_at(v, a.start, b.end);
        let pick = match tense {
            super::resolve::Tense::Future => {
                (-2..=2).filter_map(&shifted).find(|&(_, e2)| e2 > today)
            }
            _ => (-2..=2)
                .rev()
                .filter_map(&shifted)
                .find(|&(s2, _)| s2 <= today),
        };
        let mut p = p;
        if let Some(bounds) = pick {
            p.bounds = Some(bounds);
        }
        // The text states no year: the timex leaves it open, as Recognizers-Text's
        // notation does ("(XXXX-03-01,XXXX-05-01,P2M)"); start/end hold our reading.
        p.timex = open_years(&p.timex);
        p
    }

    /// Joins a time `a` with a second time at `k`: the second's am/pm carries to the
    /// first ("5 to 6pm"), and a date after the second applies to both.
    fn join_times(&self, a: &Piece, k: usize) -> Option<Piece> {
        let v = self.v;
        let b = self.clock_at(k, true)?;
        let first = time::clock(v, a.start).or_else(|| {
            // "between 3 and 8am": the first endpoint began after "between"/"from".
            time::clock(v, a.start + 1)
        })?;
        let (c1, c2) = pair(&first, &b);
        let mut end = b.end;
        // A date after the range: "3:00 to 4:00 tomorrow", "between 3 and 8am next
        // Monday", "5 to 6pm of April 22".
        let mut j = end;
        if v.kw(j, Kw::On) || v.punct(j, ',') || v.kw(j, Kw::Of) {
            j += 1;
        }
        let day = self
            .date(j)
            .filter(|d| d.is_day())
            .or_else(|| self.part_words(j).filter(|p| p.period.bounds.is_some()));
        // "between 7 and 9:30 last night": the part of the day fixes am/pm.
        let (mut c1, mut c2) = (c1, c2);
        if let Some((s, _)) = day.as_ref().and_then(|d| d.period.bounds) {
            if s.hour >= 12 {
                if !first.fixed && c1.hour < 12 {
                    c1.hour += 12;
                }
                if !b.fixed && c2.hour < 12 {
                    c2.hour += 12;
                }
            }
        }
        // Two bare numbers are a time range only with a date or minutes:
        // "five to seven today", "from three thirty to four thirty".
        let minutes = c1.precision > 1 || c2.precision > 1;
        if b.bare && first.bare && day.is_none() && a.day_of().is_none() && !minutes {
            return None;
        }
        if let Some(d) = &day {
            end = d.end;
        }
        let period = match (a.day_of(), &day) {
            (Some(date), _) => {
                let d = Piece::new(a.start, a.end, Period::day(date));
                on_day(&d, c1, c2)?
            }
            (None, Some(d)) => {
                let d = match d.period.bounds {
                    Some((s, _)) if d.day().is_none() => {
                        Piece::new(d.start, d.end, Period::day(s.date))
                    }
                    _ => d.clone(),
                };
                on_day(&d, c1, c2)?
            }
            (None, None) => {
                let secs = (c2.seconds() - c1.seconds()).rem_euclid(86_400);
                let base = DateTime::midnight(Date::new(2000, 1, 1)?);
                let dur = super::period::duration_between(
                    base,
                    super::period::from_seconds(super::period::seconds(base) + secs)?,
                );
                Period::unresolved(
                    format!("({},{},{dur})", c1.timex(), c2.timex()),
                    TimeKind::Time,
                )
            }
        };
        Some(Piece::new(a.start, end, period))
    }

    /// "1-3 pm", "8-9am", "10 and 11:30", "9.30-4.30pm" at `k`: two clock times
    /// joined by "to", "-", "till" ("and" when `and`). Bare hours are allowed when
    /// `bare` (right after a date) but not both without am/pm unless `bare`.
    fn clock_range(&self, k: usize, bare: bool, and: bool) -> Option<(Clock, Clock, usize)> {
        let v = self.v;
        let a = time::clock(v, k)?;
        if a.bare && !bare {
            return None;
        }
        let j = a.end;
        let joined = v.kw(j, Kw::To)
            || v.punct(j, '-')
            || v.kw(j, Kw::Until)
            || v.kw(j, Kw::Through)
            || (and && v.kw(j, Kw::And));
        if !joined {
            return None;
        }
        let b = time::clock(v, j + 1)?;
        if b.bare && !bare {
            return None;
        }
        let (c1, c2) = pair(&a, &b);
        Some((c1, c2, b.end))
    }
}

/// "before", "after", "by", "later than", "no later than", "earlier than" at `j`:
/// the bound and the token after it.
fn bound_word(v: &super::view::View, j: usize) -> Option<(super::value::Mod, usize)> {
    use super::value::Mod;
    if v.kw(j, Kw::Before) || v.kw(j, Kw::By) {
        return Some((Mod::Before, j + 1));
    }
    if v.kw(j, Kw::After) {
        return Some((Mod::After, j + 1));
    }
    if v.kw(j, Kw::Later) && v.kw(j + 1, Kw::Than) {
        return Some((Mod::After, j + 2));
    }
    if v.kw(j, Kw::Earlier) && v.kw(j + 1, Kw::Than) {
        return Some((Mod::Before, j + 2));
    }
    if v.is(j, "no") && v.kw(j + 1, Kw::Later) && v.kw(j + 2, Kw::Than) {
        return Some((Mod::Before, j + 3));
    }
    None
}

/// Applies am/pm across a pair of clock times: "5 to 6pm" is 17–18, "10:30 to 3"
/// is 10:30–15:00.
fn pair(a: &ClockMatch, b: &ClockMatch) -> (Clock, Clock) {
    let (mut c1, mut c2) = (a.clock, b.clock);
    if !a.fixed
        && b.fixed
        && c2.hour >= 12
        && c1.hour < 12
        && c1.seconds() + 12 * 3600 <= c2.seconds()
    {
        c1.hour += 12;
    }
    if !b.fixed && c2.seconds() <= c1.seconds() && c2.hour < 12 && c2.hour + 12 > c1.hour {
        c2.hour += 12;
    }
    (c1, c2)
}

/// A time range on the day of `d` (resolved, or open like `XXXX-WXX-1`).
fn on_day(d: &Piece, c1: Clock, c2: Clock) -> Option<Period> {
    if let Some(day) = d.day() {
        let s = DateTime {
            date: day,
            hour: c1.hour,
            minute: c1.minute,
            second: c1.second,
        };
        let mut e = DateTime {
            date: day,
            hour: c2.hour,
            minute: c2.minute,
            second: c2.second,
        };
        if e <= s {
            e = DateTime {
                date: day.add_days(1)?,
                ..e
            };
        }
        let mut p = Period::between(s, e, TimeKind::Datetime)?;
        p.timex = format!(
            "({day}{},{day}{},{})",
            c1.timex(),
            c2.timex(),
            super::period::duration_between(s, e)
        );
        return Some(p);
    }
    if !is_day_timex(&d.period.timex) {
        return None;
    }
    let secs = (c2.seconds() - c1.seconds()).rem_euclid(86_400);
    let base = DateTime::midnight(Date::new(2000, 1, 1)?);
    let dur = super::period::duration_between(
        base,
        super::period::from_seconds(super::period::seconds(base) + secs)?,
    );
    let t = &d.period.timex;
    Some(Period::unresolved(
        format!("({t}{},{t}{},{dur})", c1.timex(), c2.timex()),
        TimeKind::Datetime,
    ))
}

impl Piece {
    /// The calendar day of a date-time piece on a single day.
    fn day_of(&self) -> Option<Date> {
        let (s, e) = self.period.bounds?;
        (s.date == e.date || (e.date.days() - s.date.days() == 1 && e.is_midnight()))
            .then_some(s.date)
    }
}

/// True when tokens `from..to` write a year: a four-digit run in 1000–2999
/// ("2018", "5/7/2020", "Dec/2018").
pub(crate) fn states_year(v: &super::view::View, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        v.text(k)
            .split(|c: char| !c.is_ascii_digit())
            .any(|run| run.len() == 4 && matches!(run.as_bytes()[0], b'1' | b'2'))
    })
}

/// True when tokens `from..to` hold a relative word ("this May", "next Friday").
fn is_relative(v: &super::view::View, from: usize, to: usize) -> bool {
    (from..to).any(|k| {
        v.senses(k)
            .any(|s| matches!(s, Sense::Rel(_) | Sense::RelDay(_)))
    })
}

/// "(2018-03-01,2018-05-01,P2M)" → "(XXXX-03-01,XXXX-05-01,P2M)".
fn open_years(timex: &str) -> String {
    let mut out = String::with_capacity(timex.len());
    let b = timex.as_bytes();
    let mut k = 0;
    while k < b.len() {
        let at_point = k == 0 || matches!(b[k - 1], b'(' | b',');
        if at_point
            && k + 4 < b.len()
            && b[k..k + 4].iter().all(u8::is_ascii_digit)
            && b[k + 4] == b'-'
        {
            out.push_str("XXXX");
            k += 4;
        } else {
            out.push(b[k] as char);
            k += 1;
        }
    }
    out
}

/// Rewrites the year at the front of a timex (`2017-11` → `2016-11`).
fn retimex(timex: &str, year: i32) -> String {
    if timex.len() >= 4 && timex.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        format!("{year:04}{}", &timex[4..])
    } else {
        timex.to_string()
    }
}
