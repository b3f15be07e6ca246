//! Output and interchange formats. Every format is written here once and shared by
//! the CLI and the wasm build; each converts byte offsets through one
//! [`crate::text::OffsetMap`] into the unit its format specifies.

pub mod flat;
pub mod json;

pub use flat::FlatDocument;
pub use json::{DocumentRecord, SentenceRecord, SpanRecord, TokenRecord};
