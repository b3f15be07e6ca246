// Talks to worker.js: one request, one promise, so the page never touches the
// wasm. Turns the worker's columnar result into the page's span objects.

/**
 * @typedef {import('./worker.js').Reply} Reply
 * @typedef {import('./worker.js').AnnotateOptions} AnnotateOptions
 * @typedef {import('./state.js').Span} Span
 * @typedef {Omit<Span, 'id'>} EngineSpan
 * @typedef {{refDate: string, refDateSource: string, tokens: Uint32Array, sentences: Uint32Array,
 *   spans: EngineSpan[], elapsedMs: number}} EngineResult
 * @typedef {{name: string, mime: string, text: string}} ExportFile
 * @typedef {{text: string, ref_date?: string, ref_date_source?: string, offsets?: string, name?: string,
 *   spans?: {start: number, end: number, label: string, value?: any, source?: string, score?: number, entity?: number|null}[],
 *   import?: {format: string, warnings: string[]}}} LedeDocument
 *   `name` (export only) is the file-name stem; `import` (import only) says what was read and left out.
 */

const utf8 = new TextEncoder();

/**
 * Converts the worker's flat arrays (UTF-16 offsets) to span objects.
 * @param {any} flat annotateFlat's result
 * @returns {EngineResult}
 */
export function fromFlat(flat) {
  /** @type {EngineSpan[]} */
  const spans = [];
  for (let i = 0; i < flat.spanLabels.length; i++) {
    const entity = flat.spanEntities[i];
    spans.push({
      start: flat.spans[2 * i],
      end: flat.spans[2 * i + 1],
      label: flat.labels[flat.spanLabels[i]],
      value: flat.spanValues[i] ?? null,
      source: flat.sources[flat.spanSources[i]],
      // Float32 → nearest short decimal, so scores read as the engine wrote them.
      score: Number(flat.spanScores[i].toPrecision(6)),
      entity: entity < 0 ? null : entity,
    });
  }
  return {
    refDate: flat.refDate, refDateSource: flat.refDateSource, tokens: flat.tokens,
    sentences: flat.sentences, spans, elapsedMs: flat.elapsedMs,
  };
}

/**
 * How a client made without a worker or URL gets its engine: by default it starts
 * worker.js beside this module, which fetches the wasm beside itself. The offline
 * single-file build has no files beside it; it replaces both (a worker made from
 * inlined source, the inlined wasm bytes) before the page's first client is made.
 * @type {{createWorker: () => Worker, wasm?: BufferSource}}
 */
export const engineDefaults = {
  createWorker: () => new Worker(new URL('./worker.js', import.meta.url), { type: 'module' }),
};

export class AnnotatorClient {
  /**
   * @param {{worker?: Worker, url?: URL|string, wasm?: BufferSource}} [options] a ready
   *   worker (the extension and the single-file build make their own), or its URL;
   *   `wasm` hands the worker the module's bytes instead of letting it fetch them.
   *   With neither a worker nor a URL, `engineDefaults` says how to start one.
   */
  constructor(options = {}) {
    const own = options.worker ?? (options.url ? new Worker(options.url, { type: 'module' }) : null);
    this.worker = own ?? engineDefaults.createWorker();
    const wasm = options.wasm ?? (own ? undefined : engineDefaults.wasm);
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function, onPartial?: Function}>} */
    this.pending = new Map();
    this.worker.onmessage = (event) => this.#settle(event.data);
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'the annotation worker failed to start');
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
    if (wasm) this.#request({ type: 'init', wasm });
  }

  /** @param {Reply} reply */
  #settle(reply) {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    if ('partial' in reply) {
      waiter.onPartial?.(reply.value);
      return;
    }
    this.pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
  }

  #request(message, onPartial, transfer = []) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onPartial });
      this.worker.postMessage({ ...message, id }, transfer);
    });
  }

  /**
   * Annotates text in the worker. With `onPartial`, a long text's opening is
   * reported first (its spans and tokens are a prefix of the final result's).
   * @param {string} text
   * @param {AnnotateOptions} [options]
   * @param {(opening: EngineResult) => void} [onPartial]
   * @returns {Promise<EngineResult>}
   */
  async annotate(text, options = {}, onPartial) {
    // As UTF-8 bytes handed over, not a string the message would copy (worker.js).
    const bytes = utf8.encode(text);
    const flat = await this.#request({ type: 'annotate', text: bytes, options, progressive: !!onPartial },
      onPartial && ((partial) => onPartial(fromFlat(partial))), [bytes.buffer]);
    return fromFlat(flat);
  }

  /**
   * The engine's normalized value for `text` as a `label` span, or null.
   * @param {string} text
   * @param {string} label
   * @param {string} [refDate]
   */
  value(text, label, refDate) {
    return this.#request({ type: 'value', text, label, refDate });
  }

  /**
   * Writes a document in one export format.
   * @param {LedeDocument} doc with `offsets: "utf16"`
   * @param {string} format "lede-json", "prodigy-jsonl", "conll2003", "brat", "web-annotation" or "csv"
   * @returns {Promise<ExportFile[]>}
   */
  exportDocument(doc, format) {
    return this.#request({ type: 'export', doc, format });
  }

  /**
   * Reads an exported document back.
   * @param {string} text the file's contents
   * @param {string} [format] guessed by the engine when absent
   * @param {string} [companion] brat: the .txt beside the .ann
   * @returns {Promise<LedeDocument>}
   */
  importDocument(text, format, companion) {
    return this.#request({ type: 'import', text, format, companion });
  }

  /** @returns {Promise<{export: boolean, import: boolean}>} */
  capabilities() {
    return this.#request({ type: 'capabilities' });
  }

  /** @returns {Promise<string>} */
  version() {
    return this.#request({ type: 'version' });
  }
}
