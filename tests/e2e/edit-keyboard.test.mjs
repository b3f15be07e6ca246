// Correcting by keyboard only: move the caret by word and by highlight, label
// with number keys, relabel, delete, move edges with Shift/Alt+arrows, edit a
// value, apply to all mentions, define a label with its own key, and read the
// help overlay.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchBrowser, newPage, openAnnotator, annotate, clearHighlights, highlights, caretText, moveTo, REUTERS,
} from './harness.mjs';

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

/** A page with REUTERS annotated and no engine spans (so the test controls every highlight). */
async function fresh() {
  const page = await newPage(browser);
  await openAnnotator(page, server.url);
  await annotate(page, REUTERS);
  await clearHighlights(page);
  return page;
}

test('labels, relabels and deletes spans with number keys and Delete', async () => {
  const page = await fresh();
  await moveTo(page, 'South');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await caretText(page), "South Korea (2 words selected)");
  await page.keyboard.press('3');
  await moveTo(page, 'North');
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('3');
  await moveTo(page, 'Ukrainian');
  await page.keyboard.press('5');
  assert.deepEqual(await highlights(page), [['South Korea', 'GPE'], ['North Korea', 'GPE'], ['Ukrainian', 'NORP']]);
  // Relabel: the caret on a highlight focuses it; a number key relabels.
  await page.keyboard.press('ArrowUp');
  assert.equal(await caretText(page), 'North Korea');
  assert.equal(await page.evaluate(() => document.activeElement.getAttribute('aria-label')), 'North Korea, GPE');
  await page.keyboard.press('2');
  assert.deepEqual(await highlights(page), [['South Korea', 'GPE'], ['North Korea', 'ORG'], ['Ukrainian', 'NORP']]);
  // Delete the focused highlight.
  await page.keyboard.press('Delete');
  assert.deepEqual(await highlights(page), [['South Korea', 'GPE'], ['Ukrainian', 'NORP']]);
  // The legend and the entity list follow at once.
  assert.equal(await page.getByRole('button', { name: /^GPE: 1 span/ }).count(), 1);
  await page.getByRole('button', { name: 'South Korea, GPE, 1 mention' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'North Korea, ORG, 1 mention' }).count(), 0);
  assert.deepEqual(page.errors, []);
  await page.context().close();
});

test('moves a highlight’s edges with Shift+arrows (end) and Alt+arrows (start)', async () => {
  const page = await fresh();
  await moveTo(page, 'Kursk');
  await page.keyboard.press('4');
  await page.keyboard.press('Shift+ArrowRight');
  assert.deepEqual(await highlights(page), [['Kursk region', 'LOC']]);
  await page.keyboard.press('Alt+ArrowLeft');
  assert.deepEqual(await highlights(page), [['western Kursk region', 'LOC']]);
  await page.keyboard.press('Alt+ArrowRight');
  await page.keyboard.press('Shift+ArrowLeft');
  assert.deepEqual(await highlights(page), [['Kursk', 'LOC']]);
  // A highlight keeps at least one token.
  await page.keyboard.press('Shift+ArrowLeft');
  assert.deepEqual(await highlights(page), [['Kursk', 'LOC']]);
  assert.match(await page.locator('#announcer').textContent(), /at least one token/);
  await page.context().close();
});

test('Tab reaches highlights; arrows move between words and highlights; Escape clears', async () => {
  const page = await fresh();
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  await moveTo(page, 'Pyongyang', { key: 'ArrowLeft' });
  await page.keyboard.press('3');
  const view = page.getByRole('application', { name: 'Annotated article' });
  await view.focus();
  await page.keyboard.press('Tab');
  assert.equal(await caretText(page), 'Pyongyang');
  await page.keyboard.press('Tab');
  assert.equal(await caretText(page), 'Moscow');
  await page.keyboard.press('ArrowUp');
  assert.equal(await caretText(page), 'Pyongyang');
  await page.keyboard.press('ArrowRight');
  assert.equal(await caretText(page), 'has');
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('region', { name: 'Selection' }).count(), 0, 'the selection bar closes');
  await page.context().close();
});

test('edits a value, and applies a label to all mentions', async () => {
  const page = await fresh();
  await moveTo(page, '11,000');
  await page.keyboard.press('9');
  await page.keyboard.press('e');
  const value = page.getByRole('textbox', { name: 'Value' });
  assert.equal(await value.evaluate((el) => el === document.activeElement), true);
  await value.fill('11000');
  await value.press('Enter');
  const mark = page.locator('mark[data-lede-label="CARDINAL"]');
  assert.equal(await mark.getAttribute('aria-label'), '11,000, CARDINAL, 11000');
  assert.equal(await mark.getAttribute('data-lede-badge'), 'CARDINAL · 11000');
  // A value that does not parse is refused with a message.
  await mark.focus();
  await page.keyboard.press('e');
  await value.fill('eleven');
  await value.press('Enter');
  await page.getByRole('alert').filter({ hasText: 'Type a number' }).waitFor();
  // Escape in the selection bar goes back to the highlight, still selected.
  await page.keyboard.press('Escape');
  assert.equal(await caretText(page), '11,000');
  assert.equal(await mark.getAttribute('aria-label'), '11,000, CARDINAL, 11000');

  // "All mentions": label one "Russia" and both are labelled; relabel and delete both.
  await page.getByRole('application', { name: 'Annotated article' }).focus();
  await page.keyboard.press('Home');
  await moveTo(page, 'Russia');
  await page.keyboard.press('a');
  await page.keyboard.press('3');
  assert.deepEqual((await highlights(page)).filter(([t]) => t === 'Russia'), [['Russia', 'GPE'], ['Russia', 'GPE']]);
  await page.keyboard.press('4');
  assert.deepEqual((await highlights(page)).filter(([t]) => t === 'Russia'), [['Russia', 'LOC'], ['Russia', 'LOC']]);
  await page.keyboard.press('Backspace');
  assert.deepEqual((await highlights(page)).filter(([t]) => t === 'Russia'), []);
  await page.keyboard.press('a');
  await page.context().close();
});

test('m opens the label menu: arrows pick a label, Enter applies it', async () => {
  const page = await fresh();
  await moveTo(page, 'Kursk');
  await page.keyboard.press('m');
  const menu = page.getByRole('group', { name: 'Label as' });
  assert.equal(await menu.evaluate((el) => el.contains(document.activeElement)), true);
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'PERSON1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  assert.deepEqual(await highlights(page), [['Kursk', 'LOC']]);
  await page.context().close();
});

test('a label of one’s own, with a colour and a key', async () => {
  const page = await fresh();
  await page.getByText('Add a label').click();
  await page.getByRole('textbox', { name: 'Name' }).fill('MILITARY');
  await page.getByLabel('Colour').fill('#117733');
  await page.getByRole('textbox', { name: 'Key' }).fill('3');
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByRole('alert').filter({ hasText: 'The key 3 already labels GPE.' }).waitFor();
  await page.getByRole('textbox', { name: 'Key' }).fill('w');
  await page.getByRole('button', { name: 'Add label' }).click();
  await page.getByRole('button', { name: 'MILITARY: 0 spans, key w' }).waitFor();
  await page.getByRole('application', { name: 'Annotated article' }).focus();
  await moveTo(page, 'military');
  await page.keyboard.press('w');
  assert.deepEqual(await highlights(page), [['military', 'MILITARY']]);
  const color = await page.locator('mark[data-lede-label="MILITARY"]').evaluate((m) => getComputedStyle(m).borderBottomColor);
  assert.equal(color, 'rgb(17, 119, 51)');
  await page.getByRole('button', { name: 'MILITARY: 1 span, key w' }).waitFor();
  await page.context().close();
});

test('the legend hides and shows a label’s highlights', async () => {
  const page = await fresh();
  await moveTo(page, 'Moscow');
  await page.keyboard.press('3');
  const toggle = page.getByRole('button', { name: /^GPE: 1 span/ });
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const mark = page.locator('mark[data-lede-label="GPE"]');
  assert.equal(await mark.evaluate((m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)');
  await toggle.click();
  assert.notEqual(await mark.evaluate((m) => getComputedStyle(m).backgroundColor), 'rgba(0, 0, 0, 0)');
  await page.context().close();
});

test('? opens the shortcut help; Escape closes it', async () => {
  const page = await fresh();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await help.waitFor();
  await help.getByText('Next / previous doubtful highlight').waitFor();
  await help.getByRole('row', { name: '3 GPE' }).waitFor();
  await page.keyboard.press('Escape');
  await help.waitFor({ state: 'hidden' });
  await page.context().close();
});

test('a number a person labels gets the engine’s value', async () => {
  const page = await fresh();
  await moveTo(page, '11,000');
  await page.keyboard.press('9');
  const mark = page.locator('mark', { hasText: '11,000' });
  await page.waitForFunction(() => document.querySelector('mark[data-lede-label="CARDINAL"]')?.dataset.ledeBadge?.includes('·'));
  assert.equal(await mark.getAttribute('data-lede-badge'), 'CARDINAL · 11000');
  assert.deepEqual(page.errors, []);
  await page.context().close();
});
