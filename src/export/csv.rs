//! CSV (RFC 4180): a header, then one row per span:
//! `start,end,label,text,value,display,source,score,entity`.
//!
//! `start` and `end` are code points; `value` is the value's compact JSON and
//! `display` its short rendering ([`crate::Value::display`]), both empty for a
//! span without a value; `entity` is empty without an id. Rows end in CRLF; a
//! field containing a comma, a double quote, CR or LF is quoted, with quotes
//! doubled.
//!
//! Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` (or TAB or CR,
//! which some strip first) as a formula. Every text cell that starts with one of
//! those, or with `'`, gets one `'` in front; to undo it, remove one leading `'`
//! from any text cell that has one. Numeric cells are written by lede and never
//! need it.
//!
//! Hand-rolled rather than the `csv` crate: writing RFC 4180 is a few lines, and
//! the wasm build (whose size the page budget caps) need not carry a parser.
//! No byte order mark is written; Excel users import it as UTF-8.

use crate::document::Document;
use crate::text::{OffsetMap, Unit};

/// The header row's fields.
pub const HEADER: [&str; 9] = [
    "start", "end", "label", "text", "value", "display", "source", "score", "entity",
];

/// The CSV file for `doc`.
pub(crate) fn write(doc: &Document<'_>, map: &OffsetMap) -> String {
    let mut out = String::with_capacity(64 + doc.spans.len() * 64);
    out.push_str(&HEADER.join(","));
    out.push_str("\r\n");
    for span in &doc.spans {
        let value = span
            .value
            .as_ref()
            .map(|v| serde_json::to_string(v).expect("a value serializes: its keys are strings"));
        let display = span.value.as_ref().map(|v| v.display());
        let source = serde_json::to_value(span.source).expect("a source serializes");
        let row = [
            Cell::Number(map.from_byte(span.start, Unit::Chars).to_string()),
            Cell::Number(map.from_byte(span.end, Unit::Chars).to_string()),
            Cell::Text(span.label.as_str()),
            Cell::Text(span.text),
            Cell::Text(value.as_deref().unwrap_or_default()),
            Cell::Text(display.as_deref().unwrap_or_default()),
            Cell::Text(source.as_str().unwrap_or_default()),
            Cell::Number(span.score.to_string()),
            Cell::Number(span.entity.map(|e| e.to_string()).unwrap_or_default()),
        ];
        for (i, cell) in row.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            cell.write(&mut out);
        }
        out.push_str("\r\n");
    }
    out
}

enum Cell<'a> {
    /// Written by lede from a number: never quoted or guarded.
    Number(String),
    /// Anything a user or a file may have chosen.
    Text(&'a str),
}

impl Cell<'_> {
    fn write(&self, out: &mut String) {
        let text = match self {
            Cell::Number(n) => return out.push_str(n),
            Cell::Text(text) => *text,
        };
        let guard = text.starts_with(['=', '+', '-', '@', '\t', '\r', '\'']);
        let quote = text.contains([',', '"', '\r', '\n']);
        if quote {
            out.push('"');
        }
        if guard {
            out.push('\'');
        }
        if quote {
            out.push_str(&text.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(text);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};
    use crate::label::Label;
    use crate::span::{Source, Span};
    use crate::values::Value;

    fn cell(text: &str) -> String {
        let mut out = String::new();
        Cell::Text(text).write(&mut out);
        out
    }

    #[test]
    fn quoting_and_formula_guard() {
        assert_eq!(cell("Kyiv"), "Kyiv");
        assert_eq!(cell("a,b"), "\"a,b\"");
        assert_eq!(cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(cell("two\r\nlines"), "\"two\r\nlines\"");
        assert_eq!(cell("=1+1"), "'=1+1");
        assert_eq!(cell("-4"), "'-4");
        assert_eq!(cell("'quoted"), "''quoted");
        assert_eq!(cell("@x,y"), "\"'@x,y\"");
        assert_eq!(cell("\r\n=x"), "\"'\r\n=x\"");
        assert_eq!(cell("東京 👩🏽‍💻"), "東京 👩🏽‍💻");
        assert_eq!(cell(""), "");
    }

    #[test]
    fn one_row_per_span_with_code_point_offsets() {
        let text = "🇺🇦 =SUM(A1) \"Kyiv\", 4";
        let mut doc = annotate(text, &Options::default()).unwrap();
        let at = |n: &str| text.find(n).unwrap();
        let mut four =
            Span::new(text, at("4"), at("4") + 1, Label::Cardinal, Source::Rule).unwrap();
        four.value = Some(Value::Number {
            number: 4.0,
            modifier: None,
        });
        four.entity = Some(7);
        doc.spans = vec![
            Span::new(text, at("=SUM"), at("=SUM") + 8, Label::Org, Source::User).unwrap(),
            Span::new(
                text,
                at("\"Kyiv\","),
                at("\"Kyiv\",") + 7,
                Label::Gpe,
                Source::Model,
            )
            .unwrap(),
            four,
        ];
        doc.spans[1].score = 0.5;
        let csv = write(&doc, &OffsetMap::new(text));
        let expected = "start,end,label,text,value,display,source,score,entity\r\n\
            3,11,ORG,'=SUM(A1),,,user,1,\r\n\
            12,19,GPE,\"\"\"Kyiv\"\",\",,,model,0.5,\r\n\
            20,21,CARDINAL,4,\"{\"\"kind\"\":\"\"number\"\",\"\"number\"\":4}\",4,rule,1,7\r\n";
        assert_eq!(csv, expected);
    }
}
