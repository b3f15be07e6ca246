// Shows a document's text with a <mark> per span, driven by data: one pass over
// the sorted spans builds each paragraph, and a change patches only the marks of
// the spans it removed and added. Long texts are split into paragraph blocks
// (CSS `content-visibility: auto` skips laying out the ones off screen); the
// first screen is built at once and the rest in short slices, so a 50,000-word
// article shows highlights at once and the page stays responsive.
//
// Huge texts (over LAZY_ABOVE characters) get their marks only near the screen:
// every block holds its plain text from the start, a block gains its marks when
// it scrolls near the viewport (or is navigated to) and loses them when it goes
// far away. A mark costs Chromium about 4 kB (element, style, pseudo-element
// badge, layout): a 10 MB text's 200,000 marks took the tab to 1.5 GB.
//
// The root's textContent is exactly the document text (badges and values are CSS
// generated content), so offsets are UTF-16 indices into textContent.
import { domPoint, textOffset } from './anchor.js';
import { highlightRange, removeHighlights } from './highlight.js';
import { isDoubtful } from './state.js';
import { displayValue } from './value-format.js';

/**
 * @typedef {import('./state.js').DocState} DocState
 * @typedef {import('./state.js').Span} Span
 * @typedef {import('./history.js').Patch} Patch
 * @typedef {{start: number, end: number, el: HTMLElement, marked: boolean}} Block
 * @typedef {{onProgress?: (done: number, total: number) => void, firstScreenChars?: number, sliceMs?: number,
 *   bottomInset?: () => number}} ViewOptions `bottomInset`: pixels at the bottom of the window covered by
 *   a fixed bar, which `reveal` keeps text out of
 */

/**
 * Splits text into blocks, one per line (a line keeps its line breaks).
 * @param {string} text
 * @returns {{start: number, end: number}[]}
 */
export function blockBounds(text) {
  const bounds = [];
  let start = 0;
  const breaks = /\n[\r\n]*/g;
  for (let m = breaks.exec(text); m; m = breaks.exec(text)) {
    const end = m.index + m[0].length;
    bounds.push({ start, end });
    start = end;
  }
  if (start < text.length || !bounds.length) bounds.push({ start, end: text.length });
  return bounds;
}

/**
 * What a span's mark says to assistive technology and in its badge.
 * @param {Span} span
 * @param {string} text the span's text
 */
export function describeSpan(span, text) {
  const value = displayValue(span.value);
  const doubtful = isDoubtful(span);
  return {
    ariaLabel: [text, span.label, value, doubtful && 'doubtful'].filter(Boolean).join(', '),
    badge: (doubtful ? '? ' : '') + span.label + (value ? ` · ${value}` : ''),
  };
}

/** Changes touching more spans than this rebuild their paragraphs instead of splitting text nodes. */
const REBUILD_ABOVE = 16;

/** Texts longer than this (UTF-16 units) have marks only near the screen. */
export const LAZY_ABOVE = 1_000_000;

/** How far beyond the viewport blocks keep (or get) their marks. */
const LAZY_MARGIN = '150% 0px';

export class TextView {
  /**
   * @param {HTMLElement} root the element the text is rendered into (its children are replaced)
   * @param {ViewOptions} [options]
   */
  constructor(root, options = {}) {
    this.root = root;
    // About a screenful of text at desktop width: what must be ready for the first paint.
    this.options = { firstScreenChars: 2500, sliceMs: 8, ...options };
    /** @type {Block[]} */
    this.blocks = [];
    /** Blocks [0, built) are in the page; those with `marked` set have their marks. */
    this.built = 0;
    /** Watches blocks of a huge text to give and take their marks, else null. */
    this.lazy = null;
    /** @type {Map<number, HTMLElement[]>} */
    this.marksById = new Map();
    /** @type {Set<string>} */
    this.hidden = new Set();
    /** @type {DocState|null} */
    this.state = null;
    this.generation = 0;
    root.classList.add('lede-text');
  }

  /**
   * Renders `state`'s text and spans; resolves when every block has its marks.
   * The first screen is done before this returns.
   * @param {DocState} state
   */
  show(state) {
    const generation = ++this.generation;
    this.state = state;
    this.marksById.clear();
    this.built = 0;
    this.lazy?.disconnect();
    this.lazy = null;
    const doc = this.root.ownerDocument;
    this.blocks = blockBounds(state.text).map(({ start, end }) => {
      const el = doc.createElement('div');
      el.className = 'lede-block';
      return { start, end, el, marked: false };
    });
    if (state.text.length > LAZY_ABOVE) return this.#showLazily();
    // The Element Timing API reports when the first paragraph is painted (the first-screen measure).
    this.blocks[0]?.el.setAttribute('elementtiming', 'lede-first-block');
    // Blocks join the page as they are built, in order: putting all 1,350 paragraphs of
    // a 50,000-word text in at once cost 700 ms of style and layout before the first paint.
    this.root.replaceChildren();
    const fragment = doc.createDocumentFragment();
    let chars = 0;
    while (this.built < this.blocks.length && chars < this.options.firstScreenChars) {
      chars += this.#build(this.built, fragment);
    }
    this.root.append(fragment);
    this.options.onProgress?.(this.built, this.blocks.length);
    // Busy (for assistive technology, and tests) until every paragraph has its marks.
    this.root.setAttribute('aria-busy', 'true');
    return new Promise((resolve) => {
      const finish = (complete) => {
        if (complete) this.root.setAttribute('aria-busy', 'false');
        resolve(complete);
      };
      const slice = () => {
        if (generation !== this.generation) return finish(false);
        const until = performance.now() + this.options.sliceMs;
        while (this.built < this.blocks.length && performance.now() < until) this.#build(this.built);
        this.options.onProgress?.(this.built, this.blocks.length);
        if (this.built < this.blocks.length) setTimeout(slice, 0);
        else finish(true);
      };
      // The rest waits until the first screen is painted, so it cannot delay that frame.
      if (this.built < this.blocks.length) requestAnimationFrame(() => setTimeout(slice, 0));
      else finish(true);
    });
  }

  /**
   * Puts every block in the page as plain text, marks the first screen, and
   * from then on gives blocks their marks near the viewport and takes them away
   * far from it. Resolves at once: the whole text is there.
   */
  #showLazily() {
    const doc = this.root.ownerDocument;
    const { text } = this.state;
    const fragment = doc.createDocumentFragment();
    for (const block of this.blocks) {
      block.el.textContent = text.slice(block.start, block.end);
      fragment.appendChild(block.el);
    }
    this.built = this.blocks.length;
    let chars = 0;
    for (let i = 0; i < this.blocks.length && chars < this.options.firstScreenChars; i++) chars += this.#build(i);
    this.root.replaceChildren(fragment);
    const index = new Map(this.blocks.map((b, i) => [b.el, i]));
    this.lazy = new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const i = index.get(/** @type {HTMLElement} */ (entry.target));
        if (i === undefined) continue;
        if (entry.isIntersecting) {
          if (!this.blocks[i].marked) this.#build(i);
        } else if (this.blocks[i].marked && !this.blocks[i].el.contains(doc.activeElement)) {
          this.#unbuild(i);
        }
      }
    }, { rootMargin: LAZY_MARGIN });
    for (const block of this.blocks) this.lazy.observe(block.el);
    this.options.onProgress?.(this.blocks.length, this.blocks.length);
    this.root.setAttribute('aria-busy', 'false');
    return Promise.resolve(true);
  }

  /** Takes block `i`'s marks away, leaving its plain text. */
  #unbuild(i) {
    const block = this.blocks[i];
    for (const mark of block.el.querySelectorAll('mark[data-lede-id]')) this.#forgetMark(/** @type {HTMLElement} */ (mark));
    block.el.textContent = this.state.text.slice(block.start, block.end);
    block.marked = false;
  }

  /** Drops one mark from `marksById` (its span keeps its marks in other blocks). */
  #forgetMark(mark) {
    const id = Number(mark.dataset.ledeId);
    const rest = (this.marksById.get(id) ?? []).filter((m) => m !== mark);
    if (rest.length) this.marksById.set(id, rest);
    else this.marksById.delete(id);
  }

  /**
   * Builds block `i` (its text and marks, in one pass over its spans) and puts it
   * in the page after the blocks before it; returns its length.
   * @param {number} i
   * @param {Node} [parent] where new blocks go (a fragment while the first screen is made)
   */
  #build(i, parent = this.root) {
    const block = this.blocks[i];
    if (!block.el.parentNode) parent.appendChild(block.el);
    const { text } = this.state;
    const nodes = [];
    let at = block.start;
    for (const span of this.state.overlapping(block.start, block.end)) {
      const start = Math.max(span.start, block.start);
      const end = Math.min(span.end, block.end);
      if (start > at) nodes.push(text.slice(at, start));
      const piece = text.slice(start, end);
      if (/\S/.test(piece)) {
        const mark = this.#makeMark(span);
        mark.append(piece);
        nodes.push(mark);
        this.#addMark(span, mark);
      } else {
        nodes.push(piece);
      }
      at = end;
    }
    if (at < block.end) nodes.push(text.slice(at, block.end));
    block.el.replaceChildren(...nodes);
    block.marked = true;
    this.built = Math.max(this.built, i + 1);
    return block.end - block.start;
  }

  /** Records a mark of `span`, marking which part of the span it shows. */
  #addMark(span, mark) {
    const marks = this.marksById.get(span.id);
    if (!marks) {
      this.marksById.set(span.id, [mark]);
      return;
    }
    marks.push(mark);
    // A rebuilt block may add a middle part after the later ones: keep document order.
    marks.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1));
    this.#markParts(marks);
  }

  /** A span shown as several marks (it crosses a line break) badges only its last. */
  #markParts(marks) {
    marks.forEach((m, i) => {
      if (marks.length > 1) m.dataset.ledePart = i === 0 ? 'first' : i === marks.length - 1 ? 'last' : 'middle';
      else delete m.dataset.ledePart;
      m.tabIndex = i === 0 ? 0 : -1;
    });
  }

  /** @param {Span} span */
  #makeMark(span) {
    const mark = this.root.ownerDocument.createElement('mark');
    const { ariaLabel, badge } = describeSpan(span, this.state.slice(span));
    mark.dataset.ledeLabel = span.label;
    mark.dataset.ledeId = String(span.id);
    mark.dataset.ledeBadge = badge;
    mark.setAttribute('aria-label', ariaLabel);
    mark.tabIndex = 0;
    if (isDoubtful(span)) mark.classList.add('is-doubtful');
    if (this.hidden.has(span.label)) mark.classList.add('is-hidden');
    const color = this.state.labels.get(span.label)?.color;
    if (color) mark.style.setProperty('--lede-color', color);
    return mark;
  }

  /**
   * Patches the marks a change touched: unwraps the removed spans' marks and
   * wraps the added spans' text. A large change (a whole engine run, a label
   * applied to every mention) rebuilds the paragraphs it touches from the data
   * instead: splitting text nodes span by span cost 0.7 ms a span (2 s for 3,000)
   * in Chromium. Blocks not built yet pick the change up when built.
   * @param {Patch} patch
   */
  update(patch) {
    if (patch.removed.length + patch.added.length > REBUILD_ABOVE) {
      this.#rebuildTouched(patch);
      return;
    }
    for (const span of patch.removed) {
      const marks = this.marksById.get(span.id);
      if (!marks) continue;
      removeHighlights(marks);
      this.marksById.delete(span.id);
    }
    for (const span of patch.added) {
      const marks = [];
      for (let i = this.blockIndexAt(span.start); i < this.built && this.blocks[i].start < span.end; i++) {
        const block = this.blocks[i];
        if (!block.marked) continue; // gets the span when it is built
        const start = Math.max(span.start, block.start) - block.start;
        const end = Math.min(span.end, block.end) - block.start;
        const range = this.root.ownerDocument.createRange();
        const a = domPoint(block.el, start);
        const b = domPoint(block.el, end, true);
        range.setStart(a.node, a.offset);
        range.setEnd(b.node, b.offset);
        marks.push(...highlightRange(range, () => this.#makeMark(span)));
      }
      if (marks.length) {
        this.marksById.set(span.id, marks);
        this.#markParts(marks);
      }
    }
  }

  /** Rebuilds every built block a patch's spans overlap. @param {Patch} patch */
  #rebuildTouched(patch) {
    const touched = new Set();
    for (const span of [...patch.removed, ...patch.added]) {
      for (let i = this.blockIndexAt(span.start); i < this.built && this.blocks[i].start < span.end; i++) {
        if (this.blocks[i].marked) touched.add(i);
      }
    }
    for (const span of patch.removed) this.marksById.delete(span.id);
    for (const i of touched) {
      // Forget the block's old marks (a span crossing into it keeps its marks elsewhere).
      for (const mark of this.blocks[i].el.querySelectorAll('mark[data-lede-id]')) this.#forgetMark(/** @type {HTMLElement} */ (mark));
      this.#build(i);
    }
  }

  /** Re-applies label colours to every mark (a user label was added or changed). */
  refreshLabels() {
    for (const [id, marks] of this.marksById) {
      const span = this.state.span(id);
      const color = span && this.state.labels.get(span.label)?.color;
      for (const m of marks) {
        if (color) m.style.setProperty('--lede-color', color);
        else m.style.removeProperty('--lede-color');
      }
    }
  }

  /**
   * Shows or hides the highlights of some labels (the text stays).
   * @param {Set<string>} hidden
   */
  setHidden(hidden) {
    this.hidden = new Set(hidden);
    for (const marks of this.marksById.values()) {
      for (const m of marks) m.classList.toggle('is-hidden', this.hidden.has(m.dataset.ledeLabel ?? ''));
    }
  }

  /** The marks showing span `id` (none while its block has no marks). */
  marksOf(id) {
    return this.marksById.get(id) ?? [];
  }

  /** Index of the block holding text offset `offset`. */
  blockIndexAt(offset) {
    let lo = 0;
    let hi = this.blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.blocks[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Builds every block up to the one holding `offset` (so its marks exist now). */
  ensureBuilt(offset) {
    const last = this.blockIndexAt(offset);
    while (this.built <= last) this.#build(this.built);
    // A huge text's block away from the screen has no marks until it is near it.
    if (!this.blocks[last]?.marked && this.blocks[last]) this.#build(last);
  }

  /**
   * A DOM Range over text offsets [start, end).
   * @param {number} start
   * @param {number} end
   */
  rangeOf(start, end) {
    const range = this.root.ownerDocument.createRange();
    const a = this.blocks[this.blockIndexAt(start)];
    const b = this.blocks[this.blockIndexAt(Math.max(start, end - 1))];
    const from = domPoint(a.el, start - a.start);
    const to = domPoint(b.el, end - b.start, true);
    range.setStart(from.node, from.offset);
    range.setEnd(to.node, to.offset);
    return range;
  }

  /**
   * The text offset of a DOM position, or null when it is outside the text.
   * @param {Node} node
   * @param {number} offset
   */
  offsetOf(node, offset) {
    if (!this.root.contains(node)) return null;
    if (node === this.root) {
      return offset >= this.built ? this.blocks[this.built - 1]?.end ?? 0 : this.blocks[offset].start;
    }
    const element = node.nodeType === Node.ELEMENT_NODE ? /** @type {Element} */ (node) : node.parentElement;
    const blockEl = element?.closest('.lede-block');
    const index = this.blocks.findIndex((b) => b.el === blockEl);
    if (index < 0) return null;
    return this.blocks[index].start + textOffset(blockEl, node, offset);
  }

  /**
   * Draws the editing caret over [start, end) with the CSS Custom Highlight API
   * (no DOM change), or clears it when start is null.
   * @param {number|null} start
   * @param {number} [end]
   */
  showCaret(start, end = start ?? 0) {
    const highlights = globalThis.CSS?.highlights;
    if (!highlights) return;
    if (start === null || !this.blocks.length) {
      highlights.delete('lede-caret');
      return;
    }
    highlights.set('lede-caret', new Highlight(this.rangeOf(start, end)));
  }

  /**
   * Scrolls the text at [start, end) into view if it is not.
   * @param {number} start
   * @param {number} end
   */
  reveal(start, end) {
    const view = this.root.ownerDocument.defaultView;
    if (!view) return;
    const bottom = view.innerHeight - (this.options.bottomInset?.() ?? 0);
    const outside = (r) => r.height === 0 || r.top < 0 || r.bottom > bottom;
    if (!outside(this.rangeOf(start, end).getBoundingClientRect())) return;
    // A block skipped by content-visibility has no layout yet: bring it near first.
    this.blocks[this.blockIndexAt(start)].el.scrollIntoView({ block: 'nearest' });
    const rect = this.rangeOf(start, end).getBoundingClientRect();
    if (outside(rect)) view.scrollBy({ top: rect.top - Math.max(0, bottom) / 3 });
  }
}
