// Serves the annotator for development: www/ at the root and the wasm build (pkg/)
// at /pkg/. Static files only, bound to 127.0.0.1; no dependencies.
//
// Usage: node scripts/serve.mjs [--port 8000] [--root www] [--base /]
//   --base serves everything under a sub-path (e.g. /lede/) to test relative URLs.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
};
const port = Number(opt('port', process.env.PORT || 8000));
const root = path.resolve(repo, opt('root', 'www'));
const base = opt('base', '/').replace(/\/?$/, '/');
// In a built site (dist/site) pkg/ sits inside the root and is served from there;
// in development it is beside www/ and mounted at pkg/.
const mounts = fs.existsSync(path.join(root, 'pkg')) ? [['', root]] : [['pkg/', path.join(repo, 'pkg')], ['', root]];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm', '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.txt': 'text/plain; charset=utf-8',
  '.ico': 'image/x-icon', '.map': 'application/json',
};

/** Resolves a URL path to a file inside one of the mounts, or null. */
function resolve(urlPath) {
  if (!urlPath.startsWith(base)) return null;
  let rel = decodeURIComponent(urlPath.slice(base.length));
  if (rel === '' || rel.endsWith('/')) rel += 'index.html';
  for (const [prefix, dir] of mounts) {
    if (!rel.startsWith(prefix)) continue;
    const file = path.resolve(dir, rel.slice(prefix.length));
    // Refuse anything that escapes the mounted directory ("../").
    if (file !== dir && !file.startsWith(dir + path.sep)) return null;
    if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  }
  return null;
}

const server = http.createServer((req, res) => {
  let file = null;
  try {
    file = resolve(new URL(req.url, 'http://localhost').pathname);
  } catch {
    file = null;
  }
  if (!file) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found\n');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  fs.createReadStream(file).pipe(res);
});

server.listen(port, '127.0.0.1', () => {
  console.log(`lede: http://127.0.0.1:${port}${base}  (root ${path.relative(repo, root) || '.'})`);
});
