// Owns the wasm module: the only file that imports the wasm glue. Answers every
// request {id, type, ...} with {id, ok: true, value} or {id, ok: false, error}.
import init, { annotateFlat, version } from './pkg/lede.js';

/**
 * @typedef {{id: number, type: 'annotate', text: string, options?: object}} AnnotateRequest
 * @typedef {{id: number, type: 'version'}} VersionRequest
 * @typedef {{id: number, ok: true, value: any} | {id: number, ok: false, error: {name: string, message: string}}} Reply
 */

const ready = init();

self.onmessage = async (event) => {
  const { id, type } = event.data;
  try {
    await ready;
    if (type === 'annotate') {
      const started = performance.now();
      const value = annotateFlat(event.data.text, event.data.options ?? {});
      value.elapsedMs = performance.now() - started;
      // Hand the typed arrays over without copying them.
      const transfer = ['tokens', 'sentences', 'spans', 'spanLabels', 'spanScores', 'spanEntities', 'spanSources']
        .map((k) => value[k].buffer);
      self.postMessage({ id, ok: true, value }, transfer);
    } else if (type === 'version') {
      self.postMessage({ id, ok: true, value: version() });
    } else {
      throw new TypeError(`unknown request type ${JSON.stringify(type)}`);
    }
  } catch (err) {
    self.postMessage({ id, ok: false, error: { name: err?.name ?? 'Error', message: String(err?.message ?? err) } });
  }
};
