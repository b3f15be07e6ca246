// Never losing work: every change is saved within a second; a reload restores
// the document, its highlights, reference date, labels and undo history; earlier
// documents can be reopened; storage failures are shown, not swallowed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, launchBrowser, newPage, openAnnotator, annotate, clearHighlights, highlights, moveTo, REUTERS } from './harness.mjs';

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

test('a reload within a second of the last change restores everything, undo history included', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await page.getByLabel('Reference date').fill('2025-01-24');
  await annotate(page, REUTERS);
  await page.getByText('Add a label').click();
  await page.getByRole('textbox', { name: 'Name' }).fill('ARMY');
  await page.getByRole('textbox', { name: 'Key' }).fill('q');
  await page.getByRole('button', { name: 'Add label' }).click();
  await clearHighlights(page);
  await moveTo(page, 'Pyongyang');
  await page.keyboard.press('3');
  await moveTo(page, 'soldiers');
  await page.keyboard.press('q');
  await moveTo(page, 'Kursk');
  await page.keyboard.press('4');
  const expected = await highlights(page);
  // Reload one second after the last change, without waiting for any sign of saving.
  await page.waitForTimeout(1000);
  await page.reload();
  await page.locator('body[data-ready="true"]').waitFor();
  await page.getByRole('application', { name: 'Annotated article' }).waitFor();
  assert.equal(await page.getByRole('application', { name: 'Annotated article' }).textContent(), REUTERS);
  assert.deepEqual(await highlights(page), expected);
  await page.getByRole('button', { name: 'Edit text' }).click();
  assert.equal(await page.getByRole('textbox', { name: 'Article text' }).inputValue(), REUTERS);
  assert.equal(await page.getByLabel('Reference date').inputValue(), '2025-01-24');
  await page.getByRole('button', { name: /^ARMY: 1 span, key q/ }).waitFor();
  // The undo history came back too: undo the last change made before the reload.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await highlights(page), expected.filter(([t]) => t !== 'Kursk'));
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.deepEqual(await highlights(page), expected);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('pasting the same text again reopens the work on it; earlier documents are listed', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  await clearHighlights(page);
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  const second = 'BERLIN (Reuters) - Germany’s economy shrank in 2024 for a second year.';
  await annotate(page, second);
  await annotate(page, REUTERS);
  assert.equal(await page.getByRole('status').textContent(), 'Reopened your saved work on this text.');
  assert.deepEqual((await highlights(page)).filter(([t]) => t === 'Moscow'), [['Moscow', 'GPE']]);

  await page.getByRole('button', { name: 'Documents' }).click();
  const dialog = page.getByRole('dialog', { name: 'Your documents' });
  await dialog.getByRole('button', { name: /^BERLIN \(Reuters\)/ }).click();
  await dialog.waitFor({ state: 'hidden' });
  // The dialog closes at the click; the document opens once storage has read it back.
  await page.getByRole('application', { name: 'Annotated article' }).filter({ hasText: 'BERLIN' }).waitFor();
  assert.equal(await page.getByRole('application', { name: 'Annotated article' }).textContent(), second);
  await page.getByRole('button', { name: 'Documents' }).click();
  await dialog.getByRole('button', { name: /^Delete BERLIN/ }).click();
  // The entry leaves the list once storage has deleted it, not at the click.
  await dialog.getByRole('button', { name: /^Delete BERLIN/ }).waitFor({ state: 'detached' });
  assert.equal(await dialog.getByRole('button', { name: /^Delete/ }).count(), 1);
  await page.context().close();
});

test('storage that cannot be opened is reported, and the page still annotates', async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => {
    // As in a browser that refuses storage (some private modes).
    indexedDB.open = () => { throw new DOMException('storage is disabled', 'InvalidStateError'); };
  });
  await openAnnotator(page, server.url);
  await page.getByRole('alert').filter({ hasText: 'Could not open the browser’s storage' }).waitFor();
  await annotate(page, REUTERS);
  await clearHighlights(page);
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  assert.deepEqual((await highlights(page)).filter(([t]) => t === 'Moscow'), [['Moscow', 'GPE']]);
  await page.getByText('Not saved').waitFor();
  await page.context().close();
});

test('a failing save (storage full) is reported', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  await page.evaluate(() => {
    // From now on every write fails as a full disk does.
    IDBObjectStore.prototype.put = function put() { throw new DOMException('quota', 'QuotaExceededError'); };
  });
  await clearHighlights(page);
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  await page.getByRole('alert').filter({ hasText: 'storage for this page is full' }).waitFor();
  await page.getByText('Not saved').waitFor();
  await page.context().close();
});
