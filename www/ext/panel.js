// The extension's panel: the annotator for the page in the tab, shown beside it.
// It asks the content script for the article the page holds, runs the engine on
// it in a worker (the panel is an extension page, whose CSP allows wasm whatever
// the page's own CSP says), restores or carries over the person's earlier
// corrections on that page, and shows the legend, entity list, the text with its
// highlights, the selection bar, undo/redo and export — the site's modules,
// wired here as app.js wires them on the site. Every change is mirrored to the
// page's own highlights through the content script's port, and saved in the
// extension's storage keyed by the page's URL and its text.
import { AnnotatorClient } from '../worker-client.js';
import { DocState } from '../state.js';
import { TextView } from '../render.js';
import { Editor, RESERVED_KEYS } from '../editor.js';
import { Inspector } from '../inspector.js';
import { Legend } from '../legend.js';
import { EntityList } from '../entity-list.js';
import { MenuButton } from '../menu.js';
import { Progress } from '../progress.js';
import { Autosave, documentKey } from '../store.js';
import { showHelp } from '../help.js';
import { download, fileStem } from '../download.js';
import { toLedeDocument } from '../lede-json.js';
import { defineLabel, mergeEngineRun } from '../edits.js';
import { FORMATS, lookUpValues, messages, pageShortcuts, showRefDate as showRefDateOf, showToolbar } from '../controls.js';
import { ExtensionStore } from './extension-store.js';
import { carryOver } from './carry-over.js';

/**
 * @typedef {import('../state.js').Span} Span
 * @typedef {import('../state.js').ChangeDetail} ChangeDetail
 * @typedef {import('./content.js').ArticleMessage} ArticleMessage
 * @typedef {import('./content.js').PageMessage} PageMessage
 * @typedef {import('./content.js').PanelMessage} PanelMessage
 * @typedef {import('./page-marks.js').PageSpan} PageSpan
 */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const refDateInput = /** @type {HTMLInputElement} */ ($('ref-date'));

// ---- messages ------------------------------------------------------------------

const { announce, status, alertUser } = messages($);

// ---- saving ---------------------------------------------------------------------------

const store = await ExtensionStore.open();
const savedLabel = $('saved');
const autosave = new Autosave(store, {
  onSaved: () => { savedLabel.textContent = 'All changes saved'; },
  onError: (err) => {
    savedLabel.textContent = 'Not saved';
    alertUser(err.message);
  },
});

// ---- the page's port ----------------------------------------------------------------

/**
 * The content script of the tab this panel is framed in. The port is the only
 * channel to the page: window.postMessage would let the page's scripts listen in.
 */
const tabId = (await chrome.tabs.getCurrent())?.id
  // Where a browser does not count a frame as being in its tab, the background knows the sender's tab.
  ?? await chrome.runtime.sendMessage({ type: 'lede:which-tab' }).catch(() => undefined);
if (typeof tabId !== 'number') {
  status('Open lede from the toolbar button on the page you are reading.');
  throw new Error('the panel is not inside a tab');
}
// Named with the secret the content script put in this frame's URL: it serves no other port.
const port = chrome.tabs.connect(tabId, { name: `lede-panel:${location.hash.slice(1)}`, frameId: 0 });
/** @type {((article: ArticleMessage) => void)|null} */
let articleArrived = null;
/** @type {(() => void)|null} */
let placedArrived = null;
port.onMessage.addListener((/** @type {PageMessage} */ message) => {
  if (message.type === 'article') articleArrived?.(message.article);
  else if (message.type === 'placed') {
    placedArrived?.();
    placedArrived = null;
    if (message.missing) {
      status(`${message.missing} highlights could not be placed in the page: its text changed since it was annotated. Close lede and open it again.`);
    }
  } else if (message.type === 'pick') pickFromPage(message.id);
  else if (message.type === 'closing') autosave.flush().finally(() => toPage({ type: 'close' }));
});
port.onDisconnect.addListener(() => status('The page has gone; close this panel.'));
/** @param {PanelMessage} message */
const toPage = (message) => port.postMessage(message);

// ---- the annotator's parts ------------------------------------------------------------

const client = new AnnotatorClient();
const progress = new Progress($('progress'));
/** @type {DocState|null} */
let state = null;
/** The page this panel annotates (its URL without the fragment): the scope of its documents. */
let pageUrl = '';
/** @type {Set<string>} */
let hidden = new Set();
/** Set while a selection comes from a click in the page (no need to scroll the page to it). */
let pickedInPage = false;

const view = new TextView($('text'), { bottomInset: () => ($('inspector').hidden ? 0 : $('inspector').offsetHeight) });
const inspector = new Inspector($('inspector'), {
  onLabel: (label) => editor.label(label),
  onDelete: () => editor.deleteSpan(),
  onConfirm: () => editor.confirm(),
  onValue: (text) => editor.setValue(text),
  onAllMentions: (on) => editor.setAllMentions(on),
  onClose: () => editor.clear({ focus: true }),
  onReturn: () => editor.refocus(),
});
const editor = new Editor(view, {
  announce,
  onSelection: (sel) => {
    inspector.show(sel);
    // A highlight selected here is shown in the page too.
    if (sel?.span && !pickedInPage) toPage({ type: 'reveal', id: sel.span.id });
  },
  openMenu: () => inspector.focusLabels(),
  editValue: () => inspector.focusValue(),
});
const legend = new Legend($('legend'), {
  onToggle: (label, shown) => {
    if (shown) hidden.delete(label);
    else hidden.add(label);
    hidden = new Set(hidden);
    view.setHidden(hidden);
    toPage({ type: 'hidden', labels: [...hidden] });
    refreshPanels();
    announce(`${label} highlights ${shown ? 'shown' : 'hidden'}`);
  },
  onAddLabel: (def) => {
    if (!state) return 'Wait until the article is annotated.';
    const problem = state.labels.problemWith(def, RESERVED_KEYS);
    if (problem) return problem;
    state.commit(defineLabel(state, def));
    return '';
  },
});
const entityList = new EntityList($('entities'), { onPick: (span) => editor.selectSpan(span) });
new MenuButton(/** @type {HTMLButtonElement} */ ($('export')), FORMATS.map(([label, format]) => ({ label, onSelect: () => exportAs(format, label) })));

/** A span as the page's highlighter needs it: offsets, label and the label's colour. @param {Span} span */
function pageSpan(span) {
  return { id: span.id, start: span.start, end: span.end, label: span.label, color: colorOf(span.label) };
}

/** The colour of a label: a user label's own, a built-in's from annotator.css. @param {string} label */
function colorOf(label) {
  const own = state?.labels.get(label)?.color;
  if (own) return own;
  const css = getComputedStyle(document.documentElement);
  return css.getPropertyValue(`--lede-${label}`).trim() || css.getPropertyValue('--lede-fallback').trim();
}

/** Selects, here, a highlight clicked in the page. @param {number} id */
function pickFromPage(id) {
  const span = state?.span(id);
  if (!span) return;
  pickedInPage = true;
  try {
    editor.selectSpan(span);
  } finally {
    pickedInPage = false;
  }
}

function refreshPanels() {
  if (!state) return;
  legend.render(state.labels, state.labelCounts(), hidden);
  entityList.render(state);
  showToolbar($, state);
}

function showRefDate() {
  if (!state) return;
  showRefDateOf($, state);
}

/** @param {CustomEvent<ChangeDetail>} event */
function onChange(event) {
  const { patch, cause } = event.detail;
  view.update(patch);
  if (patch.set?.labels) {
    view.refreshLabels();
    // A label's colour may have changed: the page's highlights are redrawn with it.
    toPage({ type: 'show', spans: /** @type {DocState} */ (event.target).sorted.map(pageSpan) });
  } else {
    toPage({ type: 'patch', removed: patch.removed.map((s) => s.id), added: patch.added.map(pageSpan) });
  }
  if (patch.set?.refDate || patch.set?.refDateSource) showRefDate();
  refreshPanels();
  const doc = /** @type {DocState} */ (event.target);
  autosave.schedule(doc, () => doc.snapshot());
  savedLabel.textContent = 'Saving…';
  if (cause === 'edit' && state) lookUpValues(client, state, patch.added, (looked) => state === looked);
}

/**
 * Shows a document here and its highlights in the page; resolves once the page has them.
 * @param {DocState} next
 */
function openState(next) {
  state?.removeEventListener('change', /** @type {EventListener} */ (onChange));
  state = next;
  state.addEventListener('change', /** @type {EventListener} */ (onChange));
  $('doc-title').textContent = state.title;
  $('workspace').hidden = false;
  showRefDate();
  const job = progress.start('Showing highlights…');
  view.show(state).then(() => job.done());
  refreshPanels();
  editor.setState(state);
  const spans = state.sorted.map(pageSpan);
  return new Promise((resolve) => {
    placedArrived = () => resolve(undefined);
    toPage({ type: 'show', spans });
  });
}

// ---- annotating the page ------------------------------------------------------------------

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** The article the content script read from the page. @returns {Promise<ArticleMessage>} */
function readArticle() {
  return new Promise((resolve) => {
    articleArrived = resolve;
    toPage({ type: 'article' });
  });
}

/**
 * Annotates the page's article, or reopens the corrections saved for it. Saved
 * work is found by the page's URL and text; if only the text changed, the last
 * corrections on that URL are carried over to the new text.
 */
async function start() {
  status('Reading the page…');
  const article = await readArticle();
  if (!article.text.trim()) {
    status('lede found no article text on this page.');
    return;
  }
  pageUrl = article.url;
  // A space cannot occur in a URL, so it ends the scope unambiguously.
  const key = documentKey(article.text, `${pageUrl} `);
  try {
    const saved = await store.load(key);
    if (saved) {
      await openState(new DocState(saved));
      status('Reopened your corrections on this page.');
      return;
    }
  } catch (err) {
    alertUser(/** @type {Error} */ (err).message);
  }
  let carried = null;
  try {
    const previous = await store.latestFor(pageUrl);
    const old = previous ? await store.load(previous) : null;
    if (old) carried = carryOver(old, article.text);
  } catch (err) {
    alertUser(/** @type {Error} */ (err).message);
  }
  const job = progress.start('Annotating…');
  status('Annotating…');
  try {
    // The published date is the reference date for "Friday", "last week"; one the person set wins.
    const refDate = carried?.refDate ?? article.published;
    const source = carried?.refDate ? 'given' : article.published ? 'published' : null;
    const result = await client.annotate(article.text, { today: today(), ...(refDate && { refDate }) });
    const doc = new DocState({
      key, text: article.text, tokens: result.tokens, sentences: result.sentences, refDate: result.refDate,
      refDateSource: source ?? result.refDateSource, labels: carried?.labels, spans: carried?.spans ?? result.spans,
      rejected: carried?.rejected, title: article.title,
    });
    // Carried-over corrections first; the engine's spans join around them.
    if (carried) doc.absorb(mergeEngineRun(doc, { ...result, refDateSource: doc.refDateSource }));
    await openState(doc);
    const kept = carried ? carried.spans.length : 0;
    status(`Annotated ${doc.words.toLocaleString()} words: ${doc.sorted.length} highlights.`
      + (carried ? ` The page changed since your last visit: ${kept} of your corrections carried over${carried.orphaned ? `, ${carried.orphaned} no longer found` : ''}.` : ''));
    await store.create(doc, doc.snapshot(), pageUrl);
    savedLabel.textContent = 'All changes saved';
  } catch (err) {
    const e = /** @type {Error} */ (err);
    if (e.name === 'StorageError') alertUser(e.message);
    else status(`Could not annotate: ${e.message}`);
  } finally {
    job.done();
  }
}

/** Runs the engine again with a reference date the person chose, keeping their corrections. @param {string} refDate */
async function rerun(refDate) {
  const doc = state;
  if (!doc) return;
  const job = progress.start('Annotating…');
  try {
    const result = await client.annotate(doc.text, { today: today(), refDate });
    if (state !== doc) return;
    const patch = doc.commit(mergeEngineRun(doc, { ...result, refDateSource: 'given' }));
    const changed = patch ? patch.added.length + patch.removed.length : 0;
    status(`Reference date ${refDate}: ${changed ? `${changed} highlight changes` : 'no highlight changed'}.`);
  } catch (err) {
    status(`Could not annotate: ${/** @type {Error} */ (err).message}`);
  } finally {
    job.done();
  }
}
refDateInput.addEventListener('change', () => {
  if (state && refDateInput.value && refDateInput.value !== state.refDate.slice(0, 10)) rerun(refDateInput.value);
});

/** @param {string} format @param {string} label */
async function exportAs(format, label) {
  if (!state) return;
  const job = progress.start(`Exporting ${label}…`);
  try {
    const files = await client.exportDocument({ ...toLedeDocument(state), name: fileStem(state.title) }, format);
    await download(files);
    status(`Exported ${files.map((f) => f.name).join(' and ')}.`);
  } catch (err) {
    alertUser(`Could not export ${label}: ${/** @type {Error} */ (err).message}`);
  } finally {
    job.done();
  }
}

// ---- toolbar and keys ----------------------------------------------------------------------

$('undo').addEventListener('click', () => editor.step('undo'));
$('redo').addEventListener('click', () => editor.step('redo'));
$('next-doubtful').addEventListener('click', () => editor.nextDoubtful(1));
$('help-button').addEventListener('click', () => {
  if (state) showHelp(/** @type {HTMLDialogElement} */ ($('help')), state.labels);
});
$('fold').addEventListener('click', () => {
  const folded = document.body.classList.toggle('is-folded');
  $('fold').textContent = folded ? '‹' : '›';
  $('fold').setAttribute('aria-expanded', String(!folded));
  $('fold').setAttribute('aria-label', folded ? 'Unfold the lede panel' : 'Fold the panel away');
  toPage({ type: 'fold', folded });
});
$('close').addEventListener('click', async () => {
  await autosave.flush();
  toPage({ type: 'close' });
});

pageShortcuts($, editor, () => state !== null);

await start();
// Ready: the page has its highlights (tests wait for this).
document.body.dataset.ready = 'true';
