// Article extraction (www/extract.js), shared by the extension and the site's
// HTML import, on saved news pages of the usual layouts: an <article> page with
// JSON-LD (semantic-article), div soup with classes (div-layout, json-ld-only),
// text laid out with <br> (line-breaks), an itemprop="articleBody" page, a live
// blog, and a page with a strict CSP of its own (csp-meta). Every page is
// served with a strict CSP header and read by the extension from the live DOM;
// the site reads the same file with parseHtml; both must find the same article.
// Pages with a <name>.expected.json are also checked against what a reader
// would call the article (the others are checked in html-import.test.mjs).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fixtures, startServer, launchBrowser, newPage, openAnnotator } from './harness.mjs';
import { dist, ensureDist, startNewsSite, launchWithExtension, clickAction, panelFrame } from './extension-harness.mjs';

const PAGES = fs.readdirSync(fixtures).filter((n) => n.endsWith('.html')).sort();

let news;
let extension;
let site;
let browser;
before(async () => {
  ensureDist();
  news = await startNewsSite(fixtures);
  extension = await launchWithExtension(path.join(dist, 'extension-test'));
  site = await startServer();
  browser = await launchBrowser();
});
after(async () => {
  await extension?.close();
  await news?.stop();
  await browser?.close();
  site?.stop();
});

/** What the site's HTML import makes of a page's file. */
async function importedBySite(html) {
  const page = await newPage(browser);
  await openAnnotator(page, site.url);
  const article = await page.evaluate(async (source) => {
    const { extractArticle, parseHtml } = await import('./extract.js');
    const { text, published, publishedFrom } = extractArticle(parseHtml(source));
    return { text, published, publishedFrom };
  }, html);
  await page.context().close();
  return article;
}

for (const name of PAGES) {
  test(`${name}: the extension and the site's import find the same article`, async () => {
    const html = fs.readFileSync(path.join(fixtures, name), 'utf8');
    const imported = await importedBySite(html);
    const page = await extension.context.newPage();
    await page.goto(news.url(name));
    await clickAction(extension.worker);
    const panel = await panelFrame(page);
    const text = await panel.getByRole('application', { name: 'Annotated article' }).textContent();
    assert.equal(text, imported.text);
    // The published date is the reference date; without one the engine reads the text.
    if (imported.published) {
      assert.equal(await panel.getByLabel('Reference date').inputValue(), imported.published);
      await panel.getByText('from the published date').waitFor();
    }
    const expectedFile = path.join(fixtures, name.replace(/\.html$/, '.expected.json'));
    if (fs.existsSync(expectedFile)) {
      const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8'));
      assert.equal(text, expected.text.join('\n\n'));
      assert.equal(imported.published, expected.published);
    }
    // The page's own inline script was refused by its CSP; lede worked regardless.
    assert.equal(await page.evaluate(() => window.__inline ?? window.__pwned), undefined);
    await page.close();
  });
}
