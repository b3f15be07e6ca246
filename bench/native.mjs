// Native numbers: criterion's per-stage estimates (run `cargo bench --bench
// pipeline` first) and the release CLI's throughput on a 100 MB JSON Lines file
// (bench/corpus/big.jsonl from `node bench/corpus.mjs --big`), on one thread and on
// all cores, output discarded. MB/s are of input bytes. Writes
// bench/corpus/results-native.json for bench/report.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { median } from './suite.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const CLI_RUNS = 3;

/** Criterion's median estimate and throughput for every benchmark under target/criterion. */
function criterionResults() {
  const root = path.join(repo, 'target', 'criterion');
  const out = [];
  if (!fs.existsSync(root)) return out;
  const walk = (dir) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, entry.name);
      if (!entry.isDirectory()) continue;
      const bench = path.join(p, 'new', 'benchmark.json');
      if (entry.name !== 'report' && fs.existsSync(bench)) {
        const meta = JSON.parse(fs.readFileSync(bench, 'utf8'));
        const est = JSON.parse(fs.readFileSync(path.join(p, 'new', 'estimates.json'), 'utf8'));
        const ns = est.median.point_estimate;
        const bytes = meta.throughput?.Bytes ?? null;
        out.push({
          id: meta.full_id,
          medianMs: ns / 1e6,
          bytes,
          mbPerS: bytes ? bytes / 1e6 / (ns / 1e9) : null,
        });
      } else {
        walk(p);
      }
    }
  };
  walk(root);
  return out.sort((a, b) => a.id.localeCompare(b.id));
}

/** Wall-clock seconds of one CLI run over `input`, stdout to /dev/null. */
function timeCli(args, input) {
  const devnull = fs.openSync('/dev/null', 'w');
  const t0 = process.hrtime.bigint();
  const r = spawnSync(path.join(repo, 'target', 'release', 'lede'), [...args, input], { stdio: ['ignore', devnull, 'pipe'] });
  const s = Number(process.hrtime.bigint() - t0) / 1e9;
  fs.closeSync(devnull);
  if (r.status !== 0) throw new Error(`lede ${args.join(' ')} failed: ${r.stderr}`);
  return s;
}

function cliResults() {
  const input = path.join(repo, 'bench', 'corpus', 'big.jsonl');
  if (!fs.existsSync(input)) throw new Error(`${input} is missing: run \`node bench/corpus.mjs --big\``);
  const bytes = fs.statSync(input).size;
  const out = { input: path.relative(repo, input), bytes, cores: os.cpus().length };
  for (const [name, args] of [
    ['oneThread', ['annotate', '--jsonl', '--threads', '1']],
    ['allCores', ['annotate', '--jsonl']],
  ]) {
    const runs = Array.from({ length: CLI_RUNS }, () => timeCli(args, input));
    const s = median(runs);
    out[name] = { command: `lede ${args.join(' ')} ${out.input} > /dev/null`, runsS: runs, medianS: s, mbPerS: bytes / 1e6 / s };
    console.log(`${out[name].command}: ${out[name].mbPerS.toFixed(1)} MB/s of input (median of ${CLI_RUNS}: ${s.toFixed(2)} s)`);
  }
  return out;
}

const loadStart = os.loadavg();
const crit = criterionResults();
for (const c of crit) console.log(`criterion ${c.id.padEnd(22)} ${c.mbPerS ? `${c.mbPerS.toFixed(1).padStart(8)} MB/s` : ''} ${c.medianMs.toFixed(2)} ms`);
const cli = cliResults();
const result = { loadavg: { start: loadStart, end: os.loadavg() }, criterion: crit, cli };
fs.writeFileSync(path.join(repo, 'bench', 'corpus', 'results-native.json'), JSON.stringify(result, null, 1));
