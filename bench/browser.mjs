// Drives the bench pages (bench/page/) in headless Chromium with playwright-core:
// throughput against the peers, cold start (10 fresh loads, each in a new browser
// context: no HTTP or code cache), and memory on a 10 MB text. Serves the repository
// root with scripts/serve.mjs on a free loopback port, and never downloads a browser.
// Writes bench/corpus/results-browser.json for bench/report.mjs.
//
// Usage: node bench/browser.mjs [--only throughput,cold,memory]
//   BENCH_ONLY / BENCH_MODES as for bench/node.mjs (throughput engines and modes)
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { median } from './suite.js';
import { printRows } from './corpus-io.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const COLD_LOADS = 10;
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic',
];
const argv = process.argv.slice(2);
const parts = (argv.includes('--only') ? argv[argv.indexOf('--only') + 1] : 'throughput,cold,memory').split(',');

/** A free loopback port (the OS picks one; closed again before the server takes it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** Starts scripts/serve.mjs on the repository root; resolves once it listens. */
async function serve() {
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(repo, 'scripts', 'serve.mjs'), '--root', '.', '--port', String(port)], {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', resolve);
    child.once('exit', (code) => reject(new Error(`serve.mjs exited with ${code}`)));
  });
  return { child, origin: `http://127.0.0.1:${port}` };
}

async function launch(extraArgs = []) {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** Waits (polling, no timeout) for `window[name]` and returns it. */
async function waitFor(page, name) {
  const handle = await page.waitForFunction((n) => window[n], name, { timeout: 0, polling: 500 });
  return handle.jsonValue();
}

/** Bytes each peer's files took to load in the page, raw and gzipped. */
function trackLoads(page) {
  const sizes = {};
  page.on('response', async (res) => {
    const m = new URL(res.url()).pathname.match(/^\/(?:node_modules\/([^/]+)|(pkg)\/)/);
    if (!m) return;
    const name = m[1] ?? 'lede';
    try {
      const body = await res.body();
      const s = (sizes[name] ??= { files: 0, raw: 0, gzip: 0 });
      s.files += 1;
      s.raw += body.length;
      s.gzip += zlib.gzipSync(body, { level: 9 }).length;
    } catch {
      // a response without a body (redirect) has no size to add
    }
  });
  return sizes;
}

async function throughput(browser, origin) {
  const page = await browser.newPage();
  page.on('console', (msg) => console.log(`  [page] ${msg.text()}`));
  const sizes = trackLoads(page);
  const q = new URLSearchParams();
  if (process.env.BENCH_ONLY) q.set('only', process.env.BENCH_ONLY);
  if (process.env.BENCH_MODES) q.set('modes', process.env.BENCH_MODES);
  await page.goto(`${origin}/bench/page/index.html?${q}`);
  const result = await waitFor(page, 'benchResult');
  await page.close();
  if (result.error) throw new Error(`bench page: ${result.error}`);
  printRows('Chromium', result.rows);
  return { ...result, loadedSizes: sizes };
}

async function cold(browser, origin) {
  const article = fs.readFileSync(path.join(repo, 'bench', 'corpus', 'article-1000w.txt'), 'utf8');
  const out = {};
  const modes = process.env.BENCH_COLD_MODES?.split(',') ?? ['worker', 'worker-precompiled', 'page'];
  for (const mode of modes) {
    const loads = [];
    for (let i = 0; i < COLD_LOADS; i++) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.addInitScript((text) => {
        window.benchArticle = text;
      }, article);
      await page.goto(`${origin}/bench/page/cold.html?mode=${mode}`);
      const r = await waitFor(page, 'coldResult');
      await context.close();
      if (r.error) throw new Error(`cold page: ${r.error}`);
      loads.push(r);
    }
    const med = (k) => median(loads.map((l) => l[k]));
    out[mode] = {
      loads: COLD_LOADS,
      articleWords: article.split(/\s+/).filter(Boolean).length,
      firstHighlightsMs: med('firstHighlightsMs'),
      scriptStartMs: med('scriptStartMs'),
      wasmColdMs: med('wasmColdMs'),
      initMs: med('initMs'),
      annotateMs: med('annotateMs'),
      spans: loads[0].spans,
      marks: loads[0].marks,
      allFirstHighlightsMs: loads.map((l) => Math.round(l.firstHighlightsMs * 10) / 10),
    };
    console.log(
      `cold start (${mode}), median of ${COLD_LOADS}: first highlights ${out[mode].firstHighlightsMs.toFixed(1)} ms after navigation ` +
        `(page script started at ${out[mode].scriptStartMs.toFixed(1)} ms); ` +
        `fetch+compile+instantiate+annotate ${out[mode].wasmColdMs.toFixed(1)} ms (annotate ${out[mode].annotateMs.toFixed(1)} ms)`,
    );
  }
  return out;
}

/**
 * A process's private memory footprint as Chromium's task manager counts it on Linux
 * (anonymous resident pages plus swap, from /proc), in bytes; null once it has gone.
 */
function footprint(pid) {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (key) => Number(status.match(new RegExp(`^${key}:\\s+(\\d+) kB`, 'm'))?.[1] ?? 0) * 1024;
    return kb('RssAnon') + kb('VmSwap');
  } catch {
    return null;
  }
}

async function memory(origin) {
  // A browser of its own, so its renderer processes are this page's alone.
  const browser = await launch(['--enable-precise-memory-info']);
  try {
    const cdp = await browser.newBrowserCDPSession();
    const page = await browser.newPage();
    const pageCdp = await page.context().newCDPSession(page);
    await pageCdp.send('Performance.enable');
    await page.goto(`${origin}/bench/page/memory.html`);
    await page.waitForFunction(() => window.memoryStage, null, { timeout: 0 });
    const pids = (await cdp.send('SystemInfo.getProcessInfo')).processInfo
      .filter((p) => p.type === 'renderer')
      .map((p) => p.id);
    // Each renderer's peak footprint in each stage of the page, sampled every ~10 ms.
    // Chromium keeps a spare renderer beside the page's; the page's (with its
    // worker, a thread of the same process) is the one that peaks highest.
    const byPid = Object.fromEntries(pids.map((pid) => [pid, {}]));
    let result;
    for (;;) {
      const [stage, done] = await page.evaluate(() => [window.memoryStage, window.memoryResult]);
      for (const pid of pids) byPid[pid][stage] = Math.max(byPid[pid][stage] ?? 0, footprint(pid) ?? 0);
      if (done) {
        result = done;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    if (result.error) throw new Error(`memory page: ${result.error}`);
    const peakOf = (pid) => Math.max(...Object.values(byPid[pid]));
    const tabPid = pids.reduce((a, b) => (peakOf(b) > peakOf(a) ? b : a));
    const stages = byPid[tabPid];
    const peak = peakOf(tabPid);
    const metrics = Object.fromEntries((await pageCdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
    const out = {
      ...result,
      rendererProcesses: pids.length,
      otherRenderersPeakBytes: pids.filter((p) => p !== tabPid).map(peakOf),
      tabFootprintByStageBytes: stages,
      tabFootprintPeakBytes: peak,
      tabPeakToText: peak / result.textBytes,
      pageJsHeapUsedCdp: metrics.JSHeapUsedSize,
    };
    const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
    console.log(
      `memory, ${mb(out.textBytes)} text: wasm linear memory ${mb(out.wasmMemoryBytes)}, ` +
        `tab footprint ${Object.entries(stages).map(([k, v]) => `${k} ${mb(v)}`).join(', ')}: peak ${out.tabPeakToText.toFixed(1)}x the text, ` +
        `page JS heap ${mb(out.pageJsHeapUsed)}, annotate ${out.annotateMs.toFixed(0)} ms, ` +
        `longest main-thread gap ${out.maxMainThreadGapMs.toFixed(0)} ms`,
    );
    return out;
  } finally {
    await browser.close();
  }
}

const { child, origin } = await serve();
const results = { loadavg: { start: os.loadavg() } };
let browser;
try {
  browser = await launch([`--js-flags=--expose-gc${process.env.BENCH_JS_FLAGS ? `,${process.env.BENCH_JS_FLAGS}` : ''}`]);
  results.chromium = browser.version();
  console.log(`Chromium ${results.chromium}, serving ${origin}`);
  if (parts.includes('throughput')) results.throughput = await throughput(browser, origin);
  if (parts.includes('cold')) results.cold = await cold(browser, origin);
  await browser.close();
  browser = undefined;
  if (parts.includes('memory')) results.memory = await memory(origin);
} finally {
  await browser?.close();
  child.kill();
}
results.loadavg.end = os.loadavg();
const file = path.join(repo, 'bench', 'corpus', 'results-browser.json');
fs.writeFileSync(file, JSON.stringify(results, null, 1));
console.log(`wrote ${path.relative(repo, file)}`);
