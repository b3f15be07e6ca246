// Keeps the extension's documents in chrome.storage.local: the same methods as
// store.js's IndexedDB Store (so Autosave works with either), and one more,
// `latestFor(scope)`, the last document saved for a page.
//
// Why not IndexedDB: the panel is an extension page framed by the web page, a
// third-party context, where Chromium refuses it storage ("The user denied
// permission to access the database"). chrome.storage belongs to the extension
// wherever its page is shown. It stores JSON, so typed arrays (tokens, packed
// spans) are written as tagged plain arrays and read back as typed arrays.
import { StorageError } from '../store.js';

/**
 * @typedef {import('../state.js').DocInit} DocInit
 * @typedef {{key: string, title: string, text: string, tokens: Uint32Array, sentences: Uint32Array, words?: number}} StoredDoc
 */

/** The typed arrays a snapshot holds, by name. */
const TYPED = { Uint8Array, Uint16Array, Uint32Array, Int32Array, Float32Array, Float64Array };

/** @param {any} value @returns {any} JSON-safe: typed arrays become {$typed, values} */
export function encode(value) {
  if (ArrayBuffer.isView(value)) return { $typed: value.constructor.name, values: Array.from(/** @type {any} */ (value)) };
  if (Array.isArray(value)) return value.map(encode);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encode(v)]));
  return value;
}

/** @param {any} value @returns {any} the inverse of encode */
export function decode(value) {
  if (Array.isArray(value)) return value.map(decode);
  if (value && typeof value === 'object') {
    if (typeof value.$typed === 'string' && Array.isArray(value.values) && value.$typed in TYPED) {
      return TYPED[/** @type {keyof typeof TYPED} */ (value.$typed)].from(value.values);
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decode(v)]));
  }
  return value;
}

/** @param {unknown} err @param {string} doing */
function explain(err, doing) {
  const message = /** @type {Error} */ (err)?.message ?? String(err);
  const why = /quota/i.test(message) ? 'the extension’s storage is full — export your work and remove old pages' : message;
  return new StorageError(`Could not ${doing}: ${why}. Your changes are kept in this panel only.`, err);
}

export class ExtensionStore {
  /** @param {chrome.storage.StorageArea} area */
  constructor(area) {
    this.area = area;
    /** @type {Set<string>} keys known to be saved (this panel's) */
    this.keys = new Set();
    /** @type {Map<string, number>} when each known document was first saved */
    this.created = new Map();
  }

  /** @param {chrome.storage.StorageArea} [area] */
  static async open(area = chrome.storage.local) {
    return new ExtensionStore(area);
  }

  /** Whether this panel saved or read a document under `key`. @param {string} key */
  has(key) {
    return this.keys.has(key);
  }

  /**
   * Reads a document back, or null.
   * @param {string} key
   * @returns {Promise<DocInit|null>}
   */
  async load(key) {
    try {
      const items = await this.area.get([`doc:${key}`, `text:${key}`, `ann:${key}`]);
      const [info, text, annotations] = [items[`doc:${key}`], items[`text:${key}`], items[`ann:${key}`]];
      if (!info || !text || !annotations) return null;
      this.keys.add(key);
      this.created.set(key, info.created);
      const stored = decode(text);
      return { ...decode(annotations), key, title: info.title, text: stored.text, tokens: stored.tokens, sentences: stored.sentences };
    } catch (err) {
      throw explain(err, 'read the saved annotations');
    }
  }

  /**
   * Saves a new document: its text and tokens (written once) and its annotations.
   * @param {StoredDoc} doc
   * @param {object} snapshot DocState.snapshot()
   * @param {string} [scope] the page it belongs to: it becomes the page's latest document (latestFor)
   */
  async create(doc, snapshot, scope) {
    try {
      const now = Date.now();
      await this.area.set({
        [`text:${doc.key}`]: encode({ text: doc.text, tokens: doc.tokens, sentences: doc.sentences }),
        [`ann:${doc.key}`]: encode(snapshot),
        [`doc:${doc.key}`]: infoOf(doc, snapshot, now, now),
        ...(scope && { [`page:${scope}`]: doc.key }),
      });
      this.keys.add(doc.key);
      this.created.set(doc.key, now);
    } catch (err) {
      throw explain(err, 'save the annotations');
    }
  }

  /**
   * Saves a document's annotations and undo history. One write and no read before
   * it, so a save started as the panel closes is handed to the browser at once.
   * @param {StoredDoc} doc
   * @param {{key: string, spans: {id: ArrayLike<number>}}} snapshot
   */
  async save(doc, snapshot) {
    try {
      const now = Date.now();
      await this.area.set({
        [`ann:${doc.key}`]: encode(snapshot),
        [`doc:${doc.key}`]: infoOf(doc, snapshot, this.created.get(doc.key) ?? now, now),
      });
    } catch (err) {
      throw explain(err, 'save your changes');
    }
  }

  /**
   * The key of the document last saved for a page, or null.
   * @param {string} scope
   * @returns {Promise<string|null>}
   */
  async latestFor(scope) {
    try {
      return (await this.area.get(`page:${scope}`))[`page:${scope}`] ?? null;
    } catch (err) {
      throw explain(err, 'look up this page’s annotations');
    }
  }

  /** Deletes a document. @param {string} key */
  async remove(key) {
    try {
      await this.area.remove([`doc:${key}`, `text:${key}`, `ann:${key}`]);
      this.keys.delete(key);
    } catch (err) {
      throw explain(err, 'delete the annotations');
    }
  }
}

/** @param {StoredDoc} doc @param {{spans: {id: ArrayLike<number>}}} snapshot @param {number} created @param {number} updated */
function infoOf(doc, snapshot, created, updated) {
  return {
    key: doc.key, title: doc.title, chars: doc.text.length,
    words: doc.words ?? 0, spans: snapshot.spans.id.length, created, updated,
  };
}
