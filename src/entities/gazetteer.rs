//! Gazetteers: name lists (countries, cities, regions, nationalities, titles, cue
//! words, common given names and surnames) matched against token sequences.
//!
//! The lists live in `data/gazetteers/` (sources and licenses in SOURCES.md) and are
//! embedded in the binary. Each entry is tokenized with the crate's own tokenizer
//! and stored as a hash of its lower-cased tokens, so matching a sentence costs one
//! table lookup per token plus one per extra token of the few entries that start
//! there. Matching is case-insensitive; the tagger pairs each hit with the token's
//! case, so "may" and "China" carry different weight.

use super::features::{lower_into_hash, mix};
use super::model::{write_varint, ModelError, Reader};
use super::table::FlatMap;
use crate::text::tokenize;
use std::sync::OnceLock;

/// The gazetteer categories, in bit order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Category {
    /// Countries and customary country names (GPE).
    Country = 0,
    /// Capitals and cities of 100,000+ people (GPE).
    City = 1,
    /// States, provinces, constituent countries (GPE).
    Region = 2,
    /// Continents (LOC).
    Continent = 3,
    /// Seas, rivers, mountain ranges, regions (LOC).
    Location = 4,
    /// Nationalities, religious and political groups (NORP).
    Norp = 5,
    /// Title heads: "President", "Mr.".
    Title = 6,
    /// Words that only form a title with a head: "Prime", "Defense".
    TitleModifier = 7,
    /// Words that head events: "War", "Olympics".
    EventCue = 8,
    /// Words that end or head organization names: "Ministry", "Corp.".
    OrgCue = 9,
    /// Common given names.
    FirstName = 10,
    /// Common surnames.
    Surname = 11,
    /// Well-known organizations: companies, market indexes, international
    /// bodies, news agencies, parties, teams (ORG).
    Organization = 12,
}

/// Number of categories.
pub const CATEGORIES: usize = 13;

/// Which list each embedded file feeds.
const EMBEDDED: &[(Category, &str)] = &[
    (
        Category::Country,
        include_str!("../../data/gazetteers/countries.txt"),
    ),
    (
        Category::Country,
        include_str!("../../data/gazetteers/country_aliases.txt"),
    ),
    (
        Category::City,
        include_str!("../../data/gazetteers/cities.txt"),
    ),
    (
        Category::Region,
        include_str!("../../data/gazetteers/regions.txt"),
    ),
    (
        Category::Continent,
        include_str!("../../data/gazetteers/continents.txt"),
    ),
    (
        Category::Location,
        include_str!("../../data/gazetteers/locations.txt"),
    ),
    (
        Category::Norp,
        include_str!("../../data/gazetteers/norp.txt"),
    ),
    (
        Category::Title,
        include_str!("../../data/gazetteers/titles.txt"),
    ),
    (
        Category::EventCue,
        include_str!("../../data/gazetteers/event_cues.txt"),
    ),
    (
        Category::OrgCue,
        include_str!("../../data/gazetteers/org_cues.txt"),
    ),
    (
        Category::FirstName,
        include_str!("../../data/gazetteers/first_names.txt"),
    ),
    (
        Category::FirstName,
        include_str!("../../data/gazetteers/world_first_names.txt"),
    ),
    (
        Category::Surname,
        include_str!("../../data/gazetteers/surnames.txt"),
    ),
    (
        Category::Organization,
        include_str!("../../data/gazetteers/organizations.txt"),
    ),
];

/// The embedded lists with their categories.
pub fn embedded_lists() -> impl Iterator<Item = (Category, &'static str)> {
    EMBEDDED.iter().copied()
}

/// How a token takes part in gazetteer entries: two bits per category,
/// 0 = none, 1 = a one-token entry, 2 = first token of a longer entry,
/// 3 = later token of a longer entry. Longer entries win over one-token ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Match(u32);

impl Match {
    /// The raw bits, two per category.
    pub fn bits(self) -> u32 {
        self.0
    }

    /// The role (0..=3) of this token in entries of `category`.
    pub fn role(self, category: Category) -> u32 {
        (self.0 >> (2 * category as u32)) & 3
    }

    /// True when the token is part of some entry of `category`.
    pub fn has(self, category: Category) -> bool {
        self.role(category) != 0
    }

    fn raise(&mut self, categories: u16, role: u32) {
        for c in 0..CATEGORIES {
            if categories & (1 << c) != 0 {
                let shift = 2 * c as u32;
                let old = (self.0 >> shift) & 3;
                if role > old {
                    self.0 = (self.0 & !(3 << shift)) | (role << shift);
                }
            }
        }
    }
}

/// Compiled name lists.
pub struct Gazetteer {
    /// Phrase hash → category bits (low 16) | longest entry starting with this
    /// one-token key (bits 16..24).
    table: FlatMap<u32>,
}

/// Hash of a token sequence: the one-token case is the token's lower-case hash.
fn extend(phrase: u64, next_lower: u64) -> u64 {
    mix(phrase.rotate_left(7) ^ next_lower ^ 0x2545_f491_4f6c_dd1d)
}

/// The gazetteer's table key of a phrase hash: its low 32 bits, which is what
/// the compiled gazetteer stores (delta-coded, about 3 bytes a key, less than the
/// lists' text). A word that is no entry hits one of the ~16,000 keys with
/// probability 4e-6.
fn table_key(phrase: u64) -> u64 {
    phrase & 0xffff_ffff
}

/// The compiled form of the embedded lists (`lede gazetteer` writes it; a test
/// checks it is current). Loading it costs a fraction of tokenizing and hashing
/// the lists' 16,000 entries, which a cold page pays in the wasm engine's slow
/// tier.
const COMPILED: &[u8] = include_bytes!("../../data/gazetteers/compiled.bin");
const MAGIC: &[u8; 4] = b"LGZ1";

/// Calls `f` with the category and lower-case token hashes of every entry of
/// `(category, list)` pairs; a list has one entry per line, `#` starts a comment
/// line, and in title lists a leading `+` marks a title modifier.
fn for_each_entry<'a>(
    lists: impl Iterator<Item = (Category, &'a str)>,
    mut f: impl FnMut(Category, &[u64]),
) {
    for (category, list) in lists {
        for line in list.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (category, name) = match (category, line.strip_prefix('+')) {
                (Category::Title, Some(rest)) => (Category::TitleModifier, rest),
                _ => (category, line),
            };
            let lowers = phrase_lowers(name);
            if !lowers.is_empty() && lowers.len() <= 255 {
                f(category, &lowers);
            }
        }
    }
}

/// The table key of a whole phrase.
fn phrase_key(lowers: &[u64]) -> u64 {
    table_key(lowers[1..].iter().fold(lowers[0], |h, &l| extend(h, l)))
}

/// Compiles `(category, list)` pairs (see [`Gazetteer::from_lists`]) to the
/// binary form [`Gazetteer::from_compiled`] reads: magic, key count, then per
/// category the sorted keys of its one-word entries and of its longer entries,
/// then the first words of longer entries with their longest length, all
/// delta-coded varints.
pub fn compile<'a>(lists: impl Iterator<Item = (Category, &'a str)>) -> Vec<u8> {
    use std::collections::{BTreeMap, BTreeSet};
    let mut words = vec![BTreeSet::new(); CATEGORIES];
    let mut phrases = vec![BTreeSet::new(); CATEGORIES];
    let mut firsts: BTreeMap<u64, u64> = BTreeMap::new();
    for_each_entry(lists, |category, lowers| {
        let c = category as usize;
        if lowers.len() == 1 {
            words[c].insert(table_key(lowers[0]));
        } else {
            phrases[c].insert(phrase_key(lowers));
            let longest = firsts.entry(table_key(lowers[0])).or_insert(0);
            *longest = (*longest).max(lowers.len() as u64);
        }
    });
    let mut keys: BTreeSet<u64> = firsts.keys().copied().collect();
    keys.extend(words.iter().chain(&phrases).flatten());
    let mut out = MAGIC.to_vec();
    write_varint(&mut out, keys.len() as u64);
    out.push(CATEGORIES as u8);
    let write_keys = |out: &mut Vec<u8>, keys: &mut dyn Iterator<Item = (u64, u64)>, with: bool| {
        let keys: Vec<(u64, u64)> = keys.collect();
        write_varint(out, keys.len() as u64);
        let mut prev = 0;
        for (k, extra) in keys {
            write_varint(out, k - prev);
            if with {
                write_varint(out, extra);
            }
            prev = k;
        }
    };
    for c in 0..CATEGORIES {
        write_keys(&mut out, &mut words[c].iter().map(|&k| (k, 0)), false);
        write_keys(&mut out, &mut phrases[c].iter().map(|&k| (k, 0)), false);
    }
    write_keys(&mut out, &mut firsts.iter().map(|(&k, &n)| (k, n)), true);
    out
}

/// Reads one delta-coded key list of a compiled gazetteer (with a number after
/// each key when `with`) and lets `f` update each key's value. Generic, not a
/// `dyn` callback: an indirect call per key was a quarter of loading it.
fn read_keys(
    r: &mut Reader<'_>,
    table: &mut FlatMap<u32>,
    with: bool,
    mut f: impl FnMut(&mut u32, u32),
) -> Result<(), ModelError> {
    let n = r.varint()?;
    let mut key = 0u64;
    for _ in 0..n {
        key += r.varint()?;
        let extra = if with { r.varint()? as u32 } else { 0 };
        f(table.get_or_insert(key, 0), extra);
    }
    Ok(())
}

impl Gazetteer {
    /// The gazetteer of the embedded lists, loaded once on first use.
    pub fn embedded() -> &'static Gazetteer {
        static GAZ: OnceLock<Gazetteer> = OnceLock::new();
        GAZ.get_or_init(|| {
            Gazetteer::from_compiled(COMPILED)
                .expect("data/gazetteers/compiled.bin is current (a test checks it)")
        })
    }

    /// Builds a gazetteer from `(category, list)` pairs; a list has one entry per
    /// line, `#` starts a comment line, and in title lists a leading `+` marks a
    /// title modifier.
    pub fn from_lists<'a>(lists: impl Iterator<Item = (Category, &'a str)>) -> Gazetteer {
        let mut table = FlatMap::with_capacity(16_384, 0u32);
        for_each_entry(lists, |category, lowers| {
            *table.get_or_insert(phrase_key(lowers), 0) |= 1 << category as u32;
            let first = table.get_or_insert(table_key(lowers[0]), 0);
            let longest = (*first >> 16).max(lowers.len() as u32);
            *first = (*first & 0xffff) | longest << 16;
        });
        Gazetteer { table }
    }

    /// Reads the output of [`compile`].
    pub fn from_compiled(bytes: &[u8]) -> Result<Gazetteer, ModelError> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let total = r.varint()? as usize;
        if usize::from(r.take(1)?[0]) != CATEGORIES {
            return Err(ModelError::BadMagic);
        }
        let mut table = FlatMap::with_capacity(total, 0u32);
        let t = &mut table;
        for c in 0..CATEGORIES {
            let bit = 1u32 << c;
            // A one-word entry is its own first word: longest at least 1.
            read_keys(&mut r, t, false, |v, _| {
                *v |= bit | ((*v >> 16).max(1) << 16)
            })?;
            read_keys(&mut r, t, false, |v, _| *v |= bit)?;
        }
        read_keys(&mut r, t, true, |v, n| {
            *v = (*v & 0xffff) | ((*v >> 16).max(n) << 16);
        })?;
        Ok(Gazetteer { table })
    }

    /// What the gazetteer knows about one lower-cased word: its one-token
    /// categories and the length of the longest entry starting with it (0 if none).
    /// The tagger caches this per word type.
    pub fn word(&self, lower: u64) -> u32 {
        self.table.get(table_key(lower)).unwrap_or(0)
    }

    /// Marks every token of a sentence, given each token's lower-case hash, with
    /// the entries it belongs to. `out` is cleared first.
    pub fn match_sentence(&self, lowers: &[u64], out: &mut Vec<Match>) {
        let words: Vec<u32> = lowers.iter().map(|&l| self.word(l)).collect();
        self.match_words(&words, lowers, out);
    }

    /// Like [`Gazetteer::match_sentence`] with each token's [`Gazetteer::word`]
    /// value already looked up.
    pub fn match_words(&self, words: &[u32], lowers: &[u64], out: &mut Vec<Match>) {
        out.clear();
        out.resize(lowers.len(), Match::default());
        for i in 0..lowers.len() {
            let v = words[i];
            if v == 0 {
                continue;
            }
            out[i].raise(v as u16, 1);
            let longest = (v >> 16) as usize;
            let mut h = lowers[i];
            for len in 2..=longest.min(lowers.len() - i) {
                h = extend(h, lowers[i + len - 1]);
                if let Some(cats) = self.table.get(table_key(h)) {
                    let cats = cats as u16;
                    if cats != 0 {
                        out[i].raise(cats, 2);
                        for m in &mut out[i + 1..i + len] {
                            m.raise(cats, 3);
                        }
                    }
                }
            }
        }
    }

    /// The categories of entries equal to the whole phrase (given as lower-case
    /// token hashes), as a bit set indexed by [`Category`].
    pub fn categories_of(&self, lowers: &[u64]) -> u16 {
        if lowers.is_empty() {
            return 0;
        }
        self.table.get(phrase_key(lowers)).map_or(0, |v| v as u16)
    }

    /// The categories of entries that are this one word (any case).
    pub fn categories_of_word(&self, word: &str) -> u16 {
        self.categories_of(&[lower_into_hash(word)])
    }

    /// True when the phrase is an entry of `category`.
    pub fn contains(&self, lowers: &[u64], category: Category) -> bool {
        self.categories_of(lowers) & (1 << category as u16) != 0
    }

    /// Heap bytes used.
    pub fn memory_usage(&self) -> usize {
        self.table.memory_usage()
    }
}

/// The lower-case token hashes of a phrase, tokenized like running text.
pub fn phrase_lowers(phrase: &str) -> Vec<u64> {
    // Most entries are plain words split by single spaces, which the tokenizer
    // keeps whole (its own fast path); skipping it here cuts building the
    // gazetteer on first use from 17 M to about 6 M instructions, which a cold
    // page pays in the slow tier of the wasm engine.
    let plain = !phrase.is_empty()
        && !phrase.starts_with(' ')
        && !phrase.ends_with(' ')
        && !phrase.contains("  ")
        // Latin letters only: the tokenizer may split other scripts' words.
        && phrase.chars().all(|c| c == ' ' || (c.is_alphabetic() && c < '\u{250}'));
    if plain {
        return phrase.split(' ').map(lower_into_hash).collect();
    }
    tokenize(phrase)
        .iter()
        .map(|t| lower_into_hash(t.text(phrase)))
        .collect()
}

/// A category bit set with one bit.
pub fn bit(category: Category) -> u16 {
    1 << category as u16
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_compiled_gazetteer_is_current_and_equals_the_lists() {
        let compiled = compile(embedded_lists());
        assert!(
            compiled == COMPILED,
            "data/gazetteers/compiled.bin is stale: run `cargo run --release --bin lede -- gazetteer`"
        );
        let from_lists = Gazetteer::from_lists(embedded_lists());
        let loaded = Gazetteer::from_compiled(&compiled).unwrap();
        assert_eq!(loaded.table.len(), from_lists.table.len());
        for_each_entry(embedded_lists(), |_, lowers| {
            assert_eq!(
                loaded.categories_of(lowers),
                from_lists.categories_of(lowers)
            );
            assert_eq!(loaded.word(lowers[0]), from_lists.word(lowers[0]));
        });
        // Three bytes a key or so: smaller than the lists' text.
        let text: usize = embedded_lists().map(|(_, l)| l.len()).sum();
        assert!(compiled.len() * 2 < text, "{} vs {text}", compiled.len());
    }

    #[test]
    fn a_damaged_compiled_gazetteer_is_an_error() {
        assert!(Gazetteer::from_compiled(b"").is_err());
        assert!(Gazetteer::from_compiled(b"LGZ0\x01\x0d").is_err());
        let compiled = compile(embedded_lists());
        assert!(Gazetteer::from_compiled(&compiled[..compiled.len() / 2]).is_err());
    }

    fn matches(gaz: &Gazetteer, sentence: &str) -> Vec<Match> {
        let lowers = phrase_lowers(sentence);
        let mut out = Vec::new();
        gaz.match_sentence(&lowers, &mut out);
        out
    }

    #[test]
    fn plain_words_hash_as_the_tokenizer_would_split_them() {
        let tokenized = |phrase: &str| -> Vec<u64> {
            tokenize(phrase)
                .iter()
                .map(|t| lower_into_hash(t.text(phrase)))
                .collect()
        };
        let mut plain = 0;
        for (_, list) in embedded_lists() {
            for line in list.lines().map(str::trim) {
                plain += usize::from(line.bytes().all(|b| b.is_ascii_alphabetic()));
                assert_eq!(phrase_lowers(line), tokenized(line), "{line:?}");
            }
        }
        assert!(plain > 1000, "most entries are plain words");
        for phrase in [
            "cannot",
            "Mr",
            "US",
            "New York",
            "U.S.",
            "a",
            "",
            " a",
            "a  b",
            "Bosnia and Herzegovina",
        ] {
            assert_eq!(phrase_lowers(phrase), tokenized(phrase), "{phrase:?}");
        }
    }

    #[test]
    fn embedded_lists_cover_the_basics() {
        let gaz = Gazetteer::embedded();
        assert!(gaz.contains(&phrase_lowers("Ukraine"), Category::Country));
        assert!(gaz.contains(&phrase_lowers("north korea"), Category::Country));
        assert!(gaz.contains(&phrase_lowers("U.S."), Category::Country));
        assert!(gaz.contains(&phrase_lowers("Seoul"), Category::City));
        assert!(gaz.contains(&phrase_lowers("Texas"), Category::Region));
        assert!(gaz.contains(&phrase_lowers("Ukrainian"), Category::Norp));
        assert!(gaz.contains(&phrase_lowers("President"), Category::Title));
        assert!(gaz.contains(&phrase_lowers("Prime"), Category::TitleModifier));
        assert!(gaz.contains(&phrase_lowers("Middle East"), Category::Location));
        // Given names from outside the US (world_first_names.txt), not common words.
        assert!(gaz.contains(&phrase_lowers("Erling"), Category::FirstName));
        assert!(gaz.contains(&phrase_lowers("Geert"), Category::FirstName));
        assert!(!gaz.contains(&phrase_lowers("Patience"), Category::FirstName));
        assert!(!gaz.contains(&phrase_lowers("said"), Category::Country));
    }

    #[test]
    fn multi_token_entries_mark_begin_and_inside() {
        let gaz = Gazetteer::embedded();
        let m = matches(gaz, "troops from North Korea arrived");
        assert_eq!(m[2].role(Category::Country), 2);
        assert_eq!(m[3].role(Category::Country), 3);
        assert_eq!(m[0].role(Category::Country), 0);
        let m = matches(gaz, "the Russia-Ukraine war");
        assert_eq!(m[1].role(Category::Country), 1);
        assert_eq!(m[3].role(Category::Country), 1);
        assert_eq!(m[4].role(Category::EventCue), 1);
    }

    #[test]
    fn custom_lists_and_empty_input() {
        let gaz = Gazetteer::from_lists(
            [
                (Category::City, "# comment\n\nSan José\n"),
                (Category::Title, "+Vice\nPresident\n"),
            ]
            .into_iter(),
        );
        assert!(gaz.contains(&phrase_lowers("san josé"), Category::City));
        assert!(gaz.contains(&phrase_lowers("VICE"), Category::TitleModifier));
        assert!(!gaz.contains(&phrase_lowers("Vice"), Category::Title));
        assert_eq!(gaz.categories_of(&[]), 0);
        let mut out = vec![Match::default(); 3];
        gaz.match_sentence(&[], &mut out);
        assert!(out.is_empty());
    }
}
