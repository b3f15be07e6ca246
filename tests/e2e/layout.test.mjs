// Looks: screenshots at desktop width, on a 375 px phone and at 200% zoom
// (written to artifacts/ for a person to look at), with checks that nothing
// overflows sideways, focus is visible, and every control can be reached.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, openAnnotator, seedDocument, artifacts, repo, KYIV } from './harness.mjs';

const SIZES = {
  desktop: { viewport: { width: 1280, height: 900 } },
  phone: { viewport: { width: 375, height: 812 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
  // A 1280 × 900 window at 200% zoom lays out as 640 × 450 CSS pixels, each drawn twice as large.
  zoom200: { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 },
};

let server;
let browser;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

for (const [name, options] of Object.entries(SIZES)) {
  test(`${name}: nothing overflows sideways; screenshots of the main states`, async () => {
    const page = await newPage(browser, options);
    await openAnnotator(page, server.url);
    await page.screenshot({ path: path.join(artifacts, `${name}-1-empty.png`) });
    await seedDocument(page, KYIV.text, KYIV.spans);
    assert.ok(await overflow(page) <= 0, `page is ${await overflow(page)} px too wide`);
    await page.screenshot({ path: path.join(artifacts, `${name}-2-annotated.png`), fullPage: true });
    // A highlight selected by keyboard: focus ring, selection bar.
    await page.getByRole('application', { name: 'Annotated article' }).focus();
    await page.keyboard.press('n');
    await page.getByRole('region', { name: 'Selection' }).waitFor();
    assert.ok(await overflow(page) <= 0);
    const focus = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
    assert.equal(focus, 'solid', 'the focused highlight shows a focus outline');
    await page.screenshot({ path: path.join(artifacts, `${name}-3-selected.png`) });
    // The selection bar keeps the selected highlight in view above it.
    const [mark, bar] = await page.evaluate(() => [document.activeElement.getBoundingClientRect().bottom,
      document.getElementById('inspector').getBoundingClientRect().top]);
    assert.ok(mark <= bar, `the selected highlight (bottom ${mark}) is above the selection bar (top ${bar})`);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Export' }).click();
    await page.getByRole('menu').waitFor();
    await page.screenshot({ path: path.join(artifacts, `${name}-4-export-menu.png`) });
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.screenshot({ path: path.join(artifacts, `${name}-5-help.png`) });
    await page.keyboard.press('Escape');
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('every control is reachable with Tab, in a sensible order', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await seedDocument(page, KYIV.text, KYIV.spans);
  const names = [];
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    names.push(await page.evaluate(() => {
      const el = document.activeElement;
      return el?.getAttribute('aria-label') || el?.textContent?.trim().slice(0, 30) || el?.tagName;
    }));
  }
  // (Undo and Redo are disabled with nothing to undo; Tab into the text lands on its first word, here a highlight.)
  for (const wanted of ['Documents', 'Annotate', 'Open file…', 'Next doubtful (3)', 'Export', 'Show all labels', 'Add a label', 'KYIV, GPE']) {
    assert.ok(names.some((n) => n.startsWith(wanted)), `${wanted} is reachable by Tab (got ${names.join(' | ')})`);
  }
  assert.ok(names.indexOf('Annotate') < names.indexOf('Export'));
  assert.ok(names.indexOf('Export') < names.indexOf('KYIV, GPE'));
  await page.context().close();
});

test('index.html preloads exactly the page’s modules', () => {
  const html = fs.readFileSync(path.join(repo, 'www/index.html'), 'utf8');
  const preloaded = [...html.matchAll(/rel="modulepreload" href="([^"]+)"/g)].map((m) => m[1]).sort();
  const modules = fs.readdirSync(path.join(repo, 'www')).filter((f) => f.endsWith('.js') && !['app.js', 'worker.js'].includes(f)).sort();
  assert.deepEqual(preloaded, modules);
});
