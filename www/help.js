// The keyboard help overlay (`?`): a modal <dialog> listing every shortcut and
// the current labels' keys, built from the editor's table and the label set, and
// what the page is made of (the attribution GeoNames' CC BY 4.0 license asks for).
import { h } from './dom.js';
import { SHORTCUTS } from './editor.js';

/**
 * Fills and opens the help dialog.
 * @param {HTMLDialogElement} dialog
 * @param {import('./labels.js').LabelSet} labels
 */
export function showHelp(dialog, labels) {
  const rows = (pairs) => pairs.map(([keys, what]) => h('tr', {}, [h('th', { scope: 'row' }, [h('kbd', {}, [keys])]), h('td', {}, [what])]));
  const close = h('button', { type: 'button', class: 'lede-close', 'aria-label': 'Close help' }, ['×']);
  close.addEventListener('click', () => dialog.close());
  dialog.replaceChildren(
    h('div', { class: 'lede-dialog-head' }, [h('h2', { id: 'help-title' }, ['Keyboard shortcuts']), close]),
    h('p', {}, ['Click or Tab into the annotated text, then:']),
    h('table', { class: 'lede-shortcuts' }, [h('tbody', {}, rows(SHORTCUTS))]),
    h('h3', {}, ['Label keys']),
    h('table', { class: 'lede-shortcuts' }, [h('tbody', {}, rows(labels.defs.filter((d) => d.key).map((d) => [d.key, d.name])))]),
    h('h3', {}, ['About']),
    h('p', { class: 'lede-about' }, [
      'lede annotates in this page: the text never leaves your machine. ',
      'Place names: GeoNames (geonames.org), CC BY 4.0. Given names and surnames: 1990 US Census (public domain). ',
      'The entity model is trained on GMB, GUM, BTC and WNUT-17 (see the project README).',
    ]),
  );
  dialog.setAttribute('aria-labelledby', 'help-title');
  if (!dialog.open) dialog.showModal();
  close.focus();
}
