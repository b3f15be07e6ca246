// Size report: the release wasm and its JS glue (raw, gzip -9, brotli max, with
// Node's zlib), and the whole page: every file www/index.html references, followed
// through HTML attributes, JS imports, workers, `new URL(…, import.meta.url)` and
// fetch() string literals, and CSS url()/@import — which brings in pkg/lede_bg.wasm
// (the model is embedded in it). pkg/ resolves as scripts/serve.mjs mounts it.
// Writes bench/corpus/results-sizes.json for bench/report.mjs.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repo, 'www');

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
    add(/\bimport\s*(?:[^'"()]*?\bfrom\s*)?["']([^"']+)["']/g);
    add(/\bimport\(\s*["']([^"']+)["']\s*\)/g);
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

/** Maps a reference to a file on disk: relative to www/, with pkg/ mounted from the repo. */
function resolveRef(from, ref) {
  const abs = ref.startsWith('/') ? path.join(www, ref) : path.resolve(path.dirname(from), ref);
  if (fs.existsSync(abs) && fs.statSync(abs).isFile()) return abs;
  const rel = path.relative(www, abs);
  if (rel.startsWith(`pkg${path.sep}`)) {
    const mounted = path.join(repo, rel);
    if (fs.existsSync(mounted)) return mounted;
  }
  return null;
}

/** Every file the page loads, starting from www/index.html. */
export function pageFiles() {
  const start = path.join(www, 'index.html');
  const seen = new Set([start]);
  const missing = [];
  const queue = [start];
  while (queue.length) {
    const file = queue.shift();
    if (file.endsWith('.wasm')) continue;
    for (const ref of references(file, fs.readFileSync(file, 'utf8'))) {
      const target = resolveRef(file, ref);
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
const { files, missing } = pageFiles();
const page = files.map((f) => ({ file: path.relative(repo, f), ...sizesOf(f) }));
const total = (k) => page.reduce((n, f) => n + f[k], 0);
const result = {
  wasm: sizesOf(wasm),
  glue: sizesOf(glue),
  page: { files: page, raw: total('raw'), gzip: total('gzip'), brotli: total('brotli'), includesWasm: files.includes(wasm), unresolved: missing },
};
if (!result.page.includesWasm) {
  // The page must load the wasm somehow; count it even if no reference was found.
  result.page.gzip += result.wasm.gzip;
  result.page.raw += result.wasm.raw;
  result.page.brotli += result.wasm.brotli;
}
const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
console.log(`wasm ${kb(result.wasm.raw)} raw, ${kb(result.wasm.gzip)} gzip, ${kb(result.wasm.brotli)} brotli; glue ${kb(result.glue.raw)} raw, ${kb(result.glue.gzip)} gzip`);
console.log(`whole page (${page.length} files${result.page.includesWasm ? '' : ' + wasm'}): ${kb(result.page.raw)} raw, ${kb(result.page.gzip)} gzip, ${kb(result.page.brotli)} brotli`);
for (const f of page) console.log(`  ${f.file.padEnd(28)} ${String(f.raw).padStart(8)} ${String(f.gzip).padStart(8)} gz`);
for (const m of missing) console.log(`  unresolved reference: ${m}`);
fs.mkdirSync(path.join(repo, 'bench', 'corpus'), { recursive: true });
fs.writeFileSync(path.join(repo, 'bench', 'corpus', 'results-sizes.json'), JSON.stringify(result, null, 1));
