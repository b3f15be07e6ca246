//! The entity model: its tag set, its compact file format and its runtime layout.
//!
//! The file (`model/ner.bin`, embedded in the wasm) is a [`ModelFile`]: quantized
//! `i8` weights for hashed features, sorted by key, stored sparsely (per feature a
//! position mask, per position a tag mask, then only the non-zero weights) with
//! keys delta-coded as LEB128 varints, each stream (keys, masks, weights) kept
//! together so gzip finds its regularities. `Model::from(ModelFile)` turns it into
//! the runtime layout once: an open-addressing index and one flat dense `i8` array
//! per table, so scoring a feature is one lookup and one contiguous read.
//!
//! Layout, all integers little-endian:
//! ```text
//! "LEDENER" version:u8 tags:u8 positions:u8 scale:f32 calib_a:f32 calib_b:f32
//! transitions:[i16; tags*tags] (row = previous tag) start:[i16; tags] end:[i16; tags]
//! table(type features, positions wide) table(token features, 1 wide)
//! table = count:varint keys:varint-deltas[count] position_masks:[u8; count]
//!         tag_masks:[u16; one per set position bit] weights:[i8; one per set tag bit]
//! ```

use super::table::FlatMap;
use crate::label::Label;
use std::sync::atomic::{AtomicU64, Ordering};

/// The entity labels the tagger produces, in tag order.
pub const LABELS: [Label; 6] = [
    Label::Person,
    Label::Org,
    Label::Gpe,
    Label::Loc,
    Label::Norp,
    Label::Event,
];
/// Number of BIO tags: O, then B-x and I-x for each label.
pub const TAGS: usize = 1 + 2 * LABELS.len();
/// Tag vectors are padded to 16 lanes so loops over them vectorize.
pub const LANES: usize = 16;
/// The O tag.
pub const OUTSIDE: usize = 0;

/// The B- tag of label index `l`.
pub fn begin(l: usize) -> usize {
    1 + 2 * l
}

/// The I- tag of label index `l`.
pub fn inside(l: usize) -> usize {
    2 + 2 * l
}

/// The label index of a B-/I- tag (`None` for O).
pub fn label_of(tag: usize) -> Option<usize> {
    (tag != OUTSIDE).then(|| (tag - 1) / 2)
}

/// True for I- tags.
pub fn is_inside(tag: usize) -> bool {
    tag != OUTSIDE && tag % 2 == 0
}

/// True when `next` may follow `prev` in BIO (I-x only after B-x or I-x).
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    if !is_inside(next) {
        return true;
    }
    prev.is_some_and(|p| p != OUTSIDE && label_of(p) == label_of(next))
}

/// The key a feature hash is stored under: its high 32 bits (the hashes are mixed,
/// so any 32 bits do; collisions among stored features are merged by the trainer).
pub fn model_key(hash: u64) -> u32 {
    (hash >> 32) as u32
}

const MAGIC: &[u8; 7] = b"LEDENER";
const VERSION: u8 = 1;

/// One feature's quantized weights, dense: `positions * TAGS` values, position-major.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeatureWeights {
    /// [`model_key`] of the feature hash.
    pub key: u32,
    /// Weights, `weights[p * TAGS + t]`.
    pub weights: Vec<i8>,
}

/// The model as stored: what the trainer writes and the tagger reads.
#[derive(Clone, Debug, PartialEq)]
pub struct ModelFile {
    /// Score units per weight unit (a weight of 1 is worth `scale`).
    pub scale: f32,
    /// Platt calibration of span margins (in score units): `p = σ(a·margin + b)`.
    pub calibration: [f32; 2],
    /// Tag transition weights, `transitions[prev * TAGS + next]` (`i16`: they are
    /// few and larger than feature weights).
    pub transitions: Vec<i16>,
    /// Weights of the first tag of a sentence.
    pub start: Vec<i16>,
    /// Weights of the last tag of a sentence.
    pub end: Vec<i16>,
    /// Type features (per relative position), sorted by key.
    pub type_features: Vec<FeatureWeights>,
    /// Token features (one position), sorted by key.
    pub token_features: Vec<FeatureWeights>,
}

/// Why a model file could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum ModelError {
    /// The file does not start with the model magic bytes.
    BadMagic,
    /// The file was written by a different format version.
    UnsupportedVersion {
        /// The version found.
        found: u8,
    },
    /// The tag set or window in the file differs from this build's.
    Shape {
        /// Tags in the file.
        tags: u8,
        /// Positions in the file.
        positions: u8,
    },
    /// The file ends early.
    Truncated {
        /// Byte offset where more data was expected.
        at: usize,
    },
    /// Keys are not strictly increasing.
    UnsortedKeys,
}

impl std::fmt::Display for ModelError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ModelError::BadMagic => write!(f, "not a lede entity model"),
            ModelError::UnsupportedVersion { found } => {
                write!(f, "entity model format {found} is not supported (want {VERSION})")
            }
            ModelError::Shape { tags, positions } => write!(
                f,
                "entity model has {tags} tags and {positions} positions, this build expects {TAGS} and {}",
                super::features::POSITIONS
            ),
            ModelError::Truncated { at } => write!(f, "entity model is truncated at byte {at}"),
            ModelError::UnsortedKeys => write!(f, "entity model keys are not sorted"),
        }
    }
}

impl std::error::Error for ModelError {}

impl ModelFile {
    /// Serializes the model.
    pub fn to_bytes(&self) -> Vec<u8> {
        let positions = super::features::POSITIONS;
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&[VERSION, TAGS as u8, positions as u8]);
        for x in [self.scale, self.calibration[0], self.calibration[1]] {
            out.extend_from_slice(&x.to_le_bytes());
        }
        for w in self.transitions.iter().chain(&self.start).chain(&self.end) {
            out.extend_from_slice(&w.to_le_bytes());
        }
        write_table(&mut out, &self.type_features, positions);
        write_table(&mut out, &self.token_features, 1);
        out
    }

    /// Reads a model written by [`ModelFile::to_bytes`].
    ///
    /// # Errors
    /// [`ModelError`] when the bytes are not a model of this format and shape.
    pub fn from_bytes(bytes: &[u8]) -> Result<ModelFile, ModelError> {
        let (head, types, tokens) = read_parts(bytes, TAGS)?;
        Ok(ModelFile {
            scale: head.scale,
            calibration: head.calibration,
            transitions: head.transitions,
            start: head.start,
            end: head.end,
            type_features: types.features(),
            token_features: tokens.features(),
        })
    }
}

/// The fixed-size part of a model file.
struct Head {
    scale: f32,
    calibration: [f32; 2],
    transitions: Vec<i16>,
    start: Vec<i16>,
    end: Vec<i16>,
}

/// A feature table decoded in one piece: keys, and `stride` weights per feature
/// (`positions * lanes`, position-major, a position's `TAGS` weights first in
/// its `lanes`) in one array.
struct DenseTable {
    keys: Vec<u32>,
    weights: Vec<i8>,
    stride: usize,
}

impl DenseTable {
    fn features(&self) -> Vec<FeatureWeights> {
        self.keys
            .iter()
            .zip(self.weights.chunks_exact(self.stride))
            .map(|(&key, w)| FeatureWeights {
                key,
                weights: w.to_vec(),
            })
            .collect()
    }
}

/// Reads a model file; each position's weights take `lanes` bytes in the tables
/// (`TAGS` as stored, `LANES` for the runtime's SIMD rows).
fn read_parts(bytes: &[u8], lanes: usize) -> Result<(Head, DenseTable, DenseTable), ModelError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(MAGIC.len())? != MAGIC {
        return Err(ModelError::BadMagic);
    }
    let head = r.take(3)?;
    if head[0] != VERSION {
        return Err(ModelError::UnsupportedVersion { found: head[0] });
    }
    let positions = super::features::POSITIONS;
    if head[1] as usize != TAGS || head[2] as usize != positions {
        return Err(ModelError::Shape {
            tags: head[1],
            positions: head[2],
        });
    }
    let mut floats = [0f32; 3];
    for f in &mut floats {
        *f = f32::from_le_bytes(r.take(4)?.try_into().expect("took 4 bytes"));
    }
    let mut signed = |n: usize| -> Result<Vec<i16>, ModelError> {
        Ok(r.take(2 * n)?
            .chunks_exact(2)
            .map(|b| i16::from_le_bytes([b[0], b[1]]))
            .collect())
    };
    let transitions = signed(TAGS * TAGS)?;
    let start = signed(TAGS)?;
    let end = signed(TAGS)?;
    let types = read_table(&mut r, positions, lanes)?;
    let tokens = read_table(&mut r, 1, lanes)?;
    let head = Head {
        scale: floats[0],
        calibration: [floats[1], floats[2]],
        transitions,
        start,
        end,
    };
    Ok((head, types, tokens))
}

/// Appends `v` as an LEB128 varint.
pub(crate) fn write_varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

fn write_table(out: &mut Vec<u8>, features: &[FeatureWeights], positions: usize) {
    write_varint(out, features.len() as u64);
    let mut prev = 0u64;
    for f in features {
        write_varint(out, u64::from(f.key) - prev);
        prev = u64::from(f.key);
    }
    for f in features {
        let mut mask = 0u8;
        for p in 0..positions {
            if f.weights[p * TAGS..(p + 1) * TAGS].iter().any(|&w| w != 0) {
                mask |= 1 << p;
            }
        }
        out.push(mask);
    }
    for f in features {
        for p in 0..positions {
            let row = &f.weights[p * TAGS..(p + 1) * TAGS];
            let mask = row
                .iter()
                .enumerate()
                .filter(|(_, &w)| w != 0)
                .fold(0u16, |m, (t, _)| m | 1 << t);
            if mask != 0 {
                out.extend_from_slice(&mask.to_le_bytes());
            }
        }
    }
    for f in features {
        out.extend(f.weights.iter().filter(|&&w| w != 0).map(|&w| w as u8));
    }
}

/// Reads the byte streams of the model file (and of the compiled gazetteer).
pub(crate) struct Reader<'a> {
    pub(crate) bytes: &'a [u8],
    pub(crate) at: usize,
}

impl<'a> Reader<'a> {
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self
            .at
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or(ModelError::Truncated { at: self.at })?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    pub(crate) fn varint(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.take(1)?[0];
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(ModelError::Truncated { at: self.at })
    }
}

/// Decodes one table straight into a [`DenseTable`] with `lanes` bytes per
/// position: one allocation per table, where one `Vec` per feature made loading
/// the model three times slower, and decoding into the runtime's rows saves a
/// copy of them all. Position bits beyond `positions` are ignored.
fn read_table(
    r: &mut Reader<'_>,
    positions: usize,
    lanes: usize,
) -> Result<DenseTable, ModelError> {
    let count = r.varint()? as usize;
    // Every feature takes at least one byte per stream: refuse counts the file cannot hold.
    if count > r.bytes.len() {
        return Err(ModelError::Truncated { at: r.at });
    }
    let mut keys = Vec::with_capacity(count);
    let mut key = 0u64;
    for i in 0..count {
        let delta = r.varint()?;
        if i > 0 && delta == 0 {
            return Err(ModelError::UnsortedKeys);
        }
        key += delta;
        keys.push(u32::try_from(key).map_err(|_| ModelError::UnsortedKeys)?);
    }
    let stride = positions * lanes;
    let position_bits = (1u32 << positions) - 1;
    let masks = r.take(count)?;
    let rows: usize = masks
        .iter()
        .map(|&m| (u32::from(m) & position_bits).count_ones() as usize)
        .sum();
    let tag_masks = r.take(2 * rows)?;
    let mut tag_masks = tag_masks
        .chunks_exact(2)
        .map(|m| u16::from_le_bytes([m[0], m[1]]));
    let mut weights = vec![0i8; count * stride];
    for (f, &mask) in masks.iter().enumerate() {
        for p in (0..positions).filter(|p| mask & (1 << p) != 0) {
            let tags =
                tag_masks.next().expect("one tag mask per set position bit") & ((1 << TAGS) - 1);
            let values = r.take(tags.count_ones() as usize)?;
            let row = &mut weights[f * stride + p * lanes..][..TAGS];
            let mut rest = tags;
            for &w in values {
                row[rest.trailing_zeros() as usize] = w as i8;
                rest &= rest - 1;
            }
        }
    }
    Ok(DenseTable {
        keys,
        weights,
        stride,
    })
}

/// A table of features with `width` weights each, in the runtime layout.
#[derive(Clone, Debug)]
pub struct FeatureTable {
    index: FlatMap<u32>,
    /// Dense weights, `LANES`-padded: feature `i` owns `weights[i * width..][..width]`.
    weights: Vec<i8>,
    width: usize,
}

impl FeatureTable {
    /// Indexes a table decoded with `LANES` bytes per position.
    fn from_dense(table: DenseTable) -> FeatureTable {
        let mut index = FlatMap::with_capacity(table.keys.len(), 0u32);
        for (i, &key) in table.keys.iter().enumerate() {
            index.insert(u64::from(key), i as u32);
        }
        FeatureTable {
            index,
            weights: table.weights,
            width: table.stride,
        }
    }

    fn new(features: &[FeatureWeights], positions: usize) -> FeatureTable {
        let width = positions * LANES;
        let mut index = FlatMap::with_capacity(features.len(), 0u32);
        let mut weights = vec![0i8; features.len() * width];
        for (i, f) in features.iter().enumerate() {
            index.insert(u64::from(f.key), i as u32);
            for p in 0..positions {
                weights[i * width + p * LANES..][..TAGS]
                    .copy_from_slice(&f.weights[p * TAGS..(p + 1) * TAGS]);
            }
        }
        FeatureTable {
            index,
            weights,
            width,
        }
    }

    /// The weights of a feature hash, `positions * LANES` values, or `None` when
    /// the model has no such feature.
    #[inline]
    pub fn get(&self, hash: u64) -> Option<&[i8]> {
        let i = self.index.get(u64::from(model_key(hash)))? as usize;
        Some(&self.weights[i * self.width..(i + 1) * self.width])
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when the table holds no feature.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Heap bytes used.
    pub fn memory_usage(&self) -> usize {
        self.index.memory_usage() + self.weights.capacity()
    }
}

/// Score given to forbidden transitions (I-x after O or after another label).
pub const FORBIDDEN: f32 = -1.0e6;

/// Transition scores between tags, in the layout the decoders read.
#[derive(Clone, Debug, PartialEq)]
pub struct Transitions {
    /// `next[prev][next]`, forbidden moves at [`FORBIDDEN`].
    pub next: [[f32; LANES]; LANES],
    /// `prev[next][prev]`: the same, transposed for the backward pass.
    pub prev: [[f32; LANES]; LANES],
    /// Score of each tag opening a sentence (forbidden for I- tags).
    pub start: [f32; LANES],
    /// Score of each tag closing a sentence.
    pub end: [f32; LANES],
}

impl Transitions {
    /// Builds the decoder layout from `TAGS * TAGS` transition, `TAGS` start and
    /// `TAGS` end scores, forbidding I-x after anything but B-x/I-x.
    pub fn new(transitions: &[f32], start: &[f32], end: &[f32]) -> Transitions {
        let mut t = Transitions {
            next: [[FORBIDDEN; LANES]; LANES],
            prev: [[FORBIDDEN; LANES]; LANES],
            start: [FORBIDDEN; LANES],
            end: [FORBIDDEN; LANES],
        };
        for p in 0..TAGS {
            for n in 0..TAGS {
                if allowed(Some(p), n) {
                    t.next[p][n] = transitions[p * TAGS + n];
                    t.prev[n][p] = transitions[p * TAGS + n];
                }
            }
            if allowed(None, p) {
                t.start[p] = start[p];
            }
            t.end[p] = end[p];
        }
        t
    }
}

/// The model in its runtime layout.
#[derive(Clone, Debug)]
pub struct Model {
    /// Distinguishes models so per-thread caches never mix two of them.
    pub id: u64,
    /// Type features, `POSITIONS * LANES` weights each.
    pub type_table: FeatureTable,
    /// Token features, `LANES` weights each.
    pub token_table: FeatureTable,
    /// Tag transitions in weight units.
    pub transitions: Transitions,
    /// Score units per weight unit.
    pub scale: f32,
    /// Platt calibration `[a, b]` of margins in score units.
    pub calibration: [f32; 2],
}

impl From<ModelFile> for Model {
    fn from(file: ModelFile) -> Model {
        Model {
            id: next_id(),
            type_table: FeatureTable::new(&file.type_features, super::features::POSITIONS),
            token_table: FeatureTable::new(&file.token_features, 1),
            transitions: float_transitions(&file.transitions, &file.start, &file.end),
            scale: file.scale,
            calibration: file.calibration,
        }
    }
}

/// A fresh [`Model::id`].
fn next_id() -> u64 {
    static NEXT_ID: AtomicU64 = AtomicU64::new(1);
    NEXT_ID.fetch_add(1, Ordering::Relaxed)
}

fn float_transitions(transitions: &[i16], start: &[i16], end: &[i16]) -> Transitions {
    let float = |v: &[i16]| -> Vec<f32> { v.iter().map(|&x| f32::from(x)).collect() };
    Transitions::new(&float(transitions), &float(start), &float(end))
}

impl Model {
    /// Decodes model file bytes straight into the runtime layout (what the
    /// page pays on first use; no [`ModelFile`] in between).
    ///
    /// # Errors
    /// [`ModelError`] when the bytes are not a model of this format and shape.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let (head, types, tokens) = read_parts(bytes, LANES)?;
        Ok(Model {
            id: next_id(),
            type_table: FeatureTable::from_dense(types),
            token_table: FeatureTable::from_dense(tokens),
            transitions: float_transitions(&head.transitions, &head.start, &head.end),
            scale: head.scale,
            calibration: head.calibration,
        })
    }

    /// Heap bytes used.
    pub fn memory_usage(&self) -> usize {
        self.type_table.memory_usage() + self.token_table.memory_usage()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::features::POSITIONS;

    fn sample() -> ModelFile {
        let mut w = vec![0i8; POSITIONS * TAGS];
        w[3] = 5;
        w[TAGS * 2 + 12] = -128;
        ModelFile {
            scale: 0.25,
            calibration: [1.5, -2.0],
            transitions: (0..TAGS * TAGS).map(|i| (i % 7) as i16 - 3).collect(),
            start: vec![1; TAGS],
            end: vec![-1; TAGS],
            type_features: vec![
                FeatureWeights {
                    key: 7,
                    weights: w.clone(),
                },
                FeatureWeights {
                    key: u32::MAX,
                    weights: vec![0; POSITIONS * TAGS],
                },
            ],
            token_features: vec![FeatureWeights {
                key: 0,
                weights: (0..TAGS as i8).collect(),
            }],
        }
    }

    #[test]
    fn round_trips() {
        let file = sample();
        let bytes = file.to_bytes();
        assert_eq!(ModelFile::from_bytes(&bytes).unwrap(), file);
    }

    #[test]
    fn refuses_damaged_files() {
        let bytes = sample().to_bytes();
        assert_eq!(
            ModelFile::from_bytes(b"nope"),
            Err(ModelError::Truncated { at: 0 })
        );
        assert_eq!(
            ModelFile::from_bytes(b"NOTAMODEL.."),
            Err(ModelError::BadMagic)
        );
        for cut in [10, 40, bytes.len() - 1] {
            assert!(matches!(
                ModelFile::from_bytes(&bytes[..cut]),
                Err(ModelError::Truncated { .. })
            ));
        }
        let mut wrong = bytes.clone();
        wrong[7] = 99;
        assert_eq!(
            ModelFile::from_bytes(&wrong),
            Err(ModelError::UnsupportedVersion { found: 99 })
        );
    }

    #[test]
    fn runtime_layout_pads_and_forbids() {
        let model = Model::from(sample());
        let w = model.type_table.get(7u64 << 32).unwrap();
        assert_eq!(w.len(), POSITIONS * LANES);
        assert_eq!(w[3], 5);
        assert_eq!(w[2 * LANES + 12], -128);
        assert!(model.type_table.get(8u64 << 32).is_none());
        let tr = &model.transitions;
        assert_eq!(tr.next[OUTSIDE][inside(0)], FORBIDDEN);
        assert_ne!(tr.next[begin(0)][inside(0)], FORBIDDEN);
        assert_eq!(tr.next[begin(0)][inside(0)], tr.prev[inside(0)][begin(0)]);
        assert_eq!(tr.next[begin(1)][inside(0)], FORBIDDEN);
        assert_eq!(tr.start[inside(2)], FORBIDDEN);
    }

    #[test]
    fn direct_decoding_matches_the_file_path() {
        for bytes in [
            sample().to_bytes(),
            crate::entities::tagger::EMBEDDED_MODEL.to_vec(),
        ] {
            let file = ModelFile::from_bytes(&bytes).unwrap();
            let direct = Model::from_bytes(&bytes).unwrap();
            let via_file = Model::from(file.clone());
            for (table, direct, via_file, features) in [
                (
                    "type",
                    &direct.type_table,
                    &via_file.type_table,
                    &file.type_features,
                ),
                (
                    "token",
                    &direct.token_table,
                    &via_file.token_table,
                    &file.token_features,
                ),
            ] {
                assert_eq!(direct.len(), features.len(), "{table}");
                for f in features {
                    let key = u64::from(f.key) << 32;
                    assert_eq!(direct.get(key), via_file.get(key), "{table} {}", f.key);
                }
            }
            assert_eq!(direct.transitions, via_file.transitions);
            assert_eq!(
                (direct.scale, direct.calibration),
                (file.scale, file.calibration)
            );
        }
        let bytes = sample().to_bytes();
        for cut in [10, 40, bytes.len() - 1] {
            assert!(matches!(
                Model::from_bytes(&bytes[..cut]),
                Err(ModelError::Truncated { .. })
            ));
        }
    }

    #[test]
    fn tags() {
        assert_eq!(TAGS, 13);
        assert_eq!(label_of(begin(4)), Some(4));
        assert_eq!(label_of(inside(4)), Some(4));
        assert!(is_inside(inside(0)) && !is_inside(begin(0)) && !is_inside(OUTSIDE));
        assert!(allowed(Some(begin(2)), inside(2)));
        assert!(!allowed(None, inside(2)));
    }
}
