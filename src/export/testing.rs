//! What the exporters' unit tests share: an annotated document whose spans the
//! test chooses.

use crate::document::{annotate, Document, Options};
use crate::label::Label;
use crate::span::{Source, Span};

/// `text` annotated (for its tokens and sentences) with exactly `spans`: each
/// the first occurrence of its needle, as a user span.
pub(crate) fn doc_with(text: &'static str, spans: &[(&str, Label)]) -> Document<'static> {
    let mut doc = annotate(text, &Options::default()).unwrap();
    doc.spans = spans
        .iter()
        .map(|(needle, label)| {
            let start = text.find(needle).unwrap();
            Span::new(
                text,
                start,
                start + needle.len(),
                label.clone(),
                Source::User,
            )
            .unwrap()
        })
        .collect();
    doc
}
