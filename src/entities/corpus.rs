//! Reading the NER corpora in `../shared/data` and mapping their labels onto
//! lede's (native builds only).
//!
//! Every corpus is read from its `.jsonl` form (`{"text", "spans": [{"start",
//! "end", "label"}]}`, offsets in code points), tokenized with the crate's own
//! tokenizer so training sees runtime tokenization, and its gold spans projected
//! onto those tokens. Each corpus's conventions are normalized here (see
//! docs/entities.md): GMB's titles come off PER, its `gpe` (nationalities) becomes
//! NORP, its `geo` and every `location`/`PLACE` becomes GPE or LOC by gazetteer;
//! corpora that never annotate nationalities get NORP spans from the gazetteer.

use super::features::{case_of, lower_into_hash, Case};
use super::gazetteer::{bit, phrase_lowers, Category, Gazetteer, Match};
use super::model::{begin, inside, LABELS, OUTSIDE};
use super::titles::trim_span;
use crate::label::Label;
use crate::text::{split_sentences, tokenize, OffsetMap, Sentence, Token, Unit};
use serde::Deserialize;
use std::path::Path;

/// The corpora lede can train on, each with its own label conventions.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scheme {
    /// Groningen Meaning Bank (VOA news): geo gpe per org tim art eve nat.
    Gmb,
    /// GUM: PERSON PLACE ORGANIZATION EVENT (+ non-entity types).
    Gum,
    /// Broad Twitter Corpus: PER ORG LOC.
    Btc,
    /// WNUT-17: person location corporation group product creative-work.
    Wnut,
}

/// A jsonl record as stored in `../shared/data`.
#[derive(Deserialize)]
struct Record {
    text: String,
    #[serde(default)]
    spans: Vec<RecordSpan>,
}

#[derive(Deserialize)]
struct RecordSpan {
    start: usize,
    end: usize,
    label: String,
}

/// One gold span with byte offsets and its native label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoldSpan {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// The corpus's own label.
    pub label: String,
}

/// One text of a corpus with its gold spans in bytes.
#[derive(Clone, Debug)]
pub struct GoldText {
    /// The text.
    pub text: String,
    /// Gold spans, byte offsets.
    pub spans: Vec<GoldSpan>,
}

/// Why a corpus could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum CorpusError {
    /// The file could not be read.
    Io {
        /// The file.
        path: String,
        /// The error.
        error: std::io::Error,
    },
    /// A line is not a valid record.
    Json {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// The parser's message.
        message: String,
    },
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CorpusError::Io { path, error } => write!(f, "cannot read {path}: {error}"),
            CorpusError::Json {
                path,
                line,
                message,
            } => {
                write!(f, "{path}:{line}: not a corpus record: {message}")
            }
        }
    }
}

impl std::error::Error for CorpusError {}

/// Reads a jsonl corpus file, converting code-point offsets to bytes. Spans whose
/// offsets fall outside the text are dropped (and counted in the second value).
///
/// # Errors
/// [`CorpusError`] when the file cannot be read or a line is not a record.
pub fn read_jsonl(path: &Path) -> Result<(Vec<GoldText>, usize), CorpusError> {
    let name = path.display().to_string();
    let content = std::fs::read_to_string(path).map_err(|error| CorpusError::Io {
        path: name.clone(),
        error,
    })?;
    let mut texts = Vec::new();
    let mut bad = 0;
    for (n, line) in content.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let record: Record = serde_json::from_str(line).map_err(|e| CorpusError::Json {
            path: name.clone(),
            line: n + 1,
            message: e.to_string(),
        })?;
        let map = OffsetMap::new(&record.text);
        let mut spans = Vec::with_capacity(record.spans.len());
        for s in record.spans {
            match (
                map.to_byte(s.start, Unit::Chars),
                map.to_byte(s.end, Unit::Chars),
            ) {
                (Some(start), Some(end)) if start < end => spans.push(GoldSpan {
                    start,
                    end,
                    label: s.label,
                }),
                _ => bad += 1,
            }
        }
        texts.push(GoldText {
            text: record.text,
            spans,
        });
    }
    Ok((texts, bad))
}

/// A text ready for training or scoring: tokens, sentences and one BIO tag per token.
#[derive(Clone, Debug)]
pub struct TaggedText {
    /// The text.
    pub text: String,
    /// Its tokens (the crate's tokenizer).
    pub tokens: Vec<Token>,
    /// Its sentences (the crate's splitter).
    pub sentences: Vec<Sentence>,
    /// Gold BIO tag per token (see `model::begin`/`inside`).
    pub tags: Vec<u8>,
    /// False when a gold span could not be projected onto whole tokens or crossed
    /// a sentence boundary; such texts are left out of training.
    pub aligned: bool,
}

/// Counts from projecting gold spans onto tokens.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AlignStats {
    /// Texts read.
    pub texts: usize,
    /// Tokens in them.
    pub tokens: usize,
    /// Gold spans mapped to one of lede's labels.
    pub spans: usize,
    /// Spans whose start or end falls inside one of our tokens.
    pub misaligned: usize,
    /// Spans that cross one of our sentence boundaries.
    pub cross_sentence: usize,
    /// Spans added from the nationality gazetteer (corpora without NORP).
    pub norp_added: usize,
    /// Spans whose leading title was trimmed.
    pub titles_trimmed: usize,
}

/// Gazetteer used to map corpus labels: the embedded lists plus the larger city
/// list (cities of 15,000+), which is not shipped in the wasm.
pub fn mapping_gazetteer(gazetteer_dir: &Path) -> Result<Gazetteer, CorpusError> {
    let path = gazetteer_dir.join("cities_15k.txt");
    let cities = std::fs::read_to_string(&path).map_err(|error| CorpusError::Io {
        path: path.display().to_string(),
        error,
    })?;
    let lists: Vec<(Category, String)> = super::gazetteer::embedded_lists()
        .map(|(c, s)| (c, s.to_string()))
        .chain(std::iter::once((Category::City, cities)))
        .collect();
    Ok(Gazetteer::from_lists(
        lists.iter().map(|(c, s)| (*c, s.as_str())),
    ))
}

const GPE_CATEGORIES: u16 =
    1 << Category::Country as u16 | 1 << Category::City as u16 | 1 << Category::Region as u16;

/// GPE when the phrase (minus a leading "the") is a country, city or region, else LOC.
fn place_label(lowers: &[u64], gaz: &Gazetteer) -> Label {
    let the = lower_into_hash("the");
    let lowers = if lowers.len() > 1 && lowers[0] == the {
        &lowers[1..]
    } else {
        lowers
    };
    if gaz.categories_of(lowers) & GPE_CATEGORIES != 0 {
        Label::Gpe
    } else {
        Label::Loc
    }
}

/// Maps one gold span of `scheme` to lede's label (`None` = not an entity for us).
fn map_label(
    scheme: Scheme,
    native: &str,
    surface: &str,
    lowers: &[u64],
    gaz: &Gazetteer,
) -> Option<Label> {
    let cats = gaz.categories_of(lowers);
    let is_gpe = cats & GPE_CATEGORIES != 0;
    let is_norp = cats & bit(Category::Norp) != 0;
    let label = match (scheme, native) {
        (Scheme::Gmb, "PER") => Label::Person,
        (Scheme::Gmb, "ORG") if is_norp => Label::Norp,
        (Scheme::Gmb, "ORG") if is_gpe => Label::Gpe,
        (Scheme::Gmb, "ORG") => Label::Org,
        (Scheme::Gmb, "GEO") if !is_gpe && case_of(surface) == Case::Upper => Label::Org,
        (Scheme::Gmb, "GEO") => place_label(lowers, gaz),
        (Scheme::Gmb, "GPE") if is_gpe => Label::Gpe,
        (Scheme::Gmb, "GPE") => Label::Norp,
        (Scheme::Gmb, "EVE") => Label::Event,
        (Scheme::Gmb, "NAT") if case_of(surface) == Case::Title => Label::Event,
        (Scheme::Gum, "PERSON") => Label::Person,
        (Scheme::Gum, "ORGANIZATION") if is_gpe => Label::Gpe,
        (Scheme::Gum, "ORGANIZATION") => Label::Org,
        (Scheme::Gum, "PLACE") => place_label(lowers, gaz),
        (Scheme::Gum, "EVENT") => Label::Event,
        (Scheme::Btc, "PER") | (Scheme::Wnut, "person") => Label::Person,
        (Scheme::Btc, "ORG") | (Scheme::Wnut, "corporation" | "group") => Label::Org,
        (Scheme::Btc, "LOC") | (Scheme::Wnut, "location") => place_label(lowers, gaz),
        _ => return None,
    };
    Some(label)
}

fn label_index(label: &Label) -> usize {
    LABELS
        .iter()
        .position(|l| l == label)
        .expect("mapped labels are entity labels")
}

/// Tokenizes `gold`, maps its spans from `scheme` and projects them onto tokens.
pub fn project(
    gold: &GoldText,
    scheme: Scheme,
    gaz: &Gazetteer,
    stats: &mut AlignStats,
) -> TaggedText {
    let text = &gold.text;
    let tokens = tokenize(text);
    let sentences = split_sentences(text, &tokens);
    let mut tags = vec![OUTSIDE as u8; tokens.len()];
    let mut aligned = true;
    stats.texts += 1;
    stats.tokens += tokens.len();
    let mut sentence_of = vec![0usize; tokens.len()];
    for (k, s) in sentences.iter().enumerate() {
        sentence_of[s.tokens()].fill(k);
    }

    // (start token, end token, label) after mapping and normalizing.
    let mut spans: Vec<(usize, usize, Label)> = Vec::new();
    for g in &gold.spans {
        let a = tokens.partition_point(|t| (t.start as usize) < g.start);
        let b = tokens.partition_point(|t| (t.end as usize) < g.end);
        let ok = a < tokens.len()
            && b < tokens.len()
            && tokens[a].start as usize == g.start
            && tokens[b].end as usize == g.end
            && a <= b;
        let surface = &text[g.start..g.end];
        // BTC's reconstructed text splits "@handle" into "@ handle" and tags both
        // parts; user handles are not names for us.
        if scheme == Scheme::Btc && (surface == "@" || text[..g.start].ends_with("@ ")) {
            continue;
        }
        let lowers = phrase_lowers(surface);
        let Some(label) = map_label(scheme, &g.label, surface, &lowers, gaz) else {
            continue;
        };
        stats.spans += 1;
        if !ok {
            stats.misaligned += 1;
            aligned = false;
            continue;
        }
        for (s, e, l) in split_at_hyphens(text, &tokens, a, b + 1, label, gaz) {
            let (s2, e2) = trim_span(text, &tokens, s, e, l == Label::Person, gaz);
            if (s2, e2) != (s, e) && s2 > s {
                stats.titles_trimmed += 1;
            }
            if s2 < e2 {
                spans.push((s2, e2, l));
            }
        }
    }
    extend_events(text, &tokens, &mut spans, gaz);
    if scheme != Scheme::Gmb {
        stats.norp_added += add_gazetteer_norp(text, &tokens, &mut spans, gaz);
    }
    for (s, e, l) in spans {
        if sentence_of[s] != sentence_of[e - 1] {
            stats.cross_sentence += 1;
            aligned = false;
            continue;
        }
        if tags[s..e].iter().any(|&t| t != OUTSIDE as u8) {
            continue; // overlapping gold spans: keep the first
        }
        let l = label_index(&l);
        tags[s] = begin(l) as u8;
        for t in &mut tags[s + 1..e] {
            *t = inside(l) as u8;
        }
    }
    TaggedText {
        text: text.clone(),
        tokens,
        sentences,
        tags,
        aligned,
    }
}

/// "Russia-Ukraine" (one gold span over `Russia` `-` `Ukraine`) is two GPEs when
/// every hyphen-separated part is a place or nationality in the gazetteer.
fn split_at_hyphens(
    text: &str,
    tokens: &[Token],
    a: usize,
    b: usize,
    label: Label,
    gaz: &Gazetteer,
) -> Vec<(usize, usize, Label)> {
    let parts: Vec<(usize, usize)> = {
        let mut parts = Vec::new();
        let mut s = a;
        for (i, t) in tokens.iter().enumerate().take(b).skip(a) {
            if t.text(text) == "-" {
                parts.push((s, i));
                s = i + 1;
            }
        }
        parts.push((s, b));
        parts
    };
    if parts.len() < 2 {
        return vec![(a, b, label)];
    }
    let mut out = Vec::new();
    for &(s, e) in &parts {
        if s >= e {
            return vec![(a, b, label)];
        }
        let lowers: Vec<u64> = tokens[s..e]
            .iter()
            .map(|t| lower_into_hash(t.text(text)))
            .collect();
        let cats = gaz.categories_of(&lowers);
        let l = if cats & GPE_CATEGORIES != 0 {
            Label::Gpe
        } else if cats & bit(Category::Norp) != 0 {
            Label::Norp
        } else {
            return vec![(a, b, label)];
        };
        out.push((s, e, l));
    }
    out
}

/// GMB often tags only "II" of "World War II": an EVENT span right after
/// capitalized words ending in an event cue ("World War") takes them in.
fn extend_events(
    text: &str,
    tokens: &[Token],
    spans: &mut [(usize, usize, Label)],
    gaz: &Gazetteer,
) {
    for (s, _, l) in spans.iter_mut() {
        if *l != Label::Event || *s == 0 {
            continue;
        }
        let cue = lower_into_hash(tokens[*s - 1].text(text));
        if gaz.categories_of(&[cue]) & bit(Category::EventCue) == 0
            || case_of(tokens[*s - 1].text(text)) != Case::Title
        {
            continue;
        }
        let mut first = *s - 1;
        while first > 0 && case_of(tokens[first - 1].text(text)) == Case::Title {
            first -= 1;
        }
        *s = first;
    }
}

/// Adds NORP spans for capitalized nationality/group names outside other spans.
fn add_gazetteer_norp(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<(usize, usize, Label)>,
    gaz: &Gazetteer,
) -> usize {
    let lowers: Vec<u64> = tokens
        .iter()
        .map(|t| lower_into_hash(t.text(text)))
        .collect();
    let mut matches: Vec<Match> = Vec::new();
    gaz.match_sentence(&lowers, &mut matches);
    let mut covered = vec![false; tokens.len()];
    for &(s, e, _) in spans.iter() {
        covered[s..e].fill(true);
    }
    let mut added = 0;
    let mut i = 0;
    while i < tokens.len() {
        let role = matches[i].role(Category::Norp);
        let mut end = i + 1;
        if role == 2 {
            while end < tokens.len() && matches[end].role(Category::Norp) == 3 {
                end += 1;
            }
        }
        let capitalized = tokens[i..end]
            .iter()
            .all(|t| case_of(t.text(text)) == Case::Title);
        if (role == 1 || role == 2) && capitalized && !covered[i..end].iter().any(|&c| c) {
            spans.push((i, end, Label::Norp));
            added += 1;
            i = end;
        } else {
            i += 1;
        }
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(text: &str, spans: &[(&str, &str)]) -> GoldText {
        GoldText {
            text: text.to_string(),
            spans: spans
                .iter()
                .map(|(s, l)| {
                    let start = text.find(s).unwrap();
                    GoldSpan {
                        start,
                        end: start + s.len(),
                        label: l.to_string(),
                    }
                })
                .collect(),
        }
    }

    fn spans_of(t: &TaggedText) -> Vec<(String, Label)> {
        let mut out = Vec::new();
        let mut i = 0;
        while i < t.tags.len() {
            let tag = t.tags[i] as usize;
            if tag == OUTSIDE {
                i += 1;
                continue;
            }
            let l = (tag - 1) / 2;
            let mut e = i + 1;
            while e < t.tags.len() && t.tags[e] as usize == inside(l) {
                e += 1;
            }
            out.push((
                t.text[t.tokens[i].start as usize..t.tokens[e - 1].end as usize].to_string(),
                LABELS[l].clone(),
            ));
            i = e;
        }
        out
    }

    #[test]
    fn gmb_conventions_are_normalized() {
        let gaz = Gazetteer::embedded();
        let mut stats = AlignStats::default();
        let g = gold(
            "President Mahmoud Abbas met Iraqi officials in Baghdad and Hyde Park after Russia-Ukraine talks at the U.N.",
            &[("President Mahmoud Abbas", "PER"), ("Iraqi", "GPE"), ("Baghdad", "GEO"), ("Hyde Park", "GEO"), ("Russia-Ukraine", "GEO"), ("U.N.", "GEO")],
        );
        let t = project(&g, Scheme::Gmb, gaz, &mut stats);
        assert_eq!(
            spans_of(&t),
            [
                ("Mahmoud Abbas".into(), Label::Person),
                ("Iraqi".into(), Label::Norp),
                ("Baghdad".into(), Label::Gpe),
                ("Hyde Park".into(), Label::Loc),
                ("Russia".into(), Label::Gpe),
                ("Ukraine".into(), Label::Gpe),
                ("U.N.".into(), Label::Org),
            ]
        );
        assert_eq!((stats.titles_trimmed, stats.misaligned), (1, 0));
        assert!(t.aligned);
    }

    #[test]
    fn world_war_two_is_one_event() {
        let mut stats = AlignStats::default();
        let g = gold(
            "At the close of World War II, Germany was divided.",
            &[("II", "EVE"), ("Germany", "GEO")],
        );
        let t = project(&g, Scheme::Gmb, Gazetteer::embedded(), &mut stats);
        assert_eq!(spans_of(&t)[0], ("World War II".into(), Label::Event));
    }

    #[test]
    fn social_media_gets_norp_and_misalignment_is_counted() {
        let mut stats = AlignStats::default();
        let g = gold("British fans in londonish mood", &[("london", "LOC")]);
        let t = project(&g, Scheme::Btc, Gazetteer::embedded(), &mut stats);
        assert_eq!(spans_of(&t), [("British".into(), Label::Norp)]);
        assert_eq!((stats.misaligned, stats.norp_added), (1, 1));
        assert!(!t.aligned);
    }
}
