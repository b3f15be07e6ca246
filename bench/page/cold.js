// Cold start, as a fresh visit sees it: from navigation start (performance.now() = 0)
// through fetching the glue and the wasm, compiling and instantiating it, annotating
// the article the driver injected as window.benchArticle, to the highlights painted.
// ?worker=1 runs the wasm in a module worker, as the app does (www/worker.js).
// Sets window.coldResult (milliseconds since navigation start, and phase lengths).
import { renderHighlights, nextPaint } from './render.js';

const OPTIONS = { today: '2025-01-24' };
const text = window.benchArticle;

async function inPage() {
  const { default: init, annotateFlat } = await import('/pkg/lede.js');
  const t0 = performance.now();
  await init();
  const t1 = performance.now();
  const flat = annotateFlat(text, OPTIONS);
  const t2 = performance.now();
  return { flat, initMs: t1 - t0, annotateMs: t2 - t1, wasmStart: t0 };
}

function inWorker() {
  const t0 = performance.now();
  const worker = new Worker(new URL('./cold-worker.js', import.meta.url), { type: 'module' });
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve({ ...e.data, wasmStart: t0 });
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage({ text, options: OPTIONS });
  });
}

async function main() {
  const scriptStart = performance.now();
  const worker = new URL(location.href).searchParams.get('worker') === '1';
  const r = worker ? await inWorker() : await inPage();
  const annotated = performance.now();
  const marks = renderHighlights(document.getElementById('article'), text, r.flat);
  await nextPaint();
  window.coldResult = {
    mode: worker ? 'worker' : 'page',
    scriptStartMs: scriptStart,
    wasmStartMs: r.wasmStart,
    initMs: r.initMs,
    annotateMs: r.annotateMs,
    // The brief's definition: fetch + compile + instantiate + first annotate.
    wasmColdMs: annotated - r.wasmStart,
    firstHighlightsMs: performance.now(),
    tokens: r.flat.tokens.length / 2,
    spans: r.flat.spans.length / 2,
    marks,
  };
}

main().catch((err) => {
  window.coldResult = { error: String(err?.stack ?? err) };
});
