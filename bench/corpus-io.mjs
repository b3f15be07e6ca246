// Reading the built corpus and printing result rows: shared by the Node-side scripts.
import fs from 'node:fs';
import path from 'node:path';

/** The corpus from bench/corpus/ (built by bench/corpus.mjs): article texts and the one string. */
export function loadCorpus(repo) {
  const dir = path.join(repo, 'bench', 'corpus');
  const file = path.join(dir, 'articles.jsonl');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`node bench/corpus.mjs\``);
  const articles = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l).text);
  const corpus = fs.readFileSync(path.join(dir, 'corpus.txt'), 'utf8');
  return { articles, corpus };
}

/** Prints rows as a table with lede's speed ratio to each engine in the same mode. */
export function printRows(title, rows) {
  const lede = Object.fromEntries(rows.filter((r) => r.engine === 'lede').map((r) => [r.mode, r]));
  console.log(`\n${title}: engine, mode, MB/s, tokens/s, median ms, lede ×`);
  for (const r of rows) {
    if (r.skipped) {
      console.log(`  ${r.engine.padEnd(17)} ${r.mode.padEnd(10)}   skipped: ${r.skipped}`);
      continue;
    }
    const ratio = lede[r.mode] ? (lede[r.mode].mbPerS / r.mbPerS).toFixed(1) : '';
    console.log(
      `  ${r.engine.padEnd(17)} ${r.mode.padEnd(10)} ${r.mbPerS.toFixed(3).padStart(9)} ` +
        `${Math.round(r.tokensPerS).toLocaleString('en-US').padStart(12)} ${r.medianMs.toFixed(1).padStart(10)} ${ratio.padStart(8)}`,
    );
  }
}
