//! The token stream as the value grammars see it: each token's text, its lexicon
//! entry (looked up once), and the whitespace around it.
//!
//! Indices are token indices; `end` indices are exclusive. Offsets are UTF-8 bytes.

use super::lexicon::{self, Entry, Kw, Sense};
use super::refdate::RefDate;
use crate::text::{Sentence, Token, TokenKind};

/// Tokens plus what the grammars need to know about them.
pub(crate) struct View<'a> {
    /// The document text.
    pub text: &'a str,
    /// All tokens.
    pub tokens: &'a [Token],
    /// The sentences, for tense look-ups.
    pub sentences: &'a [Sentence],
    /// The date relative expressions resolve against.
    pub ref_date: RefDate,
    /// Lexicon entry per token (`Entry::NONE` for non-words and unknown words).
    lex: Vec<Entry>,
}

impl<'a> View<'a> {
    /// Looks every word token up once.
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &'a [Sentence],
        ref_date: RefDate,
    ) -> View<'a> {
        let lex = tokens
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word if (t.end - t.start) as usize <= lexicon::MAX_WORD => {
                    lexicon::lookup(t.text(text))
                }
                _ => Entry::NONE,
            })
            .collect();
        View {
            text,
            tokens,
            sentences,
            ref_date,
            lex,
        }
    }

    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.tokens.len()
    }

    /// The text of token `i` (empty past the end).
    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.tokens.get(i).map_or("", |t| t.text(self.text))
    }

    /// The kind of token `i`, `None` past the end.
    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// The lexicon entry of token `i`.
    pub(crate) fn entry(&self, i: usize) -> Entry {
        self.lex.get(i).copied().unwrap_or(Entry::NONE)
    }

    /// The senses of token `i`.
    pub(crate) fn senses(&self, i: usize) -> impl Iterator<Item = Sense> {
        self.entry(i).senses()
    }

    /// The first sense of token `i` that `f` maps to something.
    pub(crate) fn find<T>(&self, i: usize, f: impl FnMut(Sense) -> Option<T>) -> Option<T> {
        self.senses(i).find_map(f)
    }

    /// True when token `i` is the cue word `kw`.
    pub(crate) fn kw(&self, i: usize, kw: Kw) -> bool {
        self.senses(i).any(|s| s == Sense::Kw(kw))
    }

    /// True when token `i` equals `word` ignoring ASCII case.
    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        self.text(i).eq_ignore_ascii_case(word)
    }

    /// True when token `i` is the single punctuation or symbol character `c`
    /// (dashes of every width count as `-`).
    pub(crate) fn punct(&self, i: usize, c: char) -> bool {
        let t = self.text(i);
        if c == '-' {
            matches!(t, "-" | "–" | "—" | "‐" | "‑" | "−" | "--")
        } else {
            let mut chars = t.chars();
            chars.next() == Some(c) && chars.next().is_none()
        }
    }

    /// True when token `i` starts right where token `i - 1` ends.
    pub(crate) fn glued(&self, i: usize) -> bool {
        i > 0 && i < self.len() && self.tokens[i].start == self.tokens[i - 1].end
    }

    /// True when a line break lies between token `i - 1` and token `i`.
    pub(crate) fn line_break_before(&self, i: usize) -> bool {
        if i == 0 || i >= self.len() {
            return false;
        }
        let gap = &self.text[self.tokens[i - 1].end as usize..self.tokens[i].start as usize];
        gap.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
    }

    /// True when token `i` begins with an uppercase letter.
    pub(crate) fn capitalized(&self, i: usize) -> bool {
        self.text(i).starts_with(|c: char| c.is_uppercase())
    }

    /// True when token `i` is a number token (digits, maybe with separators or a suffix).
    pub(crate) fn is_number(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Number)
    }

    /// Byte range from the start of token `from` to the end of token `to - 1`.
    pub(crate) fn bytes(&self, from: usize, to: usize) -> (usize, usize) {
        (
            self.tokens[from].start as usize,
            self.tokens[to - 1].end as usize,
        )
    }

    /// The sentence containing token `i`, as a token range.
    pub(crate) fn sentence_of(&self, i: usize) -> std::ops::Range<usize> {
        let at = self
            .sentences
            .partition_point(|s| (s.token_end as usize) <= i);
        match self.sentences.get(at) {
            Some(s) if s.tokens().contains(&i) => s.tokens(),
            _ => 0..self.len(),
        }
    }
}
