//! The token stream as the value grammars see it: each token's text, its lexicon
//! entry (looked up once), and the whitespace around it.
//!
//! Indices are token indices; `end` indices are exclusive. Offsets are UTF-8 bytes.

use super::duration::Amount;
use super::lexicon::{self, Entry, Kw, Lexicon, Role, Sense};
use super::number::Num;
use super::numeral::{numeral, Numeral};
use super::refdate::RefDate;
use super::time::ClockMatch;
use crate::text::{Sentence, Token, TokenKind};
use std::cell::RefCell;

/// Currency signs that begin an amount.
pub(crate) const CURRENCY_SIGNS: &[char] = &[
    '$', '€', '£', '¥', '₹', '₩', '₽', '₺', '₪', '₦', '₱', '₫', '฿',
];

/// Words outside the lexicon that still start a value: with a digit, a dollar
/// sign or a slash ("Q3", "FY2024", "US$", "Dec31", "Oct/2"), or a vulgar
/// fraction ("½").
fn unknown_word_anchors(s: &str) -> bool {
    let b = s.as_bytes();
    (b.len() <= 12
        && b.iter()
            .any(|c| c.is_ascii_digit() || matches!(c, b'$' | b'/')))
        // (all of these begin with a byte >= 0xC2; most words are ASCII)
        || b.first().is_some_and(|&c| c >= 0xC2)
            && s.starts_with(|c: char| matches!(c, '½' | '¼' | '¾' | '\u{2150}'..='\u{215E}'))
}

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
    /// The lexicon, held so look-ups skip its one-time initialization check.
    lexicon: Lexicon,
    /// What each token is to the grammars, worked out once.
    info: Vec<Info>,
    /// Numeric readings of recent tokens (each number token is read by half a
    /// dozen grammars).
    numerals: RefCell<[(usize, Option<Numeral<'a>>); SLOTS]>,
    /// Results of the number, amount-of-time and clock readers at recent
    /// positions: every recognizer asks for the number at the same token, and a
    /// fresh read each time was measured at about a third of the pass.
    pub(crate) memo: Memo,
}

/// A token's lexicon entry (`Entry::NONE` for non-words and unknown words), its
/// role and which recognizer families may begin at it: 4 bytes a token.
#[derive(Clone, Copy, Default)]
struct Info {
    entry: Entry,
    role: Role,
    starts: u8,
}

/// A direct-mapped cache of `SLOTS` positions per reader.
pub(crate) struct Memo {
    number: RefCell<[(usize, Option<Num>); SLOTS]>,
    amount: RefCell<[(usize, Option<Amount>); SLOTS]>,
    clock: RefCell<[(usize, Option<ClockMatch>); SLOTS]>,
    ordinal: RefCell<[(usize, Option<Ordinal>); SLOTS]>,
}

const SLOTS: usize = 16;

/// An ordinal's value and the token after it.
type Ordinal = (f64, usize);

impl Memo {
    fn new() -> Memo {
        Memo {
            number: RefCell::new([(usize::MAX, None); SLOTS]),
            amount: RefCell::new([(usize::MAX, None); SLOTS]),
            clock: RefCell::new([(usize::MAX, None); SLOTS]),
            ordinal: RefCell::new([(usize::MAX, None); SLOTS]),
        }
    }

    fn get<T: Copy>(
        cell: &RefCell<[(usize, Option<T>); SLOTS]>,
        i: usize,
        compute: impl FnOnce() -> Option<T>,
    ) -> Option<T> {
        let slot = i % SLOTS;
        if let Ok(c) = cell.try_borrow() {
            if c[slot].0 == i {
                return c[slot].1;
            }
        }
        let value = compute();
        if let Ok(mut c) = cell.try_borrow_mut() {
            c[slot] = (i, value);
        }
        value
    }

    /// The number phrase at `i`, computed once.
    pub(crate) fn number(&self, i: usize, compute: impl FnOnce() -> Option<Num>) -> Option<Num> {
        Self::get(&self.number, i, compute)
    }

    /// The amount of time at `i`, computed once.
    pub(crate) fn amount(
        &self,
        i: usize,
        compute: impl FnOnce() -> Option<Amount>,
    ) -> Option<Amount> {
        Self::get(&self.amount, i, compute)
    }

    /// The clock time at `i`, computed once.
    pub(crate) fn clock(
        &self,
        i: usize,
        compute: impl FnOnce() -> Option<ClockMatch>,
    ) -> Option<ClockMatch> {
        Self::get(&self.clock, i, compute)
    }

    /// The ordinal at `i` and its end, computed once (the date forms ask for it
    /// at the same token up to six times).
    pub(crate) fn ordinal(
        &self,
        i: usize,
        compute: impl FnOnce() -> Option<Ordinal>,
    ) -> Option<Ordinal> {
        Self::get(&self.ordinal, i, compute)
    }
}

impl<'a> View<'a> {
    /// Looks every word token up once.
    pub(crate) fn new(
        text: &'a str,
        tokens: &'a [Token],
        sentences: &'a [Sentence],
        ref_date: RefDate,
    ) -> View<'a> {
        use lexicon::{STARTS_NUMBER, STARTS_TIME};
        let lexicon = Lexicon::get();
        let info = tokens
            .iter()
            .map(|t| {
                let s = t.text(text);
                match t.kind {
                    TokenKind::Number => Info {
                        entry: Entry::NONE,
                        role: Role::Anchor,
                        starts: STARTS_TIME | STARTS_NUMBER,
                    },
                    TokenKind::Word => {
                        let entry = lexicon.lookup(s);
                        // Words with digits ("3bn", "1/2", "mid-2023") anchor though the
                        // lexicon has no role for them (or only a tense sense).
                        let role = match lexicon.role(entry) {
                            Role::None if unknown_word_anchors(s) => Role::Anchor,
                            r => r,
                        };
                        let starts = match entry {
                            Entry::NONE if role == Role::Anchor => STARTS_TIME | STARTS_NUMBER,
                            e => lexicon.starts(e),
                        };
                        Info {
                            entry,
                            role,
                            starts,
                        }
                    }
                    TokenKind::Symbol
                        if s.starts_with(CURRENCY_SIGNS) || s.starts_with(['°', '℃', '℉']) =>
                    {
                        Info {
                            entry: Entry::NONE,
                            role: Role::Anchor,
                            starts: STARTS_NUMBER,
                        }
                    }
                    _ => Info::default(),
                }
            })
            .collect();
        View {
            text,
            tokens,
            sentences,
            ref_date,
            lexicon,
            info,
            numerals: RefCell::new([(usize::MAX, None); SLOTS]),
            memo: Memo::new(),
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

    /// The role of token `i` (`Role::None` past the end).
    pub(crate) fn role(&self, i: usize) -> Role {
        self.info.get(i).map_or(Role::None, |x| x.role)
    }

    /// Which recognizer families may begin at token `i`.
    pub(crate) fn starts(&self, i: usize) -> u8 {
        self.info.get(i).map_or(0, |x| x.starts)
    }

    /// True when an anchor lies among the `n` tokens after `i`.
    pub(crate) fn anchor_within(&self, i: usize, n: usize) -> bool {
        let from = (i + 1).min(self.info.len());
        let to = (i + 1 + n).min(self.info.len());
        self.info[from..to].iter().any(|x| x.role == Role::Anchor)
    }

    /// Token `i` read as a number with an optional suffix ([`numeral`]), cached.
    pub(crate) fn numeral(&self, i: usize) -> Option<Numeral<'a>> {
        if self.kind(i) != Some(TokenKind::Number) {
            return None;
        }
        let slot = i % SLOTS;
        if let Ok(c) = self.numerals.try_borrow() {
            if c[slot].0 == i {
                return c[slot].1;
            }
        }
        let n = numeral(self.text(i));
        if let Ok(mut c) = self.numerals.try_borrow_mut() {
            c[slot] = (i, n);
        }
        n
    }

    /// The lexicon entry of token `i`.
    pub(crate) fn entry(&self, i: usize) -> Entry {
        self.info.get(i).map_or(Entry::NONE, |x| x.entry)
    }

    /// The senses of token `i`.
    pub(crate) fn senses(&self, i: usize) -> impl Iterator<Item = Sense> {
        self.lexicon.senses(self.entry(i)).iter().copied()
    }

    /// The first sense of token `i` that `f` maps to something.
    pub(crate) fn find<T>(&self, i: usize, f: impl FnMut(Sense) -> Option<T>) -> Option<T> {
        self.senses(i).find_map(f)
    }

    /// True when token `i` is the cue word `kw`.
    pub(crate) fn kw(&self, i: usize, kw: Kw) -> bool {
        self.lexicon.has_kw(self.entry(i), kw)
    }

    /// True when token `i` equals `word` ignoring ASCII case.
    pub(crate) fn is(&self, i: usize, word: &str) -> bool {
        // The grammars ask this of many words at each token; comparing the
        // lengths first skips slicing the text for nearly all of them.
        match self.tokens.get(i) {
            None => word.is_empty(),
            Some(t) => {
                (t.end - t.start) as usize == word.len()
                    && t.text(self.text).eq_ignore_ascii_case(word)
            }
        }
    }

    /// True when token `i` is the single punctuation or symbol character `c`
    /// (dashes of every width count as `-`).
    pub(crate) fn punct(&self, i: usize, c: char) -> bool {
        // Words and numbers are never punctuation; most calls end here.
        match self.kind(i) {
            Some(TokenKind::Punct | TokenKind::Symbol) => {}
            _ => return false,
        }
        let t = self.text(i);
        if t.len() > 3 {
            return false;
        }
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
