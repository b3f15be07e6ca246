// Owns the wasm module: the only file that imports the wasm glue. Answers every
// request {id, type, ...} with {id, ok: true, value} or {id, ok: false, error};
// a progressive annotation first sends {id, partial: true, value} for the
// article's opening so the page can show it while the rest is annotated.
import init, * as lede from './pkg/lede.js';

/**
 * @typedef {{id: number, type: 'init', wasm?: BufferSource|WebAssembly.Module}} InitRequest
 *   Optional first message: hands over the wasm bytes (the offline single-file
 *   build inlines them); without it the glue fetches pkg/lede_bg.wasm.
 * @typedef {{refDate?: string, today?: string, values?: boolean, entities?: boolean}} AnnotateOptions
 * @typedef {{id: number, type: 'annotate', text: Uint8Array, options?: AnnotateOptions, progressive?: boolean}} AnnotateRequest
 *   `text` is the article's UTF-8 bytes, transferred: a 10 MB string posted as a
 *   string was cloned twice on its way in (the message, then the bytes for the
 *   wasm), and the tab peaked 40–80 MB higher (bench/page/memory.js).
 * @typedef {{id: number, type: 'value', text: string, label: string, refDate?: string}} ValueRequest
 *   The engine's value for `text` read as a `label` span on its own, or null.
 * @typedef {{id: number, type: 'export', doc: object, format: string}} ExportRequest
 * @typedef {{id: number, type: 'import', text: string, format?: string, companion?: string}} ImportRequest
 * @typedef {{id: number, type: 'version'|'capabilities'}} InfoRequest
 * @typedef {InitRequest|AnnotateRequest|ValueRequest|ExportRequest|ImportRequest|InfoRequest} Request
 * @typedef {{id: number, ok: true, value: any} | {id: number, ok: false, error: {name: string, message: string}}
 *   | {id: number, partial: true, value: any}} Reply
 */

/** Texts longer than this (UTF-8 bytes) are annotated in two steps: their opening, then all of it. */
const PROGRESSIVE_MIN_BYTES = 30_000;
/** Roughly how much text the first step covers (a screen or two). */
const OPENING_BYTES = 6_000;
const LINE_FEED = 0x0a;
const ARRAYS = ['tokens', 'sentences', 'spans', 'spanLabels', 'spanScores', 'spanEntities', 'spanSources'];

/** @type {Promise<unknown>|null} */
let ready = null;
// Once loaded, one short run decodes the engine's model (its first use costs
// ~200 ms), so the person's first Annotate does not pay for it.
const start = (wasm) => (ready ??= init(wasm ? { module_or_path: wasm } : undefined).then(() => {
  try {
    lede.annotateFlat('Warm-up in Kyiv on Jan. 24, 2025: 3.5% of $11,000.', {});
  } catch {
    // A failure here shows up, with its message, on the first real request.
  }
}));

/**
 * The end of the opening in `bytes`: just past the first line break after
 * OPENING_BYTES (a whole character, since UTF-8 never uses 0x0a inside one), or
 * null if none comes soon.
 * @param {Uint8Array} bytes
 */
function openingEnd(bytes) {
  if (bytes.length < PROGRESSIVE_MIN_BYTES) return null;
  const at = bytes.indexOf(LINE_FEED, OPENING_BYTES);
  return at > 0 && at < bytes.length / 2 ? at + 1 : null;
}

// Texts arrive as UTF-8 bytes (see AnnotateRequest) and go into the wasm as they
// are: one copy, the size of the text, in memory that never shrinks once grown.
/** @param {Uint8Array} bytes */
function annotateFlat(bytes, options) {
  const started = performance.now();
  const value = lede.annotateFlat(bytes, options ?? {});
  value.elapsedMs = performance.now() - started;
  return value;
}

/** @param {Request} request */
function handle(request) {
  switch (request.type) {
    case 'init': return true;
    case 'version': return lede.version();
    case 'capabilities':
      return { export: typeof lede.exportDocument === 'function', import: typeof lede.importDocument === 'function' };
    case 'annotate': {
      const end = request.progressive ? openingEnd(request.text) : null;
      if (end !== null) {
        // The opening ends at a line break, so its tokens are the whole text's first tokens.
        const partial = annotateFlat(request.text.subarray(0, end), request.options);
        post({ id: request.id, partial: true, value: partial });
      }
      return annotateFlat(request.text, request.options);
    }
    case 'value': return valueOf(request);
    case 'export':
      if (typeof lede.exportDocument !== 'function') throw unavailable('export');
      return lede.exportDocument(request.doc, request.format);
    case 'import':
      if (typeof lede.importDocument !== 'function') throw unavailable('import');
      return lede.importDocument(request.text, request.format, request.companion);
    default:
      throw new TypeError(`unknown request type ${JSON.stringify(/** @type {any} */ (request).type)}`);
  }
}

/** @param {ValueRequest} request */
function valueOf({ text, label, refDate }) {
  const flat = lede.annotateFlat(text, { entities: false, ...(refDate && { refDate }) });
  const first = text.search(/\S/);
  const last = text.trimEnd().length;
  for (let i = 0; i < flat.spanLabels.length; i++) {
    if (flat.spans[2 * i] <= first && flat.spans[2 * i + 1] >= last && flat.labels[flat.spanLabels[i]] === label) {
      return flat.spanValues[i] ?? null;
    }
  }
  return null;
}

function unavailable(what) {
  return Object.assign(new Error(`this build of the engine cannot ${what} documents yet`), { name: 'Unavailable' });
}

/** @param {Reply} reply */
function post(reply) {
  const value = /** @type {any} */ (reply).value;
  // Hand typed arrays over without copying them.
  const transfer = value && typeof value === 'object' && value.tokens instanceof Uint32Array
    ? ARRAYS.map((k) => value[k].buffer) : [];
  self.postMessage(reply, transfer);
}

self.onmessage = async (/** @type {MessageEvent<Request>} */ event) => {
  const request = event.data;
  try {
    await start(request.type === 'init' ? request.wasm : undefined);
    post({ id: request.id, ok: true, value: handle(request) });
  } catch (err) {
    post({ id: request.id, ok: false, error: { name: err?.name ?? 'Error', message: String(err?.message ?? err) } });
  }
};
