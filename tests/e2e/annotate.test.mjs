// Annotating: paste an article, press Annotate, and find the text shown with a
// <mark> for every span (whatever labels the engine gives today), the reference
// date shown and editable, and UTF-16 offsets that hold on emoji and CJK.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, openAnnotator, annotate, clearHighlights, highlights, announced, REUTERS } from './harness.mjs';

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

test('annotates a pasted article and shows its text with accessible highlights', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  const text = page.getByRole('application', { name: 'Annotated article' });
  assert.equal(await text.textContent(), REUTERS, 'the annotated view shows the text unaltered');
  assert.match(await page.getByRole('status').filter({ hasText: /^Annotated/ }).textContent(), /Annotated 68 words/);
  // Whatever the engine labels, every highlight is a mark announcing its own text and label.
  for (const mark of await page.locator('mark').all()) {
    const label = await mark.getAttribute('data-lede-label');
    const aria = await mark.getAttribute('aria-label');
    assert.ok(label, 'a mark has data-lede-label');
    assert.ok(aria.startsWith(`${await mark.textContent()}, ${label}`), aria);
  }
  // After Annotate, focus is in the text, on its first word, ready for the keyboard.
  await page.keyboard.press('ArrowRight');
  assert.equal(await announced(page), '(');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('UTF-16 offsets hold on emoji and CJK: keyboard-labelled tokens are exactly the characters', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  const input = 'Zelenskiy 👩🏽‍💻 met 東京 officials 🇺🇦 in Kyiv.';
  await annotate(page, input);
  await clearHighlights(page);
  // Walk the caret token by token: the emoji and each ideograph are tokens of their own.
  const seen = [];
  await page.keyboard.press('Home');
  seen.push(await announced(page));
  for (let i = 0; i < 9; i++) {
    await page.keyboard.press('ArrowRight');
    seen.push(await announced(page));
  }
  assert.deepEqual(seen.map((s) => s.replace(/\u00a0$/, '')),
    ['Zelenskiy', '👩🏽‍💻', 'met', '東', '京', 'officials', '🇺🇦', 'in', 'Kyiv', '.']);
  // Label the ZWJ emoji, "東京" (two tokens) and the flag.
  await page.keyboard.press('Home');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('4');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('3');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('5');
  assert.deepEqual(await highlights(page), [['👩🏽‍💻', 'LOC'], ['東京', 'GPE'], ['🇺🇦', 'NORP']]);
  assert.equal(await page.getByRole('application', { name: 'Annotated article' }).textContent(), input);
  await page.context().close();
});

test('the reference date is shown, and a date typed before annotating is used', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  const refDate = page.getByLabel('Reference date');
  await refDate.fill('2025-01-24');
  await annotate(page, REUTERS);
  assert.equal(await refDate.inputValue(), '2025-01-24');
  await page.getByText('set by you').waitFor();
  await page.context().close();
});

test('an empty text asks for an article instead of annotating', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await page.getByRole('button', { name: 'Annotate' }).click();
  await page.getByRole('status').filter({ hasText: 'Paste or type an article first.' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Article text' }).evaluate((el) => el === document.activeElement), true);
  await page.context().close();
});
