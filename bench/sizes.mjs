// Size report: the release wasm and its JS glue (raw, gzip -9, brotli max, with
// Node's zlib), and the whole page: every file index.html references, followed
// through HTML attributes, JS imports, workers, `new URL(…, import.meta.url)` and
// fetch() string literals, and CSS url()/@import — which brings in the wasm (the
// model is embedded in it). Measured twice: as deployed (dist/site, minified by
// `make dist`; this is `page`) and as in www/ for development (`pageSource`; pkg/
// resolves as scripts/serve.mjs mounts it).
// Writes bench/corpus/results-sizes.json for bench/report.mjs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repo, 'www');
const site = path.join(repo, 'dist', 'site');

/** Raw, gzip (level 9) and brotli (quality 11) sizes of a file's bytes. */
function sizesOf(file) {
  const bytes = fs.readFileSync(file);
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
    }).length,
  };
}

/** Local references in a file's text, by its type. */
function references(file, text) {
  const found = [];
  const add = (re) => {
    for (const m of text.matchAll(re)) found.push(m[1]);
  };
  if (file.endsWith('.html')) {
    add(/\b(?:src|href)\s*=\s*["']([^"']+)["']/g);
  } else if (/\.m?js$/.test(file)) {
    add(/(?<![\w.'"`])import\s*(?:[^'"()]*?\bfrom\s*)?["']([^"']+)["']/g);
    add(/(?<![\w.'"`])import\(\s*["']([^"']+)["']\s*\)/g);
    add(/\bnew\s+(?:Shared)?Worker\(\s*["']([^"']+)["']/g);
    add(/\bnew\s+URL\(\s*["']([^"']+)["']\s*,\s*import\.meta\.url/g);
    add(/\bfetch\(\s*["']([^"']+)["']/g);
    add(/\bimportScripts\(\s*["']([^"']+)["']/g);
  } else if (file.endsWith('.css')) {
    add(/url\(\s*["']?([^"')]+)["']?\s*\)/g);
    add(/@import\s+["']([^"']+)["']/g);
  }
  return found.filter((r) => !/^(?:[a-z]+:|\/\/|#)/i.test(r)).map((r) => r.split(/[?#]/)[0]);
}

/** Maps a reference to a file on disk: relative to `root`, with pkg/ mounted from the repo. */
function resolveRef(root, from, ref) {
  const abs = ref.startsWith('/') ? path.join(root, ref) : path.resolve(path.dirname(from), ref);
  if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return abs;
  const rel = path.relative(root, abs);
  if (rel.startsWith(`pkg${path.sep}`)) {
    const mounted = path.join(repo, rel);
    if (fs.existsSync(mounted)) return mounted;
  }
  return null;
}

/** Every file the page loads, starting from `root`/index.html. */
export function pageFiles(root = www) {
  const start = path.join(root, 'index.html');
  const seen = new Set([start]);
  const missing = [];
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    if (file.endsWith('.wasm')) continue;
    for (const ref of references(file, fs.readFileSync(file, 'utf8'))) {
      const target = resolveRef(root, file, ref);
      if (!target) {
        missing.push(`${path.relative(repo, file)} -> ${ref}`);
        continue;
      }
      if (!seen.has(target)) {
        seen.add(target);
        queue.push(target);
      }
    }
  }
  return { files: [...seen].sort(), missing };
}

const wasm = path.join(repo, 'pkg', 'lede_bg.wasm');
const glue = path.join(repo, 'pkg', 'lede.js');
if (!fs.existsSync(wasm)) throw new Error('pkg/lede_bg.wasm is missing: run `make wasm`');
if (!fs.existsSync(path.join(site, 'index.html'))) throw new Error('dist/site is missing: run `make dist`');

/** The page under `root`: its files and their total sizes (the wasm counted even if no reference was found). */
function measurePage(root) {
  const { files, missing } = pageFiles(root);
  const page = files.map((f) => ({ file: path.relative(repo, f), ...sizesOf(f) }));
  const total = (k) => page.reduce((n, f) => n + f[k], 0);
  const includesWasm = files.some((f) => f.endsWith('lede_bg.wasm'));
  const extra = includesWasm ? { raw: 0, gzip: 0, brotli: 0 } : sizesOf(wasm);
  return {
    files: page, raw: total('raw') + extra.raw, gzip: total('gzip') + extra.gzip, brotli: total('brotli') + extra.brotli,
    includesWasm, unresolved: missing,
  };
}

const result = { wasm: sizesOf(wasm), glue: sizesOf(glue), page: measurePage(site), pageSource: measurePage(www) };
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
console.log(`wasm ${kb(result.wasm.raw)} raw, ${kb(result.wasm.gzip)} gzip, ${kb(result.wasm.brotli)} brotli; glue ${kb(result.glue.raw)} raw, ${kb(result.glue.gzip)} gzip`);
for (const [name, page] of [['whole page as deployed (dist/site)', result.page], ['whole page from www/ (unminified)', result.pageSource]]) {
  console.log(`${name}, ${page.files.length} files${page.includesWasm ? '' : ' + wasm'}: ${kb(page.raw)} raw, ${kb(page.gzip)} gzip, ${kb(page.brotli)} brotli`);
}
for (const f of result.page.files) console.log(`  ${f.file.padEnd(32)} ${String(f.raw).padStart(8)} ${String(f.gzip).padStart(8)} gz`);
for (const m of [...result.page.unresolved, ...result.pageSource.unresolved]) console.log(`  unresolved reference: ${m}`);
fs.mkdirSync(path.join(repo, 'bench', 'corpus'), { recursive: true });
fs.writeFileSync(path.join(repo, 'bench', 'corpus', 'results-sizes.json'), JSON.stringify(result, null, 1));
