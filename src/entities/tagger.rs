//! The runtime tagger: scores BIO tags with the linear model, decodes each
//! sentence with Viterbi and turns the best path into scored spans.
//!
//! Speed comes from the layout (issue 7): type features are summed once per
//! distinct word into five per-position score vectors and cached per thread across
//! calls (bounded, cleared when full); token features are a handful of lookups;
//! Viterbi runs over 16-lane `f32` rows holding integers (exact, so results are the
//! same on every platform) with the running maximum subtracted at each step so they
//! stay small. Confidence needs a backward max pass, run only for sentences that
//! have a span. Offsets in the output are UTF-8 bytes.

use super::features::{
    pad_key, style_of, token_features, type_features, type_key, SentenceView, TypeInfo, POSITIONS,
    WINDOW,
};
use super::gazetteer::{Gazetteer, Match};
use super::model::{
    begin, inside, is_inside, label_of, Model, ModelError, Transitions, FORBIDDEN, LABELS, LANES,
    OUTSIDE, TAGS,
};
use super::repair::repair;
use super::table::FlatMap;
use super::titles::trim_span;
use crate::span::{Source, Span};
use crate::text::{Sentence, Token, TokenKind};
use std::cell::RefCell;
use std::sync::OnceLock;

/// The committed model, embedded so the wasm needs no second download.
pub(crate) static EMBEDDED_MODEL: &[u8] = include_bytes!("../../model/ner.bin");

/// Word types cached per thread before the cache is cleared (checked between
/// sentences): 32k types × 192 bytes ≈ 6 MB, the working vocabulary of a stream
/// of news articles (600 kB of VOA news has 17k types).
const CACHE_LIMIT: usize = 1 << 15;

/// Tokens after the last span of a sentence that the backward pass still visits.
const LOOKAHEAD: usize = 3;

/// A span found by the tagger, in token indices of the document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TokenSpan {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// Index into [`LABELS`].
    pub label: usize,
    /// How much better the best path is than the best path that labels some
    /// token in or beside the span differently, in score units (≥ 0).
    pub margin: f32,
}

/// A loaded model with the gazetteer its features use.
pub struct Tagger {
    model: Model,
    gazetteer: &'static Gazetteer,
}

#[derive(Clone, Copy)]
struct TypeEntry {
    info: TypeInfo,
    /// [`Gazetteer::word`] of the lower-cased word.
    gazetteer: u32,
    /// Summed type-feature weights per relative position (−2..=+2) and tag.
    scores: [[i16; LANES]; POSITIONS],
}

/// Per-thread working memory, reused across sentences and calls.
struct Scratch {
    model_id: u64,
    index: FlatMap<u32>,
    entries: Vec<TypeEntry>,
    pads: [[[i16; LANES]; POSITIONS]; 2],
    keys: Vec<u64>,
    sentence_entries: Vec<u32>,
    infos: Vec<TypeInfo>,
    lowers: Vec<u64>,
    words: Vec<u32>,
    matches: Vec<Match>,
    emissions: Vec<[f32; LANES]>,
    delta: Vec<[f32; LANES]>,
    beta: Vec<[f32; LANES]>,
    tags: Vec<u8>,
}

impl Default for Scratch {
    fn default() -> Self {
        Scratch {
            model_id: 0,
            index: FlatMap::with_capacity(CACHE_LIMIT, 0),
            entries: Vec::new(),
            pads: [[[0; LANES]; POSITIONS]; 2],
            keys: Vec::new(),
            sentence_entries: Vec::new(),
            infos: Vec::new(),
            lowers: Vec::new(),
            words: Vec::new(),
            matches: Vec::new(),
            emissions: Vec::new(),
            delta: Vec::new(),
            beta: Vec::new(),
            tags: Vec::new(),
        }
    }
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl Tagger {
    /// The tagger with the embedded model, decoded on first use.
    pub fn embedded() -> &'static Tagger {
        static TAGGER: OnceLock<Tagger> = OnceLock::new();
        TAGGER.get_or_init(|| {
            Tagger::from_bytes(EMBEDDED_MODEL).expect("the embedded model is valid (tested)")
        })
    }

    /// A tagger from model file bytes.
    ///
    /// # Errors
    /// [`ModelError`] when the bytes are not a model this build can read.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, ModelError> {
        Ok(Tagger::new(Model::from_bytes(bytes)?))
    }

    /// A tagger over a model already in runtime layout.
    pub fn new(model: Model) -> Tagger {
        Tagger {
            model,
            gazetteer: Gazetteer::embedded(),
        }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// The calibrated probability that a span with this margin is exactly right.
    pub fn probability(&self, margin: f32) -> f32 {
        let [a, b] = self.model.calibration;
        let z = a * margin + b;
        let p = 1.0 / (1.0 + (-z).exp());
        // Three decimals: enough for a UI, and the same digits on every platform.
        (p * 1000.0).round() / 1000.0
    }

    /// Tags every sentence, returning spans sorted by position with titles and
    /// possessives trimmed; `score` is the calibrated probability.
    pub fn tag<'t>(
        &self,
        text: &'t str,
        tokens: &[Token],
        sentences: &[Sentence],
    ) -> Vec<Span<'t>> {
        let mut found = Vec::new();
        self.tag_tokens(text, tokens, sentences, &mut found);
        found
            .iter()
            .filter_map(|s| {
                let (start, end) = (
                    tokens[s.start].start as usize,
                    tokens[s.end - 1].end as usize,
                );
                let mut span =
                    Span::new(text, start, end, LABELS[s.label].clone(), Source::Model).ok()?;
                span.score = self.probability(s.margin);
                Some(span)
            })
            .collect()
    }

    /// Like [`Tagger::tag`] but appends token-index spans with raw margins to `out`.
    pub fn tag_tokens(
        &self,
        text: &str,
        tokens: &[Token],
        sentences: &[Sentence],
        out: &mut Vec<TokenSpan>,
    ) {
        SCRATCH.with(|cell| {
            let mut scratch = cell.borrow_mut();
            scratch.prepare(&self.model);
            for sentence in sentences {
                if scratch.entries.len() >= CACHE_LIMIT {
                    scratch.prepare(&self.model);
                }
                let range = sentence.tokens();
                if range.is_empty() || range.end > tokens.len() {
                    continue;
                }
                let before = out.len();
                scratch.tag_sentence(self, text, &tokens[range.clone()], range.start, out);
                // Trim titles and possessives; a span may vanish (a bare title).
                let mut kept = before;
                for i in before..out.len() {
                    let s = out[i];
                    let (a, b) = trim_span(
                        text,
                        tokens,
                        s.start,
                        s.end,
                        LABELS[s.label] == crate::label::Label::Person,
                        self.gazetteer,
                    );
                    if a < b {
                        out[kept] = TokenSpan {
                            start: a,
                            end: b,
                            ..s
                        };
                        kept += 1;
                    }
                }
                out.truncate(kept);
                let mut sentence_spans = out.split_off(before);
                repair(
                    text,
                    tokens,
                    range.clone(),
                    &mut sentence_spans,
                    self.gazetteer,
                );
                out.append(&mut sentence_spans);
            }
        });
    }
}

fn add_i8(acc: &mut [i16; LANES], w: &[i8]) {
    for (a, &x) in acc.iter_mut().zip(w) {
        *a += i16::from(x);
    }
}

fn argmax(row: &[f32; LANES]) -> usize {
    let mut best = 0;
    for t in 1..TAGS {
        if row[t] > row[best] {
            best = t;
        }
    }
    best
}

impl Scratch {
    fn prepare(&mut self, model: &Model) {
        if self.model_id == model.id && self.entries.len() < CACHE_LIMIT {
            return;
        }
        self.index.clear();
        self.entries.clear();
        if self.model_id != model.id {
            for (pad, before) in self.pads.iter_mut().zip([true, false]) {
                *pad = [[0; LANES]; POSITIONS];
                if let Some(w) = model.type_table.get(pad_key(before)) {
                    for (p, row) in pad.iter_mut().enumerate() {
                        add_i8(row, &w[p * LANES..(p + 1) * LANES]);
                    }
                }
            }
            self.model_id = model.id;
        }
    }

    /// The cache entry of a token's word type, computing it on first sight.
    fn entry(&mut self, model: &Model, gazetteer: &Gazetteer, word: &str, kind: TokenKind) -> u32 {
        let h = type_key(word, kind);
        if let Some(i) = self.index.get(h) {
            return i;
        }
        self.keys.clear();
        let info = type_features(word, kind, &mut self.keys);
        let mut scores = [[0i16; LANES]; POSITIONS];
        for &k in &self.keys {
            if let Some(w) = model.type_table.get(k) {
                for (p, row) in scores.iter_mut().enumerate() {
                    add_i8(row, &w[p * LANES..(p + 1) * LANES]);
                }
            }
        }
        let i = self.entries.len() as u32;
        self.entries.push(TypeEntry {
            info,
            gazetteer: gazetteer.word(info.lower),
            scores,
        });
        self.index.insert(h, i);
        i
    }

    fn tag_sentence(
        &mut self,
        tagger: &Tagger,
        text: &str,
        tokens: &[Token],
        offset: usize,
        out: &mut Vec<TokenSpan>,
    ) {
        let model = &tagger.model;
        let n = tokens.len();
        self.sentence_entries.clear();
        self.infos.clear();
        self.lowers.clear();
        self.words.clear();
        for t in tokens {
            let e = self.entry(model, tagger.gazetteer, t.text(text), t.kind);
            self.sentence_entries.push(e);
            let entry = &self.entries[e as usize];
            self.infos.push(entry.info);
            self.lowers.push(entry.info.lower);
            self.words.push(entry.gazetteer);
        }
        tagger
            .gazetteer
            .match_words(&self.words, &self.lowers, &mut self.matches);
        let view = SentenceView {
            infos: &self.infos,
            gazetteer: &self.matches,
            style: style_of(&self.infos, tokens.iter().map(|t| t.kind)),
        };

        self.emissions.clear();
        for i in 0..n {
            let mut acc = [0i32; LANES];
            for (p, r) in (0..POSITIONS).zip(-(WINDOW as isize)..) {
                let j = i as isize + r;
                let row = if j < 0 {
                    &self.pads[0][p]
                } else if j as usize >= n {
                    &self.pads[1][p]
                } else {
                    &self.entries[self.sentence_entries[j as usize] as usize].scores[p]
                };
                for (a, &x) in acc.iter_mut().zip(row) {
                    *a += i32::from(x);
                }
            }
            self.keys.clear();
            token_features(&view, i, &mut self.keys);
            for &k in &self.keys {
                if let Some(w) = model.token_table.get(k) {
                    for (a, &x) in acc.iter_mut().zip(w) {
                        *a += i32::from(x);
                    }
                }
            }
            self.emissions.push(acc.map(|x| x as f32));
        }

        viterbi(
            &model.transitions,
            &self.emissions,
            &mut self.delta,
            &mut self.tags,
        );
        let first_span = out.len();
        collect_spans(&self.tags, offset, out);
        if out.len() > first_span {
            // Margins only need the backward scores up to a little past the last
            // span; later tokens barely move them, and stopping there saved a
            // third of the pass (the sentence end then scores 0 for every tag).
            let last = out.last().map_or(n, |s| s.end - offset);
            let stop = (last + LOOKAHEAD).min(n);
            let closing = if stop == n {
                model.transitions.end
            } else {
                [0.0; LANES]
            };
            backward(
                &model.transitions,
                &self.emissions[..stop],
                closing,
                &mut self.beta,
            );
            for s in &mut out[first_span..] {
                let (a, b) = (s.start - offset, s.end - offset);
                let lo = a.saturating_sub(1);
                let hi = b.min(n - 1);
                let mut margin = f32::INFINITY;
                for i in lo..=hi {
                    let chosen = self.tags[i] as usize;
                    let mut total = self.delta[i];
                    add_rows(&mut total, &self.beta[i]);
                    let best_other = total[..TAGS]
                        .iter()
                        .enumerate()
                        .filter(|&(t, _)| t != chosen)
                        .map(|(_, &x)| x)
                        .fold(f32::NEG_INFINITY, |m, x| if x > m { x } else { m }); // f32::max is a libm call (fmaxf) in wasm
                    margin = margin.min(total[chosen] - best_other);
                }
                s.margin = margin.max(0.0) * model.scale;
            }
        }
    }
}

/// `best = max(best, from + row)` lane by lane; written as a zip with a compare
/// so LLVM emits packed adds and `maxps` (measured: the indexed form with
/// `f32::max` stayed scalar and cost 3× more).
#[inline(always)]
fn relax(best: &mut [f32; LANES], from: f32, row: &[f32; LANES]) {
    for (b, &r) in best.iter_mut().zip(row) {
        let c = from + r;
        *b = if c > *b { c } else { *b };
    }
}

#[inline(always)]
fn add_rows(acc: &mut [f32; LANES], row: &[f32; LANES]) {
    for (a, &r) in acc.iter_mut().zip(row) {
        *a += r;
    }
}

/// Subtracts the O lane from every lane: keeps scores small over long sentences
/// at the cost of one broadcast (a full max would cost a horizontal reduction).
#[inline(always)]
fn rebase(row: &mut [f32; LANES]) {
    let o = row[OUTSIDE];
    for x in row.iter_mut() {
        *x -= o;
    }
}

/// Max-product forward pass; `delta[i][t]` is the best score of a path ending in
/// tag `t` at token `i` (relative to the O tag there). Writes the best path.
#[inline(never)] // once per sentence; kept out of line so profiles attribute it
pub(crate) fn viterbi(
    tr: &Transitions,
    emissions: &[[f32; LANES]],
    delta: &mut Vec<[f32; LANES]>,
    tags: &mut Vec<u8>,
) {
    let n = emissions.len();
    delta.clear();
    tags.clear();
    if n == 0 {
        return;
    }
    let mut row = tr.start;
    add_rows(&mut row, &emissions[0]);
    rebase(&mut row);
    delta.push(row);
    for e in &emissions[1..] {
        let mut best = [2.0 * FORBIDDEN; LANES];
        for (&from, next) in row[..TAGS].iter().zip(&tr.next) {
            relax(&mut best, from, next);
        }
        add_rows(&mut best, e);
        rebase(&mut best);
        delta.push(best);
        row = best;
    }
    add_rows(&mut row, &tr.end);
    tags.resize(n, 0);
    tags[n - 1] = argmax(&row) as u8;
    for i in (1..n).rev() {
        let mut scores = delta[i - 1];
        add_rows(&mut scores, &tr.prev[tags[i] as usize]);
        tags[i - 1] = argmax(&scores) as u8;
    }
}

/// Max-product backward pass: `beta[i][t]` is the best score of the rest of the
/// sentence after token `i` given tag `t` there (relative to O).
#[inline(never)]
pub(crate) fn backward(
    tr: &Transitions,
    emissions: &[[f32; LANES]],
    closing: [f32; LANES],
    beta: &mut Vec<[f32; LANES]>,
) {
    let n = emissions.len();
    beta.clear();
    beta.resize(n, [0.0; LANES]);
    beta[n - 1] = closing;
    for i in (0..n - 1).rev() {
        let mut x = emissions[i + 1];
        add_rows(&mut x, &beta[i + 1]);
        let mut best = [2.0 * FORBIDDEN; LANES];
        for (next, &xn) in x.iter().enumerate().take(TAGS) {
            relax(&mut best, xn, &tr.prev[next]);
        }
        rebase(&mut best);
        beta[i] = best;
    }
}

/// Turns a BIO path into spans (token indices offset by `offset`); a stray I-x
/// opens a span like B-x would.
pub(crate) fn collect_spans(tags: &[u8], offset: usize, out: &mut Vec<TokenSpan>) {
    let mut open: Option<(usize, usize)> = None; // (start, label)
    for (i, &t) in tags.iter().enumerate() {
        let t = t as usize;
        let continues = is_inside(t) && open.is_some_and(|(_, l)| Some(l) == label_of(t));
        if continues {
            continue;
        }
        if let Some((s, l)) = open.take() {
            out.push(TokenSpan {
                start: offset + s,
                end: offset + i,
                label: l,
                margin: 0.0,
            });
        }
        if t != OUTSIDE {
            open = label_of(t).map(|l| (i, l));
        }
    }
    if let Some((s, l)) = open {
        out.push(TokenSpan {
            start: offset + s,
            end: offset + tags.len(),
            label: l,
            margin: 0.0,
        });
    }
    debug_assert!(begin(0) != inside(0));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_scores_the_same_whatever_was_tagged_before() {
        let scores = |texts: &[&str]| {
            let texts: Vec<String> = texts.iter().map(|t| t.to_string()).collect();
            // A thread of its own: the word-type cache is per thread.
            std::thread::spawn(move || {
                let mut last = Vec::new();
                for text in &texts {
                    let tokens = crate::text::tokenize(text);
                    let sentences = crate::text::split_sentences(text, &tokens);
                    last = Tagger::embedded()
                        .tag(text, &tokens, &sentences)
                        .iter()
                        .map(|s| (s.text.to_string(), s.score))
                        .collect();
                }
                last
            })
            .join()
            .unwrap()
        };
        let text = "It has a long history in scholarship (Baron & Beresford 2014), but not here.";
        let alone = scores(&[text]);
        assert!(!alone.is_empty());
        assert_eq!(scores(&["Grade F pupils, F and more F.", text]), alone);
        assert_eq!(scores(&["Hoffmann & Kühn & Co.", text]), alone);
    }

    #[test]
    fn bio_paths_become_spans() {
        let (b0, i0, b2) = (begin(0) as u8, inside(0) as u8, begin(2) as u8);
        let mut out = Vec::new();
        collect_spans(&[0, b0, i0, 0, b2, b2, inside(2) as u8, i0], 10, &mut out);
        let got: Vec<_> = out.iter().map(|s| (s.start, s.end, s.label)).collect();
        assert_eq!(got, [(11, 13, 0), (14, 15, 2), (15, 17, 2), (17, 18, 0)]);
        out.clear();
        collect_spans(&[], 0, &mut out);
        assert!(out.is_empty());
    }

    #[test]
    fn embedded_model_loads() {
        let tagger = Tagger::embedded();
        assert!(!tagger.model().type_table.is_empty());
        let p = tagger.probability(0.0);
        assert!((0.0..=1.0).contains(&p));
    }
}
