//! What the recognizers' unit tests share: the reference date they resolve
//! against (Friday 24 January 2025, given) and a [`View`] over a test sentence.

use super::scan::Match;
use super::view::View;
use super::{Date, DateTime, RefDate, RefDateSource};

/// Friday 24 January 2025, as if given on the command line.
pub(crate) fn ref_date() -> RefDate {
    RefDate {
        datetime: DateTime::midnight(Date::new(2025, 1, 24).unwrap()),
        source: RefDateSource::Given,
        found_at: None,
    }
}

/// Runs `f` on a view of `text` (tokenized and split as in a document).
pub(crate) fn with_view<T>(text: &str, f: impl FnOnce(&View) -> T) -> T {
    let tokens = crate::text::tokenize(text);
    let sentences = crate::text::split_sentences(text, &tokens);
    f(&View::new(text, &tokens, &sentences, ref_date()))
}

/// What `recognizer` finds at the first token of `text`, as "matched text = value".
pub(crate) fn match_at_start(
    text: &str,
    recognizer: fn(&View, usize) -> Option<Match>,
) -> Option<String> {
    with_view(text, |v| {
        recognizer(v, 0).map(|m| {
            let (s, e) = v.bytes(m.start, m.end);
            format!("{} = {}", &text[s..e], m.value.display())
        })
    })
}
