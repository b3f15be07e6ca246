// One annotated document and its edit history: the text, its tokens and
// sentences, the spans, the reference date and the label set. Every change is a
// patch (history.js) applied here, recorded for undo, and announced with a
// "change" event naming exactly the spans removed and added, so views patch only
// what changed. Spans never overlap (the exports' IOB tags could not say so).
//
// Offsets are UTF-16 code units into `text`, end exclusive (JS string indices).
import { History, invert } from './history.js';
import { LabelSet } from './labels.js';

/**
 * @typedef {import('./value-format.js').Value} Value
 * @typedef {'model'|'rule'|'user'|'import'} Source
 * @typedef {{id: number, start: number, end: number, label: string, value: Value|null,
 *   source: Source, score: number, entity: number|null, valueByUser?: boolean}} Span
 *   A span object is never mutated: a change makes a new object with a new id.
 *   `valueByUser` marks a value typed by the user, which a re-run must keep.
 * @typedef {import('./history.js').Patch} Patch
 * @typedef {import('./history.js').HistoryData} HistoryData
 * @typedef {{key: string, text: string, tokens: Uint32Array, sentences: Uint32Array,
 *   refDate: string, refDateSource: string, labels?: import('./labels.js').LabelDef[],
 *   spans?: Span[]|PackedSpans, rejected?: string[], history?: HistoryData, nextId?: number, title?: string}} DocInit
 * @typedef {{id: Uint32Array, start: Uint32Array, end: Uint32Array, score: Float64Array, entity: Int32Array,
 *   label: Uint16Array, labels: string[], source: Uint8Array, byUser: Uint8Array, values: [number, Value][]}} PackedSpans
 *   Spans as columns, for storage: structured-cloning 17,000 span objects took 31 ms
 *   on the main thread at every save, these arrays 2 ms.
 * @typedef {{patch: Patch, cause: 'edit'|'undo'|'redo'|'amend'|'engine'}} ChangeDetail
 */

/** The fields a patch may set besides spans. */
const FIELDS = ['refDate', 'refDateSource', 'labels', 'rejected'];

/** Engine spans scored below this are shown as doubtful and reviewed in turn (key `n`). */
export const DOUBT_THRESHOLD = 0.6;

/** @param {Span} span */
export const isDoubtful = (span) => (span.source === 'model' || span.source === 'rule') && span.score < DOUBT_THRESHOLD;

/** The key under which a deleted engine span is remembered so a re-run does not bring it back. */
export const rejectionKey = (span) => `${span.start}:${span.end}:${span.label}`;

export class DocState extends EventTarget {
  /** @param {DocInit} init */
  constructor(init) {
    super();
    this.key = init.key;
    this.title = init.title ?? titleOf(init.text);
    this.text = init.text;
    this.tokens = init.tokens;
    this.sentences = init.sentences;
    this.refDate = init.refDate;
    this.refDateSource = init.refDateSource;
    this.labels = LabelSet.fromJSON(init.labels);
    /** @type {string[]} */
    this.rejected = init.rejected ?? [];
    this.history = new History(init.history);
    /** @type {Span[]} sorted by start; ends are sorted too since spans never overlap */
    this.sorted = [];
    /** Spans of the initial list dropped because they were empty, out of range or overlapped an earlier one. */
    this.droppedOverlaps = 0;
    const seen = new Set();
    let nextId = init.nextId ?? 1;
    const given = init.spans && !Array.isArray(init.spans) ? unpackSpans(init.spans) : init.spans ?? [];
    for (const span of [...given].sort((a, b) => a.start - b.start || b.end - a.end)) {
      const last = this.sorted.at(-1);
      if (!(span.start < span.end) || span.end > this.text.length || (last && span.start < last.end)) {
        this.droppedOverlaps++;
        continue;
      }
      const keepsId = Number.isInteger(span.id) && span.id > 0 && !seen.has(span.id);
      const withId = keepsId ? span : { ...span, id: 0 };
      seen.add(withId.id);
      this.sorted.push(withId);
      nextId = Math.max(nextId, withId.id + 1);
    }
    // Spans that came without an id (engine output, imports) get one after the highest saved id.
    this.sorted = this.sorted.map((s) => (s.id ? s : { ...s, id: nextId++ }));
    /** @type {Map<number, Span>} */
    this.byId = new Map(this.sorted.map((s) => [s.id, s]));
    this.nextId = nextId;
    // Kept up to date by every patch, so an edit costs the spans it changed, not the document's.
    /** @type {Map<string, number>} */
    this.counts = new Map();
    this.doubtfulCount = 0;
    for (const span of this.sorted) this.#count(span, 1);
    this.labels = this.labels.including(this.sorted.map((s) => s.label));
  }

  /** The number of words (runs of non-space characters), counted once. */
  get words() {
    this.wordCount ??= countWords(this.text);
    return this.wordCount;
  }

  /** A fresh span id. */
  newId() {
    return this.nextId++;
  }

  /** @param {number} id */
  span(id) {
    return this.byId.get(id);
  }

  /** The covered text of a span or range. @param {{start: number, end: number}} r */
  slice(r) {
    return this.text.slice(r.start, r.end);
  }

  get tokenCount() {
    return this.tokens.length / 2;
  }

  /** @param {number} i */
  tokenStart(i) { return this.tokens[2 * i]; }

  /** @param {number} i */
  tokenEnd(i) { return this.tokens[2 * i + 1]; }

  /** Index of the first token ending after `offset` (tokenCount if none). */
  tokenAtOrAfter(offset) {
    let lo = 0;
    let hi = this.tokenCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[2 * mid + 1] <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Index of the last token starting before `offset` (-1 if none). */
  tokenBefore(offset) {
    let lo = 0;
    let hi = this.tokenCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[2 * mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** Index in `sorted` of the first span ending after `offset`. */
  #firstEndingAfter(offset) {
    let lo = 0;
    let hi = this.sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.sorted[mid].end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Spans overlapping [start, end), in text order. */
  overlapping(start, end) {
    const out = [];
    for (let i = this.#firstEndingAfter(start); i < this.sorted.length && this.sorted[i].start < end; i++) {
      out.push(this.sorted[i]);
    }
    return out;
  }

  /** The span covering `offset`, if any. */
  spanAt(offset) {
    const s = this.sorted[this.#firstEndingAfter(offset)];
    return s && s.start <= offset ? s : undefined;
  }

  /** The first span starting at or after `offset` (wrapping to the first) for which `keep` holds. */
  nextSpan(offset, keep = () => true, direction = 1) {
    const n = this.sorted.length;
    if (!n) return undefined;
    let i = this.#firstEndingAfter(offset);
    if (direction > 0) {
      if (this.sorted[i]?.start < offset) i++;
    } else {
      i--;
    }
    for (let step = 0; step < n; step++) {
      const s = this.sorted[(((i + direction * step) % n) + n) % n];
      if (keep(s)) return s;
    }
    return undefined;
  }

  /** Applies a patch as a new change and records it for undo. @param {Patch} patch */
  commit(patch) {
    if (isEmpty(patch)) return null;
    this.#apply(patch);
    this.history.push(patch);
    this.#emit(patch, 'edit');
    return patch;
  }

  /**
   * Applies engine output that is not a person's change (the rest of a long
   * text annotated after its opening): announced, but not an undo step.
   * @param {Patch} patch
   */
  absorb(patch) {
    if (isEmpty(patch)) return;
    this.#apply(patch);
    this.#emit(patch, 'engine');
  }

  /** Reverts the last change; returns the patch applied, or null. */
  undo() {
    const patch = this.history.takeUndo();
    if (!patch) return null;
    this.#apply(patch);
    this.#emit(patch, 'undo');
    return patch;
  }

  /** Re-applies the last undone change; returns the patch applied, or null. */
  redo() {
    const patch = this.history.takeRedo();
    if (!patch) return null;
    this.#apply(patch);
    this.#emit(patch, 'redo');
    return patch;
  }

  /**
   * Completes a span after the fact (a value the engine looked up), as part of the
   * change that made it: no new undo step.
   * @param {number} id
   * @param {Partial<Span>} changes
   */
  amend(id, changes) {
    const old = this.byId.get(id);
    if (!old) return null;
    const updated = { ...old, ...changes, id };
    const patch = { removed: [old], added: [updated] };
    this.#apply(patch);
    this.history.amend(old, updated);
    this.#emit(patch, 'amend');
    return updated;
  }

  /** @param {Patch} patch */
  #apply(patch) {
    // Inserting thousands of spans one splice at a time is quadratic (an engine run
    // over a long article adds 13,000): merge them in one pass instead.
    if (patch.added.length > 64) this.#applyInBulk(patch);
    else this.#applyOneByOne(patch);
    for (const [field, [, after]] of Object.entries(patch.set ?? {})) {
      if (!FIELDS.includes(field)) throw new Error(`patch sets unknown field ${field}`);
      this[field] = field === 'labels' ? LabelSet.fromJSON(after) : after;
    }
  }

  /** @param {Patch} patch */
  #applyInBulk(patch) {
    const gone = new Set();
    for (const span of patch.removed) {
      if (this.byId.get(span.id) !== undefined) gone.add(span.id);
      else throw new Error(`patch removes span ${span.id}, which is not in the document`);
      this.byId.delete(span.id);
      this.#count(span, -1);
    }
    const kept = gone.size ? this.sorted.filter((s) => !gone.has(s.id)) : this.sorted;
    const added = [...patch.added].sort((a, b) => a.start - b.start);
    const merged = [];
    let i = 0;
    for (const span of added) {
      while (i < kept.length && kept[i].start < span.start) merged.push(kept[i++]);
      merged.push(span);
    }
    while (i < kept.length) merged.push(kept[i++]);
    for (let k = 1; k < merged.length; k++) {
      if (merged[k].start < merged[k - 1].end) {
        throw new Error(`patch adds span ${merged[k].start}–${merged[k].end}, which overlaps ${merged[k - 1].start}–${merged[k - 1].end}`);
      }
    }
    this.sorted = merged;
    for (const span of added) {
      this.byId.set(span.id, span);
      this.#count(span, 1);
      if (span.id >= this.nextId) this.nextId = span.id + 1;
    }
  }

  /** @param {Patch} patch */
  #applyOneByOne(patch) {
    for (const span of patch.removed) {
      const at = this.#indexOf(span);
      if (at < 0) throw new Error(`patch removes span ${span.id}, which is not in the document`);
      this.sorted.splice(at, 1);
      this.byId.delete(span.id);
      this.#count(span, -1);
    }
    for (const span of patch.added) {
      const at = this.#firstEndingAfter(span.start);
      const next = this.sorted[at];
      if (next && next.start < span.end) {
        throw new Error(`patch adds span ${span.start}–${span.end}, which overlaps ${next.start}–${next.end}`);
      }
      this.sorted.splice(at, 0, span);
      this.byId.set(span.id, span);
      this.#count(span, 1);
      if (span.id >= this.nextId) this.nextId = span.id + 1;
    }
  }

  /** @param {Span} span @param {1|-1} delta */
  #count(span, delta) {
    this.counts.set(span.label, (this.counts.get(span.label) ?? 0) + delta);
    if (isDoubtful(span)) this.doubtfulCount += delta;
  }

  #indexOf(span) {
    const at = this.#firstEndingAfter(span.start);
    for (let i = at; i < this.sorted.length && this.sorted[i].start <= span.start; i++) {
      if (this.sorted[i].id === span.id) return i;
    }
    return -1;
  }

  #emit(patch, cause) {
    this.dispatchEvent(new CustomEvent('change', { detail: /** @type {ChangeDetail} */ ({ patch, cause }) }));
  }

  /** How many spans carry each label. @returns {Map<string, number>} */
  labelCounts() {
    return this.counts;
  }

  /** Everything needed to restore this document, as plain data for IndexedDB. */
  snapshot() {
    return {
      key: this.key,
      refDate: this.refDate,
      refDateSource: this.refDateSource,
      labels: this.labels.toJSON(),
      spans: packSpans(this.sorted),
      rejected: this.rejected,
      history: this.history.toJSON(),
      nextId: this.nextId,
    };
  }
}

const SOURCES = /** @type {const} */ (['model', 'rule', 'user', 'import']);

/**
 * Spans as columns (see PackedSpans).
 * @param {Span[]} spans
 * @returns {PackedSpans}
 */
export function packSpans(spans) {
  const n = spans.length;
  const packed = {
    id: new Uint32Array(n), start: new Uint32Array(n), end: new Uint32Array(n), score: new Float64Array(n),
    entity: new Int32Array(n), label: new Uint16Array(n), labels: /** @type {string[]} */ ([]),
    source: new Uint8Array(n), byUser: new Uint8Array(n), values: /** @type {[number, Value][]} */ ([]),
  };
  const labelIndex = new Map();
  spans.forEach((s, i) => {
    if (!labelIndex.has(s.label)) labelIndex.set(s.label, packed.labels.push(s.label) - 1);
    packed.id[i] = s.id;
    packed.start[i] = s.start;
    packed.end[i] = s.end;
    packed.score[i] = s.score;
    packed.entity[i] = s.entity ?? -1;
    packed.label[i] = labelIndex.get(s.label);
    packed.source[i] = Math.max(0, SOURCES.indexOf(s.source));
    packed.byUser[i] = s.valueByUser ? 1 : 0;
    if (s.value) packed.values.push([i, s.value]);
  });
  return packed;
}

/**
 * Span objects from columns.
 * @param {PackedSpans} packed
 * @returns {Span[]}
 */
export function unpackSpans(packed) {
  const values = new Map(packed.values);
  return Array.from(packed.id, (id, i) => ({
    id, start: packed.start[i], end: packed.end[i], label: packed.labels[packed.label[i]],
    value: values.get(i) ?? null, source: SOURCES[packed.source[i]], score: packed.score[i],
    entity: packed.entity[i] < 0 ? null : packed.entity[i], ...(packed.byUser[i] && { valueByUser: true }),
  }));
}

/** @param {Patch} patch */
function isEmpty(patch) {
  return !patch || (!patch.removed.length && !patch.added.length && !Object.keys(patch.set ?? {}).length);
}

/**
 * Counts runs of non-space characters. (A hand-written loop measured 2–175 ms on
 * 300 kB depending on how warm the JIT was; the regex engine took 3 ms.)
 * @param {string} text
 */
export function countWords(text) {
  return text.match(/\S+/g)?.length ?? 0;
}

/** A document's title for lists: its first line, shortened. @param {string} text */
export function titleOf(text) {
  const line = text.trim().split('\n', 1)[0]?.trim() ?? '';
  return line.length > 80 ? `${line.slice(0, 79)}…` : line || 'Untitled';
}

export { invert };
