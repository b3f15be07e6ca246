// Gathers the parts `make bench` wrote into bench/corpus/results-*.json into
// bench/results.json, describes the machine, checks the goals of issue 7 and prints
// the summary tables (the README's "Performance" table is copied from this output).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.join(repo, 'bench', 'corpus');
const read = (name) => {
  const file = path.join(dir, `results-${name}.json`);
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : null;
};

function machine() {
  const lscpu = (() => {
    try {
      return execFileSync('lscpu', { encoding: 'utf8' });
    } catch {
      return '';
    }
  })();
  const git = (args) => {
    try {
      return execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  return {
    cpu: lscpu.match(/^Model name:\s*(.+)$/m)?.[1] ?? os.cpus()[0]?.model,
    cores: os.cpus().length,
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    commit: git(['rev-parse', '--short', 'HEAD']),
    dirty: Boolean(git(['status', '--porcelain', '--untracked-files=no'])),
    date: new Date().toISOString(),
  };
}

const node = read('node');
const browser = read('browser');
const native = read('native');
const sizes = read('sizes');
const memoryNode = read('memory-node');
const results = { machine: { ...machine(), chromium: browser?.chromium ?? null }, node, browser, native, sizes, memoryNode };

// ---- the goals of issue 7, checked on these numbers
const row = (rows, engine, mode = 'articles') => rows?.find((r) => r.engine === engine && r.mode === mode && !r.skipped);
const goals = [];
const goal = (name, value, target, ok, unit = '') => goals.push({ name, value, target, ok: value == null ? null : ok });
const ratio = (rows, peer) => {
  const a = row(rows, 'lede');
  const b = row(rows, peer);
  return a && b ? a.mbPerS / b.mbPerS : null;
};
goal('Node: lede ÷ wink-nlp (MB/s, per article)', ratio(node?.rows, 'wink-nlp'), '>= 2', ratio(node?.rows, 'wink-nlp') >= 2);
goal('Node: lede ÷ compromise with dates (MB/s, per article)', ratio(node?.rows, 'compromise-dates'), '>= 50', ratio(node?.rows, 'compromise-dates') >= 50);
const pipeline = native?.criterion?.find((c) => c.id === 'stages/annotate');
goal('native single-core whole pipeline (criterion, MB/s)', pipeline?.mbPerS ?? null, '>= 30', pipeline?.mbPerS >= 30);
goal('whole page gzipped with the model (kB)', sizes ? sizes.page.gzip / 1000 : null, '<= 600', sizes?.page.gzip <= 600e3);
const coldMs = browser?.cold?.worker?.firstHighlightsMs;
goal('cold start to first highlights, 1,000 words, worker (median ms)', coldMs ?? null, '< 150', coldMs < 150);
const mem = browser?.memory;
goal('tab memory peak ÷ text size, 10 MB text', mem?.tabPeakToText ?? null, '<= 10', mem?.tabPeakToText <= 10);
results.goals = goals;

fs.writeFileSync(path.join(repo, 'bench', 'results.json'), `${JSON.stringify(results, null, 1)}\n`);

// ---- tables
const f = (x, d = 2) => (x == null ? '—' : x.toFixed(d));
const m = results.machine;
console.log(`\n## lede benchmark — ${m.cpu}, ${m.cores} cores, Node ${m.node}, Chromium ${m.chromium ?? '—'}, commit ${m.commit}${m.dirty ? '+' : ''}`);
const loads = [node?.loadavg?.start?.[0], node?.loadavg?.end?.[0], browser?.loadavg?.start?.[0], browser?.loadavg?.end?.[0]].filter((x) => x != null);
if (loads.length) console.log(`load average (1 min) during the runs: ${Math.min(...loads).toFixed(2)}–${Math.max(...loads).toFixed(2)}`);
const engines = [...new Set([...(node?.rows ?? []), ...(browser?.throughput?.rows ?? [])].map((r) => r.engine))];
const loaded = browser?.throughput?.loadedSizes ?? {};
const sizeOf = (engine) => {
  const key = { lede: 'lede', 'lede-object': 'lede', 'lede-tokens': 'lede', compromise: 'compromise', 'compromise-dates': null, 'wink-nlp': null, 'chrono-node': 'chrono-node' }[engine];
  if (engine === 'compromise-dates') return (loaded.compromise?.gzip ?? 0) + (loaded['compromise-dates']?.gzip ?? 0) || null;
  if (engine === 'wink-nlp') return (loaded['wink-nlp']?.gzip ?? 0) + (loaded['wink-eng-lite-web-model']?.gzip ?? 0) || null;
  return key ? loaded[key]?.gzip ?? null : null;
};
for (const mode of ['articles', 'one-string']) {
  console.log(`\n### ${mode === 'articles' ? 'One article at a time (headline)' : 'The whole corpus as one string'}\n`);
  console.log('| engine | Node MB/s | Node tokens/s | lede × (Node) | Chromium MB/s | lede × (Chromium) | loaded, gzip |');
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const e of engines) {
    const n = row(node?.rows, e, mode);
    const b = row(browser?.throughput?.rows, e, mode);
    const nl = row(node?.rows, 'lede', mode);
    const bl = row(browser?.throughput?.rows, 'lede', mode);
    const skipped = [node?.rows, browser?.throughput?.rows].flatMap((rows) => rows ?? []).find((r) => r.engine === e && r.mode === mode && r.skipped);
    if (!n && !b) {
      if (skipped) console.log(`| ${e} | skipped: ${skipped.skipped} | | | | | |`);
      continue;
    }
    const size = sizeOf(e);
    console.log(
      `| ${e} | ${f(n?.mbPerS, 3)} | ${n ? Math.round(n.tokensPerS).toLocaleString('en-US') : '—'} | ${n && nl ? f(nl.mbPerS / n.mbPerS, 1) : '—'} | ` +
        `${f(b?.mbPerS, 3)} | ${b && bl ? f(bl.mbPerS / b.mbPerS, 1) : '—'} | ${size ? `${(size / 1000).toFixed(0)} kB` : '—'} |`,
    );
  }
}
if (native) {
  console.log('\n### Native (criterion, one core; CLI on 100 MB of JSON Lines)\n');
  for (const c of native.criterion) {
    // Under 10 µs for a megabyte of text is not work: the stage is still a stub.
    const stub = c.medianMs < 0.01 ? ' — returns nothing yet on this commit' : '';
    console.log(`- ${c.id}: ${stub ? '—' : `${f(c.mbPerS, 1)} MB/s`} (${f(c.medianMs, 3)} ms per ${(c.bytes / 1e6).toFixed(2)} MB)${stub}`);
  }
  const cli = native.cli;
  console.log(`- \`lede annotate --jsonl --threads 1\`: ${f(cli.oneThread.mbPerS, 1)} MB/s; all ${cli.cores} cores: ${f(cli.allCores.mbPerS, 1)} MB/s (input bytes, JSON output discarded)`);
}
if (sizes) {
  const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
  console.log(`\n### Size\n\n- wasm: ${kb(sizes.wasm.raw)} raw, ${kb(sizes.wasm.gzip)} gzip, ${kb(sizes.wasm.brotli)} brotli; JS glue ${kb(sizes.glue.raw)} raw, ${kb(sizes.glue.gzip)} gzip`);
  console.log(`- whole page as deployed (${sizes.page.files.length} files from dist/site/index.html, minified, wasm and model included): ${kb(sizes.page.gzip)} gzip, ${kb(sizes.page.brotli)} brotli` +
    (sizes.pageSource ? `; from www/ unminified ${kb(sizes.pageSource.gzip)} gzip` : ''));
}
if (browser?.cold) {
  console.log('\n### Cold start, 1,000-word article, headless Chromium (median of 10 fresh loads)\n');
  for (const [mode, c] of Object.entries(browser.cold)) {
    const what = { worker: 'wasm in a worker (as the app)', 'worker-precompiled': 'wasm in a worker, compiled by the page meanwhile', page: 'wasm on the page' }[mode];
    console.log(`- ${what}: first highlights ${f(c.firstHighlightsMs, 1)} ms after navigation start; fetch + compile + instantiate + annotate ${f(c.wasmColdMs, 1)} ms (first annotate ${f(c.annotateMs, 1)} ms)`);
  }
}
if (mem) {
  const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
  console.log(`\n### Memory, ${mb(mem.textBytes)} text\n`);
  console.log(`- Chromium tab (private footprint of the page's renderer, worker included): ${Object.entries(mem.tabFootprintByStageBytes).map(([k, v]) => `${k} ${mb(v)}`).join(' → ')}; peak ${f(mem.tabPeakToText, 1)}× the text`);
  console.log(`- wasm linear memory ${mb(mem.wasmMemoryBytes)} (${f(mem.wasmMemoryBytes / mem.textBytes, 1)}× the text); page JS heap ${mb(mem.pageJsHeapUsed ?? 0)}; annotate ${f(mem.annotateMs, 0)} ms in the worker, main thread never blocked longer than ${f(mem.maxMainThreadGapMs, 0)} ms`);
  if (memoryNode) console.log(`- Node: wasm linear memory ${mb(memoryNode.wasmMemoryBytes)}, peak RSS ${mb(memoryNode.peakRssBytes)} (${f(memoryNode.peakRssBytes / memoryNode.textBytes, 1)}× the text)`);
}
console.log('\n### Goals (issue 7)\n');
for (const g of goals) console.log(`- ${g.ok == null ? 'NOT MEASURED' : g.ok ? 'met' : 'NOT MET'}: ${g.name}: ${f(g.value, 1)} (goal ${g.target})`);
console.log(`\nwrote bench/results.json`);
