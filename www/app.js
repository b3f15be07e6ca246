// Wires the site's page: the input form, the annotated text with its legend,
// entity list and selection bar, the toolbar (undo, redo, doubtful review,
// export, documents, help), file open and drop, and saving. The parts are
// reusable modules that take their root element; this file only connects them
// to this page's elements and to each other.
import { AnnotatorClient } from './worker-client.js';
import { DocState } from './state.js';
import { TextView } from './render.js';
import { Editor, RESERVED_KEYS } from './editor.js';
import { Inspector } from './inspector.js';
import { Legend } from './legend.js';
import { LabelSet } from './labels.js';
import { EntityList } from './entity-list.js';
import { MenuButton } from './menu.js';
import { Progress } from './progress.js';
import { Autosave, Store, documentKey } from './store.js';
import { showHelp } from './help.js';
import { showDocuments } from './documents.js';
import { ACCEPT, openFiles } from './open-file.js';
import { download, fileStem } from './download.js';
import { fromLedeDocument, toLedeDocument } from './lede-json.js';
import { defineLabel, mergeEngineRun } from './edits.js';
import { FORMATS, REF_DATE_SOURCES, lookUpValues, messages, pageShortcuts, showRefDate as showRefDateOf, showToolbar } from './controls.js';

/**
 * @typedef {import('./state.js').ChangeDetail} ChangeDetail
 * @typedef {import('./state.js').Span} Span
 * @typedef {import('./worker-client.js').EngineResult} EngineResult
 * @typedef {{date: string, source: string}} RefDateHint a reference date chosen before annotating
 */

const $ = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));
const article = /** @type {HTMLTextAreaElement} */ ($('article'));
const refDateInput = /** @type {HTMLInputElement} */ ($('ref-date'));
const fileInput = /** @type {HTMLInputElement} */ ($('file-input'));

const client = new AnnotatorClient();
const progress = new Progress($('progress'));
/** @type {DocState|null} */
let state = null;
/** @type {Set<string>} */
let hidden = new Set();
/** @type {RefDateHint|null} */
let refDateHint = null;
/** When the last key or pointer input happened (for the edit-to-paint measure). */
let lastInputAt = 0;
/** @type {ReturnType<Progress['start']>|null} */
let renderJob = null;

// ---- messages -----------------------------------------------------------------

const { announce, status, alertUser } = messages($);

// ---- storage -------------------------------------------------------------------

/** @type {Store|null} */
let store = null;
try {
  store = await Store.open();
} catch (err) {
  alertUser(/** @type {Error} */ (err).message);
}
const savedLabel = $('saved');
const autosave = new Autosave(store, {
  onSaved: () => { savedLabel.textContent = 'All changes saved'; },
  onError: (err) => {
    savedLabel.textContent = 'Not saved';
    alertUser(err.message);
  },
});

// ---- the annotator's parts ------------------------------------------------------

const view = new TextView($('text'), {
  onProgress: (done, total) => renderJob?.update(done / total),
  bottomInset: () => ($('inspector').hidden ? 0 : $('inspector').offsetHeight),
});
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
  onSelection: (sel) => inspector.show(sel),
  openMenu: () => inspector.focusLabels(),
  editValue: () => inspector.focusValue(),
});
const legend = new Legend($('legend'), {
  onToggle: (label, shown) => {
    if (shown) hidden.delete(label);
    else hidden.add(label);
    hidden = new Set(hidden);
    view.setHidden(hidden);
    refreshPanels();
    announce(`${label} highlights ${shown ? 'shown' : 'hidden'}`);
  },
  onAddLabel: (def) => {
    if (!state) return 'Annotate a text first.';
    const problem = state.labels.problemWith(def, RESERVED_KEYS);
    if (problem) return problem;
    state.commit(defineLabel(state, def));
    return '';
  },
});
const entityList = new EntityList($('entities'), { onPick: (span) => editor.selectSpan(span) });
const exportButton = /** @type {HTMLButtonElement} */ ($('export'));
new MenuButton(exportButton, FORMATS.map(([label, format]) => ({ label, onSelect: () => exportAs(format, label) })));

// ---- showing a document ------------------------------------------------------------

let entityListDue = false;
/**
 * The entity list regroups every span (23 ms for 17,000 spans), so it follows
 * an edit in the task after the edit is painted rather than delaying the paint.
 */
function refreshEntityListSoon() {
  if (entityListDue) return;
  entityListDue = true;
  requestAnimationFrame(() => setTimeout(() => {
    entityListDue = false;
    if (state) entityList.render(state);
  }, 0));
}

function refreshPanels() {
  if (!state) return;
  legend.render(state.labels, state.labelCounts(), hidden);
  refreshEntityListSoon();
  showToolbar($, state);
}

function showRefDate() {
  if (!state) return;
  showRefDateOf($, state);
}

/** @param {CustomEvent<ChangeDetail>} event */
function onChange(event) {
  const { patch, cause } = event.detail;
  // Measured first, so the measure's callbacks run before the deferred panel work's.
  if (cause !== 'amend' && cause !== 'engine') measureSince(lastInputAt, 'lede:edit');
  view.update(patch);
  if (patch.set?.labels) view.refreshLabels();
  if (patch.set?.refDate || patch.set?.refDateSource) showRefDate();
  refreshPanels();
  // The document this change belongs to, not whichever is open when the save runs.
  const doc = /** @type {DocState} */ (event.target);
  autosave.schedule(doc, () => doc.snapshot());
  savedLabel.textContent = store ? 'Saving…' : 'Not saved';
  if (cause === 'edit' && state) lookUpValues(client, state, patch.added, (looked) => state === looked);
}

/**
 * Records how long an input took to show on screen: `name:frame` until the
 * frame that shows it starts (all the page's own work done), `name` until the
 * task after that frame (painted).
 * @param {number} since a performance.now() time
 * @param {string} name
 */
function measureSince(since, name) {
  if (!since) return;
  requestAnimationFrame(() => {
    const frame = performance.now();
    setTimeout(() => {
      performance.measure(`${name}:frame`, { start: since, end: frame });
      performance.measure(name, { start: since, end: performance.now() });
    }, 0);
  });
}

/**
 * Makes `next` the open document.
 * @param {DocState} next
 * @param {{focus?: boolean, editable?: boolean}} [options]
 */
function openState(next, { focus = false, editable = true } = {}) {
  state?.removeEventListener('change', /** @type {EventListener} */ (onChange));
  state = next;
  state.addEventListener('change', /** @type {EventListener} */ (onChange));
  showTextBox(false);
  // Counting 50,000 words is not worth delaying the first screen for.
  $('doc-summary').textContent = `“${state.title}”`;
  const counted = state;
  const later = globalThis.requestIdleCallback ?? ((/** @type {() => void} */ f) => setTimeout(f, 50));
  later(() => {
    if (state === counted) $('doc-summary').textContent = `“${counted.title}” — ${counted.words.toLocaleString()} words`;
  });
  document.title = `${state.title} — lede`;
  showRefDate();
  $('workspace').hidden = false;
  exportButton.disabled = false;
  renderJob?.done();
  const job = progress.start('Showing highlights…');
  renderJob = job;
  view.show(state).then(() => job.done());
  refreshPanels();
  if (editable) enableEditing(focus);
  else editor.setState(/** @type {any} */ (null));
  store?.setLast(state.key).catch((err) => alertUser(err.message));
}

/** @param {boolean} focus */
function enableEditing(focus) {
  if (!state) return;
  editor.setState(state);
  if (focus) view.root.focus();
}

// ---- annotating ---------------------------------------------------------------------

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/**
 * A new document from the engine's result.
 * @param {string} text @param {string} key @param {EngineResult} result @param {RefDateHint|null} hint
 */
function newState(text, key, result, hint) {
  return new DocState({
    key, text, tokens: result.tokens, sentences: result.sentences, refDate: result.refDate,
    refDateSource: hint?.source ?? result.refDateSource, spans: result.spans,
  });
}

/** Set while the engine runs for the page: a second request meanwhile is dropped, not raced. */
let annotating = false;

/** @param {() => Promise<void>} work */
async function exclusively(work) {
  if (annotating) return;
  annotating = true;
  try {
    await work();
  } finally {
    annotating = false;
  }
}

const annotate = () => exclusively(annotateNow);

async function annotateNow() {
  // With the text box folded away, Annotate runs the open document again.
  const text = textBoxShown() ? article.value : state?.text ?? '';
  if (!text.trim()) {
    status('Paste or type an article first.');
    article.focus();
    return;
  }
  status('Annotating…');
  performance.clearMarks('lede:annotate');
  performance.mark('lede:annotate');
  const key = documentKey(text);
  if (state?.key === key) return rerun(refDateHint?.date);
  let saved = null;
  try {
    // Only ask storage when it holds this text: a database round trip is ~30 ms of the first screen.
    // Changes still waiting to be saved are saved first, so what is read back is current.
    if (store?.has(key)) {
      await autosave.flush();
      saved = await store.load(key);
    }
  } catch (err) {
    alertUser(/** @type {Error} */ (err).message);
  }
  if (saved) {
    openState(new DocState(saved), { focus: true });
    status('Reopened your saved work on this text.');
    return;
  }
  const hint = refDateHint;
  refDateHint = null;
  // Fold the text box now: left showing, the blur of a 300 kB textarea relays it out
  // (130 ms) in the very frame that should show the first highlights.
  showTextBox(false);
  const job = progress.start('Annotating…');
  /** @type {DocState|null} */
  let opening = null;
  try {
    const options = { today: today(), ...(hint && { refDate: hint.date }) };
    const result = await client.annotate(text, options, (partial) => {
      opening = newState(text, key, partial, hint);
      openState(opening, { editable: false });
      markFirstScreen();
      job.relabel('Annotating the rest…');
    });
    let doc = /** @type {DocState|null} */ (opening);
    if (doc) {
      // The whole text's run replaces the opening's engine spans; not an undo step.
      doc.tokens = result.tokens;
      doc.sentences = result.sentences;
      doc.absorb(mergeEngineRun(doc, { ...result, refDateSource: hint?.source ?? result.refDateSource }));
      // Unless the person has opened another document meanwhile, this one is now editable.
      if (state === doc) enableEditing(true);
    } else {
      doc = newState(text, key, result, hint);
      openState(doc, { focus: true });
      markFirstScreen();
    }
    status(`Annotated ${doc.words.toLocaleString()} words in ${Math.round(result.elapsedMs)} ms: ${doc.sorted.length} highlights.`);
    await store?.create(doc, doc.snapshot()).then(() => { savedLabel.textContent = 'All changes saved'; });
  } catch (err) {
    const e = /** @type {Error} */ (err);
    if (e.name === 'StorageError') alertUser(e.message);
    else {
      status(`Could not annotate: ${e.message}`);
      if (!opening) showTextBox(true);
    }
  } finally {
    job.done();
  }
}

function markFirstScreen() {
  requestAnimationFrame(() => setTimeout(() => {
    performance.measure('lede:first-screen', 'lede:annotate');
  }, 0));
}

/**
 * Runs the engine again on the open document (a new reference date, or Annotate
 * pressed on the same text), keeping every span a person made or deleted.
 * @param {string} [refDate] a date the person chose
 */
async function rerun(refDate) {
  const doc = state;
  if (!doc) return;
  refDateHint = null;
  const keepDate = refDate ?? (doc.refDateSource === 'given' || doc.refDateSource === 'published' ? doc.refDate : undefined);
  const job = progress.start('Annotating…');
  try {
    const result = await client.annotate(doc.text, { today: today(), ...(keepDate && { refDate: keepDate }) });
    if (state !== doc) return;
    const source = refDate ? 'given' : keepDate ? doc.refDateSource : result.refDateSource;
    const patch = doc.commit(mergeEngineRun(doc, { ...result, refDateSource: source }));
    const changed = patch ? patch.added.length + patch.removed.length : 0;
    status(refDate ? `Reference date ${refDate}: ${changed ? `${changed} highlight changes` : 'no highlight changed'}.`
      : `Annotated again: ${changed ? `${changed} highlight changes` : 'nothing changed'}; your corrections are kept.`);
  } catch (err) {
    status(`Could not annotate: ${/** @type {Error} */ (err).message}`);
  } finally {
    job.done();
  }
}

refDateInput.addEventListener('change', () => {
  const date = refDateInput.value;
  if (!date) return;
  if (state && (!textBoxShown() || state.text === article.value)) {
    if (date !== state.refDate.slice(0, 10)) exclusively(() => rerun(date));
  } else {
    refDateHint = { date, source: 'given' };
    $('ref-date-source').textContent = REF_DATE_SOURCES.given;
  }
});

$('annotate').addEventListener('click', annotate);
article.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    annotate();
  }
});
/** Whether the text box is unfolded. */
const textBoxShown = () => !$('article-area').hidden;

/**
 * Unfolds or folds the text box. Folded while a document is open: the text is in
 * the annotated view, and a browser lays out a 300 kB textarea slowly.
 * @param {boolean} show
 */
function showTextBox(show) {
  $('article-area').hidden = !show;
  const toggle = $('toggle-text');
  toggle.hidden = !state;
  $('new-article').hidden = !state;
  $('doc-summary').hidden = show || !state;
  toggle.setAttribute('aria-expanded', String(show));
  toggle.textContent = show ? 'Hide text' : 'Edit text';
}

/** Puts `text` in the (unfolded) text box to be annotated. @param {string} text */
function useText(text) {
  showTextBox(true);
  article.value = text;
}

$('toggle-text').addEventListener('click', () => {
  const show = !textBoxShown();
  if (show && state && article.value !== state.text) article.value = state.text;
  showTextBox(show);
  if (show) article.focus();
});
$('new-article').addEventListener('click', () => {
  useText('');
  refDateHint = null;
  article.focus();
  status('Paste or type the new article, then press Annotate.');
});
// A paste of a long article goes in as one value change: the browser's editing
// path inserts 300 kB into a textarea in tens of seconds (measured in Chromium).
article.addEventListener('paste', (e) => {
  const text = e.clipboardData?.getData('text/plain') ?? '';
  if (text.length < 20_000) return;
  e.preventDefault();
  article.setRangeText(text, article.selectionStart, article.selectionEnd, 'end');
  article.dispatchEvent(new Event('input', { bubbles: true }));
});

article.addEventListener('input', () => {
  if (state && article.value !== state.text) status('The text changed: press Annotate to annotate it as a new document.');
});

// ---- files: open, drop, import, export ------------------------------------------------

fileInput.accept = ACCEPT;
$('open-file').addEventListener('click', () => fileInput.click());
fileInput.addEventListener('change', () => {
  const files = [...(fileInput.files ?? [])];
  fileInput.value = '';
  if (files.length) openChosen(files);
});

/** @param {File[]} files */
async function openChosen(files) {
  const job = progress.start(`Opening ${files.map((f) => f.name).join(', ')}…`);
  try {
    const opened = await openFiles(files, client);
    if (opened.kind === 'text') {
      useText(opened.text);
      refDateHint = opened.refDate ? { date: opened.refDate, source: opened.refDateSource ?? 'given' } : null;
      if (refDateHint) refDateInput.value = refDateHint.date;
      job.done();
      await annotate();
    } else {
      await openDocument(opened.doc, opened.name);
    }
  } catch (err) {
    alertUser(`Could not open ${files.map((f) => f.name).join(', ')}: ${/** @type {Error} */ (err).message}`);
  } finally {
    job.done();
  }
}

/**
 * Opens an imported document as a new one (a copy: it never replaces saved work).
 * @param {import('./worker-client.js').LedeDocument} doc
 * @param {string} name
 */
async function openDocument(doc, name) {
  const parsed = fromLedeDocument(doc);
  // Tokens and sentences are lede's own; the file's spans are the annotation.
  const result = await client.annotate(parsed.text, {
    entities: false, values: false, today: today(), ...(parsed.refDate && { refDate: parsed.refDate }),
  });
  const next = new DocState({
    key: `${documentKey(parsed.text)}@${Date.now()}`, text: parsed.text, tokens: result.tokens,
    sentences: result.sentences, refDate: parsed.refDate ?? result.refDate, refDateSource: parsed.refDateSource, spans: parsed.spans,
  });
  openState(next, { focus: true });
  // The importer lists what it left out (overlapping or whitespace-only spans); say so.
  const warnings = doc.import?.warnings ?? [];
  const left = next.droppedOverlaps + parsed.mismatched;
  const notes = [...warnings, ...(left ? [`${left} spans overlapped others or did not match the text`] : [])];
  status(`Opened ${name}: ${next.sorted.length} highlights.${notes.length ? ` Left out: ${notes.join('; ')}.` : ''}`);
  await store?.create(next, next.snapshot()).catch((err) => alertUser(err.message));
}

/**
 * @param {string} format the engine's format id
 * @param {string} label the format's name
 */
async function exportAs(format, label) {
  if (!state) return;
  const stem = fileStem(state.title);
  const job = progress.start(`Exporting ${label}…`);
  try {
    // `name` is the exporter's file-name stem; each format adds its extension.
    const files = await client.exportDocument({ ...toLedeDocument(state), name: stem }, format);
    await download(files);
    status(`Exported ${files.map((f) => f.name).join(' and ')}.`);
  } catch (err) {
    alertUser(`Could not export ${label}: ${/** @type {Error} */ (err).message}`);
  } finally {
    job.done();
  }
}

// Drop a file (or text) anywhere on the page.
document.addEventListener('dragover', (e) => {
  if (!e.dataTransfer?.types.some((t) => t === 'Files' || t === 'text/plain')) return;
  e.preventDefault();
  document.body.classList.add('is-dropping');
});
document.addEventListener('dragleave', (e) => {
  if (!e.relatedTarget) document.body.classList.remove('is-dropping');
});
document.addEventListener('drop', (e) => {
  document.body.classList.remove('is-dropping');
  const files = [...(e.dataTransfer?.files ?? [])];
  const text = e.dataTransfer?.getData('text/plain');
  if (!files.length && !text) return;
  e.preventDefault();
  if (files.length) openChosen(files);
  else if (text) {
    useText(text);
    annotate();
  }
});

// ---- toolbar, dialogs and page-wide keys ------------------------------------------------

$('undo').addEventListener('click', () => editor.step('undo'));
$('redo').addEventListener('click', () => editor.step('redo'));
$('next-doubtful').addEventListener('click', () => editor.nextDoubtful(1));
$('help-button').addEventListener('click', () => showHelp(/** @type {HTMLDialogElement} */ ($('help')), state?.labels ?? new LabelSet()));
$('documents-button').addEventListener('click', () => showDocuments(/** @type {HTMLDialogElement} */ ($('documents')), store, {
  currentKey: state?.key,
  onError: (err) => alertUser(err.message),
  onOpen: async (key) => {
    try {
      await autosave.flush();
      const saved = await store?.load(key);
      if (saved) openState(new DocState(saved), { focus: true });
      else alertUser('That document is no longer saved.');
    } catch (err) {
      alertUser(/** @type {Error} */ (err).message);
    }
  },
}));

document.addEventListener('keydown', (e) => { lastInputAt = e.timeStamp; }, true);
document.addEventListener('pointerdown', (e) => { lastInputAt = e.timeStamp; }, true);
pageShortcuts($, editor, () => state !== null);

// ---- start: reopen the last document -----------------------------------------------------

client.version().then((v) => { $('version').textContent = `v${v}`; }).catch(() => {});
try {
  const last = await store?.getLast();
  const saved = last ? await store?.load(last) : null;
  if (saved) {
    openState(new DocState(saved));
    status(`Reopened “${saved.title}”.`);
  }
} catch (err) {
  alertUser(/** @type {Error} */ (err).message);
}
document.body.dataset.ready = 'true';
