// Builds DOM elements from data. Text goes in as Text nodes (Node.append with a
// string), never parsed as HTML, so article text cannot inject markup.

/**
 * Creates `<tag attrs…>children…</tag>`.
 * @param {string} tag
 * @param {Record<string, string>} [attrs] attribute values; `class` sets className
 * @param {(Node|string)[]} [children] strings become Text nodes
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, children = []) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') el.className = v;
    else el.setAttribute(k, v);
  }
  el.append(...children);
  return el;
}
