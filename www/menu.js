// An accessible menu button (WAI-ARIA APG "menu button"): the button opens a
// role="menu" list; arrow keys, Home/End and first letters move between items,
// Enter/Space choose, Escape or Tab close, and focus returns to the button.
import { h } from './dom.js';

/** @typedef {{label: string, onSelect: () => void}} MenuItem */

export class MenuButton {
  /**
   * @param {HTMLButtonElement} button the existing button that opens the menu
   * @param {MenuItem[]} items
   */
  constructor(button, items) {
    this.button = button;
    const id = `${button.id || 'menu'}-items`;
    this.menu = h('ul', { role: 'menu', id, class: 'lede-menu', tabindex: '-1' });
    this.menu.setAttribute('aria-label', button.textContent?.trim() ?? '');
    this.menu.hidden = true;
    this.items = items.map((item) => {
      const el = /** @type {HTMLButtonElement} */ (h('button', { type: 'button', role: 'menuitem', tabindex: '-1' }, [item.label]));
      el.addEventListener('click', () => this.#choose(item));
      this.menu.append(h('li', { role: 'none' }, [el]));
      return el;
    });
    button.setAttribute('aria-haspopup', 'menu');
    button.setAttribute('aria-controls', id);
    button.setAttribute('aria-expanded', 'false');
    button.after(this.menu);
    button.addEventListener('click', () => (this.isOpen ? this.close() : this.open(0)));
    button.addEventListener('keydown', (e) => {
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        this.open(e.key === 'ArrowDown' ? 0 : this.items.length - 1);
      }
    });
    this.menu.addEventListener('keydown', (e) => this.#key(e));
    this.menu.addEventListener('focusout', (e) => {
      if (!this.menu.contains(/** @type {Node} */ (e.relatedTarget)) && e.relatedTarget !== button) this.close(false);
    });
  }

  get isOpen() {
    return !this.menu.hidden;
  }

  /** @param {number} index the item to focus */
  open(index) {
    this.menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
    this.items[index]?.focus();
  }

  /** @param {boolean} [refocus] */
  close(refocus = true) {
    if (!this.isOpen) return;
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
    if (refocus) this.button.focus();
  }

  /** @param {MenuItem} item */
  #choose(item) {
    this.close();
    item.onSelect();
  }

  /** @param {KeyboardEvent} e */
  #key(e) {
    const at = this.items.indexOf(/** @type {HTMLButtonElement} */ (document.activeElement));
    const n = this.items.length;
    const go = (i) => {
      e.preventDefault();
      this.items[(i + n) % n].focus();
    };
    if (e.key === 'ArrowDown') go(at + 1);
    else if (e.key === 'ArrowUp') go(at - 1);
    else if (e.key === 'Home') go(0);
    else if (e.key === 'End') go(n - 1);
    else if (e.key === 'Escape') {
      e.preventDefault();
      this.close();
    } else if (e.key === 'Tab') this.close(false);
    else if (e.key.length === 1 && /\S/.test(e.key)) {
      const start = at + 1;
      for (let k = 0; k < n; k++) {
        const i = (start + k) % n;
        if (this.items[i].textContent?.toLowerCase().startsWith(e.key.toLowerCase())) return go(i);
      }
    }
  }
}
