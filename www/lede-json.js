// Converts between the page's document state and a lede JSON document (the
// schema of the CLI's output and the engine's export/import, README "Output
// schema"). The page always writes UTF-16 offsets and says so; a document read
// back with code-point or byte offsets is converted here, once.

/**
 * @typedef {import('./state.js').DocState} DocState
 * @typedef {import('./state.js').Span} Span
 * @typedef {import('./worker-client.js').LedeDocument} LedeDocument
 */

/**
 * The whole document as lede JSON with UTF-16 offsets, for the engine's exporters.
 * @param {DocState} state
 * @returns {LedeDocument}
 */
export function toLedeDocument(state) {
  const { text, tokens, sentences } = state;
  const count = tokens.length / 2;
  const tokenRecords = [];
  for (let i = 0; i < count; i++) {
    const start = tokens[2 * i];
    const end = tokens[2 * i + 1];
    const next = i + 1 < count ? tokens[2 * i + 2] : text.length;
    tokenRecords.push({ start, end, text: text.slice(start, end), ws: text.slice(end, next) });
  }
  const sentenceRecords = [];
  for (let i = 0; i < sentences.length; i += 2) {
    sentenceRecords.push({ start: tokens[2 * sentences[i]], end: tokens[2 * (sentences[i + 1] - 1) + 1] });
  }
  return {
    text,
    ref_date: state.refDate,
    ref_date_source: state.refDateSource,
    offsets: 'utf16',
    tokens: tokenRecords,
    sentences: sentenceRecords,
    spans: state.sorted.map((s) => ({
      start: s.start,
      end: s.end,
      label: s.label,
      text: text.slice(s.start, s.end),
      value: s.value ?? null,
      source: s.source,
      score: s.score,
      ...(s.entity != null && { entity: s.entity }),
    })),
  };
}

/**
 * A function mapping offsets in `unit` to UTF-16 offsets into `text`.
 * @param {string} text
 * @param {string} unit "utf16", "chars" (code points) or "bytes" (UTF-8)
 * @returns {(offset: number) => number}
 */
export function toUtf16(text, unit) {
  if (unit === 'utf16' || !unit) return (o) => o;
  /** @type {number[]} */
  const table = [0];
  let u16 = 0;
  for (const ch of text) {
    u16 += ch.length;
    const cp = /** @type {number} */ (ch.codePointAt(0));
    const width = unit === 'bytes' ? (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4) : 1;
    for (let k = 1; k < width; k++) table.push(NaN);
    table.push(u16);
  }
  return (o) => {
    const mapped = table[o];
    if (mapped === undefined || Number.isNaN(mapped)) throw new RangeError(`offset ${o} (${unit}) is not on a character boundary`);
    return mapped;
  };
}

/**
 * The parts of a lede JSON document the page keeps: its text, reference date and
 * spans (UTF-16 offsets, checked against their `text` where given).
 * @param {LedeDocument} doc
 * @returns {{text: string, refDate: string|null, refDateSource: string, spans: Omit<Span, 'id'>[], mismatched: number}}
 */
export function fromLedeDocument(doc) {
  if (!doc || typeof doc.text !== 'string') throw new TypeError('the file holds no document text');
  const at = toUtf16(doc.text, doc.offsets ?? 'chars');
  let mismatched = 0;
  const spans = [];
  for (const s of doc.spans ?? []) {
    const start = at(s.start);
    const end = at(s.end);
    if (/** @type {any} */ (s).text !== undefined && doc.text.slice(start, end) !== /** @type {any} */ (s).text) {
      mismatched++;
      continue;
    }
    spans.push({
      start, end, label: s.label, value: s.value ?? null,
      source: /** @type {any} */ (s.source ?? 'import'), score: s.score ?? 1, entity: s.entity ?? null,
    });
  }
  return {
    text: doc.text,
    refDate: doc.ref_date ?? null,
    refDateSource: doc.ref_date_source ?? (doc.ref_date ? 'given' : 'unknown'),
    spans,
    mismatched,
  };
}
