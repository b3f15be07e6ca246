//! Numbers, money, percentages, quantities, dates, times, durations and sets:
//! found in the token stream and normalized to typed [`Value`]s, dates resolved
//! against the article's reference date.
//!
//! The grammar is hand-written and split by concept: number words and numerals,
//! money, units, percent, dates, times, durations, recurrences, holidays; the
//! resolution of relative dates (`resolve`) and the tense guess it relies on
//! (`tense`); `compose` joins dates and times into date-times and ranges; `scan`
//! walks the tokens once and keeps the longest match at each position. The value
//! schema and the conventions (weeks, seasons, parts of days, range ends) are
//! documented in docs/values.md. Offsets are UTF-8 bytes.

pub mod calendar;
mod compose;
mod date;
mod duration;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
mod holidays;
mod lexicon;
mod money;
mod number;
mod number_words;
mod numeral;
mod percent;
mod period;
mod recurrence;
pub mod refdate;
mod resolve;
mod scan;
mod tense;
#[cfg(test)]
mod testing;
mod time;
mod units;
mod value;
mod view;

pub use calendar::{Date, DateError, DateTime, Weekday};
pub use refdate::{RefDate, RefDateSource};
pub use value::{fmt_num, Mod, TimeValue, Value};

use crate::span::Span;
use crate::text::{Sentence, Token};

/// True for a month name or its abbreviation ("November", "Nov", "Nov."); the
/// entity repairs use it to recognize datelines.
pub(crate) fn is_month_word(word: &str) -> bool {
    date::month_of(word).is_some()
}

/// Finds a reference date stated in the article itself: a "Published …" line or a
/// dateline with a year near the top. Returns `None` when there is none. A dateline
/// without a year needs the current date: use [`detect_ref_date_near`].
pub fn detect_ref_date(text: &str, tokens: &[Token], sentences: &[Sentence]) -> Option<RefDate> {
    refdate::detect(text, tokens, sentences, None)
}

/// Like [`detect_ref_date`], completing a year-less dateline ("BUDAPEST, Nov 24
/// (Reuters)") with the year that puts it on or before `today`.
pub fn detect_ref_date_near(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    today: Option<DateTime>,
) -> Option<RefDate> {
    refdate::detect(text, tokens, sentences, today)
}

/// Finds every number, money, percent, quantity, date, time, duration and set
/// expression, with its normalized value. Spans are sorted and do not overlap;
/// each has `source` [`Rule`](crate::span::Source::Rule) and a score of 1 (0.9 for
/// a bare number read as a year).
pub fn recognize<'t>(
    text: &'t str,
    tokens: &[Token],
    sentences: &[Sentence],
    ref_date: &RefDate,
) -> Vec<Span<'t>> {
    scan::recognize(text, tokens, sentences, ref_date)
}
