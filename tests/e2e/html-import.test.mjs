// Opening a saved news page (.html): the article's headline, byline, dateline
// and body paragraphs become the text, the published date the reference date;
// navigation, captions, share buttons, "Read more" lists, newsletter boxes and
// footers are left out; the page's scripts never run and nothing it links is
// fetched. The same extractor works on a live page (as the extension uses it),
// where each block maps back to the page's own text nodes for highlighting.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { startServer, launchBrowser, newPage, openAnnotator, fixtures, repo } from './harness.mjs';

/** What a reader would call the article, per fixture. */
const EXPECTED = {
  'semantic-article.html': {
    published: '2025-01-24',
    text: [
      'North Korea preparing to send more troops to Russia, Seoul says',
      'By Josh Smith and Hyonhee Shin',
      'January 24, 2025 4:13 AM GMT',
      "SEOUL, Jan 24 (Reuters) - South Korea's military said on Friday that it suspects North Korea is preparing to send more troops to Russia to fight Ukrainian forces, even after suffering losses and seeing some of its soldiers captured.",
      "Pyongyang has deployed about 11,000 soldiers to support Moscow's forces in Russia's western Kursk region, according to Ukrainian and Western assessments, which Ukraine seized in a surprise attack last year.",
      'Losses mount',
      "About 300 North Korean soldiers have been killed and 2,700 wounded, a South Korean lawmaker said this month, citing the country's spy agency.",
      '“North Korea is likely to continue its deployment,” the Joint Chiefs of Staff said in a statement.',
    ],
  },
  'div-layout.html': {
    published: '2024-11-05',
    text: [
      'Turnout surges as Americans vote in tight presidential race',
      'By Maria Lopez',
      'WASHINGTON — Millions of Americans cast ballots on Tuesday, with election officials in Georgia and Pennsylvania reporting turnout above 70% in several counties by late afternoon.',
      'Key points:',
      'Polls close at 7 p.m. in Georgia and at 8 p.m. in Pennsylvania.',
      "More than 80 million people voted early, according to the University of Florida's Election Lab.",
      '"We\'ve never seen lines like this," said Jane Carter, an elections supervisor in Fulton County, Georgia.',
      'Results are expected to take days in some states, where mail ballots cannot be counted before Election Day.',
    ],
  },
  'line-breaks.html': {
    published: '2024-11-12',
    text: [
      'Flood defences failed in Valencia, report finds',
      'By Elena Ruiz',
      'VALENCIA, Spain — Flood barriers on the Poyo ravine gave way within an hour of the storm on Oct. 29, an engineering report published on Tuesday found.',
      'The floods killed more than 220 people and caused damage estimated at 10 billion euros, the regional government said. Engineers had warned in 2019 that the barriers needed repairs costing about 4 million euros.',
    ],
  },
  'itemprop-body.html': {
    published: '2025-01-30',
    text: [
      'Toyota keeps top spot in global car sales for fifth year',
      'By Kenji Sato, Tokyo',
      "TOKYO, Jan 30 — Toyota Motor Corp sold 10.8 million vehicles worldwide in 2024, keeping its place as the world's best-selling carmaker ahead of Germany's Volkswagen.",
      'Volkswagen sold about 9 million vehicles, the German company said last week.',
    ],
  },
};

let server;
let site;
let browser;
before(async () => {
  server = await startServer();
  // The repository served whole, so fixtures and www/ modules share an origin.
  site = await startServer({ root: '.' });
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
  server?.stop();
  site?.stop();
});

for (const [name, expected] of Object.entries(EXPECTED)) {
  test(`opening ${name} annotates its article text with its published date`, async () => {
    const page = await newPage(browser);
    const requests = [];
    await openAnnotator(page, server.url);
    page.on('request', (r) => requests.push(r.url()));
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(path.join(fixtures, name));
    await page.getByRole('status').filter({ hasText: /^Annotated/ }).waitFor();
    const text = await page.getByRole('application', { name: 'Annotated article' }).textContent();
    assert.equal(text, expected.text.join('\n\n'));
    assert.equal(await page.getByLabel('Reference date').inputValue(), expected.published);
    await page.getByText('from the published date').waitFor();
    // The page's own scripts did not run and nothing it refers to was fetched.
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.equal(await page.title(), `${expected.text[0]} — lede`);
    assert.deepEqual(requests.filter((u) => !u.startsWith(server.url)), []);
    assert.deepEqual(requests.filter((u) => /\.(jpg|png)$/.test(u)), []);
    assert.deepEqual(page.errors, []);
    await page.context().close();
  });
}

test('on a live page each block maps back to the page’s text, and highlights leave links and layout alone', async () => {
  const page = await newPage(browser);
  await page.goto(`${site.url}tests/e2e/fixtures/semantic-article.html`);
  const linksBefore = await page.locator('a').count();
  const result = await page.evaluate(async () => {
    const { extractArticle, locateInBlock } = await import('/www/extract.js');
    const { highlightRange } = await import('/www/highlight.js');
    const article = extractArticle(document);
    // Highlight, in the page, each block's stretch that names a place or a number.
    const wanted = ['Russia', 'Kursk region', '11,000', 'Josh Smith'];
    // Every range first, then the highlights: Ranges follow the Text nodes that wrapping splits.
    const ranges = [];
    for (const block of article.blocks) {
      for (const w of wanted) {
        const at = block.text.indexOf(w);
        if (at < 0 || !block.nodes.length) continue;
        const a = locateInBlock(block, at);
        const b = locateInBlock(block, at + w.length, true);
        const range = document.createRange();
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        ranges.push([w, range]);
      }
    }
    const made = ranges.map(([w, range]) => {
      const marks = highlightRange(range, () => Object.assign(document.createElement('mark'), { className: 'probe' }));
      return [w, marks.map((m) => m.textContent).join('|'), marks.every((m) => !m.closest('nav, footer, aside, figure'))];
    });
    return { text: article.text, published: article.published, from: article.publishedFrom, made };
  });
  assert.equal(result.text, EXPECTED['semantic-article.html'].text.join('\n\n'));
  assert.equal(result.published, '2025-01-24');
  assert.equal(result.from, 'json-ld');
  for (const [word, marked, inArticle] of result.made) {
    assert.equal(marked.replaceAll('|', ''), word, `${word} is highlighted exactly`);
    assert.ok(inArticle, `${word} is highlighted in the article, not in navigation or footer`);
  }
  // "Kursk region" is a link in the page: it is highlighted inside the link, which stays.
  assert.ok(result.made.some(([w]) => w === 'Kursk region'));
  assert.equal(await page.locator('a').count(), linksBefore);
  assert.equal(await page.locator('a[href="/topics/kursk"] mark.probe').textContent(), 'Kursk region');
  await page.context().close();
});

test('a file dropped on the page opens like a chosen one', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.items.add(new File(['BERLIN (Reuters) - Germany’s economy shrank in 2024.'], 'berlin.txt', { type: 'text/plain' }));
    document.querySelector('main').dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
    document.querySelector('main').dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await page.getByRole('status').filter({ hasText: /^Annotated/ }).waitFor();
  assert.equal(await page.getByRole('application', { name: 'Annotated article' }).textContent(), 'BERLIN (Reuters) - Germany’s economy shrank in 2024.');
  assert.equal(await page.evaluate(() => document.body.classList.contains('is-dropping')), false);
  await page.context().close();
});

test('Markdown opens as its readable text', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file…' }).click();
  await (await chooser).setFiles({
    name: 'brief.md', mimeType: 'text/markdown',
    buffer: Buffer.from('# Ukraine talks\n\nOfficials met in **Riyadh** on\nTuesday, [Reuters](https://example.com) said.\n\n- Talks resume *Friday*\n- ![map](map.png)Saudi Arabia hosts\n'),
  });
  await page.getByRole('status').filter({ hasText: /^Annotated/ }).waitFor();
  assert.equal(await page.getByRole('application', { name: 'Annotated article' }).textContent(),
    'Ukraine talks\n\nOfficials met in Riyadh on Tuesday, Reuters said.\n\nTalks resume Friday\n\nSaudi Arabia hosts');
  await page.context().close();
});
void repo;
