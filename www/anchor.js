// Maps between text offsets and DOM positions under a root element, and saves a
// stretch of text as two selectors (W3C Web Annotation): its position and its
// quote with some context. Offsets are UTF-16 code units into the root's
// textContent. Anchoring again tries the position, checks it against the quote,
// then searches for the quote (exactly, then ignoring whitespace differences)
// nearest the old position — so annotations survive small changes to a page.

/**
 * @typedef {{type: 'TextPositionSelector', start: number, end: number}} PositionSelectorData
 * @typedef {{type: 'TextQuoteSelector', exact: string, prefix: string, suffix: string}} QuoteSelectorData
 */

/** Characters of context kept on each side of a quote. */
export const CONTEXT = 32;

/**
 * The text offset of DOM position (node, offset) inside `root`.
 * @param {Node} root
 * @param {Node} node
 * @param {number} offset
 */
export function textOffset(root, node, offset) {
  const range = root.ownerDocument.createRange();
  range.setStart(root, 0);
  range.setEnd(node, offset);
  // A Range's string is the data of the Text nodes it covers: textContent's units.
  return range.toString().length;
}

/**
 * The DOM position of text offset `offset` inside `root`: a Text node and an offset
 * in it. At a boundary between two nodes, `preferEnd` picks the end of the first
 * (for a range's end), otherwise the start of the second.
 * @param {Node} root
 * @param {number} offset
 * @param {boolean} [preferEnd]
 * @returns {{node: Node, offset: number}}
 */
export function domPoint(root, offset, preferEnd = false) {
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  let seen = 0;
  let last = null;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const length = /** @type {Text} */ (node).data.length;
    if (offset < seen + length || (preferEnd && offset === seen + length)) return { node, offset: offset - seen };
    seen += length;
    last = node;
  }
  if (last && offset === seen) return { node: last, offset: /** @type {Text} */ (last).data.length };
  return { node: root, offset: root.childNodes.length };
}

/**
 * A DOM Range over text offsets [start, end) inside `root`.
 * @param {Node} root
 * @param {number} start
 * @param {number} end
 */
export function rangeOf(root, start, end) {
  const range = root.ownerDocument.createRange();
  const a = domPoint(root, start);
  const b = end === start ? a : domPoint(root, end, true);
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}

/** Where a stretch of text is: UTF-16 start and end in the root's textContent. */
export class TextPositionSelector {
  /** @param {Node} root @param {number} start @param {number} end */
  constructor(root, start, end) {
    this.root = root;
    this.start = start;
    this.end = end;
  }

  /** @param {Node} root @param {Range} range */
  static fromRange(root, range) {
    return new TextPositionSelector(root, textOffset(root, range.startContainer, range.startOffset),
      textOffset(root, range.endContainer, range.endOffset));
  }

  /** @param {Node} root @param {PositionSelectorData} selector */
  static fromSelector(root, selector) {
    return new TextPositionSelector(root, selector.start, selector.end);
  }

  /** @returns {Range|null} null when the root's text is too short */
  toRange() {
    if (this.end > (this.root.textContent ?? '').length) return null;
    return rangeOf(this.root, this.start, this.end);
  }

  /** @returns {PositionSelectorData} */
  toSelector() {
    return { type: 'TextPositionSelector', start: this.start, end: this.end };
  }
}

/** What a stretch of text says: the exact text with up to CONTEXT characters either side. */
export class TextQuoteSelector {
  /** @param {Node} root @param {string} exact @param {string} prefix @param {string} suffix */
  constructor(root, exact, prefix = '', suffix = '') {
    this.root = root;
    this.exact = exact;
    this.prefix = prefix;
    this.suffix = suffix;
  }

  /** @param {Node} root @param {Range} range */
  static fromRange(root, range) {
    const text = root.textContent ?? '';
    const { start, end } = TextPositionSelector.fromRange(root, range);
    return new TextQuoteSelector(root, text.slice(start, end), text.slice(Math.max(0, start - CONTEXT), start),
      text.slice(end, end + CONTEXT));
  }

  /** @param {Node} root @param {QuoteSelectorData} selector */
  static fromSelector(root, selector) {
    return new TextQuoteSelector(root, selector.exact, selector.prefix ?? '', selector.suffix ?? '');
  }

  /**
   * Finds the quote, preferring the occurrence whose context matches best and,
   * among equals, the one nearest `hint` (an old start offset).
   * @param {number} [hint]
   * @returns {Range|null}
   */
  toRange(hint = 0) {
    const found = this.locate(hint);
    return found ? rangeOf(this.root, found.start, found.end) : null;
  }

  /**
   * The text offsets of the best occurrence, or null.
   * @param {number} [hint]
   * @returns {{start: number, end: number}|null}
   */
  locate(hint = 0) {
    const text = this.root.textContent ?? '';
    if (!this.exact) return null;
    const exact = bestOccurrence(text, this.exact, this.prefix, this.suffix, hint);
    if (exact) return exact;
    return looseOccurrence(text, this.exact, hint);
  }

  /** @returns {QuoteSelectorData} */
  toSelector() {
    return { type: 'TextQuoteSelector', exact: this.exact, prefix: this.prefix, suffix: this.suffix };
  }
}

/**
 * Re-anchors a saved annotation: the position if the text there is still the
 * quote, else the quote searched near the old position.
 * @param {Node} root
 * @param {{position?: PositionSelectorData, quote: QuoteSelectorData}} selectors
 * @returns {{start: number, end: number}|null} null when the quote is gone (orphaned)
 */
export function anchor(root, { position, quote }) {
  const text = root.textContent ?? '';
  if (position && text.slice(position.start, position.end) === quote.exact) {
    return { start: position.start, end: position.end };
  }
  return TextQuoteSelector.fromSelector(root, quote).locate(position?.start ?? 0);
}

/** Length of the common suffix of a and b. */
function commonSuffix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[a.length - 1 - n] === b[b.length - 1 - n]) n++;
  return n;
}

/** Length of the common prefix of a and b. */
function commonPrefix(a, b) {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

function bestOccurrence(text, exact, prefix, suffix, hint) {
  let best = null;
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const context = commonSuffix(text.slice(Math.max(0, at - prefix.length), at), prefix)
      + commonPrefix(text.slice(end, end + suffix.length), suffix);
    const distance = Math.abs(at - hint);
    if (!best || context > best.context || (context === best.context && distance < best.distance)) {
      best = { start: at, end, context, distance };
    }
  }
  return best && { start: best.start, end: best.end };
}

/**
 * The quote found with any run of whitespace matching any other (pages re-wrap
 * text), mapped back to offsets in the original text.
 */
function looseOccurrence(text, exact, hint) {
  const collapse = (s) => {
    let out = '';
    /** @type {number[]} */
    const origin = [];
    for (let i = 0; i < s.length; i++) {
      if (/\s/.test(s[i])) {
        if (out.endsWith(' ')) continue;
        out += ' ';
      } else {
        out += s[i];
      }
      origin.push(i);
    }
    origin.push(s.length);
    return { out, origin };
  };
  const needle = collapse(exact.trim()).out;
  if (!needle) return null;
  const hay = collapse(text);
  const found = bestOccurrence(hay.out, needle, '', '', hay.origin.findIndex((o) => o >= hint));
  if (!found) return null;
  return { start: hay.origin[found.start], end: hay.origin[found.end - 1] + 1 };
}
