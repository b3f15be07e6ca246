//! Scores the value recognizers against Microsoft Recognizers-Text's English
//! model specs (`english_model_cases.jsonl`, one case per line), the way
//! docs/values.md ("Evaluation") describes. Native only: the page never ships it.
//!
//! Spec offsets are code points with an inclusive end; ours are converted from
//! bytes once per case with [`OffsetMap`].
//!
//! Matching, per expected result:
//! - **found**: one of our spans (any label) overlaps it;
//! - **exact**: one of our spans has exactly its start and end;
//! - **right**: an overlapping span's value equals one of the expected resolution's
//!   values: same `timex`; or same `start`/`end` (each that the spec gives; the
//!   spec's `"2016-11-07 05:00:00"` is read as `2016-11-07T05:00:00`); or our
//!   `start` equals the spec's point `value` of a date, time or date-time; or the
//!   same number (amount, percent, ordinal; both ends of a number range), equal
//!   to 1e-9 relative.
//! - **spurious**: our spans of the labels the spec tests (DATE/TIME/DURATION/SET
//!   for DateTime specs, CARDINAL for Number specs, …) that overlap no expected
//!   result, as a share of those spans.

use super::calendar::DateTime;
use super::refdate::{RefDate, RefDateSource};
use super::value::Value;
use crate::label::Label;
use crate::text::{split_sentences, tokenize, OffsetMap, Unit};
use serde_json::Value as Json;
use std::collections::BTreeMap;
use std::fmt;

/// Counts for one spec file (or all of them).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SpecScore {
    /// Spec file, e.g. `DateTime/English/DateTimeModel.json`; `overall` for the total.
    pub spec: String,
    /// Cases scored.
    pub cases: usize,
    /// Expected results.
    pub expected: usize,
    /// Expected results overlapped by one of our spans.
    pub found: usize,
    /// Expected results matched with exactly the same span.
    pub exact: usize,
    /// Expected results with a right value.
    pub right: usize,
    /// Of `right`: by equal timex.
    pub right_by_timex: usize,
    /// Of `right`: by equal start/end (not timex).
    pub right_by_bounds: usize,
    /// Of `right`: by our start equal to the spec's point value (not timex or bounds).
    pub right_by_point: usize,
    /// Of `right`: by equal number.
    pub right_by_number: usize,
    /// Our spans of the labels this spec tests.
    pub predicted: usize,
    /// Of `predicted`: overlapping no expected result.
    pub spurious: usize,
}

impl SpecScore {
    fn add(&mut self, o: &SpecScore) {
        self.cases += o.cases;
        self.expected += o.expected;
        self.found += o.found;
        self.exact += o.exact;
        self.right += o.right;
        self.right_by_timex += o.right_by_timex;
        self.right_by_bounds += o.right_by_bounds;
        self.right_by_point += o.right_by_point;
        self.right_by_number += o.right_by_number;
        self.predicted += o.predicted;
        self.spurious += o.spurious;
    }

    /// `n` as a percentage of `of` (0 when `of` is 0).
    pub fn pct(n: usize, of: usize) -> f64 {
        if of == 0 {
            0.0
        } else {
            100.0 * n as f64 / of as f64
        }
    }
}

/// The evaluation result: per spec file (sorted by name) and overall.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// One entry per spec file.
    pub specs: Vec<SpecScore>,
    /// All spec files together.
    pub overall: SpecScore,
    /// Cases left out because .NET itself fails them (`dotnet_supported: false`).
    pub skipped_unsupported: usize,
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<55} {:>5} {:>6} {:>7} {:>7} {:>7} {:>9}   right by timex/bounds/point/number",
            "spec", "cases", "expect", "found%", "exact%", "right%", "spurious%"
        )?;
        for s in self.specs.iter().chain(std::iter::once(&self.overall)) {
            writeln!(
                f,
                "{:<55} {:>5} {:>6} {:>7.1} {:>7.1} {:>7.1} {:>9.1}   {}/{}/{}/{}",
                s.spec,
                s.cases,
                s.expected,
                SpecScore::pct(s.found, s.expected),
                SpecScore::pct(s.exact, s.expected),
                SpecScore::pct(s.right, s.expected),
                SpecScore::pct(s.spurious, s.predicted),
                s.right_by_timex,
                s.right_by_bounds,
                s.right_by_point,
                s.right_by_number,
            )?;
        }
        write!(
            f,
            "({} cases .NET does not pass were skipped)",
            self.skipped_unsupported
        )
    }
}

/// Why the evaluation could not run.
#[derive(Debug)]
#[non_exhaustive]
pub enum EvalError {
    /// The spec file could not be read.
    Io {
        /// The path given.
        path: String,
        /// The system's message.
        message: String,
    },
    /// A line is not a valid case.
    Json {
        /// 1-based line number.
        line: usize,
        /// The parser's message.
        message: String,
    },
}

impl fmt::Display for EvalError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EvalError::Io { path, message } => write!(f, "cannot read {path}: {message}"),
            EvalError::Json { line, message } => write!(f, "line {line}: {message}"),
        }
    }
}

impl std::error::Error for EvalError {}

/// Reads and scores a JSONL spec file.
///
/// # Errors
/// [`EvalError::Io`] if the file cannot be read, [`EvalError::Json`] for a bad line.
pub fn evaluate_file(path: &str, include_unsupported: bool) -> Result<Report, EvalError> {
    evaluate_file_with(path, include_unsupported, |_| {})
}

/// Like [`evaluate_file`], calling `on_miss` for every expected result whose value
/// is not right (for `lede eval values --misses`).
///
/// # Errors
/// As [`evaluate_file`].
pub fn evaluate_file_with(
    path: &str,
    include_unsupported: bool,
    on_miss: impl FnMut(&Miss),
) -> Result<Report, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|e| EvalError::Io {
        path: path.to_string(),
        message: e.to_string(),
    })?;
    evaluate_with(&text, include_unsupported, on_miss)
}

/// An expected result whose value we did not get right.
#[derive(Clone, Debug)]
pub struct Miss {
    /// Spec file.
    pub spec: String,
    /// The case's input.
    pub input: String,
    /// The expected text.
    pub expected_text: String,
    /// The expected resolution, as JSON.
    pub expected: String,
    /// Our overlapping spans: text and value display.
    pub ours: Vec<(String, String)>,
}

impl fmt::Display for Miss {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let ours: Vec<String> = self
            .ours
            .iter()
            .map(|(t, v)| format!("{t:?}={v}"))
            .collect();
        write!(
            f,
            "{}\t{:?}\t{:?}\t{}\tours: {}",
            self.spec,
            self.input,
            self.expected_text,
            self.expected,
            ours.join(" ")
        )
    }
}

/// Scores every case in `jsonl` (one JSON object per line). Cases .NET fails are
/// skipped unless `include_unsupported`.
///
/// # Errors
/// [`EvalError::Json`] for a line that is not a case.
pub fn evaluate(jsonl: &str, include_unsupported: bool) -> Result<Report, EvalError> {
    evaluate_with(jsonl, include_unsupported, |_| {})
}

/// Like [`evaluate`], calling `on_miss` for every expected result not right.
///
/// # Errors
/// As [`evaluate`].
pub fn evaluate_with(
    jsonl: &str,
    include_unsupported: bool,
    mut on_miss: impl FnMut(&Miss),
) -> Result<Report, EvalError> {
    let mut per_spec: BTreeMap<String, SpecScore> = BTreeMap::new();
    let mut skipped = 0;
    for (n, line) in jsonl.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let case: Json = serde_json::from_str(line).map_err(|e| EvalError::Json {
            line: n + 1,
            message: e.to_string(),
        })?;
        if !include_unsupported && case["dotnet_supported"] == Json::Bool(false) {
            skipped += 1;
            continue;
        }
        let spec = case["spec"].as_str().unwrap_or("unknown").to_string();
        let score = score_case(&case, &mut on_miss).ok_or_else(|| EvalError::Json {
            line: n + 1,
            message: "missing input or results".to_string(),
        })?;
        let entry = per_spec.entry(spec.clone()).or_insert_with(|| SpecScore {
            spec,
            ..Default::default()
        });
        entry.add(&score);
    }
    let mut overall = SpecScore {
        spec: "overall".to_string(),
        ..Default::default()
    };
    for s in per_spec.values() {
        overall.add(s);
    }
    Ok(Report {
        specs: per_spec.into_values().collect(),
        overall,
        skipped_unsupported: skipped,
    })
}

/// The labels a spec file tests, for counting spurious spans.
fn family(spec: &str) -> &'static [Label] {
    if spec.starts_with("DateTime/") {
        &[Label::Date, Label::Time, Label::Duration, Label::Set]
    } else if spec.contains("Ordinal") {
        &[Label::Ordinal]
    } else if spec.contains("Percent") {
        &[Label::Percent]
    } else if spec.contains("Currency") {
        &[Label::Money]
    } else if spec.contains("Dimension") || spec.contains("Temperature") {
        &[Label::Quantity]
    } else if spec.contains("Age") {
        &[Label::Date, Label::Duration]
    } else {
        &[Label::Cardinal]
    }
}

struct Ours {
    start: usize,
    end: usize,
    label: Label,
    text: String,
    value: Option<Value>,
}

fn ref_date(case: &Json) -> RefDate {
    let parsed = case["reference_datetime"]
        .as_str()
        .and_then(|s| DateTime::parse(s).ok());
    match parsed {
        Some(datetime) => RefDate {
            datetime,
            source: RefDateSource::Given,
            found_at: None,
        },
        None => RefDate {
            datetime: DateTime::midnight(
                super::Date::new(1970, 1, 1).expect("the epoch is a valid date"),
            ),
            source: RefDateSource::Unknown,
            found_at: None,
        },
    }
}

fn score_case(case: &Json, on_miss: &mut impl FnMut(&Miss)) -> Option<SpecScore> {
    let input = case["input"].as_str()?;
    let spec = case["spec"].as_str().unwrap_or_default();
    let results = case["results"].as_array()?;
    let tokens = tokenize(input);
    let sentences = split_sentences(input, &tokens);
    let spans = super::recognize(input, &tokens, &sentences, &ref_date(case));
    let map = OffsetMap::new(input);
    let ours: Vec<Ours> = spans
        .into_iter()
        .map(|s| Ours {
            start: map.from_byte(s.start, Unit::Chars),
            end: map.from_byte(s.end, Unit::Chars),
            label: s.label,
            text: s.text.to_string(),
            value: s.value,
        })
        .collect();
    let mut score = SpecScore {
        cases: 1,
        ..Default::default()
    };
    let mut expected_ranges = Vec::new();
    for r in results {
        let start = r["start"].as_u64()? as usize;
        let end = r["end_inclusive"].as_u64()? as usize + 1;
        expected_ranges.push((start, end));
        score.expected += 1;
        let overlapping: Vec<&Ours> = ours
            .iter()
            .filter(|o| o.start < end && start < o.end)
            .collect();
        let miss = |overlapping: &[&Ours]| Miss {
            spec: spec.to_string(),
            input: input.to_string(),
            expected_text: r["text"].as_str().unwrap_or_default().to_string(),
            expected: r["resolution"].to_string(),
            ours: overlapping
                .iter()
                .map(|o| {
                    let value = o
                        .value
                        .as_ref()
                        .map(|v| serde_json::to_string(v).unwrap_or_default());
                    (o.text.clone(), value.unwrap_or_default())
                })
                .collect(),
        };
        if overlapping.is_empty() {
            on_miss(&miss(&overlapping));
            continue;
        }
        score.found += 1;
        if overlapping.iter().any(|o| o.start == start && o.end == end) {
            score.exact += 1;
        }
        let values = expected_values(&r["resolution"]);
        let best = overlapping
            .iter()
            .filter_map(|o| o.value.as_ref())
            .filter_map(|v| values.iter().filter_map(|e| right(v, e)).min())
            .min();
        if best.is_none() {
            on_miss(&miss(&overlapping));
        }
        if let Some(how) = best {
            score.right += 1;
            match how {
                How::Timex => score.right_by_timex += 1,
                How::Bounds => score.right_by_bounds += 1,
                How::Point => score.right_by_point += 1,
                How::Number => score.right_by_number += 1,
            }
        }
    }
    let fam = family(spec);
    for o in ours.iter().filter(|o| fam.contains(&o.label)) {
        score.predicted += 1;
        if !expected_ranges
            .iter()
            .any(|&(s, e)| o.start < e && s < o.end)
        {
            score.spurious += 1;
        }
    }
    Some(score)
}

/// The entries of a resolution: `values[]` for DateTime, the object itself otherwise.
fn expected_values(resolution: &Json) -> Vec<&Json> {
    match resolution.get("values").and_then(Json::as_array) {
        Some(list) => list.iter().collect(),
        None if resolution.is_object() => vec![resolution],
        None => Vec::new(),
    }
}

/// Which rule made a value right, in the order they are tried.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum How {
    Timex,
    Bounds,
    Point,
    Number,
}

/// "2016-11-07 05:00:00" → "2016-11-07T05:00:00".
fn norm_instant(s: &str) -> String {
    s.replacen(' ', "T", 1)
}

fn right(ours: &Value, e: &Json) -> Option<How> {
    let str_of = |k: &str| e.get(k).and_then(Json::as_str);
    match ours {
        Value::Date(t) | Value::Time(t) | Value::Datetime(t) => {
            if str_of("timex") == Some(t.timex.as_str()) {
                return Some(How::Timex);
            }
            let (es, ee) = (
                str_of("start").map(norm_instant),
                str_of("end").map(norm_instant),
            );
            if es.is_some() || ee.is_some() {
                let start_ok = es.is_none() || es == t.start;
                let end_ok = ee.is_none() || ee == t.end;
                if start_ok && end_ok && t.start.is_some() {
                    return Some(How::Bounds);
                }
            }
            let point = str_of("value").map(norm_instant);
            let point_type = matches!(str_of("type"), Some("date" | "datetime" | "time"));
            if point_type && point.is_some() && point == t.start {
                return Some(How::Point);
            }
            None
        }
        Value::Duration { timex, .. } | Value::Set { timex } => {
            (str_of("timex") == Some(timex.as_str())).then_some(How::Timex)
        }
        other => {
            let ours = numbers(other);
            let expected = expected_numbers(e.get("value")?)?;
            let matches = match expected {
                (Some(a), Some(b)) if ours.len() == 2 => same(ours[0], a) && same(ours[1], b),
                (Some(a), None) | (None, Some(a)) => ours.iter().any(|&n| same(n, a)),
                (Some(a), Some(b)) => ours.len() == 1 && same(a, b) && same(ours[0], a),
                (None, None) => false,
            };
            matches.then_some(How::Number)
        }
    }
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1e-300)
}

/// Our value's numbers: one, or two for a range.
fn numbers(v: &Value) -> Vec<f64> {
    match v {
        Value::Number { number, .. } | Value::Ordinal { number } => vec![*number],
        Value::NumberRange { from, to } => vec![*from, *to],
        Value::Money { amount, to, .. } | Value::Quantity { amount, to, .. } => {
            std::iter::once(*amount).chain(*to).collect()
        }
        Value::Percent { number, to, .. } => std::iter::once(*number).chain(*to).collect(),
        _ => Vec::new(),
    }
}

/// The spec's number: "192", "100%", "1E-12", or a range "(20,35]", "[30,)".
fn expected_numbers(v: &Json) -> Option<(Option<f64>, Option<f64>)> {
    let s = v.as_str()?.trim();
    if s.starts_with(['(', '[']) && s.ends_with([')', ']']) {
        let inner = &s[1..s.len() - 1];
        let (a, b) = inner.split_once(',')?;
        let parse = |x: &str| x.trim().parse::<f64>().ok();
        return Some((parse(a), parse(b)));
    }
    let n = s.trim_end_matches('%').parse::<f64>().ok()?;
    Some((Some(n), None))
}

#[cfg(test)]
mod tests {
    use super::*;

    const CASES: &str = r#"{"spec": "DateTime/English/DateTimeModel.json", "index": 0, "input": "I'll go back 04th Jan 2019.", "reference_datetime": "2016-11-07T00:00:00", "results": [{"text": "04th jan 2019", "type": "datetimeV2.date", "resolution": {"values": [{"timex": "2019-01-04", "type": "date", "value": "2019-01-04"}]}, "start": 13, "end_inclusive": 25}], "unsupported_platforms": [], "dotnet_supported": true}
{"spec": "Number/English/NumberModel.json", "index": 1, "input": "one hundred and sixteen", "reference_datetime": null, "results": [{"text": "one hundred and sixteen", "type": "number", "resolution": {"subtype": "integer", "value": "116"}, "start": 0, "end_inclusive": 22}], "unsupported_platforms": [], "dotnet_supported": true}
{"spec": "Number/English/NumberModel.json", "index": 2, "input": "skip me", "reference_datetime": null, "results": [], "unsupported_platforms": ["dotnet"], "dotnet_supported": false}
"#;

    #[test]
    fn scores_a_tiny_spec() {
        let r = evaluate(CASES, false).unwrap();
        assert_eq!(r.skipped_unsupported, 1);
        assert_eq!(r.overall.expected, 2);
        assert_eq!(r.overall.found, 2);
        assert_eq!(r.overall.exact, 2);
        assert_eq!(r.overall.right, 2);
        assert_eq!(r.specs.len(), 2);
        assert!(r.to_string().contains("overall"));
    }

    #[test]
    fn number_ranges_and_percents() {
        let e = serde_json::json!({"value": "(20,35]"});
        let ours = Value::NumberRange {
            from: 20.0,
            to: 35.0,
        };
        assert_eq!(right(&ours, &e), Some(How::Number));
        let e = serde_json::json!({"value": "(30,)"});
        let ours = Value::Number {
            number: 30.0,
            modifier: Some(super::super::Mod::MoreThan),
        };
        assert_eq!(right(&ours, &e), Some(How::Number));
        let e = serde_json::json!({"value": "0.666666666666667"});
        let ours = Value::Number {
            number: 2.0 / 3.0,
            modifier: None,
        };
        assert_eq!(
            right(&ours, &e),
            Some(How::Number),
            "15 significant digits are close enough"
        );
    }

    #[test]
    fn bad_lines_are_errors() {
        assert!(matches!(
            evaluate("{", false),
            Err(EvalError::Json { line: 1, .. })
        ));
    }
}
