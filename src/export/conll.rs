//! CoNLL-2003 with IOB2 tags: `-DOCSTART- -X- -X- O` and a blank line first, then
//! one token per line as `TOKEN -X- _ TAG` (the POS and chunk columns are
//! placeholders, as spaCy's and Hugging Face's CoNLL files have them), with a
//! blank line after every sentence.
//!
//! The tokens and sentences are the ones the page shows (see [`super::tokens`] for
//! the two exceptions: a token a span edge cuts is split there, and sentences a
//! span crosses are joined), so every span is exactly one `B-` tag followed by
//! `I-` tags for the rest of its tokens, and every other token is `O`. Tokens
//! never contain whitespace, so the columns never shift.

use super::tokens::align;
use crate::document::Document;

/// The CoNLL file for `doc`.
pub(crate) fn write(doc: &Document<'_>) -> String {
    let aligned = align(doc);
    // (is the first token of its span, label) for every tagged token.
    let mut tags: Vec<Option<(bool, &str)>> = vec![None; aligned.tokens.len()];
    for (span, range) in doc.spans.iter().zip(&aligned.spans) {
        let Some((first, last)) = *range else {
            continue;
        };
        // Only a document breaking the one-layer invariant gets here twice.
        if tags[first..=last].iter().any(Option::is_some) {
            continue;
        }
        let label = span.label.as_str();
        tags[first] = Some((true, label));
        for tag in &mut tags[first + 1..=last] {
            *tag = Some((false, label));
        }
    }
    let mut out = String::with_capacity(doc.text.len() * 3 + 32);
    out.push_str("-DOCSTART- -X- -X- O\n\n");
    for sentence in &aligned.sentences {
        for i in sentence.clone() {
            out.push_str(&doc.text[aligned.tokens[i].clone()]);
            out.push_str(" -X- _ ");
            match tags[i] {
                None => out.push('O'),
                Some((begins, label)) => {
                    out.push_str(if begins { "B-" } else { "I-" });
                    out.push_str(label);
                }
            }
            out.push('\n');
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};
    use crate::label::Label;

    const TEXT: &str = "Talks in New York ended.\r\nThen 東京 👨‍👩‍👧 spoke.";

    fn doc_with(spans: &[(&str, Label)]) -> Document<'static> {
        crate::export::testing::doc_with(TEXT, spans)
    }

    #[test]
    fn tags_runs_and_sentences() {
        let doc = doc_with(&[("New York", Label::Gpe), ("東京", Label::Gpe)]);
        let conll = write(&doc);
        let expected = "-DOCSTART- -X- -X- O\n\n\
            Talks -X- _ O\nin -X- _ O\nNew -X- _ B-GPE\nYork -X- _ I-GPE\nended -X- _ O\n. -X- _ O\n\n\
            Then -X- _ O\n東 -X- _ B-GPE\n京 -X- _ I-GPE\n👨‍👩‍👧 -X- _ O\nspoke -X- _ O\n. -X- _ O\n\n";
        assert_eq!(conll, expected);
    }

    #[test]
    fn a_cut_token_is_split_and_tagged_whole() {
        let doc = doc_with(&[("Yor", Label::Custom("Part".into()))]);
        let conll = write(&doc);
        assert!(conll.contains("Yor -X- _ B-Part\nk -X- _ O\n"), "{conll}");
    }

    #[test]
    fn empty_text_is_only_the_docstart() {
        let doc = annotate("  ", &Options::default()).unwrap();
        assert_eq!(write(&doc), "-DOCSTART- -X- -X- O\n\n");
    }
}
