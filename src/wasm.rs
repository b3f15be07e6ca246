//! The wasm-bindgen boundary: decode arguments, call the core once, encode the
//! result. Compiled only for `wasm32`; the only file that names `wasm_bindgen`.
//!
//! Offsets returned to JS are UTF-16 code units unless the caller asks otherwise.
//! Strings are copied in as UTF-8, so a lone surrogate arrives as U+FFFD: offsets
//! still line up with the JS string, but quotes must be read from the page.

#![deny(clippy::unwrap_used)]

use crate::export::{
    self, DocumentInput, DocumentRecord, FlatDocument, Format, OnConflict, ReadOptions,
    WriteOptions,
};
use crate::text::Unit;
use crate::values::DateTime;
use crate::{document, Options};
use js_sys::{
    Array, Float32Array, Int32Array, JsString, Object, Reflect, Uint16Array, Uint32Array,
    Uint8Array,
};
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use wasm_bindgen::prelude::*;

/// Installs the panic hook so a Rust panic shows its message in the console.
#[wasm_bindgen(start)]
pub fn start() {
    console_error_panic_hook::set_once();
}

/// The crate version.
#[wasm_bindgen]
pub fn version() -> String {
    crate::VERSION.to_string()
}

/// Options accepted by `annotate` and `annotateFlat`; every field is optional.
#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct JsOptions {
    /// The article's date, `YYYY-MM-DD[THH:MM:SS]`.
    #[serde(alias = "ref_date")]
    ref_date: Option<String>,
    /// The current date, used when the article states none.
    today: Option<String>,
    /// `utf16` (default), `chars` or `bytes`.
    offsets: Option<String>,
    /// Run the value recognizers (default true).
    values: Option<bool>,
    /// Run the entity tagger (default true).
    entities: Option<bool>,
}

fn decode_options(options: JsValue) -> Result<(Options, Unit), JsError> {
    let js: JsOptions = if options.is_undefined() || options.is_null() {
        JsOptions::default()
    } else {
        serde_wasm_bindgen::from_value(options)?
    };
    let date = |s: Option<String>| s.map(|s| DateTime::parse(&s)).transpose();
    let unit = match js.offsets.as_deref() {
        None => Unit::Utf16,
        Some(name) => Unit::parse(name)
            .ok_or_else(|| JsError::new(&format!("unknown offsets unit {name:?}")))?,
    };
    let defaults = Options::default();
    let options = Options {
        ref_date: date(js.ref_date)?,
        today: date(js.today)?,
        values: js.values.unwrap_or(defaults.values),
        entities: js.entities.unwrap_or(defaults.entities),
    };
    Ok((options, unit))
}

/// Annotates `text`; returns the lede JSON document (same schema as the CLI) with
/// UTF-16 offsets by default.
///
/// # Errors
/// A bad option (unparseable date, unknown unit) or a text over 4 GiB.
#[wasm_bindgen]
pub fn annotate(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (options, unit) = decode_options(options)?;
    let doc = document::annotate(text, &options)?;
    let record = DocumentRecord::new(&doc, unit);
    Ok(record.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// Annotates `text` — a string, or its UTF-8 bytes as a `Uint8Array` (the
/// cheaper way in for a long text: a string is copied in through a buffer of up to
/// three times its length, which wasm memory keeps once grown) — and returns the
/// compact columnar layout (typed arrays) that the worker hands to the page. See
/// `FlatDocument` for the fields.
///
/// The text is annotated window by window and each window's columns are copied
/// out to JS at once, so wasm memory holds the text and one window's work, not
/// the whole layout.
///
/// # Errors
/// As [`annotate`], and bytes that are not UTF-8.
#[wasm_bindgen(js_name = annotateFlat)]
pub fn annotate_flat(text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let text = text_argument(text)?;
    let (options, unit) = decode_options(options)?;
    let mut columns = Columns::default();
    let mut failed = None;
    let ref_date = FlatDocument::annotate_pieces(&text, &options, unit, |piece| {
        if failed.is_none() {
            failed = columns.push(piece).err();
        }
    })?;
    if let Some(err) = failed {
        return Err(err);
    }
    let obj = Object::new();
    let set = |key: &str, value: JsValue| {
        Reflect::set(&obj, &js_string(key), &value)
            .map(|_| ())
            .map_err(|_| JsError::new("could not build the result object"))
    };
    set(
        "refDate",
        JsValue::from_str(&export::json::ref_date_text(&ref_date)),
    )?;
    set(
        "refDateSource",
        serde_wasm_bindgen::to_value(&ref_date.source)?,
    )?;
    set("tokens", joined(&columns.tokens))?;
    set("sentences", joined(&columns.sentences))?;
    set("spans", joined(&columns.spans))?;
    set("spanLabels", joined(&columns.span_labels))?;
    set("spanScores", joined(&columns.span_scores))?;
    set("spanEntities", joined(&columns.span_entities))?;
    set("spanSources", joined(&columns.span_sources))?;
    set("spanValues", columns.span_values.into())?;
    let labels: Array = columns.labels.iter().map(|l| js_string(l)).collect();
    set("labels", labels.into())?;
    let sources: Array = export::flat::SOURCES.iter().map(|s| js_string(s)).collect();
    set("sources", sources.into())?;
    Ok(obj.into())
}

#[wasm_bindgen]
extern "C" {
    /// The platform's UTF-8 encoder.
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    /// Writes as much of `text` as fits into `into`, whole characters only.
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(this: &TextEncoder, text: &JsString, into: &Uint8Array) -> EncodeResult;

    /// What `encodeInto` did.
    type EncodeResult;
    /// UTF-16 code units read.
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeResult) -> u32;
    /// Bytes written.
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeResult) -> u32;
}

thread_local! {
    static ENCODER: TextEncoder = TextEncoder::new();
}

/// A JS string's UTF-8, written by `TextEncoder.encodeInto` straight into wasm
/// memory. wasm-bindgen's own `&str` conversion copies the ASCII prefix one
/// `charCodeAt` at a time in JS: for a news article that loop and its two
/// reallocations were a tenth of a tokenize-only call. A first pass gets a byte
/// per code unit (all of an ASCII text); what did not fit gets three per unit
/// left, the most UTF-8 needs, so the buffer never exceeds 3× the string.
fn utf8_of(text: &JsString) -> String {
    let units = text.length() as usize;
    let mut bytes: Vec<u8> = Vec::with_capacity(units);
    let mut rest = text.clone();
    let mut room = units;
    ENCODER.with(|encoder| loop {
        bytes.reserve(room);
        let at = bytes.len();
        // SAFETY: the view covers the vector's spare capacity, which nothing
        // else touches, and is dropped before the vector is used again; the
        // encoder allocates nothing in wasm memory, so memory cannot grow (and
        // detach the view) while it writes.
        let view = unsafe { Uint8Array::view_mut_raw(bytes.as_mut_ptr().add(at), room) };
        let done = encoder.encode_into(&rest, &view);
        drop(view);
        // SAFETY: encodeInto wrote `written` bytes at the start of the view.
        unsafe { bytes.set_len(at + done.written() as usize) };
        let read = done.read();
        if read >= rest.length() {
            break;
        }
        rest = rest.slice(read, rest.length());
        room = rest.length() as usize * 3;
    });
    // encodeInto writes UTF-8 (a lone surrogate as U+FFFD); checked all the same.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

thread_local! {
    /// JS copies of the few fixed strings every `annotateFlat` result names (its
    /// field names, labels and sources), made once: decoding them from UTF-8 on
    /// every call was a third of the time of annotating a short text.
    static JS_STRINGS: RefCell<Vec<(String, JsValue)>> = const { RefCell::new(Vec::new()) };
}

/// Strings cached by [`js_string`] at most (custom labels could be many).
const MAX_JS_STRINGS: usize = 64;

/// `s` as a JS string, from the cache when it is one of the fixed strings.
fn js_string(s: &str) -> JsValue {
    JS_STRINGS.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((_, js)) = cache.iter().find(|(k, _)| k == s) {
            return js.clone();
        }
        let js = JsValue::from_str(s);
        if cache.len() < MAX_JS_STRINGS {
            cache.push((s.to_owned(), js.clone()));
        }
        js
    })
}

/// The text argument: a JS string, or UTF-8 bytes in a `Uint8Array`.
fn text_argument(text: JsValue) -> Result<String, JsError> {
    if let Some(bytes) = text.dyn_ref::<Uint8Array>() {
        String::from_utf8(bytes.to_vec()).map_err(|e| {
            JsError::new(&format!(
                "the text is not UTF-8: invalid byte at offset {}",
                e.utf8_error().valid_up_to()
            ))
        })
    } else {
        text.dyn_ref::<JsString>().map(utf8_of).ok_or_else(|| {
            JsError::new("the text must be a string or its UTF-8 bytes (a Uint8Array)")
        })
    }
}

/// Each window's columns, already copied out to JS typed arrays.
#[derive(Default)]
struct Columns {
    tokens: Vec<Uint32Array>,
    sentences: Vec<Uint32Array>,
    spans: Vec<Uint32Array>,
    span_labels: Vec<Uint16Array>,
    span_scores: Vec<Float32Array>,
    span_entities: Vec<Int32Array>,
    span_sources: Vec<Uint8Array>,
    span_values: Array,
    labels: Vec<String>,
}

impl Columns {
    fn push(&mut self, piece: &FlatDocument) -> Result<(), JsError> {
        self.tokens.push(Uint32Array::from(&piece.tokens[..]));
        self.sentences.push(Uint32Array::from(&piece.sentences[..]));
        self.spans.push(Uint32Array::from(&piece.spans[..]));
        self.span_labels
            .push(Uint16Array::from(&piece.span_labels[..]));
        self.span_scores
            .push(Float32Array::from(&piece.span_scores[..]));
        self.span_entities
            .push(Int32Array::from(&piece.span_entities[..]));
        self.span_sources
            .push(Uint8Array::from(&piece.span_sources[..]));
        let serializer = serde_wasm_bindgen::Serializer::json_compatible();
        for value in &piece.span_values {
            self.span_values.push(&value.serialize(&serializer)?);
        }
        self.labels.clone_from(&piece.labels);
        Ok(())
    }
}

/// What [`joined`] needs of a typed array.
trait TypedArray: AsRef<JsValue> + Into<JsValue> {
    fn with_length(len: u32) -> Self;
    fn len(&self) -> u32;
    fn put(&self, part: &Self, at: u32);
}

macro_rules! typed_arrays {
    ($($t:ty),*) => {$(
        impl TypedArray for $t {
            fn with_length(len: u32) -> Self {
                <$t>::new_with_length(len)
            }
            fn len(&self) -> u32 {
                self.length()
            }
            fn put(&self, part: &Self, at: u32) {
                self.set(part, at)
            }
        }
    )*};
}
typed_arrays!(
    Uint32Array,
    Uint16Array,
    Float32Array,
    Int32Array,
    Uint8Array
);

/// One typed array holding `parts` end to end.
fn joined<A: TypedArray>(parts: &[A]) -> JsValue {
    // One window (every text under a megabyte): its array is the whole.
    if let [only] = parts {
        return only.as_ref().clone();
    }
    let whole = A::with_length(parts.iter().map(A::len).sum());
    let mut at = 0;
    for part in parts {
        whole.put(part, at);
        at += part.len();
    }
    whole.into()
}

fn parse_format(name: &str) -> Result<Format, JsError> {
    Format::parse(name).ok_or_else(|| {
        JsError::new(&format!(
            "unknown format {name:?}: expected lede-json, prodigy-jsonl, conll2003, brat, web-annotation or csv"
        ))
    })
}

/// Writes `doc` (a lede JSON document object, as `annotate()` returns it and the
/// page edits it; optional `name` for the file names) in `format`; returns
/// `[{name, mime, text}]`, two files for brat (`.txt`, `.ann`).
///
/// # Errors
/// An unknown format, a malformed document, or a span whose offsets do not fit
/// the text or that overlaps another (named in the message).
#[wasm_bindgen(js_name = exportDocument)]
pub fn export_document(doc: JsValue, format: &str) -> Result<JsValue, JsError> {
    let format = parse_format(format)?;
    let input = DocumentInput::deserialize(serde_wasm_bindgen::Deserializer::from(doc))?;
    let (document, _) = input.to_document(OnConflict::Refuse)?;
    let options = WriteOptions {
        name: input.name.clone(),
        id: input.id.clone(),
    };
    let files = export::write(&document, format, &options);
    Ok(files.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

/// The result of `importDocument`: the lede JSON document plus an `import` field.
#[derive(Serialize)]
struct ImportedDocument<'a> {
    #[serde(flatten)]
    document: &'a DocumentRecord<'static>,
    import: ImportReport,
}

/// What `importDocument` read and what it left out.
#[derive(Serialize)]
struct ImportReport {
    format: &'static str,
    warnings: Vec<String>,
}

/// Reads lede JSON, Prodigy JSONL or brat (`text` = the `.ann`, `companion` = the
/// `.txt`); `format` is detected from the content when absent. Returns the lede
/// JSON document with UTF-16 offsets and `import: {format, warnings}`.
///
/// # Errors
/// An unknown or unreadable format, or a span whose offsets do not fit the text.
#[wasm_bindgen(js_name = importDocument)]
pub fn import_document(
    text: &str,
    format: Option<String>,
    companion: Option<String>,
) -> Result<JsValue, JsError> {
    let format = format
        .as_deref()
        .filter(|f| !f.is_empty())
        .map(parse_format)
        .transpose()?;
    let options = ReadOptions {
        format,
        companion: companion.as_deref(),
        unit: Unit::Utf16,
    };
    let imported = export::read(text, &options)?;
    let result = ImportedDocument {
        document: &imported.document,
        import: ImportReport {
            format: imported.format.as_str(),
            warnings: imported.warnings.iter().map(ToString::to_string).collect(),
        },
    };
    Ok(result.serialize(&serde_wasm_bindgen::Serializer::json_compatible())?)
}

#[cfg(test)]
mod tests {
    //! Run in Node (`cargo test --target wasm32-unknown-unknown --lib`) and in
    //! headless Chromium (the same with `WASM_BINDGEN_USE_BROWSER=1`).
    use super::*;
    use js_sys::JsString;
    use wasm_bindgen_test::wasm_bindgen_test;

    const TEXT: &str = "Zelenskiy 👩🏽‍💻 met 東京 officials in Kyiv on Jan. 24.\r\nשָׁלוֹם e\u{301} 🇺🇦!";

    fn get(obj: &JsValue, key: &str) -> JsValue {
        Reflect::get(obj, &JsValue::from_str(key)).expect("field exists")
    }

    fn num(obj: &JsValue, key: &str) -> u32 {
        get(obj, key).as_f64().expect("a number") as u32
    }

    #[wasm_bindgen_test]
    fn strings_arrive_as_their_utf8() {
        // All ASCII (one pass); non-ASCII first, last, and past the first
        // buffer (a second pass); an emoji whose four bytes do not fit; empty.
        let cjk = "東京".repeat(500);
        let cases = ["", "Kyiv", "é", "Kyiv 👩🏽‍💻", "👍", TEXT, cjk.as_str()];
        for text in cases {
            assert_eq!(utf8_of(&JsString::from(text)), text);
        }
        // A lone surrogate, which only a JS string can hold, becomes U+FFFD.
        let lone = JsString::from("a").concat(&JsString::from_char_code1(0xd800));
        assert_eq!(utf8_of(&lone), "a\u{fffd}");
    }

    #[wasm_bindgen_test]
    fn token_offsets_slice_the_js_string() {
        let doc = annotate(TEXT, JsValue::UNDEFINED).expect("annotates");
        let js_text = JsString::from(TEXT);
        let tokens = Array::from(&get(&doc, "tokens"));
        assert!(tokens.length() > 10);
        for t in tokens.iter() {
            let sliced: String = js_text.slice(num(&t, "start"), num(&t, "end")).into();
            assert_eq!(sliced, get(&t, "text").as_string().expect("text"));
        }
        assert_eq!(get(&doc, "offsets").as_string().as_deref(), Some("utf16"));
    }

    #[wasm_bindgen_test]
    fn flat_layout_matches_the_record() {
        let flat = annotate_flat(TEXT.into(), JsValue::UNDEFINED).expect("annotates");
        let record = annotate(TEXT, JsValue::UNDEFINED).expect("annotates");
        // The same text as UTF-8 bytes gives the same layout.
        let bytes = Uint8Array::from(TEXT.as_bytes());
        let from_bytes = annotate_flat(bytes.into(), JsValue::UNDEFINED).expect("annotates bytes");
        for key in ["tokens", "sentences", "spans"] {
            assert_eq!(
                Uint32Array::from(get(&from_bytes, key)).to_vec(),
                Uint32Array::from(get(&flat, key)).to_vec(),
                "{key}"
            );
        }
        let spans = Array::from(&get(&record, "spans"));
        let values = Array::from(&get(&flat, "spanValues"));
        assert_eq!(values.length(), spans.length());
        for (i, span) in spans.iter().enumerate() {
            let expected = js_sys::JSON::stringify(&get(&span, "value")).expect("json");
            let got = js_sys::JSON::stringify(&values.get(i as u32)).expect("json");
            assert_eq!(String::from(got), String::from(expected));
        }
        let broken = Uint8Array::from(&b"Kyiv \xff"[..]);
        let err = annotate_flat(broken.into(), JsValue::UNDEFINED).expect_err("refuses non-UTF-8");
        assert!(message(err).contains("offset 5"));
        assert!(annotate_flat(JsValue::from_f64(3.0), JsValue::UNDEFINED).is_err());
        let tokens = Uint32Array::from(get(&flat, "tokens")).to_vec();
        let records = Array::from(&get(&record, "tokens"));
        assert_eq!(tokens.len() as u32, records.length() * 2);
        for (i, t) in records.iter().enumerate() {
            assert_eq!(tokens[2 * i], num(&t, "start"));
            assert_eq!(tokens[2 * i + 1], num(&t, "end"));
        }
    }

    fn js_object(json: serde_json::Value) -> JsValue {
        json.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .expect("to js")
    }

    #[wasm_bindgen_test]
    fn options_are_checked() {
        assert!(annotate("x", js_object(serde_json::json!({"refDate": "2025-02-30"}))).is_err());
        assert!(annotate("x", js_object(serde_json::json!({"offsets": "furlongs"}))).is_err());
        let good = js_object(serde_json::json!({"ref_date": "2025-01-24", "offsets": "chars"}));
        let doc = annotate("x", good).expect("annotates");
        assert_eq!(
            get(&doc, "ref_date").as_string().as_deref(),
            Some("2025-01-24")
        );
        assert!(annotate("", JsValue::NULL).is_ok());
    }

    /// UTF-16 start and end of the first `needle` in TEXT.
    fn utf16_range(needle: &str) -> (usize, usize) {
        let at = TEXT.find(needle).expect("needle is in TEXT");
        let start = TEXT[..at].encode_utf16().count();
        (start, start + needle.encode_utf16().count())
    }

    fn user_span(needle: &str, label: &str) -> serde_json::Value {
        let (start, end) = utf16_range(needle);
        serde_json::json!({"start": start, "end": end, "label": label, "text": needle, "source": "user"})
    }

    /// `annotate()`'s result as the page holds it after edits: user spans, custom
    /// labels, a changed value, a span with no text, score or source, a name.
    fn edited_document() -> JsValue {
        let doc = annotate(TEXT, JsValue::UNDEFINED).expect("annotates");
        let (laptop_start, laptop_end) = utf16_range("👩🏽‍💻");
        let mut tokyo = user_span("東京", "GPE");
        tokyo["score"] = serde_json::json!(0.5);
        tokyo["entity"] = serde_json::json!(1);
        let mut date = user_span("Jan. 24", "DATE");
        date["value"] = serde_json::json!({"kind": "date", "timex": "2025-01-24"});
        let spans = serde_json::json!([
            user_span("🇺🇦", "FLAG"),
            user_span("Zelenskiy", "PERSON"),
            {"start": laptop_start, "end": laptop_end, "label": "Gadget"},
            tokyo,
            date,
            user_span("שָׁלוֹם", "PERSON"),
        ]);
        Reflect::set(&doc, &JsValue::from_str("spans"), &js_object(spans)).expect("sets spans");
        Reflect::set(
            &doc,
            &JsValue::from_str("name"),
            &JsValue::from_str("Kyiv talks.txt"),
        )
        .expect("sets name");
        doc
    }

    fn export(doc: &JsValue, format: &str) -> Vec<(String, String, String)> {
        let files = Array::from(&export_document(doc.clone(), format).expect("exports"));
        files
            .iter()
            .map(|f| {
                let field = |k: &str| get(&f, k).as_string().expect("a string field");
                (field("name"), field("mime"), field("text"))
            })
            .collect()
    }

    fn message(err: JsError) -> String {
        get(&JsValue::from(err), "message")
            .as_string()
            .expect("a message")
    }

    /// `(start, end, label, text sliced from the JS string)` of every span.
    fn spans_of(doc: &JsValue) -> Vec<(u32, u32, String, String)> {
        let js_text = JsString::from(TEXT);
        Array::from(&get(doc, "spans"))
            .iter()
            .map(|s| {
                let (start, end) = (num(&s, "start"), num(&s, "end"));
                let sliced: String = js_text.slice(start, end).into();
                (
                    start,
                    end,
                    get(&s, "label").as_string().expect("label"),
                    sliced,
                )
            })
            .collect()
    }

    #[wasm_bindgen_test]
    fn exports_every_format_with_names_and_mimes() {
        let doc = edited_document();
        for format in Format::ALL {
            let files = export(&doc, format.as_str());
            let expected = if format == Format::Brat { 2 } else { 1 };
            assert_eq!(files.len(), expected, "{format}");
            for (name, mime, text) in &files {
                assert!(name.starts_with("Kyiv talks."), "{name}");
                assert!(!mime.is_empty() && !text.is_empty());
            }
        }
        let brat = export(&doc, "brat");
        assert_eq!(brat[0].0, "Kyiv talks.txt");
        assert_eq!(brat[0].2, TEXT);
        assert!(brat[1].2.contains("T4\tDATE 43 50\tJan. 24"));
        let conll = &export(&doc, "conll2003")[0].2;
        assert_eq!(conll.matches("B-").count(), 6);
    }

    #[wasm_bindgen_test]
    fn lede_json_brat_and_prodigy_import_back_with_utf16_offsets() {
        let doc = edited_document();
        let mut expected = spans_of(&doc);
        expected.sort();
        let lede_json = &export(&doc, "lede-json")[0].2;
        let brat = export(&doc, "brat");
        let prodigy = &export(&doc, "prodigy-jsonl")[0].2;
        let imports = [
            import_document(lede_json, None, None),
            import_document(&brat[1].2, Some("brat".into()), Some(brat[0].2.clone())),
            import_document(&brat[1].2, None, Some(brat[0].2.clone())),
            import_document(prodigy, Some(String::new()), None),
        ];
        for (i, imported) in imports.into_iter().enumerate() {
            let imported = imported.expect("imports");
            assert_eq!(
                get(&imported, "offsets").as_string().as_deref(),
                Some("utf16")
            );
            assert_eq!(spans_of(&imported), expected, "import {i}");
            for (_, _, _, sliced) in spans_of(&imported) {
                assert!(!sliced.is_empty());
            }
            let report = get(&imported, "import");
            assert_eq!(Array::from(&get(&report, "warnings")).length(), 0);
        }
        let from_json = import_document(lede_json, None, None).expect("imports");
        assert_eq!(
            get(&get(&from_json, "import"), "format")
                .as_string()
                .as_deref(),
            Some("lede-json")
        );
        assert_eq!(
            get(&from_json, "name").as_string().as_deref(),
            Some("Kyiv talks.txt")
        );
        let date = Array::from(&get(&from_json, "spans")).get(3);
        assert_eq!(
            get(&get(&date, "value"), "timex").as_string().as_deref(),
            Some("2025-01-24")
        );
        let gadget = Array::from(&get(&from_json, "spans")).get(1);
        assert_eq!(
            get(&gadget, "source").as_string().as_deref(),
            Some("import")
        );
    }

    #[wasm_bindgen_test]
    fn bad_documents_are_refused_with_the_span_named() {
        let doc = edited_document();
        assert!(
            message(export_document(doc.clone(), "docx").expect_err("unknown format"))
                .contains("docx")
        );
        // UTF-16 offset 11 is inside the first surrogate pair of 👩🏽‍💻.
        let inside = js_object(serde_json::json!({"text": TEXT, "offsets": "utf16",
            "spans": [{"start": 11, "end": 13, "label": "X"}]}));
        let err = message(export_document(inside, "csv").expect_err("inside a character"));
        assert!(
            err.contains("spans[0] (X)") && err.contains("inside a character"),
            "{err}"
        );
        let overlap = js_object(serde_json::json!({"text": TEXT, "offsets": "utf16",
            "spans": [user_span("Zelenskiy", "PERSON"), {"start": 2, "end": 4, "label": "ORG"}]}));
        let err = message(export_document(overlap, "conll2003").expect_err("overlap"));
        assert!(err.contains("overlaps"), "{err}");
        let err = message(
            import_document("T1\tX 0 4\tKiev", None, Some("Kyiv".into())).expect_err("mismatch"),
        );
        assert!(err.contains("T1 on line 1"), "{err}");
        assert!(import_document("plain prose", None, None).is_err());
    }
}
