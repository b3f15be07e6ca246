// The cold-start worker: instantiates lede and annotates one text, like www/worker.js.
import init, { annotateFlat } from '/pkg/lede.js';

self.onmessage = async (e) => {
  const t0 = performance.now();
  await init();
  const t1 = performance.now();
  const flat = annotateFlat(e.data.text, e.data.options);
  const t2 = performance.now();
  self.postMessage({ flat, initMs: t1 - t0, annotateMs: t2 - t1 }, [flat.tokens.buffer, flat.spans.buffer]);
};
