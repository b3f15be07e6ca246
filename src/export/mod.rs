//! Output and interchange formats. Every format is written here once and shared by
//! the CLI and the wasm build; each converts byte offsets through one
//! [`crate::text::OffsetMap`] into the unit its format specifies.
//!
//! [`write`] turns a [`Document`] into files; [`read`] turns lede JSON, Prodigy
//! JSONL or brat standoff back into a [`DocumentRecord`], checking every offset
//! against the text. The offsets each format uses:
//!
//! | format | files | offsets |
//! |---|---|---|
//! | lede JSON | `.json` | code points (`"offsets": "chars"`) |
//! | Prodigy / spaCy JSONL | `.jsonl` | code points, `token_end` inclusive |
//! | CoNLL-2003 IOB2 | `.conll` | none: one token per line |
//! | brat standoff | `.txt` + `.ann` | code points |
//! | W3C Web Annotation | `.jsonld` | code points (`TextPositionSelector`) |
//! | CSV (RFC 4180) | `.csv` | code points |
//!
//! The token-based formats (Prodigy, CoNLL) write the tokenizer's tokens, split
//! only where a span edge falls inside a token (see [`tokens`]).

pub mod brat;
pub mod conll;
pub mod csv;
pub mod flat;
pub mod import;
pub mod json;
pub mod prodigy;
#[cfg(test)]
mod testing;
pub mod tokens;
pub mod web_annotation;

pub use flat::FlatDocument;
pub use import::{
    detect, read, ImportError, ImportWarning, Imported, OnConflict, ReadOptions, SpanId,
};
pub use json::{DocumentInput, DocumentRecord, SentenceRecord, SpanRecord, TokenRecord};

use crate::document::Document;
use crate::text::OffsetMap;
use serde::Serialize;
use std::fmt;

/// A file format lede writes (all six) or reads (lede JSON, Prodigy JSONL, brat).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Format {
    /// lede's own JSON document, everything included, re-importable losslessly.
    LedeJson,
    /// One Prodigy / spaCy task per line: text, tokens, spans.
    ProdigyJsonl,
    /// CoNLL-2003 columns with IOB2 tags, one token per line.
    Conll2003,
    /// brat standoff: the text (`.txt`) and its annotations (`.ann`).
    Brat,
    /// W3C Web Annotation JSON-LD: an `AnnotationCollection` of `Annotation`s.
    WebAnnotation,
    /// RFC 4180 CSV, one row per span.
    Csv,
}

impl Format {
    /// Every format, in the order the export menu lists them.
    pub const ALL: [Format; 6] = [
        Format::LedeJson,
        Format::ProdigyJsonl,
        Format::Conll2003,
        Format::Brat,
        Format::WebAnnotation,
        Format::Csv,
    ];

    /// The format's name in the CLI and the wasm API: `lede-json`, `prodigy-jsonl`,
    /// `conll2003`, `brat`, `web-annotation`, `csv`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::LedeJson => "lede-json",
            Format::ProdigyJsonl => "prodigy-jsonl",
            Format::Conll2003 => "conll2003",
            Format::Brat => "brat",
            Format::WebAnnotation => "web-annotation",
            Format::Csv => "csv",
        }
    }

    /// Parses a format name: the names of [`Format::as_str`] plus the short forms
    /// `json`, `prodigy`, `jsonl`, `spacy`, `conll`, `w3c`, `jsonld` (case-insensitive).
    pub fn parse(name: &str) -> Option<Format> {
        let format = match name.trim().to_ascii_lowercase().as_str() {
            "lede-json" | "lede" | "json" => Format::LedeJson,
            "prodigy-jsonl" | "prodigy" | "jsonl" | "spacy" => Format::ProdigyJsonl,
            "conll2003" | "conll-2003" | "conll" | "iob2" => Format::Conll2003,
            "brat" | "standoff" => Format::Brat,
            "web-annotation" | "w3c" | "jsonld" | "webannotation" => Format::WebAnnotation,
            "csv" => Format::Csv,
            _ => return None,
        };
        Some(format)
    }

    /// True for the formats [`read`] accepts: lede JSON, Prodigy JSONL and brat.
    pub fn is_readable(self) -> bool {
        matches!(self, Format::LedeJson | Format::ProdigyJsonl | Format::Brat)
    }
}

impl fmt::Display for Format {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One written file. Serialized as `{name, mime, text}` for the wasm API.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExportFile {
    /// File name: the document's name (or `document`) plus the format's extension.
    pub name: String,
    /// Media type for a download (`application/json`, `text/csv`, …).
    pub mime: &'static str,
    /// The file's contents.
    pub text: String,
}

/// Options for [`write`].
#[derive(Clone, Debug, Default)]
pub struct WriteOptions {
    /// The document's name, from which file names derive: its last path
    /// component, without a known extension (`.txt`, `.json`, …), with characters
    /// no file system accepts replaced by `_` (default `None`: `document`).
    pub name: Option<String>,
    /// The caller's document id, kept in formats with a place for it (lede JSON
    /// `id`, Prodigy `meta.id`) (default `None`).
    pub id: Option<serde_json::Value>,
}

/// Writes `doc` in `format`: one file, or two for brat (`.txt` then `.ann`).
///
/// Expects the [`Document`] invariants: spans sorted, not overlapping, each
/// covering at least one token character ([`DocumentInput::to_document`]
/// enforces them on input from outside). Never panics when they do not hold; a
/// token-based format then leaves out the spans it cannot express.
pub fn write(doc: &Document<'_>, format: Format, options: &WriteOptions) -> Vec<ExportFile> {
    let stem = file_stem(options.name.as_deref());
    let map = OffsetMap::new(doc.text);
    let file = |extension: &str, mime: &'static str, text: String| ExportFile {
        name: format!("{stem}.{extension}"),
        mime,
        text,
    };
    match format {
        Format::LedeJson => vec![file(
            "json",
            "application/json",
            json::write(doc, &map, options),
        )],
        Format::ProdigyJsonl => vec![file(
            "jsonl",
            "application/x-ndjson",
            prodigy::write(doc, &map, options),
        )],
        Format::Conll2003 => vec![file("conll", "text/plain", conll::write(doc))],
        Format::Brat => vec![
            file("txt", "text/plain", doc.text.to_string()),
            file("ann", "text/plain", brat::write(doc, &map)),
        ],
        Format::WebAnnotation => vec![file(
            "jsonld",
            "application/ld+json",
            web_annotation::write(doc, &map, &stem),
        )],
        Format::Csv => vec![file("csv", "text/csv", csv::write(doc, &map))],
    }
}

/// Extensions stripped from a document name before a format's own is added.
const KNOWN_EXTENSIONS: [&str; 12] = [
    "txt", "md", "html", "htm", "json", "jsonl", "ann", "conll", "jsonld", "csv", "xml", "text",
];

/// The file name stem for a document called `name` (see [`WriteOptions::name`]).
pub fn file_stem(name: Option<&str>) -> String {
    let last = name
        .unwrap_or_default()
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default();
    let stem = match last.rsplit_once('.') {
        Some((stem, ext))
            if !stem.is_empty()
                && KNOWN_EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()) =>
        {
            stem
        }
        _ => last,
    };
    let clean: String = stem
        .chars()
        .map(|c| {
            if c.is_control() || "<>:\"/\\|?*".contains(c) {
                '_'
            } else {
                c
            }
        })
        .take(120)
        .collect();
    let clean = clean.trim_matches(|c: char| c.is_whitespace() || c == '.');
    if clean.is_empty() {
        "document".to_string()
    } else {
        clean.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_names_round_trip() {
        for format in Format::ALL {
            assert_eq!(Format::parse(format.as_str()), Some(format));
        }
        assert_eq!(Format::parse(" JSONL "), Some(Format::ProdigyJsonl));
        assert_eq!(Format::parse("docx"), None);
    }

    #[test]
    fn file_stems_are_safe_and_default_to_document() {
        assert_eq!(file_stem(None), "document");
        assert_eq!(file_stem(Some("")), "document");
        assert_eq!(file_stem(Some("  ..  ")), "document");
        assert_eq!(file_stem(Some("news/kyiv.txt")), "kyiv");
        assert_eq!(file_stem(Some("C:\\a\\b.JSON")), "b");
        assert_eq!(file_stem(Some("Reuters 24.01.2025")), "Reuters 24.01.2025");
        assert_eq!(file_stem(Some("a:b?c\u{0}")), "a_b_c_");
        assert_eq!(file_stem(Some("東京 🇺🇦.md")), "東京 🇺🇦");
        assert_eq!(file_stem(Some(".txt")), "txt");
    }
}
