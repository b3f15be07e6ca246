//! brat standoff: the text as `NAME.txt` (byte for byte) and the annotations as
//! `NAME.ann`, offsets in code points as brat counts them.
//!
//! For span `k` (1-based, in text order) the `.ann` holds:
//! - `Tk<TAB>LABEL START END<TAB>TEXT`: the span;
//! - `Nj<TAB>Reference Tk RID:EID<TAB>DISPLAY` when it has a value: `TIMEX3:<timex>`
//!   for dates, times, durations and sets (`TIMEX3:2024-FA`), else the value's kind
//!   and its short rendering without spaces (`MONEY:3499000000EUR`,
//!   `PERCENT:7.6%`); DISPLAY is [`Value::display`] (`3499000000 EUR`);
//! - `#k<TAB>AnnotatorNotes Tk<TAB>lede {JSON}`: the span's `value`, `source`,
//!   `score` and `entity` as lede JSON, which makes the round trip lossless.
//!
//! brat's `.ann` is line-based and checks that TEXT equals the span's text, with
//! fragments joined by one space. A span containing a line break therefore cannot
//! be one `START END` range: it is written as the fragments between its line breaks
//! (`T1<TAB>EVENT 0 6;8 11<TAB>ended. New`), which is how brat itself stores a
//! selection across lines. That is the only time fragments are written, and
//! reading joins fragments separated only by line breaks back into one span.
//! Line breaks at a span's very edges fall outside every fragment and are lost.
//! Line breaks are those of Python's `str.splitlines`, which brat reads with.
//!
//! Reading parses `T`, `N` and `#` lines; other lines (relations, events,
//! attributes) are counted and reported. Without a lede note a span's value is
//! rebuilt from a `TIMEX3` normalization when its label is DATE, TIME, DURATION
//! or SET. brat holds no reference date: it reads back as unknown.

use super::import::{self, to_byte, ImportError, ImportWarning, Incoming, Parsed, SpanId};
use crate::document::{Document, MAX_TEXT_BYTES};
use crate::label::Label;
use crate::span::Source;
use crate::text::{OffsetMap, Unit};
use crate::values::{TimeValue, Value};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

/// What a lede note holds: everything of a span that a `T` line does not.
#[derive(Serialize, Deserialize)]
struct Note {
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "import::value_via_json"
    )]
    value: Option<Value>,
    #[serde(default)]
    source: Option<Source>,
    #[serde(default)]
    score: Option<f32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    entity: Option<u32>,
}

const NOTE_PREFIX: &str = "lede ";

/// The line terminators of Python's `str.splitlines`, which brat splits `.ann`
/// files with.
fn is_line_break(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\u{0B}'
            | '\u{0C}'
            | '\u{1C}'
            | '\u{1D}'
            | '\u{1E}'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}

/// Byte ranges of the runs of `text[start..end]` between line breaks; the whole
/// range when it has none (or nothing else).
fn fragments(text: &str, start: usize, end: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut run: Option<usize> = None;
    for (i, c) in text[start..end].char_indices() {
        match (is_line_break(c), run) {
            (true, Some(from)) => {
                out.push(from..start + i);
                run = None;
            }
            (false, None) => run = Some(start + i),
            _ => {}
        }
    }
    if let Some(from) = run {
        out.push(from..end);
    }
    if out.is_empty() {
        out.push(start..end);
    }
    out
}

/// The `.ann` file for `doc`.
pub(crate) fn write(doc: &Document<'_>, map: &OffsetMap) -> String {
    let at = |byte: usize| map.from_byte(byte, Unit::Chars);
    let mut ann = String::new();
    let mut normalizations = 0;
    for (i, span) in doc.spans.iter().enumerate() {
        let t = i + 1;
        let parts = fragments(doc.text, span.start, span.end);
        let offsets: Vec<String> = parts
            .iter()
            .map(|p| format!("{} {}", at(p.start), at(p.end)))
            .collect();
        let texts: Vec<&str> = parts.iter().map(|p| &doc.text[p.clone()]).collect();
        let _ = writeln!(
            ann,
            "T{t}\t{} {}\t{}",
            span.label,
            offsets.join(";"),
            texts.join(" ")
        );
        if let Some(value) = &span.value {
            normalizations += 1;
            let (rid, eid) = reference(value);
            let display: String = value
                .display()
                .chars()
                .map(|c| if is_line_break(c) { ' ' } else { c })
                .collect();
            let _ = writeln!(
                ann,
                "N{normalizations}\tReference T{t} {rid}:{eid}\t{display}"
            );
        }
        let note = Note {
            value: span.value.clone(),
            source: Some(span.source),
            score: Some(span.score),
            entity: span.entity,
        };
        let json = serde_json::to_string(&note).expect("a note serializes: its keys are strings");
        // serde_json leaves these raw inside strings, but brat would split the line there.
        let json = json
            .replace('\u{85}', "\\u0085")
            .replace('\u{2028}', "\\u2028")
            .replace('\u{2029}', "\\u2029");
        let _ = writeln!(ann, "#{t}\tAnnotatorNotes T{t}\t{NOTE_PREFIX}{json}");
    }
    ann
}

/// The `RID:EID` pair of a normalization line, without whitespace (brat splits
/// the line on it).
fn reference(value: &Value) -> (String, String) {
    let (rid, eid) = match value {
        Value::Date(t) | Value::Time(t) | Value::Datetime(t) => {
            ("TIMEX3".to_string(), t.timex.clone())
        }
        Value::Duration { timex, .. } | Value::Set { timex } => {
            ("TIMEX3".to_string(), timex.clone())
        }
        other => (other.kind().to_ascii_uppercase(), other.display()),
    };
    let eid: String = eid
        .chars()
        .filter(|c| !c.is_whitespace() && !is_line_break(*c))
        .collect();
    (rid, if eid.is_empty() { "_".to_string() } else { eid })
}

/// A `T` line as read, before notes and normalizations are attached.
struct Bound {
    id: SpanId,
    start: usize,
    end: usize,
    label: Label,
}

/// Reads the `.ann` text `ann` over the document text `text`.
pub(crate) fn read<'a>(ann: &str, text: &'a str) -> Result<Parsed<'a>, ImportError> {
    if text.len() > MAX_TEXT_BYTES {
        return Err(ImportError::TooLarge { len: text.len() });
    }
    let map = OffsetMap::new(text);
    let mut bounds: Vec<Bound> = Vec::new();
    let mut by_name: BTreeMap<String, usize> = BTreeMap::new();
    let mut notes: BTreeMap<String, Note> = BTreeMap::new();
    let mut timexes: BTreeMap<String, String> = BTreeMap::new();
    let mut warnings = Vec::new();
    let (mut unsupported, mut first_unsupported) = (0, 0);

    for (n, line) in ann.lines().enumerate() {
        let line_no = n + 1;
        if line.trim().is_empty() {
            continue;
        }
        let bad = |reason: &'static str| ImportError::BratLine {
            line: line_no,
            reason,
        };
        let (name, rest) = line
            .split_once('\t')
            .ok_or_else(|| bad("no tab after the annotation id"))?;
        let understood = match name.chars().next() {
            Some('T') => {
                if by_name.contains_key(name) {
                    return Err(bad("duplicate annotation id"));
                }
                match read_text_bound(name, rest, line_no, bounds.len(), text, &map)? {
                    Ok(bound) => {
                        by_name.insert(name.to_string(), bounds.len());
                        bounds.push(bound);
                    }
                    Err(warning) => warnings.push(warning),
                }
                true
            }
            Some('N') => read_normalization(rest, &mut timexes),
            Some('#') => {
                read_note(rest, &mut notes).map_err(|_| bad("malformed lede note JSON"))?
            }
            _ => false,
        };
        if !understood {
            unsupported += 1;
            if first_unsupported == 0 {
                first_unsupported = line_no;
            }
        }
    }
    if unsupported > 0 {
        warnings.push(ImportWarning::UnsupportedLines {
            count: unsupported,
            first_line: first_unsupported,
        });
    }

    let spans = bounds
        .into_iter()
        .map(|bound| {
            let name = bound.id.name.clone().unwrap_or_default();
            let note = notes.remove(&name);
            let value = match &note {
                Some(note) => note.value.clone(),
                None => timexes
                    .get(&name)
                    .and_then(|timex| value_from_timex(&bound.label, timex)),
            };
            Incoming {
                id: bound.id,
                start: bound.start,
                end: bound.end,
                label: bound.label,
                // The text was checked against the fragments already.
                text: None,
                value,
                source: note
                    .as_ref()
                    .and_then(|n| n.source)
                    .unwrap_or(Source::Import),
                score: note.as_ref().and_then(|n| n.score).unwrap_or(1.0),
                entity: note.and_then(|n| n.entity),
            }
        })
        .collect();
    Ok(Parsed {
        text: Cow::Borrowed(text),
        unit: Unit::Chars,
        ref_date: import::unknown_ref_date(),
        id: None,
        name: None,
        spans,
        warnings,
    })
}

/// Parses the part after the id of a `T` line. The inner `Err` is a span left
/// out (discontinuous); the outer one a line that cannot be read.
fn read_text_bound(
    name: &str,
    rest: &str,
    line: usize,
    index: usize,
    text: &str,
    map: &OffsetMap,
) -> Result<Result<Bound, ImportWarning>, ImportError> {
    let bad = |reason: &'static str| ImportError::BratLine { line, reason };
    let (data, stated) = match rest.split_once('\t') {
        Some((data, stated)) => (data, Some(stated)),
        None => (rest, None),
    };
    let (label_name, ranges) = data
        .split_once(' ')
        .ok_or_else(|| bad("no offsets after the type"))?;
    let label = Label::parse(label_name).map_err(|error| ImportError::Label { line, error })?;
    let id = SpanId {
        index,
        name: Some(name.to_string()),
        line: Some(line),
        label: label.to_string(),
    };
    let mut parts: Vec<(usize, usize)> = Vec::new();
    for pair in ranges.split(';') {
        let mut numbers = pair.split_whitespace().map(str::parse::<usize>);
        match (numbers.next(), numbers.next(), numbers.next()) {
            (Some(Ok(start)), Some(Ok(end)), None) => parts.push((start, end)),
            _ => return Err(bad("offsets must be START END pairs separated by ';'")),
        }
    }
    let mut bytes: Vec<Range<usize>> = Vec::with_capacity(parts.len());
    for &(start, end) in &parts {
        if start > end {
            return Err(ImportError::EmptySpan {
                span: Box::new(id),
                start,
                end,
            });
        }
        bytes.push(
            to_byte(text, map, start, Unit::Chars, &id)?
                ..to_byte(text, map, end, Unit::Chars, &id)?,
        );
    }
    // brat's text field: the fragments' text joined by one space, optionally
    // followed by whitespace and more.
    if let Some(stated) = stated {
        let joined: Vec<&str> = bytes.iter().map(|b| &text[b.clone()]).collect();
        let joined = joined.join(" ");
        let matches = stated
            .strip_prefix(joined.as_str())
            .is_some_and(|tail| tail.is_empty() || tail.starts_with(char::is_whitespace));
        if !matches {
            let (start, end) = (parts[0].0, parts[parts.len() - 1].1);
            return Err(ImportError::TextMismatch {
                span: Box::new(id),
                start,
                end,
                unit: Unit::Chars,
                expected: stated.to_string(),
                found: joined,
            });
        }
    }
    let continuous = bytes
        .windows(2)
        .all(|w| w[0].end <= w[1].start && text[w[0].end..w[1].start].chars().all(is_line_break));
    if !continuous {
        return Ok(Err(ImportWarning::Discontinuous { span: id }));
    }
    let (start, end) = (parts[0].0, parts[parts.len() - 1].1);
    Ok(Ok(Bound {
        id,
        start,
        end,
        label,
    }))
}

/// Records a `TIMEX3` normalization by its target; false for any other kind of
/// normalization line.
fn read_normalization(rest: &str, timexes: &mut BTreeMap<String, String>) -> bool {
    let data = rest.split('\t').next().unwrap_or_default();
    let mut fields = data.split_whitespace();
    match (fields.next(), fields.next(), fields.next()) {
        (Some(_), Some(target), Some(reference)) => match reference.split_once(':') {
            Some(("TIMEX3", timex)) => {
                timexes.insert(target.to_string(), timex.to_string());
                true
            }
            // A lede value normalization: the note carries the value itself.
            Some((_, _)) => true,
            None => false,
        },
        _ => false,
    }
}

/// Records a lede note by its target; `Ok(false)` for any other comment.
fn read_note(rest: &str, notes: &mut BTreeMap<String, Note>) -> Result<bool, serde_json::Error> {
    let Some((data, body)) = rest.split_once('\t') else {
        return Ok(false);
    };
    let mut fields = data.split_whitespace();
    let (Some("AnnotatorNotes"), Some(target)) = (fields.next(), fields.next()) else {
        return Ok(false);
    };
    let Some(json) = body.strip_prefix(NOTE_PREFIX) else {
        return Ok(false);
    };
    notes.insert(target.to_string(), serde_json::from_str(json)?);
    Ok(true)
}

/// The value a `TIMEX3` normalization stands for on a span with `label`.
fn value_from_timex(label: &Label, timex: &str) -> Option<Value> {
    let time = || TimeValue {
        timex: timex.to_string(),
        ..TimeValue::default()
    };
    match label {
        Label::Date if timex.contains('T') && !timex.starts_with('T') => {
            Some(Value::Datetime(time()))
        }
        Label::Date => Some(Value::Date(time())),
        Label::Time => Some(Value::Time(time())),
        Label::Duration => Some(Value::Duration {
            timex: timex.to_string(),
            to: None,
            modifier: None,
        }),
        Label::Set => Some(Value::Set {
            timex: timex.to_string(),
        }),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};
    use crate::span::Span;
    use crate::values::Mod;

    const TEXT: &str = "Talks in Kyiv 🇺🇦 ended.\r\nNew talks began about 11,000 days ago.";

    fn doc() -> Document<'static> {
        let mut doc = annotate(TEXT, &Options::default()).unwrap();
        let at = |needle: &str| TEXT.find(needle).unwrap();
        let mut number = Span::new(
            TEXT,
            at("about"),
            at("about") + 12,
            Label::Cardinal,
            Source::Rule,
        )
        .unwrap();
        number.value = Some(Value::Number {
            number: 11000.0,
            modifier: Some(Mod::Approx),
        });
        let mut kyiv =
            Span::new(TEXT, at("Kyiv"), at("Kyiv") + 4, Label::Gpe, Source::Model).unwrap();
        kyiv.score = 0.75;
        kyiv.entity = Some(3);
        doc.spans = vec![
            kyiv,
            Span::new(TEXT, at("ended"), at("New") + 3, Label::Event, Source::User).unwrap(),
            number,
        ];
        doc
    }

    #[test]
    fn writes_t_n_and_note_lines() {
        let ann = write(&doc(), &OffsetMap::new(TEXT));
        let lines: Vec<&str> = ann.lines().collect();
        assert_eq!(lines[0], "T1\tGPE 9 13\tKyiv");
        assert_eq!(
            lines[1],
            "#1\tAnnotatorNotes T1\tlede {\"source\":\"model\",\"score\":0.75,\"entity\":3}"
        );
        // "ended.\r\nNew": the CR LF falls between two fragments.
        assert_eq!(lines[2], "T2\tEVENT 17 23;25 28\tended. New");
        assert_eq!(lines[4], "T3\tCARDINAL 41 53\tabout 11,000");
        assert_eq!(lines[5], "N1\tReference T3 NUMBER:≈11000\t≈11000");
        assert!(lines[6].starts_with("#3\tAnnotatorNotes T3\tlede {\"value\":{\"kind\":\"number\""));
    }

    #[test]
    fn reads_back_losslessly() {
        let doc = doc();
        let ann = write(&doc, &OffsetMap::new(TEXT));
        let parsed = read(&ann, TEXT).unwrap();
        assert!(parsed.warnings.is_empty());
        let map = OffsetMap::new(TEXT);
        for (got, want) in parsed.spans.iter().zip(&doc.spans) {
            assert_eq!(got.start, map.from_byte(want.start, Unit::Chars));
            assert_eq!(got.end, map.from_byte(want.end, Unit::Chars));
            assert_eq!(
                (&got.label, &got.value, got.source, got.score, got.entity),
                (
                    &want.label,
                    &want.value,
                    want.source,
                    want.score,
                    want.entity
                )
            );
        }
    }

    #[test]
    fn foreign_files_read_leniently() {
        let text = "Met on 2024-10-03 in Paris and Lyon.";
        let ann = "T1\tDATE 7 17\t2024-10-03\nN1\tReference T1 TIMEX3:2024-10-03\t3 Oct\n\
                   T2\tGPE 21 26;31 35\tParis Lyon\nR1\tnear Arg1:T1 Arg2:T2\n#9\tAnnotatorNotes T1\tchecked\n";
        let parsed = read(ann, text).unwrap();
        assert_eq!(parsed.spans.len(), 1);
        assert_eq!(
            parsed.spans[0].value,
            Some(Value::Date(TimeValue {
                timex: "2024-10-03".into(),
                ..TimeValue::default()
            }))
        );
        assert!(matches!(
            parsed.warnings.as_slice(),
            [
                ImportWarning::Discontinuous { .. },
                ImportWarning::UnsupportedLines {
                    count: 2,
                    first_line: 4
                }
            ]
        ));
    }

    #[test]
    fn bad_lines_name_their_line() {
        let text = "Kyiv";
        for (ann, line) in [
            ("T1 GPE 0 4 Kyiv", 1),
            ("\nT1\tGPE\tKyiv", 2),
            ("T1\tGPE 0 x\tKyiv", 1),
            ("T1\tGPE 0 4\tKyiv\nT1\tGPE 0 4\tKyiv", 2),
        ] {
            match read(ann, text) {
                Err(ImportError::BratLine { line: got, .. }) => assert_eq!(got, line, "{ann:?}"),
                other => panic!("{ann:?}: {:?}", other.map(|p| p.spans.len())),
            }
        }
        assert!(matches!(
            read("T1\tGPE 0 4\tKiev", text),
            Err(ImportError::TextMismatch { .. })
        ));
        assert!(matches!(
            read("T1\tGPE 0 5\tKyiv", text),
            Err(ImportError::OutOfRange { .. })
        ));
    }

    #[test]
    fn fragments_split_only_at_line_breaks() {
        let text = "a b\r\nc\u{2028}d\n";
        assert_eq!(fragments(text, 0, text.len()), [0..3, 5..6, 9..10]);
        assert_eq!(fragments(text, 3, 5), vec![Range { start: 3, end: 5 }]);
    }
}
