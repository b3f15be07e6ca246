// Export and import: every format from the Export menu, each file's offsets
// checked against the text (code points for Prodigy, brat, W3C and CSV; the
// unit lede JSON names), on an article with emoji and CJK; then the importable
// formats opened again and compared with what was exported.
//
// The formats are written by the engine (Rust `exportDocument`, shared with the
// CLI). Until a build of the engine has it, these tests say so and skip.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchBrowser, newPage, openAnnotator, annotate, clearHighlights, highlights, moveTo, artifacts, REUTERS } from './harness.mjs';

const MENU = [
  ['lede JSON', 1], ['Prodigy JSONL', 1], ['CoNLL-2003', 1], ['brat', 2], ['Web Annotation', 1], ['CSV', 1],
];
const ARTICLE = 'Zelenskiy 👩🏽‍💻 met 東京 officials in Kyiv on Jan. 24 🇺🇦.\n\nThe talks, said Zelenskiy, went well.';

let server;
let browser;
let capable = false;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  capable = await page.evaluate(async () => {
    const { AnnotatorClient } = await import('./worker-client.js');
    return (await new AnnotatorClient().capabilities()).export;
  });
  await page.context().close();
});
after(async () => {
  await browser?.close();
  server?.stop();
});

/** Slices by Unicode code points (Python's str, the Prodigy/brat/W3C convention). */
const sliceCp = (text, start, end) => [...text].slice(start, end).join('');
/** Slices in the unit a lede JSON document names. */
function sliceIn(unit, text, start, end) {
  if (unit === 'utf16') return text.slice(start, end);
  if (unit === 'bytes') return Buffer.from(text).subarray(start, end).toString();
  return sliceCp(text, start, end);
}

/** Parses CSV (RFC 4180 quoting) into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; } else if (c === '"') quoted = false; else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Annotates ARTICLE and labels its names by keyboard; returns the page. */
async function labelled() {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, ARTICLE);
  await clearHighlights(page);
  await page.keyboard.press('a');
  await page.keyboard.press('1'); // both "Zelenskiy": PERSON
  await page.keyboard.press('a');
  await moveTo(page, '👩🏽‍💻');
  await page.keyboard.press('5');
  await moveTo(page, '東');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('3');
  await moveTo(page, 'Kyiv');
  await page.keyboard.press('3');
  await moveTo(page, 'Jan.');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('7');
  await moveTo(page, '🇺🇦');
  await page.keyboard.press('5');
  return page;
}

/** Chooses a format in the Export menu (by keyboard) and returns its files by extension. */
async function exportAs(page, label, count) {
  const downloads = [];
  const collect = (d) => downloads.push(d);
  page.on('download', collect);
  await page.getByRole('button', { name: 'Export' }).focus();
  await page.keyboard.press('ArrowDown');
  await page.getByRole('menuitem', { name: label }).focus();
  await page.keyboard.press('Enter');
  const started = Date.now();
  while (downloads.length < count && Date.now() - started < 10_000) await page.waitForTimeout(50);
  page.off('download', collect);
  assert.equal(downloads.length, count, `${label} gives ${count} file(s)`);
  const files = {};
  for (const d of downloads) {
    const name = d.suggestedFilename();
    const to = path.join(artifacts, `export-${name}`);
    await d.saveAs(to);
    files[path.extname(name)] = { name, path: to, text: fs.readFileSync(to, 'utf8') };
  }
  return files;
}

test('every format exports with offsets that slice the text exactly, emoji and CJK included', async (t) => {
  if (!capable) return t.skip('the engine in this build has no exportDocument yet');
  const page = await labelled();
  const shown = await highlights(page);
  assert.deepEqual(shown, [['Zelenskiy', 'PERSON'], ['👩🏽‍💻', 'NORP'], ['東京', 'GPE'], ['Kyiv', 'GPE'],
    ['Jan. 24', 'DATE'], ['🇺🇦', 'NORP'], ['Zelenskiy', 'PERSON']]);
  const files = {};
  for (const [label, count] of MENU) files[label] = await exportAs(page, label, count);

  // lede JSON: everything, offsets in the unit it names.
  const lede = JSON.parse(files['lede JSON']['.json'].text);
  assert.equal(lede.text, ARTICLE);
  for (const s of lede.spans) assert.equal(sliceIn(lede.offsets, ARTICLE, s.start, s.end), s.text);
  for (const tk of lede.tokens) assert.equal(sliceIn(lede.offsets, ARTICLE, tk.start, tk.end), tk.text);
  assert.deepEqual(lede.spans.map((s) => [s.text, s.label]), shown);
  const tokens = lede.tokens.map((tk) => tk.text);

  // Prodigy JSONL: code points, token_end inclusive.
  const prodigy = JSON.parse(files['Prodigy JSONL']['.jsonl'].text.split('\n')[0]);
  assert.equal(prodigy.text, ARTICLE);
  assert.deepEqual(prodigy.tokens.map((tk) => sliceCp(ARTICLE, tk.start, tk.end)), tokens);
  prodigy.tokens.forEach((tk, i) => assert.equal(tk.id, i));
  for (const s of prodigy.spans) {
    assert.equal(prodigy.tokens[s.token_start].start, s.start);
    assert.equal(prodigy.tokens[s.token_end].end, s.end);
  }
  assert.deepEqual(prodigy.spans.map((s) => [sliceCp(ARTICLE, s.start, s.end), s.label]), shown);

  // CoNLL-2003 IOB2: the same tokens as on screen, one per line, blank line between sentences.
  const conll = files['CoNLL-2003'][Object.keys(files['CoNLL-2003'])[0]].text.split(/\r?\n/).filter((l) => !l.startsWith('-DOCSTART-'));
  const rows = conll.filter((l) => l.trim()).map((l) => l.split(/\s+/));
  assert.deepEqual(rows.map((r) => r[0]), tokens.map((x) => x.replace(/\s/g, '_')));
  const tags = rows.map((r) => r.at(-1));
  assert.ok(tags.every((tag) => /^(O|[BI]-\S+)$/.test(tag)), tags.join(' '));
  // Each token's tag follows from the spans: B- on a span's first token, I- inside, O outside.
  const expectedTags = lede.tokens.map((tk) => {
    const span = lede.spans.find((sp) => tk.start >= sp.start && tk.end <= sp.end);
    return !span ? 'O' : `${tk.start === span.start ? 'B' : 'I'}-${span.label}`;
  });
  assert.deepEqual(tags, expectedTags);
  const blankRuns = conll.join('\n').trim().split(/\n\s*\n/).length;
  assert.equal(blankRuns, lede.sentences.length, 'one block of lines per sentence');

  // brat: the text as it is, T lines with code-point offsets, N lines for values.
  const brat = files.brat;
  assert.equal(brat['.txt'].text, ARTICLE);
  const tLines = brat['.ann'].text.split('\n').filter((l) => l.startsWith('T'));
  assert.deepEqual(tLines.map((l) => {
    const [, type, text] = l.split('\t');
    const [label, ...ranges] = type.split(/[ ;]/);
    assert.equal(ranges.length % 2, 0);
    const pieces = [];
    for (let i = 0; i < ranges.length; i += 2) pieces.push(sliceCp(ARTICLE, Number(ranges[i]), Number(ranges[i + 1])));
    assert.equal(pieces.join(' '), text);
    return [text, label];
  }), shown);

  // W3C Web Annotation: TextPositionSelector (code points) agrees with TextQuoteSelector.
  const w3c = JSON.parse(files['Web Annotation'][Object.keys(files['Web Annotation'])[0]].text);
  const items = Array.isArray(w3c) ? w3c : w3c.items ?? w3c.first?.items ?? [];
  assert.equal(items.length, shown.length);
  for (const a of items) {
    const selectors = [].concat(a.target.selector);
    const position = selectors.find((s) => s.type === 'TextPositionSelector');
    const quote = selectors.find((s) => s.type === 'TextQuoteSelector');
    assert.equal(sliceCp(ARTICLE, position.start, position.end), quote.exact);
  }

  // CSV: a header row, then one row per span whose offsets slice to its text.
  const [header, ...records] = parseCsv(files.CSV['.csv'].text).filter((r) => r.length > 1);
  const col = (name) => header.indexOf(name);
  assert.ok(col('start') >= 0 && col('end') >= 0 && col('label') >= 0 && col('text') >= 0, header.join(','));
  assert.deepEqual(records.map((r) => {
    assert.equal(sliceCp(ARTICLE, Number(r[col('start')]), Number(r[col('end')])), r[col('text')]);
    return [r[col('text')], r[col('label')]];
  }), shown);
  await page.context().close();
});

test('lede JSON, Prodigy JSONL and brat exports open again with the same highlights', async (t) => {
  if (!capable) return t.skip('the engine in this build has no exportDocument yet');
  const page = await labelled();
  const shown = await highlights(page);
  const exported = {
    'lede JSON': await exportAs(page, 'lede JSON', 1),
    'Prodigy JSONL': await exportAs(page, 'Prodigy JSONL', 1),
    brat: await exportAs(page, 'brat', 2),
  };
  for (const [label, files] of Object.entries(exported)) {
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open file…' }).click();
    await (await chooser).setFiles(Object.values(files).map((f) => f.path));
    await page.getByRole('status').filter({ hasText: /^Opened/ }).waitFor();
    assert.equal(await page.getByRole('application', { name: 'Annotated article' }).textContent(), ARTICLE, label);
    assert.deepEqual(await highlights(page), shown, `${label} round trip`);
  }
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('export is a menu of the six formats, reachable and operable by keyboard', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  const button = page.getByRole('button', { name: 'Export' });
  assert.equal(await button.getAttribute('aria-haspopup'), 'menu');
  await button.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu', { name: 'Export' });
  await menu.waitFor();
  assert.deepEqual(await menu.getByRole('menuitem').allTextContents(), MENU.map(([l]) => l));
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  await page.keyboard.press('End');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'CSV');
  await page.keyboard.press('ArrowDown');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'lede JSON');
  await page.keyboard.press('Escape');
  await menu.waitFor({ state: 'hidden' });
  assert.equal(await button.evaluate((el) => el === document.activeElement), true);
  await page.context().close();
});
