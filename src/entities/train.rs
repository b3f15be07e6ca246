//! The trainer behind `lede train` (native builds only): a structured averaged
//! perceptron over the same features the tagger uses, then pruning, 8-bit
//! quantization and Platt calibration of span confidence on dev data.
//!
//! Deterministic by construction: sentences are shuffled by a seeded SplitMix64,
//! hash maps are only used for lookups (never iterated into the output), and the
//! model file lists features sorted by key, so the same data, options and build
//! give the same bytes.

use super::corpus::{
    mapping_gazetteer, project, read_jsonl, AlignStats, CorpusError, Scheme, TaggedText,
};
use super::features::{
    hash_bytes, pad_key, style_of, token_features, type_features, SentenceView, TypeInfo,
    POSITIONS, WINDOW,
};
use super::gazetteer::{Gazetteer, Match};
use super::model::{model_key, FeatureWeights, Model, ModelFile, Transitions, LANES, TAGS};
use super::tagger::{viterbi, Tagger, TokenSpan};
use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// One training or dev corpus: files of one scheme and the weight of its updates.
#[derive(Clone, Debug)]
pub struct CorpusSpec {
    /// Short name for reports ("gmb_kaggle/train").
    pub name: String,
    /// Label conventions.
    pub scheme: Scheme,
    /// jsonl files, relative to the data directory.
    pub files: Vec<String>,
    /// Perceptron step size for its sentences (noisy corpora count less).
    pub weight: f32,
}

/// Options of `lede train`. The defaults are the recipe that built `model/ner.bin`.
#[derive(Clone, Debug)]
pub struct TrainConfig {
    /// The shared data directory (default `../shared/data`).
    pub data_dir: PathBuf,
    /// The gazetteer directory (default `data/gazetteers`).
    pub gazetteer_dir: PathBuf,
    /// Training corpora (default: gmb_kaggle train, gum_ner train, btc a b f g, wnut17 train).
    pub train: Vec<CorpusSpec>,
    /// Dev corpora for calibration and per-epoch reports (default: gmb_kaggle dev, gum_ner dev, btc e).
    pub dev: Vec<CorpusSpec>,
    /// Passes over the training data (default 8).
    pub epochs: usize,
    /// Shuffling seed (default 1).
    pub seed: u64,
    /// Models trained with seeds `seed`, `seed + 1`, … whose averaged weights are
    /// averaged again before quantizing (default 4: retraining after a small change
    /// then moves F1 by tenths of a point, where one seed moved it by up to 1.5).
    pub seeds: u64,
    /// Features seen fewer times than this in training are not created (default 2).
    pub min_count: u32,
    /// Quantized weights with smaller magnitude are dropped (default 6: the F1/size
    /// point chosen in docs/entities.md; 1 drops only zeros).
    pub min_weight: i8,
    /// Quantile of |weight| mapped to the largest `i8` (default 1.0: clipping the few largest weights costs more F1 than the resolution it buys).
    pub clip_quantile: f64,
    /// Report dev F1 after every epoch (default false; costs a decode per epoch).
    pub report_epochs: bool,
}

impl Default for TrainConfig {
    fn default() -> Self {
        let spec = |name: &str, scheme, files: &[&str], weight| CorpusSpec {
            name: name.to_string(),
            scheme,
            files: files.iter().map(|f| f.to_string()).collect(),
            weight,
        };
        TrainConfig {
            data_dir: PathBuf::from("../shared/data"),
            gazetteer_dir: PathBuf::from("data/gazetteers"),
            train: vec![
                spec(
                    "gmb_kaggle/train",
                    Scheme::Gmb,
                    &["gmb_kaggle/train.jsonl"],
                    1.0,
                ),
                spec("gum_ner/train", Scheme::Gum, &["gum_ner/train.jsonl"], 1.0),
                spec(
                    "btc/{a,b,f,g}",
                    Scheme::Btc,
                    &["btc/a.jsonl", "btc/b.jsonl", "btc/f.jsonl", "btc/g.jsonl"],
                    0.3,
                ),
                spec("wnut17/train", Scheme::Wnut, &["wnut17/train.jsonl"], 0.3),
            ],
            dev: vec![
                spec(
                    "gmb_kaggle/dev",
                    Scheme::Gmb,
                    &["gmb_kaggle/dev.jsonl"],
                    1.0,
                ),
                spec("gum_ner/dev", Scheme::Gum, &["gum_ner/dev.jsonl"], 1.0),
                spec("btc/e", Scheme::Btc, &["btc/e.jsonl"], 1.0),
            ],
            epochs: 8,
            seed: 1,
            seeds: 4,
            min_count: 2,
            min_weight: 6,
            clip_quantile: 1.0,
            report_epochs: false,
        }
    }
}

/// What training did, for the CLI to print.
#[derive(Clone, Debug, Default)]
pub struct TrainReport {
    /// Per corpus: name and projection counts.
    pub corpora: Vec<(String, AlignStats)>,
    /// Training sentences used (texts with misaligned spans left out).
    pub sentences: usize,
    /// Features created (type, token).
    pub features: (usize, usize),
    /// Features kept after pruning (type, token).
    pub kept: (usize, usize),
    /// Dev span F1 (float weights) after each epoch, when requested.
    pub epoch_f1: Vec<f64>,
    /// Dev span P/R/F1 of the quantized model.
    pub dev_prf: (f64, f64, f64),
    /// Platt calibration fitted on dev.
    pub calibration: [f32; 2],
    /// Model file size in bytes.
    pub bytes: usize,
}

/// Why training failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum TrainError {
    /// A corpus could not be read.
    Corpus(CorpusError),
    /// No training sentence was left.
    NoData,
}

impl std::fmt::Display for TrainError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            TrainError::Corpus(e) => write!(f, "{e}"),
            TrainError::NoData => write!(f, "no training sentences"),
        }
    }
}

impl std::error::Error for TrainError {}

impl From<CorpusError> for TrainError {
    fn from(e: CorpusError) -> Self {
        TrainError::Corpus(e)
    }
}

/// A corpus read by [`load`]: its name, projection counts and texts with their
/// update weight.
pub type LoadedCorpus = (String, AlignStats, Vec<(TaggedText, f32)>);

/// Reads and projects the corpora of `specs`.
///
/// # Errors
/// [`CorpusError`] when a file cannot be read.
pub fn load(
    data_dir: &Path,
    specs: &[CorpusSpec],
    gaz: &Gazetteer,
) -> Result<Vec<LoadedCorpus>, CorpusError> {
    let mut out = Vec::new();
    for spec in specs {
        let mut stats = AlignStats::default();
        let mut texts = Vec::new();
        for file in &spec.files {
            let (gold, bad) = read_jsonl(&data_dir.join(file))?;
            stats.misaligned += bad;
            for g in &gold {
                texts.push((project(g, spec.scheme, gaz, &mut stats), spec.weight));
            }
        }
        out.push((spec.name.clone(), stats, texts));
    }
    Ok(out)
}

/// Trains the model described by `config`.
///
/// # Errors
/// [`TrainError`] when a corpus cannot be read or nothing is left to train on.
pub fn train(config: &TrainConfig) -> Result<(ModelFile, TrainReport), TrainError> {
    let gaz = mapping_gazetteer(&config.gazetteer_dir)?;
    let mut report = TrainReport::default();
    let mut train_texts = Vec::new();
    for (name, stats, texts) in load(&config.data_dir, &config.train, &gaz)? {
        report.corpora.push((name, stats));
        train_texts.extend(texts);
    }
    let mut dev_texts = Vec::new();
    for (name, stats, texts) in load(&config.data_dir, &config.dev, &gaz)? {
        report.corpora.push((name, stats));
        dev_texts.extend(texts.into_iter().map(|(t, _)| t));
    }
    let model = train_texts_to_model(&train_texts, &dev_texts, config, &mut report)?;
    Ok((model, report))
}

/// The training core, on already projected texts (tests use tiny corpora).
///
/// # Errors
/// [`TrainError::NoData`] when no aligned sentence is given.
pub fn train_texts_to_model(
    train: &[(TaggedText, f32)],
    dev: &[TaggedText],
    config: &TrainConfig,
    report: &mut TrainReport,
) -> Result<ModelFile, TrainError> {
    let gaz = Gazetteer::embedded();
    let mut data = Featurized::default();
    for (text, weight) in train.iter().filter(|(t, _)| t.aligned) {
        data.add(text, *weight, gaz);
    }
    if data.sequences.is_empty() {
        return Err(TrainError::NoData);
    }
    let mut dev_data = Featurized::default();
    if config.report_epochs {
        for text in dev.iter().filter(|t| t.aligned) {
            dev_data.add(text, 1.0, gaz);
        }
    }
    report.sentences = data.sequences.len();
    let index = data.index_features(config.min_count);
    report.features = (index.type_keys.len(), index.token_keys.len());
    let train_ids = data.resolve(&index);
    let dev_ids = dev_data.resolve(&index);

    // One averaged perceptron per seed; their mean is less sensitive to the order
    // the sentences came in than any one of them.
    let mut avg: Option<Weights> = None;
    for seed in config.seed..config.seed + config.seeds.max(1) {
        let mut p = Perceptron::new(index.type_keys.len(), index.token_keys.len());
        let mut order: Vec<usize> = (0..data.sequences.len()).collect();
        let mut rng = SplitMix64(seed);
        for _ in 0..config.epochs {
            shuffle(&mut order, &mut rng);
            for &s in &order {
                p.learn(s, &data.sequences[s], &train_ids, index.pads);
            }
            if config.report_epochs {
                let avg = p.averaged();
                report
                    .epoch_f1
                    .push(avg.span_f1(&dev_data, &dev_ids, index.pads));
            }
        }
        let this = p.averaged();
        match avg.as_mut() {
            None => avg = Some(this),
            Some(sum) => sum.add(&this),
        }
    }
    let mut avg = avg.expect("at least one seed");
    avg.scale(1.0 / config.seeds.max(1) as f32);
    let mut file = quantize(&avg, &index, config);
    report.kept = (file.type_features.len(), file.token_features.len());

    // Calibrate span confidence on dev with the quantized model, as it will run.
    let tagger = Tagger::new(Model::from(file.clone()));
    let (pairs, prf) = margins_on(&tagger, dev);
    report.dev_prf = prf;
    file.calibration = fit_platt(&pairs);
    report.calibration = file.calibration;
    report.bytes = file.to_bytes().len();
    Ok(file)
}

/// Tags `texts` and pairs each predicted span's margin with whether it is exactly
/// right; also returns span P/R/F1 against the projected gold.
pub fn margins_on(tagger: &Tagger, texts: &[TaggedText]) -> (Vec<(f32, bool)>, (f64, f64, f64)) {
    let mut pairs = Vec::new();
    let (mut tp, mut n_pred, mut n_gold) = (0usize, 0usize, 0usize);
    let mut found = Vec::new();
    for t in texts.iter().filter(|t| t.aligned) {
        found.clear();
        tagger.tag_tokens(&t.text, &t.tokens, &t.sentences, &mut found);
        let gold = gold_spans(&t.tags);
        n_gold += gold.len();
        n_pred += found.len();
        for s in &found {
            let ok = gold.contains(&(s.start, s.end, s.label));
            tp += usize::from(ok);
            pairs.push((s.margin, ok));
        }
    }
    (pairs, prf(tp, n_pred, n_gold))
}

/// Gold spans `(start, end, label)` of a BIO tag sequence.
pub fn gold_spans(tags: &[u8]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut spans = Vec::<TokenSpan>::new();
    super::tagger::collect_spans(tags, 0, &mut spans);
    for s in spans {
        out.push((s.start, s.end, s.label));
    }
    out
}

fn prf(tp: usize, pred: usize, gold: usize) -> (f64, f64, f64) {
    let p = if pred == 0 {
        0.0
    } else {
        tp as f64 / pred as f64
    };
    let r = if gold == 0 {
        0.0
    } else {
        tp as f64 / gold as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

/// Fits `p = σ(a·margin + b)` by Newton's method with a backtracking line search
/// on the log-loss (deterministic; a 2×2 system per step).
pub fn fit_platt(pairs: &[(f32, bool)]) -> [f32; 2] {
    if pairs.is_empty() {
        return [0.0, 0.0];
    }
    let data: Vec<(f64, f64)> = pairs
        .iter()
        .map(|&(m, y)| (f64::from(m.min(1e4)), f64::from(u8::from(y))))
        .collect();
    let loss = |a: f64, b: f64| -> f64 {
        data.iter()
            .map(|&(m, y)| {
                let z = a * m + b;
                // log(1 + e^z) - y z, computed stably.
                z.max(0.0) + (-z.abs()).exp().ln_1p() - y * z
            })
            .sum()
    };
    let (mut a, mut b) = (0.0f64, 0.0f64);
    let mut current = loss(a, b);
    for _ in 0..100 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-9, 0.0, 1e-9);
        for &(m, y) in &data {
            let p = 1.0 / (1.0 + (-(a * m + b)).exp());
            let d = p - y;
            ga += d * m;
            gb += d;
            let w = p * (1.0 - p);
            haa += w * m * m;
            hab += w * m;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-18 {
            break;
        }
        let da = (hbb * ga - hab * gb) / det;
        let db = (haa * gb - hab * ga) / det;
        let mut step = 1.0;
        let mut improved = false;
        while step > 1e-6 {
            let (na, nb) = (a - step * da, b - step * db);
            let l = loss(na, nb);
            if l < current {
                (a, b, current) = (na, nb, l);
                improved = true;
                break;
            }
            step /= 2.0;
        }
        if !improved || (step * da).abs() < 1e-9 && (step * db).abs() < 1e-9 {
            break;
        }
    }
    [a as f32, b as f32]
}

/// Deterministic PRNG (SplitMix64): no dependency, same sequence everywhere.
struct SplitMix64(u64);

impl SplitMix64 {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn shuffle(items: &mut [usize], rng: &mut SplitMix64) {
    for i in (1..items.len()).rev() {
        let j = (rng.next() % (i as u64 + 1)) as usize;
        items.swap(i, j);
    }
}

/// One training sentence: its word types, per-token token-feature keys and gold tags.
struct Sequence {
    types: Vec<u32>,
    token_keys: Vec<Vec<u32>>,
    gold: Vec<u8>,
    weight: f32,
}

/// The training set with features as model keys, before indexing.
#[derive(Default)]
struct Featurized {
    sequences: Vec<Sequence>,
    /// Word type → id.
    type_ids: HashMap<u64, u32>,
    /// Type feature model keys per type id.
    type_keys: Vec<Vec<u32>>,
    /// Occurrences per type id.
    type_counts: Vec<u32>,
}

/// Feature keys → dense indices.
struct FeatureIndex {
    type_keys: Vec<u32>,
    token_keys: Vec<u32>,
    type_of: HashMap<u32, u32>,
    token_of: HashMap<u32, u32>,
    /// Indices of the padding features before/after the sentence.
    pads: [u32; 2],
}

/// Feature indices per type and per token, resolved against a [`FeatureIndex`].
struct Resolved {
    type_feats: Vec<Vec<u32>>,
    /// Per sequence, per token.
    token_feats: Vec<Vec<Vec<u32>>>,
}

impl Resolved {
    /// The type features at position `j` of a sentence whose tokens have word
    /// types `types`: the padding feature before (`pads[0]`) or after (`pads[1]`)
    /// the sentence.
    fn type_feats_at<'a>(&'a self, types: &[u32], pads: &'a [u32; 2], j: isize) -> &'a [u32] {
        match usize::try_from(j) {
            Err(_) => std::slice::from_ref(&pads[0]),
            Ok(j) if j >= types.len() => std::slice::from_ref(&pads[1]),
            Ok(j) => &self.type_feats[types[j] as usize],
        }
    }
}

impl Featurized {
    fn add(&mut self, text: &TaggedText, weight: f32, gaz: &Gazetteer) {
        let mut keys = Vec::new();
        let mut matches: Vec<Match> = Vec::new();
        for sentence in &text.sentences {
            let tokens = &text.tokens[sentence.tokens()];
            if tokens.is_empty() {
                continue;
            }
            let mut types = Vec::with_capacity(tokens.len());
            let mut infos: Vec<TypeInfo> = Vec::with_capacity(tokens.len());
            for t in tokens {
                let word = t.text(&text.text);
                // Not `type_key`: this key lets "&" and "F" share a type id, like the
                // tagger's cache did. Fixing it retrains the model, which moved uner
                // by -1.5 and news_blind2 by -1.2 (perceptron noise); left for a
                // session that can re-measure everything after it.
                let h = hash_bytes(t.kind as u64, word.as_bytes());
                keys.clear();
                let info = type_features(word, t.kind, &mut keys);
                let id = *self.type_ids.entry(h).or_insert_with(|| {
                    self.type_keys
                        .push(keys.iter().map(|&k| model_key(k)).collect());
                    self.type_counts.push(0);
                    (self.type_keys.len() - 1) as u32
                });
                self.type_counts[id as usize] += 1;
                types.push(id);
                infos.push(info);
            }
            let lowers: Vec<u64> = infos.iter().map(|i| i.lower).collect();
            gaz.match_sentence(&lowers, &mut matches);
            let view = SentenceView {
                infos: &infos,
                gazetteer: &matches,
                style: style_of(&infos, tokens.iter().map(|t| t.kind)),
            };
            let token_keys = (0..tokens.len())
                .map(|i| {
                    keys.clear();
                    token_features(&view, i, &mut keys);
                    keys.iter().map(|&k| model_key(k)).collect()
                })
                .collect();
            self.sequences.push(Sequence {
                types,
                token_keys,
                gold: text.tags[sentence.tokens()].to_vec(),
                weight,
            });
        }
    }

    /// Creates an index of features seen at least `min_count` times in training.
    /// Keys are numbered in sorted order so the index does not depend on hashing.
    fn index_features(&self, min_count: u32) -> FeatureIndex {
        let mut type_counts: HashMap<u32, u32> = HashMap::new();
        for (keys, &n) in self.type_keys.iter().zip(&self.type_counts) {
            for &k in keys {
                *type_counts.entry(k).or_default() += n;
            }
        }
        let mut token_counts: HashMap<u32, u32> = HashMap::new();
        for s in &self.sequences {
            for keys in &s.token_keys {
                for &k in keys {
                    *token_counts.entry(k).or_default() += 1;
                }
            }
        }
        let pads = [model_key(pad_key(true)), model_key(pad_key(false))];
        let mut type_keys: Vec<u32> = type_counts
            .iter()
            .filter(|(_, &n)| n >= min_count)
            .map(|(&k, _)| k)
            .chain(pads)
            .collect();
        type_keys.sort_unstable();
        type_keys.dedup();
        let mut token_keys: Vec<u32> = token_counts
            .iter()
            .filter(|(_, &n)| n >= min_count)
            .map(|(&k, _)| k)
            .collect();
        token_keys.sort_unstable();
        let type_of: HashMap<u32, u32> = type_keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let token_of: HashMap<u32, u32> = token_keys
            .iter()
            .enumerate()
            .map(|(i, &k)| (k, i as u32))
            .collect();
        let pads = [type_of[&pads[0]], type_of[&pads[1]]];
        FeatureIndex {
            type_keys,
            token_keys,
            type_of,
            token_of,
            pads,
        }
    }

    fn resolve(&self, index: &FeatureIndex) -> Resolved {
        let type_feats = self
            .type_keys
            .iter()
            .map(|keys| {
                keys.iter()
                    .filter_map(|k| index.type_of.get(k).copied())
                    .collect()
            })
            .collect();
        let token_feats = self
            .sequences
            .iter()
            .map(|s| {
                s.token_keys
                    .iter()
                    .map(|keys| {
                        keys.iter()
                            .filter_map(|k| index.token_of.get(k).copied())
                            .collect()
                    })
                    .collect()
            })
            .collect();
        Resolved {
            type_feats,
            token_feats,
        }
    }
}

/// Perceptron weights: type features `[feature][position][tag]`, token features
/// `[feature][tag]`, transitions `[prev][next]`, start and end; plus the running
/// sums for averaging (`avg = w - u / c`).
#[derive(Clone)]
struct Weights {
    types: Vec<f32>,
    tokens: Vec<f32>,
    transitions: Vec<f32>,
    start: Vec<f32>,
    end: Vec<f32>,
}

impl Weights {
    fn parts_mut(&mut self) -> [&mut Vec<f32>; 5] {
        [
            &mut self.types,
            &mut self.tokens,
            &mut self.transitions,
            &mut self.start,
            &mut self.end,
        ]
    }

    /// Adds `other` weight by weight.
    fn add(&mut self, other: &Weights) {
        let others = [
            &other.types,
            &other.tokens,
            &other.transitions,
            &other.start,
            &other.end,
        ];
        for (mine, theirs) in self.parts_mut().into_iter().zip(others) {
            for (a, b) in mine.iter_mut().zip(theirs) {
                *a += b;
            }
        }
    }

    /// Multiplies every weight by `factor`.
    fn scale(&mut self, factor: f32) {
        for part in self.parts_mut() {
            part.iter_mut().for_each(|w| *w *= factor);
        }
    }

    fn zeros(n_type: usize, n_token: usize) -> Weights {
        Weights {
            types: vec![0.0; n_type * POSITIONS * TAGS],
            tokens: vec![0.0; n_token * TAGS],
            transitions: vec![0.0; TAGS * TAGS],
            start: vec![0.0; TAGS],
            end: vec![0.0; TAGS],
        }
    }

    fn emissions(
        &self,
        seq_types: &[u32],
        token_feats: &[Vec<u32>],
        ids: &Resolved,
        pads: [u32; 2],
        out: &mut Vec<[f32; LANES]>,
    ) {
        let n = seq_types.len();
        out.clear();
        for (i, token_feats) in token_feats.iter().enumerate().take(n) {
            let mut e = [0f32; LANES];
            for (p, r) in (0..POSITIONS).zip(-(WINDOW as isize)..) {
                let feats = ids.type_feats_at(seq_types, &pads, i as isize + r);
                for &f in feats {
                    let w = &self.types[(f as usize * POSITIONS + p) * TAGS..][..TAGS];
                    for t in 0..TAGS {
                        e[t] += w[t];
                    }
                }
            }
            for &f in token_feats {
                let w = &self.tokens[f as usize * TAGS..][..TAGS];
                for t in 0..TAGS {
                    e[t] += w[t];
                }
            }
            out.push(e);
        }
    }

    fn transitions(&self) -> Transitions {
        Transitions::new(&self.transitions, &self.start, &self.end)
    }

    /// Span F1 of these weights on featurized dev data.
    fn span_f1(&self, data: &Featurized, ids: &Resolved, pads: [u32; 2]) -> f64 {
        let tr = self.transitions();
        let (mut em, mut delta, mut tags) = (Vec::new(), Vec::new(), Vec::new());
        let (mut tp, mut np, mut ng) = (0, 0, 0);
        for (k, s) in data.sequences.iter().enumerate() {
            self.emissions(&s.types, &ids.token_feats[k], ids, pads, &mut em);
            viterbi(&tr, &em, &mut delta, &mut tags);
            let pred = gold_spans(&tags);
            let gold = gold_spans(&s.gold);
            np += pred.len();
            ng += gold.len();
            tp += pred.iter().filter(|x| gold.contains(x)).count();
        }
        prf(tp, np, ng).2
    }
}

struct Perceptron {
    w: Weights,
    u: Weights,
    c: f32,
    emissions: Vec<[f32; LANES]>,
    delta: Vec<[f32; LANES]>,
    tags: Vec<u8>,
}

impl Perceptron {
    fn new(n_type: usize, n_token: usize) -> Perceptron {
        Perceptron {
            w: Weights::zeros(n_type, n_token),
            u: Weights::zeros(n_type, n_token),
            c: 1.0,
            emissions: Vec::new(),
            delta: Vec::new(),
            tags: Vec::new(),
        }
    }

    /// One perceptron step on sequence `k`.
    fn learn(&mut self, k: usize, seq: &Sequence, ids: &Resolved, pads: [u32; 2]) {
        self.w.emissions(
            &seq.types,
            &ids.token_feats[k],
            ids,
            pads,
            &mut self.emissions,
        );
        viterbi(
            &self.w.transitions(),
            &self.emissions,
            &mut self.delta,
            &mut self.tags,
        );
        let n = seq.types.len();
        if self.tags[..] != seq.gold[..] {
            let eta = seq.weight;
            let c = self.c;
            for i in 0..n {
                let (g, p) = (seq.gold[i] as usize, self.tags[i] as usize);
                if g == p {
                    continue;
                }
                for (pos, r) in (0..POSITIONS).zip(-(WINDOW as isize)..) {
                    let feats = ids.type_feats_at(&seq.types, &pads, i as isize + r);
                    for &f in feats {
                        let base = (f as usize * POSITIONS + pos) * TAGS;
                        bump(&mut self.w.types, &mut self.u.types, base + g, eta, c);
                        bump(&mut self.w.types, &mut self.u.types, base + p, -eta, c);
                    }
                }
                for &f in &ids.token_feats[k][i] {
                    let base = f as usize * TAGS;
                    bump(&mut self.w.tokens, &mut self.u.tokens, base + g, eta, c);
                    bump(&mut self.w.tokens, &mut self.u.tokens, base + p, -eta, c);
                }
            }
            for i in 0..=n {
                let gold_pair = (
                    i.checked_sub(1).map(|j| seq.gold[j]),
                    seq.gold.get(i).copied(),
                );
                let pred_pair = (
                    i.checked_sub(1).map(|j| self.tags[j]),
                    self.tags.get(i).copied(),
                );
                if gold_pair == pred_pair {
                    continue;
                }
                for ((prev, next), sign) in [(gold_pair, eta), (pred_pair, -eta)] {
                    match (prev, next) {
                        (None, Some(t)) => {
                            bump(&mut self.w.start, &mut self.u.start, t as usize, sign, c)
                        }
                        (Some(t), None) => {
                            bump(&mut self.w.end, &mut self.u.end, t as usize, sign, c)
                        }
                        (Some(a), Some(b)) => bump(
                            &mut self.w.transitions,
                            &mut self.u.transitions,
                            a as usize * TAGS + b as usize,
                            sign,
                            c,
                        ),
                        (None, None) => {}
                    }
                }
            }
        }
        self.c += 1.0;
    }

    fn averaged(&self) -> Weights {
        let avg = |w: &[f32], u: &[f32]| -> Vec<f32> {
            w.iter().zip(u).map(|(w, u)| w - u / self.c).collect()
        };
        Weights {
            types: avg(&self.w.types, &self.u.types),
            tokens: avg(&self.w.tokens, &self.u.tokens),
            transitions: avg(&self.w.transitions, &self.u.transitions),
            start: avg(&self.w.start, &self.u.start),
            end: avg(&self.w.end, &self.u.end),
        }
    }
}

#[inline]
fn bump(w: &mut [f32], u: &mut [f32], i: usize, delta: f32, c: f32) {
    w[i] += delta;
    u[i] += c * delta;
}

/// Quantizes averaged weights to `i8` (transitions to `i16`) with one scale, and
/// drops features whose weights all round below `config.min_weight`.
fn quantize(avg: &Weights, index: &FeatureIndex, config: &TrainConfig) -> ModelFile {
    let mut mags: Vec<f32> = avg
        .types
        .iter()
        .chain(&avg.tokens)
        .map(|w| w.abs())
        .filter(|&w| w > 0.0)
        .collect();
    mags.sort_by(|a, b| a.total_cmp(b));
    let clip = if mags.is_empty() {
        1.0
    } else {
        mags[((mags.len() - 1) as f64 * config.clip_quantile) as usize]
    };
    let scale = (clip / 127.0).max(f32::MIN_POSITIVE);
    let q = |w: f32| -> i8 {
        let x = (w / scale).round().clamp(-127.0, 127.0) as i8;
        if x.unsigned_abs() < config.min_weight.unsigned_abs() {
            0
        } else {
            x
        }
    };
    let table = |keys: &[u32], weights: &[f32], width: usize| -> Vec<FeatureWeights> {
        keys.iter()
            .enumerate()
            .filter_map(|(i, &key)| {
                let w: Vec<i8> = weights[i * width..(i + 1) * width]
                    .iter()
                    .map(|&x| q(x))
                    .collect();
                w.iter()
                    .any(|&x| x != 0)
                    .then_some(FeatureWeights { key, weights: w })
            })
            .collect()
    };
    let q16 = |v: &[f32]| -> Vec<i16> {
        v.iter()
            .map(|&w| (w / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect()
    };
    ModelFile {
        scale,
        calibration: [0.0, 0.0],
        transitions: q16(&avg.transitions),
        start: q16(&avg.start),
        end: q16(&avg.end),
        type_features: table(&index.type_keys, &avg.types, POSITIONS * TAGS),
        token_features: table(&index.token_keys, &avg.tokens, TAGS),
    }
}
