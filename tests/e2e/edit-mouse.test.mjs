// Correcting by mouse: drag over part of a word and the selection snaps to whole
// tokens; pick a label in the selection bar; click a highlight to relabel or
// delete it; double-click a word; "all mentions" from its checkbox.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, openAnnotator, annotate, highlights, dragSelect, wordBox, REUTERS } from './harness.mjs';

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

async function fresh() {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  while (await page.locator('mark').count()) {
    await page.locator('mark').first().click();
    await page.getByRole('button', { name: 'Delete' }).click();
  }
  return page;
}

const bar = (page) => page.getByRole('region', { name: 'Selection' });

test('a drag over parts of words snaps to whole tokens and is labelled from the bar', async () => {
  const page = await fresh();
  // From the middle of "South" to the middle of "Korea": the selection grows to both words.
  await dragSelect(page, 'South', 'Korea', { fromAt: 0.4, toAt: 0.5 });
  await bar(page).getByText('South Korea').waitFor();
  await bar(page).getByRole('button', { name: 'GPE' }).click();
  assert.deepEqual(await highlights(page), [['South Korea', 'GPE']]);
  // A drag across punctuation snaps too: "(Reuters)" from inside the first letters.
  await dragSelect(page, 'Reuters', 'Reuters', { fromAt: 0.1, toAt: 0.6 });
  await bar(page).getByRole('button', { name: 'ORG' }).click();
  assert.deepEqual(await highlights(page), [['Reuters', 'ORG'], ['South Korea', 'GPE']]);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('a click on plain text puts the keyboard caret on that word', async () => {
  const page = await fresh();
  const box = await wordBox(page, 'Pyongyang');
  await page.mouse.click(box.x + box.width * 0.7, box.y + box.height / 2);
  assert.equal((await page.locator('#announcer').textContent()).replace(/\u00a0$/, ''), 'Pyongyang');
  await page.keyboard.press('ArrowRight');
  assert.equal((await page.locator('#announcer').textContent()).replace(/\u00a0$/, ''), 'has');
  await page.keyboard.press('2');
  assert.deepEqual(await highlights(page), [['has', 'ORG']]);
  await page.context().close();
});

test('clicking a highlight selects it for relabelling and deleting', async () => {
  const page = await fresh();
  await dragSelect(page, 'Pyongyang', 'Pyongyang');
  await bar(page).getByRole('button', { name: 'PERSON' }).click();
  await page.locator('mark', { hasText: 'Pyongyang' }).click();
  assert.equal(await bar(page).getByRole('button', { name: 'PERSON' }).getAttribute('aria-pressed'), 'true');
  await bar(page).getByRole('button', { name: 'GPE' }).click();
  assert.deepEqual(await highlights(page), [['Pyongyang', 'GPE']]);
  await page.locator('mark', { hasText: 'Pyongyang' }).click();
  await bar(page).getByRole('button', { name: 'Delete' }).click();
  assert.deepEqual(await highlights(page), []);
  await page.context().close();
});

test('a double-click selects a word; "All mentions" labels every occurrence', async () => {
  const page = await fresh();
  const box = await wordBox(page, 'Ukraine');
  await page.mouse.dblclick(box.x + box.width / 2, box.y + box.height / 2);
  await bar(page).getByText('Ukraine').first().waitFor();
  await bar(page).getByRole('checkbox', { name: /All mentions/ }).check();
  await dragSelect(page, 'Russia', 'Russia');
  assert.equal(await bar(page).getByRole('checkbox', { name: 'All mentions (2)' }).isChecked(), true);
  await bar(page).getByRole('button', { name: 'GPE' }).click();
  assert.deepEqual(await highlights(page), [['Russia', 'GPE'], ['Russia', 'GPE']]);
  await page.context().close();
});

test('the entity list counts mentions and cycles through them on click', async () => {
  const page = await fresh();
  await dragSelect(page, 'Russia', 'Russia');
  await bar(page).getByRole('checkbox', { name: /All mentions/ }).check();
  await bar(page).getByRole('button', { name: 'GPE' }).click();
  await bar(page).getByRole('checkbox', { name: /All mentions/ }).uncheck();
  const entity = page.getByRole('button', { name: 'Russia, GPE, 2 mentions' });
  const focusedOffset = () => page.evaluate(() => {
    const mark = document.activeElement;
    const range = document.createRange();
    range.setStart(document.getElementById('text'), 0);
    range.setEndBefore(mark);
    return [mark.textContent, range.toString().length];
  });
  await entity.click();
  const first = await focusedOffset();
  await entity.click();
  const second = await focusedOffset();
  await entity.click();
  assert.deepEqual(await focusedOffset(), first, 'the third click comes back to the first mention');
  assert.equal(first[0], 'Russia');
  assert.ok(second[1] > first[1], 'the second click goes to the later mention');
  await page.context().close();
});
