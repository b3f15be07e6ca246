// The memory bench's worker: owns the wasm like www/worker.js and reports its
// linear memory after annotating (wasm memory only grows, so this is its peak).
import init, { annotateFlat } from '/pkg/lede.js';

let wasm;
self.onmessage = async (e) => {
  if (e.data.type === 'init') {
    wasm = await init();
    self.postMessage({ wasmMemoryBeforeBytes: wasm.memory.buffer.byteLength });
    return;
  }
  const before = wasm.memory.buffer.byteLength;
  const t0 = performance.now();
  const flat = annotateFlat(e.data.bytes, { today: '2025-01-24' });
  const annotateMs = performance.now() - t0;
  // Hand the result to the page as the app's worker does, so the page holds it too.
  const transfer = [flat.tokens.buffer, flat.sentences.buffer, flat.spans.buffer];
  self.postMessage({
    flat,
    wasmMemoryBeforeBytes: before,
    wasmMemoryBytes: wasm.memory.buffer.byteLength,
    annotateMs,
    tokens: flat.tokens.length / 2,
    spans: flat.spans.length / 2,
    workerJsHeapUsed: performance.memory?.usedJSHeapSize ?? null,
  }, transfer);
};
