//! The one span model every stage produces and every exporter reads.
//!
//! Offsets are UTF-8 byte offsets into the document text, end exclusive, always on
//! char boundaries; [`Span::new`] checks this so `&text[span.range()]` never panics.

use crate::label::Label;
use crate::values::Value;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Who produced a span. User spans survive a re-run of the model (DESIGN.md invariant 3).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The statistical entity tagger.
    Model,
    /// A rule-based recognizer (numbers, dates, alias linking).
    Rule,
    /// Added or changed by a person.
    User,
    /// Read from an imported file.
    Import,
}

/// A labelled stretch of the text.
#[derive(Clone, Debug, PartialEq)]
pub struct Span<'t> {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset just past the last byte.
    pub end: usize,
    /// What the span is.
    pub label: Label,
    /// The covered text, `&doc.text[start..end]`.
    pub text: &'t str,
    /// The normalized value, for numbers, money, dates and durations.
    pub value: Option<Value>,
    /// Who produced the span.
    pub source: Source,
    /// Confidence in [0, 1]; 1 for rules and users.
    pub score: f32,
    /// Mentions of the same entity share an id (assigned by alias linking).
    pub entity: Option<u32>,
}

impl<'t> Span<'t> {
    /// A span over `text[start..end]` with no value, score 1 and no entity id.
    ///
    /// # Errors
    /// [`SpanError`] when the range is empty, reversed, past the end of the text
    /// or not on char boundaries.
    pub fn new(
        text: &'t str,
        start: usize,
        end: usize,
        label: Label,
        source: Source,
    ) -> Result<Span<'t>, SpanError> {
        if start >= end {
            return Err(SpanError::Empty { start, end });
        }
        if end > text.len() {
            return Err(SpanError::OutOfBounds {
                end,
                len: text.len(),
            });
        }
        if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(SpanError::NotCharBoundary { start, end });
        }
        Ok(Span {
            start,
            end,
            label,
            text: &text[start..end],
            value: None,
            source,
            score: 1.0,
            entity: None,
        })
    }

    /// The byte range, for slicing the document text.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// True when the two spans share at least one byte.
    pub fn overlaps(&self, other: &Span<'_>) -> bool {
        self.start < other.end && other.start < self.end
    }
}

/// Why a span could not be built.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum SpanError {
    /// `start >= end`.
    Empty {
        /// Requested start.
        start: usize,
        /// Requested end.
        end: usize,
    },
    /// The end lies past the text.
    OutOfBounds {
        /// Requested end.
        end: usize,
        /// Text length in the same unit.
        len: usize,
    },
    /// An offset falls inside a multi-byte character.
    NotCharBoundary {
        /// Requested start (bytes).
        start: usize,
        /// Requested end (bytes).
        end: usize,
    },
}

impl std::fmt::Display for SpanError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpanError::Empty { start, end } => write!(f, "span {start}..{end} is empty"),
            SpanError::OutOfBounds { end, len } => {
                write!(f, "span end {end} is past the end of the text ({len})")
            }
            SpanError::NotCharBoundary { start, end } => {
                write!(f, "span {start}..{end} splits a character")
            }
        }
    }
}

impl std::error::Error for SpanError {}

/// Sorts spans by start, longer first at the same start, so every consumer can
/// rely on one order.
pub fn sort_spans(spans: &mut [Span<'_>]) {
    spans.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Kyiv 🇺🇦 said";

    #[test]
    fn new_checks_the_range() {
        let s = Span::new(TEXT, 0, 4, Label::Gpe, Source::Model).unwrap();
        assert_eq!(s.text, "Kyiv");
        assert_eq!(&TEXT[s.range()], "Kyiv");
        assert!(matches!(
            Span::new(TEXT, 4, 4, Label::Gpe, Source::Model),
            Err(SpanError::Empty { .. })
        ));
        assert!(matches!(
            Span::new(TEXT, 0, 99, Label::Gpe, Source::Model),
            Err(SpanError::OutOfBounds { .. })
        ));
        // Byte 6 is inside the first regional indicator.
        assert!(matches!(
            Span::new(TEXT, 6, 9, Label::Gpe, Source::Model),
            Err(SpanError::NotCharBoundary { .. })
        ));
    }

    #[test]
    fn overlap_is_exclusive_at_the_end() {
        let a = Span::new(TEXT, 0, 4, Label::Gpe, Source::Model).unwrap();
        let b = Span::new(TEXT, 4, 5, Label::Gpe, Source::Model).unwrap();
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&a));
    }
}
