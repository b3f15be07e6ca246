// The shell's reusable modules, exercised directly in the browser (the
// extension's panel and content script use them without the site's page):
// re-anchoring selectors, highlighting a live DOM, offset conversion, the
// value badge, and the re-run merge that keeps a person's corrections.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage } from './harness.mjs';

let server;
let browser;
let page;
before(async () => {
  server = await startServer();
  browser = await launchBrowser();
  page = await newPage(browser);
  await page.goto(server.url);
});
after(async () => {
  await browser?.close();
  server?.stop();
});

test('anchor.js: position and quote selectors re-anchor after the page changes', async () => {
  const result = await page.evaluate(async () => {
    const { TextPositionSelector, TextQuoteSelector, anchor } = await import('./anchor.js');
    const root = document.createElement('div');
    root.append('Officials in ', Object.assign(document.createElement('b'), { textContent: 'Kyiv' }), ' said 👩🏽‍💻 Kyiv was calm.');
    document.body.append(root);
    const range = document.createRange();
    const second = root.lastChild;
    const at = second.data.indexOf('Kyiv');
    range.setStart(second, at);
    range.setEnd(second, at + 4);
    const position = TextPositionSelector.fromRange(root, range).toSelector();
    const quote = TextQuoteSelector.fromRange(root, range).toSelector();
    const out = { position, quote: { ...quote } };
    out.same = anchor(root, { position, quote });
    // Text inserted before it: the position is stale, the quote and its context find it.
    root.prepend('BREAKING: ');
    out.moved = anchor(root, { position, quote });
    out.movedText = root.textContent.slice(out.moved.start, out.moved.end);
    out.movedPrefix = root.textContent.slice(out.moved.start - 13, out.moved.start);
    // Whitespace re-wrapped: found ignoring whitespace differences.
    const loose = new TextQuoteSelector(root, 'said  👩🏽‍💻\nKyiv').locate(0);
    out.loose = root.textContent.slice(loose.start, loose.end);
    out.gone = anchor(root, { quote: { type: 'TextQuoteSelector', exact: 'Odesa', prefix: '', suffix: '' } });
    out.rangeText = new TextPositionSelector(root, out.moved.start, out.moved.end).toRange().toString();
    root.remove();
    return out;
  });
  assert.deepEqual(result.position, { type: 'TextPositionSelector', start: 31, end: 35 }, 'UTF-16 units: the emoji is 7');
  assert.equal(result.quote.exact, 'Kyiv');
  assert.equal(result.quote.prefix, 'Officials in Kyiv said 👩🏽‍💻 ');
  assert.deepEqual(result.same, { start: 31, end: 35 });
  assert.equal(result.movedText, 'Kyiv');
  assert.equal(result.movedPrefix, 'said 👩🏽‍💻 ', 'the occurrence after the emoji, not the bold one');
  assert.equal(result.loose, 'said 👩🏽‍💻 Kyiv');
  assert.equal(result.gone, null);
  assert.equal(result.rangeText, 'Kyiv');
});

test('highlight.js: wraps across elements, skips whitespace-only runs, unwraps exactly', async () => {
  const result = await page.evaluate(async () => {
    const { highlightRange, removeHighlights } = await import('./highlight.js');
    const { rangeOf } = await import('./anchor.js');
    const root = document.createElement('div');
    const link = Object.assign(document.createElement('a'), { href: '#x', textContent: 'Kursk region' });
    const p2 = document.createElement('p');
    p2.append('Ukraine seized it.');
    root.append(Object.assign(document.createElement('p'), { textContent: "Russia's western " }), '\n  ', p2);
    root.firstChild.append(link, ', officials said.');
    document.body.append(root);
    const before = root.textContent;
    const text = root.textContent;
    const start = text.indexOf('western');
    const end = text.indexOf(' seized');
    const marks = highlightRange(rangeOf(root, start, end), () => document.createElement('mark'));
    const out = {
      marks: marks.map((m) => [m.textContent, m.parentElement.tagName]),
      linkKept: root.querySelector('a[href="#x"]')?.textContent,
      textSame: root.textContent === before,
    };
    removeHighlights(marks);
    out.after = root.querySelectorAll('mark').length;
    out.textNodes = [...root.firstChild.childNodes].map((n) => n.nodeName);
    out.textSameAfter = root.textContent === before;
    root.remove();
    return out;
  });
  assert.deepEqual(result.marks, [['western ', 'P'], ['Kursk region', 'A'], [', officials said.', 'P'], ['Ukraine', 'P']]);
  assert.equal(result.linkKept, 'Kursk region');
  assert.ok(result.textSame && result.textSameAfter);
  assert.equal(result.after, 0);
  assert.deepEqual(result.textNodes, ['#text', 'A', '#text'], 'unwrapping merges the text back');
});

test('lede-json.js: code-point and byte offsets become UTF-16, checked against span text', async () => {
  const result = await page.evaluate(async () => {
    const { fromLedeDocument, toUtf16 } = await import('./lede-json.js');
    const text = '🇺🇦 Kyiv 東京 e\u0301 ok';
    const chars = toUtf16(text, 'chars');
    const bytes = toUtf16(text, 'bytes');
    const doc = fromLedeDocument({
      text, offsets: 'chars', ref_date: '2025-01-24',
      spans: [{ start: 3, end: 7, label: 'GPE', text: 'Kyiv' }, { start: 8, end: 10, label: 'GPE', text: '東京' },
        { start: 11, end: 13, label: 'X', text: 'wrong' }],
    });
    let misaligned = '';
    try { bytes(1); } catch (e) { misaligned = e.name; }
    return { kyiv: [chars(3), chars(7)], tokyoBytes: [bytes(14), bytes(20)], spans: doc.spans.map((s) => text.slice(s.start, s.end)),
      mismatched: doc.mismatched, misaligned, source: doc.spans[0].source };
  });
  assert.deepEqual(result.kyiv, [5, 9]);
  assert.deepEqual(result.tokyoBytes, [10, 12]);
  assert.deepEqual(result.spans, ['Kyiv', '東京']);
  assert.equal(result.mismatched, 1, 'a span whose text does not match its offsets is left out');
  assert.equal(result.misaligned, 'RangeError');
  assert.equal(result.source, 'import');
});

test('value-format.js: badges as the engine writes them, and edits parsed back', async () => {
  const result = await page.evaluate(async () => {
    const { displayValue, parseEditedValue, editableText } = await import('./value-format.js');
    return {
      shown: [
        displayValue({ kind: 'date', timex: '2024-FA', start: '2024-09-01', end: '2024-12-01' }),
        displayValue({ kind: 'number', number: 11000, mod: 'approx' }),
        displayValue({ kind: 'money', amount: 3499000000, currency: 'EUR' }),
        displayValue({ kind: 'percent', number: 7.6 }), displayValue({ kind: 'number_range', from: 10, to: 12 }),
        displayValue({ kind: 'duration', timex: 'P4M' }), displayValue({ kind: 'ordinal', number: 21 }),
        displayValue(null),
        // Ranges and the period modifiers of the richer value schema.
        displayValue({ kind: 'percent', number: 5, to: 7 }), displayValue({ kind: 'money', amount: 10, to: 12, currency: 'USD', mod: 'approx' }),
        displayValue({ kind: 'duration', timex: 'P2Y', to: 'P3Y' }), displayValue({ kind: 'date', timex: '2024', mod: 'end' }),
      ],
      percentRange: parseEditedValue({ kind: 'percent', number: 1 }, '5–7').value,
      noRange: parseEditedValue({ kind: 'percent', number: 5, to: 7 }, '6').value,
      moneyRange: editableText({ kind: 'money', amount: 10, to: 12, currency: 'USD' }),
      negative: parseEditedValue({ kind: 'number', number: 1 }, '-3').value,
      money: parseEditedValue({ kind: 'money', amount: 1, currency: 'USD' }, '3.5 eur').value,
      date: parseEditedValue({ kind: 'date', timex: '2024-10', start: '2024-10-01', end: '2024-11-01' }, '2024-11').value,
      bad: parseEditedValue({ kind: 'number', number: 1 }, 'eleven').error,
      editable: editableText({ kind: 'quantity', amount: 250000, unit: 't' }),
    };
  });
  assert.deepEqual(result.shown, ['2024-FA', '≈11000', '3499000000 EUR', '7.6%', '10–12', 'P4M', '#21', '',
    '5–7%', '≈10–12 USD', 'P2Y–P3Y', 'late 2024']);
  assert.deepEqual(result.percentRange, { kind: 'percent', number: 5, to: 7 });
  assert.deepEqual(result.noRange, { kind: 'percent', number: 6 });
  assert.equal(result.moneyRange, '10–12 USD');
  assert.deepEqual(result.negative, { kind: 'number', number: -3 });
  assert.deepEqual(result.money, { kind: 'money', amount: 3.5, currency: 'EUR' });
  assert.deepEqual(result.date, { kind: 'date', timex: '2024-11' }, 'a new timex drops the resolved start and end');
  assert.match(result.bad, /Type a number/);
  assert.equal(result.editable, '250000 t');
});

test('edits.js: a re-run keeps what a person added, changed or deleted, and re-resolves the rest', async () => {
  const result = await page.evaluate(async () => {
    const { DocState } = await import('./state.js');
    const { mergeEngineRun, addSpan, deleteSpans, relabelSpans } = await import('./edits.js');
    const text = 'Kyiv said on Friday that Lviv and Odesa were calm.';
    const tokens = new Uint32Array([...text.matchAll(/\w+|[^\w\s]/g)].flatMap((m) => [m.index, m.index + m[0].length]));
    const at = (w) => ({ start: text.indexOf(w), end: text.indexOf(w) + w.length });
    const engine = (refDay) => [
      { ...at('Kyiv'), label: 'GPE', value: null, source: 'model', score: 0.9, entity: 1 },
      { ...at('Friday'), label: 'DATE', value: { kind: 'date', timex: `2025-01-${refDay}` }, source: 'rule', score: 1, entity: null },
      { ...at('Lviv'), label: 'PERSON', value: null, source: 'model', score: 0.4, entity: 2 },
      { ...at('Odesa'), label: 'GPE', value: null, source: 'model', score: 0.9, entity: 3 },
    ];
    const state = new DocState({ key: 'k', text, tokens, sentences: new Uint32Array([0, tokens.length / 2]), refDate: '2025-01-24', refDateSource: 'dateline', spans: engine('24') });
    const find = (w) => state.sorted.find((s) => text.slice(s.start, s.end) === w);
    state.commit(relabelSpans(state, [find('Lviv')], 'GPE'));
    state.commit(deleteSpans(state, [find('Odesa')]));
    state.commit(addSpan(state, at('calm').start, at('calm').end, 'MOOD'));
    const kyivId = find('Kyiv').id;
    const patch = state.commit(mergeEngineRun(state, { refDate: '2025-01-31', refDateSource: 'given', spans: engine('31') }));
    const out = {
      spans: state.sorted.map((s) => [text.slice(s.start, s.end), s.label, s.source, s.value?.timex ?? null]),
      changed: [patch.removed.length, patch.added.length],
      kyivKept: find('Kyiv').id === kyivId,
      refDate: state.refDate,
    };
    state.undo();
    out.undone = [state.refDate, find('Friday').value.timex];
    return out;
  });
  assert.deepEqual(result.spans, [
    ['Kyiv', 'GPE', 'model', null], ['Friday', 'DATE', 'rule', '2025-01-31'],
    ['Lviv', 'GPE', 'user', null], ['calm', 'MOOD', 'user', null],
  ]);
  assert.deepEqual(result.changed, [1, 1], 'only the re-resolved date changed');
  assert.ok(result.kyivKept, 'an unchanged span keeps its identity (its mark is not re-rendered)');
  assert.equal(result.refDate, '2025-01-31');
  assert.deepEqual(result.undone, ['2025-01-24', '2025-01-24']);
});

test('worker-client.js: a worker handed the wasm bytes does not fetch them (offline single file, extension)', async () => {
  const fresh = await newPage(browser);
  await fresh.goto(server.url);
  await fresh.locator('body[data-ready="true"]').waitFor();
  const bytes = await fresh.evaluate(async () => [...new Uint8Array(await (await fetch('./pkg/lede_bg.wasm')).arrayBuffer())].length);
  assert.ok(bytes > 1000);
  const requested = [];
  fresh.on('request', (r) => requested.push(r.url()));
  const result = await fresh.evaluate(async () => {
    const { AnnotatorClient } = await import('./worker-client.js');
    const wasm = await (await fetch('./pkg/lede_bg.wasm')).arrayBuffer();
    const client = new AnnotatorClient({ wasm });
    const annotated = await client.annotate('Kyiv, Jan 24 — 👩🏽‍💻 met 東京 officials.');
    return { version: await client.version(), tokens: annotated.tokens.length / 2 };
  });
  assert.match(result.version, /^\d+\.\d+\.\d+/);
  assert.ok(result.tokens >= 9);
  // Only the page's own fetch above asked for the wasm; the worker did not.
  assert.equal(requested.filter((u) => u.endsWith('lede_bg.wasm')).length, 1, requested.join('\n'));
  await fresh.context().close();
});
