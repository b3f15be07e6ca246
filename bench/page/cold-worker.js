// The cold-start worker: instantiates lede and annotates one text, like www/worker.js.
// A module compiled by the page arrives in the message; otherwise it fetches its own.
import init, { initSync, annotateFlat } from '/pkg/lede.js';

self.onmessage = async (e) => {
  const t0 = performance.now();
  if (e.data.module) initSync({ module: e.data.module });
  else await init();
  const t1 = performance.now();
  const flat = annotateFlat(e.data.text, e.data.options);
  const t2 = performance.now();
  self.postMessage({ flat, initMs: t1 - t0, annotateMs: t2 - t1 }, [flat.tokens.buffer, flat.spans.buffer]);
};
