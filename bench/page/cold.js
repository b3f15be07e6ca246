// Cold start, as a fresh visit sees it: from navigation start (performance.now() = 0)
// through fetching the glue and the wasm, compiling and instantiating it, annotating
// the article the driver injected as window.benchArticle, to the highlights painted.
// ?mode=worker (default) runs the wasm in a module worker, as the app does
// (www/worker.js); ?mode=worker-precompiled also compiles it on the page meanwhile;
// ?mode=page runs it on the page.
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

/**
 * The worker instantiates lede itself, or (precompile) the page compiles the wasm
 * while the worker starts and hands it the compiled module, so the worker's
 * startup and the wasm's download and compilation overlap.
 */
async function inWorker(precompile) {
  const t0 = performance.now();
  const module = precompile ? WebAssembly.compileStreaming(fetch('/pkg/lede_bg.wasm')) : undefined;
  const worker = new Worker(new URL('./cold-worker.js', import.meta.url), { type: 'module' });
  const message = { text, options: OPTIONS, module: await module };
  return new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve({ ...e.data, wasmStart: t0 });
    worker.onerror = (e) => reject(new Error(e.message));
    worker.postMessage(message);
  });
}

async function main() {
  const scriptStart = performance.now();
  const mode = new URL(location.href).searchParams.get('mode') || 'worker';
  const r = mode === 'page' ? await inPage() : await inWorker(mode === 'worker-precompiled');
  const annotated = performance.now();
  const marks = renderHighlights(document.getElementById('article'), text, r.flat);
  await nextPaint();
  window.coldResult = {
    mode,
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
