//! The annotated document and the pipeline that builds it.
//!
//! `annotate` runs every stage in order (tokens → sentences → reference date →
//! values → entities) over the original text, which it never alters. All offsets
//! inside a [`Document`] are UTF-8 bytes; the output records in [`crate::export`]
//! convert them to the unit the caller asks for.

use crate::entities;
use crate::span::{sort_spans, Span};
use crate::text::{split_sentences, tokenize, Sentence, Token};
use crate::values::{self, DateTime, RefDate, RefDateSource};

/// Options for [`annotate`]. The default runs every stage with no reference date.
#[derive(Clone, Debug)]
pub struct Options {
    /// The article's date; when `None` it is detected from the text (default `None`).
    pub ref_date: Option<DateTime>,
    /// The current date, used (and flagged as a guess) when the article states none.
    /// The core never reads a clock; front ends pass it in (default `None`).
    pub today: Option<DateTime>,
    /// Find numbers, dates and other values (default `true`).
    pub values: bool,
    /// Tag named entities (default `true`).
    pub entities: bool,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            ref_date: None,
            today: None,
            values: true,
            entities: true,
        }
    }
}

/// An annotated text. Offsets are UTF-8 bytes into `text`.
#[derive(Clone, Debug)]
pub struct Document<'t> {
    /// The original text, unchanged.
    pub text: &'t str,
    /// The date relative expressions were resolved against.
    pub ref_date: RefDate,
    /// Tokens in text order.
    pub tokens: Vec<Token>,
    /// Sentences in text order, each a run of whole tokens.
    pub sentences: Vec<Sentence>,
    /// Spans sorted by start (longer first at the same start), not overlapping.
    pub spans: Vec<Span<'t>>,
}

/// The longest text accepted, in bytes: offsets are stored as `u32`.
pub const MAX_TEXT_BYTES: usize = u32::MAX as usize - 1;

/// Runs the whole pipeline over `text`.
///
/// # Errors
/// [`AnnotateError::TooLarge`] for texts of 4 GiB or more.
pub fn annotate<'t>(text: &'t str, options: &Options) -> Result<Document<'t>, AnnotateError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(AnnotateError::TooLarge { len: text.len() });
    }
    Ok(annotate_piece(text, options, None))
}

/// Window size of [`annotate_windows`] (default for front ends): every ordinary
/// article (a long one is 50 kB) fits in one window, so alias linking sees all of
/// it, while a 10 MB text is processed in about 40 pieces whose working memory
/// (about 20 bytes per byte of window) is reused. 1 MiB windows took the wasm
/// memory for a 10 MB text to 40.0 MB; 256 KiB ones take it to 29.4 MB.
pub const WINDOW_BYTES: usize = 1 << 18;

/// Annotates `text` in windows of about `window` bytes and hands each window's
/// document to `each(window_start, doc)`, where `doc.text` is the window's slice
/// and its offsets are bytes relative to `window_start`.
///
/// Windows end at a blank line when there is one within half a window past the
/// target size, else at a line break, else at a space, so tokens and sentences are
/// the same as for the whole text (neither crosses a blank line). The reference
/// date is resolved once, from the first window, and used for all. Entity ids
/// restart at 0 in each window and mentions are linked only within a window:
/// texts up to `window` bytes are one window and behave exactly as [`annotate`].
///
/// # Errors
/// [`AnnotateError::TooLarge`] for texts of 4 GiB or more.
pub fn annotate_windows<'t>(
    text: &'t str,
    options: &Options,
    window: usize,
    mut each: impl FnMut(usize, Document<'t>),
) -> Result<RefDate, AnnotateError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(AnnotateError::TooLarge { len: text.len() });
    }
    let mut start = 0;
    let mut ref_date = None;
    loop {
        let end = window_end(text, start, window.max(1));
        let doc = annotate_piece(&text[start..end], options, ref_date);
        let found = *ref_date.get_or_insert(doc.ref_date);
        each(start, doc);
        if end >= text.len() {
            return Ok(found);
        }
        start = end;
    }
}

/// Where the window starting at `start` ends (see [`annotate_windows`]).
fn window_end(text: &str, start: usize, window: usize) -> usize {
    let len = text.len();
    // A short remainder joins the last window rather than making a tiny one.
    if len - start <= window + window / 4 {
        return len;
    }
    let target = start + window;
    let limit = (target + window / 2).min(len);
    let bytes = &text.as_bytes()[target..limit];
    let after = |i: usize| target + i + 1;
    let cut = bytes
        .windows(2)
        .position(|w| w == b"\n\n")
        .map(|i| after(i + 1))
        .or_else(|| bytes.iter().position(|&b| b == b'\n').map(after))
        .or_else(|| bytes.iter().position(|&b| b == b' ').map(after));
    match cut {
        Some(cut) => cut,
        // A window-long run without a space: cut at a char boundary.
        None => (target..=len)
            .find(|&i| text.is_char_boundary(i))
            .unwrap_or(len),
    }
}

/// The pipeline over one piece of text; `ref_date` is used when given, else resolved.
fn annotate_piece<'t>(text: &'t str, options: &Options, ref_date: Option<RefDate>) -> Document<'t> {
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    let ref_date = ref_date.unwrap_or_else(|| resolve_ref_date(text, &tokens, &sentences, options));
    let value_spans = if options.values {
        values::recognize(text, &tokens, &sentences, &ref_date)
    } else {
        Vec::new()
    };
    let entity_spans = if options.entities {
        entities::tag(text, &tokens, &sentences)
    } else {
        Vec::new()
    };
    let mut spans = merge_layers(value_spans, entity_spans);
    entities::renumber(&mut spans);
    Document {
        text,
        ref_date,
        tokens,
        sentences,
        spans,
    }
}

fn resolve_ref_date(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    options: &Options,
) -> RefDate {
    if let Some(datetime) = options.ref_date {
        return RefDate {
            datetime,
            source: RefDateSource::Given,
            found_at: None,
        };
    }
    if let Some(found) = values::detect_ref_date_near(text, tokens, sentences, options.today) {
        return found;
    }
    match options.today {
        Some(datetime) => RefDate {
            datetime,
            source: RefDateSource::Today,
            found_at: None,
        },
        None => RefDate {
            datetime: DateTime::midnight(
                values::Date::new(1970, 1, 1).expect("the epoch is a valid date"),
            ),
            source: RefDateSource::Unknown,
            found_at: None,
        },
    }
}

/// Combines two layers of non-overlapping spans into one. Where spans overlap, the
/// longer one wins ("the 2024 Olympics" EVENT over "2024" DATE); on a tie the
/// first layer wins.
pub fn merge_layers<'t>(first: Vec<Span<'t>>, second: Vec<Span<'t>>) -> Vec<Span<'t>> {
    if second.is_empty() {
        return first;
    }
    if first.is_empty() {
        return second;
    }
    // Rank by length, then layer, then position; keep each span that overlaps none
    // kept before. Kept spans are indexed by start in a B-tree so each check is
    // O(log n): a sorted Vec with inserts was quadratic (8 s on a 10 MB text).
    let mut ranked: Vec<(usize, Span<'t>)> = first
        .into_iter()
        .map(|s| (0, s))
        .chain(second.into_iter().map(|s| (1, s)))
        .collect();
    ranked.sort_by(|(la, a), (lb, b)| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(la.cmp(lb))
            .then(a.start.cmp(&b.start))
    });
    let mut kept: Vec<Span<'t>> = Vec::with_capacity(ranked.len());
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    for (_, span) in ranked {
        let clashes_before = taken
            .range(..=span.start)
            .next_back()
            .is_some_and(|(_, &end)| end > span.start);
        let clashes_after = taken.range(span.start..span.end).next().is_some();
        if !clashes_before && !clashes_after {
            taken.insert(span.start, span.end);
            kept.push(span);
        }
    }
    sort_spans(&mut kept);
    kept
}

/// Why a text could not be annotated.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum AnnotateError {
    /// The text is 4 GiB or larger.
    TooLarge {
        /// Its length in bytes.
        len: usize,
    },
}

impl std::fmt::Display for AnnotateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            AnnotateError::TooLarge { len } => {
                write!(f, "text of {len} bytes is too large (the limit is 4 GiB)")
            }
        }
    }
}

impl std::error::Error for AnnotateError {}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::label::Label;
    use crate::span::Source;

    const TEXT: &str = "the 2024 Olympics in Paris";

    fn span(start: usize, end: usize, label: Label) -> Span<'static> {
        Span::new(TEXT, start, end, label, Source::Rule).unwrap()
    }

    #[test]
    fn longer_span_wins_and_order_is_kept() {
        let values = vec![span(4, 8, Label::Date)];
        let entities = vec![span(4, 17, Label::Event), span(21, 26, Label::Gpe)];
        let merged = merge_layers(values, entities);
        let got: Vec<_> = merged.iter().map(|s| (s.text, s.label.clone())).collect();
        assert_eq!(
            got,
            [("2024 Olympics", Label::Event), ("Paris", Label::Gpe)]
        );
    }

    #[test]
    fn ties_go_to_the_first_layer() {
        let merged = merge_layers(
            vec![span(21, 26, Label::Date)],
            vec![span(21, 26, Label::Gpe)],
        );
        assert_eq!(merged.len(), 1);
        assert_eq!(merged[0].label, Label::Date);
    }

    #[test]
    fn merge_agrees_with_a_brute_force_check_on_random_layers() {
        let text = "x".repeat(400);
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        let mut next = |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        for _ in 0..200 {
            // Two layers, each sorted and non-overlapping, as the stages produce them.
            let mut layer = |label: Label| {
                let mut spans = Vec::new();
                let mut at = next(5);
                while at < 390 {
                    let len = 1 + next(8);
                    spans
                        .push(Span::new(&text, at, at + len, label.clone(), Source::Rule).unwrap());
                    at += len + next(6);
                }
                spans
            };
            let (a, b) = (layer(Label::Date), layer(Label::Gpe));
            let merged = merge_layers(a.clone(), b.clone());
            // Brute force: longest first, first layer on ties, earlier first.
            let mut all: Vec<(usize, Span)> = a
                .into_iter()
                .map(|s| (0, s))
                .chain(b.into_iter().map(|s| (1, s)))
                .collect();
            all.sort_by(|(la, x), (lb, y)| {
                (y.end - y.start)
                    .cmp(&(x.end - x.start))
                    .then(la.cmp(lb))
                    .then(x.start.cmp(&y.start))
            });
            let mut expected: Vec<Span> = Vec::new();
            for (_, s) in all {
                if !expected.iter().any(|k| k.overlaps(&s)) {
                    expected.push(s);
                }
            }
            sort_spans(&mut expected);
            assert_eq!(merged, expected);
        }
    }

    #[test]
    fn windows_give_the_same_tokens_sentences_and_spans_as_one_pass() {
        let para = "SEOUL (Reuters) - South Korea's military said on Friday that about 11,000 soldiers went to Russia.\nA second line, Jan. 24.";
        let text = [para; 40].join("\n\n");
        let options = Options {
            ref_date: DateTime::parse("2025-01-24").ok(),
            ..Options::default()
        };
        let whole = annotate(&text, &options).unwrap();
        let (mut tokens, mut sentences, mut spans, mut windows) = (Vec::new(), 0, Vec::new(), 0);
        annotate_windows(&text, &options, 1000, |base, doc| {
            windows += 1;
            assert!(
                doc.text.len() < 1600,
                "windows stay near the size asked for"
            );
            tokens.extend(
                doc.tokens
                    .iter()
                    .map(|t| (base + t.start as usize, base + t.end as usize)),
            );
            sentences += doc.sentences.len();
            spans.extend(doc.spans.iter().map(|s| {
                (
                    base + s.start,
                    base + s.end,
                    s.label.clone(),
                    s.value.clone(),
                )
            }));
        })
        .unwrap();
        assert!(windows >= 4, "{windows} windows");
        let expect_tokens: Vec<_> = whole
            .tokens
            .iter()
            .map(|t| (t.start as usize, t.end as usize))
            .collect();
        assert_eq!(tokens, expect_tokens);
        assert_eq!(sentences, whole.sentences.len());
        let expect_spans: Vec<_> = whole
            .spans
            .iter()
            .map(|s| (s.start, s.end, s.label.clone(), s.value.clone()))
            .collect();
        assert_eq!(spans, expect_spans);
    }

    #[test]
    fn windows_cut_long_lines_and_unspaced_text_on_char_boundaries() {
        for text in ["word ".repeat(3000), "é".repeat(5000), String::new()] {
            let mut pieces = Vec::new();
            annotate_windows(&text, &Options::default(), 1000, |base, doc| {
                pieces.push((base, doc.text.len()))
            })
            .unwrap();
            let mut at = 0;
            for (base, len) in pieces {
                assert_eq!(base, at);
                at += len;
            }
            assert_eq!(at, text.len());
        }
    }

    #[test]
    fn empty_and_whitespace_texts_annotate() {
        for text in ["", " ", "\n\n\t", "\u{a0}\u{200b}"] {
            let doc = annotate(text, &Options::default()).unwrap();
            assert!(doc.tokens.is_empty() && doc.sentences.is_empty() && doc.spans.is_empty());
        }
    }

    #[test]
    fn ref_date_precedence() {
        let given = DateTime::parse("2025-01-24").unwrap();
        let today = DateTime::parse("2026-11-28").unwrap();
        let opts = Options {
            ref_date: Some(given),
            today: Some(today),
            ..Options::default()
        };
        assert_eq!(
            annotate("x", &opts).unwrap().ref_date.source,
            RefDateSource::Given
        );
        let opts = Options {
            today: Some(today),
            ..Options::default()
        };
        let doc = annotate("no date here", &opts).unwrap();
        assert_eq!(
            (doc.ref_date.datetime, doc.ref_date.source),
            (today, RefDateSource::Today)
        );
        assert!(doc.ref_date.is_guess());
    }
}
