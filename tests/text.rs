//! Property tests of the text layer: on any mix of scripts, emoji, marks and odd
//! whitespace, tokens and sentences keep every invariant the exporters rely on,
//! and their offsets slice back to their text in bytes, code points and UTF-16.

use lede::text::{is_separator, split_sentences, tokenize, OffsetMap, Unit};
use proptest::prelude::*;

/// Pieces that exercise the tokenizer: words, numbers, clitics, every kind of
/// space, emoji sequences, CJK, RTL with points, combining marks and punctuation.
const PIECES: &[&str] = &[
    "Kyiv",
    "U.S.",
    "Mr.",
    "Jan.",
    "24",
    "11,000",
    "3.5",
    "$",
    "7.6%",
    "Russia's",
    "don't",
    "-",
    "—",
    "Russia-Ukraine",
    "(",
    ")",
    "\"",
    "“",
    "”",
    "'",
    "’",
    ".",
    "...",
    "!",
    "?",
    ",",
    "https://x.org/a?b=1",
    "a@b.co",
    "#tag",
    "@user",
    "👩🏽‍💻",
    "🇺🇦",
    "👍🏽",
    "🙂",
    "東京",
    "かな",
    "שָׁלוֹם",
    "مرحبا",
    "e\u{301}",
    "\u{301}",
    "café",
    "Zelenskiy",
    " ",
    "  ",
    "\n",
    "\n\n",
    "\r\n",
    "\t",
    "\u{a0}",
    "\u{200b}",
    "\u{feff}",
    "\u{3000}",
    "°C",
    "5km",
    "3bn",
    "'90s",
    "2025-01-24",
    "\u{0}",
    "\u{7f}",
    "x",
];

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|parts| parts.concat())
}

fn slice(text: &str, unit: Unit, start: usize, end: usize) -> String {
    match unit {
        Unit::Bytes => text[start..end].to_string(),
        Unit::Chars => text.chars().skip(start).take(end - start).collect(),
        Unit::Utf16 => {
            let units: Vec<u16> = text.encode_utf16().collect();
            String::from_utf16(&units[start..end]).expect("token boundaries are char boundaries")
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn tokens_cover_all_non_space_text_in_order(text in article()) {
        let tokens = tokenize(&text);
        let mut pos = 0;
        for t in &tokens {
            let (s, e) = (t.start as usize, t.end as usize);
            prop_assert!(s < e, "empty token");
            prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
            // Only separators between tokens, none inside one.
            prop_assert!(text[pos..s].chars().all(is_separator), "lost text {:?}", &text[pos..s]);
            prop_assert!(!text[s..e].chars().any(is_separator), "separator inside {:?}", &text[s..e]);
            pos = e;
        }
        prop_assert!(text[pos..].chars().all(is_separator));
    }

    #[test]
    fn offsets_slice_back_in_every_unit(text in article()) {
        let map = OffsetMap::new(&text);
        for t in tokenize(&text) {
            for unit in [Unit::Bytes, Unit::Chars, Unit::Utf16] {
                let (s, e) = (map.from_byte(t.start as usize, unit), map.from_byte(t.end as usize, unit));
                prop_assert_eq!(slice(&text, unit, s, e), t.text(&text));
                prop_assert_eq!(map.to_byte(s, unit), Some(t.start as usize));
                prop_assert_eq!(map.to_byte(e, unit), Some(t.end as usize));
            }
        }
    }

    #[test]
    fn sentences_partition_the_tokens(text in article()) {
        let tokens = tokenize(&text);
        let sentences = split_sentences(&text, &tokens);
        let mut next = 0u32;
        for s in &sentences {
            prop_assert_eq!(s.token_start, next);
            prop_assert!(s.token_end > s.token_start);
            prop_assert_eq!(s.start, tokens[s.token_start as usize].start);
            prop_assert_eq!(s.end, tokens[s.token_end as usize - 1].end);
            next = s.token_end;
        }
        prop_assert_eq!(next as usize, tokens.len());
    }

    #[test]
    fn tokenizing_is_deterministic(text in article()) {
        prop_assert_eq!(tokenize(&text), tokenize(&text));
    }
}

#[test]
fn ten_megabytes_of_text_tokenize_linearly() {
    let paragraph = "Pyongyang has deployed about 11,000 soldiers to support Moscow's forces in Russia's western Kursk region. 🇺🇦 東京 ";
    let text = paragraph.repeat(10 * 1024 * 1024 / paragraph.len());
    let tokens = tokenize(&text);
    assert_eq!(
        tokens.len(),
        text.len() / paragraph.len() * tokenize(paragraph).len()
    );
    let sentences = split_sentences(&text, &tokens);
    // Each repetition's stop starts a new sentence at the flag; the first has none before it.
    assert_eq!(sentences.len(), text.len() / paragraph.len() + 1);
}

#[test]
fn adversarial_inputs_do_not_panic() {
    let long_digits = "9".repeat(100_000);
    let commas = "1,".repeat(50_000);
    let dots = ".".repeat(100_000);
    let marks = "\u{301}".repeat(10_000);
    let quotes = "\"".repeat(10_000);
    let mixed = "a-".repeat(50_000);
    for text in [&long_digits, &commas, &dots, &marks, &quotes, &mixed] {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        assert!(!tokens.is_empty());
        assert_eq!(
            sentences.last().map(|s| s.token_end as usize),
            Some(tokens.len())
        );
    }
}
