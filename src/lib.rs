//! lede: annotate news articles with entities, numbers and dates, in the browser
//! or on the command line, from one pure-Rust core.
//!
//! The pipeline, one function per step, all over the original text:
//!
//! ```text
//! text ─ tokenize ─ split_sentences ─ ref date ─ values::recognize ─ entities::tag ─ Document ─ export
//! ```
//!
//! ```
//! let doc = lede::annotate("Growth was 3.5% in Kyiv.", &lede::Options::default()).unwrap();
//! let words: Vec<&str> = doc.tokens.iter().map(|t| t.text(doc.text)).collect();
//! assert_eq!(words, ["Growth", "was", "3.5", "%", "in", "Kyiv", "."]);
//! assert_eq!(doc.sentences.len(), 1);
//! ```
//!
//! Offsets inside the core are UTF-8 bytes into the unchanged text; the records in
//! [`export`] convert them to code points or UTF-16 through [`text::OffsetMap`].
//! Nothing here touches the network, the clock or wasm types: `src/wasm.rs` and
//! `src/bin/lede.rs` are thin front ends over this crate.

#![warn(missing_docs)]

pub mod document;
pub mod entities;
pub mod export;
pub mod label;
pub mod span;
pub mod text;
pub mod values;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use document::{annotate, merge_layers, AnnotateError, Document, Options};
pub use label::{Label, LabelError};
pub use span::{Source, Span, SpanError};
pub use text::{OffsetMap, Sentence, Token, TokenKind, Unit};
pub use values::{RefDate, RefDateSource, Value};

/// The crate version, as reported by the CLI and the wasm API.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
