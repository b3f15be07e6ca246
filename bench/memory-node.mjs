// Memory in Node, in a process of its own: annotateFlat on the 10 MB text
// (bench/corpus/10mb.txt), then the wasm linear memory (it only grows, so this is
// its peak), process.memoryUsage() before and after, and the peak resident set.
// Writes bench/corpus/results-memory-node.json for bench/report.mjs.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { initSync, annotateFlat } from '../pkg/lede.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const wasm = initSync({ module: fs.readFileSync(path.join(repo, 'pkg', 'lede_bg.wasm')) });
const text = fs.readFileSync(path.join(repo, 'bench', 'corpus', '10mb.txt'), 'utf8');
const textBytes = Buffer.byteLength(text);
globalThis.gc?.();
const before = process.memoryUsage();
const wasmBefore = wasm.memory.buffer.byteLength;
const t0 = performance.now();
const flat = annotateFlat(new TextEncoder().encode(text), { today: '2025-01-24' });
const annotateMs = performance.now() - t0;
const after = process.memoryUsage();
const result = {
  loadavg: os.loadavg(),
  textBytes,
  annotateMs,
  tokens: flat.tokens.length / 2,
  spans: flat.spans.length / 2,
  wasmMemoryBeforeBytes: wasmBefore,
  wasmMemoryBytes: wasm.memory.buffer.byteLength,
  before,
  after,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
};
const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
console.log(
  `node memory, ${mb(textBytes)} text: wasm linear memory ${mb(result.wasmMemoryBytes)} (${(result.wasmMemoryBytes / textBytes).toFixed(1)}x), ` +
    `heap used ${mb(before.heapUsed)} -> ${mb(after.heapUsed)}, array buffers ${mb(after.arrayBuffers)}, ` +
    `peak RSS ${mb(result.peakRssBytes)} (${(result.peakRssBytes / textBytes).toFixed(1)}x), annotate ${annotateMs.toFixed(0)} ms`,
);
fs.writeFileSync(path.join(repo, 'bench', 'corpus', 'results-memory-node.json'), JSON.stringify(result, null, 1));
