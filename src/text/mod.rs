//! Text layer: tokens, sentences and offset conversion. Everything here works on
//! the original text, never a modified copy, and reports UTF-8 byte offsets.

mod lexicon;
mod offsets;
mod sentences;
mod tokens;

pub use offsets::{OffsetMap, Unit};
pub use sentences::{split_sentences, Sentence};
pub use tokens::{is_separator, tokenize, tokenize_into, Token, TokenKind};
