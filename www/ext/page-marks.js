// Puts the panel's spans into the page being read as <mark data-lede-label>
// elements, and takes them out again. Span offsets are UTF-16 offsets into the
// article text extract.js read from this page; each block of that text knows the
// page's Text nodes it came from (`locateInBlock`), so a span becomes a DOM Range
// in the page, and highlight.js wraps it without moving any other node.
//
// Wrapping splits Text nodes, which leaves the blocks' node lists stale: before
// placing more spans the article is read again (a few milliseconds on a news
// page), and placing is refused if the page's article text has changed since
// the panel annotated it (a live page that updated itself).
import { extractArticle, locateInBlock } from '../extract.js';
import { highlightRange, removeHighlights } from '../highlight.js';

/**
 * @typedef {import('../extract.js').Article} Article
 * @typedef {{id: number, start: number, end: number, label: string, color?: string}} PageSpan
 *   what the panel sends: UTF-16 offsets into the article text, and the label's colour
 */

/** How long a revealed highlight stays emphasized. */
const FOCUS_MS = 1600;

export class PageMarks {
  /**
   * @param {Document} doc the page
   * @param {Article} article what extract.js read from it
   */
  constructor(doc, article) {
    this.doc = doc;
    this.article = article;
    this.text = article.text;
    /** Whether marks were made or removed since `article` was read. */
    this.stale = false;
    /** @type {Map<number, HTMLElement[]>} */
    this.marksById = new Map();
    /** @type {Set<string>} */
    this.hidden = new Set();
    this.focusTimer = 0;
  }

  /** Every span's marks replaced by these. @param {PageSpan[]} spans */
  show(spans) {
    this.clear();
    return this.place(spans);
  }

  /**
   * Applies one change: the marks of `removed` spans go, `added` spans get theirs.
   * @param {number[]} removed span ids
   * @param {PageSpan[]} added
   */
  update(removed, added) {
    const gone = removed.flatMap((id) => this.marksById.get(id) ?? []);
    for (const id of removed) this.marksById.delete(id);
    if (gone.length) {
      removeHighlights(gone);
      this.stale = true;
    }
    return this.place(added);
  }

  /**
   * Wraps each span's text in the page; returns how many spans got marks.
   * @param {PageSpan[]} spans
   * @returns {{placed: number, missing: number}} `missing`: spans that could not be placed
   */
  place(spans) {
    if (!spans.length) return { placed: 0, missing: 0 };
    const article = this.#current();
    if (!article) return { placed: 0, missing: spans.length };
    // Every Range first: wrapping splits Text nodes, which live Ranges follow but the blocks' lists do not.
    const ranges = spans.map((span) => [span, rangesOf(article, span.start, span.end, this.doc)]);
    let placed = 0;
    for (const [span, spanRanges] of ranges) {
      const marks = spanRanges.flatMap((range) => highlightRange(range, () => this.#makeMark(span)));
      if (!marks.length) continue;
      this.marksById.set(span.id, marks);
      placed++;
    }
    this.stale = true;
    return { placed, missing: spans.length - placed };
  }

  /** Labels whose highlights are shown without colour. @param {Iterable<string>} labels */
  setHidden(labels) {
    this.hidden = new Set(labels);
    for (const marks of this.marksById.values()) {
      for (const mark of marks) mark.toggleAttribute('data-lede-hidden', this.hidden.has(mark.dataset.ledeLabel ?? ''));
    }
  }

  /** Scrolls a span's highlight into view and emphasizes it for a moment. @param {number} id */
  reveal(id) {
    const marks = this.marksById.get(id);
    if (!marks?.length) return;
    for (const mark of this.doc.querySelectorAll('mark[data-lede-focus]')) mark.removeAttribute('data-lede-focus');
    for (const mark of marks) mark.setAttribute('data-lede-focus', '');
    marks[0].scrollIntoView({ block: 'center', behavior: 'smooth' });
    clearTimeout(this.focusTimer);
    this.focusTimer = setTimeout(() => {
      for (const mark of marks) mark.removeAttribute('data-lede-focus');
    }, FOCUS_MS);
  }

  /** The span id of a mark the person clicked, or null. @param {EventTarget|null} target */
  spanAt(target) {
    const mark = target instanceof Element ? target.closest('mark[data-lede-span]') : null;
    return mark ? Number(/** @type {HTMLElement} */ (mark).dataset.ledeSpan) : null;
  }

  /** Takes every highlight out of the page. */
  clear() {
    const all = [...this.marksById.values()].flat();
    this.marksById.clear();
    if (all.length) {
      removeHighlights(all);
      this.stale = true;
    }
  }

  /** The article with up-to-date Text nodes, or null if its text changed. */
  #current() {
    if (!this.stale) return this.article;
    const article = extractArticle(this.doc);
    if (article.text !== this.text) return null;
    this.article = article;
    this.stale = false;
    return article;
  }

  /** @param {PageSpan} span */
  #makeMark(span) {
    const mark = this.doc.createElement('mark');
    mark.dataset.ledeLabel = span.label;
    mark.dataset.ledeSpan = String(span.id);
    mark.title = `${span.label} (lede)`;
    if (span.color) mark.style.setProperty('--lede-color', span.color);
    if (this.hidden.has(span.label)) mark.setAttribute('data-lede-hidden', '');
    return mark;
  }
}

/**
 * The page Ranges covering article offsets [start, end): one per block the span
 * touches (a span never really crosses blocks, but its offsets may include the
 * blank line between them). Blocks made from structured data have no nodes.
 * @param {Article} article
 * @param {number} start
 * @param {number} end
 * @param {Document} doc
 * @returns {Range[]}
 */
export function rangesOf(article, start, end, doc) {
  const ranges = [];
  for (const block of article.blocks) {
    const from = Math.max(start, block.start) - block.start;
    const to = Math.min(end, block.start + block.text.length) - block.start;
    if (from >= to || !block.nodes.length) continue;
    const a = locateInBlock(block, from);
    const b = locateInBlock(block, to, true);
    if (!a || !b) continue;
    const range = doc.createRange();
    range.setStart(a.node, a.offset);
    range.setEnd(b.node, b.offset);
    ranges.push(range);
  }
  return ranges;
}
