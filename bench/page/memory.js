// Annotates a 10 MB text in a worker as the app does, in stages the driver samples
// the renderer's memory through (window.memoryStage: blank → fetching → text → ready →
// annotating → done), and reports the wasm linear memory, the page's JS heap, and
// the longest the main thread went without running a task (is the page frozen?).
// The result lands in window.memoryResult.
const params = new URL(location.href).searchParams;
const file = params.get('file') || '../corpus/10mb.txt';
const settle = () => new Promise((resolve) => setTimeout(resolve, 400));

async function main() {
  window.memoryStage = 'blank';
  await settle();
  window.memoryStage = 'fetching';
  const text = await (await fetch(file)).text();
  window.memoryStage = 'text';
  await settle();
  const worker = new Worker(new URL('./memory-worker.js', import.meta.url), { type: 'module' });
  await new Promise((resolve) => {
    worker.onmessage = resolve;
    worker.postMessage({ type: 'init' });
  });
  window.memoryStage = 'ready';
  await settle();
  window.memoryStage = 'annotating';
  let last = performance.now();
  let maxGap = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
  }, 10);
  const started = performance.now();
  const reply = await new Promise((resolve, reject) => {
    worker.onmessage = (e) => resolve(e.data);
    worker.onerror = (e) => reject(new Error(e.message));
    // As the app's worker client does: UTF-8 bytes, handed over rather than copied.
    const bytes = new TextEncoder().encode(text);
    worker.postMessage({ type: 'annotate', bytes }, [bytes.buffer]);
  });
  const roundTripMs = performance.now() - started;
  clearInterval(ticker);
  const { flat, ...numbers } = reply;
  window.keep = flat; // the page keeps its result, as the app does
  window.memoryStage = 'done';
  await settle();
  window.memoryResult = {
    textChars: text.length,
    textBytes: new TextEncoder().encode(text).length,
    ...numbers,
    roundTripMs,
    maxMainThreadGapMs: maxGap,
    pageJsHeapUsed: performance.memory?.usedJSHeapSize ?? null,
  };
}

main().catch((err) => {
  window.memoryResult = { error: String(err?.stack ?? err) };
});
