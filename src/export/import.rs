//! Reading documents back: format detection, the one place incoming offsets are
//! converted to bytes and checked, and the errors and warnings import reports.
//!
//! Every reader (lede JSON, Prodigy JSONL, brat), and the export path for lede JSON
//! sent by the page or the CLI, hands its spans to [`assemble`], which converts
//! offsets from the input's unit through [`OffsetMap::to_byte`] and refuses any
//! that lie past the text, inside a character, or where the span's stated text
//! differs from the text at its offsets. It then sorts the spans and keeps them one
//! layer (DESIGN.md invariant 3): a span that overlaps one kept before it (sorted
//! by start, longer first) or covers only whitespace is refused on export
//! ([`OnConflict::Refuse`]) and left out with a warning on import
//! ([`OnConflict::KeepFirst`]). Tokens and sentences are recomputed with the
//! tokenizer, which is deterministic; tokens in the input are ignored.

use super::json::DocumentRecord;
use super::{brat, json, prodigy, Format};
use crate::document::{Document, MAX_TEXT_BYTES};
use crate::label::{Label, LabelError};
use crate::span::{Source, Span};
use crate::text::{split_sentences, tokenize, OffsetMap, Token, Unit};
use crate::values::{Date, DateError, DateTime, RefDate, RefDateSource, Value};
use serde::de::{Error as _, IgnoredAny};
use serde::{Deserialize, Deserializer};
use std::borrow::Cow;
use std::fmt;

/// Options for [`read`].
#[derive(Clone, Copy, Debug)]
pub struct ReadOptions<'a> {
    /// The input's format; when `None` (the default) it is brat if a companion
    /// text is given, else detected from the content ([`detect`]).
    pub format: Option<Format>,
    /// The document text for brat, whose `.ann` holds only offsets (default `None`).
    pub companion: Option<&'a str>,
    /// The offsets unit of the returned record (default code points).
    pub unit: Unit,
}

impl Default for ReadOptions<'_> {
    fn default() -> Self {
        ReadOptions {
            format: None,
            companion: None,
            unit: Unit::Chars,
        }
    }
}

/// A document read back from a file.
#[derive(Clone, Debug, PartialEq)]
pub struct Imported {
    /// The document: spans checked, sorted and one layer, with offsets in the
    /// unit asked for; tokens and sentences recomputed from the text.
    pub document: DocumentRecord<'static>,
    /// The format it was read as.
    pub format: Format,
    /// What was left out or ignored, in input order.
    pub warnings: Vec<ImportWarning>,
}

/// Reads a lede JSON document, a Prodigy / spaCy JSONL task or brat standoff
/// (`input` = the `.ann`, [`ReadOptions::companion`] = the `.txt`).
///
/// JSON input may hold several documents (JSON Lines); the first is read and the
/// rest reported as [`ImportWarning::MoreDocuments`]. A leading byte order mark is
/// skipped. Prodigy and brat spans get source `import` and score 1 unless the file
/// says otherwise (lede's own brat notes do).
///
/// # Errors
/// [`ImportError`] for an unrecognized or unreadable input and for any span whose
/// offsets do not fit the text.
pub fn read(input: &str, options: &ReadOptions<'_>) -> Result<Imported, ImportError> {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let format = match (options.format, options.companion) {
        (Some(format), _) => format,
        (None, Some(_)) => Format::Brat,
        (None, None) => detect(input).ok_or(ImportError::UnknownFormat)?,
    };
    let parsed = match format {
        Format::LedeJson => json::read(input)?,
        Format::ProdigyJsonl => prodigy::read(input)?,
        Format::Brat => brat::read(input, options.companion.ok_or(ImportError::MissingText)?)?,
        other => return Err(ImportError::Unsupported { format: other }),
    };
    let (doc, more) = assemble(
        &parsed.text,
        parsed.unit,
        parsed.ref_date,
        parsed.spans,
        OnConflict::KeepFirst,
    )?;
    let mut warnings = parsed.warnings;
    warnings.extend(more);
    let mut document = DocumentRecord::new(&doc, options.unit).into_owned();
    document.id = parsed.id;
    document.name = parsed.name;
    Ok(Imported {
        document,
        format,
        warnings,
    })
}

/// Guesses the format of `input` from its content: JSON with an `@context` is a
/// Web Annotation, with `offsets` or `ref_date` lede JSON, with `text` Prodigy
/// JSONL; a first line `-DOCSTART-` is CoNLL, `start,end,label,…` lede's CSV, and
/// `T1<TAB>…`-style lines brat. Returns `None` when it is none of these.
///
/// Input that starts with `{` but is not valid JSON is guessed as lede JSON (or
/// Prodigy without an `"offsets"` key), so reading it reports the line and column.
pub fn detect(input: &str) -> Option<Format> {
    let trimmed = input.trim_start_matches('\u{feff}').trim_start();
    if trimmed.starts_with('{') {
        #[derive(Deserialize)]
        struct Probe {
            #[serde(rename = "@context")]
            context: Option<IgnoredAny>,
            offsets: Option<IgnoredAny>,
            ref_date: Option<IgnoredAny>,
            text: Option<IgnoredAny>,
        }
        let first = serde_json::Deserializer::from_str(trimmed)
            .into_iter::<Probe>()
            .next();
        return match first {
            Some(Ok(probe)) if probe.context.is_some() => Some(Format::WebAnnotation),
            Some(Ok(probe)) if probe.offsets.is_some() || probe.ref_date.is_some() => {
                Some(Format::LedeJson)
            }
            Some(Ok(probe)) if probe.text.is_some() => Some(Format::ProdigyJsonl),
            Some(Ok(_)) => None,
            _ if trimmed.contains("\"offsets\"") => Some(Format::LedeJson),
            _ => Some(Format::ProdigyJsonl),
        };
    }
    let first_line = trimmed.lines().next().unwrap_or_default();
    if first_line.starts_with("-DOCSTART-") {
        return Some(Format::Conll2003);
    }
    if first_line.starts_with("start,end,label") {
        return Some(Format::Csv);
    }
    let (id, _) = first_line.split_once('\t')?;
    let brat_id = id.starts_with(['T', 'N', 'R', 'E', 'A', 'M', '#', '*'])
        && !id.contains(char::is_whitespace);
    brat_id.then_some(Format::Brat)
}

/// What to do with a span that cannot join the one layer of spans: one that
/// overlaps a span kept before it, or covers only whitespace (no token).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OnConflict {
    /// Fail with [`ImportError::Overlap`] or [`ImportError::NoToken`]: export
    /// never silently writes less than the user sees.
    Refuse,
    /// Leave the span out and report an [`ImportWarning`]: foreign files often
    /// nest annotations, and lede holds one layer.
    KeepFirst,
}

/// Names a span of an input in errors and warnings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SpanId {
    /// Position among the input's spans, from 0.
    pub index: usize,
    /// The span's id in the file (brat `T3`), when it has one.
    pub name: Option<String>,
    /// The 1-based input line it came from, for line-based formats.
    pub line: Option<usize>,
    /// Its label as read.
    pub label: String,
}

impl fmt::Display for SpanId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (&self.name, self.line) {
            (Some(name), Some(line)) => write!(f, "{name} on line {line} ({})", self.label),
            (Some(name), None) => write!(f, "{name} ({})", self.label),
            (None, _) => write!(f, "spans[{}] ({})", self.index, self.label),
        }
    }
}

/// Why a document could not be read (or, for export, accepted). Span ids are
/// boxed to keep `Result<_, ImportError>` small on the path that succeeds.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ImportError {
    /// The content matches none of the formats lede reads.
    UnknownFormat,
    /// The content is a format lede writes but does not read back.
    Unsupported {
        /// The format recognized.
        format: Format,
    },
    /// Malformed JSON, or JSON that does not fit the format's schema.
    Json {
        /// 1-based line of the input.
        line: usize,
        /// 1-based column (in bytes, as serde_json counts).
        column: usize,
        /// What was wrong, from serde_json.
        message: String,
    },
    /// A brat `.ann` line that cannot be parsed.
    BratLine {
        /// 1-based line of the `.ann`.
        line: usize,
        /// What is wrong with it.
        reason: &'static str,
    },
    /// A label name that is empty or contains whitespace.
    Label {
        /// 1-based line of the input.
        line: usize,
        /// Why the name was refused.
        error: LabelError,
    },
    /// brat annotations were given without their text (the `.txt`).
    MissingText,
    /// A span offset past the end of the text.
    OutOfRange {
        /// The span.
        span: Box<SpanId>,
        /// The offset, in `unit`.
        offset: usize,
        /// The text's length, in `unit`.
        len: usize,
        /// The input's offsets unit.
        unit: Unit,
    },
    /// A span offset inside a character: between the two halves of a UTF-16
    /// surrogate pair, or inside a UTF-8 sequence.
    InsideCharacter {
        /// The span.
        span: Box<SpanId>,
        /// The offset, in `unit`.
        offset: usize,
        /// The input's offsets unit.
        unit: Unit,
    },
    /// A span whose start is not before its end.
    EmptySpan {
        /// The span.
        span: Box<SpanId>,
        /// Its start, in the input's unit.
        start: usize,
        /// Its end, in the input's unit.
        end: usize,
    },
    /// The span's stated text differs from the text at its offsets.
    TextMismatch {
        /// The span.
        span: Box<SpanId>,
        /// Its start, in `unit`.
        start: usize,
        /// Its end, in `unit`.
        end: usize,
        /// The input's offsets unit.
        unit: Unit,
        /// The text the span states.
        expected: String,
        /// The text at its offsets.
        found: String,
    },
    /// A span covering only whitespace ([`OnConflict::Refuse`] only).
    NoToken {
        /// The span.
        span: Box<SpanId>,
        /// Its start, in `unit`.
        start: usize,
        /// Its end, in `unit`.
        end: usize,
        /// The input's offsets unit.
        unit: Unit,
    },
    /// Two spans overlap ([`OnConflict::Refuse`] only).
    Overlap {
        /// The later span.
        span: Box<SpanId>,
        /// Its `start, end`, in `unit`.
        range: (usize, usize),
        /// The span it overlaps.
        other: Box<SpanId>,
        /// Its `start, end`, in `unit`.
        other_range: (usize, usize),
        /// The input's offsets unit.
        unit: Unit,
    },
    /// A reference date that is not `YYYY-MM-DD[THH:MM[:SS]]`.
    RefDate {
        /// Why it was refused.
        error: DateError,
    },
    /// A text of 4 GiB or more.
    TooLarge {
        /// Its length in bytes.
        len: usize,
    },
}

impl From<serde_json::Error> for ImportError {
    fn from(e: serde_json::Error) -> Self {
        let (line, column) = (e.line(), e.column());
        let full = e.to_string();
        let position = format!(" at line {line} column {column}");
        let message = full.strip_suffix(&position).unwrap_or(&full).to_string();
        ImportError::Json {
            line,
            column,
            message,
        }
    }
}

fn unit_name(unit: Unit) -> &'static str {
    match unit {
        Unit::Bytes => "UTF-8 bytes",
        Unit::Chars => "code points",
        Unit::Utf16 => "UTF-16 code units",
    }
}

/// At most 40 characters of `s`, for messages.
fn excerpt(s: &str) -> String {
    match s.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &s[..cut]),
        None => s.to_string(),
    }
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::UnknownFormat => write!(
                f,
                "cannot tell the format: expected lede JSON, Prodigy JSONL or a brat .ann"
            ),
            ImportError::Unsupported { format } => write!(
                f,
                "this looks like {format}, which lede writes but does not read (it reads lede-json, prodigy-jsonl and brat)"
            ),
            ImportError::Json {
                line,
                column,
                message,
            } => write!(f, "JSON error at line {line}, column {column}: {message}"),
            ImportError::BratLine { line, reason } => write!(f, "line {line}: {reason}"),
            ImportError::Label { line, error } => write!(f, "line {line}: {error}"),
            ImportError::MissingText => {
                write!(f, "brat annotations need their text (the .txt file)")
            }
            ImportError::OutOfRange {
                span,
                offset,
                len,
                unit,
            } => write!(
                f,
                "{span}: offset {offset} is past the end of the text ({len} {})",
                unit_name(*unit)
            ),
            ImportError::InsideCharacter { span, offset, unit } => write!(
                f,
                "{span}: offset {offset} falls inside a character (offsets are {})",
                unit_name(*unit)
            ),
            ImportError::EmptySpan { span, start, end } => {
                write!(f, "{span}: {start}..{end} is empty")
            }
            ImportError::TextMismatch {
                span,
                start,
                end,
                unit,
                expected,
                found,
            } => write!(
                f,
                "{span}: text {:?} does not match {:?} at {start}..{end} ({}); are the offsets in another unit?",
                excerpt(expected),
                excerpt(found),
                unit_name(*unit)
            ),
            ImportError::NoToken {
                span,
                start,
                end,
                unit,
            } => write!(
                f,
                "{span}: {start}..{end} ({}) covers only whitespace",
                unit_name(*unit)
            ),
            ImportError::Overlap {
                span,
                range,
                other,
                other_range,
                unit,
            } => write!(
                f,
                "{span} at {}..{} overlaps {other} at {}..{} ({}); lede keeps one layer of spans",
                range.0,
                range.1,
                other_range.0,
                other_range.1,
                unit_name(*unit)
            ),
            ImportError::RefDate { error } => write!(f, "ref_date: {error}"),
            ImportError::TooLarge { len } => {
                write!(f, "text of {len} bytes is too large (the limit is 4 GiB)")
            }
        }
    }
}

impl std::error::Error for ImportError {}

/// Something [`read`] left out or ignored; the rest of the document was read.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub enum ImportWarning {
    /// A span overlapped one kept before it and was left out.
    Overlap {
        /// The span left out.
        span: SpanId,
        /// Its `start, end`, in `unit`.
        range: (usize, usize),
        /// The span kept.
        kept: SpanId,
        /// Its `start, end`, in `unit`.
        kept_range: (usize, usize),
        /// The input's offsets unit.
        unit: Unit,
    },
    /// A span covering only whitespace was left out.
    NoToken {
        /// The span left out.
        span: SpanId,
        /// Its `start, end`, in `unit`.
        range: (usize, usize),
        /// The input's offsets unit.
        unit: Unit,
    },
    /// A brat span whose fragments are separated by more than line breaks was
    /// left out: lede spans are continuous.
    Discontinuous {
        /// The span left out.
        span: SpanId,
    },
    /// The input held more documents after the first, which were ignored.
    MoreDocuments {
        /// How many (an unparseable remainder counts as one).
        count: usize,
    },
    /// brat lines lede has no model for (relations, events, attributes, other
    /// notes and normalizations) were ignored.
    UnsupportedLines {
        /// How many.
        count: usize,
        /// The first one's 1-based line.
        first_line: usize,
    },
    /// A Prodigy `meta.ref_date` that is not a date was ignored.
    RefDateIgnored {
        /// Why it was refused.
        error: DateError,
    },
}

impl fmt::Display for ImportWarning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportWarning::Overlap {
                span,
                range,
                kept,
                kept_range,
                unit,
            } => write!(
                f,
                "left out {span} at {}..{}: it overlaps {kept} at {}..{} ({}); lede keeps one layer of spans",
                range.0,
                range.1,
                kept_range.0,
                kept_range.1,
                unit_name(*unit)
            ),
            ImportWarning::NoToken { span, range, unit } => write!(
                f,
                "left out {span} at {}..{} ({}): it covers only whitespace",
                range.0,
                range.1,
                unit_name(*unit)
            ),
            ImportWarning::Discontinuous { span } => write!(
                f,
                "left out {span}: its fragments are separated by more than line breaks, and lede spans are continuous"
            ),
            ImportWarning::MoreDocuments { count } => {
                write!(f, "read the first document and ignored {count} more")
            }
            ImportWarning::UnsupportedLines { count, first_line } => write!(
                f,
                "ignored {count} line(s) lede has no model for (relations, events, attributes, notes), the first on line {first_line}"
            ),
            ImportWarning::RefDateIgnored { error } => {
                write!(f, "ignored meta.ref_date: {error}")
            }
        }
    }
}

/// One span as a reader found it, offsets in the input's unit, not yet checked.
#[derive(Clone, Debug)]
pub(crate) struct Incoming {
    pub id: SpanId,
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// The text the input states for the span, checked against the offsets.
    pub text: Option<String>,
    pub value: Option<Value>,
    pub source: Source,
    pub score: f32,
    pub entity: Option<u32>,
}

/// What a reader returns: the text and unchecked spans.
pub(crate) struct Parsed<'a> {
    pub text: Cow<'a, str>,
    pub unit: Unit,
    pub ref_date: RefDate,
    pub id: Option<serde_json::Value>,
    pub name: Option<String>,
    pub spans: Vec<Incoming>,
    pub warnings: Vec<ImportWarning>,
}

/// The reference date for a record's `ref_date` string: absent or empty means
/// unknown (1970-01-01, as [`crate::annotate`] reports when it finds none); a date
/// without a stated source counts as given.
pub(crate) fn ref_date(
    value: Option<&str>,
    source: Option<RefDateSource>,
) -> Result<RefDate, ImportError> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(unknown_ref_date()),
        Some(v) => Ok(RefDate {
            datetime: DateTime::parse(v).map_err(|error| ImportError::RefDate { error })?,
            source: source.unwrap_or(RefDateSource::Given),
            found_at: None,
        }),
    }
}

pub(crate) fn unknown_ref_date() -> RefDate {
    RefDate {
        datetime: DateTime::midnight(Date::new(1970, 1, 1).expect("the epoch is a valid date")),
        source: RefDateSource::Unknown,
        found_at: None,
    }
}

/// Converts `offset` in `unit` to a byte offset into `text`, naming `span` when it
/// lies past the end or inside a character.
pub(crate) fn to_byte(
    text: &str,
    map: &OffsetMap,
    offset: usize,
    unit: Unit,
    span: &SpanId,
) -> Result<usize, ImportError> {
    let len = map.len_in(unit);
    if offset > len {
        return Err(ImportError::OutOfRange {
            span: Box::new(span.clone()),
            offset,
            len,
            unit,
        });
    }
    // `to_byte` accepts any byte offset up to the length; a byte offset must also
    // fall on a char boundary.
    match map.to_byte(offset, unit) {
        Some(byte) if text.is_char_boundary(byte) => Ok(byte),
        _ => Err(ImportError::InsideCharacter {
            span: Box::new(span.clone()),
            offset,
            unit,
        }),
    }
}

/// Checks `spans` against `text` and builds the document (see the module docs).
pub(crate) fn assemble(
    text: &str,
    unit: Unit,
    ref_date: RefDate,
    spans: Vec<Incoming>,
    on_conflict: OnConflict,
) -> Result<(Document<'_>, Vec<ImportWarning>), ImportError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge { len: text.len() });
    }
    let map = OffsetMap::new(text);
    let mut checked = Vec::with_capacity(spans.len());
    for incoming in spans {
        let Incoming {
            id,
            start,
            end,
            label,
            text: stated,
            value,
            source,
            score,
            entity,
        } = incoming;
        if start >= end {
            return Err(ImportError::EmptySpan {
                span: Box::new(id),
                start,
                end,
            });
        }
        let start_byte = to_byte(text, &map, start, unit, &id)?;
        let end_byte = to_byte(text, &map, end, unit, &id)?;
        let covered = &text[start_byte..end_byte];
        // An empty stated text means "not stated" (a span is never empty).
        if let Some(stated) = stated.filter(|s| !s.is_empty() && s != covered) {
            return Err(ImportError::TextMismatch {
                span: Box::new(id),
                start,
                end,
                unit,
                expected: stated,
                found: covered.to_string(),
            });
        }
        let span = Span {
            start: start_byte,
            end: end_byte,
            label,
            text: covered,
            value,
            source,
            score,
            entity,
        };
        checked.push((span, id, (start, end)));
    }
    // Stable, so spans with the same range keep their input order.
    checked.sort_by(|(a, ..), (b, ..)| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));

    let tokens = tokenize(text);
    let mut warnings = Vec::new();
    let mut kept: Vec<Span<'_>> = Vec::with_capacity(checked.len());
    let mut last: Option<(SpanId, (usize, usize))> = None;
    for (span, id, range) in checked {
        if !covers_token(&tokens, span.start, span.end) {
            match on_conflict {
                OnConflict::Refuse => {
                    return Err(ImportError::NoToken {
                        span: Box::new(id),
                        start: range.0,
                        end: range.1,
                        unit,
                    })
                }
                OnConflict::KeepFirst => {
                    warnings.push(ImportWarning::NoToken {
                        span: id,
                        range,
                        unit,
                    });
                    continue;
                }
            }
        }
        // Kept spans are sorted and disjoint, so only the last can reach this one.
        if let (Some(previous), Some((kept_id, kept_range))) = (kept.last(), &last) {
            if span.start < previous.end {
                match on_conflict {
                    OnConflict::Refuse => {
                        return Err(ImportError::Overlap {
                            span: Box::new(id),
                            range,
                            other: Box::new(kept_id.clone()),
                            other_range: *kept_range,
                            unit,
                        })
                    }
                    OnConflict::KeepFirst => {
                        warnings.push(ImportWarning::Overlap {
                            span: id,
                            range,
                            kept: kept_id.clone(),
                            kept_range: *kept_range,
                            unit,
                        });
                        continue;
                    }
                }
            }
        }
        last = Some((id, range));
        kept.push(span);
    }
    let sentences = split_sentences(text, &tokens);
    let doc = Document {
        text,
        ref_date,
        tokens,
        sentences,
        spans: kept,
    };
    Ok((doc, warnings))
}

/// True when some token shares a byte with `start..end`.
fn covers_token(tokens: &[Token], start: usize, end: usize) -> bool {
    let first_ending_after = tokens.partition_point(|t| (t.end as usize) <= start);
    tokens
        .get(first_ending_after)
        .is_some_and(|t| (t.start as usize) < end)
}

/// Deserializes an optional [`Value`] by way of `serde_json::Value` and
/// [`Value::from_json`], so the formats share one small reader (a `null` is none).
pub(crate) fn value_via_json<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Value>, D::Error> {
    match Option::<serde_json::Value>::deserialize(d)? {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(raw) => Value::from_json(&raw).map(Some).map_err(D::Error::custom),
    }
}

/// Deserializes the first JSON document of `input` (one value, or the first line
/// of JSON Lines) and counts the documents after it (an unparseable remainder
/// counts as one).
pub(crate) fn first_json<'a, T: Deserialize<'a>>(
    input: &'a str,
) -> Result<(T, usize), ImportError> {
    let mut stream = serde_json::Deserializer::from_str(input).into_iter::<T>();
    let first = match stream.next() {
        Some(result) => result?,
        None => {
            return Err(ImportError::Json {
                line: 1,
                column: 1,
                message: "the input holds no JSON document".to_string(),
            })
        }
    };
    let rest = &input[stream.byte_offset()..];
    let mut more = 0;
    for value in serde_json::Deserializer::from_str(rest).into_iter::<IgnoredAny>() {
        more += 1;
        if value.is_err() {
            break;
        }
    }
    Ok((first, more))
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Kyiv 🇺🇦 and 東京.\r\nשָׁלוֹם e\u{301} 👩🏽‍💻";

    fn incoming(start: usize, end: usize, label: &str, text: Option<&str>) -> Incoming {
        Incoming {
            id: SpanId {
                index: 0,
                name: None,
                line: None,
                label: label.to_string(),
            },
            start,
            end,
            label: Label::parse(label).unwrap(),
            text: text.map(str::to_string),
            value: None,
            source: Source::User,
            score: 1.0,
            entity: None,
        }
    }

    fn build(
        unit: Unit,
        spans: Vec<Incoming>,
        on_conflict: OnConflict,
    ) -> Result<(Document<'static>, Vec<ImportWarning>), ImportError> {
        assemble(TEXT, unit, unknown_ref_date(), spans, on_conflict)
    }

    #[test]
    fn offsets_in_every_unit_land_on_the_same_bytes() {
        // "東京" is chars 12..14, UTF-16 14..16, bytes 18..24.
        for (unit, start, end) in [
            (Unit::Chars, 12, 14),
            (Unit::Utf16, 14, 16),
            (Unit::Bytes, 18, 24),
        ] {
            let (doc, warnings) = build(
                unit,
                vec![incoming(start, end, "GPE", Some("東京"))],
                OnConflict::Refuse,
            )
            .unwrap();
            assert!(warnings.is_empty());
            assert_eq!(doc.spans[0].text, "東京", "{unit:?}");
            assert_eq!(&TEXT[doc.spans[0].range()], "東京");
        }
    }

    #[test]
    fn bad_offsets_are_refused_naming_the_span() {
        let err = build(
            Unit::Utf16,
            vec![incoming(6, 8, "X", None)],
            OnConflict::Refuse,
        )
        .unwrap_err();
        // UTF-16 6 is between the two surrogates of the first regional indicator.
        assert!(matches!(
            err,
            ImportError::InsideCharacter { offset: 6, .. }
        ));
        assert!(err.to_string().starts_with("spans[0] (X): offset 6"));
        let err = build(
            Unit::Bytes,
            vec![incoming(0, 6, "X", None)],
            OnConflict::Refuse,
        )
        .unwrap_err();
        assert!(matches!(
            err,
            ImportError::InsideCharacter { offset: 6, .. }
        ));
        let err = build(
            Unit::Chars,
            vec![incoming(0, 999, "X", None)],
            OnConflict::Refuse,
        )
        .unwrap_err();
        assert!(matches!(err, ImportError::OutOfRange { offset: 999, .. }));
        let err = build(
            Unit::Chars,
            vec![incoming(3, 3, "X", None)],
            OnConflict::Refuse,
        )
        .unwrap_err();
        assert!(matches!(err, ImportError::EmptySpan { .. }));
        let err = build(
            Unit::Chars,
            vec![incoming(0, 4, "GPE", Some("Kiev"))],
            OnConflict::Refuse,
        )
        .unwrap_err();
        assert!(matches!(err, ImportError::TextMismatch { ref found, .. } if found == "Kyiv"));
    }

    #[test]
    fn overlaps_and_whitespace_spans_are_refused_or_left_out() {
        let spans = || {
            vec![
                incoming(0, 4, "GPE", Some("Kyiv")),
                incoming(2, 7, "LOC", None),
                incoming(4, 5, "X", Some(" ")),
                incoming(12, 14, "GPE", None),
            ]
        };
        let err = build(Unit::Chars, spans(), OnConflict::Refuse).unwrap_err();
        assert!(matches!(err, ImportError::Overlap { .. }), "{err}");
        let (doc, warnings) = build(Unit::Chars, spans(), OnConflict::KeepFirst).unwrap();
        let kept: Vec<&str> = doc.spans.iter().map(|s| s.text).collect();
        assert_eq!(kept, ["Kyiv", "東京"]);
        assert!(matches!(
            warnings.as_slice(),
            [
                ImportWarning::Overlap { range: (2, 7), .. },
                ImportWarning::NoToken { range: (4, 5), .. }
            ]
        ));
    }

    #[test]
    fn spans_are_sorted_and_tokens_recomputed() {
        let (doc, _) = build(
            Unit::Chars,
            vec![incoming(12, 14, "GPE", None), incoming(0, 4, "GPE", None)],
            OnConflict::Refuse,
        )
        .unwrap();
        assert_eq!(doc.spans[0].text, "Kyiv");
        assert_eq!(doc.tokens, tokenize(TEXT));
        assert!(!doc.sentences.is_empty());
    }

    #[test]
    fn empty_and_whitespace_texts() {
        for text in ["", " \r\n\u{a0}"] {
            let (doc, w) = assemble(
                text,
                Unit::Utf16,
                unknown_ref_date(),
                vec![],
                OnConflict::Refuse,
            )
            .unwrap();
            assert!(doc.tokens.is_empty() && doc.spans.is_empty() && w.is_empty());
        }
    }

    #[test]
    fn ref_dates() {
        assert_eq!(ref_date(None, None).unwrap().source, RefDateSource::Unknown);
        assert_eq!(
            ref_date(Some(" "), None).unwrap().source,
            RefDateSource::Unknown
        );
        let given = ref_date(Some("2025-01-24"), None).unwrap();
        assert_eq!(given.source, RefDateSource::Given);
        assert_eq!(given.datetime.date.to_string(), "2025-01-24");
        let found = ref_date(Some("2025-01-24T15:00:00"), Some(RefDateSource::Dateline)).unwrap();
        assert_eq!(found.source, RefDateSource::Dateline);
        assert!(matches!(
            ref_date(Some("2025-02-30"), None),
            Err(ImportError::RefDate { .. })
        ));
    }

    #[test]
    fn detects_formats_from_content() {
        assert_eq!(
            detect(r#"{"text":"a","offsets":"chars"}"#),
            Some(Format::LedeJson)
        );
        assert_eq!(
            detect("\u{feff} {\"text\":\"a\",\"spans\":[]}\n{\"text\":\"b\"}"),
            Some(Format::ProdigyJsonl)
        );
        assert_eq!(
            detect(r#"{"@context":"http://www.w3.org/ns/anno.jsonld"}"#),
            Some(Format::WebAnnotation)
        );
        assert_eq!(detect("T1\tGPE 0 4\tKyiv\n"), Some(Format::Brat));
        assert_eq!(detect("#1\tAnnotatorNotes T1\tx\n"), Some(Format::Brat));
        assert_eq!(detect("-DOCSTART- -X- -X- O\n"), Some(Format::Conll2003));
        assert_eq!(detect("start,end,label,text\r\n"), Some(Format::Csv));
        assert_eq!(detect("{\"offsets\": oops"), Some(Format::LedeJson));
        assert_eq!(detect("just some prose"), None);
        assert_eq!(detect(""), None);
        assert_eq!(detect("{\"other\":1}"), None);
    }

    #[test]
    fn first_json_counts_the_rest() {
        let (first, more) =
            first_json::<serde_json::Value>("{\"a\":1}\n{\"b\":2}\n\n{\"c\":3}\n").unwrap();
        assert_eq!(first["a"], 1);
        assert_eq!(more, 2);
        let (_, more) = first_json::<serde_json::Value>("{\"a\":1}\n{broken\n").unwrap();
        assert_eq!(more, 1);
        let err = first_json::<serde_json::Value>("\n\n{\"a\":").unwrap_err();
        assert!(matches!(err, ImportError::Json { line: 3, .. }), "{err:?}");
        assert!(first_json::<serde_json::Value>("  ").is_err());
    }

    #[test]
    fn read_refuses_what_it_does_not_read() {
        let err = read("-DOCSTART- -X- -X- O\n", &ReadOptions::default()).unwrap_err();
        assert_eq!(
            err,
            ImportError::Unsupported {
                format: Format::Conll2003
            }
        );
        assert_eq!(
            read("prose", &ReadOptions::default()).unwrap_err(),
            ImportError::UnknownFormat
        );
        let brat = ReadOptions {
            format: Some(Format::Brat),
            ..ReadOptions::default()
        };
        assert_eq!(
            read("T1\tX 0 1\ta", &brat).unwrap_err(),
            ImportError::MissingText
        );
    }
}
