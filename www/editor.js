// Correcting by keyboard and mouse. Keeps the selection — a run of whole tokens,
// or one span — and turns keys, clicks and drags into the edits of edits.js,
// committed to the document state (which records them for undo). A mouse
// selection snaps outward to token boundaries. When the selection is a span its
// <mark> has focus, so a screen reader reads its label; otherwise the selected
// tokens are drawn with a CSS highlight and announced.
import * as edits from './edits.js';
import { keySpecOf } from './labels.js';
import { isDoubtful } from './state.js';
import { displayValue, editableText, parseEditedValue } from './value-format.js';

/**
 * @typedef {import('./state.js').DocState} DocState
 * @typedef {import('./state.js').Span} Span
 * @typedef {import('./render.js').TextView} TextView
 * @typedef {import('./history.js').Patch} Patch
 * @typedef {import('./inspector.js').Selection} Selection
 * @typedef {{first: number, last: number}} TokenRun inclusive token indices
 * @typedef {{announce: (message: string) => void, onSelection: (sel: Selection|null) => void,
 *   openMenu: () => void, editValue: () => boolean}} EditorHooks
 */

/** Every shortcut, for the help overlay. Keys a label may not take are in RESERVED_KEYS. */
export const SHORTCUTS = [
  ['← / →', 'Previous / next word; onto a highlight selects it'],
  ['↑ / ↓', 'Previous / next highlight'],
  ['Home / End', 'First / last word'],
  ['Shift + ← / →', 'Move the end of the selection or of the highlight'],
  ['Alt + ← / →', 'Move the start of the selection or of the highlight'],
  ['Label key (1 … 9, 0, Shift + 1 … 5, your own)', 'Label the selection, or relabel the highlight'],
  ['Space', 'Confirm a doubtful highlight as it is'],
  ['Delete / Backspace', 'Delete the highlight'],
  ['a', 'Turn “all mentions” on or off (relabel, delete and label every mention)'],
  ['e or Enter', 'Edit the highlight’s value'],
  ['m', 'Open the label menu'],
  ['n / Shift + N', 'Next / previous doubtful highlight'],
  ['Escape', 'Clear the selection; close a menu or dialog'],
  ['Ctrl + Z', 'Undo'],
  ['Ctrl + Shift + Z or Ctrl + Y', 'Redo'],
  ['Ctrl + Enter in the text box', 'Annotate'],
  ['?', 'Show this help'],
];

/** Keys with a command of their own; no label can use them. */
export const RESERVED_KEYS = new Set(['a', 'A', 'e', 'E', 'm', 'M', 'n', 'N', '?', ' ']);

export class Editor {
  /**
   * @param {TextView} view
   * @param {EditorHooks} hooks
   */
  constructor(view, hooks) {
    this.view = view;
    this.hooks = hooks;
    /** @type {DocState|null} */
    this.state = null;
    /** @type {TokenRun|null} */
    this.run = null;
    /** @type {number|null} the selected span's id */
    this.spanId = null;
    this.allMentions = false;
    /** Set while the editor itself moves focus, so its focus handler does not re-select. */
    this.moving = false;
    /** Where the caret was when the selection was cleared; focus comes back there. */
    this.lastOffset = 0;
    this.followChange = (/** @type {Event} */ event) => this.#follow(/** @type {CustomEvent} */ (event).detail);
    const root = view.root;
    root.setAttribute('role', 'application');
    root.setAttribute('aria-roledescription', 'annotated text');
    root.tabIndex = 0;
    root.addEventListener('keydown', (e) => this.#key(e));
    root.addEventListener('focusin', (e) => this.#focusIn(e));
    root.addEventListener('pointerup', () => setTimeout(() => this.#mouseSelection(), 0));
    root.ownerDocument.addEventListener('pointerup', (e) => {
      if (!root.contains(/** @type {Node} */ (e.target))) setTimeout(() => this.#mouseSelection(), 0);
    });
    root.addEventListener('click', (e) => this.#click(e));
  }

  /** Starts editing a document (the view must show it). @param {DocState} state */
  setState(state) {
    this.state?.removeEventListener('change', this.followChange);
    state?.addEventListener('change', this.followChange);
    this.state = state;
    this.run = null;
    this.spanId = null;
    this.view.showCaret(null);
    this.#publish();
  }

  /** The selected span, if any. */
  get span() {
    return this.spanId === null ? undefined : this.state?.span(this.spanId);
  }

  /** The selected text range, or null. */
  get range() {
    const span = this.span;
    if (span) return { start: span.start, end: span.end };
    if (!this.run || !this.state) return null;
    return { start: this.state.tokenStart(this.run.first), end: this.state.tokenEnd(this.run.last) };
  }

  // ---- selecting -------------------------------------------------------------

  /**
   * Selects a span: focuses its mark and scrolls it into view.
   * @param {Span} span
   */
  selectSpan(span) {
    const state = this.state;
    if (!state) return;
    this.view.ensureBuilt(span.start);
    this.spanId = span.id;
    this.run = { first: Math.min(state.tokenAtOrAfter(span.start), state.tokenCount - 1), last: Math.max(0, state.tokenBefore(span.end)) };
    this.view.showCaret(null);
    const mark = this.view.marksOf(span.id)[0];
    if (mark && this.view.root.ownerDocument.activeElement !== mark) {
      this.moving = true;
      mark.focus({ preventScroll: true });
      this.moving = false;
    }
    this.view.reveal(span.start, span.end);
    this.#publish();
  }

  /**
   * Selects tokens first…last; a single token inside a span selects the span.
   * @param {number} first
   * @param {number} [last]
   */
  selectTokens(first, last = first) {
    const state = this.state;
    if (!state || !state.tokenCount) return;
    first = clamp(first, 0, state.tokenCount - 1);
    last = clamp(last, first, state.tokenCount - 1);
    if (first === last) {
      const span = state.spanAt(state.tokenStart(first));
      if (span) return this.selectSpan(span);
    }
    this.spanId = null;
    this.run = { first, last };
    const { start, end } = /** @type {{start: number, end: number}} */ (this.range);
    this.view.ensureBuilt(end);
    if (this.view.root.ownerDocument.activeElement !== this.view.root) {
      this.moving = true;
      this.view.root.focus({ preventScroll: true });
      this.moving = false;
    }
    this.view.showCaret(start, end);
    this.view.reveal(start, end);
    const text = state.text.slice(start, end);
    this.hooks.announce(first === last ? text : `${text} (${last - first + 1} words selected)`);
    this.#publish();
  }

  /** Puts focus back on the selection (from the selection bar), or on the text. */
  refocus() {
    const span = this.span;
    if (span) return this.selectSpan(span);
    if (this.run) return this.selectTokens(this.run.first, this.run.last);
    this.view.root.focus();
  }

  /**
   * Clears the selection; with `focus`, leaves focus on the text (where the caret
   * comes back on the next arrow key).
   * @param {{focus?: boolean}} [options]
   */
  clear({ focus = false } = {}) {
    if (this.range) this.lastOffset = this.range.start;
    this.run = null;
    this.spanId = null;
    this.view.showCaret(null);
    if (focus) {
      this.moving = true;
      this.view.root.focus({ preventScroll: true });
      this.moving = false;
    }
    this.#publish();
  }

  /**
   * Keeps the selection on a span completed after the fact (an engine value
   * arriving for it): its mark was redrawn, so focus follows to the new one.
   * @param {import('./state.js').ChangeDetail} detail
   */
  #follow({ patch, cause }) {
    if (cause !== 'amend' || this.spanId === null) return;
    const span = patch.added.find((s) => s.id === this.spanId);
    if (!span) return;
    const active = this.view.root.ownerDocument.activeElement;
    if (!active || !active.isConnected || active === this.view.root.ownerDocument.body) this.selectSpan(span);
    else this.#publish();
  }

  /** Tells the inspector what is selected. */
  #publish() {
    const state = this.state;
    const range = this.range;
    if (!state || !range) {
      this.hooks.onSelection(null);
      return;
    }
    const span = this.span ?? null;
    const def = span && state.labels.get(span.label);
    const mentions = span ? edits.mentionsOf(state, span).length : edits.occurrences(state, range.start, range.end).length;
    this.hooks.onSelection({
      text: state.text.slice(range.start, range.end),
      span,
      labels: state.labels,
      valueText: span?.value ? editableText(span.value) : def?.valueKind ? '' : null,
      valueShown: displayValue(span?.value),
      doubtful: !!span && isDoubtful(span),
      allMentions: this.allMentions,
      mentions,
    });
  }

  // ---- editing -------------------------------------------------------------------

  /** @param {Patch|null} patch */
  #commit(patch) {
    if (!patch || !this.state) return null;
    const done = this.state.commit(patch);
    if (done?.what) this.hooks.announce(done.what);
    return done;
  }

  /** Labels the selection, or relabels the selected span. @param {string} label */
  label(label) {
    const state = this.state;
    const range = this.range;
    if (!state || !range) return;
    const span = this.span;
    const options = { allMentions: this.allMentions };
    const patch = span ? edits.relabelSpans(state, [span], label, options)
      : edits.addSpan(state, range.start, range.end, label, options);
    this.#commit(patch);
    this.#selectAfter(patch, range);
  }

  /** Deletes the selected span (and its mentions with "all mentions" on). */
  deleteSpan() {
    const state = this.state;
    const span = this.span;
    if (!state || !span) return;
    const first = state.tokenAtOrAfter(span.start);
    this.#commit(edits.deleteSpans(state, [span], { allMentions: this.allMentions }));
    this.spanId = null;
    this.selectTokens(first, Math.max(first, state.tokenBefore(span.end)));
  }

  /** Accepts the selected doubtful span as it is. */
  confirm() {
    const state = this.state;
    const span = this.span;
    if (!state || !span) return;
    if (!isDoubtful(span)) {
      this.hooks.announce(`${span.label} is not doubtful`);
      return;
    }
    const patch = this.#commit(edits.confirmSpan(state, span));
    if (patch) this.selectSpan(patch.added[0]);
  }

  /**
   * Sets the selected span's value from what the user typed.
   * @param {string} input
   * @returns {string} a problem to show, or ""
   */
  setValue(input) {
    const state = this.state;
    const span = this.span;
    if (!state || !span) return 'Select a highlight first.';
    const kind = span.value?.kind ?? state.labels.get(span.label)?.valueKind;
    if (!kind) return `${span.label} spans have no value.`;
    const parsed = parseEditedValue(span.value ?? { kind }, input);
    if (parsed.error) return parsed.error;
    const patch = this.#commit(edits.setSpanValue(state, span, parsed.value ?? null));
    if (patch) this.selectSpan(patch.added[0]);
    return '';
  }

  /** @param {boolean} on */
  setAllMentions(on) {
    this.allMentions = on;
    this.hooks.announce(`All mentions ${on ? 'on' : 'off'}`);
    this.#publish();
  }

  /**
   * Moves an edge of the selected span, or of the selection, by one token.
   * @param {'start'|'end'} edge
   * @param {-1|1} direction
   */
  moveEdge(edge, direction) {
    const state = this.state;
    if (!state || !this.run) return;
    const span = this.span;
    if (!span) {
      const { first, last } = this.run;
      if (edge === 'end') this.selectTokens(first, Math.max(first, last + direction));
      else this.selectTokens(Math.min(last, first + direction), last);
      return;
    }
    const firstToken = state.tokenAtOrAfter(span.start);
    const lastToken = state.tokenBefore(span.end);
    let { start, end } = span;
    if (edge === 'end') {
      const to = lastToken + direction;
      if (to >= state.tokenCount) return this.hooks.announce('The text ends here');
      end = state.tokenEnd(to);
    } else {
      const to = firstToken + direction;
      if (to < 0) return this.hooks.announce('The text starts here');
      start = state.tokenStart(to);
    }
    const { patch, error } = edits.resizeSpan(state, span, start, end);
    if (error) return this.hooks.announce(error);
    this.#commit(/** @type {Patch} */ (patch));
    this.selectSpan(/** @type {Patch} */ (patch).added[0]);
  }

  /** After an edit, selects what it made at the selection (or the tokens left there). */
  #selectAfter(patch, range) {
    const made = patch.added.find((s) => s.start < range.end && s.end > range.start);
    if (made && this.state?.span(made.id)) this.selectSpan(made);
    else if (this.state) this.selectTokens(this.state.tokenAtOrAfter(range.start), this.state.tokenBefore(range.end));
  }

  /**
   * Undoes or redoes, then selects where the change happened so it can be seen.
   * @param {'undo'|'redo'} which
   */
  step(which) {
    const state = this.state;
    if (!state) return;
    const patch = which === 'undo' ? state.undo() : state.redo();
    if (!patch) {
      this.hooks.announce(which === 'undo' ? 'Nothing to undo' : 'Nothing to redo');
      return;
    }
    const where = patch.added.find((s) => state.span(s.id)) ?? patch.removed[0];
    if (where && state.span(where.id)) this.selectSpan(where);
    else if (where) this.selectTokens(state.tokenAtOrAfter(where.start), state.tokenBefore(where.end));
    this.hooks.announce(`${which === 'undo' ? 'Undone' : 'Redone'}: ${patch.what ?? 'change'}`);
  }

  /**
   * Selects the next (or previous) doubtful span after the selection.
   * @param {1|-1} direction
   */
  nextDoubtful(direction = 1) {
    const state = this.state;
    if (!state) return;
    const total = state.sorted.filter(isDoubtful).length;
    if (!total) return this.hooks.announce('No doubtful highlights left');
    const from = this.range ? (direction > 0 ? this.range.end : this.range.start) : 0;
    const span = state.nextSpan(from, isDoubtful, direction);
    if (span) {
      this.selectSpan(span);
      const position = state.sorted.filter(isDoubtful).indexOf(span) + 1;
      this.hooks.announce(`Doubtful ${position} of ${total}`);
    }
  }

  // ---- input -------------------------------------------------------------------

  /** @param {KeyboardEvent} e */
  #key(e) {
    const state = this.state;
    if (!state || e.defaultPrevented) return;
    const run = this.run;
    const span = this.span;
    const plain = !e.ctrlKey && !e.metaKey && !e.altKey && !e.shiftKey;
    const handled = () => e.preventDefault();
    if ((e.key === 'ArrowRight' || e.key === 'ArrowLeft') && !e.ctrlKey && !e.metaKey) {
      const direction = e.key === 'ArrowRight' ? 1 : -1;
      handled();
      if (!run) return this.selectTokens(Math.min(state.tokenAtOrAfter(this.lastOffset), state.tokenCount - 1));
      if (e.shiftKey && !e.altKey) return this.moveEdge('end', direction);
      if (e.altKey && !e.shiftKey) return this.moveEdge('start', direction);
      if (e.altKey || e.shiftKey) return;
      if (span) {
        const next = direction > 0 ? state.tokenAtOrAfter(span.end) : state.tokenBefore(span.start);
        if (next < 0 || next >= state.tokenCount) return this.hooks.announce(direction > 0 ? 'End of text' : 'Start of text');
        return this.selectTokens(next);
      }
      return this.selectTokens(direction > 0 ? Math.min(run.last + 1, state.tokenCount - 1) : Math.max(run.first - 1, 0));
    }
    if ((e.key === 'ArrowDown' || e.key === 'ArrowUp') && plain) {
      handled();
      const direction = e.key === 'ArrowDown' ? 1 : -1;
      const from = this.range ? (direction > 0 ? this.range.end : this.range.start) : 0;
      const next = state.nextSpan(from, () => true, direction);
      return next ? this.selectSpan(next) : this.hooks.announce('No highlights');
    }
    if ((e.key === 'Home' || e.key === 'End') && plain) {
      handled();
      return this.selectTokens(e.key === 'Home' ? 0 : state.tokenCount - 1);
    }
    if ((e.key === 'Delete' || e.key === 'Backspace') && !e.ctrlKey && !e.metaKey && !e.altKey) {
      handled();
      return span ? this.deleteSpan() : this.hooks.announce('Select a highlight to delete');
    }
    if (e.key === 'Escape' && this.range) {
      handled();
      this.clear({ focus: true });
      this.hooks.announce('Selection cleared');
      return;
    }
    if (e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.key === ' ') {
      handled();
      return span ? this.confirm() : this.hooks.announce('Select a highlight to confirm');
    }
    if (e.key === 'a' || e.key === 'A') {
      handled();
      return this.setAllMentions(!this.allMentions);
    }
    if (e.key === 'e' || e.key === 'E' || e.key === 'Enter') {
      if (!span) return;
      handled();
      if (!this.hooks.editValue()) this.hooks.announce(`${span.label} has no value to edit`);
      return;
    }
    if (e.key === 'm' || e.key === 'M' || e.key === 'ContextMenu') {
      if (!this.range) return;
      handled();
      return this.hooks.openMenu();
    }
    const def = state.labels.byKey(keySpecOf(e));
    if (def) {
      handled();
      if (!this.range) return this.hooks.announce('Select some words first');
      return this.label(def.name);
    }
  }

  /** Focus arriving by Tab or click: a mark selects its span; the text resumes its caret. */
  #focusIn(e) {
    if (this.moving || !this.state) return;
    const mark = /** @type {Element} */ (e.target).closest?.('mark[data-lede-id]');
    if (mark) {
      const span = this.state.span(Number(/** @type {HTMLElement} */ (mark).dataset.ledeId));
      if (span && span.id !== this.spanId) this.selectSpan(span);
      return;
    }
    if (e.target === this.view.root && !this.range) {
      const at = this.lastOffset ?? 0;
      this.selectTokens(Math.min(this.state.tokenAtOrAfter(at), this.state.tokenCount - 1));
    }
  }

  /** A click on plain text puts the caret on the word clicked. */
  #click(e) {
    const state = this.state;
    if (!state) return;
    const selection = this.view.root.ownerDocument.getSelection();
    if (selection && !selection.isCollapsed) return;
    if (/** @type {Element} */ (e.target).closest('mark[data-lede-id]')) return;
    const pos = caretFromPoint(this.view.root.ownerDocument, e.clientX, e.clientY);
    const offset = pos && this.view.offsetOf(pos.node, pos.offset);
    if (offset === null || offset === undefined) return;
    const token = state.tokenAtOrAfter(offset);
    if (token < state.tokenCount && state.tokenStart(token) <= offset) this.selectTokens(token);
  }

  /** A mouse selection inside the text snaps outward to whole tokens and becomes the selection. */
  #mouseSelection() {
    const state = this.state;
    const selection = this.view.root.ownerDocument.getSelection();
    if (!state || !selection || selection.isCollapsed || !selection.rangeCount) return;
    const range = selection.getRangeAt(0);
    const a = this.view.offsetOf(range.startContainer, range.startOffset);
    const b = this.view.offsetOf(range.endContainer, range.endOffset);
    if (a === null || b === null) return;
    const first = state.tokenAtOrAfter(a);
    const last = state.tokenBefore(b);
    selection.removeAllRanges();
    if (first > last || first >= state.tokenCount) return;
    const start = state.tokenStart(first);
    const end = state.tokenEnd(last);
    const exact = state.overlapping(start, end).find((s) => s.start === start && s.end === end);
    if (exact) this.selectSpan(exact);
    else this.selectTokens(first, last);
  }
}

/** @param {number} n @param {number} lo @param {number} hi */
function clamp(n, lo, hi) {
  return Math.min(Math.max(n, lo), hi);
}

/** The DOM position under a point (standard API first, Chromium's older one second). */
function caretFromPoint(doc, x, y) {
  const docAny = /** @type {any} */ (doc);
  if (docAny.caretPositionFromPoint) {
    const p = docAny.caretPositionFromPoint(x, y);
    return p && { node: p.offsetNode, offset: p.offset };
  }
  const r = docAny.caretRangeFromPoint?.(x, y);
  return r && { node: r.startContainer, offset: r.startOffset };
}
