// The selection bar: what is selected, a button per label to label or relabel
// it, its value with an editor, "all mentions", confirm and delete. It is the
// mouse and touch route to every correction the keyboard shortcuts make, and
// the menu the `m` key opens. Takes its root element and callbacks.
import { h } from './dom.js';
import { swatch } from './legend.js';

/**
 * @typedef {import('./labels.js').LabelSet} LabelSet
 * @typedef {import('./state.js').Span} Span
 * @typedef {{onLabel: (label: string) => void, onDelete: () => void, onConfirm: () => void,
 *   onValue: (text: string) => string, onAllMentions: (on: boolean) => void, onClose: () => void,
 *   onReturn: () => void}} InspectorCallbacks
 *   `onValue` returns a problem to show, or "" when the value was set; `onClose` ends the selection
 *   (the × button); `onReturn` goes back to the text keeping it (Escape inside the bar).
 * @typedef {{text: string, span: Span|null, labels: LabelSet, valueText: string|null, valueShown: string,
 *   doubtful: boolean, allMentions: boolean, mentions: number}} Selection
 */

export class Inspector {
  /**
   * @param {HTMLElement} root
   * @param {InspectorCallbacks} callbacks
   */
  constructor(root, callbacks) {
    this.root = root;
    this.callbacks = callbacks;
    this.what = h('p', { class: 'lede-what' });
    this.labelGroup = h('div', { role: 'group', 'aria-label': 'Label as', class: 'lede-label-buttons' });
    this.allMentions = /** @type {HTMLInputElement} */ (h('input', { type: 'checkbox' }));
    this.mentionsLabel = h('span');
    this.valueInput = /** @type {HTMLInputElement} */ (h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false' }));
    this.valueError = h('p', { class: 'lede-error', role: 'alert' });
    this.valueForm = h('form', { class: 'lede-value-form' }, [
      h('label', {}, ['Value ', this.valueInput]), h('button', { type: 'submit' }, ['Set value']), this.valueError,
    ]);
    this.confirmButton = h('button', { type: 'button' }, ['Confirm']);
    this.deleteButton = h('button', { type: 'button', class: 'lede-danger' }, ['Delete']);
    const close = h('button', { type: 'button', class: 'lede-close', 'aria-label': 'Close selection bar' }, ['×']);
    root.classList.add('lede-inspector');
    root.setAttribute('aria-label', 'Selection');
    root.replaceChildren(
      h('div', { class: 'lede-inspector-head' }, [this.what, close]),
      this.labelGroup,
      h('div', { class: 'lede-inspector-actions' }, [
        h('label', { class: 'lede-check' }, [this.allMentions, this.mentionsLabel]),
        this.confirmButton, this.deleteButton,
      ]),
      this.valueForm,
    );
    root.hidden = true;
    this.signature = '';
    /** @type {HTMLButtonElement[]} */
    this.labelButtons = [];
    this.allMentions.addEventListener('change', () => callbacks.onAllMentions(this.allMentions.checked));
    this.confirmButton.addEventListener('click', () => callbacks.onConfirm());
    this.deleteButton.addEventListener('click', () => callbacks.onDelete());
    close.addEventListener('click', () => callbacks.onClose());
    this.valueForm.addEventListener('submit', (e) => {
      e.preventDefault();
      this.valueError.textContent = callbacks.onValue(this.valueInput.value);
    });
    root.addEventListener('keydown', (e) => {
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        callbacks.onReturn();
      }
    });
    this.labelGroup.addEventListener('keydown', (e) => this.#arrows(e));
  }

  /** Left/right arrows move between the label buttons (one tab stop for the group). */
  #arrows(e) {
    const i = this.labelButtons.indexOf(/** @type {any} */ (document.activeElement));
    if (i < 0 || !['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const n = this.labelButtons.length;
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? n - 1 : (i + (e.key === 'ArrowRight' ? 1 : -1) + n) % n;
    this.labelButtons.forEach((b, k) => { b.tabIndex = k === next ? 0 : -1; });
    this.labelButtons[next].focus();
  }

  /** @param {LabelSet} labels */
  #labelButtons(labels) {
    const signature = labels.defs.map((d) => `${d.name}\u0000${d.key}\u0000${d.color ?? ''}`).join('\u0001');
    if (signature === this.signature) return;
    this.signature = signature;
    this.labelButtons = labels.defs.map((def, i) => {
      const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'lede-chip', 'data-lede-label': def.name },
        [swatch(def), h('span', { class: 'lede-name' }, [def.name]), ...(def.key ? [h('kbd', {}, [def.key])] : [])]));
      button.tabIndex = i === 0 ? 0 : -1;
      button.addEventListener('click', () => this.callbacks.onLabel(def.name));
      return button;
    });
    this.labelGroup.replaceChildren(...this.labelButtons);
  }

  /** @param {Selection|null} sel */
  show(sel) {
    if (!sel) {
      this.root.hidden = true;
      return;
    }
    this.root.hidden = false;
    this.#labelButtons(sel.labels);
    const quoted = sel.text.length > 60 ? `${sel.text.slice(0, 59)}…` : sel.text;
    this.what.replaceChildren(h('q', {}, [quoted]), sel.span
      ? ` ${sel.span.label}${sel.valueShown ? ` · ${sel.valueShown}` : ''}${sel.doubtful ? ' · doubtful' : ''}`
      : ' — choose a label');
    for (const b of this.labelButtons) b.setAttribute('aria-pressed', String(b.dataset.ledeLabel === sel.span?.label));
    this.allMentions.checked = sel.allMentions;
    this.mentionsLabel.textContent = ` All mentions (${sel.mentions})`;
    this.confirmButton.hidden = !sel.doubtful;
    this.deleteButton.hidden = !sel.span;
    this.valueForm.hidden = sel.valueText === null;
    if (sel.valueText !== null && document.activeElement !== this.valueInput) {
      this.valueInput.value = sel.valueText;
      this.valueError.textContent = '';
    }
  }

  /** Moves focus to the label buttons (the `m` key). */
  focusLabels() {
    (this.labelButtons.find((b) => b.tabIndex === 0) ?? this.labelButtons[0])?.focus();
  }

  /** Moves focus to the value editor (the `e` key); false when the selection has no value. */
  focusValue() {
    if (this.valueForm.hidden) return false;
    this.valueInput.focus();
    this.valueInput.select();
    return true;
  }
}
