// What the site's page (app.js) and the extension's panel (ext/panel.js) show and
// do around the annotated text in the same way: the status and alert lines, the
// toolbar's counts and enabled states, the reference date line, the export menu's
// formats, the page-wide shortcuts, and looking up the engine's value for a span a
// person added. Each takes
// the page's `$` (id → element), so both pages keep their own elements.

/**
 * @typedef {import('./state.js').DocState} DocState
 * @typedef {import('./state.js').Span} Span
 * @typedef {import('./worker-client.js').AnnotatorClient} AnnotatorClient
 * @typedef {import('./editor.js').Editor} Editor
 * @typedef {(id: string) => HTMLElement} ById
 */

/** The export menu: accessible names and the engine's format ids. */
export const FORMATS = [
  ['lede JSON', 'lede-json'], ['Prodigy JSONL', 'prodigy-jsonl'], ['CoNLL-2003', 'conll2003'],
  ['brat', 'brat'], ['Web Annotation', 'web-annotation'], ['CSV', 'csv'],
];

/** How the reference date line says where the date came from. */
export const REF_DATE_SOURCES = {
  given: 'set by you', dateline: 'from the dateline', published: 'from the published date',
  today: 'today — no date found in the text', unknown: 'unknown — relative dates are guesses',
};

/**
 * The page's message lines: `announce` speaks to screen readers without showing,
 * `status` shows progress, `alertUser` shows a problem that needs attention
 * (storage, import, export) until closed.
 * @param {ById} $
 */
export function messages($) {
  const announcer = $('announcer');
  $('alert-close').addEventListener('click', () => { $('alert').hidden = true; });
  return {
    /** @param {string} message */
    announce(message) {
      announcer.textContent = announcer.textContent === message ? `${message}\u00a0` : message;
    },
    /** @param {string} message */
    status(message) {
      $('status').textContent = message;
    },
    /** @param {string} message */
    alertUser(message) {
      $('alert-text').textContent = message;
      $('alert').hidden = false;
    },
  };
}

/**
 * The toolbar's doubtful count, undo and redo states and highlight count.
 * @param {ById} $
 * @param {DocState} state
 */
export function showToolbar($, state) {
  const doubtful = state.doubtfulCount;
  $('next-doubtful').textContent = `Next doubtful (${doubtful})`;
  /** @type {HTMLButtonElement} */ ($('next-doubtful')).disabled = doubtful === 0;
  /** @type {HTMLButtonElement} */ ($('undo')).disabled = !state.history.canUndo;
  /** @type {HTMLButtonElement} */ ($('redo')).disabled = !state.history.canRedo;
  $('span-count').textContent = `${state.sorted.length} ${state.sorted.length === 1 ? 'highlight' : 'highlights'}`;
}

/**
 * The reference date input and the line saying where it came from.
 * @param {ById} $
 * @param {DocState} state
 */
export function showRefDate($, state) {
  /** @type {HTMLInputElement} */ ($('ref-date')).value = state.refDate.slice(0, 10);
  $('ref-date-source').textContent = REF_DATE_SOURCES[state.refDateSource] ?? state.refDateSource;
}

/**
 * Gives spans a person added with a value label (MONEY, DATE, …) the engine's
 * value for their text, one request per distinct label and text. Stops when
 * `isOpen(doc)` says the document was closed meanwhile.
 * @param {AnnotatorClient} client
 * @param {DocState} doc
 * @param {Span[]} spans
 * @param {(doc: DocState) => boolean} isOpen
 */
export async function lookUpValues(client, doc, spans, isOpen) {
  const wanted = spans.filter((s) => s.source === 'user' && !s.value && !s.valueByUser && doc.labels.get(s.label)?.valueKind);
  const byText = new Map();
  for (const s of wanted) {
    const key = `${s.label}\u0000${doc.slice(s)}`;
    byText.set(key, [...(byText.get(key) ?? []), s]);
  }
  for (const [key, group] of byText) {
    const [label, text] = key.split('\u0000');
    try {
      const value = await client.value(text, label, doc.refDate);
      if (!value || !isOpen(doc)) continue;
      for (const s of group) if (doc.span(s.id)) doc.amend(s.id, { value });
    } catch {
      // No value is a normal outcome; the person can type one.
    }
  }
}

/** @param {EventTarget|null} target */
const isTyping = (target) => target instanceof HTMLElement
  && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/**
 * The shortcuts that work anywhere on the page but in a text field or dialog:
 * Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y undo and redo, ? opens the help, n / Shift+N
 * visit doubtful highlights (when a document is open).
 * @param {ById} $
 * @param {Editor} editor
 * @param {() => boolean} hasDocument
 */
export function pageShortcuts($, editor, hasDocument) {
  document.addEventListener('keydown', (e) => {
    if (e.defaultPrevented || isTyping(e.target) || document.querySelector('dialog[open]')) return;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && !e.altKey && key === 'z') {
      e.preventDefault();
      editor.step(e.shiftKey ? 'redo' : 'undo');
    } else if (mod && !e.altKey && key === 'y') {
      e.preventDefault();
      editor.step('redo');
    } else if (!mod && !e.altKey && e.key === '?') {
      e.preventDefault();
      $('help-button').click();
    } else if (!mod && !e.altKey && key === 'n' && hasDocument()) {
      e.preventDefault();
      editor.nextDoubtful(e.shiftKey ? -1 : 1);
    }
  });
}
