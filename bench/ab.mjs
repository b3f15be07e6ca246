// A/B: lede's per-article speed (annotateFlat, as the page calls it) for two builds,
// interleaved in one Node process so machine drift hits both alike.
//   node bench/ab.mjs DIR_A DIR_B    (each DIR holds a pkg/ from `make wasm`)
// Prints both medians and B's speed over A's. On this shared machine absolute MB/s
// drifted by 30% within an hour while this ratio stayed within ±3%.
import fs from 'node:fs';
import path from 'node:path';
import { REF_DATE } from './suite.js';

const [dirA, dirB] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/ab.mjs DIR_A DIR_B');
  process.exit(2);
}
const load = async (dir) => {
  const glue = await import(path.resolve(dir, 'pkg/lede.js'));
  glue.initSync({ module: fs.readFileSync(path.resolve(dir, 'pkg/lede_bg.wasm')) });
  return glue;
};
const [a, b] = [await load(dirA), await load(dirB)];
const corpus = new URL('./corpus/articles.jsonl', import.meta.url);
const texts = fs.readFileSync(corpus, 'utf8').trim().split('\n').map((l) => JSON.parse(l).text);
const megabytes = texts.reduce((n, t) => n + Buffer.byteLength(t), 0) / 1e6;
const options = { today: REF_DATE };
const pass = (lede) => {
  const start = performance.now();
  for (const t of texts) lede.annotateFlat(t, options);
  return performance.now() - start;
};
for (let i = 0; i < 3; i++) { pass(a); pass(b); } // warm-up: let V8 tier up both
const [ta, tb] = [[], []];
for (let i = 0; i < 15; i++) { ta.push(pass(a)); tb.push(pass(b)); }
const median = (xs) => xs.sort((x, y) => x - y)[xs.length >> 1];
const [ma, mb] = [median(ta), median(tb)];
console.log(`A ${dirA}: ${(megabytes / (ma / 1000)).toFixed(2)} MB/s`);
console.log(`B ${dirB}: ${(megabytes / (mb / 1000)).toFixed(2)} MB/s`);
console.log(`B / A: ${(ma / mb).toFixed(3)} (median of 15 interleaved passes over ${texts.length} articles)`);
