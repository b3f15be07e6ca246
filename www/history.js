// Unlimited undo/redo over patches. A patch is plain data (the spans it removed
// and added, and the fields it changed with their old and new values), so the
// whole history is saved with the document and survives a reload.

/**
 * @typedef {import('./state.js').Span} Span
 * @typedef {{removed: Span[], added: Span[], set?: Record<string, [any, any]>, what?: string}} Patch
 *   `set[field] = [before, after]`; `what` names the change for announcements ("Relabel Kyiv as GPE").
 * @typedef {{undo: Patch[], redo: Patch[]}} HistoryData
 */

/**
 * The patch that undoes `patch`.
 * @param {Patch} patch
 * @returns {Patch}
 */
export function invert(patch) {
  const set = patch.set && Object.fromEntries(Object.entries(patch.set).map(([k, [a, b]]) => [k, [b, a]]));
  return { removed: patch.added, added: patch.removed, ...(set && { set }), ...(patch.what && { what: patch.what }) };
}

export class History {
  /** @param {HistoryData} [data] a saved history */
  constructor(data) {
    /** @type {Patch[]} */
    this.undoStack = data?.undo ? [...data.undo] : [];
    /** @type {Patch[]} */
    this.redoStack = data?.redo ? [...data.redo] : [];
  }

  /** Records a change just made; a new change ends the redo branch. @param {Patch} patch */
  push(patch) {
    this.undoStack.push(patch);
    this.redoStack.length = 0;
  }

  get canUndo() { return this.undoStack.length > 0; }

  get canRedo() { return this.redoStack.length > 0; }

  /** Takes the last change off the undo stack; returns the patch that reverts it. */
  takeUndo() {
    const patch = this.undoStack.pop();
    if (!patch) return null;
    this.redoStack.push(patch);
    return invert(patch);
  }

  /** Takes the last undone change; returns the patch that re-applies it. */
  takeRedo() {
    const patch = this.redoStack.pop();
    if (!patch) return null;
    this.undoStack.push(patch);
    return patch;
  }

  /**
   * Replaces span `old` by `updated` (same id: an id names one span version) inside
   * the recorded change that added it, so
   * an amendment made after the fact (a value looked up by the engine) is part of
   * that change for undo and redo alike.
   * @param {Span} old
   * @param {Span} updated
   * @returns {boolean} whether the change was found
   */
  amend(old, updated) {
    for (let i = this.undoStack.length - 1; i >= 0; i--) {
      const added = this.undoStack[i].added;
      const at = added.findIndex((s) => s.id === old.id);
      if (at >= 0) {
        this.undoStack[i] = { ...this.undoStack[i], added: added.with(at, updated) };
        return true;
      }
    }
    return false;
  }

  /** @returns {HistoryData} */
  toJSON() {
    return { undo: this.undoStack, redo: this.redoStack };
  }
}
