// The built static site (dist/site/) served from a sub-path, as on a static host
// under /tools/lede/: every URL it loads is relative, so everything comes from
// under that path; its CSP holds (no violation while annotating, editing and
// exporting) and provably stops the page from sending text to another origin.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import {
  startServer, launchBrowser, newPage, openAnnotator, annotate, clearHighlights, highlights, moveTo, artifacts, REUTERS,
} from './harness.mjs';
import { dist, ensureDist, sliceIn, engineSpans } from './extension-harness.mjs';

const BASE = '/tools/lede/';
let server;
let browser;
before(async () => {
  ensureDist();
  server = await startServer({ root: 'dist/site', base: BASE });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('dist/site has the page, its modules and the wasm, and no development files', () => {
  const files = fs.readdirSync(path.join(dist, 'site'));
  for (const name of ['index.html', 'app.js', 'worker.js', 'annotator.css', 'style.css']) assert.ok(files.includes(name), name);
  assert.deepEqual(fs.readdirSync(path.join(dist, 'site', 'pkg')).sort(), ['lede.js', 'lede_bg.wasm']);
  assert.ok(!files.includes('ext') && !files.includes('README.md'));
});

test('served from a sub-path, the site loads only from under it and annotates, edits and exports under its CSP', async () => {
  const page = await newPage(browser);
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('worker', (w) => requests.push(w.url()));
  await page.addInitScript(() => {
    globalThis.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => globalThis.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await openAnnotator(page, server.url);
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  for (const directive of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'"]) assert.ok(csp.includes(directive), directive);

  await annotate(page, REUTERS);
  // First what the engine finds (the same wasm, run in Node), then the test's own corrections.
  const found = await highlights(page);
  assert.deepEqual(found, await engineSpans(REUTERS, { today: await page.evaluate(() => new Date().toLocaleDateString('sv')) }));
  await clearHighlights(page);
  await moveTo(page, 'Pyongyang');
  await page.keyboard.press('3');
  await moveTo(page, 'Kursk');
  await page.keyboard.press('4');
  assert.deepEqual(await highlights(page), [['Pyongyang', 'GPE'], ['Kursk', 'LOC']]);
  await page.getByText('All changes saved').waitFor();

  const downloaded = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export' }).click();
  await page.getByRole('menuitem', { name: 'lede JSON' }).click();
  const file = path.join(artifacts, `site-${(await downloaded).suggestedFilename()}`);
  await (await downloaded).saveAs(file);
  const doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  assert.equal(doc.text, REUTERS);
  assert.deepEqual(doc.spans.map((s) => [sliceIn(doc.offsets, doc.text, s.start, s.end), s.label]), [['Pyongyang', 'GPE'], ['Kursk', 'LOC']]);

  // Everything came from under the sub-path: the page, modules, worker, wasm.
  const prefix = server.url;
  assert.ok(requests.some((u) => u.endsWith(`${BASE}pkg/lede_bg.wasm`)), 'the wasm came from the sub-path');
  assert.deepEqual(requests.filter((u) => !u.startsWith(prefix) && !u.startsWith('data:') && !u.startsWith('blob:')), []);
  assert.deepEqual(await page.evaluate(() => globalThis.cspViolations), []);
  // The policy stops the page from sending the text elsewhere, even to another port on this machine.
  const sent = await page.evaluate(() => fetch('http://127.0.0.1:9/collect', { method: 'POST', body: 'article' }).then(() => 'sent', (e) => e.name));
  assert.equal(sent, 'TypeError');
  assert.match((await page.evaluate(() => globalThis.cspViolations)).join('\n'), /connect-src/);
  assert.deepEqual(page.errors.filter((e) => !/Content Security Policy|Failed to fetch|127\.0\.0\.1:9/.test(e.message)), []);
  await page.context().close();
});
