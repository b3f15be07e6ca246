//! W3C Web Annotation (JSON-LD, `http://www.w3.org/ns/anno.jsonld` context): an
//! `AnnotationCollection` whose first `AnnotationPage` holds one `Annotation` per
//! span.
//!
//! Each annotation targets the text with two selectors describing the same
//! segment: a `TextQuoteSelector` (the exact text plus up to 32 code points of
//! prefix and suffix) and a `TextPositionSelector` (code-point positions, as the
//! Web Annotation model specifies). Its bodies are the label as a `tagging`
//! `TextualBody`, the normalized value (when there is one) as a `describing`
//! `TextualBody` holding lede's value JSON (`format: application/json`), and the
//! entity id (when there is one) as an `identifying` `SpecificResource`. Scores and
//! sources have no standard place and are not written.
//!
//! Every resource has an absolute IRI, as the model requires, derived from the
//! document's file name: `urn:lede:<name>` for the text,
//! `urn:lede:<name>:annotations` for the collection (`…:page:1`, `…:<k>`), and
//! `urn:lede:<name>:entity:<id>`; `<name>` is percent-encoded.

use crate::document::Document;
use crate::span::Span;
use crate::text::{OffsetMap, Unit};
use serde::Serialize;

/// Characters of context a `TextQuoteSelector` carries on each side.
const QUOTE_CONTEXT: usize = 32;

#[derive(Serialize)]
struct Collection<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    label: String,
    total: usize,
    first: Page<'a>,
}

#[derive(Serialize)]
struct Page<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    #[serde(rename = "startIndex")]
    start_index: usize,
    items: Vec<Annotation<'a>>,
}

#[derive(Serialize)]
struct Annotation<'a> {
    id: String,
    #[serde(rename = "type")]
    kind: &'static str,
    motivation: &'static str,
    body: Vec<Body<'a>>,
    target: Target<'a>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Body<'a> {
    Text {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        value: Text<'a>,
        #[serde(skip_serializing_if = "Option::is_none")]
        format: Option<&'static str>,
    },
    Resource {
        #[serde(rename = "type")]
        kind: &'static str,
        purpose: &'static str,
        source: String,
    },
}

#[derive(Serialize)]
#[serde(untagged)]
enum Text<'a> {
    Borrowed(&'a str),
    Owned(String),
}

#[derive(Serialize)]
struct Target<'a> {
    source: Source<'a>,
    selector: [Selector<'a>; 2],
}

#[derive(Serialize)]
struct Source<'a> {
    id: &'a str,
    #[serde(rename = "type")]
    kind: &'static str,
    format: &'static str,
}

#[derive(Serialize)]
#[serde(untagged)]
enum Selector<'a> {
    Quote {
        #[serde(rename = "type")]
        kind: &'static str,
        exact: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        prefix: &'a str,
        #[serde(skip_serializing_if = "str::is_empty")]
        suffix: &'a str,
    },
    Position {
        #[serde(rename = "type")]
        kind: &'static str,
        start: usize,
        end: usize,
    },
}

/// The JSON-LD file for `doc`; `stem` is the document's file name stem.
pub(crate) fn write(doc: &Document<'_>, map: &OffsetMap, stem: &str) -> String {
    let base = format!("urn:lede:{}", percent_encode(stem));
    let collection_id = format!("{base}:annotations");
    let items = doc
        .spans
        .iter()
        .enumerate()
        .map(|(i, span)| {
            annotation(
                doc.text,
                map,
                span,
                &base,
                &format!("{collection_id}:{}", i + 1),
            )
        })
        .collect::<Vec<_>>();
    let collection = Collection {
        context: "http://www.w3.org/ns/anno.jsonld",
        id: collection_id.clone(),
        kind: "AnnotationCollection",
        label: format!("lede annotations of {stem}"),
        total: items.len(),
        first: Page {
            id: format!("{collection_id}:page:1"),
            kind: "AnnotationPage",
            start_index: 0,
            items,
        },
    };
    // Compact: the pretty printer would compile a second serializer into the wasm.
    let mut json =
        serde_json::to_string(&collection).expect("a collection serializes: its keys are strings");
    json.push('\n');
    json
}

fn annotation<'a>(
    text: &'a str,
    map: &OffsetMap,
    span: &'a Span<'a>,
    base: &'a str,
    id: &str,
) -> Annotation<'a> {
    let mut body = vec![Body::Text {
        kind: "TextualBody",
        purpose: "tagging",
        value: Text::Borrowed(span.label.as_str()),
        format: None,
    }];
    if let Some(value) = &span.value {
        body.push(Body::Text {
            kind: "TextualBody",
            purpose: "describing",
            value: Text::Owned(
                serde_json::to_string(value).expect("a value serializes: its keys are strings"),
            ),
            format: Some("application/json"),
        });
    }
    if let Some(entity) = span.entity {
        body.push(Body::Resource {
            kind: "SpecificResource",
            purpose: "identifying",
            source: format!("{base}:entity:{entity}"),
        });
    }
    let before = &text[..span.start];
    let after = &text[span.end..];
    let prefix_start = before
        .char_indices()
        .rev()
        .nth(QUOTE_CONTEXT - 1)
        .map_or(0, |(i, _)| i);
    let suffix_end = after
        .char_indices()
        .nth(QUOTE_CONTEXT)
        .map_or(after.len(), |(i, _)| i);
    Annotation {
        id: id.to_string(),
        kind: "Annotation",
        motivation: "tagging",
        body,
        target: Target {
            source: Source {
                id: base,
                kind: "Text",
                format: "text/plain",
            },
            selector: [
                Selector::Quote {
                    kind: "TextQuoteSelector",
                    exact: span.text,
                    prefix: &before[prefix_start..],
                    suffix: &after[..suffix_end],
                },
                Selector::Position {
                    kind: "TextPositionSelector",
                    start: map.from_byte(span.start, Unit::Chars),
                    end: map.from_byte(span.end, Unit::Chars),
                },
            ],
        },
    }
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so any file
/// name makes a valid IRI segment.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::{annotate, Options};
    use crate::label::Label;
    use crate::span::Source as SpanSource;
    use crate::values::Value;

    const TEXT: &str = "👩🏽‍💻 The long preamble of this article goes on and on before Kyiv 🇺🇦 said 4 and stopped. Short tail";

    fn chars(start: usize, end: usize) -> String {
        TEXT.chars().skip(start).take(end - start).collect()
    }

    #[test]
    fn selectors_agree_with_the_text() {
        let mut doc = annotate(TEXT, &Options::default()).unwrap();
        let at = |n: &str| TEXT.find(n).unwrap();
        let mut four = Span::new(
            TEXT,
            at(" 4 ") + 1,
            at(" 4 ") + 2,
            Label::Cardinal,
            SpanSource::Rule,
        )
        .unwrap();
        four.value = Some(Value::Number {
            number: 4.0,
            modifier: None,
        });
        four.entity = Some(2);
        doc.spans = vec![
            Span::new(
                TEXT,
                0,
                at(" The"),
                Label::Custom("EMOJI".into()),
                SpanSource::User,
            )
            .unwrap(),
            Span::new(
                TEXT,
                at("Kyiv"),
                at("Kyiv") + 4,
                Label::Gpe,
                SpanSource::Model,
            )
            .unwrap(),
            four,
        ];
        let json: serde_json::Value =
            serde_json::from_str(&write(&doc, &OffsetMap::new(TEXT), "my doc")).unwrap();
        assert_eq!(json["@context"], "http://www.w3.org/ns/anno.jsonld");
        assert_eq!(json["type"], "AnnotationCollection");
        assert_eq!(json["id"], "urn:lede:my%20doc:annotations");
        assert_eq!(json["total"], 3);
        let items = json["first"]["items"].as_array().unwrap();
        for item in items {
            let [quote, position] = [
                &item["target"]["selector"][0],
                &item["target"]["selector"][1],
            ];
            let (s, e) = (
                position["start"].as_u64().unwrap() as usize,
                position["end"].as_u64().unwrap() as usize,
            );
            assert_eq!(chars(s, e), quote["exact"].as_str().unwrap());
            let prefix = quote["prefix"].as_str().unwrap_or("");
            let suffix = quote["suffix"].as_str().unwrap_or("");
            assert_eq!(chars(s - prefix.chars().count(), s), prefix);
            assert_eq!(chars(e, e + suffix.chars().count()), suffix);
            assert!(prefix.chars().count() <= 32 && suffix.chars().count() <= 32);
            assert_eq!(item["body"][0]["purpose"], "tagging");
        }
        assert!(items[0]["target"]["selector"][0].get("prefix").is_none());
        assert_eq!(
            items[1]["target"]["selector"][0]["prefix"]
                .as_str()
                .unwrap()
                .chars()
                .count(),
            32
        );
        assert_eq!(
            items[2]["target"]["selector"][0]["suffix"],
            " and stopped. Short tail"
        );
        assert_eq!(items[1]["body"][0]["value"], "GPE");
        let value: Value =
            serde_json::from_str(items[2]["body"][1]["value"].as_str().unwrap()).unwrap();
        assert_eq!(
            value,
            Value::Number {
                number: 4.0,
                modifier: None
            }
        );
        assert_eq!(items[2]["body"][2]["source"], "urn:lede:my%20doc:entity:2");
    }

    #[test]
    fn no_spans_is_an_empty_page() {
        let doc = annotate("", &Options::default()).unwrap();
        let json: serde_json::Value =
            serde_json::from_str(&write(&doc, &OffsetMap::new(""), "document")).unwrap();
        assert_eq!(json["total"], 0);
        assert_eq!(json["first"]["items"], serde_json::json!([]));
    }
}
