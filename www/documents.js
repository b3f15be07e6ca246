// The list of earlier documents kept in storage (a modal dialog): open one to go
// on correcting it, or delete it.
import { h } from './dom.js';

/**
 * @typedef {import('./store.js').Store} Store
 * @typedef {{onOpen: (key: string) => void, onError: (err: Error) => void, currentKey?: string}} DocumentsCallbacks
 */

/**
 * Fills and opens the documents dialog.
 * @param {HTMLDialogElement} dialog
 * @param {Store|null} store
 * @param {DocumentsCallbacks} callbacks
 */
export async function showDocuments(dialog, store, callbacks) {
  const close = h('button', { type: 'button', class: 'lede-close', 'aria-label': 'Close documents' }, ['×']);
  close.addEventListener('click', () => dialog.close());
  const list = h('ul', { class: 'lede-documents' });
  dialog.setAttribute('aria-labelledby', 'documents-title');
  dialog.replaceChildren(h('div', { class: 'lede-dialog-head' }, [h('h2', { id: 'documents-title' }, ['Your documents']), close]), list);
  if (!dialog.open) dialog.showModal();
  close.focus();
  if (!store) {
    list.replaceWith(h('p', {}, ['Saved documents are not available: the browser’s storage could not be opened.']));
    return;
  }
  let docs;
  try {
    docs = await store.listDocuments();
  } catch (err) {
    callbacks.onError(/** @type {Error} */ (err));
    return;
  }
  if (!docs.length) {
    list.replaceWith(h('p', {}, ['No saved documents yet. Paste an article and press Annotate.']));
    return;
  }
  const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
  list.replaceChildren(...docs.map((d) => {
    const open = h('button', { type: 'button', class: 'lede-doc-open' }, [
      h('span', { class: 'lede-doc-title' }, [d.title]),
      h('span', { class: 'lede-muted' }, [`${d.words.toLocaleString()} words · ${d.spans} spans · ${when.format(d.updated)}`]),
    ]);
    if (d.key === callbacks.currentKey) open.setAttribute('aria-current', 'true');
    open.addEventListener('click', () => {
      dialog.close();
      callbacks.onOpen(d.key);
    });
    const remove = h('button', { type: 'button', class: 'lede-danger', 'aria-label': `Delete ${d.title}` }, ['Delete']);
    const li = h('li', {}, [open, remove]);
    remove.addEventListener('click', async () => {
      try {
        await store.remove(d.key);
        li.remove();
      } catch (err) {
        callbacks.onError(/** @type {Error} */ (err));
      }
    });
    return li;
  }));
}
