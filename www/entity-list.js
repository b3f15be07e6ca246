// The side list of entities: spans grouped by entity id (spans without one by
// label and text), with mention counts; activating a group moves to its next
// mention, cycling. Takes its root element and a callback. A huge document has
// tens of thousands of groups: the list shows the most mentioned first, a few
// hundred at a time ("Show more"), as every row is a dozen DOM nodes.
import { h } from './dom.js';
import { swatch } from './legend.js';

/**
 * @typedef {import('./state.js').DocState} DocState
 * @typedef {import('./state.js').Span} Span
 * @typedef {{key: string, name: string, label: string, mentions: Span[]}} EntityGroup
 */

/**
 * Groups the document's entity spans (labels of kind "entity", user labels
 * included), most mentioned first, then by first appearance.
 * @param {DocState} state
 * @returns {EntityGroup[]}
 */
export function groupEntities(state) {
  /** @type {Map<string, Span[]>} */
  const groups = new Map();
  for (const span of state.sorted) {
    if (state.labels.get(span.label)?.kind !== 'entity') continue;
    const key = span.entity != null ? `#${span.entity}` : `${span.label}\u0000${state.slice(span)}`;
    const list = groups.get(key);
    if (list) list.push(span);
    else groups.set(key, [span]);
  }
  return [...groups].map(([key, mentions]) => {
    // The name most used, the longest among equals ("Volodymyr Zelenskiy" over "Zelenskiy").
    const tally = new Map();
    for (const m of mentions) {
      const text = state.slice(m).replace(/\s+/g, ' ');
      tally.set(text, (tally.get(text) ?? 0) + 1);
    }
    const name = [...tally].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length)[0][0];
    const labels = new Map();
    for (const m of mentions) labels.set(m.label, (labels.get(m.label) ?? 0) + 1);
    const label = [...labels].sort((a, b) => b[1] - a[1])[0][0];
    return { key, name, label, mentions };
  }).sort((a, b) => b.mentions.length - a.mentions.length || a.mentions[0].start - b.mentions[0].start);
}

/** Groups shown at first, and added by each "Show more". */
export const LIST_PAGE = 300;

export class EntityList {
  /**
   * @param {HTMLElement} root
   * @param {{onPick: (span: Span) => void}} callbacks
   */
  constructor(root, callbacks) {
    this.root = root;
    this.callbacks = callbacks;
    this.list = h('ol', { class: 'lede-entity-list' });
    this.empty = h('p', { class: 'lede-muted' }, ['No entities yet.']);
    this.limit = LIST_PAGE;
    this.more = h('button', { type: 'button', class: 'lede-more', hidden: true }, []);
    this.more.addEventListener('click', () => {
      this.limit += LIST_PAGE;
      if (this.state) this.render(this.state);
    });
    /** @type {DocState|null} */
    this.state = null;
    /** @type {Map<string, {li: HTMLElement, button: HTMLElement, count: HTMLElement, text: string}>} */
    this.items = new Map();
    /** @type {Map<string, EntityGroup>} */
    this.groups = new Map();
    /** @type {Map<string, number>} next mention to visit, per group */
    this.cursor = new Map();
    root.classList.add('lede-entities');
    root.replaceChildren(h('h2', {}, ['Entities']), this.empty, this.list, this.more);
  }

  /** @param {DocState} state */
  render(state) {
    if (state !== this.state) this.limit = LIST_PAGE;
    this.state = state;
    const groups = groupEntities(state);
    this.groups = new Map(groups.map((g) => [g.key, g]));
    const shown = groups.slice(0, this.limit);
    const items = shown.map((group) => {
      const n = group.mentions.length;
      const text = `${group.name}\u0000${group.label}\u0000${n}`;
      let item = this.items.get(group.key);
      if (!item || item.text !== text) {
        const count = h('span', { class: 'lede-count' }, [`×${n}`]);
        const button = h('button', {
          type: 'button', class: 'lede-entity', 'aria-label': `${group.name}, ${group.label}, ${n} ${n === 1 ? 'mention' : 'mentions'}`,
        }, [swatch(state.labels.get(group.label) ?? { name: group.label }), h('span', { class: 'lede-name' }, [group.name]),
          h('span', { class: 'lede-entity-label' }, [group.label]), count]);
        button.addEventListener('click', () => this.#visit(group.key));
        item = { li: h('li', {}, [button]), button, count, text };
        this.items.set(group.key, item);
      }
      return item.li;
    });
    const shownKeys = new Set(shown.map((g) => g.key));
    for (const key of [...this.items.keys()]) if (!shownKeys.has(key)) this.items.delete(key);
    // Re-append only when the order changed; moving focused nodes would lose focus.
    const current = [...this.list.children];
    if (current.length !== items.length || current.some((li, i) => li !== items[i])) this.list.replaceChildren(...items);
    this.empty.hidden = groups.length > 0;
    const hidden = groups.length - shown.length;
    this.more.hidden = hidden === 0;
    this.more.textContent = `Show ${Math.min(hidden, LIST_PAGE)} more (${hidden} not shown)`;
  }

  /** Moves to a group's next mention. @param {string} key */
  #visit(key) {
    const group = this.groups.get(key);
    if (!group) return;
    const i = (this.cursor.get(key) ?? 0) % group.mentions.length;
    this.cursor.set(key, i + 1);
    this.callbacks.onPick(group.mentions[i]);
  }
}
