// Reviewing engine output: doubtful (low-score) highlights are marked and
// visited in order with `n` (and Shift+N), confirmed with Space; values show on
// the highlights ("last autumn · 2024-FA"); the entity list groups mentions by
// the engine's entity ids. The document is the engine's kind of output, saved
// as the page saves work, since this build's engine may not tag entities yet.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, openAnnotator, seedDocument, caretText, KYIV } from './harness.mjs';

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

test('doubtful highlights are marked, visited with n / Shift+N and confirmed with Space', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await seedDocument(page, KYIV.text, KYIV.spans);
  const doubtful = page.locator('mark.is-doubtful');
  assert.deepEqual(await doubtful.allTextContents(), ['Kharkiv', 'Zelenskiy', 'Davos']);
  assert.equal(await doubtful.first().getAttribute('aria-label'), 'Kharkiv, PERSON, doubtful');
  assert.equal(await page.getByRole('button', { name: 'Next doubtful (3)' }).count(), 1);
  await page.getByRole('application', { name: 'Annotated article' }).focus();
  await page.keyboard.press('n');
  assert.equal(await caretText(page), 'Kharkiv');
  await page.keyboard.press('n');
  assert.equal(await caretText(page), 'Zelenskiy');
  await page.keyboard.press('Shift+N');
  assert.equal(await caretText(page), 'Kharkiv');
  // Kharkiv is a city: relabel it (a correction also settles the doubt).
  await page.keyboard.press('3');
  await page.keyboard.press('n');
  assert.equal(await caretText(page), 'Zelenskiy');
  await page.keyboard.press(' ');
  assert.equal(await page.locator('mark', { hasText: /^Zelenskiy$/ }).getAttribute('aria-label'), 'Zelenskiy, PERSON');
  await page.keyboard.press('n');
  assert.equal(await caretText(page), 'Davos');
  await page.keyboard.press('Delete');
  assert.equal(await doubtful.count(), 0);
  await page.getByRole('button', { name: 'Next doubtful (0)' }).waitFor();
  await page.keyboard.press('n');
  assert.match(await page.locator('#announcer').textContent(), /No doubtful highlights left/);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('values show on their highlights; entities are grouped by entity id', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await seedDocument(page, KYIV.text, KYIV.spans);
  const autumn = page.locator('mark', { hasText: 'last autumn' });
  assert.equal(await autumn.getAttribute('data-lede-badge'), 'DATE · 2024-FA');
  assert.equal(await autumn.getAttribute('aria-label'), 'last autumn, DATE, 2024-FA');
  assert.equal(await page.locator('mark', { hasText: 'about $5.5 billion' }).getAttribute('data-lede-badge'), 'MONEY · ≈5500000000 USD');
  // The badge is drawn by CSS after the text: it is on screen, not in the text.
  assert.equal(await autumn.evaluate((m) => getComputedStyle(m, '::after').content), '"DATE · 2024-FA"');
  // KYIV and Kyiv share entity 1; Volodymyr Zelenskiy and Zelenskiy share entity 6.
  const list = page.getByRole('region', { name: 'Entities' });
  await list.getByRole('button', { name: 'Volodymyr Zelenskiy, PERSON, 2 mentions' }).waitFor();
  await list.getByRole('button', { name: /^(KYIV|Kyiv), GPE, 2 mentions$/ }).waitFor();
  await list.getByRole('button', { name: 'Ukraine, GPE, 2 mentions' }).waitFor();
  // Dates and numbers are not entities.
  assert.equal(await list.getByRole('button', { name: /DATE|CARDINAL|MONEY/ }).count(), 0);
  // Relabel all mentions of an entity at once: both Zelenskiy mentions become ORG… then undo.
  await list.getByRole('button', { name: 'Volodymyr Zelenskiy, PERSON, 2 mentions' }).click();
  await page.keyboard.press('a');
  await page.keyboard.press('2');
  assert.deepEqual(await page.locator('mark[data-lede-label="ORG"]').allTextContents(), ['Reuters', 'Volodymyr Zelenskiy', 'Zelenskiy']);
  await page.keyboard.press('Control+z');
  assert.deepEqual(await page.locator('mark[data-lede-label="ORG"]').allTextContents(), ['Reuters']);
  await page.context().close();
});

test('a document with hundreds of entities lists the most mentioned first, 300 at a time', async () => {
  // 700 entities; entity k is mentioned once, and entity 700 three times (so it leads the list).
  const names = Array.from({ length: 700 }, (_, k) => `Name${k + 1}`);
  const text = `${names.join(' met ')}. Name700 and Name700 again.`;
  // The first "Name7" in the text is Name7 itself (Name70 and Name700 come later).
  const spans = names.map((name) => ({ text: name, label: 'PERSON', entity: Number(name.slice(4)) }));
  spans.push({ text: 'Name700', nth: 1, label: 'PERSON', entity: 700 }, { text: 'Name700', nth: 2, label: 'PERSON', entity: 700 });
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await seedDocument(page, text, spans);
  const list = page.locator('.lede-entity-list > li');
  assert.equal(await list.count(), 300);
  assert.match(await list.first().textContent(), /^Name700.*×3$/);
  const more = page.getByRole('button', { name: 'Show 300 more (400 not shown)' });
  await more.click();
  assert.equal(await list.count(), 600);
  await page.getByRole('button', { name: 'Show 100 more (100 not shown)' }).click();
  assert.equal(await list.count(), 700);
  assert.equal(await page.getByRole('button', { name: /^Show \d+ more/ }).count(), 0);
  // The last one listed still takes you to its mention.
  await list.last().getByRole('button').click();
  assert.equal(await caretText(page), await list.last().locator('.lede-name').textContent());
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
