// The legend: one toggle button per label with its colour, key and span count
// (pressing it shows or hides that label's highlights), and a small form to add
// a label of one's own with a colour and a key. Takes its root element and
// callbacks, so the extension's panel uses it as the site does.
import { h } from './dom.js';
import { USER_PALETTE } from './labels.js';

/**
 * @typedef {import('./labels.js').LabelSet} LabelSet
 * @typedef {{onToggle: (label: string, shown: boolean) => void,
 *   onAddLabel: (def: {name: string, key: string, color: string}) => string}} LegendCallbacks
 *   `onAddLabel` returns a problem to show, or "" once the label is added.
 */

/** A colour swatch for a label (built-ins take theirs from CSS). */
export function swatch(def) {
  const el = h('span', { class: 'lede-swatch', 'data-lede-label': def.name, 'aria-hidden': 'true' });
  if (def.color) el.style.setProperty('--lede-color', def.color);
  return el;
}

export class Legend {
  /**
   * @param {HTMLElement} root
   * @param {LegendCallbacks} callbacks
   */
  constructor(root, callbacks) {
    this.root = root;
    this.callbacks = callbacks;
    this.list = h('ul', { class: 'lede-legend-list' });
    /** @type {Map<string, {li: HTMLElement, button: HTMLButtonElement, count: HTMLElement}>} */
    this.items = new Map();
    this.signature = '';
    this.form = this.#addForm();
    // Unused built-in labels fold away; the selection bar and help still list them all.
    this.showAll = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'lede-link', 'aria-expanded': 'false' }));
    this.showAll.addEventListener('click', () => {
      const expanded = this.showAll.getAttribute('aria-expanded') !== 'true';
      this.showAll.setAttribute('aria-expanded', String(expanded));
      this.list.classList.toggle('is-expanded', expanded);
      this.#showAllText();
    });
    root.classList.add('lede-legend');
    root.replaceChildren(h('h2', {}, ['Labels']), this.list, h('div', { class: 'lede-legend-more' }, [this.showAll, this.form]));
  }

  #addForm() {
    const name = h('input', { type: 'text', name: 'name', autocomplete: 'off', maxlength: '32', required: '' });
    const color = h('input', { type: 'color', name: 'color', value: USER_PALETTE[0] });
    const key = h('input', { type: 'text', name: 'key', maxlength: '1', autocomplete: 'off', size: '2' });
    const error = h('p', { class: 'lede-error', role: 'alert' });
    const form = h('form', { class: 'lede-add-label-form' }, [
      h('label', {}, ['Name ', name]),
      h('label', {}, ['Colour ', color]),
      h('label', {}, ['Key ', key]),
      h('button', { type: 'submit' }, ['Add label']),
      error,
    ]);
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const def = {
        name: /** @type {HTMLInputElement} */ (name).value.trim(),
        color: /** @type {HTMLInputElement} */ (color).value,
        key: /** @type {HTMLInputElement} */ (key).value.trim(),
      };
      const problem = this.callbacks.onAddLabel(def);
      error.textContent = problem;
      if (!problem) {
        /** @type {HTMLFormElement} */ (form).reset();
        /** @type {HTMLInputElement} */ (color).value = USER_PALETTE[this.items.size % USER_PALETTE.length];
      }
    });
    const details = h('details', { class: 'lede-add-label' }, [h('summary', {}, ['Add a label']), form]);
    return details;
  }

  /**
   * Shows the label set with counts; only what changed is touched.
   * @param {LabelSet} labels
   * @param {Map<string, number>} counts
   * @param {Set<string>} hidden
   */
  render(labels, counts, hidden) {
    const signature = labels.defs.map((d) => `${d.name}\u0000${d.key}\u0000${d.color ?? ''}`).join('\u0001');
    if (signature !== this.signature) {
      this.signature = signature;
      this.items.clear();
      this.list.replaceChildren(...labels.defs.map((def) => {
        const count = h('span', { class: 'lede-count' });
        const button = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', class: 'lede-chip', 'data-lede-label': def.name }, [
          swatch(def), h('span', { class: 'lede-name' }, [def.name]),
          ...(def.key ? [h('kbd', {}, [def.key])] : []), count,
        ]));
        button.addEventListener('click', () => this.callbacks.onToggle(def.name, button.getAttribute('aria-pressed') !== 'true'));
        const li = h('li', {}, [button]);
        this.items.set(def.name, { li, button, count });
        return li;
      }));
    }
    for (const def of labels.defs) {
      const item = this.items.get(def.name);
      if (!item) continue;
      const n = counts.get(def.name) ?? 0;
      const shown = !hidden.has(def.name);
      if (item.count.textContent !== String(n)) item.count.textContent = String(n);
      item.button.setAttribute('aria-pressed', String(shown));
      item.button.setAttribute('aria-label', `${def.name}: ${n} ${n === 1 ? 'span' : 'spans'}${def.key ? `, key ${def.key}` : ''}`);
      item.li.classList.toggle('is-empty', n === 0 && def.builtin);
    }
    this.unused = labels.defs.filter((d) => d.builtin && !counts.get(d.name)).length;
    this.#showAllText();
  }

  #showAllText() {
    const expanded = this.showAll.getAttribute('aria-expanded') === 'true';
    this.showAll.textContent = expanded ? 'Hide unused labels' : `Show all labels (${this.unused ?? 0} unused)`;
    this.showAll.hidden = !this.unused;
  }
}
