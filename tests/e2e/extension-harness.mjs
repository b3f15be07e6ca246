// Shared setup for the dist and extension tests: the built artifacts (made by
// `make dist`, or here if missing), a news site served with a strict CSP, the
// extension loaded into headless Chromium, its action triggered the way the
// issue says checkers do, and keyboard helpers that work inside the panel frame.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, fixtures, repo } from './harness.mjs';

export const dist = path.join(repo, 'dist');

/** The newest modification time of the files under `dir`. */
function newest(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).reduce((latest, e) => Math.max(latest,
    e.isDirectory() ? newest(path.join(dir, e.name)) : fs.statSync(path.join(dir, e.name)).mtimeMs), 0);
}

/**
 * Builds dist/ if it is missing or older than its sources (make e2e builds it
 * first; a lone `node --test` after an edit may not have).
 */
export function ensureDist() {
  const built = path.join(dist, 'extension-test', 'manifest.json');
  const sources = Math.max(newest(path.join(repo, 'www')), newest(path.join(repo, 'pkg')), fs.statSync(path.join(repo, 'scripts/build-dist.mjs')).mtimeMs);
  if (fs.existsSync(built) && fs.existsSync(path.join(dist, 'lede.html')) && fs.statSync(built).mtimeMs >= sources) return;
  execFileSync(process.execPath, [path.join(repo, 'scripts/build-dist.mjs')], { stdio: 'inherit' });
}

/** The policy the news site sends: its own scripts and styles only — no inline code, no wasm, no frames. */
export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; frame-src 'none'; object-src 'none'; base-uri 'none'";

const TYPES = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.svg': 'image/svg+xml' };

/**
 * Serves a folder of fixtures (by default tests/e2e/fixtures/news-site/) under
 * /news/ with STRICT_CSP as a header. `rewrite(path, html)` may change a page as
 * it is served (a story updated since the last visit).
 * @param {string} [root]
 * @returns {Promise<{origin: string, url: (name: string) => string, rewrite: ((name: string, html: string) => string)|null, stop: () => Promise<void>}>}
 */
export async function startNewsSite(root = path.join(fixtures, 'news-site')) {
  const site = {
    origin: '',
    url: (/** @type {string} */ name) => `${site.origin}/news/${name}`,
    /** @type {((name: string, html: string) => string)|null} */
    rewrite: null,
    stop: () => new Promise((resolve) => server.close(() => resolve(undefined))),
  };
  const server = http.createServer((req, res) => {
    const name = new URL(req.url ?? '/', 'http://x').pathname.replace(/^\/news\//, '');
    const file = path.join(root, name);
    if (!name || !file.startsWith(root + path.sep) || !fs.existsSync(file)) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    let body = fs.readFileSync(file);
    if (file.endsWith('.html') && site.rewrite) body = Buffer.from(site.rewrite(name, body.toString('utf8')));
    res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'content-security-policy': STRICT_CSP, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));
  site.origin = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`;
  return site;
}

/**
 * Chromium with the extension in `dir` loaded, in a fresh profile. Extensions need
 * a persistent context; playwright-core's headless mode is Chromium's new
 * headless, which runs them.
 * @param {string} dir an unpacked extension
 */
export async function launchWithExtension(dir) {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-ext-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    args: [...CHROMIUM_ARGS, `--disable-extensions-except=${dir}`, `--load-extension=${dir}`],
  });
  const worker = context.serviceWorkers().find((w) => w.url().startsWith('chrome-extension://'))
    ?? await context.waitForEvent('serviceworker', { timeout: 15_000 });
  return {
    context, worker,
    close: async () => {
      await context.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks the toolbar action for the active tab, as the checkers do: the
 * onClicked event dispatched in the service worker.
 * @param {import('playwright-core').Worker} worker
 */
export function clickAction(worker) {
  return worker.evaluate(() => chrome.tabs.query({ active: true, currentWindow: true })
    .then(([tab]) => chrome.action.onClicked.dispatch(tab)));
}

/**
 * The panel's frame in `page`, once it has read the page, drawn its highlights and
 * the page has them too (the panel's body is data-ready then).
 * @param {import('playwright-core').Page} page
 */
export async function panelFrame(page, timeout = 30_000) {
  const until = Date.now() + timeout;
  for (;;) {
    // A panel just closed may linger in the list for a moment, detaching.
    const frame = page.frames().find((f) => f.url().includes('/ext/panel.html#') && !f.isDetached());
    if (frame) {
      try {
        await frame.locator('body[data-ready="true"]').waitFor({ timeout });
        await frame.locator('[role="application"][aria-busy="false"]').waitFor({ timeout });
        return frame;
      } catch (err) {
        if (!frame.isDetached()) throw err;
      }
    }
    if (Date.now() > until) throw new Error('the lede panel did not open');
    await page.waitForTimeout(50);
  }
}

/**
 * Every lede highlight in the page as [text, label, where], in reading order;
 * `where` is the closest landmark-like ancestor (article, nav, footer, aside, figure) or "".
 * @param {import('playwright-core').Page} page
 */
export function pageHighlights(page) {
  return page.locator('mark[data-lede-label]').evaluateAll((marks) => marks.map((m) => [
    m.textContent, m.getAttribute('data-lede-label'),
    m.closest('nav, footer, aside, figure, .ad-slot, header.masthead, article')?.tagName.toLowerCase() ?? '',
  ]));
}

/** What the keyboard caret in the panel is on (see harness.mjs caretText). @param {import('playwright-core').Frame} frame */
export function caretIn(frame) {
  return frame.evaluate(() => {
    const active = document.activeElement;
    if (active?.matches('mark[data-lede-label]')) return active.textContent;
    return (document.getElementById('announcer')?.textContent ?? '').replace(/\u00a0$/, '');
  });
}

/**
 * Presses → in the panel's text until the caret is on `word`.
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Frame} frame
 * @param {string} word
 */
export async function caretTo(page, frame, word, max = 400) {
  for (let i = 0; i < max; i++) {
    if ((await caretIn(frame)) === word) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`the caret never reached ${JSON.stringify(word)}`);
}

/**
 * Deletes every highlight in the panel by keyboard, then puts the caret on the
 * first word (so a flow does not depend on what the engine in this build tags).
 * @param {import('playwright-core').Page} page
 * @param {import('playwright-core').Frame} frame
 */
export async function clearPanel(page, frame) {
  while (await frame.locator('#text mark').count()) {
    await frame.locator('#text mark').first().focus();
    await page.keyboard.press('Delete');
  }
  await frame.getByRole('application', { name: 'Annotated article' }).focus();
  await page.keyboard.press('Home');
}

/**
 * The labels the engine in this build gives on `text` (run in Node on the same
 * wasm the page ships): tests of engine output are marked todo until it tags them.
 * @param {string} text
 * @returns {Promise<Set<string>>}
 */
export async function engineLabels(text) {
  return new Set((await engineSpans(text)).map(([, label]) => label));
}

/**
 * The engine's spans on `text` as [text, label], in order (run in Node on the
 * wasm the pages ship): what a page must show before anyone corrects it.
 * @param {string} text
 * @param {object} [options] annotate options (refDate, today)
 * @returns {Promise<[string, string][]>}
 */
export async function engineSpans(text, options = {}) {
  const glue = await import(path.join(repo, 'pkg', 'lede.js'));
  glue.initSync({ module: fs.readFileSync(path.join(repo, 'pkg', 'lede_bg.wasm')) });
  const flat = glue.annotateFlat(text, options);
  return [...flat.spanLabels].map((label, i) => [text.slice(flat.spans[2 * i], flat.spans[2 * i + 1]), flat.labels[label]]);
}

/**
 * The entries of a zip archive, read from its central directory and inflated.
 * @param {Buffer} zip
 * @returns {Map<string, Buffer>}
 */
export async function unzip(zip) {
  const zlib = await import('node:zlib');
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(dataAt, dataAt + size);
    const data = method === 8 ? zlib.inflateRawSync(body) : Buffer.from(body);
    if (zlib.crc32(data) !== crc) throw new Error(`${name}: CRC mismatch`);
    entries.set(name, data);
    at += 46 + nameLength + extra;
  }
  return entries;
}

/** Slices `text` in the offset unit a lede JSON document names. */
export function sliceIn(unit, text, start, end) {
  if (unit === 'utf16') return text.slice(start, end);
  if (unit === 'bytes') return Buffer.from(text).subarray(start, end).toString();
  return [...text].slice(start, end).join('');
}

/**
 * Waits until the page's lede highlights are `expected` (they follow the panel
 * over a message port, so a moment after the panel changes); fails with the last
 * ones seen.
 * @param {import('playwright-core').Page} page
 * @param {[string, string, string][]} expected as pageHighlights gives them
 */
export async function highlightsBecome(page, expected, timeout = 10_000) {
  const until = Date.now() + timeout;
  let seen = await pageHighlights(page);
  while (JSON.stringify(seen) !== JSON.stringify(expected) && Date.now() < until) {
    await page.waitForTimeout(50);
    seen = await pageHighlights(page);
  }
  return seen;
}
