// Talks to worker.js: one request, one promise. Keeps the page free of wasm.

/** @typedef {import('./worker.js').Reply} Reply */

export class AnnotatorClient {
  constructor(url = new URL('./worker.js', import.meta.url)) {
    this.worker = new Worker(url, { type: 'module' });
    this.nextId = 1;
    /** @type {Map<number, {resolve: Function, reject: Function}>} */
    this.pending = new Map();
    this.worker.onmessage = (event) => this.#settle(event.data);
    this.worker.onerror = (event) => {
      const error = new Error(event.message || 'the annotation worker failed to start');
      for (const { reject } of this.pending.values()) reject(error);
      this.pending.clear();
    };
  }

  /** @param {Reply} reply */
  #settle(reply) {
    const waiter = this.pending.get(reply.id);
    if (!waiter) return;
    this.pending.delete(reply.id);
    if (reply.ok) waiter.resolve(reply.value);
    else waiter.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name }));
  }

  #request(message) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.postMessage({ ...message, id });
    });
  }

  /**
   * Annotates text in the worker. Offsets in the result are UTF-16 code units.
   * @param {string} text
   * @param {{refDate?: string, today?: string}} [options]
   */
  annotate(text, options = {}) {
    return this.#request({ type: 'annotate', text, options });
  }

  /** @returns {Promise<string>} */
  version() {
    return this.#request({ type: 'version' });
  }
}
