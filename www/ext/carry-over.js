// Brings a person's corrections on a page forward when the page's article text
// has changed since (an edited story, a live blog with new posts, a different
// teaser inside the article). Each correction is saved with its position and its
// quote with context, and found again in the new text with anchor.js: the
// position if the quote is still there, else the quote nearest the old position.
import { CONTEXT, anchor } from '../anchor.js';
import { DocState, rejectionKey } from '../state.js';

/**
 * @typedef {import('../state.js').DocInit} DocInit
 * @typedef {import('../state.js').Span} Span
 * @typedef {import('../labels.js').LabelDef} LabelDef
 * @typedef {{spans: Omit<Span, 'id'>[], rejected: string[], labels: LabelDef[], refDate: string|null, orphaned: number}} CarriedOver
 *   `refDate` only when the person had set it; `orphaned`: corrections whose text is gone
 */

/** A span a person made, imported, or gave a value to: the engine would not make it again. */
const isCorrection = (/** @type {Span} */ s) => s.source === 'user' || s.source === 'import' || !!s.valueByUser;

/**
 * Finds stretch [start, end) of `oldText` in the new text under `root`.
 * @param {Node} root holds the new text
 * @param {string} oldText
 * @param {number} start
 * @param {number} end
 */
function reanchor(root, oldText, start, end) {
  return anchor(root, {
    position: { type: 'TextPositionSelector', start, end },
    quote: {
      type: 'TextQuoteSelector', exact: oldText.slice(start, end),
      prefix: oldText.slice(Math.max(0, start - CONTEXT), start), suffix: oldText.slice(end, end + CONTEXT),
    },
  });
}

/**
 * The corrections of `old` placed in `text`: the spans a person made (with label,
 * value and entity), the engine spans they deleted (so a new run does not bring
 * them back), their own labels, and the reference date if they set it.
 * @param {DocInit} old a saved document of the same page
 * @param {string} text the page's article text now
 * @param {Document} [doc] makes the detached node the text is searched in
 * @returns {CarriedOver}
 */
export function carryOver(old, text, doc = document) {
  const before = new DocState(old);
  const root = doc.createElement('div');
  root.textContent = text;
  const spans = [];
  let orphaned = 0;
  for (const span of before.sorted.filter(isCorrection)) {
    const at = reanchor(root, before.text, span.start, span.end);
    if (!at) {
      orphaned++;
      continue;
    }
    const { id: _id, ...rest } = span;
    spans.push({ ...rest, start: at.start, end: at.end });
  }
  const rejected = [];
  for (const key of before.rejected) {
    const [start, end, ...label] = key.split(':');
    const at = reanchor(root, before.text, Number(start), Number(end));
    if (at) rejected.push(rejectionKey({ start: at.start, end: at.end, label: label.join(':') }));
  }
  return {
    spans, rejected, orphaned,
    labels: before.labels.toJSON(),
    refDate: before.refDateSource === 'given' ? before.refDate : null,
  };
}
