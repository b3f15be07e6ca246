//! Named entities: people, organizations, places, nationalities and events,
//! tagged by a statistical sequence model and linked across mentions.
//!
//! [`tag`] runs the embedded model ([`Tagger`]) sentence by sentence, trims titles
//! and possessives ([`titles`]), then links aliases and acronyms ([`link`]) so
//! mentions of one entity share an `entity` id; [`groups`] lists those entities
//! for output layers. Training and evaluation (`train`, `corpus`, `eval`) are
//! compiled only for native targets: the page never ships them.

pub mod context;
pub mod features;
pub mod gazetteer;
pub mod link;
pub mod model;
pub mod repair;
pub mod table;
pub mod tagger;
pub mod titles;

#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
#[cfg(not(target_arch = "wasm32"))]
pub mod eval;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

pub use link::{groups, renumber, EntityGroup};
pub use tagger::{Tagger, TokenSpan};

use crate::span::Span;
use crate::text::{Sentence, Token};

/// Decodes the embedded model and gazetteer now instead of on the first call to
/// [`tag`], so a front end can pay that cost at start-up (while it waits for
/// input). Calling it again does nothing.
#[inline(never)] // a symbol of its own so profilers can count the decoding alone
pub fn warm_up() {
    Tagger::embedded();
}

/// Tags PERSON, ORG, GPE, LOC, NORP and EVENT spans, sentence by sentence, and
/// links their mentions. Spans are sorted and do not overlap; each carries a
/// calibrated confidence `score` in [0, 1] and an `entity` id (ids count from 0 in
/// order of first mention). Spans from the model have source `Model`; mentions
/// added by acronym or alias linking have source `Rule`.
#[inline(never)] // once per document; a symbol of its own for profilers
pub fn tag<'t>(text: &'t str, tokens: &[Token], sentences: &[Sentence]) -> Vec<Span<'t>> {
    let mut spans = Tagger::embedded().tag(text, tokens, sentences);
    context::drop_sentence_capitals(text, tokens, sentences, &mut spans);
    context::headline_spans(text, tokens, &mut spans);
    let sports_report = context::is_sports_report(text, tokens);
    if sports_report {
        context::team_nicknames(text, tokens, &mut spans);
        context::schedule_opponents(text, tokens, &mut spans);
    }
    link::link(text, tokens, &mut spans, sports_report);
    spans
}
