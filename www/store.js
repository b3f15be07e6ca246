// Keeps documents in IndexedDB so no work is lost: the text (written once), the
// annotations with their undo history (rewritten after every change), a list of
// documents for reopening, and which one was open last. Storage failures
// (quota, private browsing, a blocked database) become errors with a message a
// person can act on; callers show them.

/**
 * @typedef {import('./state.js').DocInit} DocInit
 * @typedef {{key: string, title: string, chars: number, words: number, created: number, updated: number, spans: number}} DocumentInfo
 */

const DB_VERSION = 1;
const STORES = ['documents', 'texts', 'annotations', 'meta'];

/**
 * A document's storage key: a hash of its text, so pasting the same article again
 * reopens the work done on it. `scope` separates callers (the extension adds the URL).
 * @param {string} text
 * @param {string} [scope]
 */
export function documentKey(text, scope = '') {
  // Two independent 32-bit FNV-1a style lanes plus the length: collisions between
  // two articles one person keeps are not a practical concern at 64 bits.
  let a = 0x811c9dc5;
  let b = 0x9e3779b9 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 15;
  }
  const hex = (n) => (n >>> 0).toString(16).padStart(8, '0');
  return `${scope}${hex(a)}${hex(b)}-${text.length}`;
}

/** An IndexedDB failure explained for people. */
export class StorageError extends Error {
  /** @param {string} message @param {unknown} [cause] */
  constructor(message, cause) {
    super(message, { cause });
    this.name = 'StorageError';
  }
}

/** @param {any} err @param {string} doing */
function explain(err, doing) {
  const name = err?.name ?? 'Error';
  const why = name === 'QuotaExceededError' ? 'the browser’s storage for this page is full — delete old documents or export your work'
    : name === 'InvalidStateError' || name === 'SecurityError' ? 'this browser does not allow storage here (private browsing?)'
      : `${name}: ${err?.message ?? err}`;
  return new StorageError(`Could not ${doing}: ${why}. Your changes are kept in this tab only.`, err);
}

/** @template T @param {IDBRequest<T>} request @returns {Promise<T>} */
const done = (request) => new Promise((resolve, reject) => {
  request.onsuccess = () => resolve(request.result);
  request.onerror = () => reject(request.error);
});

/** @param {IDBTransaction} tx */
const committed = (tx) => new Promise((resolve, reject) => {
  tx.oncomplete = () => resolve(undefined);
  tx.onerror = () => reject(tx.error);
  tx.onabort = () => reject(tx.error ?? new DOMException('transaction aborted', 'AbortError'));
});

export class Store {
  /**
   * @param {IDBDatabase} db
   * @param {string[]} keys the saved documents' keys
   */
  constructor(db, keys = []) {
    this.db = db;
    this.keys = new Set(keys);
  }

  /** Whether a document is saved under `key` (known without a database round trip). @param {string} key */
  has(key) {
    return this.keys.has(key);
  }

  /**
   * Opens (creating if needed) the database.
   * @param {string} [name]
   * @returns {Promise<Store>}
   */
  static async open(name = 'lede') {
    try {
      const request = indexedDB.open(name, DB_VERSION);
      request.onupgradeneeded = () => {
        const db = request.result;
        for (const store of STORES) {
          if (!db.objectStoreNames.contains(store)) db.createObjectStore(store, store === 'meta' ? undefined : { keyPath: 'key' });
        }
      };
      const db = await done(request);
      const keys = await done(db.transaction(['documents'], 'readonly').objectStore('documents').getAllKeys());
      return new Store(db, /** @type {string[]} */ (keys));
    } catch (err) {
      throw explain(err, 'open the browser’s storage');
    }
  }

  /** @param {string[]} stores @param {IDBTransactionMode} mode */
  #tx(stores, mode) {
    return this.db.transaction(stores, mode, { durability: 'relaxed' });
  }

  /** Earlier documents, most recently changed first. @returns {Promise<DocumentInfo[]>} */
  async listDocuments() {
    try {
      const all = await done(this.#tx(['documents'], 'readonly').objectStore('documents').getAll());
      return all.sort((x, y) => y.updated - x.updated);
    } catch (err) {
      throw explain(err, 'list saved documents');
    }
  }

  /**
   * Reads a document back, or null if there is none under `key`.
   * @param {string} key
   * @returns {Promise<DocInit|null>}
   */
  async load(key) {
    try {
      const tx = this.#tx(['documents', 'texts', 'annotations'], 'readonly');
      const [info, text, annotations] = await Promise.all(['documents', 'texts', 'annotations']
        .map((s) => done(tx.objectStore(s).get(key))));
      if (!info || !text || !annotations) return null;
      return { ...annotations, key, title: info.title, text: text.text, tokens: text.tokens, sentences: text.sentences };
    } catch (err) {
      throw explain(err, 'read the saved document');
    }
  }

  /**
   * Saves a new document: its text and tokens, and its first annotations.
   * @param {{key: string, title: string, text: string, tokens: Uint32Array, sentences: Uint32Array}} doc
   * @param {object} snapshot DocState.snapshot()
   */
  async create(doc, snapshot) {
    try {
      const tx = this.#tx(['documents', 'texts', 'annotations', 'meta'], 'readwrite');
      const now = Date.now();
      tx.objectStore('texts').put({ key: doc.key, text: doc.text, tokens: doc.tokens, sentences: doc.sentences });
      tx.objectStore('annotations').put(snapshot);
      tx.objectStore('documents').put(infoOf(doc, snapshot, now, now));
      tx.objectStore('meta').put(doc.key, 'last');
      await committed(tx);
      this.keys.add(doc.key);
    } catch (err) {
      throw explain(err, 'save the document');
    }
  }

  /**
   * Saves a document's annotations and undo history.
   * @param {{key: string, title: string, text: string}} doc
   * @param {{key: string, spans: {id: ArrayLike<number>}}} snapshot DocState.snapshot()
   */
  async save(doc, snapshot) {
    try {
      const tx = this.#tx(['documents', 'annotations'], 'readwrite');
      tx.objectStore('annotations').put(snapshot);
      const documents = tx.objectStore('documents');
      const old = await done(documents.get(doc.key));
      documents.put(infoOf(doc, snapshot, old?.created ?? Date.now(), Date.now()));
      await committed(tx);
    } catch (err) {
      throw explain(err, 'save your changes');
    }
  }

  /** Remembers which document to reopen. @param {string} key */
  async setLast(key) {
    try {
      const tx = this.#tx(['meta'], 'readwrite');
      tx.objectStore('meta').put(key, 'last');
      await committed(tx);
    } catch (err) {
      throw explain(err, 'remember the open document');
    }
  }

  /** @returns {Promise<string|undefined>} */
  async getLast() {
    try {
      return await done(this.#tx(['meta'], 'readonly').objectStore('meta').get('last'));
    } catch (err) {
      throw explain(err, 'find the last document');
    }
  }

  /** Deletes a document and everything saved with it. @param {string} key */
  async remove(key) {
    try {
      const tx = this.#tx(['documents', 'texts', 'annotations'], 'readwrite');
      for (const s of ['documents', 'texts', 'annotations']) tx.objectStore(s).delete(key);
      await committed(tx);
      this.keys.delete(key);
    } catch (err) {
      throw explain(err, 'delete the document');
    }
  }
}

function infoOf(doc, snapshot, created, updated) {
  return {
    key: doc.key, title: doc.title, chars: doc.text.length,
    words: doc.words ?? 0, spans: snapshot.spans.id.length, created, updated,
  };
}

/**
 * Saves documents shortly after each change (when the page is next idle, and
 * always within `delayMs`), one save at a time, and once more when the page is
 * hidden or closed. Changes to several documents wait side by side, so
 * switching documents never drops the one left behind.
 */
export class Autosave {
  /**
   * @param {Store|null} store null when storage could not be opened (nothing is saved)
   * @param {{delayMs?: number, onSaved?: () => void, onError?: (err: Error) => void}} [options]
   *   `delayMs`: the longest a change waits to be saved (default 600; the save itself then takes
   *   a few milliseconds, so every change is stored within a second)
   */
  constructor(store, options = {}) {
    this.store = store;
    this.options = { delayMs: 600, ...options };
    /** @type {Map<string, {doc: {key: string, title: string, text: string}, snapshot: () => any}>} unsaved, by document key */
    this.pending = new Map();
    /** @type {Promise<void>|null} */
    this.saving = null;
    this.timer = 0;
    addEventListener('pagehide', () => this.flush());
    document.addEventListener('visibilitychange', () => { if (document.hidden) this.flush(); });
  }

  /**
   * Notes that `doc` changed; saves it soon.
   * @param {{key: string, title: string, text: string}} doc
   * @param {() => any} snapshot reads the state to save at save time
   */
  schedule(doc, snapshot) {
    this.pending.set(doc.key, { doc, snapshot });
    if (!this.timer && !this.saving) this.#later();
  }

  /** Saves when the page is next idle (so a save never delays the paint of an edit), and within delayMs. */
  #later() {
    const run = () => this.flush();
    this.timer = typeof requestIdleCallback === 'function'
      ? requestIdleCallback(run, { timeout: this.options.delayMs })
      : setTimeout(run, Math.min(200, this.options.delayMs));
  }

  /** Saves everything unsaved now; resolves once it is all saved. @returns {Promise<void>} */
  async flush() {
    if (typeof cancelIdleCallback === 'function') cancelIdleCallback(this.timer);
    clearTimeout(this.timer);
    this.timer = 0;
    if (this.saving) {
      // A save is under way: wait for it, then save what changed meanwhile.
      await this.saving;
      return this.flush();
    }
    if (!this.pending.size || !this.store) return;
    const batch = [...this.pending.values()];
    this.pending.clear();
    const store = this.store;
    this.saving = (async () => {
      for (const { doc, snapshot } of batch) {
        try {
          await store.save(doc, snapshot());
          this.options.onSaved?.();
        } catch (err) {
          this.options.onError?.(/** @type {Error} */ (err));
        }
      }
    })().finally(() => {
      this.saving = null;
      if (this.pending.size) this.#later();
    });
    return this.saving;
  }
}
