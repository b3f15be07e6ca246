//! Calendar dates and periods: absolute ("24 Jan 2025", "January 24, 2025",
//! "2025-01-24", "5/17/2018"), partial ("Jan. 24", "in October", "the 18th"),
//! relative ("last week", "yesterday", "two days ago", "the past decade"),
//! weekday-relative ("on Friday", "next Monday"), seasons, quarters and halves,
//! decades, centuries, holidays, weeks, fiscal years, and early/mid/late parts.
//!
//! Each form is a method returning a [`Piece`]; [`Dates::date`] tries them all at
//! a token and keeps the longest. Combining dates with times and into ranges is
//! `compose.rs`'s job.

use super::calendar::Date;
use super::duration;
use super::holidays;
use super::lexicon::{Kw, Rel, Sense, TimeUnit};
use super::numeral::digits;
use super::period::{Period, TimeKind};
use super::resolve::{Resolver, Tense};
use super::tense::tense_at;
use super::value::Mod;
use super::view::View;
use crate::label::Label;
use crate::text::TokenKind;

/// A parsed time expression before it becomes a span.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Piece {
    /// First token.
    pub start: usize,
    /// Token just past the end.
    pub end: usize,
    /// The resolved period.
    pub period: Period,
    /// DATE, or TIME when a part of the day or a clock time is involved.
    pub label: Label,
}

impl Piece {
    pub(crate) fn new(start: usize, end: usize, period: Period) -> Piece {
        let label = if period.kind == TimeKind::Date {
            Label::Date
        } else {
            Label::Time
        };
        Piece {
            start,
            end,
            period,
            label,
        }
    }

    /// The day when the piece is exactly one calendar day.
    pub(crate) fn day(&self) -> Option<Date> {
        let (s, e) = self.period.bounds?;
        (self.period.kind == TimeKind::Date
            && s.is_midnight()
            && e.is_midnight()
            && e.date.days() - s.date.days() == 1)
            .then_some(s.date)
    }

    /// True when the piece names a single day, resolved or not ("Friday" with no
    /// reference date is still a day).
    pub(crate) fn is_day(&self) -> bool {
        self.day().is_some() || is_day_timex(&self.period.timex)
    }
}

/// True for a day-precision timex: `2025-01-24`, `XXXX-10-02`, `XXXX-WXX-5`.
pub(crate) fn is_day_timex(t: &str) -> bool {
    let b = t.as_bytes();
    (b.len() == 10 && b[4] == b'-' && b[7] == b'-') || (t.starts_with("XXXX-WXX-") && t.len() == 10)
}

/// Words after which a bare month, season or year is a date: "in May", "since 2014".
const DATE_PREPOSITIONS: &[&str] = &[
    "in",
    "of",
    "since",
    "until",
    "till",
    "by",
    "during",
    "from",
    "through",
    "throughout",
    "between",
    "before",
    "after",
    "early",
    "mid",
    "late",
    "last",
    "next",
    "this",
    "and",
    "or",
    "to",
    "circa",
    "around",
    "on",
    "for",
    "as",
    "into",
    "ending",
    "end",
    "beginning",
    "start",
];

/// Two-digit years: 00–(this year + 10) are 20xx, the rest 19xx.
fn century_pivot(r: &Resolver, yy: u32) -> i32 {
    let now = r.today().year;
    let pivot = (now % 100 + 10) as u32;
    let yy = yy as i32;
    if (yy as u32) <= pivot {
        now / 100 * 100 + yy
    } else {
        (now / 100 - 1) * 100 + yy
    }
}

/// The date parser for one document.
pub(crate) struct Dates<'v, 'a> {
    pub v: &'v View<'a>,
    pub r: Resolver,
    /// The last position [`Dates::date`] read and its result: the composers ask
    /// for the date at the same token several times.
    last: std::cell::RefCell<Option<(usize, Option<Piece>)>>,
}

impl<'v, 'a> Dates<'v, 'a> {
    pub(crate) fn new(v: &'v View<'a>) -> Dates<'v, 'a> {
        Dates {
            v,
            r: Resolver::new(&v.ref_date),
            last: std::cell::RefCell::new(None),
        }
    }

    fn tense(&self, from: usize, to: usize) -> Tense {
        tense_at(self.v, from, to)
    }

    fn prev_is(&self, i: usize, words: &[&str]) -> bool {
        i > 0 && {
            let t = self.v.text(i - 1);
            words.iter().any(|w| t.eq_ignore_ascii_case(w))
        }
    }

    /// Every date form at `i`; the longest wins (earliest listed on ties).
    pub(crate) fn date(&self, i: usize) -> Option<Piece> {
        if let Ok(last) = self.last.try_borrow() {
            if let Some((at, piece)) = last.as_ref() {
                if *at == i {
                    return piece.clone();
                }
            }
        }
        let piece = self.read_date(i);
        if let Ok(mut last) = self.last.try_borrow_mut() {
            *last = Some((i, piece.clone()));
        }
        piece
    }

    fn read_date(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let word = v.kind(i) == Some(TokenKind::Word);
        let number = v.is_number(i);
        if !word && !number && !v.punct(i, '\'') {
            return None;
        }
        // Each form is tried only where its first word can begin it: the forms are
        // many and most positions the scan stops at are cue words ("the", "in")
        // before something else; trying all of them everywhere was measured at
        // three quarters of the value pass.
        let senses = v.entry(i).senses();
        let has = |f: fn(Sense) -> bool| senses.iter().any(|&s| f(s));
        let card_or_ord = has(|s| matches!(s, Sense::Card(_) | Sense::Ord(_)));
        let rel = has(|s| matches!(s, Sense::Rel(_)));
        let the = v.kw(i, Kw::The);
        // "the" leads a date only before a word or number that can be in one; what
        // that word is narrows the forms further.
        let then =
            the && (v.is_number(i + 1) || v.starts(i + 1) & super::lexicon::STARTS_TIME != 0);
        let next = v.entry(i + 1).senses();
        let next_has = |f: fn(Sense) -> bool| next.iter().any(|&s| f(s));
        let the_num = then
            && (v.is_number(i + 1) || next_has(|s| matches!(s, Sense::Ord(_) | Sense::Card(_))));
        let the_unit = then
            && next_has(|s| {
                matches!(
                    s,
                    Sense::Unit(..) | Sense::Kw(Kw::Week | Kw::Year | Kw::Day)
                )
            });
        let the_rel = then && next_has(|s| matches!(s, Sense::Rel(_)));
        let the_part = then
            && next_has(|s| {
                matches!(
                    s,
                    Sense::Kw(
                        Kw::End
                            | Kw::Beginning
                            | Kw::Middle
                            | Kw::Start
                            | Kw::Mid
                            | Kw::Early
                            | Kw::Late
                    )
                )
            });
        let the_decade = then && (v.is_number(i + 1) || next_has(|s| s == Sense::Anchor));
        let the_season = then && next_has(|s| matches!(s, Sense::Season(_)));
        let count = number
            || card_or_ord
            || v.kw(i, Kw::A)
            || has(|s| {
                matches!(
                    s,
                    Sense::Kw(Kw::Few | Kw::Several | Kw::Couple | Kw::Some | Kw::Half)
                )
            });
        let odd_word = word && v.entry(i) == super::lexicon::Entry::NONE;
        let mut best: Option<Piece> = None;
        let mut consider = |p: Option<Piece>| {
            if let Some(p) = p {
                if best.as_ref().is_none_or(|b| p.end > b.end) {
                    best = Some(p);
                }
            }
        };
        if number || card_or_ord || the_num || odd_word || has(|s| matches!(s, Sense::Month(_))) {
            consider(self.absolute(i));
        }
        if number {
            consider(self.numeric(i));
        }
        if the_rel || rel || v.kw(i, Kw::Cue) && v.is(i, "recent") {
            consider(self.relative(i));
        }
        if the_unit || has(|s| matches!(s, Sense::RelDay(_) | Sense::Kw(Kw::Day))) {
            consider(self.rel_day(i));
        }
        if has(|s| matches!(s, Sense::Weekday(..))) {
            consider(self.weekday(i));
        }
        if number
            || the_unit
            || odd_word
            || v.kw(i, Kw::Year)
            || v.kw(i, Kw::Cue) && (v.is(i, "fiscal") || v.is(i, "FY"))
        {
            consider(self.year_forms(i));
        }
        if number || the_decade || has(|s| s == Sense::Anchor) || v.punct(i, '\'') {
            consider(self.decade(i));
        }
        if number || the_num || the_rel || card_or_ord || rel {
            consider(self.century(i));
        }
        if number || the_num || card_or_ord || odd_word {
            consider(self.quarter(i));
        }
        if the_season || has(|s| matches!(s, Sense::Season(_))) {
            consider(self.season(i));
        }
        if rel
            || has(|s| {
                matches!(
                    s,
                    Sense::Holiday(_) | Sense::Kw(Kw::HolidayStart) | Sense::Month(5)
                )
            })
        {
            consider(self.holiday(i));
        }
        if the_num {
            consider(self.day_of_month(i));
        }
        if the_unit {
            consider(self.the_weekend(i));
        }
        if the_num
            || the_unit
            || the_rel
            || card_or_ord
            || rel
            || v.kw(i, Kw::Week)
            || v.kw(i, Kw::Cue) && v.is(i, "w/c")
        {
            consider(self.week_forms(i));
        }
        if the_part
            || has(|s| {
                matches!(
                    s,
                    Sense::Kw(
                        Kw::At
                            | Kw::Mid
                            | Kw::Early
                            | Kw::Late
                            | Kw::Beginning
                            | Kw::Start
                            | Kw::End
                            | Kw::Middle
                            | Kw::Earlier
                            | Kw::Later
                    )
                )
            })
        {
            consider(self.part(i));
        }
        if count || v.kw(i, Kw::Within) || v.kw(i, Kw::In) {
            consider(self.offset(i));
        }
        if the_num || the_rel || card_or_ord || rel {
            consider(self.nth_weekday(i));
            consider(self.sub_period(i));
        }
        if number || card_or_ord {
            consider(self.count_rel(i));
        }
        if count {
            consider(self.starting(i));
        }
        best
    }

    // ----- building blocks -------------------------------------------------

    /// A month word at `i` that is not obviously something else. `strong` says a
    /// day or year is adjacent, which settles "May" and "march".
    fn month_word(&self, i: usize, strong: bool) -> Option<u32> {
        let v = self.v;
        let m = v.find(i, |s| match s {
            Sense::Month(m) => Some(u32::from(m)),
            _ => None,
        })?;
        let t = v.text(i);
        let lower = t.to_ascii_lowercase();
        let abbreviation = lower.len() <= 4 && !matches!(lower.as_str(), "june" | "july" | "may");
        let ambiguous = lower == "may"
            || t == "march"
            || t == "mar"
            || (abbreviation && !t.ends_with('.') && !v.capitalized(i));
        if strong || !ambiguous {
            // A month name is never preceded by a title or a first name ("Theresa May").
            if lower == "may"
                && i > 0
                && v.capitalized(i - 1)
                && !self.prev_is(i, DATE_PREPOSITIONS)
                && v.sentence_of(i).start != i - 1
            {
                return None;
            }
            if lower == "may" && !strong && !self.prev_is(i, DATE_PREPOSITIONS) {
                return None;
            }
            return Some(m);
        }
        // "in may", "since March", "this May"
        let lowercase_this = lower == "may"
            && !v.capitalized(i)
            && self.prev_is(
                i,
                &[
                    "this", "that", "it", "you", "we", "i", "they", "he", "she", "which", "who",
                ],
            );
        (self.prev_is(i, DATE_PREPOSITIONS) && !lowercase_this).then_some(m)
    }

    /// A day of the month at `i`: "24", "24th", "twenty-fourth", "twenty four"
    /// (words only when `words`). Returns the day and the end.
    fn day_number(&self, i: usize, words: bool) -> Option<(u32, usize)> {
        let v = self.v;
        if v.is_number(i) {
            let n = v.numeral(i)?;
            let suffix = n.suffix.to_ascii_lowercase();
            if !(suffix.is_empty() || matches!(suffix.as_str(), "st" | "nd" | "rd" | "th"))
                || n.frac_digits > 0
                || n.grouped
                || n.signed
                || n.int_digits > 2
            {
                return None;
            }
            let d = n.value as u32;
            return (1..=31).contains(&d).then_some((d, i + 1));
        }
        if let Some((n, end)) = super::number::ordinal(v, i) {
            return (n.fract() == 0.0 && (1.0..=31.0).contains(&n)).then_some((n as u32, end));
        }
        if words {
            let (w, end) = super::number_words::cardinal(v, i)?;
            let n = w.value();
            return (n.fract() == 0.0 && (1.0..=31.0).contains(&n)).then_some((n as u32, end));
        }
        None
    }

    /// A year at `i`: four digits (1000–2999), or with `loose` also "'87", "87"
    /// and spelled years ("nineteen eighty six", "two thousand and fifteen").
    fn year_number(&self, i: usize, loose: bool) -> Option<(i32, usize)> {
        let v = self.v;
        let t = v.text(i);
        if v.is_number(i) {
            if let Some(rest) = t.strip_prefix(['\'', '’']) {
                let yy = digits(rest).filter(|_| rest.len() == 2)?;
                return Some((century_pivot(&self.r, yy), i + 1));
            }
            let n = v.numeral(i)?;
            if !n.is_plain_integer() {
                return None;
            }
            return match t.len() {
                4 if (1000.0..3000.0).contains(&n.value) => Some((n.value as i32, i + 1)),
                2 if loose => Some((century_pivot(&self.r, n.value as u32), i + 1)),
                _ => None,
            };
        }
        if !loose {
            return None;
        }
        // "nineteen eighty six", "twenty twelve"
        let hi = v.find(i, |s| match s {
            Sense::Card(n @ 10..=20) => Some(n),
            _ => None,
        });
        if let Some(hi) = hi {
            if let Some((w, end)) = super::number_words::cardinal(v, i + 1) {
                let lo = w.value();
                if lo.fract() == 0.0 && (10.0..100.0).contains(&lo) {
                    return Some((hi as i32 * 100 + lo as i32, end));
                }
            }
        }
        // "two thousand and fifteen"
        let (w, end) = super::number_words::cardinal(v, i)?;
        let y = w.value();
        (y.fract() == 0.0 && (1000.0..3000.0).contains(&y) && end > i + 2)
            .then_some((y as i32, end))
    }

    /// "of 2024", ", 2024", "2024", "in 2024" after a date part: the year and end.
    fn year_after(&self, j: usize, loose: bool) -> Option<(i32, usize)> {
        let v = self.v;
        if let Some(y) = self.year_number(j, loose) {
            return Some(y);
        }
        if v.punct(j, ',') || v.kw(j, Kw::Of) {
            return self.year_number(j + 1, loose || v.kw(j, Kw::Of));
        }
        if v.kw(j, Kw::In) {
            return self.year_number(j + 1, false);
        }
        None
    }

    /// A full date or an unresolved one when the day does not exist.
    fn ymd(y: i32, m: u32, d: u32) -> Period {
        match Date::new(y, m, d) {
            Some(day) => Period::day(day),
            None => Period::unresolved(format!("{y:04}-{m:02}-{d:02}"), TimeKind::Date),
        }
    }

    // ----- absolute dates --------------------------------------------------

    /// Month-first and day-first dates, months with years, bare months.
    fn absolute(&self, i: usize) -> Option<Piece> {
        self.month_first(i)
            .into_iter()
            .chain(self.day_first(i))
            .chain(self.glued_month(i))
            .chain(self.year_month(i))
            .max_by_key(|p| p.end)
    }

    fn month_first(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if !v.senses(i).any(|s| matches!(s, Sense::Month(_))) {
            return None;
        }
        // Peek for a day or year to decide whether an ambiguous month counts.
        let mut j = i + 1;
        if v.punct(j, '.') && v.glued(j) {
            j += 1;
        }
        if v.punct(j, '-') && v.glued(j) && v.is_number(j + 1) && v.glued(j + 1) {
            j += 1; // "Dec-2018"
        } else if v.punct(j, '/') && v.glued(j) {
            j += 1;
        }
        let the = v.kw(j, Kw::The);
        let day = self.day_number(if the { j + 1 } else { j }, true);
        let year = self.year_after(j, true).filter(|_| day.is_none());
        let strong = day.is_some() || year.is_some();
        let m = self.month_word(i, strong)?;
        if let Some((d, e)) = day {
            let tense_end = e;
            if let Some((y, ye)) = self.year_after(e, true).filter(|&(_, ye)| !v.is(ye, ":")) {
                return Some(Piece::new(i, ye, Self::ymd(y, m, d)));
            }
            let period = self.r.month_day(m, d, self.tense(i, tense_end));
            return Some(Piece::new(i, e, period));
        }
        if let Some((y, e)) = year {
            return Some(Piece::new(i, e, Period::month(y, m)?));
        }
        Some(Piece::new(i, i + 1, self.r.month(m, self.tense(i, i + 1))))
    }

    fn day_first(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        if !v.is_number(k)
            && !v
                .senses(k)
                .any(|s| matches!(s, Sense::Ord(_) | Sense::Card(_)))
        {
            return None;
        }
        let (d, mut j) = self.day_number(k, true)?;
        if v.kw(j, Kw::Of) {
            j += 1;
        } else if v.punct(j, '-') && v.glued(j) {
            j += 1; // "05-Aug-2016"
        }
        // A day in cardinal words ("twenty five January") does not vouch for an
        // ambiguous month: "one may" is a pronoun and a verb.
        let spelled_day = !v.is_number(k)
            && !v.senses(k).any(|s| matches!(s, Sense::Ord(_)))
            && !v.kw(k, Kw::The);
        let m = self.month_word(j, !spelled_day || !v.is(j, "may"))?;
        let mut e = j + 1;
        if v.punct(e, '-') && v.glued(e) {
            e += 1;
        }
        if let Some((y, ye)) = self.year_after(e, true) {
            return Some(Piece::new(i, ye, Self::ymd(y, m, d)));
        }
        let e = if v.punct(e, '-') { e - 1 } else { j + 1 };
        let period = self.r.month_day(m, d, self.tense(i, e));
        Some(Piece::new(i, e, period))
    }

    /// "2017 april", "2019 May 5", "2019-aug-1": a year, then a month (and a day).
    fn year_month(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let (y, mut e) = self.year_number(i, false)?;
        let hyphens = v.punct(e, '-') && v.glued(e) && v.glued(e + 1);
        if hyphens {
            e += 1;
        }
        let m = self.month_word(e, true)?;
        let mut k = e + 1;
        if hyphens {
            if !(v.punct(k, '-') && v.glued(k) && v.glued(k + 1)) {
                return Some(Piece::new(i, k, Period::month(y, m)?));
            }
            k += 1;
        }
        if let Some((d, de)) = self.day_number(k, false) {
            return Some(Piece::new(i, de, Self::ymd(y, m, d)));
        }
        if hyphens {
            return None;
        }
        Some(Piece::new(i, e + 1, Period::month(y, m)?))
    }

    /// "the first 2 weeks of 2021", "the last four months of 2021", "first ten days
    /// of last year", "the third month of 2021": a part of a period counted in units.
    fn sub_period(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let k = if v.kw(i, Kw::The) { i + 1 } else { i };
        // "the third month of 2021"
        if let Some((n, e)) = super::number::ordinal(v, k) {
            if v.senses(e)
                .any(|s| s == Sense::Unit(TimeUnit::Month, false))
                && v.kw(e + 1, Kw::Of)
            {
                let outer = self.date(e + 2)?;
                let (s, _) = outer.period.bounds?;
                if (1.0..=12.0).contains(&n) && s.date.month == 1 && s.date.day == 1 {
                    return Some(Piece::new(
                        i,
                        outer.end,
                        Period::month(s.date.year, n as u32)?,
                    ));
                }
            }
        }
        let first = v.is(k, "first");
        if !(first || v.is(k, "last")) {
            return None;
        }
        let a = duration::amount(v, k + 1)?;
        let n = a.number?;
        if a.compound || !v.kw(a.end, Kw::Of) || n.fract() != 0.0 || n < 1.0 {
            return None;
        }
        let outer = self.date(a.end + 1)?;
        let (s, e) = outer.period.bounds?;
        let n = n as i64;
        let (from, to) = match a.unit {
            TimeUnit::Day => {
                if first {
                    (s.date, s.date.add_days(n)?)
                } else {
                    (e.date.add_days(-n)?, e.date)
                }
            }
            TimeUnit::Month => {
                if first {
                    (s.date, s.date.add_months(n)?)
                } else {
                    (e.date.add_months(-n)?, e.date)
                }
            }
            TimeUnit::Week => {
                // Weeks whose Thursday falls inside the period.
                if first {
                    let thu = s
                        .date
                        .add_days(i64::from((4 + 7 - s.date.weekday().iso()) % 7))?;
                    let monday = thu.add_days(-3)?;
                    (monday, monday.add_days(7 * n)?)
                } else {
                    let last = e.date.add_days(-1)?;
                    let back = (i64::from(last.weekday().iso()) - 4).rem_euclid(7);
                    let end_monday = last.add_days(-back)?.add_days(4)?;
                    (end_monday.add_days(-7 * n)?, end_monday)
                }
            }
            _ => return None,
        };
        let period = Period::between(
            super::calendar::DateTime::midnight(from),
            super::calendar::DateTime::midnight(to),
            TimeKind::Date,
        )?;
        Some(Piece::new(i, outer.end, period))
    }

    /// One word token holding a month and a number: "Dec31", "Oct/2", "Dec/2018".
    fn glued_month(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if v.kind(i) != Some(TokenKind::Word) {
            return None;
        }
        let t = v.text(i);
        let split = t.find(|c: char| c.is_ascii_digit() || c == '/')?;
        let (word, rest) = t.split_at(split);
        let m = super::lexicon::lookup(word)
            .senses()
            .iter()
            .find_map(|&s| match s {
                Sense::Month(m) => Some(u32::from(m)),
                _ => None,
            })?;
        let rest = rest.trim_start_matches('/');
        let n = digits(rest)?;
        if rest.len() == 4 {
            return Some(Piece::new(i, i + 1, Period::month(n as i32, m)?));
        }
        if !(1..=31).contains(&n) {
            return None;
        }
        if let Some((y, e)) = self.year_after(i + 1, false) {
            return Some(Piece::new(i, e, Self::ymd(y, m, n)));
        }
        Some(Piece::new(
            i,
            i + 1,
            self.r.month_day(m, n, self.tense(i, i + 1)),
        ))
    }

    // ----- numeric dates ---------------------------------------------------

    fn numeric(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if !v.is_number(i) {
            return None;
        }
        let t = v.text(i);
        // ISO: "2025-01-24", "2025-01-24T15:00"
        if t.len() >= 10 && t.as_bytes()[4] == b'-' && t.as_bytes()[7] == b'-' {
            let y = digits(&t[..4])? as i32;
            let m = digits(&t[5..7])?;
            let d = digits(&t[8..10])?;
            if t.len() > 10 {
                let time = t[10..].strip_prefix('T')?;
                let (c, _, _) = super::time::clock_token(time)?;
                let day = Date::new(y, m, d)?;
                return Some(Piece::new(i, i + 1, Period::clock(day, c)?));
            }
            if !(1..=12).contains(&m) {
                return None;
            }
            return Some(Piece::new(i, i + 1, Self::ymd(y, m, d)));
        }
        // "20161016"
        if t.len() == 8 && t.bytes().all(|b| b.is_ascii_digit()) {
            let n = digits(t)?;
            let (y, m, d) = ((n / 10_000) as i32, n / 100 % 100, n % 100);
            if (1900..=2100).contains(&y) {
                return Date::new(y, m, d).map(|day| Piece::new(i, i + 1, Period::day(day)));
            }
            return None;
        }
        // "5/17/2018", "22/04", "2019/aug/01", "23.04.2022"
        let sep = if t.contains('/') {
            '/'
        } else if t.matches('.').count() == 2 {
            '.'
        } else {
            return self.numeric_tokens(i);
        };
        let parts: Vec<&str> = t.split(sep).collect();
        match parts.as_slice() {
            [a, b, c] => {
                if a.len() == 4 {
                    let y = digits(a)? as i32;
                    let m = digits(b).or_else(|| month_of(b))?;
                    let d = digits(c)?;
                    return Some(Piece::new(i, i + 1, Self::ymd(y, m, d)));
                }
                let (a_n, b_n) = (digits(a)?, digits(b).or_else(|| month_of(b))?);
                let y = match c.len() {
                    4 => digits(c)? as i32,
                    2 => century_pivot(&self.r, digits(c)?),
                    _ => return None,
                };
                let (m, d) = if sep == '.' || a_n > 12 || month_of(b).is_some() {
                    (b_n, a_n)
                } else {
                    (a_n, b_n)
                };
                if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
                    return None;
                }
                Some(Piece::new(i, i + 1, Self::ymd(y, m, d)))
            }
            [a, b] if sep == '/' => {
                let (a_n, b_n) = (digits(a)?, digits(b)?);
                if b.len() == 4 {
                    // "12/2018"
                    return (1..=12)
                        .contains(&a_n)
                        .then(|| Period::month(b_n as i32, a_n))
                        .flatten()
                        .map(|p| Piece::new(i, i + 1, p));
                }
                let (m, d) = if a_n > 12 { (b_n, a_n) } else { (a_n, b_n) };
                if !(1..=12).contains(&m) || !(1..=31).contains(&d) || a.len() > 2 || b.len() > 2 {
                    return None;
                }
                // Without a year a slash pair needs a date cue: "on 11/20", "Friday 7/6".
                let cue = self.prev_is(
                    i,
                    &[
                        "for", "on", "since", "until", "till", "by", "from", "between", "to",
                        "and", "or", ",",
                    ],
                ) || (i > 0
                    && v.find(i - 1, |s| matches!(s, Sense::Weekday(..)).then_some(()))
                        .is_some());
                if !cue {
                    return None;
                }
                let period = self.r.month_day(m, d, self.tense(i, i + 1));
                Some(Piece::new(i, i + 1, period))
            }
            _ => None,
        }
    }

    /// Dates split by hyphens into tokens: "10-1-2018", "2018-7-6", "2015-3",
    /// "12-2015", "02-02-2020".
    fn numeric_tokens(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let glued_hyphen =
            |k: usize| v.punct(k, '-') && v.glued(k) && v.glued(k + 1) && v.is_number(k + 1);
        if !glued_hyphen(i + 1) {
            return None;
        }
        let plain = |k: usize| {
            let t = v.text(k);
            (t.bytes().all(|b| b.is_ascii_digit()) && t.len() <= 4)
                .then(|| (digits(t).unwrap_or(0), t.len()))
        };
        let (a, al) = plain(i)?;
        let (b, bl) = plain(i + 2)?;
        if glued_hyphen(i + 3) {
            let (c, cl) = plain(i + 4)?;
            // A fourth part means a code or phone number.
            if v.punct(i + 5, '-') && v.glued(i + 5) {
                return None;
            }
            let (y, m, d) = if al == 4 {
                (a as i32, b, c)
            } else if cl == 4 {
                if a > 12 {
                    (c as i32, b, a)
                } else {
                    (c as i32, a, b)
                }
            } else {
                return None;
            };
            if !(1..=12).contains(&m) || !(1..=31).contains(&d) || bl > 2 {
                return None;
            }
            return Some(Piece::new(i, i + 5, Self::ymd(y, m, d)));
        }
        if v.punct(i + 3, '-') && v.glued(i + 3) {
            return None;
        }
        // "2015-3": a year and a month; "2011-12" is a span of two years (compose.rs).
        if al == 4
            && bl <= 2
            && (1..=12).contains(&b)
            && (bl == 1 || b as i32 != (a as i32 + 1) % 100)
        {
            return Some(Piece::new(i, i + 3, Period::month(a as i32, b)?));
        }
        // "12-2015"
        if bl == 4 && al <= 2 && (1..=12).contains(&a) {
            return Some(Piece::new(i, i + 3, Period::month(b as i32, a)?));
        }
        None
    }

    // ----- years, decades, centuries ---------------------------------------

    /// A bare year, "the year 2008", "fiscal 2024", "FY2024".
    fn year_forms(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        // "fiscal 2024", "fiscal year 2024", "FY2024", "FY 2024"
        let t = v.text(i);
        if t.len() == 6 && (t.starts_with("FY") || t.starts_with("fy")) {
            let y = digits(&t[2..])? as i32;
            return Some(Piece::new(
                i,
                i + 1,
                Period::unresolved(format!("FY{y:04}"), TimeKind::Date),
            ));
        }
        if v.is(i, "fiscal") || v.is(i, "FY") {
            let mut j = i + 1;
            if v.kw(j, Kw::Year) {
                j += 1;
            }
            let (y, e) = self.year_number(j, false)?;
            return Some(Piece::new(
                i,
                e,
                Period::unresolved(format!("FY{y:04}"), TimeKind::Date),
            ));
        }
        // "the year 2008", "year 2008"
        if v.kw(i, Kw::Year) || (v.kw(i, Kw::The) && v.kw(i + 1, Kw::Year)) {
            let j = if v.kw(i, Kw::The) { i + 2 } else { i + 1 };
            let j = if v.kw(j, Kw::Of) { j + 1 } else { j };
            let (y, e) = self.year_number(j, true)?;
            return Some(Piece::new(i, e, Period::year(y)?));
        }
        let (y, e) = self.year_number(i, false)?;
        if e != i + 1 || !self.looks_like_year(i, y) {
            return None;
        }
        Some(Piece::new(i, e, Period::year(y)?))
    }

    /// Whether a bare four-digit number at `i` is a year rather than a count.
    fn looks_like_year(&self, i: usize, y: i32) -> bool {
        let v = self.v;
        // A number glued into a name or code: "COVID-19", "A-2025"; but "mid-2023".
        let part_of_year = i >= 2
            && v.punct(i - 1, '-')
            && (v.kw(i - 2, Kw::Mid) || v.kw(i - 2, Kw::Early) || v.kw(i - 2, Kw::Late));
        if i > 0 && v.glued(i) && !v.punct(i - 1, '(') && !part_of_year {
            return false;
        }
        if self.prev_is(i, DATE_PREPOSITIONS)
            || self.prev_is(
                i,
                &[
                    "the", "'s", "’s", "year", "late", "early", "mid", "fiscal", "summer",
                    "winter", "autumn", "spring", "fall", "q1", "q2", "q3", "q4", "h1", "h2", "-",
                    "–",
                ],
            )
        {
            return true;
        }
        if !(1900..=2100).contains(&y) {
            return false;
        }
        // "2000 people", "1500 troops": a plural noun after it makes it a count.
        let next = v.text(i + 1);
        let counted = v.kind(i + 1) == Some(TokenKind::Word)
            && next.len() > 3
            && next.ends_with('s')
            && next.starts_with(|c: char| c.is_lowercase())
            && !matches!(
                next,
                "was" | "has" | "is" | "as" | "saw" | "sees" | "brings"
            );
        let measured = v.senses(i + 1).any(|s| {
            matches!(
                s,
                Sense::Measure(_)
                    | Sense::Currency(_)
                    | Sense::Percent
                    | Sense::Scale(_)
                    | Sense::Unit(..)
            )
        }) || v.punct(i + 1, '%');
        !counted && !measured && !v.punct(i.wrapping_sub(1), '$')
    }

    /// "the 1990s", "1990s", "the '90s", "the 90s", "nineties".
    fn decade(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        let t = v.text(k);
        // "1990 s"
        if v.is_number(k) && v.is(k + 1, "s") && t.len() == 4 {
            let n = digits(t)?;
            return (n % 10 == 0)
                .then(|| Period::decade(n as i32))
                .flatten()
                .map(|p| Piece::new(i, k + 2, p));
        }
        if v.is_number(k) {
            let (body, apostrophe) = match t.strip_prefix(['\'', '’']) {
                Some(rest) => (rest, true),
                None => (t, false),
            };
            let digits_part = body
                .strip_suffix(['s', 'S'])
                .or_else(|| body.strip_suffix("'s"))?;
            let n = digits(digits_part)?;
            let y = match digits_part.len() {
                4 if n % 10 == 0 => n as i32,
                2 if n % 10 == 0 && (apostrophe || the) => {
                    if n == 0 {
                        2000
                    } else {
                        1900 + n as i32
                    }
                }
                _ => return None,
            };
            return Some(Piece::new(i, k + 1, Period::decade(y)?));
        }
        // "1990 s"
        if v.is_number(i) && v.is(i + 1, "s") {
            let n = digits(v.text(i))?;
            if v.text(i).len() == 4 && n % 10 == 0 {
                return Some(Piece::new(i, i + 2, Period::decade(n as i32)?));
            }
            return None;
        }
        let decade_word = [
            ("twenties", 20),
            ("thirties", 30),
            ("forties", 40),
            ("fifties", 50),
            ("sixties", 60),
            ("seventies", 70),
            ("eighties", 80),
            ("nineties", 90),
        ]
        .iter()
        .find(|(w, _)| v.is(k, w))
        .map(|&(_, d)| d)?;
        // "in their forties" is an age, not a decade.
        if self.prev_is(
            k,
            &[
                "their", "his", "her", "my", "your", "our", "early", "mid", "late",
            ],
        ) && !the
        {
            return None;
        }
        Some(Piece::new(i, k + 1, Period::decade(1900 + decade_word)?))
    }

    /// "the 21st century", "15th century", "the twentieth century", "the last century".
    fn century(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        if let Some(rel) = v.find(k, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        }) {
            if v.senses(k + 1)
                .any(|s| s == Sense::Unit(TimeUnit::Century, false))
            {
                let n = match rel {
                    Rel::Last | Rel::Past => -1,
                    Rel::This => 0,
                    Rel::Next | Rel::Coming => 1,
                };
                return Some(Piece::new(i, k + 2, self.r.shift(TimeUnit::Century, n)));
            }
            return None;
        }
        let (n, e) = super::number::ordinal(v, k)?;
        if !v
            .senses(e)
            .any(|s| s == Sense::Unit(TimeUnit::Century, false))
            || n.fract() != 0.0
        {
            return None;
        }
        Some(Piece::new(i, e + 1, Period::century(n as i32)?))
    }

    // ----- quarters, halves, seasons, holidays -----------------------------

    /// "Q3 2024", "2017-q1", "the second quarter (of 2024)", "second-quarter",
    /// "the first half of 2024", "H1 2024", "2019 H2".
    fn quarter(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let qh = |k: usize| -> Option<(bool, u32)> {
            let t = v.text(k);
            let b = t.as_bytes();
            if b.len() == 2 && matches!(b[0], b'Q' | b'q' | b'H' | b'h') && b[1].is_ascii_digit() {
                let n = u32::from(b[1] - b'0');
                let quarter = matches!(b[0], b'Q' | b'q');
                let ok = if quarter {
                    (1..=4).contains(&n)
                } else {
                    (1..=2).contains(&n)
                };
                return ok.then_some((quarter, n));
            }
            None
        };
        let make = |quarter: bool, n: u32, y: i32| {
            if quarter {
                Period::quarter(y, n)
            } else {
                Period::half(y, n)
            }
        };
        // "2017 q1", "2017-q1"
        if let Some((y, e)) = self.year_number(i, false) {
            let k = if v.punct(e, '-') && v.glued(e) {
                e + 1
            } else {
                e
            };
            let (quarter, n) = qh(k)?;
            return Some(Piece::new(i, k + 1, make(quarter, n, y)?));
        }
        // "Q3 2024", "q1-2019", "Q3"
        if let Some((quarter, n)) = qh(i) {
            let k = if v.punct(i + 1, '-') && v.glued(i + 1) {
                i + 2
            } else {
                i + 1
            };
            if let Some((y, e)) = self.year_after(k, false) {
                return Some(Piece::new(i, e, make(quarter, n, y)?));
            }
            return Some(Piece::new(
                i,
                i + 1,
                self.yearly(i, i + 1, |y| make(quarter, n, y))?,
            ));
        }
        // "the second quarter", "second-quarter", "the first half of 2024"
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        let (n, e) = super::number::ordinal(v, k)?;
        let (e, hyphen) = if v.punct(e, '-') && v.glued(e) {
            (e + 1, true)
        } else {
            (e, false)
        };
        let quarter = if v.kw(e, Kw::Quarter) {
            true
        } else if v.kw(e, Kw::Half) {
            false
        } else {
            return None;
        };
        let n = n as u32;
        if !(1..=if quarter { 4 } else { 2 }).contains(&n) {
            return None;
        }
        // Without "the", a hyphen or a year, "first half" is too vague ("the first half hour").
        let mut end = e + 1;
        if let Some((y, ye)) = self.of_year(end) {
            return Some(Piece::new(i, ye, make(quarter, n, y)?));
        }
        if let Some((rel_year, ye)) = self.of_relative_year(end) {
            return Some(Piece::new(i, ye, make(quarter, n, rel_year)?));
        }
        if !the && !hyphen {
            return None;
        }
        // "the first half of the year"
        if v.kw(end, Kw::Of) && v.kw(end + 1, Kw::The) && v.kw(end + 2, Kw::Year) {
            end += 3;
        }
        Some(Piece::new(
            i,
            end,
            self.yearly(i, end, |y| make(quarter, n, y))?,
        ))
    }

    /// "of 2024", "2024" after a part of a year.
    fn of_year(&self, j: usize) -> Option<(i32, usize)> {
        if self.v.kw(j, Kw::Of) {
            return self.year_number(j + 1, true);
        }
        self.year_number(j, false)
    }

    /// "of last year", "of this year", "of next year": the year and end.
    fn of_relative_year(&self, j: usize) -> Option<(i32, usize)> {
        let v = self.v;
        if !v.kw(j, Kw::Of) {
            return None;
        }
        let rel = v.find(j + 1, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        })?;
        if !v.kw(j + 2, Kw::Year) {
            return None;
        }
        let y = self.r.today().year
            + match rel {
                Rel::Last | Rel::Past => -1,
                Rel::This => 0,
                Rel::Next | Rel::Coming => 1,
            };
        self.r.known.then_some((y, j + 3))
    }

    /// The occurrence of a yearly period that the tense around `i..end` points at.
    fn yearly(&self, i: usize, end: usize, make: impl Fn(i32) -> Option<Period>) -> Option<Period> {
        if !self.r.known {
            let p = make(2000)?;
            return Some(Period::unresolved(
                p.timex.replacen("2000", "XXXX", 1),
                TimeKind::Date,
            ));
        }
        let tense = self.tense(i, end);
        let y = self.r.pick_year(tense, |y| {
            let p = make(y)?;
            p.bounds.map(|(s, e)| (s.date, e.date))
        })?;
        make(y)
    }

    /// "summer", "the summer of 2023", "autumn 2024", "in the spring".
    fn season(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        let s = v.find(k, |s| match s {
            Sense::Season(s) => Some(s),
            _ => None,
        })?;
        if let Some((y, e)) = self.of_year(k + 1) {
            return Some(Piece::new(i, e, Period::season(y, s)?));
        }
        // "fall" and "spring" are verbs and nouns too, and a lowercase "summer" with
        // no cue is a noun ("summer heat"): a season needs "the" or a date preposition,
        // except a capitalized "Summer" of an unambiguous season.
        let lower = v.text(k).to_ascii_lowercase();
        let ambiguous = matches!(lower.as_str(), "fall" | "spring");
        let cue = the || self.prev_is(k, DATE_PREPOSITIONS);
        if !cue && (ambiguous || !v.capitalized(k)) {
            return None;
        }
        // "the summer heat": a noun after the season makes it a modifier; still a date.
        let tense = self.tense(i, k + 1);
        Some(Piece::new(i, k + 1, self.r.season(s, None, tense)))
    }

    /// "Christmas", "Easter 2018", "Independence Day of this year", "last Easter".
    fn holiday(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let rel = v.find(i, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        });
        let k = if rel.is_some() { i + 1 } else { i };
        let (rule, e) = holidays::holiday(v, k)?;
        let unresolved = || Period::unresolved(rule.open_timex(), TimeKind::Date);
        if let Some((y, ye)) = self.year_after(e, false) {
            return Some(Piece::new(
                i,
                ye,
                rule.date(y).map_or_else(unresolved, Period::day),
            ));
        }
        if let Some((y, ye)) = self.of_relative_year(e) {
            return Some(Piece::new(
                i,
                ye,
                rule.date(y).map_or_else(unresolved, Period::day),
            ));
        }
        if !self.r.known {
            return Some(Piece::new(i, e, unresolved()));
        }
        let today = self.r.today();
        let dates = (today.year - 2..=today.year + 2).filter_map(|y| rule.date(y));
        let pick = match rel {
            Some(Rel::Last | Rel::Past) => dates.filter(|d| *d < today).max(),
            Some(Rel::Next | Rel::Coming) => dates.filter(|d| *d > today).min(),
            Some(Rel::This) => rule.date(today.year),
            None => match self.tense(i, e) {
                Tense::Future => dates.filter(|d| *d >= today).min(),
                _ => dates.filter(|d| *d <= today).max(),
            },
        };
        Some(Piece::new(i, e, pick.map_or_else(unresolved, Period::day)))
    }

    /// "the 18th", "the 15th day of next month", "the 21st this month".
    fn day_of_month(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if !v.kw(i, Kw::The) {
            return None;
        }
        let (d, mut e) = self.day_number(i + 1, false)?;
        if !(v.is_number(i + 1)
            || v.find(i + 1, |s| matches!(s, Sense::Ord(_)).then_some(()))
                .is_some()
            || e > i + 2)
        {
            return None;
        }
        if v.kw(e, Kw::Day) && v.kw(e + 1, Kw::Of) {
            // "the 15th day of next month", "of the month"
            let k = e + 2;
            if v.kw(k, Kw::The)
                && v.senses(k + 1)
                    .any(|s| s == Sense::Unit(TimeUnit::Month, false))
            {
                let p = self.r.shift(TimeUnit::Month, 0);
                return Some(Piece::new(i, k + 2, self.day_in(&p, d)));
            }
            if let Some(rel) = v.find(k, |s| match s {
                Sense::Rel(r) => Some(r),
                _ => None,
            }) {
                if v.senses(k + 1)
                    .any(|s| s == Sense::Unit(TimeUnit::Month, false))
                {
                    let p = self.r.shift(TimeUnit::Month, rel_step(rel));
                    return Some(Piece::new(i, k + 2, self.day_in(&p, d)));
                }
            }
            return None;
        }
        // "the 21st this month"
        if let Some(rel) = v.find(e, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        }) {
            if v.senses(e + 1)
                .any(|s| s == Sense::Unit(TimeUnit::Month, false))
            {
                let p = self.r.shift(TimeUnit::Month, rel_step(rel));
                return Some(Piece::new(i, e + 2, self.day_in(&p, d)));
            }
        }
        // A noun after it ("the 14th amendment", "the 18th floor") makes it no date.
        let next = v.text(e);
        if v.kind(e) == Some(TokenKind::Word)
            && next.starts_with(|c: char| c.is_lowercase())
            && !v.kw(e, Kw::And)
            && !v.kw(e, Kw::Of)
            && !v.kw(e, Kw::At)
        {
            return None;
        }
        if v.kw(e, Kw::Of) {
            return None; // "the 24th of January" is day_first's
        }
        let cue = self.prev_is(
            i,
            &[
                "on", "by", "until", "till", "since", "from", "before", "after", "around",
                "between", "and",
            ],
        );
        if !cue {
            return None;
        }
        e = e.max(i + 2);
        Some(Piece::new(i, e, self.r.day_of_month(d, self.tense(i, e))))
    }

    /// Day `d` of the month `p`.
    fn day_in(&self, p: &Period, d: u32) -> Period {
        match p.bounds {
            Some((s, _)) => Self::ymd(s.date.year, s.date.month, d),
            None => Period::unresolved(format!("XXXX-XX-{d:02}"), TimeKind::Date),
        }
    }

    // ----- weeks -----------------------------------------------------------

    /// "week 31", "the week of April 10th", "the first week of 2015", "the last
    /// week of July", "w/c Feb 4", "the week beginning February 4".
    fn week_forms(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        // "week 31 (of 2027)"
        if v.kw(k, Kw::Week) && v.is_number(k + 1) {
            let n = digits(v.text(k + 1))?;
            if !(1..=53).contains(&n) {
                return None;
            }
            let (y, e) = match self.of_year(k + 2).or_else(|| self.of_relative_year(k + 2)) {
                Some(found) => found,
                None => (self.r.today().year, k + 2),
            };
            return Some(Piece::new(i, e, iso_week(y, n)?));
        }
        // "w/c Feb 4"
        if v.is(i, "w/c") {
            let d = self.date(i + 1)?;
            let day = d.day()?;
            return Some(Piece::new(i, d.end, Period::week(day)?));
        }
        // "the week of April 10th", "the week beginning/starting/commencing Feb 4"
        if the && v.kw(k, Kw::Week) {
            let mut j = k + 1;
            if v.kw(j, Kw::Of)
                || v.is(j, "beginning")
                || v.is(j, "starting")
                || v.is(j, "commencing")
            {
                j += 1;
                if v.kw(j, Kw::On) {
                    j += 1;
                }
                let d = self.date(j)?;
                let day = d.day()?;
                return Some(Piece::new(i, d.end, Period::week(day)?));
            }
            return None;
        }
        // "the first week of 2015", "3rd week of Jan", "the last week of July"
        let (n, e) = if v
            .find(k, |s| (s == Sense::Rel(Rel::Last)).then_some(()))
            .is_some()
            && v.is(k, "last")
        {
            (-1, k + 1)
        } else {
            let (n, e) = super::number::ordinal(v, k)?;
            (n as i64, e)
        };
        if !v.kw(e, Kw::Week) || !v.kw(e + 1, Kw::Of) {
            return None;
        }
        let inner = self.date(e + 2)?;
        let (s, end) = inner.period.bounds?;
        // Weeks belong to the month or year their Thursday falls in (ISO 8601's rule
        // for years, Recognizers-Text's for months).
        let thursday = |d: Date| i64::from((4 + 7 - d.weekday().iso()) % 7);
        let week = if n > 0 {
            let first_thu = s.date.add_days(thursday(s.date))?;
            let thu = first_thu.add_days(7 * (n - 1))?;
            if thu >= end.date {
                return None;
            }
            Period::week(thu)?
        } else {
            let last = end.date.add_days(-1)?;
            let back = (i64::from(last.weekday().iso()) - 4).rem_euclid(7);
            Period::week(last.add_days(-back)?)?
        };
        Some(Piece::new(i, inner.end, week))
    }

    // ----- relative --------------------------------------------------------

    /// today, tomorrow, yesterday; "the day before yesterday", "the day after tomorrow".
    fn rel_day(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if let Some(n) = v.find(i, |s| match s {
            Sense::RelDay(n) => Some(i64::from(n)),
            _ => None,
        }) {
            return Some(Piece::new(i, i + 1, self.r.shift(TimeUnit::Day, n)));
        }
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        if v.kw(k, Kw::Day) && (v.kw(k + 1, Kw::Before) || v.kw(k + 1, Kw::After)) {
            let n = v.find(k + 2, |s| match s {
                Sense::RelDay(n) => Some(i64::from(n)),
                _ => None,
            })?;
            let step = if v.kw(k + 1, Kw::Before) { -1 } else { 1 };
            return Some(Piece::new(i, k + 3, self.r.shift(TimeUnit::Day, n + step)));
        }
        None
    }

    /// "last week", "this year", "next month", "the past decade", "the next three
    /// days", "last Friday", "this September", "next spring", "recent weeks".
    fn relative(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The);
        let mut k = if the { i + 1 } else { i };
        // "this past Wednesday", "this upcoming Friday"
        let mut rel = v.find(k, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        });
        if rel == Some(Rel::This) {
            if let Some(r2 @ (Rel::Past | Rel::Coming)) = v.find(k + 1, |s| match s {
                Sense::Rel(r) => Some(r),
                _ => None,
            }) {
                rel = Some(r2);
                k += 1;
            }
        }
        if rel.is_none() && (v.is(k, "recent") || v.is(k, "coming")) {
            rel = Some(Rel::Past);
        }
        let rel = rel?;
        let j = k + 1;
        // Rel + count + plural unit: "the past two weeks", "next 3 days", "last few years"
        if let Some(amount) = duration::amount(v, j) {
            if amount.plural && !amount.compound {
                let sign = match rel {
                    Rel::Last | Rel::Past => -1,
                    Rel::Next | Rel::Coming => 1,
                    Rel::This => return None,
                };
                // "for most of the next 30 years" told in the past counts from the
                // story's time, not the article's: the window stays open.
                let narrative = the && sign > 0 && self.tense(i, amount.end) == Tense::Past;
                let period = match amount.number {
                    Some(_) if narrative => Period::unresolved(
                        format!("(XXXX-XX-XX,XXXX-XX-XX,{})", amount.timex()),
                        TimeKind::Date,
                    ),
                    Some(n) if amount.unit == TimeUnit::Quarter => self.quarters(n, sign),
                    Some(n) => self.r.window(n, amount.unit, sign),
                    None => Period::unresolved(
                        if sign < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
                        TimeKind::Date,
                    ),
                };
                return Some(Piece::new(i, amount.end, period));
            }
        }
        // Rel + plural unit without a count: "recent weeks", "the coming days" → vague.
        if let Some((unit, true)) = v.find(j, |s| match s {
            Sense::Unit(u, plural) => Some((u, plural)),
            _ => None,
        }) {
            let _ = unit;
            let timex = match rel {
                Rel::Last | Rel::Past => "PAST_REF",
                Rel::Next | Rel::Coming => "FUTURE_REF",
                Rel::This => return None,
            };
            return Some(Piece::new(
                i,
                j + 1,
                Period::unresolved(timex.into(), TimeKind::Date),
            ));
        }
        // Rel + unit: "last week", "the past decade"
        if let Some(unit) = v.find(j, |s| match s {
            Sense::Unit(u, false) => Some(u),
            _ => None,
        }) {
            if v.is(k, "recent")
                || matches!(unit, TimeUnit::Second | TimeUnit::Minute | TimeUnit::Night)
                    && rel != Rel::Last
            {
                return None;
            }
            // "next week Wednesday", "this week Monday", "previous week - Monday"
            if unit == TimeUnit::Week {
                let mut w = j + 1;
                if v.punct(w, '-') {
                    w += 1;
                }
                if v.kw(w, Kw::On) {
                    w += 1;
                }
                if let Some((wd, false)) = self.weekday_word(w) {
                    let week = self.r.shift(TimeUnit::Week, rel_step(rel));
                    return Some(Piece::new(i, w + 1, self.weekday_in(&week, wd)));
                }
            }
            let period = if the && matches!(rel, Rel::Past | Rel::Last) && unit != TimeUnit::Night {
                // "the past decade", "the last year": a window ending today.
                self.r.window(1.0, unit, -1)
            } else if the && (v.is(k, "following") || v.is(k, "previous")) {
                // Narrative: "the following week" is relative to the story, not the article.
                Period::unresolved(x_timex(unit).into(), TimeKind::Date)
            } else if the && rel == Rel::Next && unit == TimeUnit::Day {
                Period::unresolved("XXXX-XX-XX".into(), TimeKind::Date)
            } else {
                self.r.shift(unit, rel_step(rel))
            };
            return Some(Piece::new(i, j + 1, period));
        }
        if the {
            return None;
        }
        // Rel + weekday / month / season
        if let Some((wd, false)) = self.weekday_word(j) {
            return Some(Piece::new(
                i,
                j + 1,
                self.r.weekday(wd, Some(rel), Tense::Unknown),
            ));
        }
        if let Some(m) = v.find(j, |s| match s {
            Sense::Month(m) => Some(u32::from(m)),
            _ => None,
        }) {
            if v.is(j, "may") && !v.capitalized(j) {
                return None;
            }
            let tense = match rel {
                Rel::Last | Rel::Past => Tense::Past,
                Rel::Next | Rel::Coming => Tense::Future,
                Rel::This => return Some(Piece::new(i, j + 1, self.month_this_year(m))),
            };
            let mut p = self.r.month(m, tense);
            // "last March" in March means the March before.
            if let Some((s, _)) = p.bounds {
                if s.date.month == self.r.today().month && s.date.year == self.r.today().year {
                    let y = s.date.year + if tense == Tense::Past { -1 } else { 1 };
                    p = Period::month(y, m)?;
                }
            }
            return Some(Piece::new(i, j + 1, p));
        }
        if let Some(s) = v.find(j, |s| match s {
            Sense::Season(s) => Some(s),
            _ => None,
        }) {
            return Some(Piece::new(
                i,
                j + 1,
                self.r.season(s, Some(rel), Tense::Unknown),
            ));
        }
        None
    }

    /// "this September": the month of the reference year.
    fn month_this_year(&self, m: u32) -> Period {
        if !self.r.known {
            return Period::unresolved(format!("XXXX-{m:02}"), TimeKind::Date);
        }
        Period::month(self.r.today().year, m)
            .unwrap_or_else(|| Period::unresolved(format!("XXXX-{m:02}"), TimeKind::Date))
    }

    /// `n` whole calendar quarters before (sign -1) or after the current one.
    fn quarters(&self, n: f64, sign: i64) -> Period {
        let steps = n as i64;
        let (a, b) = if sign < 0 {
            (
                self.r.shift(TimeUnit::Quarter, -steps),
                self.r.shift(TimeUnit::Quarter, -1),
            )
        } else {
            (
                self.r.shift(TimeUnit::Quarter, 1),
                self.r.shift(TimeUnit::Quarter, steps),
            )
        };
        a.bounds
            .zip(b.bounds)
            .and_then(|((s, _), (_, e))| Period::between(s, e, TimeKind::Date))
            .unwrap_or_else(|| Period::unresolved("XXXX".into(), TimeKind::Date))
    }

    /// A weekday word at `i` (singular or plural): its ISO number.
    pub(crate) fn weekday_word(&self, i: usize) -> Option<(u32, bool)> {
        let v = self.v;
        let (wd, plural) = v.find(i, |s| match s {
            Sense::Weekday(d, p) => Some((u32::from(d), p)),
            _ => None,
        })?;
        let t = v.text(i);
        let lower = t.to_ascii_lowercase();
        // "sat", "sun", "wed", "mon" are also words: need a capital, a period or a cue.
        if matches!(
            lower.as_str(),
            "sat" | "sun" | "wed" | "mon" | "thu" | "tue" | "fri" | "thur" | "thurs" | "tues"
        ) {
            let next_is_date = v.is_number(i + 1)
                || v.find(i + 1, |s| matches!(s, Sense::Month(_)).then_some(()))
                    .is_some()
                || v.punct(i + 1, ',');
            let cue = self.prev_is(
                i,
                &[
                    "on", "last", "next", "this", "every", "each", "by", "until", "since", "from",
                ],
            ) || v.kw(i + 1, Kw::At);
            if !(next_is_date || cue)
                || (lower == "sun" || lower == "sat" || lower == "wed")
                    && !v.capitalized(i)
                    && !next_is_date
                    && !self.prev_is(i, &["on", "every", "each"])
            {
                return None;
            }
        }
        Some((wd, plural))
    }

    /// Weekday `wd` of the week `week`.
    fn weekday_in(&self, week: &Period, wd: u32) -> Period {
        match week.bounds {
            Some((s, _)) => s.date.add_days(i64::from(wd) - 1).map_or_else(
                || Period::unresolved(format!("XXXX-WXX-{wd}"), TimeKind::Date),
                Period::day,
            ),
            None => Period::unresolved(format!("XXXX-WXX-{wd}"), TimeKind::Date),
        }
    }

    /// A weekday with an optional date or week after it: "Friday", "Friday, Jan.
    /// 24", "Monday the 27th", "Wednesday next week", "monday of the following week".
    pub(crate) fn weekday(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let (wd, plural) = self.weekday_word(i)?;
        if plural {
            return None;
        }
        let mut j = i + 1;
        if v.punct(j, ',') || v.punct(j, '-') || v.punct(j, '(') {
            j += 1;
        }
        // "Friday, January 24" — the date decides.
        if let Some(d) = self.absolute(j).or_else(|| self.numeric(j)) {
            if d.is_day() {
                let end = if v.punct(d.end, ')') && v.punct(j - 1, '(') {
                    d.end + 1
                } else {
                    d.end
                };
                // Resolve a year-less date to the occurrence that falls on this weekday.
                let period = self.align_weekday(&d, wd);
                return Some(Piece::new(i, end, period));
            }
        }
        // "Monday the 27th", "Monday 21"
        let k = if v.kw(i + 1, Kw::The) { i + 2 } else { i + 1 };
        if let Some((d, e)) = self.day_number(k, k == i + 2) {
            // Not "Monday 8-9am" (a time range) nor "Friday 7:30".
            let range_or_time = v.punct(e, '-')
                || v.kw(e, Kw::To)
                || v.punct(e, ':')
                || v.senses(e).any(|s| matches!(s, Sense::Meridiem(_)))
                || v.kw(e, Kw::OClock);
            if !range_or_time && (v.kw(i + 1, Kw::The) || v.is_number(k)) {
                return Some(Piece::new(i, e, self.weekday_with_day(wd, d, i, e)));
            }
        }
        // "Wednesday next week", "Monday of the following week", "Monday two weeks from now"
        let mut k = i + 1;
        if v.kw(k, Kw::Of) {
            k += 1;
            if v.kw(k, Kw::The) {
                k += 1;
            }
        }
        if let Some(rel) = v.find(k, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        }) {
            if v.kw(k + 1, Kw::Week) {
                let week = self.r.shift(TimeUnit::Week, rel_step(rel));
                return Some(Piece::new(i, k + 2, self.weekday_in(&week, wd)));
            }
        }
        let tense = self.tense(i, i + 1);
        Some(Piece::new(i, i + 1, self.r.weekday(wd, None, tense)))
    }

    /// A date without a year written with its weekday: pick the year where they agree.
    fn align_weekday(&self, d: &Piece, wd: u32) -> Period {
        let Some(day) = d.day() else {
            return d.period.clone();
        };
        if day.weekday().iso() == wd || !d.period.timex.starts_with(|c: char| c.is_ascii_digit()) {
            return d.period.clone();
        }
        // Only a year-less date may move; look a few years around for the weekday.
        let explicit_year = self.v.text(d.end - 1).len() == 4 && self.v.is_number(d.end - 1);
        if explicit_year || !self.r.known {
            return d.period.clone();
        }
        let today = self.r.today();
        (0..=6)
            .flat_map(|k| [today.year - k, today.year + k])
            .filter_map(|y| Date::new(y, day.month, day.day))
            .find(|c| c.weekday().iso() == wd)
            .map_or_else(|| d.period.clone(), Period::day)
    }

    /// "Monday 21", "Monday the 27th": the nearest month where day `d` is that weekday.
    fn weekday_with_day(&self, wd: u32, d: u32, i: usize, e: usize) -> Period {
        if !self.r.known {
            return Period::unresolved(format!("XXXX-XX-{d:02}"), TimeKind::Date);
        }
        let today = self.r.today();
        let tense = self.tense(i, e);
        let mut best: Option<Date> = None;
        for k in -12..=12i64 {
            let Some(first) = Date::new(today.year, today.month, 1).and_then(|f| f.add_months(k))
            else {
                continue;
            };
            let Some(c) = Date::new(first.year, first.month, d) else {
                continue;
            };
            if c.weekday().iso() != wd {
                continue;
            }
            let dist = (c.days() - today.days()).abs();
            let ok = match tense {
                Tense::Future => c >= today,
                _ => true,
            };
            if ok && best.is_none_or(|b| dist < (b.days() - today.days()).abs()) {
                best = Some(c);
            }
        }
        best.map_or_else(
            || Period::unresolved(format!("XXXX-XX-{d:02}"), TimeKind::Date),
            Period::day,
        )
    }

    /// "the first Monday of next month", "the last Friday in March", "the second
    /// Tuesday of the month".
    fn nth_weekday(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The);
        let k = if the { i + 1 } else { i };
        let n: i64 = if v.is(k, "last") {
            -1
        } else {
            let (n, e) = super::number::ordinal(v, k)?;
            if e != k + 1 || !(1.0..=5.0).contains(&n) {
                return None;
            }
            n as i64
        };
        let (wd, false) = self.weekday_word(k + 1)? else {
            return None;
        };
        let mut j = k + 2;
        if !(v.kw(j, Kw::Of) || v.kw(j, Kw::In)) {
            return None;
        }
        j += 1;
        // "of the month", "of next month", "of March"
        let month = if v.kw(j, Kw::The)
            && v.senses(j + 1)
                .any(|s| s == Sense::Unit(TimeUnit::Month, false))
        {
            Piece::new(j, j + 2, self.r.shift(TimeUnit::Month, 0))
        } else {
            self.date(j)?
        };
        let (s, e) = month.period.bounds?;
        let days = e.date.days() - s.date.days();
        if !(28..=31).contains(&days) {
            return None;
        }
        let day = if n > 0 {
            let shift = (i64::from(wd) - i64::from(s.date.weekday().iso())).rem_euclid(7);
            s.date.add_days(shift + 7 * (n - 1))?
        } else {
            let last = e.date.add_days(-1)?;
            let back = (i64::from(last.weekday().iso()) - i64::from(wd)).rem_euclid(7);
            last.add_days(-back)?
        };
        if day >= e.date {
            return None;
        }
        Some(Piece::new(i, month.end, Period::day(day)))
    }

    /// "5 upcoming years", "10 previous weeks", "2 next days": a count before the
    /// relative word.
    fn count_rel(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let n = super::number::number(v, i)?;
        let rel = v.find(n.end, |s| match s {
            Sense::Rel(r) => Some(r),
            _ => None,
        })?;
        let (unit, true) = v.find(n.end + 1, |s| match s {
            Sense::Unit(u, plural) => Some((u, plural)),
            _ => None,
        })?
        else {
            return None;
        };
        let sign = match rel {
            Rel::Last | Rel::Past => -1,
            Rel::Next | Rel::Coming => 1,
            Rel::This => return None,
        };
        let period = if unit == TimeUnit::Quarter {
            self.quarters(n.value, sign)
        } else {
            self.r.window(n.value, unit, sign)
        };
        Some(Piece::new(i, n.end + 2, period))
    }

    // ----- early / mid / late ----------------------------------------------

    /// "mid-2023", "early next week", "late 2024", "the end of the year", "the
    /// beginning of March", "earlier this month", "later this year", "late on Wednesday".
    fn part(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let the = v.kw(i, Kw::The) || v.kw(i, Kw::At) && v.kw(i + 1, Kw::The);
        let k = if v.kw(i, Kw::At) && v.kw(i + 1, Kw::The) {
            i + 2
        } else if the {
            i + 1
        } else {
            i
        };
        // "mid-November": the tokenizer keeps "mid" "-" "November".
        let (part, mut j, noun) = if v.kw(k, Kw::Early) {
            (Mod::Start, k + 1, false)
        } else if v.kw(k, Kw::Mid) {
            (Mod::Mid, k + 1, false)
        } else if v.kw(k, Kw::Late) {
            (Mod::End, k + 1, false)
        } else if v.kw(k, Kw::Beginning) || v.kw(k, Kw::Start) {
            (Mod::Start, k + 1, true)
        } else if v.kw(k, Kw::Middle) {
            (Mod::Mid, k + 1, true)
        } else if v.kw(k, Kw::End) {
            (Mod::End, k + 1, true)
        } else if v.kw(k, Kw::Earlier) || v.kw(k, Kw::Later) {
            return self.earlier_later(i, k);
        } else {
            return None;
        };
        if the && !noun {
            return None;
        }
        if v.punct(j, '-') && v.glued(j) {
            j += 1;
        }
        let on = v.kw(j, Kw::On);
        if noun {
            if !v.kw(j, Kw::Of) {
                return None;
            }
            j += 1;
        } else if v.kw(j, Kw::In) || on {
            j += 1;
        }
        // "the end of the year/month/week"
        if v.kw(j, Kw::The) {
            if let Some(unit) = v.find(j + 1, |s| match s {
                Sense::Unit(
                    u @ (TimeUnit::Year
                    | TimeUnit::Month
                    | TimeUnit::Week
                    | TimeUnit::Day
                    | TimeUnit::Decade
                    | TimeUnit::Century
                    | TimeUnit::Quarter),
                    false,
                ) => Some(u),
                _ => None,
            }) {
                let p = self.r.shift(unit, 0);
                return Some(Piece::new(i, j + 2, p.part(part)));
            }
        }
        let inner = self.date(j)?;
        if matches!(inner.period.kind, TimeKind::Time) {
            return None;
        }
        let is_day = inner.is_day();
        let mut piece = Piece::new(i, inner.end, inner.period.part(part));
        if is_day {
            // "late on Wednesday", "early Friday": a part of a day is a TIME.
            piece.label = Label::Time;
        }
        Some(piece)
    }

    /// "earlier this month" (its start up to today), "later this year" (after today
    /// to its end), "earlier in the week".
    fn earlier_later(&self, i: usize, k: usize) -> Option<Piece> {
        let v = self.v;
        let earlier = v.kw(k, Kw::Earlier);
        let mut j = k + 1;
        if v.kw(j, Kw::In) && v.kw(j + 1, Kw::The) {
            j += 2;
        } else if v
            .find(j, |s| (s == Sense::Rel(Rel::This)).then_some(()))
            .is_some()
        {
            j += 1;
        } else {
            return None;
        }
        let unit = v.find(j, |s| match s {
            Sense::Unit(
                u @ (TimeUnit::Year
                | TimeUnit::Month
                | TimeUnit::Week
                | TimeUnit::Day
                | TimeUnit::Decade
                | TimeUnit::Quarter),
                false,
            ) => Some(u),
            _ => None,
        })?;
        let p = self.r.shift(unit, 0);
        let period = match p.bounds {
            Some((s, e)) => {
                let today = super::calendar::DateTime::midnight(self.r.today());
                let (a, b) = if earlier {
                    (s, today)
                } else {
                    (
                        super::calendar::DateTime::midnight(self.r.today().add_days(1)?),
                        e,
                    )
                };
                if b <= a {
                    p.clone()
                } else {
                    Period::new(p.timex.clone(), a, b, TimeKind::Date)
                }
            }
            None => p,
        };
        Some(Piece::new(i, j + 1, period))
    }

    // ----- offsets: ago, in, later, from now, within -----------------------

    /// "two days ago", "a decade ago", "in two weeks" (future clauses), "three weeks
    /// from tomorrow", "2 weeks before May 13 1999", "within 9 months".
    fn offset(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        // "within 9 months", "within the next 10 months"
        if v.kw(i, Kw::Within) {
            let mut j = i + 1;
            if v.kw(j, Kw::The) {
                j += 1;
            }
            if v.find(j, |s| {
                matches!(s, Sense::Rel(Rel::Next | Rel::Coming)).then_some(())
            })
            .is_some()
            {
                j += 1;
            }
            let a = duration::amount(v, j)?;
            let n = a.number?;
            return Some(Piece::new(i, a.end, self.r.within(n, a.unit)));
        }
        // "in two weeks": a future point only in a future clause.
        if v.kw(i, Kw::In) {
            let a = duration::amount(v, i + 1)?;
            let n = a.number?;
            if a.compound || self.tense(i, a.end) != Tense::Future || v.kw(a.end, Kw::Ago) {
                return None;
            }
            return Some(Piece::new(
                i,
                a.end,
                self.r.offset(self.r.now, n, a.unit, 1),
            ));
        }
        let a = duration::amount(v, i)?;
        let j = a.end;
        let total = a.total_in(a.unit)?;
        if v.kw(j, Kw::Ago) {
            return Some(Piece::new(
                i,
                j + 1,
                self.r.offset(self.r.now, total, a.unit, -1),
            ));
        }
        if (v.kw(j, Kw::From) && v.kw(j + 1, Kw::Now)) || v.kw(j, Kw::Hence) {
            let e = if v.kw(j, Kw::Hence) { j + 1 } else { j + 2 };
            return Some(Piece::new(
                i,
                e,
                self.r.offset(self.r.now, total, a.unit, 1),
            ));
        }
        // "three weeks from tomorrow", "2 weeks before May 13 1999", "three months after Easter"
        let dir = if v.kw(j, Kw::From) || v.kw(j, Kw::After) {
            1
        } else if v.kw(j, Kw::Before) {
            -1
        } else if v.kw(j, Kw::Later) || v.kw(j, Kw::Earlier) {
            // Narrative: "two days later" counts from a date in the story.
            return Some(Piece::new(
                i,
                j + 1,
                Period::unresolved("XXXX-XX-XX".into(), TimeKind::Date),
            ));
        } else {
            return None;
        };
        let anchor = self.date(j + 1)?;
        let day = anchor.day()?;
        // Counted from a stated day, the result is a day too ("4 months from tomorrow").
        let period = super::resolve::add(day, total, a.unit, dir)
            .map(Period::day)
            .unwrap_or_else(|| {
                self.r
                    .offset(super::calendar::DateTime::midnight(day), total, a.unit, dir)
            });
        Some(Piece::new(i, anchor.end, period))
    }

    /// "a week starting tomorrow", "3 days starting from next Monday", "2 weeks
    /// beginning May 20th": a stretch of time from a stated day.
    fn starting(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        let a = duration::amount(v, i)?;
        let n = a.number?;
        let mut j = a.end;
        if !(v.is(j, "starting") || v.is(j, "beginning") || v.is(j, "commencing")) {
            return None;
        }
        j += 1;
        if v.kw(j, Kw::From) || v.kw(j, Kw::On) {
            j += 1;
        }
        let d = self.date(j)?;
        let (s, _) = d.period.bounds?;
        let end = if d.period.has_time {
            let secs = (n * duration::seconds_per(a.unit)? as f64).round() as i64;
            super::period::from_seconds(super::period::seconds(s) + secs)?
        } else {
            super::calendar::DateTime::midnight(super::resolve::add(s.date, n, a.unit, 1)?)
        };
        let kind = if d.period.has_time {
            TimeKind::Datetime
        } else {
            TimeKind::Date
        };
        Some(Piece::new(i, d.end, Period::between(s, end, kind)?))
    }

    /// "the weekend", "over the weekend", "this weekend": the weekend the tense
    /// points at — the latest one begun by the reference date in a past clause, the
    /// next one not yet over in a future clause.
    fn the_weekend(&self, i: usize) -> Option<Piece> {
        let v = self.v;
        if !(v.kw(i, Kw::The)
            && v.senses(i + 1)
                .any(|s| s == Sense::Unit(TimeUnit::Weekend, false)))
        {
            return None;
        }
        if !self.r.known {
            return Some(Piece::new(
                i,
                i + 2,
                Period::unresolved("XXXX-WXX-WE".into(), TimeKind::Date),
            ));
        }
        let today = self.r.today();
        let wd = i64::from(today.weekday().iso());
        let saturday = match self.tense(i, i + 2) {
            Tense::Future => today.add_days(if wd == 7 { -1 } else { 6 - wd })?,
            _ => today.add_days(if wd >= 6 { 6 - wd } else { -(wd + 1) })?,
        };
        Some(Piece::new(i, i + 2, Period::weekend(saturday)?))
    }
}

/// How many units away a relative word points: last -1, this 0, next +1.
pub(crate) fn rel_step(rel: Rel) -> i64 {
    match rel {
        Rel::Last | Rel::Past => -1,
        Rel::This => 0,
        Rel::Next | Rel::Coming => 1,
    }
}

/// An open timex at a unit's grain: "XXXX-WXX" for a week.
fn x_timex(unit: TimeUnit) -> &'static str {
    match unit {
        TimeUnit::Day | TimeUnit::Night => "XXXX-XX-XX",
        TimeUnit::Week | TimeUnit::Fortnight => "XXXX-WXX",
        TimeUnit::Weekend => "XXXX-WXX-WE",
        TimeUnit::Month => "XXXX-XX",
        _ => "XXXX",
    }
}

/// ISO week `n` of week-year `y`.
fn iso_week(y: i32, n: u32) -> Option<Period> {
    let jan4 = Date::new(y, 1, 4)?;
    let monday = jan4.add_days(-i64::from(jan4.weekday().iso() - 1))?;
    Period::week(monday.add_days(7 * i64::from(n - 1))?)
}

/// The month a word names ("aug", "August", "Aug."), also as letters inside a
/// numeric token ("aug" in "2019/aug/01").
pub(super) fn month_of(s: &str) -> Option<u32> {
    super::lexicon::lookup(s)
        .senses()
        .iter()
        .find_map(|&x| match x {
            Sense::Month(m) => Some(u32::from(m)),
            _ => None,
        })
}
