// dist/lede.html, the offline single file: copied alone to a folder (as onto a
// USB stick) and opened from file:// with the network off and every request
// other than file:, data: and blob: blocked and counted — there must be none.
// It annotates, takes corrections, keeps them in the browser's storage across a
// reload, and exports through download links.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  launchBrowser, newPage, openAnnotator, annotate, clearHighlights, highlights, moveTo, textReady, artifacts, REUTERS,
} from './harness.mjs';
import { dist, ensureDist, sliceIn, engineSpans } from './extension-harness.mjs';

let browser;
let folder;
before(async () => {
  ensureDist();
  folder = fs.mkdtempSync(path.join(os.tmpdir(), 'lede-usb-'));
  fs.copyFileSync(path.join(dist, 'lede.html'), path.join(folder, 'lede.html'));
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  fs.rmSync(folder, { recursive: true, force: true });
});

test('lede.html refers to no other file and allows no connection', () => {
  const html = fs.readFileSync(path.join(dist, 'lede.html'), 'utf8');
  assert.doesNotMatch(html, /\b(?:src|href)="(?!data:|#)/, 'every src and href is inline');
  const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /default-src 'none'/);
  assert.doesNotMatch(csp, /'unsafe-inline'|'unsafe-eval'/, 'inline code is allowed only by hash');
});

test('from file://, offline, with no request leaving: annotate, correct, reload, export', async () => {
  const page = await newPage(browser);
  await page.context().setOffline(true);
  const blocked = [];
  await page.context().route('**/*', (route) => {
    const url = route.request().url();
    if (/^(?:file|data|blob):/.test(url)) return route.continue();
    blocked.push(url);
    return route.abort();
  });
  const url = pathToFileURL(path.join(folder, 'lede.html')).href;
  await openAnnotator(page, url);
  await page.locator('#version').filter({ hasText: /^v\d/ }).waitFor(); // the engine started

  await annotate(page, REUTERS);
  // First what the engine finds (the same wasm, run in Node), then the test's own corrections.
  const found = await highlights(page);
  assert.deepEqual(found, await engineSpans(REUTERS, { today: await page.evaluate(() => new Date().toLocaleDateString('sv')) }));
  await clearHighlights(page);
  await moveTo(page, 'South');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('3');
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  assert.deepEqual(await highlights(page), [['South Korea', 'GPE'], ['Moscow', 'GPE']]);
  await page.getByText('All changes saved').waitFor();
  await page.screenshot({ path: path.join(artifacts, 'single-file.png') });

  // Saved in the browser's storage for file://: a reload reopens the work.
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await textReady(page);
  assert.deepEqual(await highlights(page), [['South Korea', 'GPE'], ['Moscow', 'GPE']]);

  // Export through a download link: lede JSON and CoNLL-2003.
  const exported = {};
  for (const format of ['lede JSON', 'CoNLL-2003']) {
    const downloaded = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menuitem', { name: format }).click();
    const download = await downloaded;
    const file = path.join(artifacts, `single-file-${download.suggestedFilename()}`);
    await download.saveAs(file);
    exported[format] = fs.readFileSync(file, 'utf8');
  }
  const doc = JSON.parse(exported['lede JSON']);
  assert.equal(doc.text, REUTERS);
  assert.deepEqual(doc.spans.map((s) => [sliceIn(doc.offsets, doc.text, s.start, s.end), s.label]), [['South Korea', 'GPE'], ['Moscow', 'GPE']]);
  const tagged = exported['CoNLL-2003'].split('\n').filter((l) => /\s[BI]-/.test(l)).map((l) => l.split(/\s+/).filter(Boolean));
  assert.deepEqual(tagged.map((t) => [t[0], t.at(-1)]), [['South', 'B-GPE'], ['Korea', 'I-GPE'], ['Moscow', 'B-GPE']]);

  assert.deepEqual(blocked, [], 'no request left the file');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
