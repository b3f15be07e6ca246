// Shows progress for work that takes long enough to notice (over 200 ms): a
// label and a <progress> bar, determinate when the work reports fractions.

export class Progress {
  /**
   * @param {HTMLElement} root holds the label and bar; hidden while idle
   * @param {number} [delayMs] how long work runs before progress appears
   */
  constructor(root, delayMs = 200) {
    this.root = root;
    this.delayMs = delayMs;
    this.label = document.createElement('span');
    this.bar = document.createElement('progress');
    this.bar.max = 1;
    root.replaceChildren(this.label, this.bar);
    root.hidden = true;
    this.timer = 0;
    this.jobs = 0;
  }

  /**
   * Starts a piece of work; returns its handle.
   * @param {string} label what is happening ("Annotating…")
   */
  start(label) {
    this.jobs++;
    clearTimeout(this.timer);
    this.label.textContent = label;
    this.bar.removeAttribute('value');
    this.bar.setAttribute('aria-label', label);
    if (this.root.hidden) this.timer = setTimeout(() => { if (this.jobs) this.root.hidden = false; }, this.delayMs);
    let finished = false;
    return {
      /** @param {number} fraction 0…1 */
      update: (fraction) => { this.bar.value = fraction; },
      /** @param {string} text */
      relabel: (text) => { this.label.textContent = text; this.bar.setAttribute('aria-label', text); },
      done: () => {
        if (finished) return;
        finished = true;
        this.jobs--;
        if (!this.jobs) {
          clearTimeout(this.timer);
          this.root.hidden = true;
        }
      },
    };
  }
}
