// The bench page: loads lede's wasm and each peer from node_modules as the browser
// can without a bundler, then runs bench/suite.js exactly as bench/node.mjs does.
// Sets window.benchResult = {rows, loadErrors} when done.
import init, { annotate, annotateFlat } from '/pkg/lede.js';
import { makeRequire } from '../cjs.js';
import { makeEngines, runSuite } from '../suite.js';

const params = new URL(location.href).searchParams;
const only = params.get('only')?.split(',');
const modes = params.get('modes')?.split(',') ?? undefined;
const logEl = document.getElementById('log');
const log = (line) => {
  console.log(line);
  logEl.textContent += `${line}\n`;
};

/** Imports a peer; a peer that cannot load in the page is reported, not fatal. */
async function tryLoad(name, loader, loadErrors) {
  if (only && !only.some((o) => o === name || o.startsWith(`${name}-`))) return undefined;
  try {
    return await loader();
  } catch (err) {
    loadErrors[name] = String(err?.message ?? err);
    log(`could not load ${name}: ${loadErrors[name]}`);
    return undefined;
  }
}

async function main() {
  const loadErrors = {};
  await init();
  const [articles, corpus] = await Promise.all([
    fetch('../corpus/articles.jsonl').then((r) => r.text()).then((t) => t.split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l).text)),
    fetch('../corpus/corpus.txt').then((r) => r.text()),
  ]);
  const nlp = await tryLoad('compromise', async () => (await import('/node_modules/compromise/builds/three/compromise-three.mjs')).default, loadErrors);
  const datesPlugin = await tryLoad('compromise', async () => (await import('/node_modules/compromise-dates/builds/compromise-dates.mjs')).default, loadErrors);
  const chrono = await tryLoad('chrono-node', () => import('/node_modules/chrono-node/dist/esm/index.js'), loadErrors);
  const wink = await tryLoad('wink-nlp', async () => {
    const require = makeRequire('/node_modules/');
    return { winkNLP: require('wink-nlp'), winkModel: require('wink-eng-lite-web-model') };
  }, loadErrors);

  const tokens = articles.reduce((n, t) => n + annotateFlat(t, { values: false, entities: false }).tokens.length / 2, 0);
  const engines = makeEngines({ lede: { annotate, annotateFlat }, nlp, datesPlugin, chrono, ...wink })
    .filter((e) => !only || only.includes(e.name));
  log(`${navigator.userAgent}: ${articles.length} articles, ${tokens} lede tokens`);
  const rows = await runSuite(engines, {
    articles,
    corpus,
    tokens,
    modes,
    gc: globalThis.gc,
    log: (r) => log(`${r.engine} ${r.mode}: ${r.skipped ? `skipped: ${r.skipped}` : `${r.mbPerS.toFixed(3)} MB/s (median of ${r.runs})`}`),
  });
  window.benchResult = { rows, loadErrors, userAgent: navigator.userAgent };
}

main().catch((err) => {
  window.benchResult = { error: String(err?.stack ?? err) };
});
