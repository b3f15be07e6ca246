// The basic flow: paste an article, press Annotate, see its sentences and tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, REUTERS } from './harness.mjs';

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

test('annotates a pasted article and lists tokens and sentences', async () => {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(server.url);
  await page.getByRole('textbox', { name: 'Article text' }).fill(REUTERS);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.getByText(/Done in/).waitFor();
  const sentences = await page.locator('#sentences li').allTextContents();
  assert.equal(sentences.length, 2);
  assert.match(sentences[0], /^SEOUL \(Reuters\) - South Korea's military said on Friday/);
  const tokens = await page.locator('#tokens li').allTextContents();
  assert.deepEqual(tokens.slice(0, 8), ['SEOUL', '(', 'Reuters', ')', '-', 'South', 'Korea', "'s"]);
  assert.ok(tokens.includes('11,000'));
  assert.deepEqual(errors, []);
  await page.close();
});

test('UTF-16 offsets from the worker slice emoji and CJK text exactly', async () => {
  const page = await browser.newPage();
  await page.goto(server.url);
  const text = 'Zelenskiy 👩🏽‍💻 met 東京 officials 🇺🇦 in Kyiv.';
  await page.getByRole('textbox', { name: 'Article text' }).fill(text);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.getByText(/Done in/).waitFor();
  const tokens = await page.locator('#tokens li').allTextContents();
  assert.deepEqual(tokens, ['Zelenskiy', '👩🏽‍💻', 'met', '東', '京', 'officials', '🇺🇦', 'in', 'Kyiv', '.']);
  await page.close();
});
