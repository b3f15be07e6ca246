// Builds the three ways lede ships, from www/ and the wasm build in pkg/ (run
// `make wasm` first; `make dist` does both):
//
//   dist/site/              the static site: relative URLs only, so it works from any
//                           host and any sub-path; index.html keeps its strict CSP
//   dist/lede.html          one self-contained file (modules, styles, worker and wasm
//                           inlined) that works from file:// with the network off
//   dist/extension/         the browser extension (Manifest V3), and
//   dist/lede-extension.zip its package
//   dist/extension-test/    the extension with host_permissions for http://127.0.0.1/*,
//                           so tests can run its action without a real click
//
// and prints each artifact's size, raw and gzipped. No bundler: the modules stay
// as written except for mechanical steps described where they happen (the site's
// minification, the single file's import map, the content script's classic wrapper).
//
// Usage: node scripts/build-dist.mjs [--out dist]
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { transformSync } from 'esbuild';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(repo, 'www');
const pkg = path.join(repo, 'pkg');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = path.resolve(repo, outAt >= 0 ? args[outAt + 1] : 'dist');

/** The files of the wasm build the page needs (the .d.ts files are for editors). */
const PKG_FILES = ['lede.js', 'lede_bg.wasm'];
/** Files in www/ that are documentation or extension sources, not the site. */
const NOT_SITE = new Set(['README.md', 'ext']);

/** Fails the build with a message (a build that half-works is worse than none). */
function fail(message) {
  console.error(`build-dist: ${message}`);
  process.exit(1);
}

const read = (file) => fs.readFileSync(file, 'utf8');
const write = (file, data) => {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, data);
};
const copy = (from, to) => {
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(from, to);
};

// ---- module graphs ------------------------------------------------------------------

/** Static import and re-export specifiers that are relative paths (our own modules). */
const RELATIVE_IMPORT = /^(\s*(?:import|export)\b[^;'"]*?\bfrom\s*)'(\.{1,2}\/[^']+)'/gm;

/**
 * Every module `entry` imports, directly or not, itself included, dependencies first.
 * @param {string} entry absolute path
 * @returns {string[]} absolute paths
 */
function moduleGraph(entry) {
  const order = [];
  const seen = new Set();
  const visit = (file) => {
    // The wasm glue lives in pkg/ beside www/ (www/pkg/ on a built site); it is copied with the wasm.
    if (seen.has(file) || file.startsWith(path.join(www, 'pkg') + path.sep)) return;
    seen.add(file);
    if (!fs.existsSync(file)) fail(`${path.relative(repo, file)} is imported but does not exist`);
    for (const [, , spec] of read(file).matchAll(RELATIVE_IMPORT)) visit(path.resolve(path.dirname(file), spec));
    order.push(file);
  };
  visit(entry);
  return order;
}

// ---- the static site ----------------------------------------------------------------

function buildSite(dir) {
  for (const name of fs.readdirSync(www)) {
    if (NOT_SITE.has(name)) continue;
    copy(path.join(www, name), path.join(dir, name));
  }
  for (const name of PKG_FILES) copy(path.join(pkg, name), path.join(dir, 'pkg', name));
  minifyUnder(dir);
  const html = read(path.join(dir, 'index.html'));
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  // The site's promise that the article cannot leave the page rests on this policy.
  for (const directive of ["default-src 'self'", "connect-src 'self'", "script-src 'self' 'wasm-unsafe-eval'"]) {
    if (!csp.includes(directive)) fail(`www/index.html's Content-Security-Policy lacks "${directive}"`);
  }
  for (const [, url] of html.matchAll(/\b(?:href|src)="([^"]+)"/g)) {
    if (/^(?:[a-z]+:|\/)/i.test(url) && !url.startsWith('data:') && !url.startsWith('#')) {
      fail(`www/index.html refers to ${url}: the site must use relative URLs to work from a sub-path`);
    }
  }
}

/**
 * Minifies every script and stylesheet under `dir` in place, one file at a time
 * (esbuild's transform: whitespace, comments, local names; imports, exports and
 * file names stay, so the site's module graph is the one www/ has). The site is
 * what a visitor downloads: 84 kB of gzipped JS and CSS become about half that.
 * www/ stays readable for development; the single file and the extension are
 * built from it as written.
 */
function minifyUnder(dir) {
  for (const rel of filesUnder(dir)) {
    const file = path.join(dir, rel);
    const loader = /\.m?js$/.test(rel) ? 'js' : rel.endsWith('.css') ? 'css' : null;
    if (!loader) continue;
    const { code } = transformSync(read(file), { loader, minify: true, format: loader === 'js' ? 'esm' : undefined, target: 'es2022', charset: 'utf8' });
    write(file, code);
  }
}

// ---- the single file --------------------------------------------------------------

/**
 * A data: URL holding `source` as text, escaping only what a URL parser would
 * change (%, # and the tab and line breaks it strips) and what would end a JS
 * string literal around it (quotes, backslashes), so the file stays about as
 * small as the source and gzips like it (base64 would add a third and gzip worse).
 */
function textDataUrl(source, type = 'text/javascript') {
  return `data:${type};charset=utf-8,${source.replace(/[%#\t\n\r'"\\]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, '0').toUpperCase()}`)}`;
}

/** JSON that is safe inside a <script> element (no "</script" or "<!--" can appear). */
const scriptJson = (value) => JSON.stringify(value).replace(/</g, '\\u003c');

const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * One HTML file holding the whole annotator.
 *
 * Modules: each of www/'s modules becomes a data: URL in an import map, and its
 * relative imports are rewritten to bare names ("lede/state.js") the map resolves.
 * A data: URL cannot resolve relative specifiers, and mapping bare names keeps one
 * URL per module, so each module is still evaluated once and shared (state.js's
 * classes are the same classes everywhere), as on the site.
 *
 * Engine: import maps do not reach workers, so the worker's one import (the wasm
 * glue) is replaced by the glue's data: URL, and the worker is started from a
 * data: URL of that source (Chromium refuses module workers from blob: URLs in a
 * file:// page; from data: URLs they start, with an opaque origin). The wasm
 * travels deflated, as base64 in a JSON data block; the page inflates it
 * (DecompressionStream) and hands it to the worker in its `init` message
 * (`engineDefaults` in worker-client.js), so nothing is fetched.
 *
 * Its CSP allows only these inline scripts and style (by hash), data: modules, a
 * data: worker and wasm compilation, and no connections at all.
 */
function buildSingleFile(file) {
  const modules = moduleGraph(path.join(www, 'app.js'));
  const bare = (abs) => `lede/${path.relative(www, abs).split(path.sep).join('/')}`;
  const imports = {};
  for (const abs of modules) {
    const source = read(abs).replace(RELATIVE_IMPORT, (_, head, spec) => `${head}'${bare(path.resolve(path.dirname(abs), spec))}'`);
    imports[bare(abs)] = textDataUrl(source);
  }
  const glue = read(path.join(pkg, 'lede.js'));
  const workerSource = read(path.join(www, 'worker.js'));
  if (!workerSource.includes("from './pkg/lede.js'")) fail("www/worker.js no longer imports './pkg/lede.js'; update buildSingleFile");
  const engine = {
    worker: textDataUrl(workerSource.replace("from './pkg/lede.js'", () => `from '${textDataUrl(glue)}'`)),
    // Deflated before base64: the file is read from disk as it is, so its raw size counts
    // (1.05 MB of wasm is 0.66 MB this way instead of 1.4 MB), and it gzips smaller too.
    wasm: zlib.deflateRawSync(fs.readFileSync(path.join(pkg, 'lede_bg.wasm')), { level: 9 }).toString('base64'),
  };

  const importMap = scriptJson({ imports });
  const boot = [
    '',
    "import { engineDefaults } from 'lede/worker-client.js';",
    "const engine = JSON.parse(document.getElementById('lede-engine').textContent);",
    "const packed = new Blob([Uint8Array.from(atob(engine.wasm), (c) => c.charCodeAt(0))]);",
    "const wasm = new Uint8Array(await new Response(packed.stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer());",
    "engineDefaults.createWorker = () => new Worker(engine.worker, { type: 'module' });",
    'engineDefaults.wasm = wasm;',
    "await import('lede/app.js');",
    '',
  ].join('\n');
  const style = `\n${read(path.join(www, 'annotator.css'))}\n${read(path.join(www, 'style.css'))}\n`;
  const csp = [
    "default-src 'none'", `script-src ${sha256(importMap)} ${sha256(boot)} data: 'wasm-unsafe-eval'`,
    'worker-src data:', `style-src ${sha256(style)}`, 'img-src data:', "connect-src 'none'", "object-src 'none'",
    "base-uri 'none'", "form-action 'none'",
  ].join('; ');

  let html = read(path.join(www, 'index.html'));
  // `by` goes in as it is: passed as a function, so the `$` patterns String.replace
  // reads in a replacement string (`$&`, `` $` ``, `$'`) cannot pull page text into it
  // from the modules and scripts it carries.
  const replace = (pattern, by, what) => {
    if (!pattern.test(html)) fail(`www/index.html: cannot find ${what}; update buildSingleFile`);
    html = html.replace(pattern, () => by);
  };
  replace(/(?<=http-equiv="Content-Security-Policy"\s+content=")[^"]+/, csp, 'the CSP meta');
  replace(/\s*<link rel="stylesheet" href="annotator\.css">\s*<link rel="stylesheet" href="style\.css">/,
    `\n  <style>${style}</style>`, 'the stylesheet links');
  replace(/\s*<script type="module" src="app\.js"><\/script>/, '', 'the app.js script');
  replace(/\s*<!--[^>]*-->(\s*<link rel="modulepreload"[^>]*>)+/, '', 'the modulepreload links');
  replace(/<\/head>/, `  <script type="importmap">${importMap}</script>\n  <script type="module">${boot}</script>\n</head>`, '</head>');
  replace(/<\/body>/, `<script type="application/json" id="lede-engine">${scriptJson(engine)}</script>\n</body>`, '</body>');
  if (/\b(?:src|href)="(?!data:|#)[^"]*"/.test(html)) fail('lede.html still refers to a file');
  write(file, html);
}

// ---- the extension ----------------------------------------------------------------

/**
 * A module and what it imports as one classic script. Content scripts cannot be
 * ES modules, so each module becomes a function whose result holds its exports,
 * called in dependency order. Only the forms this project writes are accepted —
 * `import { a, b as c } from './x.js'` and `export` before a declaration — and
 * anything else fails the build instead of being bundled wrongly.
 * @param {string} entry absolute path
 */
function classicScript(entry) {
  const files = moduleGraph(entry);
  const names = new Map(files.map((f, i) => [f, `module${i}`]));
  const parts = files.map((file) => {
    const rel = path.relative(repo, file);
    const exported = [];
    let source = read(file).replace(/^import\s*\{([^}]*)\}\s*from\s*'(\.{1,2}\/[^']+)';?[ \t]*$/gm, (_, list, spec) => {
      const from = names.get(path.resolve(path.dirname(file), spec));
      const bindings = list.split(',').map((s) => s.trim()).filter(Boolean).map((s) => s.replace(/\s+as\s+/, ': '));
      return `const { ${bindings.join(', ')} } = ${from};`;
    });
    source = source.replace(/^export\s+((?:async\s+)?function\*?|class|const|let)\s+([A-Za-z_$][\w$]*)/gm, (_, kind, name) => {
      exported.push(name);
      return `${kind} ${name}`;
    });
    if (/^\s*(import|export)\b/m.test(source)) fail(`${rel}: an import or export form the content-script wrapper does not handle`);
    return `// ---- ${rel}\nconst ${names.get(file)} = (() => {\n${source}\nreturn { ${exported.join(', ')} };\n})();`;
  });
  return `// lede's content script, built by scripts/build-dist.mjs from ${path.relative(repo, entry)} and what it imports.\n(() => {\n${parts.join('\n\n')}\n})();\n`;
}

/** The version in Cargo.toml: one version for the crate, the site and the extension. */
function crateVersion() {
  const version = /^version\s*=\s*"([^"]+)"/m.exec(read(path.join(repo, 'Cargo.toml')))?.[1];
  if (!version) fail('no version in Cargo.toml');
  return version;
}

/**
 * The extension's files: the manifest, its pages, styles and scripts (www/ext/),
 * the modules they import and the engine (worker, glue, wasm), laid out as in the
 * repository so the panel's relative imports ('../render.js') need no rewriting;
 * the content script bundled into one classic script; and the icons.
 * @param {string} dir
 * @param {{testHosts?: boolean}} options `testHosts` adds host_permissions for
 *   http://127.0.0.1/*: activeTab is granted only by a real click, so tests that
 *   trigger the action from the service worker need them
 */
function buildExtension(dir, { testHosts = false } = {}) {
  const ext = path.join(www, 'ext');
  const manifest = JSON.parse(read(path.join(ext, 'manifest.json')));
  manifest.version = crateVersion();
  if (testHosts) {
    manifest.name = `${manifest.name} (test build)`;
    manifest.host_permissions = ['http://127.0.0.1/*'];
  }
  write(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  const entries = [path.join(ext, 'background.js'), path.join(www, 'worker.js')];
  for (const name of fs.readdirSync(ext)) {
    const file = path.join(ext, name);
    if (name.endsWith('.css')) copy(file, path.join(dir, 'ext', name));
    if (!name.endsWith('.html')) continue;
    const html = read(file);
    copy(file, path.join(dir, 'ext', name));
    for (const [, src] of html.matchAll(/<script type="module" src="([^"]+)"/g)) entries.push(path.resolve(ext, src));
    for (const [, href] of html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)) {
      const css = path.resolve(ext, href);
      copy(css, path.join(dir, path.relative(www, css)));
    }
  }
  for (const entry of entries) {
    for (const file of moduleGraph(entry)) copy(file, path.join(dir, path.relative(www, file)));
  }
  for (const name of PKG_FILES) copy(path.join(pkg, name), path.join(dir, 'pkg', name));
  write(path.join(dir, 'ext', 'content.js'), classicScript(path.join(ext, 'content.js')));
  for (const icon of new Set([...Object.values(manifest.icons), ...Object.values(manifest.action.default_icon)])) {
    const size = Number(/-(\d+)\.png$/.exec(icon)?.[1]);
    if (!size) fail(`manifest icon ${icon} does not end in -<size>.png`);
    write(path.join(dir, icon), iconPng(size));
  }
}

// ---- the icon (drawn here, so no binary file is kept in the repository) ----------------

/**
 * lede's icon at `size` pixels: a page with three lines of text, two of them
 * partly highlighted, as RGBA PNG. Shapes are rounded rectangles in a 16-unit
 * grid, each pixel sampled 4×4 times for smooth edges.
 * @param {number} size
 */
function iconPng(size) {
  /** [x, y, w, h, radius, rgba] in a 16×16 grid, drawn in order */
  const shapes = [
    [0.5, 0.5, 15, 15, 3, [29, 29, 31, 255]],
    [3, 4, 10, 1.6, 0.8, [200, 200, 200, 255]],
    [3, 4, 5, 1.6, 0.8, [68, 170, 119, 255]],
    [3, 7.2, 10, 1.6, 0.8, [200, 200, 200, 255]],
    [3, 10.4, 10, 1.6, 0.8, [200, 200, 200, 255]],
    [7, 10.4, 6, 1.6, 0.8, [238, 119, 51, 255]],
  ];
  const inside = ([x, y, w, h, r], px, py) => {
    const cx = Math.min(Math.max(px, x + r), x + w - r);
    const cy = Math.min(Math.max(py, y + r), y + h - r);
    return (px - cx) ** 2 + (py - cy) ** 2 <= r * r && px >= x && px <= x + w && py >= y && py <= y + h;
  };
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const n = 4;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const px = ((x + (sx + 0.5) / n) * 16) / size;
          const py = ((y + (sy + 0.5) / n) * 16) / size;
          let colour = [0, 0, 0, 0];
          for (const shape of shapes) if (inside(shape, px, py)) colour = shape[5];
          for (let c = 0; c < 3; c++) sum[c] += colour[c] * colour[3];
          sum[3] += colour[3];
        }
      }
      const at = y * (size * 4 + 1) + 1 + x * 4;
      for (let c = 0; c < 3; c++) raw[at + c] = sum[3] ? Math.round(sum[c] / sum[3]) : 0;
      raw[at + 3] = Math.round(sum[3] / (n * n));
    }
  }
  const chunk = (type, data) => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(zlib.crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8 bits per channel, RGBA, deflate, no filter set, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header), chunk('IDAT', zlib.deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0)),
  ]);
}

// ---- zip (stored deterministically: fixed dates, sorted names) ----------------------

/** Every file under `dir`, as sorted forward-slash paths relative to it. */
function filesUnder(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory()
    ? filesUnder(path.join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`])).sort();
}

/**
 * A zip archive of `dir`, deflated, with every date set to 1980-01-01 so the same
 * sources give the same bytes. (Node has deflate and CRC-32 built in; the format
 * around them is a few fixed-layout headers.)
 */
function zipDirectory(dir) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  const DOS_DATE = (0 << 9) | (1 << 5) | 1; // 1980-01-01
  for (const name of filesUnder(dir)) {
    const data = fs.readFileSync(path.join(dir, name));
    const deflated = zlib.deflateRawSync(data, { level: 9 });
    const stored = deflated.length >= data.length;
    const body = stored ? data : deflated;
    const crc = zlib.crc32(data);
    const fileName = Buffer.from(name, 'utf8');
    const fields = (sig, central) => {
      const b = Buffer.alloc(central ? 46 : 30);
      let at = 0;
      const u32 = (v) => { b.writeUInt32LE(v >>> 0, at); at += 4; };
      const u16 = (v) => { b.writeUInt16LE(v, at); at += 2; };
      u32(sig);
      if (central) u16(20); // made by: version 2.0
      u16(20); u16(0x0800); u16(stored ? 0 : 8); u16(0); u16(DOS_DATE); // needs 2.0, UTF-8 names, method, time, date
      u32(crc); u32(body.length); u32(data.length); u16(fileName.length); u16(0);
      if (central) { u16(0); u16(0); u16(0); u32(0o100644 << 16); u32(offset); }
      return b;
    };
    const local = Buffer.concat([fields(0x04034b50, false), fileName, body]);
    centrals.push(Buffer.concat([fields(0x02014b50, true), fileName]));
    locals.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length, 8);
  end.writeUInt16LE(centrals.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, central, end]);
}

// ---- sizes ----------------------------------------------------------------------

/** Raw and gzipped bytes of a file, or of every file in a directory (each gzipped alone, as a server sends them). */
function sizeOf(target) {
  const files = fs.statSync(target).isDirectory() ? filesUnder(target).map((f) => path.join(target, f)) : [target];
  let raw = 0;
  let gzip = 0;
  for (const file of files) {
    const data = fs.readFileSync(file);
    raw += data.length;
    gzip += zlib.gzipSync(data, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
}

const kB = (n) => `${(n / 1000).toFixed(1)} kB`;

// ---- main -----------------------------------------------------------------------

for (const name of PKG_FILES) {
  if (!fs.existsSync(path.join(pkg, name))) fail(`pkg/${name} is missing: run \`make wasm\` first`);
}
fs.rmSync(out, { recursive: true, force: true });
buildSite(path.join(out, 'site'));
buildSingleFile(path.join(out, 'lede.html'));
buildExtension(path.join(out, 'extension'));
buildExtension(path.join(out, 'extension-test'), { testHosts: true });
write(path.join(out, 'lede-extension.zip'), zipDirectory(path.join(out, 'extension')));

const rows = ['site/', 'lede.html', 'extension/', 'lede-extension.zip', 'extension-test/'].map((name) => {
  const { raw, gzip, files } = sizeOf(path.join(out, name.replace(/\/$/, '')));
  return [`dist/${name}`, files > 1 ? `${files} files` : '', kB(raw), kB(gzip)];
});
const widths = [0, 1, 2, 3].map((i) => Math.max(...[['artifact', '', 'raw', 'gzipped'], ...rows].map((r) => r[i].length)));
const line = (r) => `    ${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padStart(widths[2])}  ${r[3].padStart(widths[3])}`;
console.log(line(['artifact', '', 'raw', 'gzipped']));
for (const r of rows) console.log(line(r));
