// Compares wasm builds (directories of wasm-bindgen --target web output) by size and
// speed in Node; see bench/wasm-variants.sh. Each measurement runs in a fresh process
// and the variants take turns, round after round, so a burst of load on this shared
// machine hits them alike; the median over rounds is reported.
//
// Usage: node bench/wasm-variants.mjs DIR...     (ROUNDS=5 by default)
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadCorpus } from './corpus-io.mjs';
import { median } from './suite.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** In a child process: cold (instantiate + first annotate of the 1,000-word article) and warm times of one build. */
async function child(dir) {
  const t0 = performance.now();
  const glue = await import(pathToFileURL(path.join(dir, 'lede.js')));
  glue.initSync({ module: fs.readFileSync(path.join(dir, 'lede_bg.wasm')) });
  const article = fs.readFileSync(path.join(repo, 'bench', 'corpus', 'article-1000w.txt'), 'utf8');
  glue.annotateFlat(article, { today: '2025-01-24' });
  const coldMs = performance.now() - t0;
  const { articles, corpus } = loadCorpus(repo);
  const pass = (texts) => {
    const t = performance.now();
    for (const text of texts) glue.annotateFlat(text, { today: '2025-01-24' });
    return performance.now() - t;
  };
  pass(articles);
  const articlesMs = median(Array.from({ length: 7 }, () => pass(articles)));
  const oneStringMs = median(Array.from({ length: 7 }, () => pass([corpus])));
  process.stdout.write(JSON.stringify({ coldMs, articlesMs, oneStringMs }));
}

if (process.argv[2] === '--child') {
  await child(process.argv[3]);
} else {
  const dirs = process.argv.slice(2).map((d) => path.resolve(d));
  const rounds = Number(process.env.ROUNDS || 5);
  const runs = Object.fromEntries(dirs.map((d) => [d, []]));
  for (let r = 0; r < rounds; r++) {
    for (const d of dirs) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--child', d], { encoding: 'utf8' });
      runs[d].push(JSON.parse(out));
    }
  }
  const bytes = fs.statSync(path.join(repo, 'bench', 'corpus', 'corpus.txt')).size;
  console.log(`\n| build | wasm raw | wasm gzip | cold ms | per-article MB/s | one-string MB/s |\n|---|---:|---:|---:|---:|---:|`);
  for (const d of dirs) {
    const wasm = fs.readFileSync(path.join(d, 'lede_bg.wasm'));
    const med = (k) => median(runs[d].map((x) => x[k]));
    console.log(
      `| ${path.basename(d)} | ${(wasm.length / 1000).toFixed(1)} kB | ${(zlib.gzipSync(wasm, { level: 9 }).length / 1000).toFixed(1)} kB | ` +
        `${med('coldMs').toFixed(1)} | ${(bytes / 1e6 / (med('articlesMs') / 1000)).toFixed(1)} | ${(bytes / 1e6 / (med('oneStringMs') / 1000)).toFixed(1)} |`,
    );
  }
  console.log(`(median of ${rounds} rounds; load average now ${fs.readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')})`);
}
