// Undo and redo every kind of change, by keyboard (Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y)
// and by the toolbar buttons, without limit.
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

test('every change undoes and redoes, by keys and by buttons', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  await clearHighlights(page);
  // Deleting the engine's highlights was itself undoable: start the count from here.
  const undoable = await page.getByRole('button', { name: 'Undo' }).isEnabled();
  const start = await highlights(page);
  const states = [start];
  await moveTo(page, 'Pyongyang');
  await page.keyboard.press('3'); // add
  states.push(await highlights(page));
  await page.keyboard.press('1'); // relabel
  states.push(await highlights(page));
  await page.keyboard.press('Shift+ArrowRight'); // resize
  states.push(await highlights(page));
  await page.keyboard.press('e'); // value on a PERSON? no value: stays in the text
  await page.keyboard.press('Delete'); // delete
  states.push(await highlights(page));
  assert.equal(states.length, 5);
  assert.notDeepEqual(states[1], states[2]);

  for (let i = states.length - 2; i >= 0; i--) {
    await page.keyboard.press('Control+z');
    assert.deepEqual(await highlights(page), states[i], `undo back to state ${i}`);
  }
  if (!undoable) {
    await page.keyboard.press('Control+z');
    assert.match(await page.locator('#announcer').textContent(), /Nothing to undo/);
    assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);
  }

  await page.keyboard.press('Control+Shift+Z');
  assert.deepEqual(await highlights(page), states[1]);
  await page.keyboard.press('Control+y');
  assert.deepEqual(await highlights(page), states[2]);
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.deepEqual(await highlights(page), states[3]);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await highlights(page), states[2]);
  // A new change ends the redo branch.
  await page.getByRole('application', { name: 'Annotated article' }).focus();
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  assert.equal(await page.getByRole('button', { name: 'Redo' }).isDisabled(), true);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('undo reverts a reference date change together with the dates it re-resolved', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  const refDate = page.getByLabel('Reference date');
  await refDate.fill('2025-01-24');
  await annotate(page, REUTERS);
  const before = await highlights(page);
  await refDate.fill('2024-03-01');
  await refDate.dispatchEvent('change');
  await page.getByRole('status').filter({ hasText: /^Reference date 2024-03-01/ }).waitFor();
  await page.getByText('set by you').waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await refDate.inputValue(), '2025-01-24');
  assert.deepEqual(await highlights(page), before);
  await page.context().close();
});

test('Ctrl+Z in the text box is the text box’s own undo, not the annotations’', async () => {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  await clearHighlights(page);
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  await page.getByRole('button', { name: 'Edit text' }).click();
  const box = page.getByRole('textbox', { name: 'Article text' });
  assert.equal(await box.evaluate((el) => el === document.activeElement), true);
  await page.keyboard.press('Control+z');
  assert.deepEqual((await highlights(page)).filter(([t]) => t === 'Moscow'), [['Moscow', 'GPE']]);
  await page.context().close();
});
