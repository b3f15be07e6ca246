//! Numbers, money, percentages, quantities, dates, times, durations and sets:
//! found in the token stream and normalized to typed [`Value`]s, dates resolved
//! against the article's reference date.

pub mod calendar;
pub mod refdate;
mod value;

pub use calendar::{Date, DateError, DateTime, Weekday};
pub use refdate::{RefDate, RefDateSource};
pub use value::{fmt_num, Mod, TimeValue, Value};

use crate::span::Span;
use crate::text::{Sentence, Token};

/// Finds a reference date stated in the article itself: a dateline or a
/// "Published …" line near the top. Returns `None` when there is none.
pub fn detect_ref_date(_text: &str, _tokens: &[Token], _sentences: &[Sentence]) -> Option<RefDate> {
    None
}

/// Finds every number, money, percent, quantity, date, time, duration and set
/// expression, with its normalized value. Spans are sorted and do not overlap.
pub fn recognize<'t>(
    _text: &'t str,
    _tokens: &[Token],
    _sentences: &[Sentence],
    _ref_date: &RefDate,
) -> Vec<Span<'t>> {
    Vec::new()
}
