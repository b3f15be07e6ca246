//! The wasm-bindgen boundary: decode arguments, call the core once, encode the
//! result. Compiled only for `wasm32`; the only file that names `wasm_bindgen`.
//!
//! Offsets returned to JS are UTF-16 code units unless the caller asks otherwise.
//! Strings are copied in as UTF-8, so a lone surrogate arrives as U+FFFD: offsets
//! still line up with the JS string, but quotes must be read from the page.

#![deny(clippy::unwrap_used)]

use crate::export::{DocumentRecord, FlatDocument};
use crate::text::Unit;
use crate::values::DateTime;
use crate::{document, Options};
use js_sys::{
    Array, Float32Array, Int32Array, Object, Reflect, Uint16Array, Uint32Array, Uint8Array,
};
use serde::{Deserialize, Serialize};
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

/// Annotates `text`; returns the compact columnar layout (typed arrays) that the
/// worker hands to the page. See `FlatDocument` for the fields.
///
/// # Errors
/// As [`annotate`].
#[wasm_bindgen(js_name = annotateFlat)]
pub fn annotate_flat(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let (options, unit) = decode_options(options)?;
    let doc = document::annotate(text, &options)?;
    flat_to_js(&FlatDocument::new(&doc, unit))
}

fn flat_to_js(flat: &FlatDocument) -> Result<JsValue, JsError> {
    let obj = Object::new();
    let set =
        |key: &str, value: JsValue| Reflect::set(&obj, &JsValue::from_str(key), &value).map(|_| ());
    let values = flat
        .span_values
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())?;
    let labels: Array = flat.labels.iter().map(|l| JsValue::from_str(l)).collect();
    let sources: Array = crate::export::flat::SOURCES
        .iter()
        .map(|s| JsValue::from_str(s))
        .collect();
    let source = serde_wasm_bindgen::to_value(&flat.ref_date_source)?;
    set("refDate", JsValue::from_str(&flat.ref_date))
        .and_then(|_| set("refDateSource", source))
        .and_then(|_| set("tokens", Uint32Array::from(&flat.tokens[..]).into()))
        .and_then(|_| set("sentences", Uint32Array::from(&flat.sentences[..]).into()))
        .and_then(|_| set("spans", Uint32Array::from(&flat.spans[..]).into()))
        .and_then(|_| {
            set(
                "spanLabels",
                Uint16Array::from(&flat.span_labels[..]).into(),
            )
        })
        .and_then(|_| {
            set(
                "spanScores",
                Float32Array::from(&flat.span_scores[..]).into(),
            )
        })
        .and_then(|_| {
            set(
                "spanEntities",
                Int32Array::from(&flat.span_entities[..]).into(),
            )
        })
        .and_then(|_| {
            set(
                "spanSources",
                Uint8Array::from(&flat.span_sources[..]).into(),
            )
        })
        .and_then(|_| set("spanValues", values))
        .and_then(|_| set("labels", labels.into()))
        .and_then(|_| set("sources", sources.into()))
        .map_err(|_| JsError::new("could not build the result object"))?;
    Ok(obj.into())
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
        let flat = annotate_flat(TEXT, JsValue::UNDEFINED).expect("annotates");
        let record = annotate(TEXT, JsValue::UNDEFINED).expect("annotates");
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
}
