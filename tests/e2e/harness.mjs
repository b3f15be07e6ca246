// Shared setup for the browser tests: a dev server on a free port and headless
// Debian Chromium driven by playwright-core (never a downloaded browser).
import { spawn } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fs from 'node:fs';
import { chromium } from 'playwright-core';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
  '--disable-sync', '--no-first-run', '--disable-quic', '--disable-dev-shm-usage',
];

/** Finds a free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

/**
 * Starts scripts/serve.mjs; resolves once it listens.
 * @param {{root?: string, base?: string}} [opts]
 * @returns {Promise<{url: string, stop: () => void}>}
 */
export async function startServer(opts = {}) {
  const port = await freePort();
  const base = opts.base ?? '/';
  const args = [path.join(repo, 'scripts/serve.mjs'), '--port', String(port), '--base', base];
  if (opts.root) args.push('--root', opts.root);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout.on('data', (chunk) => { if (String(chunk).includes('http://')) resolve(); });
  });
  return { url: `http://127.0.0.1:${port}${base}`, stop: () => child.kill() };
}

/** Launches headless Chromium. */
export function launchBrowser(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [...CHROMIUM_ARGS, ...extraArgs],
  });
}

/** A realistic news excerpt used across the tests (Reuters, 24 Jan 2025). */
export const REUTERS = "SEOUL (Reuters) - South Korea's military said on Friday that it suspects North Korea is preparing to send more troops to Russia to fight Ukrainian forces, even after suffering losses and seeing some of its soldiers captured. ... Pyongyang has deployed about 11,000 soldiers to support Moscow's forces in Russia's western Kursk region, according to Ukrainian and Western assessments, which Ukraine seized in a surprise attack last year.";

/** Where tests write screenshots and downloads (git-ignored). */
export const artifacts = path.join(repo, 'tests/e2e/artifacts');
fs.mkdirSync(artifacts, { recursive: true });

/** Test fixtures (news-like HTML pages, articles). */
export const fixtures = path.join(repo, 'tests/e2e/fixtures');

/**
 * A fresh page in its own browser context (its own IndexedDB), collecting page
 * errors into `page.errors`.
 * @param {import('playwright-core').Browser} browser
 * @param {import('playwright-core').BrowserContextOptions} [options]
 */
export async function newPage(browser, options = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  /** @type {Error[]} */
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(new Error(m.text())); });
  return Object.assign(page, { errors });
}

/** Opens the annotator and waits until it has started (and restored any saved work). */
export async function openAnnotator(page, url) {
  await page.goto(url);
  await page.locator('body[data-ready="true"]').waitFor();
}

/**
 * Pastes `text` into the article box, presses Annotate and waits until the
 * status line says it is done and every paragraph has its highlights.
 */
export async function annotate(page, text) {
  const box = page.getByRole('textbox', { name: 'Article text' });
  // With a document open the text box is folded away; "New article" brings it back empty.
  if (!(await box.isVisible())) await page.getByRole('button', { name: 'New article' }).click();
  await box.fill(text);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.getByRole('status').filter({ hasText: /^(Annotated|Reopened|Could not)/ }).waitFor();
  await textReady(page);
}

/** Waits until the annotated text has all its highlights (it is aria-busy while they are drawn). */
export async function textReady(page, timeout = 60_000) {
  await page.locator('[role="application"][aria-busy="false"]').waitFor({ timeout });
}

/**
 * Deletes every highlight by keyboard (so a flow starts from whatever text the
 * test chose, independent of what the engine in this build tags), then puts the
 * caret on the first word.
 */
export async function clearHighlights(page) {
  while (await page.locator('mark').count()) {
    await page.locator('mark').first().focus();
    await page.keyboard.press('Delete');
  }
  await page.getByRole('application', { name: 'Annotated article' }).focus();
  await page.keyboard.press('Home');
}

/** Every highlight on the page as [text, label], in reading order. */
export function highlights(page) {
  return page.locator('mark[data-lede-label]').evaluateAll((marks) => marks.map((m) => [m.textContent, m.dataset.ledeLabel]));
}

/**
 * Pastes `text` into the focused element as a person does with Ctrl+V (a paste
 * event carrying the text; headless Chromium has no system clipboard to read).
 */
export async function paste(page, text) {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    if (document.activeElement.dispatchEvent(event)) {
      // Nobody took it: insert it the way the browser would.
      document.execCommand('insertText', false, t);
    }
  }, text);
}

/** The text of the live region that speaks to screen readers. */
export function announced(page) {
  return page.locator('#announcer').textContent();
}

/**
 * The on-screen bounding box of the `nth` occurrence of `word` in the annotated
 * text — where a person would point to select it.
 */
export async function wordBox(page, word, nth = 0) {
  return page.locator('#text').evaluate((root, [w, n]) => {
    const text = root.textContent ?? '';
    let at = -1;
    for (let i = 0; i <= n; i++) at = text.indexOf(w, at + 1);
    if (at < 0) throw new Error(`${w} is not in the text`);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let seen = 0;
    const range = document.createRange();
    let startSet = false;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const len = node.data.length;
      if (!startSet && at < seen + len) { range.setStart(node, at - seen); startSet = true; }
      if (startSet && at + w.length <= seen + len) { range.setEnd(node, at + w.length - seen); break; }
      seen += len;
    }
    range.startContainer.parentElement.scrollIntoView({ block: 'center' });
    const r = range.getBoundingClientRect();
    return { x: r.left, y: r.top, width: r.width, height: r.height };
  }, [word, nth]);
}

/** Drags the mouse from inside one word to inside another, as a person selects text. */
export async function dragSelect(page, fromWord, toWord, { fromAt = 0.5, toAt = 0.5 } = {}) {
  const a = await wordBox(page, fromWord);
  const b = await wordBox(page, toWord);
  await page.mouse.move(a.x + a.width * fromAt, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(b.x + b.width * toAt, b.y + b.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** What the keyboard caret is on: the focused highlight's text, or the word(s) announced. */
export function caretText(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.matches('mark[data-lede-label]')) return active.textContent;
    return (document.getElementById('announcer')?.textContent ?? '').replace(/\u00a0$/, '');
  });
}

/**
 * Presses → (or ←) until the caret is on `word`, as a person watching the caret would.
 * @param {import('playwright-core').Page} page
 * @param {string} word
 * @param {{key?: string, max?: number}} [options]
 */
export async function moveTo(page, word, { key = 'ArrowRight', max = 300 } = {}) {
  for (let i = 0; i < max; i++) {
    if ((await caretText(page)) === word) return;
    await page.keyboard.press(key);
  }
  throw new Error(`the caret never reached ${JSON.stringify(word)}`);
}

/**
 * Saves a document with the given spans the way the page saves its work, then
 * reloads so the page reopens it — for flows that need engine output (scores,
 * entity ids, values) the engine in this build may not produce yet.
 * @param {import('playwright-core').Page} page on the annotator
 * @param {string} text
 * @param {{text: string, label: string, nth?: number, start?: number, value?: object, score?: number, entity?: number, source?: string}[]} spans
 *   each at the `nth` occurrence of its text (default the first), or at `start` when given
 * @param {string} [refDate]
 */
export async function seedDocument(page, text, spans, refDate = '2025-01-24') {
  await page.evaluate(async ({ text, spans, refDate }) => {
    const { AnnotatorClient } = await import('./worker-client.js');
    const { DocState } = await import('./state.js');
    const { Store, documentKey } = await import('./store.js');
    const tokens = await new AnnotatorClient().annotate(text, { entities: false, values: false });
    const located = spans.map((s) => {
      let at = s.start ?? -1;
      for (let i = 0; s.start === undefined && i <= (s.nth ?? 0); i++) at = text.indexOf(s.text, at + 1);
      if (at < 0) throw new Error(`${s.text} is not in the text`);
      return { start: at, end: at + s.text.length, label: s.label, value: s.value ?? null,
        source: s.source ?? 'model', score: s.score ?? 0.9, entity: s.entity ?? null };
    });
    const state = new DocState({ key: documentKey(text), text, tokens: tokens.tokens, sentences: tokens.sentences,
      refDate, refDateSource: 'dateline', spans: located });
    const store = await Store.open();
    await store.create(state, state.snapshot());
  }, { text, spans, refDate });
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await textReady(page);
}

/** An article with a highlight of every kind, for flows and screenshots. */
export const KYIV = {
  text: "KYIV, Jan 24 (Reuters) - Ukraine's air force said on Friday it had shot down 42 of 71 drones launched by Russia overnight, as officials in Kyiv and Kharkiv reported damage to power lines.\n\nPresident Volodymyr Zelenskiy said last autumn that Ukraine needed about $5.5 billion more for air defence, and Zelenskiy repeated the call in Davos this week. Inflation eased to 12% in December.",
  spans: [
    { text: 'KYIV', label: 'GPE', entity: 1, score: 0.97 },
    { text: 'Jan 24', label: 'DATE', source: 'rule', score: 1, value: { kind: 'date', timex: '2025-01-24', start: '2025-01-24', end: '2025-01-25' } },
    { text: 'Reuters', label: 'ORG', entity: 2, score: 0.95 },
    { text: 'Ukraine', label: 'GPE', entity: 3, score: 0.96 },
    { text: 'Friday', label: 'DATE', source: 'rule', score: 1, value: { kind: 'date', timex: '2025-01-24', start: '2025-01-24', end: '2025-01-25' } },
    { text: '42', label: 'CARDINAL', source: 'rule', score: 1, value: { kind: 'number', number: 42 } },
    { text: '71', label: 'CARDINAL', source: 'rule', score: 1, value: { kind: 'number', number: 71 } },
    { text: 'Russia', label: 'GPE', entity: 4, score: 0.93 },
    { text: 'Kyiv', label: 'GPE', entity: 1, score: 0.91, nth: 0 },
    { text: 'Kharkiv', label: 'PERSON', entity: 5, score: 0.41 },
    { text: 'Volodymyr Zelenskiy', label: 'PERSON', entity: 6, score: 0.98 },
    { text: 'last autumn', label: 'DATE', source: 'rule', score: 1, value: { kind: 'date', timex: '2024-FA', start: '2024-09-01', end: '2024-12-01' } },
    { text: 'Ukraine', label: 'GPE', entity: 3, score: 0.88, nth: 1 },
    { text: 'about $5.5 billion', label: 'MONEY', source: 'rule', score: 1, value: { kind: 'money', amount: 5500000000, currency: 'USD', mod: 'approx' } },
    { text: 'Zelenskiy', label: 'PERSON', entity: 6, score: 0.52, nth: 1 },
    { text: 'Davos', label: 'GPE', entity: 7, score: 0.58 },
    { text: 'this week', label: 'DATE', source: 'rule', score: 1, value: { kind: 'date', timex: '2025-W04', start: '2025-01-20', end: '2025-01-27' } },
    { text: '12%', label: 'PERCENT', source: 'rule', score: 1, value: { kind: 'percent', number: 12 } },
    { text: 'December', label: 'DATE', source: 'rule', score: 1, value: { kind: 'date', timex: '2024-12', start: '2024-12-01', end: '2025-01-01' } },
  ],
};
