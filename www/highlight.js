// Wraps a DOM Range in <mark> elements and unwraps exactly those again. Works on
// any DOM — the annotator's own text view or a live news page — because it only
// splits Text nodes at the range's edges and wraps each run of adjacent Text
// nodes in one mark; it never moves or rebuilds other elements, so links and
// layout around the text are untouched. Runs that are only whitespace are not
// wrapped (a highlight across a paragraph break makes one mark per paragraph).

/** Elements whose text is not page text and must never be wrapped. */
const OPAQUE = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEXTAREA', 'OPTION', 'TEMPLATE', 'TITLE']);

/**
 * The Text nodes the range covers, the first and last split so they lie wholly
 * inside it.
 * @param {Range} range
 * @returns {Text[]}
 */
function coveredTextNodes(range) {
  if (range.collapsed) return [];
  let { startContainer: startNode, startOffset, endContainer: endNode, endOffset } = range;
  // Split the end first: splitting the start would shift the end offset in a shared node.
  if (endNode.nodeType === Node.TEXT_NODE && endOffset > 0 && endOffset < /** @type {Text} */ (endNode).data.length) {
    /** @type {Text} */ (endNode).splitText(endOffset);
  }
  if (startNode.nodeType === Node.TEXT_NODE && startOffset > 0) {
    const tail = /** @type {Text} */ (startNode).splitText(startOffset);
    if (endNode === startNode) {
      endNode = tail;
      endOffset -= startOffset;
    }
    startNode = tail;
    startOffset = 0;
  }
  const doc = startNode.ownerDocument ?? document;
  const covering = doc.createRange();
  covering.setStart(startNode, startOffset);
  covering.setEnd(endNode, endOffset);
  const root = covering.commonAncestorContainer;
  if (root.nodeType === Node.TEXT_NODE) return covering.collapsed ? [] : [/** @type {Text} */ (root)];
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = /** @type {Text} */ (node);
    if (!covering.intersectsNode(text) || text.data.length === 0) continue;
    // A node the range only touches at its very end is not covered.
    if (text === endNode && endOffset === 0) continue;
    if (text === startNode && startOffset === text.data.length) continue;
    if (OPAQUE.has(text.parentElement?.tagName ?? '')) continue;
    nodes.push(text);
  }
  return nodes;
}

/**
 * Wraps the text in `range` in marks made by `makeMark`; returns them in order.
 * @param {Range} range
 * @param {() => HTMLElement} makeMark called once per run of adjacent Text nodes
 * @returns {HTMLElement[]}
 */
export function highlightRange(range, makeMark) {
  const runs = [];
  for (const node of coveredTextNodes(range)) {
    const run = runs.at(-1);
    if (run && run.at(-1).nextSibling === node) run.push(node);
    else runs.push([node]);
  }
  const marks = [];
  for (const run of runs) {
    if (run.every((n) => !/\S/.test(n.data))) continue;
    const mark = makeMark();
    run[0].before(mark);
    mark.append(...run);
    marks.push(mark);
  }
  return marks;
}

/**
 * Unwraps marks made by highlightRange, leaving their text where it was and
 * merging it back with the neighbouring Text nodes.
 * @param {Iterable<Element>} marks
 */
export function removeHighlights(marks) {
  const parents = new Set();
  for (const mark of marks) {
    const parent = mark.parentNode;
    if (!parent) continue;
    mark.replaceWith(...mark.childNodes);
    parents.add(parent);
  }
  for (const parent of parents) parent.normalize();
}
