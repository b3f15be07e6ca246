// Highlights spans in an element the way the app does: one left-to-right pass over
// sorted spans, text through Text nodes, each span a <mark data-label>.

/** Fills `root` with `text`, wrapping each span of `flat` (UTF-16 offsets) in a mark; returns the mark count. */
export function renderHighlights(root, text, flat) {
  const frag = document.createDocumentFragment();
  let at = 0;
  let marks = 0;
  for (let i = 0; i < flat.spans.length; i += 2) {
    const [start, end] = [flat.spans[i], flat.spans[i + 1]];
    if (start < at) continue;
    frag.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement('mark');
    mark.dataset.label = flat.labels[flat.spanLabels[i / 2]];
    mark.append(document.createTextNode(text.slice(start, end)));
    frag.append(mark);
    marks++;
    at = end;
  }
  frag.append(document.createTextNode(text.slice(at)));
  root.replaceChildren(frag);
  return marks;
}

/** Resolves after the next frame has been painted. */
export function nextPaint() {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}
