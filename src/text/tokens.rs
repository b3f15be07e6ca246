//! Tokenizer for news text: splits on whitespace, then peels punctuation off the
//! ends of each chunk and splits it inside where a linguist would.
//!
//! Conventions (Penn Treebank / OntoNotes, as spaCy's English tokenizer):
//! - abbreviations keep their period: `U.S.`, `Mr.`, `Jan.`, initials `W.`;
//! - numbers keep separators and decimals: `11,000`, `3.5`, `1,048,575`, `15:00`,
//!   ISO dates `2025-01-24`; currency symbols and `%` are their own tokens
//!   (`$` `3.5`, `7.6` `%`); a unit written flush splits off (`3` `bn`, `5` `km`);
//! - hyphens between word characters are their own tokens, so `Russia-Ukraine` is
//!   `Russia` `-` `Ukraine` and the parts are recoverable from offsets;
//! - clitics split: `Russia` `'s`, `do` `n't`, `James` `'`;
//! - URLs, e-mail addresses, @handles and #hashtags stay whole;
//! - every emoji (including ZWJ sequences, flags and skin tones) is one token, and so
//!   is every CJK ideograph or kana; combining marks stay with their base letter.
//!
//! Offsets are UTF-8 bytes (`u32`, so a token is 12 bytes; measured: a `&str` per
//! token doubled the token list of a 10 MB text). Whitespace, including NBSP,
//! zero-width space, BOM and control characters, separates tokens and belongs to
//! no token; the gap between one token's end and the next one's start is its
//! trailing whitespace, so the text is rebuilt exactly from offsets.

use super::lexicon;
use unicode_segmentation::UnicodeSegmentation;

/// One token: a byte range of the document text and what kind of thing it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Token {
    /// Byte offset of the first byte.
    pub start: u32,
    /// Byte offset just past the last byte.
    pub end: u32,
    /// Coarse class of the token.
    pub kind: TokenKind,
}

impl Token {
    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The token's text.
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.range()]
    }
}

/// Coarse token classes, decided once by the tokenizer so later stages need not re-scan.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Starts with a letter (or is an @handle / #hashtag): `Kyiv`, `U.S.`, `'s`, `H5N1`.
    Word,
    /// Starts with a digit, or a sign or point before one: `11,000`, `3.5`, `21st`, `-4`.
    Number,
    /// Punctuation: `.`, `,`, `"`, `(`, `-`, `...`.
    Punct,
    /// Anything else: currency and math symbols, `%`, `°C`, emoji.
    Symbol,
    /// A CJK ideograph or kana, one per token.
    Ideograph,
    /// `https://…`, `www.…`.
    Url,
    /// `name@example.org`.
    Email,
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    tokenize_into(text, &mut tokens);
    tokens
}

/// Like [`tokenize`], appending to a reused buffer (cleared first).
///
/// # Panics
/// If the text is 4 GiB or longer; offsets are `u32`.
pub fn tokenize_into(text: &str, tokens: &mut Vec<Token>) {
    assert!(
        text.len() <= u32::MAX as usize,
        "text is shorter than 4 GiB"
    );
    tokens.clear();
    let mut chunker = Chunker::default();
    let mut pos = 0;
    while let Some((start, end)) = next_chunk(text, pos) {
        pos = end;
        if split_plain_word(text, start, end, tokens) {
            continue;
        }
        // Only a period consults the next word (is it an abbreviation?), so look it up
        // only then: scanning ahead for every chunk cost 13% of tokenizing (callgrind).
        let next_word = if text.as_bytes()[start..end].contains(&b'.') {
            next_word_on_line(text, end)
        } else {
            None
        };
        if split_simple_chunk(text, start, end, next_word, tokens) {
            continue;
        }
        chunker.split(text, start, end, next_word, tokens);
    }
}

/// The next most common chunks: ASCII words joined by hyphens, maybe with a
/// possessive `'s`, maybe with one `,` `;` `:` or a period that ends a sentence
/// ("Burma.", "state-run,", "Iraq's", "al-Maliki's."). The general rules split
/// them the same way (tested below): a token per word and per hyphen, `'s` on its
/// own, the punctuation on its own unless [`lexicon::keeps_period`] keeps the
/// period (then the rules decide). Measured on the benchmark corpus: 58% of the
/// chunks the plain-word path leaves.
fn split_simple_chunk(
    text: &str,
    start: usize,
    end: usize,
    next: Option<&str>,
    out: &mut Vec<Token>,
) -> bool {
    let bytes = &text.as_bytes()[start..end];
    let (&last, init) = bytes.split_last().expect("chunks are non-empty");
    let punct = matches!(last, b',' | b';' | b':' | b'.');
    let body = if punct { init } else { bytes };
    let (words, clitic) = match body {
        [words @ .., b'\'', b's' | b'S'] => (words, true),
        _ => (body, false),
    };
    // Words of letters joined by single hyphens.
    let well_formed = !words.is_empty()
        && words[0] != b'-'
        && words[words.len() - 1] != b'-'
        && !words.windows(2).any(|w| w == b"--")
        && words.iter().all(|&b| b.is_ascii_alphabetic() || b == b'-');
    if !well_formed || last == b'.' && lexicon::keeps_period(&text[start..end - 1], next) {
        return false;
    }
    // Offsets fit u32: `tokenize_into` checked the text's length.
    let mut from = start;
    for part in words.split(|&b| b == b'-') {
        if from > start {
            out.push(Token {
                start: from as u32 - 1,
                end: from as u32,
                kind: TokenKind::Punct,
            });
        }
        out.push(Token {
            start: from as u32,
            end: (from + part.len()) as u32,
            kind: TokenKind::Word,
        });
        from += part.len() + 1;
    }
    let words_end = start + words.len();
    if clitic {
        out.push(Token {
            start: words_end as u32,
            end: words_end as u32 + 2,
            kind: TokenKind::Word,
        });
    }
    if punct {
        out.push(Token {
            start: end as u32 - 1,
            end: end as u32,
            kind: TokenKind::Punct,
        });
    }
    true
}

/// The common case, taken without the general machinery: a chunk of ASCII letters,
/// optionally followed by one `,` `;` or `:`, is a word (plus that punctuation
/// token). The general rules give exactly the same tokens (tested below), but build
/// one grapheme unit per byte and try URL, e-mail and clitic rules first. Measured
/// on the benchmark corpus (bench/README.md): 89% of chunks take this path, and
/// tokenizing costs 2.6x fewer instructions (callgrind) than before it.
///
/// A chunk of ASCII digits with one `,` `;` `:` or `.` after it is a number (plus
/// that punctuation) the same way: 11% of the chunks the letters path leaves.
fn split_plain_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) -> bool {
    let bytes = &text.as_bytes()[start..end];
    let (last, word) = bytes.split_last().expect("chunks are non-empty");
    let digits = bytes[0].is_ascii_digit();
    let punct = matches!(last, b',' | b';' | b':') || digits && *last == b'.';
    let body = if punct { word } else { bytes };
    let plain = if digits {
        body.iter().all(u8::is_ascii_digit)
    } else {
        body.iter().all(u8::is_ascii_alphabetic)
    };
    if body.is_empty() || !plain {
        return false;
    }
    // Offsets fit u32: `tokenize_into` checked the text's length.
    let word_end = (start + body.len()) as u32;
    out.push(Token {
        start: start as u32,
        end: word_end,
        kind: if digits {
            TokenKind::Number
        } else {
            TokenKind::Word
        },
    });
    if punct {
        out.push(Token {
            start: word_end,
            end: end as u32,
            kind: TokenKind::Punct,
        });
    }
    true
}

/// Returns true for characters that separate tokens: Unicode whitespace, the
/// invisible format characters that act like it, and control characters.
pub fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{200B}' | '\u{2060}' | '\u{FEFF}' | '\u{FFFE}' | '\u{180E}'
        )
}

fn next_chunk(text: &str, from: usize) -> Option<(usize, usize)> {
    let start = skip_separators(text, from);
    if start >= text.len() {
        return None;
    }
    let bytes = text.as_bytes();
    let mut end = start;
    loop {
        end = printable_ascii_end(bytes, end);
        // A space or control character ends the chunk; a non-ASCII character
        // ends it when it is a separator.
        match bytes.get(end) {
            Some(&b) if b >= 0x80 => {
                let c = text[end..].chars().next().expect("char boundary");
                if is_separator(c) {
                    break;
                }
                end += c.len_utf8();
            }
            _ => break,
        }
    }
    Some((start, end))
}

/// The first index from `from` on whose byte is not printable ASCII (a space,
/// a control character or part of a non-ASCII character), or the length.
/// Eight bytes are tested at a time: chunk scanning was a third of tokenizing
/// (callgrind), at six instructions a byte.
fn printable_ascii_end(bytes: &[u8], mut from: usize) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = bytes.get(from..from + 8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        // High bit of a byte set when it is below 0x21 (borrows only run upward,
        // so the lowest flagged byte is right), or when it is 0x7F or above.
        let below = x.wrapping_sub(ONES * 0x21) & !x & HIGH;
        let above = (((x & !HIGH) + ONES) | x) & HIGH;
        let stop = below | above;
        if stop != 0 {
            return from + (stop.trailing_zeros() / 8) as usize;
        }
        from += 8;
    }
    while bytes.get(from).is_some_and(|&b| b > b' ' && b < 0x7F) {
        from += 1;
    }
    from
}

fn skip_separators(text: &str, mut pos: usize) -> usize {
    let bytes = text.as_bytes();
    while pos < bytes.len() {
        let b = bytes[pos];
        if b < 0x80 {
            if b > b' ' && b != 0x7F {
                break;
            }
            pos += 1;
        } else {
            let c = text[pos..].chars().next().expect("char boundary");
            if !is_separator(c) {
                break;
            }
            pos += c.len_utf8();
        }
    }
    pos
}

/// The next whitespace-delimited word if it is on the same line, for deciding
/// whether a period belongs to an abbreviation.
fn next_word_on_line(text: &str, from: usize) -> Option<&str> {
    let gap_end = skip_separators(text, from);
    if text[from..gap_end].contains(['\n', '\r', '\u{2028}', '\u{2029}']) {
        return None;
    }
    next_chunk(text, gap_end).map(|(s, e)| &text[s..e])
}

/// What a grapheme cluster inside a chunk is, for splitting decisions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Class {
    /// Letters (with their combining marks) and non-ASCII digits.
    Alpha,
    /// ASCII digits.
    Digit,
    /// CJK ideographs and kana: each one is a token.
    Ideo,
    /// Punctuation; the char is kept for the rules.
    Punct(char),
    /// Everything else: symbols, emoji.
    Symbol,
}

/// One grapheme cluster of the chunk being split: `start..end` relative to the chunk.
#[derive(Clone, Copy, Debug)]
struct Unit {
    start: u32,
    end: u32,
    class: Class,
}

/// Splits chunks into tokens, reusing its scratch buffers between chunks.
#[derive(Default)]
struct Chunker {
    units: Vec<Unit>,
    suffixes: Vec<Token>,
}

impl Chunker {
    fn split(
        &mut self,
        text: &str,
        start: usize,
        end: usize,
        next: Option<&str>,
        out: &mut Vec<Token>,
    ) {
        let chunk = &text[start..end];
        self.fill_units(chunk);
        let base = start as u32;
        let units = std::mem::take(&mut self.units);
        let mut lo = 0;
        let mut hi = units.len();

        // Prefixes: opening punctuation, currency, symbols.
        while hi - lo > 1 {
            if let Some(n) = whole_token_at(chunk, &units[lo..hi]) {
                emit(out, chunk, base, &units[lo..lo + n]);
                lo += n;
                continue;
            }
            let n = prefix_len(chunk, &units[lo..hi]);
            if n == 0 {
                break;
            }
            emit(out, chunk, base, &units[lo..lo + n]);
            lo += n;
        }

        // Suffixes, collected back to front.
        self.suffixes.clear();
        while hi - lo > 1 {
            if whole_token_at(chunk, &units[lo..hi]) == Some(hi - lo) {
                break;
            }
            let n = suffix_len(chunk, &units[lo..hi], next);
            if n == 0 {
                break;
            }
            self.suffixes
                .push(token_of(chunk, base, &units[hi - n..hi]));
            hi -= n;
        }

        split_inside(chunk, base, &units[lo..hi], out);
        out.extend(self.suffixes.drain(..).rev());
        self.units = units;
    }

    fn fill_units(&mut self, chunk: &str) {
        self.units.clear();
        if chunk.is_ascii() {
            for (i, b) in chunk.bytes().enumerate() {
                let class = match b {
                    b'0'..=b'9' => Class::Digit,
                    b'a'..=b'z' | b'A'..=b'Z' => Class::Alpha,
                    _ => Class::Punct(b as char),
                };
                self.units.push(Unit {
                    start: i as u32,
                    end: i as u32 + 1,
                    class,
                });
            }
            return;
        }
        for (i, g) in chunk.grapheme_indices(true) {
            let c = g.chars().next().expect("graphemes are non-empty");
            // A dangling combining mark (after a separator) still counts as a letter part.
            let class = classify(c, g);
            self.units.push(Unit {
                start: i as u32,
                end: (i + g.len()) as u32,
                class,
            });
        }
    }
}

fn classify(c: char, grapheme: &str) -> Class {
    if c.is_ascii_digit() {
        Class::Digit
    } else if is_ideograph(c) {
        Class::Ideo
    } else if c.is_alphanumeric() || (grapheme.len() == c.len_utf8() && is_combining(c)) {
        Class::Alpha
    } else if c.is_ascii_punctuation() || is_unicode_punct(c) {
        Class::Punct(c)
    } else {
        Class::Symbol
    }
}

fn is_ideograph(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x31F0..=0x31FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF |
        0xF900..=0xFAFF | 0xFF66..=0xFF9F | 0x20000..=0x3134F)
}

fn is_combining(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

fn is_unicode_punct(c: char) -> bool {
    matches!(c,
        '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{3001}'..='\u{3003}' |
        '\u{3008}'..='\u{3011}' | '\u{3014}'..='\u{301F}' | '\u{FF01}'..='\u{FF0F}' |
        '\u{FF1A}'..='\u{FF1F}' | '«' | '»' | '¡' | '¿' | '§' | '¶' | '·' | '\u{2E00}'..='\u{2E4F}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '\u{2012}'..='\u{2015}')
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '\u{2019}'
}

fn is_word(class: Class) -> bool {
    matches!(class, Class::Alpha | Class::Digit)
}

fn punct_at(units: &[Unit], i: usize) -> Option<char> {
    match units.get(i)?.class {
        Class::Punct(c) => Some(c),
        _ => None,
    }
}

/// True when the chunk starts with an apostrophe and exactly two digits ("'90s",
/// "'05"), not a longer number ("'250,000", "'3.5").
fn elides_century(units: &[Unit]) -> bool {
    is_digit_at(units, 1)
        && is_digit_at(units, 2)
        && !is_digit_at(units, 3)
        && !(matches!(punct_at(units, 3), Some(',' | '.')) && is_digit_at(units, 4))
}

fn is_digit_at(units: &[Unit], i: usize) -> bool {
    units.get(i).is_some_and(|u| u.class == Class::Digit)
}

fn emit(out: &mut Vec<Token>, chunk: &str, base: u32, units: &[Unit]) {
    out.push(token_of(chunk, base, units));
}

fn token_of(chunk: &str, base: u32, units: &[Unit]) -> Token {
    let (first, last) = (units[0], units[units.len() - 1]);
    let text = &chunk[first.start as usize..last.end as usize];
    Token {
        start: base + first.start,
        end: base + last.end,
        kind: kind_of(text, first.class),
    }
}

fn kind_of(text: &str, first: Class) -> TokenKind {
    let b = text.as_bytes();
    match first {
        Class::Digit => TokenKind::Number,
        Class::Alpha => {
            if is_email(text) {
                TokenKind::Email
            } else if url_len(text) == Some(text.len()) {
                TokenKind::Url
            } else {
                TokenKind::Word
            }
        }
        Class::Ideo => TokenKind::Ideograph,
        Class::Symbol => {
            if b.len() > 1 && text.chars().nth(1).is_some_and(|c| c.is_ascii_digit()) {
                TokenKind::Number // "−5"
            } else {
                TokenKind::Symbol
            }
        }
        Class::Punct(c) => match c {
            '.' | '-' | '+' if b.len() > 1 && b[1].is_ascii_digit() => TokenKind::Number,
            '@' | '#' if b.len() > 1 => TokenKind::Word,
            '\'' | '\u{2019}'
                if b.len() > 1
                    && text[c.len_utf8()..].starts_with(|c: char| c.is_alphanumeric()) =>
            {
                if text[c.len_utf8()..].starts_with(|c: char| c.is_ascii_digit()) {
                    TokenKind::Number // '90s
                } else {
                    TokenKind::Word // 's, 're
                }
            }
            '$' | '%' | '&' | '*' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '`' => {
                TokenKind::Symbol
            }
            _ => TokenKind::Punct,
        },
    }
}

/// Tokens recognized on the whole remaining chunk: URLs and e-mail addresses,
/// returning how many units they cover (trailing punctuation excluded).
fn whole_token_at(chunk: &str, units: &[Unit]) -> Option<usize> {
    let first = units[0];
    if first.class != Class::Alpha {
        return None;
    }
    let rest = &chunk[first.start as usize..units[units.len() - 1].end as usize];
    let len = match url_len(rest) {
        Some(len) => len,
        None if rest.contains('@') => email_len(rest)?,
        None => return None,
    };
    let end = first.start as usize + len;
    Some(units.iter().take_while(|u| (u.end as usize) <= end).count())
}

/// Length of a URL at the start of `s`, without trailing sentence punctuation.
fn url_len(s: &str) -> Option<usize> {
    let lower_starts =
        |p: &str| s.len() > p.len() && s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p));
    if !(lower_starts("http://")
        || lower_starts("https://")
        || lower_starts("ftp://")
        || lower_starts("www."))
    {
        return None;
    }
    let opens = s.matches('(').count();
    let mut len = s.len();
    let mut closes = s.matches(')').count();
    while let Some(c) = s[..len].chars().next_back() {
        let trailing = matches!(
            c,
            '.' | ',' | ';' | ':' | '!' | '?' | '\'' | '"' | ']' | '}' | '>' | '”' | '’' | '»'
        ) || (c == ')' && closes > opens);
        if !trailing {
            break;
        }
        if c == ')' {
            closes -= 1;
        }
        len -= c.len_utf8();
    }
    let min = s.find("//").map_or(4, |i| i + 3);
    (len > min).then_some(len)
}

fn email_len(s: &str) -> Option<usize> {
    let len = s.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
    is_email(&s[..len]).then_some(len)
}

fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let ok = |c: char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '+');
    !local.is_empty()
        && local.chars().all(ok)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && domain
            .rsplit('.')
            .next()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
}

/// Currencies written as letters and a dollar sign before the amount: "US$5", "HK$3".
const DOLLAR_PREFIXES: &[&str] = &["A", "AU", "C", "CA", "HK", "NT", "NZ", "R", "S", "SG", "US"];

/// How many units at the front of `units` form one prefix token (0: none).
fn prefix_len(chunk: &str, units: &[Unit]) -> usize {
    let first = units[0];
    match first.class {
        Class::Punct(c) => {
            if let Some(n) = repeated_punct(units, 0) {
                return n;
            }
            let next = units.get(1).map(|u| u.class);
            let next_is_word = next.is_some_and(is_word);
            match c {
                '@' | '#' if next_is_word => 0,
                '.' | '-' | '+' if is_digit_at(units, 1) => 0,
                // '90s, '05: an apostrophe that elides a century, before exactly two
                // digits; before "250,000" it opens a quotation.
                '\'' | '\u{2019}' if elides_century(units) => 0,
                _ => 1,
            }
        }
        Class::Symbol if first.end - first.start > 1 || !is_digit_at(units, 1) => 1,
        Class::Symbol => {
            // "−5": a minus sign glued to its number; other symbols ("€5") split.
            let c = chunk[first.start as usize..].chars().next().unwrap_or(' ');
            usize::from(c != '\u{2212}')
        }
        Class::Ideo => 1,
        Class::Alpha => {
            // "US$5" → "US$" "5"
            let letters = units.iter().take_while(|u| u.class == Class::Alpha).count();
            let word = &chunk[first.start as usize..units[letters - 1].end as usize];
            let dollar = punct_at(units, letters) == Some('$') && is_digit_at(units, letters + 1);
            if dollar && DOLLAR_PREFIXES.contains(&word) {
                letters + 1
            } else {
                0
            }
        }
        Class::Digit => 0,
    }
}

/// "..." and "--" (and longer runs) are single tokens; returns the run's length.
fn repeated_punct(units: &[Unit], at: usize) -> Option<usize> {
    let c = punct_at(units, at)?;
    if c != '.' && c != '-' && c != '!' && c != '?' {
        return None;
    }
    let run = units[at..]
        .iter()
        .take_while(|u| u.class == Class::Punct(c))
        .count();
    let min = if c == '.' { 3 } else { 2 };
    (run >= min).then_some(run)
}

/// How many units at the back of `units` form one suffix token (0: none).
fn suffix_len(chunk: &str, units: &[Unit], next: Option<&str>) -> usize {
    let n = units.len();
    let last = units[n - 1];
    match last.class {
        Class::Punct(c) => {
            // A run of "..." / "!!" / "--" at the end is one token.
            let run = units
                .iter()
                .rev()
                .take_while(|u| u.class == Class::Punct(c))
                .count();
            if run > 1 && run < n && repeated_punct(units, n - run) == Some(run) {
                return run;
            }
            if c == '.' {
                let word = &chunk[units[0].start as usize..units[n - 2].end as usize];
                if units[n - 2].class == Class::Alpha && lexicon::keeps_period(word, next) {
                    return 0;
                }
            }
            1
        }
        Class::Symbol | Class::Ideo => 1,
        Class::Alpha => clitic_len(chunk, units),
        Class::Digit => 0,
    }
}

/// Length in units of a clitic at the end of a word: 's n't 'm 're 've 'll 'd.
fn clitic_len(chunk: &str, units: &[Unit]) -> usize {
    let n = units.len();
    let lower_at = |i: usize| -> Option<char> {
        let u = units.get(i)?;
        if u.class != Class::Alpha || u.end - u.start != 1 {
            return None;
        }
        Some(chunk.as_bytes()[u.start as usize].to_ascii_lowercase() as char)
    };
    let apostrophe_at = |i: usize| punct_at(units, i).is_some_and(is_apostrophe);
    // 's 'm 'd
    if n >= 3 && apostrophe_at(n - 2) && matches!(lower_at(n - 1), Some('s' | 'm' | 'd')) {
        return 2;
    }
    // 're 've 'll
    if n >= 4 && apostrophe_at(n - 3) {
        let pair = (lower_at(n - 2), lower_at(n - 1));
        if matches!(
            pair,
            (Some('r'), Some('e')) | (Some('v'), Some('e')) | (Some('l'), Some('l'))
        ) {
            return 3;
        }
    }
    // n't
    if n >= 4
        && apostrophe_at(n - 2)
        && lower_at(n - 1) == Some('t')
        && lower_at(n - 3) == Some('n')
    {
        return 3;
    }
    0
}

/// Splits what is left of a chunk after prefixes and suffixes.
fn split_inside(chunk: &str, base: u32, units: &[Unit], out: &mut Vec<Token>) {
    if units.is_empty() {
        return;
    }
    if is_iso_date(chunk, units) {
        emit(out, chunk, base, units);
        return;
    }
    let mut start = 0;
    let mut i = 0;
    while i < units.len() {
        let u = units[i];
        // Symbols and ideographs are tokens of their own ("°C" stays together).
        if matches!(u.class, Class::Symbol | Class::Ideo) {
            let n = if is_degree_unit(chunk, units, i) {
                2
            } else {
                1
            };
            flush(out, chunk, base, units, start, i);
            emit(out, chunk, base, &units[i..i + n]);
            i += n;
            start = i;
            continue;
        }
        if let Class::Punct(c) = u.class {
            if let Some(n) = repeated_punct(units, i).filter(|_| i > start) {
                flush(out, chunk, base, units, start, i);
                emit(out, chunk, base, &units[i..i + n]);
                i += n;
                start = i;
                continue;
            }
            if splits_inside(chunk, units, start, i, c) {
                flush(out, chunk, base, units, start, i);
                emit(out, chunk, base, &units[i..i + 1]);
                i += 1;
                start = i;
                continue;
            }
        }
        // "3bn" → "3" "bn": a unit written flush against a number.
        if u.class == Class::Alpha && i > start && units[i - 1].class == Class::Digit {
            let letters = units[i..]
                .iter()
                .take_while(|u| u.class == Class::Alpha)
                .count();
            let at_end =
                i + letters == units.len() || matches!(units[i + letters].class, Class::Punct(_));
            let suffix = &chunk[u.start as usize..units[i + letters - 1].end as usize];
            if at_end && lexicon::is_unit_suffix(suffix) {
                flush(out, chunk, base, units, start, i);
                start = i;
            }
        }
        i += 1;
    }
    flush(out, chunk, base, units, start, units.len());
}

fn flush(out: &mut Vec<Token>, chunk: &str, base: u32, units: &[Unit], from: usize, to: usize) {
    if from < to {
        emit(out, chunk, base, &units[from..to]);
    }
}

/// Whether punctuation `c` at unit `i` (inside a token begun at `start`) splits it.
fn splits_inside(chunk: &str, units: &[Unit], start: usize, i: usize, c: char) -> bool {
    let prev = if i > start {
        Some(units[i - 1].class)
    } else {
        None
    };
    let next = units.get(i + 1).map(|u| u.class);
    let word_before = prev.is_some_and(is_word);
    let word_after = next.is_some_and(is_word);
    let digits_around = prev == Some(Class::Digit) && next == Some(Class::Digit);
    match c {
        // Hyphens between word characters are tokens: "Russia-Ukraine", "forty-five".
        '-' | '\u{2010}' | '\u{2011}' => word_before && word_after,
        // Separators inside numbers: "11,000", "3.5", "15:00"; "." also in "U.S" and domains.
        ',' | ':' => !digits_around,
        '.' => false,
        '\'' | '\u{2019}' => !(word_after && (word_before || i == start)),
        // "and/or" splits; "y/y", "km/h" and "24/7" stay whole.
        '/' => {
            let left = units[start..i]
                .iter()
                .rev()
                .take_while(|u| u.class == Class::Alpha)
                .count();
            let right = units[i + 1..]
                .iter()
                .take_while(|u| u.class == Class::Alpha)
                .count();
            left >= 2
                && right >= 2
                && !chunk[units[start].start as usize..units[i].start as usize].contains('/')
        }
        '&' | '_' | '@' | '+' | '#' | '*' => false,
        c if is_dash(c) => true,
        _ => true,
    }
}

/// "2025-01-24" (optionally with a time "T15:00") stays one token.
fn is_iso_date(chunk: &str, units: &[Unit]) -> bool {
    let s = &chunk[units[0].start as usize..units[units.len() - 1].end as usize];
    let b = s.as_bytes();
    b.len() >= 10
        && b[..4].iter().all(u8::is_ascii_digit)
        && b[4] == b'-'
        && b[5..7].iter().all(u8::is_ascii_digit)
        && b[7] == b'-'
        && b[8..10].iter().all(u8::is_ascii_digit)
        && (b.len() == 10 || b[10] == b'T')
}

fn is_degree_unit(chunk: &str, units: &[Unit], i: usize) -> bool {
    chunk[units[i].start as usize..].starts_with('°')
        && units.get(i + 1).is_some_and(|u| {
            let s = &chunk[u.start as usize..u.end as usize];
            (s == "C" || s == "F" || s == "K")
                && units
                    .get(i + 2)
                    .is_none_or(|u| !matches!(u.class, Class::Alpha | Class::Digit))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    /// The tokens the general rules give for one chunk, bypassing the fast path.
    fn general(chunk: &str) -> Vec<Token> {
        let mut out = Vec::new();
        Chunker::default().split(chunk, 0, chunk.len(), None, &mut out);
        out
    }

    #[test]
    fn plain_word_fast_path_agrees_with_the_general_rules() {
        for chunk in [
            "said", "said,", "Kyiv;", "a:", "I", "x,", "www", "http:", "ab",
        ] {
            let mut fast = Vec::new();
            assert!(
                split_plain_word(chunk, 0, chunk.len(), &mut fast),
                "{chunk}"
            );
            assert_eq!(fast, general(chunk), "{chunk}");
        }
        for chunk in [
            ",",
            "said.",
            "don't",
            "US$5",
            "a,b",
            "é",
            "3bn",
            "said,,",
            "x@y",
            "3.5",
            "11,000",
            "1990s",
            "2025-01-24",
            "5%",
            "3..",
            ".",
            "21st",
            "12:30",
            "3a",
        ] {
            assert!(
                !split_plain_word(chunk, 0, chunk.len(), &mut Vec::new()),
                "{chunk}"
            );
        }
        // Every word of up to 3 letters the clitic, unit, dollar-prefix and URL rules
        // look at, with each punctuation the fast path takes.
        let letters = [
            "a", "d", "l", "m", "n", "r", "s", "t", "v", "w", "I", "S", "U", "D", "h",
        ];
        let mut words: Vec<String> = letters.iter().map(|l| l.to_string()).collect();
        for _ in 0..2 {
            let longer: Vec<String> = words
                .iter()
                .flat_map(|w| letters.iter().map(move |l| format!("{w}{l}")))
                .collect();
            words.extend(longer);
        }
        // Digit runs (a year, a count, a day), with each punctuation they take.
        for number in ["0", "7", "12", "1990", "2025", "100000", "0123"] {
            for punct in ["", ",", ";", ":", "."] {
                let chunk = format!("{number}{punct}");
                let mut fast = Vec::new();
                assert!(split_plain_word(&chunk, 0, chunk.len(), &mut fast));
                assert_eq!(fast, general(&chunk), "{chunk}");
            }
        }
        for word in &words {
            for punct in ["", ",", ";", ":"] {
                let chunk = format!("{word}{punct}");
                let mut fast = Vec::new();
                assert!(split_plain_word(&chunk, 0, chunk.len(), &mut fast));
                assert_eq!(fast, general(&chunk), "{chunk}");
            }
        }
    }

    #[test]
    fn simple_chunk_fast_path_agrees_with_the_general_rules() {
        let words = [
            "said",
            "Burma",
            "A",
            "I",
            "a",
            "x",
            "U",
            "Mr",
            "mr",
            "Jan",
            "Dec",
            "St",
            "Inc",
            "No",
            "etc",
            "e",
            "www",
            "http",
            "Gen",
            "Sen",
            "vs",
            "p",
            "Co",
            "Ltd",
            "US",
            "S",
            "al-Maliki",
            "state-run",
            "e-mail",
            "a-b-c",
            "Non-Proliferation",
            "s",
            "n",
        ];
        let ends = ["", "'s", "'S"];
        let puncts = ["", ",", ";", ":", "."];
        let nexts = [
            None,
            Some("Smith"),
            Some("The"),
            Some("the"),
            Some("5"),
            Some("He"),
            Some("\"Quote"),
        ];
        let (mut taken, mut left) = (0, 0);
        for word in words {
            for end in ends {
                for punct in puncts {
                    for next in nexts {
                        let chunk = format!("{word}{end}{punct}");
                        let mut fast = Vec::new();
                        if split_simple_chunk(&chunk, 0, chunk.len(), next, &mut fast) {
                            taken += 1;
                            let mut general = Vec::new();
                            Chunker::default().split(&chunk, 0, chunk.len(), next, &mut general);
                            assert_eq!(fast, general, "{chunk} {next:?}");
                        } else {
                            left += 1;
                            let kept = &chunk[..chunk.len() - 1];
                            assert!(
                                punct == "." && lexicon::keeps_period(kept, next),
                                "{chunk} {next:?}"
                            );
                        }
                    }
                }
            }
        }
        // Both branches ran: sentence ends taken, abbreviations left to the rules.
        assert!(taken > 0 && left > 0);
        for chunk in [
            "U.S.", "3.", "é.", ".", "said..", "don't.", "-said", "said-", "a--b", "Iraq’s", "'s",
            "said's's", "x,,", "3-4", "a-3",
        ] {
            assert!(
                !split_simple_chunk(chunk, 0, chunk.len(), None, &mut Vec::new()),
                "{chunk}"
            );
        }
    }

    #[test]
    fn printable_ascii_end_stops_where_a_byte_loop_does() {
        let reference = |b: &[u8], from: usize| {
            (from..b.len())
                .find(|&i| b[i] <= b' ' || b[i] >= 0x7F)
                .unwrap_or(b.len())
        };
        // Every byte value at every position of runs up to 20 bytes long, with
        // printable neighbours of both extremes around it.
        for len in 0..20 {
            for at in 0..len {
                for stop in 0..=255u8 {
                    for fill in [b'!', b'~', b'a'] {
                        let mut b = vec![fill; len];
                        b[at] = stop;
                        for from in [0, at.min(3)] {
                            assert_eq!(
                                printable_ascii_end(&b, from),
                                reference(&b, from),
                                "{b:?} from {from}"
                            );
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn news_sentence() {
        assert_eq!(
            toks("SEOUL (Reuters) - South Korea's military said on Friday that it suspects"),
            [
                "SEOUL", "(", "Reuters", ")", "-", "South", "Korea", "'s", "military", "said",
                "on", "Friday", "that", "it", "suspects"
            ]
        );
        assert_eq!(
            toks("Pyongyang has deployed about 11,000 soldiers to support Moscow's forces."),
            [
                "Pyongyang",
                "has",
                "deployed",
                "about",
                "11,000",
                "soldiers",
                "to",
                "support",
                "Moscow",
                "'s",
                "forces",
                "."
            ]
        );
    }

    #[test]
    fn abbreviations_keep_their_period() {
        assert_eq!(
            toks("U.S. officials met Mr. Kim on Jan. 24."),
            [
                "U.S.",
                "officials",
                "met",
                "Mr.",
                "Kim",
                "on",
                "Jan.",
                "24",
                "."
            ]
        );
        assert_eq!(toks("George W. Bush"), ["George", "W.", "Bush"]);
        assert_eq!(
            toks("He moved to the U.S."),
            ["He", "moved", "to", "the", "U.S."]
        );
        assert_eq!(toks("No. 10 said no."), ["No.", "10", "said", "no", "."]);
        assert_eq!(toks("at 3 p.m. today"), ["at", "3", "p.m.", "today"]);
    }

    #[test]
    fn numbers_money_percent() {
        assert_eq!(
            toks("1,048,575 rows, 3.5 pts"),
            ["1,048,575", "rows", ",", "3.5", "pts"]
        );
        assert_eq!(
            toks("$3.5 billion (7.6%)"),
            ["$", "3.5", "billion", "(", "7.6", "%", ")"]
        );
        assert_eq!(
            toks("US$3bn, €20, £1,000"),
            ["US$", "3", "bn", ",", "€", "20", ",", "£", "1,000"]
        );
        assert_eq!(
            toks("5km at 3pm, 21st, 1990s, '90s"),
            ["5", "km", "at", "3", "pm", ",", "21st", ",", "1990s", ",", "'90s"]
        );
        assert_eq!(
            toks("in '05, '250,000 tons', '3.5%' and '2024'"),
            [
                "in", "'05", ",", "'", "250,000", "tons", "'", ",", "'", "3.5", "%", "'", "and",
                "'", "2024", "'"
            ]
        );
        assert_eq!(
            toks("30°C and -4.5 and 15:00"),
            ["30", "°C", "and", "-4.5", "and", "15:00"]
        );
        assert_eq!(
            toks("on 2025-01-24 10-12"),
            ["on", "2025-01-24", "10", "-", "12"]
        );
    }

    #[test]
    fn hyphens_and_clitics() {
        assert_eq!(
            toks("Russia-Ukraine war"),
            ["Russia", "-", "Ukraine", "war"]
        );
        assert_eq!(
            toks("forty-five don't I'm they're James' O'Brien"),
            [
                "forty", "-", "five", "do", "n't", "I", "'m", "they", "'re", "James", "'",
                "O'Brien"
            ]
        );
        assert_eq!(toks("Russia’s"), ["Russia", "’s"]);
        assert_eq!(
            toks("wait -- what—really"),
            ["wait", "--", "what", "—", "really"]
        );
        assert_eq!(
            toks("and/or y/y km/h 24/7"),
            ["and", "/", "or", "y/y", "km/h", "24/7"]
        );
    }

    #[test]
    fn quotes_and_brackets() {
        assert_eq!(
            toks("\"We will,\" he said."),
            ["\"", "We", "will", ",", "\"", "he", "said", "."]
        );
        assert_eq!(
            toks("“Yes” ‘no’ [sic] {x}"),
            ["“", "Yes", "”", "‘", "no", "’", "[", "sic", "]", "{", "x", "}"]
        );
        assert_eq!(toks("Wait... what?!"), ["Wait", "...", "what", "?", "!"]);
    }

    #[test]
    fn urls_emails_handles() {
        assert_eq!(
            toks("See https://example.com/a_(b)?q=1, (www.reuters.com). Mail news@example.org!"),
            [
                "See",
                "https://example.com/a_(b)?q=1",
                ",",
                "(",
                "www.reuters.com",
                ")",
                ".",
                "Mail",
                "news@example.org",
                "!"
            ]
        );
        assert_eq!(toks("@reuters #Ukraine"), ["@reuters", "#Ukraine"]);
        let text = "x https://a.b/c y";
        assert_eq!(tokenize(text)[1].kind, TokenKind::Url);
    }

    #[test]
    fn emoji_and_scripts() {
        assert_eq!(toks("great👍🏽 👩‍💻 🇺🇦!"), ["great", "👍🏽", "👩‍💻", "🇺🇦", "!"]);
        assert_eq!(
            toks("東京都 café e\u{301}t\u{e9} Москва שָׁלוֹם"),
            [
                "東",
                "京",
                "都",
                "café",
                "e\u{301}t\u{e9}",
                "Москва",
                "שָׁלוֹם"
            ]
        );
    }

    #[test]
    fn whitespace_of_every_kind_separates() {
        let text = " a\u{a0}b\u{200b}c\r\nd\te\u{feff}f\u{3000}g ";
        assert_eq!(toks(text), ["a", "b", "c", "d", "e", "f", "g"]);
        assert!(toks("").is_empty());
        assert!(toks(" \n\t\u{a0} ").is_empty());
    }

    #[test]
    fn kinds() {
        let text = "Kyiv 11,000 , $ 👍 東 a@b.cc -3";
        let kinds: Vec<_> = tokenize(text).iter().map(|t| t.kind).collect();
        use TokenKind::*;
        assert_eq!(
            kinds,
            [Word, Number, Punct, Symbol, Symbol, Ideograph, Email, Number]
        );
    }
}
