// Every correction a person can make, as a pure function from the document to
// the patch that makes it (nothing here touches the DOM or commits anything).
// Spans made or changed by a person get source "user" and score 1; deleting an
// engine span remembers it so a re-run does not bring it back (DESIGN.md
// invariant 3: user work survives re-runs).
import { rejectionKey } from './state.js';

/**
 * @typedef {import('./state.js').DocState} DocState
 * @typedef {import('./state.js').Span} Span
 * @typedef {import('./history.js').Patch} Patch
 * @typedef {import('./value-format.js').Value} Value
 * @typedef {{refDate: string, refDateSource: string, spans: Omit<Span, 'id'>[]}} EngineRun
 */

const isEngine = (span) => span.source === 'model' || span.source === 'rule';
const quote = (text) => `“${text.length > 40 ? `${text.slice(0, 39)}…` : text}”`;

/**
 * Spans that are mentions of the same thing as `span`: the same entity id, or
 * the same text. Includes `span`.
 * @param {DocState} state
 * @param {Span} span
 */
export function mentionsOf(state, span) {
  const text = state.slice(span);
  return state.sorted.filter((s) => s === span
    || (span.entity != null && s.entity === span.entity)
    || (s.end - s.start === span.end - span.start && state.slice(s) === text));
}

/**
 * Where else the text of [start, end) occurs on token boundaries.
 * @param {DocState} state
 * @returns {{start: number, end: number}[]} in text order, including [start, end)
 */
export function occurrences(state, start, end) {
  const needle = state.text.slice(start, end);
  const found = [];
  if (!needle) return found;
  for (let at = state.text.indexOf(needle); at >= 0; at = state.text.indexOf(needle, at + 1)) {
    const first = state.tokenAtOrAfter(at);
    const last = state.tokenBefore(at + needle.length);
    if (state.tokenStart(first) === at && state.tokenEnd(last) === at + needle.length) {
      found.push({ start: at, end: at + needle.length });
    }
  }
  return found;
}

/** The rejected list with `spans`' engine spans added (or null when unchanged). */
function rejecting(state, spans) {
  const keys = spans.filter(isEngine).map(rejectionKey).filter((k) => !state.rejected.includes(k));
  return keys.length ? { rejected: [state.rejected, [...state.rejected, ...keys]] } : undefined;
}

/** An entity id to give a new `label` span over `text`: the one its namesakes carry. */
function entityFor(state, text, label) {
  const namesake = state.sorted.find((s) => s.label === label && s.entity != null && state.slice(s) === text);
  return namesake ? namesake.entity : null;
}

/**
 * Labels [start, end) (and, with `allMentions`, every other occurrence of its
 * text that no person has annotated) as `label`, replacing engine spans in the way.
 * @param {DocState} state
 * @param {number} start
 * @param {number} end
 * @param {string} label
 * @param {{allMentions?: boolean}} [options]
 * @returns {Patch}
 */
export function addSpan(state, start, end, label, { allMentions = false } = {}) {
  const text = state.text.slice(start, end);
  const targets = allMentions ? occurrences(state, start, end) : [{ start, end }];
  const removed = new Map();
  const added = [];
  const entity = entityFor(state, text, label);
  for (const t of targets) {
    const inTheWay = state.overlapping(t.start, t.end);
    const isTheSelection = t.start === start && t.end === end;
    // Other occurrences do not override what a person has already decided.
    if (!isTheSelection && inTheWay.some((s) => !isEngine(s))) continue;
    for (const s of inTheWay) removed.set(s.id, s);
    added.push({ id: state.newId(), start: t.start, end: t.end, label, value: null, source: 'user', score: 1, entity });
  }
  const what = added.length > 1 ? `Labelled ${added.length} mentions of ${quote(text)} as ${label}` : `Labelled ${quote(text)} as ${label}`;
  return { removed: [...removed.values()], added, what };
}

/**
 * Gives `spans` (and, with `allMentions`, all their mentions) the label `label`.
 * A span that already has it is confirmed instead (source user, score 1).
 * @param {DocState} state
 * @param {Span[]} spans
 * @param {string} label
 * @param {{allMentions?: boolean}} [options]
 * @returns {Patch}
 */
export function relabelSpans(state, spans, label, { allMentions = false } = {}) {
  const targets = allMentions ? unique(spans.flatMap((s) => mentionsOf(state, s))) : spans;
  const added = targets.map((s) => ({
    ...s,
    id: state.newId(),
    label,
    source: /** @type {const} */ ('user'),
    score: 1,
    // A value belongs to its label's kind; the page asks the engine for a new one.
    value: s.label === label ? s.value : null,
    valueByUser: s.label === label ? s.valueByUser : false,
  }));
  const first = targets[0];
  const what = targets.length > 1 ? `Labelled ${targets.length} mentions of ${quote(state.slice(first))} as ${label}`
    : `Labelled ${quote(state.slice(first))} as ${label}`;
  return { removed: targets, added, what };
}

/**
 * Deletes `spans` (and, with `allMentions`, all their mentions).
 * @param {DocState} state
 * @param {Span[]} spans
 * @param {{allMentions?: boolean}} [options]
 * @returns {Patch}
 */
export function deleteSpans(state, spans, { allMentions = false } = {}) {
  const targets = allMentions ? unique(spans.flatMap((s) => mentionsOf(state, s))) : spans;
  const set = rejecting(state, targets);
  const what = targets.length > 1 ? `Deleted ${targets.length} spans` : `Deleted ${targets[0]?.label} ${quote(state.slice(targets[0] ?? { start: 0, end: 0 }))}`;
  return { removed: targets, added: [], ...(set && { set }), what };
}

/**
 * Accepts a doubtful span as it is.
 * @param {DocState} state
 * @param {Span} span
 * @returns {Patch}
 */
export function confirmSpan(state, span) {
  return {
    removed: [span],
    added: [{ ...span, id: state.newId(), source: 'user', score: 1 }],
    what: `Confirmed ${span.label} ${quote(state.slice(span))}`,
  };
}

/**
 * Moves a span's edges to [start, end). Refuses to overlap another span or to
 * become empty.
 * @param {DocState} state
 * @param {Span} span
 * @param {number} start
 * @param {number} end
 * @returns {{patch?: Patch, error?: string}}
 */
export function resizeSpan(state, span, start, end) {
  if (!(start < end)) return { error: 'A span must keep at least one token.' };
  const blocker = state.overlapping(start, end).find((s) => s.id !== span.id);
  if (blocker) return { error: `${blocker.label} ${quote(state.slice(blocker))} is in the way.` };
  const text = state.text.slice(start, end);
  return {
    patch: {
      removed: [span],
      added: [{ ...span, id: state.newId(), start, end, source: 'user', score: 1, value: span.valueByUser ? span.value : null, valueByUser: span.valueByUser }],
      what: `${span.label} is now ${quote(text)}`,
    },
  };
}

/**
 * Sets a span's normalized value, as typed by the user.
 * @param {DocState} state
 * @param {Span} span
 * @param {Value|null} value
 * @returns {Patch}
 */
export function setSpanValue(state, span, value) {
  return {
    removed: [span],
    added: [{ ...span, id: state.newId(), value, valueByUser: true, source: 'user', score: 1 }],
    what: `Value of ${quote(state.slice(span))} set`,
  };
}

/**
 * Merges a fresh engine run (after the reference date changed) into the
 * document: engine spans are replaced by the run's, except where a person has
 * annotated or deleted; a person's span whose value came from the engine takes
 * the run's value for the same stretch and label. Unchanged spans are kept as
 * they are, so the patch holds only what the run changed.
 * @param {DocState} state
 * @param {EngineRun} run
 * @returns {Patch}
 */
export function mergeEngineRun(state, run) {
  const protectedSpans = state.sorted.filter((s) => !isEngine(s));
  const rejected = new Set(state.rejected);
  const byRange = new Map(run.spans.map((s) => [`${s.start}:${s.end}:${s.label}`, s]));
  const overlapsProtected = (s) => {
    const i = lowerBound(protectedSpans, s.start);
    return i < protectedSpans.length && protectedSpans[i].start < s.end;
  };
  const fresh = run.spans.filter((s) => !rejected.has(rejectionKey(s)) && !overlapsProtected(s));
  const signature = (s) => `${s.source}|${s.start}|${s.end}|${s.label}|${s.score}|${s.entity}|${JSON.stringify(s.value)}`;
  const old = new Map(state.sorted.filter(isEngine).map((s) => [signature(s), s]));
  const removed = [];
  const added = [];
  for (const s of fresh) {
    if (old.has(signature(s))) old.delete(signature(s));
    else added.push({ ...s, id: state.newId() });
  }
  removed.push(...old.values());
  for (const s of protectedSpans) {
    const match = byRange.get(`${s.start}:${s.end}:${s.label}`);
    if (!s.valueByUser && match && JSON.stringify(match.value) !== JSON.stringify(s.value)) {
      removed.push(s);
      added.push({ ...s, id: state.newId(), value: match.value });
    }
  }
  const set = {};
  if (run.refDate !== state.refDate) set.refDate = [state.refDate, run.refDate];
  if (run.refDateSource !== state.refDateSource) set.refDateSource = [state.refDateSource, run.refDateSource];
  return { removed, added, set, what: `Reference date ${run.refDate}` };
}

/**
 * Adds a user label to the document's label set.
 * @param {DocState} state
 * @param {{name: string, key: string, color: string}} def
 * @returns {Patch}
 */
export function defineLabel(state, def) {
  return { removed: [], added: [], set: { labels: [state.labels.toJSON(), state.labels.with(def).toJSON()] }, what: `New label ${def.name}` };
}

/** Index of the first span in sorted, non-overlapping `spans` ending after `offset`. */
function lowerBound(spans, offset) {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** @param {Span[]} spans */
function unique(spans) {
  return [...new Map(spans.map((s) => [s.id, s])).values()];
}
