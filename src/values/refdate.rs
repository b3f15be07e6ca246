//! The reference date relative expressions resolve against, and where it came from.
//!
//! Order of precedence: the caller's explicit date, then a date found in the article
//! itself (dateline, "Published …" line), then the caller's idea of today, flagged as
//! a guess. The core never reads a clock: wasm32 has none, and output must be
//! deterministic (DESIGN.md invariant 6), so "today" is passed in by the front end.

use super::calendar::DateTime;
use serde::{Deserialize, Serialize};

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefDateSource {
    /// Given by the caller (`--ref-date`, the API option, the user in the page).
    Given,
    /// Found in a dateline ("BUDAPEST, Nov 24 (Reuters)", "Friday, 24 Jan 2025").
    Dateline,
    /// Found in a "Published …" / "Updated …" line or page metadata.
    Published,
    /// Nothing found: the caller's current date, a guess.
    Today,
    #[default]
    /// Nothing found and no current date given: 1970-01-01, relative dates are unreliable.
    Unknown,
}

/// The date an article's relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RefDate {
    /// The date (and time, midnight when unknown).
    pub datetime: DateTime,
    /// Where it came from.
    pub source: RefDateSource,
    /// Byte range of the text it was read from, for datelines and "Published" lines.
    pub found_at: Option<(u32, u32)>,
}

impl RefDate {
    /// True when the date was not stated by the caller or the article.
    pub fn is_guess(&self) -> bool {
        matches!(self.source, RefDateSource::Today | RefDateSource::Unknown)
    }
}
