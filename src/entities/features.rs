//! Feature extraction for the entity tagger, shared by training and tagging so both
//! see exactly the same features.
//!
//! Two kinds of features, both hashed to `u64` keys (never strings):
//! - **type features** depend only on the token's text (word, lower case, shape,
//!   affixes). Each has one weight vector per relative position −2..=+2, so the
//!   tagger can sum them once per distinct word and cache the five score vectors;
//! - **token features** depend on context (sentence start, headline case, gazetteer
//!   matches around the token, word/shape pairs) and are looked up per token.

use super::gazetteer::{Match, CATEGORIES};
use crate::text::{Token, TokenKind};

/// Relative positions a type feature has weights for: −WINDOW..=+WINDOW.
pub const WINDOW: usize = 2;
/// Number of relative positions.
pub const POSITIONS: usize = 2 * WINDOW + 1;
/// Bytes of a word looked at; longer tokens are hashed on their first 64 bytes,
/// and features are computed on that prefix (no allocation, bounded time).
const MAX_WORD: usize = 64;

/// The case pattern of a word, for features and sentence-style flags.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Case {
    /// No letters: numbers, punctuation, symbols.
    None = 0,
    /// All letters lower case: "said".
    Lower = 1,
    /// First letter upper, not all upper: "Kyiv", "McCain".
    Title = 2,
    /// Two or more letters, all upper: "NATO", "U.S.".
    Upper = 3,
    /// Lower-case first letter with upper case later: "iPhone", "al-Qaida" (the
    /// hyphen splits that one, but "eBay" stays).
    Mixed = 4,
}

/// What the tagger remembers about a word type besides its feature keys.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TypeInfo {
    /// Hash of the lower-cased word; gazetteer and pair features use it.
    pub lower: u64,
    /// Hash of the short shape ("Xx", "X.X.", "d"); pair features use it.
    pub short_shape: u64,
    /// Case pattern.
    pub case: Case,
    /// True for tokens of letters only (plus `.`, `'`, `&`), the ones that can start names.
    pub alphabetic: bool,
}

/// FxHash-style byte hash with a final avalanche, so open-addressing tables
/// keyed by it need no second hash.
pub fn hash_bytes(seed: u64, bytes: &[u8]) -> u64 {
    const K: u64 = 0x517c_c1b7_2722_0a95;
    let mut h = seed ^ (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let word = u64::from_le_bytes(c.try_into().expect("chunks_exact yields 8 bytes"));
        h = (h.rotate_left(5) ^ word).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(buf)).wrapping_mul(K);
    }
    mix(h)
}

/// The key of a token's word type (its text and kind) for per-type caches. The
/// kind goes in mixed: as a raw seed it cancelled against the bytes of one-letter
/// words, so "&" (a symbol) and "F" (a word) shared one key.
pub fn type_key(word: &str, kind: TokenKind) -> u64 {
    hash_bytes(mix(kind as u64 + 1), word.as_bytes())
}

/// Murmur3's 64-bit finalizer: every input bit affects every output bit.
pub fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Combines a template id with one or two hashes into a feature key.
pub fn key(template: Template, a: u64, b: u64) -> u64 {
    mix(a ^ b.rotate_left(23) ^ ((template as u64) << 56 | 0x5bd1_e995))
}

/// Feature templates. The numbers are part of the model format: never renumber.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Template {
    /// The word as written.
    Word = 1,
    /// The lower-cased word.
    Lower = 2,
    /// The shape, runs cut at four ("Xxxxx").
    Shape = 3,
    /// The shape with runs collapsed ("Xx").
    ShortShape = 4,
    /// A 2- or 3-char prefix of the lower-cased word.
    Prefix = 5,
    /// A 2- to 4-char suffix of the lower-cased word.
    Suffix = 6,
    /// The padding "word" before the sentence start or after its end.
    Pad = 7,
    /// Short shape of the first token of a sentence.
    SentenceStart = 8,
    /// Lower-cased first word of a sentence.
    SentenceStartWord = 9,
    /// Sentence style with the short shape.
    Style = 10,
    /// A gazetteer hit: category, role, relative position, case.
    Gazetteer = 11,
    /// Previous word with this short shape.
    PrevWordShape = 12,
    /// This short shape with the next word.
    ShapeNextWord = 13,
    /// Present for every word: a per-position prior.
    Bias = 14,
}

/// A word cut to at most [`MAX_WORD`] bytes on a char boundary.
fn bounded(word: &str) -> &str {
    if word.len() <= MAX_WORD {
        return word;
    }
    let mut end = MAX_WORD;
    while !word.is_char_boundary(end) {
        end -= 1;
    }
    &word[..end]
}

/// Lower-cases `word` into `buf`, returning the bytes written (stops when full).
fn lower_into<'b>(word: &str, buf: &'b mut [u8; MAX_WORD * 2]) -> &'b [u8] {
    let mut n = 0;
    if word.is_ascii() {
        for (dst, b) in buf.iter_mut().zip(word.bytes()) {
            *dst = b.to_ascii_lowercase();
        }
        return &buf[..word.len()];
    }
    for c in word.chars() {
        for l in c.to_lowercase() {
            if n + l.len_utf8() > buf.len() {
                return &buf[..n];
            }
            n += l.encode_utf8(&mut buf[n..]).len();
        }
    }
    &buf[..n]
}

/// Hash of the lower-cased word, the same value as [`TypeInfo::lower`].
pub fn lower_into_hash(word: &str) -> u64 {
    let mut buf = [0u8; MAX_WORD * 2];
    hash_bytes(0, lower_into(bounded(word), &mut buf))
}

/// Writes the shape of `word` ("Kyiv" → "Xxxx", "U.S." → "X.X.", "2025" → "dddd"),
/// runs longer than four collapsed, into `long`; the same with every run
/// collapsed to one ("Xx", "X.X.", "d") into `short`. Returns both lengths.
fn shapes(word: &str, long: &mut [u8; 16], short: &mut [u8; 16]) -> (usize, usize) {
    let (mut nl, mut ns) = (0, 0);
    let (mut prev, mut run) = (0u8, 0usize);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            b'X'
        } else if c.is_lowercase() {
            b'x'
        } else if c.is_ascii_digit() || c.is_numeric() {
            b'd'
        } else if c.is_ascii() {
            c as u8
        } else if c.is_alphabetic() {
            b'a' // scripts without case
        } else {
            b'o'
        };
        if s == prev {
            run += 1;
        } else {
            run = 1;
            prev = s;
            if ns < short.len() {
                short[ns] = s;
                ns += 1;
            }
        }
        if run <= 4 && nl < long.len() {
            long[nl] = s;
            nl += 1;
        }
    }
    (nl, ns)
}

/// True when `word` is one of `words` (lower case), ignoring ASCII case: the
/// repairs' and the context rules' closed word lists.
pub fn is_one_of(word: &str, words: &[&str]) -> bool {
    words.iter().any(|w| w.eq_ignore_ascii_case(word))
}

/// The case pattern of `word`.
pub fn case_of(word: &str) -> Case {
    // ASCII words (nearly all of them in news) are classified byte by byte: the
    // char methods below give the same answers there but cost 3x more, and the
    // repairs ask for the case of every token (42 M of 776 M instructions).
    if word.is_ascii() {
        let letters = word.bytes().filter(u8::is_ascii_alphabetic);
        case_of_letters(letters.map(|b| (b.is_ascii_uppercase(), b.is_ascii_lowercase())))
    } else {
        let letters = word.chars().filter(|c| c.is_alphabetic());
        case_of_letters(letters.map(|c| (c.is_uppercase(), c.is_lowercase())))
    }
}

/// [`case_of`] from `(upper, lower)` flags of a word's letters.
#[inline(always)]
fn case_of_letters(mut letters: impl Iterator<Item = (bool, bool)>) -> Case {
    let Some((first_upper, first_lower)) = letters.next() else {
        return Case::None;
    };
    let (mut upper, mut lower, mut count) = (0, 0, 1);
    for (u, l) in letters {
        count += 1;
        upper += usize::from(u);
        lower += usize::from(l);
    }
    if first_upper {
        if lower == 0 && count >= 2 {
            Case::Upper
        } else {
            Case::Title
        }
    } else if upper > 0 {
        Case::Mixed
    } else if first_lower {
        Case::Lower
    } else {
        Case::None // caseless scripts
    }
}

/// Appends the type feature keys of `word` to `keys` and returns its [`TypeInfo`].
pub fn type_features(word: &str, kind: TokenKind, keys: &mut Vec<u64>) -> TypeInfo {
    let word = bounded(word);
    let mut lower_buf = [0u8; MAX_WORD * 2];
    let lower = lower_into(word, &mut lower_buf);
    let (mut long, mut short) = ([0u8; 16], [0u8; 16]);
    let (nl, ns) = shapes(word, &mut long, &mut short);

    let lower_hash = hash_bytes(0, lower);
    let short_hash = hash_bytes(1, &short[..ns]);
    keys.push(key(Template::Bias, 0, 0));
    keys.push(key(Template::Word, hash_bytes(0, word.as_bytes()), 0));
    keys.push(key(Template::Lower, lower_hash, 0));
    keys.push(key(Template::Shape, hash_bytes(1, &long[..nl]), 0));
    keys.push(key(Template::ShortShape, short_hash, 0));
    // Affixes of the lower-cased word, by chars; only for words long enough that the
    // affix is not the whole word (the word features already cover that).
    if kind == TokenKind::Word {
        let lower_str = std::str::from_utf8(lower).unwrap_or("");
        let chars = lower_str.chars().count();
        for n in 2..=3 {
            if chars > n {
                let end = lower_str
                    .char_indices()
                    .nth(n)
                    .map_or(lower.len(), |(i, _)| i);
                keys.push(key(
                    Template::Prefix,
                    hash_bytes(n as u64, &lower[..end]),
                    0,
                ));
            }
        }
        for n in 2..=4 {
            if chars > n {
                let start = lower_str
                    .char_indices()
                    .rev()
                    .nth(n - 1)
                    .map_or(0, |(i, _)| i);
                keys.push(key(
                    Template::Suffix,
                    hash_bytes(n as u64, &lower[start..]),
                    0,
                ));
            }
        }
    }
    let case = case_of(word);
    let alphabetic = kind == TokenKind::Word
        && word
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, '.' | '\'' | '’' | '&'));
    TypeInfo {
        lower: lower_hash,
        short_shape: short_hash,
        case,
        alphabetic,
    }
}

/// The keys of the padding pseudo-word standing at relative position `offset`
/// outside the sentence (negative: before its start).
pub fn pad_key(before: bool) -> u64 {
    key(Template::Pad, u64::from(before), 0)
}

/// The writing style of a sentence, a strong cue for how much capitals mean.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Style {
    /// Ordinary prose.
    Prose = 0,
    /// Most words capitalized: headlines, titles.
    Headline = 1,
    /// Every word upper case.
    Shouting = 2,
    /// No capitals at all: chat, social media.
    Unicased = 3,
}

/// Classifies a sentence by the case of its words.
pub fn style_of(infos: &[TypeInfo], kinds: impl Iterator<Item = TokenKind>) -> Style {
    let (mut words, mut lower, mut upper, mut capitalized) = (0, 0, 0, 0);
    for (info, kind) in infos.iter().zip(kinds) {
        if kind != TokenKind::Word || info.case == Case::None {
            continue;
        }
        words += 1;
        match info.case {
            Case::Lower => lower += 1,
            Case::Upper => upper += 1,
            _ => capitalized += 1,
        }
    }
    if words < 3 {
        Style::Prose
    } else if upper == words {
        Style::Shouting
    } else if lower == words {
        Style::Unicased
    } else if (capitalized + upper) * 10 >= words * 7 {
        Style::Headline
    } else {
        Style::Prose
    }
}

/// Per-token facts the token features are built from, for one sentence.
pub struct SentenceView<'a> {
    /// Type facts per token.
    pub infos: &'a [TypeInfo],
    /// Gazetteer match bits per token (see [`Match`]).
    pub gazetteer: &'a [Match],
    /// The sentence's style.
    pub style: Style,
}

/// Appends the token feature keys of token `i` of the sentence.
pub fn token_features(view: &SentenceView<'_>, i: usize, keys: &mut Vec<u64>) {
    let info = view.infos[i];
    let n = view.infos.len();
    if i == 0 {
        keys.push(key(Template::SentenceStart, info.short_shape, 0));
        keys.push(key(Template::SentenceStartWord, info.lower, 0));
    }
    if view.style != Style::Prose {
        keys.push(key(Template::Style, view.style as u64, info.short_shape));
    }
    // Gazetteer matches of this token and its neighbours, with the case of the
    // token (a lower-case "china" or "may" is weak evidence).
    let lo = i.saturating_sub(1);
    let hi = (i + 1).min(n - 1);
    for j in lo..=hi {
        let bits = view.gazetteer[j].bits();
        if bits == 0 {
            continue;
        }
        let rel = (j + 1 - i) as u64; // 0, 1, 2 for −1, 0, +1
        let capital = u64::from(matches!(view.infos[j].case, Case::Title | Case::Upper));
        for c in 0..CATEGORIES {
            let role = (bits >> (2 * c)) & 3;
            if role != 0 {
                let what = (c as u64) << 8 | (role as u64) << 4 | rel << 1 | capital;
                keys.push(key(Template::Gazetteer, what, 0));
            }
        }
    }
}

/// Fills `infos` and `type_keys` (flattened, with `offsets[i]..offsets[i+1]` the
/// keys of token `i`) for a run of tokens. Used by the trainer, which keeps every
/// key; the tagger caches per type instead.
pub fn all_type_features(
    text: &str,
    tokens: &[Token],
    infos: &mut Vec<TypeInfo>,
    keys: &mut Vec<u64>,
    offsets: &mut Vec<u32>,
) {
    offsets.push(keys.len() as u32);
    for t in tokens {
        infos.push(type_features(t.text(text), t.kind, keys));
        offsets.push(keys.len() as u32);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_pair(word: &str) -> (String, String) {
        let (mut l, mut s) = ([0u8; 16], [0u8; 16]);
        let (nl, ns) = shapes(word, &mut l, &mut s);
        (
            String::from_utf8(l[..nl].to_vec()).unwrap(),
            String::from_utf8(s[..ns].to_vec()).unwrap(),
        )
    }

    #[test]
    fn shapes_collapse_runs() {
        assert_eq!(shape_pair("Kyiv"), ("Xxxx".into(), "Xx".into()));
        assert_eq!(shape_pair("Zelenskiy"), ("Xxxxx".into(), "Xx".into()));
        assert_eq!(shape_pair("U.S."), ("X.X.".into(), "X.X.".into()));
        assert_eq!(shape_pair("2025"), ("dddd".into(), "d".into()));
        assert_eq!(shape_pair("Ñandú"), ("Xxxxx".into(), "Xx".into()));
        assert_eq!(shape_pair("北京"), ("aa".into(), "a".into()));
        assert_eq!(shape_pair("🙂"), ("o".into(), "o".into()));
    }

    #[test]
    fn case_patterns() {
        assert_eq!(case_of("said"), Case::Lower);
        assert_eq!(case_of("Kyiv"), Case::Title);
        assert_eq!(case_of("NATO"), Case::Upper);
        assert_eq!(case_of("U.S."), Case::Upper);
        assert_eq!(case_of("I"), Case::Title);
        assert_eq!(case_of("eBay"), Case::Mixed);
        assert_eq!(case_of("2025"), Case::None);
        assert_eq!(case_of(""), Case::None);
        // The ASCII path and the char path agree.
        assert_eq!(case_of("Kyiv\u{e9}"), Case::Title);
        assert_eq!(case_of("\u{c9}TAT"), Case::Upper);
        assert_eq!(case_of("i\u{c9}"), Case::Mixed);
        assert_eq!(case_of("\u{e9}t\u{e9}"), Case::Lower);
        assert_eq!(case_of("\u{5317}\u{4eac}"), Case::None);
        assert_eq!(case_of("'s"), Case::Lower);
        assert_eq!(case_of("H5N1"), Case::Upper);
        let by_chars = |w: &str| {
            let letters = w.chars().filter(|c| c.is_alphabetic());
            case_of_letters(letters.map(|c| (c.is_uppercase(), c.is_lowercase())))
        };
        let alphabet = ["a", "Z", ".", "1", "'", "-", "q", "M"];
        let mut words = vec![String::new()];
        for _ in 0..3 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| alphabet.iter().map(move |c| format!("{w}{c}")))
                .collect();
            words.extend(longer);
        }
        for w in &words {
            assert_eq!(case_of(w), by_chars(w), "{w:?}");
        }
    }

    #[test]
    fn features_ignore_nothing_but_length_past_the_bound() {
        let mut a = Vec::new();
        let mut b = Vec::new();
        let long = "x".repeat(500);
        let info = type_features(&long, TokenKind::Word, &mut a);
        type_features(&long[..MAX_WORD], TokenKind::Word, &mut b);
        assert_eq!(a, b);
        assert_eq!(info.case, Case::Lower);
        // Multi-byte characters at the cut do not panic.
        let wide = "é".repeat(100);
        type_features(&wide, TokenKind::Word, &mut a);
    }

    #[test]
    fn lower_case_variants_share_the_lower_key() {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let x = type_features("Kyiv", TokenKind::Word, &mut a);
        let y = type_features("KYIV", TokenKind::Word, &mut b);
        assert_eq!(x.lower, y.lower);
        assert_ne!(a[1], b[1]); // exact word differs
        assert_eq!(a[2], b[2]); // lower-case word agrees
    }

    #[test]
    fn styles() {
        let infos = |words: &[&str]| -> Vec<TypeInfo> {
            words
                .iter()
                .map(|w| type_features(w, TokenKind::Word, &mut Vec::new()))
                .collect()
        };
        let style = |words: &[&str]| style_of(&infos(words), words.iter().map(|_| TokenKind::Word));
        assert_eq!(style(&["Putin", "said", "on", "Monday"]), Style::Prose);
        assert_eq!(style(&["Putin", "Says", "Talks", "Over"]), Style::Headline);
        assert_eq!(style(&["PUTIN", "SAYS", "TALKS"]), Style::Shouting);
        assert_eq!(style(&["putin", "says", "talks"]), Style::Unicased);
        assert_eq!(style(&[]), Style::Prose);
    }

    #[test]
    fn hashes_differ_by_length_and_seed() {
        assert_ne!(hash_bytes(0, b"a"), hash_bytes(0, b"a\0"));
        assert_ne!(hash_bytes(0, b"abc"), hash_bytes(1, b"abc"));
        assert_eq!(hash_bytes(0, b"abcdefghij"), hash_bytes(0, b"abcdefghij"));
    }
}
