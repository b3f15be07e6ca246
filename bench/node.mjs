// lede's release wasm (pkg/, from `make wasm`) against the JS peers, in one Node
// process on the same corpus: prints MB/s, tokens/s and lede's speed ratio to each
// peer, and writes bench/corpus/results-node.json for bench/report.mjs.
//
// Usage: node --expose-gc bench/node.mjs
//   BENCH_ONLY=lede,wink-nlp  run only these engines (names as in bench/suite.js)
//   BENCH_MODES=articles      only per-article (or only one-string)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { initSync, annotate, annotateFlat } from '../pkg/lede.js';
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';
import * as chrono from 'chrono-node';
import { makeEngines, runSuite } from './suite.js';
import { loadCorpus, printRows } from './corpus-io.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

initSync({ module: fs.readFileSync(path.join(repo, 'pkg', 'lede_bg.wasm')) });
const { articles, corpus } = loadCorpus(repo);
const tokens = articles.reduce((n, t) => n + annotateFlat(t, { values: false, entities: false }).tokens.length / 2, 0);

const only = process.env.BENCH_ONLY?.split(',');
const modes = process.env.BENCH_MODES?.split(',');
const engines = makeEngines({
  lede: { annotate, annotateFlat },
  nlp,
  datesPlugin,
  winkNLP: require('wink-nlp'),
  winkModel: require('wink-eng-lite-web-model'),
  chrono,
}).filter((e) => !only || only.includes(e.name));

const loadStart = os.loadavg();
console.log(`node ${process.version}: ${articles.length} articles, ${(corpus.length / 1e6).toFixed(2)} M chars, ${tokens} lede tokens`);
const rows = await runSuite(engines, {
  articles,
  corpus,
  tokens,
  gc: globalThis.gc,
  modes,
  log: (r) => console.log(`  ${r.engine.padEnd(17)} ${r.mode.padEnd(10)} ${r.skipped ? `skipped: ${r.skipped}` : `${r.mbPerS.toFixed(3).padStart(9)} MB/s  (median of ${r.runs})`}`),
});
printRows('Node', rows);
const out = path.join(repo, 'bench', 'corpus', 'results-node.json');
fs.writeFileSync(out, JSON.stringify({ runtime: `node ${process.version}`, loadavg: { start: loadStart, end: os.loadavg() }, rows }, null, 1));
console.log(`wrote ${path.relative(repo, out)}`);
