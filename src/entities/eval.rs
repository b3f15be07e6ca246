//! Entity evaluation behind `lede eval ner` (native builds only): exact-span
//! precision, recall and F1 per label and micro-averaged, CoNLL/seqeval style.
//!
//! Each gold text is annotated by the full pipeline ([`crate::annotate`]), as the
//! external checker does. Gold labels are mapped to scoring labels with the
//! corpus's map (LABEL_MAPS.json style, `null` = not scored); lede's labels map
//! by the checker's convention: PERSON→PER, ORG→ORG, GPE and LOC→LOC, NORP→NORP
//! when NORP is scored (else MISC when MISC is), EVENT→MISC when MISC is scored.
//! A span counts as correct only when start, end and scoring label all match.
//! Gold PER spans can have leading titles trimmed first (the GMB protocol).

use super::corpus::GoldText;
use super::gazetteer::Gazetteer;
use super::titles::trim_span;
use crate::document::{annotate, Options};
use crate::text::tokenize;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// Native gold label → scoring label (`None`: not scored).
pub type LabelMap = BTreeMap<String, Option<String>>;

/// Why a label map could not be read.
#[derive(Debug)]
#[non_exhaustive]
pub enum MapError {
    /// The map file could not be read.
    Io {
        /// The file.
        path: String,
        /// The error.
        error: std::io::Error,
    },
    /// The file is not a JSON object of label → label/null, or lacks the key asked for.
    Format {
        /// What was wrong.
        message: String,
    },
}

impl fmt::Display for MapError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MapError::Io { path, error } => write!(f, "cannot read label map {path}: {error}"),
            MapError::Format { message } => write!(f, "bad label map: {message}"),
        }
    }
}

impl std::error::Error for MapError {}

/// Parses a label map given as `A=B,C=D,E=` (empty target: not scored), as a JSON
/// file holding one map, or as `FILE.json#key` naming one map in a file of maps
/// (LABEL_MAPS.json).
///
/// # Errors
/// [`MapError`] when the file cannot be read or is not such a map.
pub fn parse_label_map(spec: &str) -> Result<LabelMap, MapError> {
    let (path, key) = match spec.rsplit_once('#') {
        Some((p, k)) => (p, Some(k)),
        None => (spec, None),
    };
    if !path.ends_with(".json") {
        let mut map = LabelMap::new();
        for pair in spec.split(',').filter(|p| !p.trim().is_empty()) {
            let (from, to) = pair.split_once('=').ok_or_else(|| MapError::Format {
                message: format!("{pair:?} is not NATIVE=SCORING"),
            })?;
            let to = to.trim();
            map.insert(
                from.trim().to_string(),
                (!to.is_empty()).then(|| to.to_string()),
            );
        }
        return Ok(map);
    }
    let content = std::fs::read_to_string(path).map_err(|error| MapError::Io {
        path: path.to_string(),
        error,
    })?;
    let json: serde_json::Value = serde_json::from_str(&content).map_err(|e| MapError::Format {
        message: e.to_string(),
    })?;
    let object = match key {
        Some(k) => json.get(k).ok_or_else(|| MapError::Format {
            message: format!("no map named {k:?} in {path}"),
        })?,
        None => &json,
    };
    let object = object.as_object().ok_or_else(|| MapError::Format {
        message: "a label map must be a JSON object".to_string(),
    })?;
    let mut map = LabelMap::new();
    for (k, v) in object {
        if k.starts_with('_') {
            continue; // comments such as "_note"
        }
        let target = match v {
            serde_json::Value::Null => None,
            serde_json::Value::String(s) => Some(s.clone()),
            _ => {
                return Err(MapError::Format {
                    message: format!("label {k:?} maps to neither a string nor null"),
                })
            }
        };
        map.insert(k.clone(), target);
    }
    Ok(map)
}

/// Options of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct EvalOptions {
    /// Scoring labels to report (default: every target of the gold map except
    /// `DATE_TIME`).
    pub labels: Option<Vec<String>>,
    /// Trim leading titles from gold PER spans (default false; the GMB protocol
    /// sets it).
    pub trim_titles: bool,
}

/// True/false positives and false negatives.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in gold.
    pub tp: usize,
    /// Predicted, not in gold.
    pub fp: usize,
    /// In gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Precision, 0 when nothing was predicted.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }

    /// Recall, 0 when gold is empty.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }

    /// F1, the harmonic mean of precision and recall.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }

    fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// The result of an evaluation.
#[derive(Clone, Debug, Default)]
pub struct EvalReport {
    /// Counts per scoring label.
    pub per_label: BTreeMap<String, Counts>,
    /// Counts over all scoring labels.
    pub micro: Counts,
    /// Texts evaluated.
    pub texts: usize,
    /// Tokens in them (the crate's tokenizer).
    pub tokens: usize,
    /// Gold PER spans whose title was trimmed.
    pub titles_trimmed: usize,
    /// `(score, correct)` for every predicted scored span, for calibration tables.
    pub scores: Vec<(f32, bool)>,
}

impl EvalReport {
    /// Precision of predicted spans with score above `threshold`, and their number.
    pub fn precision_above(&self, threshold: f32) -> (f64, usize) {
        let above: Vec<_> = self.scores.iter().filter(|(s, _)| *s > threshold).collect();
        let right = above.iter().filter(|(_, ok)| *ok).count();
        (ratio(right, above.len()), above.len())
    }

    /// Reliability table: for each score bin `[lo, hi)`, the number of spans, their
    /// mean score and their precision.
    pub fn reliability(&self, edges: &[f32]) -> Vec<(f32, f32, usize, f64, f64)> {
        edges
            .windows(2)
            .map(|w| {
                let (lo, hi) = (w[0], w[1]);
                let last = hi >= 1.0;
                let bin: Vec<_> = self
                    .scores
                    .iter()
                    .filter(|(s, _)| *s >= lo && (*s < hi || last && *s <= hi))
                    .collect();
                let mean =
                    bin.iter().map(|(s, _)| f64::from(*s)).sum::<f64>() / bin.len().max(1) as f64;
                let right = bin.iter().filter(|(_, ok)| *ok).count();
                (lo, hi, bin.len(), mean, ratio(right, bin.len()))
            })
            .collect()
    }
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{:<8} {:>7} {:>7} {:>7} {:>6} {:>6} {:>6}",
            "label", "P", "R", "F1", "tp", "fp", "fn"
        )?;
        let row = |f: &mut fmt::Formatter<'_>, name: &str, c: &Counts| {
            writeln!(
                f,
                "{:<8} {:>7.4} {:>7.4} {:>7.4} {:>6} {:>6} {:>6}",
                name,
                c.precision(),
                c.recall(),
                c.f1(),
                c.tp,
                c.fp,
                c.fn_
            )
        };
        for (label, c) in &self.per_label {
            row(f, label, c)?;
        }
        row(f, "micro", &self.micro)?;
        let (p90, n90) = self.precision_above(0.9);
        writeln!(
            f,
            "texts {}  tokens {}  gold titles trimmed {}",
            self.texts, self.tokens, self.titles_trimmed
        )?;
        writeln!(
            f,
            "precision of spans with score > 0.9: {p90:.4} ({n90} spans)"
        )?;
        writeln!(f, "score bin      spans  mean score  precision")?;
        for (lo, hi, n, mean, prec) in self.reliability(&[0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0]) {
            writeln!(f, "[{lo:.2}, {hi:.2}) {n:>7}  {mean:>10.3}  {prec:>9.3}")?;
        }
        Ok(())
    }
}

/// How lede's own labels score, given the scored label set.
fn predicted_label(label: &str, scored: &BTreeSet<String>) -> Option<String> {
    let has = |l: &str| scored.contains(l);
    let target = match label {
        "PERSON" => "PER",
        "ORG" => "ORG",
        "GPE" | "LOC" => "LOC",
        "NORP" if has("NORP") => "NORP",
        "NORP" | "EVENT" if has("MISC") => "MISC",
        _ => return None,
    };
    has(target).then(|| target.to_string())
}

/// Scores lede on `texts` with gold labels mapped by `map`.
pub fn evaluate(texts: &[GoldText], map: &LabelMap, options: &EvalOptions) -> EvalReport {
    let scored: BTreeSet<String> = match &options.labels {
        Some(labels) => labels.iter().cloned().collect(),
        None => map
            .values()
            .flatten()
            .filter(|l| *l != "DATE_TIME")
            .cloned()
            .collect(),
    };
    let gaz = Gazetteer::embedded();
    let mut report = EvalReport::default();
    for label in &scored {
        report.per_label.insert(label.clone(), Counts::default());
    }
    for gold_text in texts {
        let text = gold_text.text.as_str();
        report.texts += 1;
        let Ok(doc) = annotate(text, &Options::default()) else {
            continue;
        };
        report.tokens += doc.tokens.len();
        let mut gold: BTreeSet<(usize, usize, String)> = BTreeSet::new();
        let tokens = tokenize(text);
        for g in &gold_text.spans {
            let Some(Some(label)) = map.get(&g.label) else {
                continue;
            };
            if !scored.contains(label) {
                continue;
            }
            let (mut start, end) = (g.start, g.end);
            if options.trim_titles && label == "PER" {
                let a = tokens.partition_point(|t| (t.start as usize) < g.start);
                let b = tokens.partition_point(|t| (t.end as usize) < g.end);
                let aligned = a < tokens.len()
                    && b < tokens.len()
                    && tokens[a].start as usize == g.start
                    && tokens[b].end as usize == g.end;
                if aligned {
                    let (s, e) = trim_span(text, &tokens, a, b + 1, true, gaz);
                    if s >= e {
                        report.titles_trimmed += 1;
                        continue; // the span was only a title
                    }
                    if s > a {
                        report.titles_trimmed += 1;
                        start = tokens[s].start as usize;
                    }
                }
            }
            gold.insert((start, end, label.clone()));
        }
        let mut found: BTreeSet<(usize, usize, String)> = BTreeSet::new();
        for span in &doc.spans {
            let Some(label) = predicted_label(span.label.as_str(), &scored) else {
                continue;
            };
            let key = (span.start, span.end, label);
            if found.insert(key.clone()) {
                report.scores.push((span.score, gold.contains(&key)));
            }
        }
        for label in &scored {
            let mut c = Counts::default();
            let pred: BTreeSet<_> = found.iter().filter(|k| &k.2 == label).collect();
            let want: BTreeSet<_> = gold.iter().filter(|k| &k.2 == label).collect();
            c.tp = pred.intersection(&want).count();
            c.fp = pred.len() - c.tp;
            c.fn_ = want.len() - c.tp;
            report
                .per_label
                .get_mut(label)
                .expect("inserted above")
                .add(c);
            report.micro.add(c);
        }
    }
    report
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::corpus::GoldSpan;

    #[test]
    fn label_maps_parse_inline_and_from_files() {
        let m = parse_label_map("GEO=LOC, GPE=NORP,TIM=").unwrap();
        assert_eq!(m["GEO"], Some("LOC".into()));
        assert_eq!(m["TIM"], None);
        assert!(parse_label_map("GEO").is_err());
        let dir = std::env::temp_dir().join(format!("lede-eval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("maps.json");
        std::fs::write(
            &path,
            r#"{"_note": "x", "gmb": {"PER": "PER", "TIM": null}}"#,
        )
        .unwrap();
        let m = parse_label_map(&format!("{}#gmb", path.display())).unwrap();
        assert_eq!(
            (m["PER"].clone(), m["TIM"].clone()),
            (Some("PER".into()), None)
        );
        assert!(parse_label_map(&format!("{}#nope", path.display())).is_err());
        assert!(parse_label_map(&format!("{}", path.display())).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn our_labels_follow_the_checker() {
        let s = |l: &[&str]| l.iter().map(|x| x.to_string()).collect::<BTreeSet<_>>();
        let wiki = s(&["PER", "ORG", "LOC", "MISC"]);
        assert_eq!(predicted_label("GPE", &wiki).as_deref(), Some("LOC"));
        assert_eq!(predicted_label("NORP", &wiki).as_deref(), Some("MISC"));
        assert_eq!(predicted_label("EVENT", &wiki).as_deref(), Some("MISC"));
        let gmb = s(&["PER", "ORG", "LOC", "NORP"]);
        assert_eq!(predicted_label("NORP", &gmb).as_deref(), Some("NORP"));
        assert_eq!(predicted_label("EVENT", &gmb), None);
        assert_eq!(predicted_label("DATE", &gmb), None);
    }

    #[test]
    fn counts_and_title_trimming() {
        let text = "President Vladimir Putin visited Moscow.";
        let span = |s: &str, l: &str| {
            let start = text.find(s).unwrap();
            GoldSpan {
                start,
                end: start + s.len(),
                label: l.into(),
            }
        };
        let gold = vec![GoldText {
            text: text.into(),
            spans: vec![
                span("President Vladimir Putin", "PER"),
                span("Moscow", "GEO"),
            ],
        }];
        let map = parse_label_map("PER=PER,GEO=LOC").unwrap();
        let trimmed = evaluate(
            &gold,
            &map,
            &EvalOptions {
                labels: None,
                trim_titles: true,
            },
        );
        assert_eq!(trimmed.titles_trimmed, 1);
        let untrimmed = evaluate(&gold, &map, &EvalOptions::default());
        assert_eq!(untrimmed.titles_trimmed, 0);
        // Whatever the model finds, the bookkeeping adds up.
        for r in [&trimmed, &untrimmed] {
            assert_eq!(r.micro.tp + r.micro.fn_, 2);
            assert_eq!(r.micro.tp + r.micro.fp, r.scores.len());
        }
        let c = Counts {
            tp: 1,
            fp: 1,
            fn_: 3,
        };
        assert_eq!((c.precision(), c.recall()), (0.5, 0.25));
        assert!((c.f1() - 1.0 / 3.0).abs() < 1e-12);
    }
}
