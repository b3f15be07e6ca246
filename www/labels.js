// The label set: the built-in labels (name, default key, kind) and the labels a
// user defines (name, colour, key). Labels are data (DESIGN.md invariant 4): the
// rest of the shell reads this set and never lists labels itself. Built-in
// colours live in annotator.css as custom properties (--lede-PERSON, …); a user
// label carries its own colour, applied with element.style.setProperty.

/**
 * @typedef {'entity'|'number'|'time'} LabelKind
 * @typedef {{name: string, key: string, kind: LabelKind, builtin: boolean, color?: string, valueKind?: string}} LabelDef
 *   `key` is a key spec ("1", "Shift+1", "q") or "" for none; `color` only for user labels;
 *   `valueKind` is the value schema's `kind` for a new value typed on a span of this label.
 */

/** @type {readonly LabelDef[]} */
export const BUILT_IN_LABELS = Object.freeze([
  ['PERSON', '1', 'entity'], ['ORG', '2', 'entity'], ['GPE', '3', 'entity'], ['LOC', '4', 'entity'],
  ['NORP', '5', 'entity'], ['EVENT', '6', 'entity'], ['DATE', '7', 'time', 'date'], ['TIME', '8', 'time', 'time'],
  ['CARDINAL', '9', 'number', 'number'], ['MONEY', '0', 'number', 'money'], ['PERCENT', 'Shift+1', 'number', 'percent'],
  ['QUANTITY', 'Shift+2', 'number', 'quantity'], ['ORDINAL', 'Shift+3', 'number', 'ordinal'],
  ['DURATION', 'Shift+4', 'time', 'duration'], ['SET', 'Shift+5', 'time', 'set'],
].map(([name, key, kind, valueKind]) => Object.freeze({ name, key, kind, builtin: true, ...(valueKind && { valueKind }) })));

// Label::parse maps these to built-ins, so a user label may not take them.
const ALIASES = ['PER', 'ORGANIZATION', 'ORGANISATION', 'LOCATION'];

/** Colours offered for new user labels (Paul Tol's "muted" scheme, colour-blind safe). */
export const USER_PALETTE = ['#CC6677', '#332288', '#DDCC77', '#117733', '#88CCEE', '#882255', '#44AA99', '#999933', '#AA4499'];

/**
 * The key spec a keyboard event stands for: digits by physical key (so Shift+1
 * is "Shift+1" on every layout), other printable keys by their character.
 * @param {KeyboardEvent} event
 * @returns {string} "" for events that cannot name a label (modifiers, Ctrl/Alt/Meta chords)
 */
export function keySpecOf(event) {
  if (event.ctrlKey || event.altKey || event.metaKey) return '';
  const digit = /^(?:Digit|Numpad)(\d)$/.exec(event.code);
  if (digit) return (event.shiftKey ? 'Shift+' : '') + digit[1];
  return event.key.length === 1 && event.key !== ' ' ? event.key : '';
}

/** An ordered, immutable set of label definitions. Editing returns a new set. */
export class LabelSet {
  /** @param {LabelDef[]} [defs] defaults to the built-ins */
  constructor(defs = BUILT_IN_LABELS) {
    /** @type {readonly LabelDef[]} */
    this.defs = Object.freeze(defs.map((d) => Object.freeze({ ...d })));
    this.byName = new Map(this.defs.map((d) => [d.name, d]));
  }

  /** @param {string} name */
  get(name) {
    return this.byName.get(name);
  }

  /** @param {string} key a key spec */
  byKey(key) {
    return key ? this.defs.find((d) => d.key === key) : undefined;
  }

  /** The plain-data form saved with a document. */
  toJSON() {
    return this.defs.map((d) => ({ ...d }));
  }

  /**
   * A set that also holds every label in `names` (labels met in imported files or
   * engine output), each added as a user label with a palette colour and no key.
   * @param {Iterable<string>} names
   */
  including(names) {
    const missing = [...new Set(names)].filter((n) => !this.byName.has(n));
    if (!missing.length) return this;
    const added = missing.map((name, i) => ({
      name, key: '', kind: /** @type {LabelKind} */ ('entity'), builtin: false,
      color: USER_PALETTE[(this.defs.length + i) % USER_PALETTE.length],
    }));
    return new LabelSet([...this.defs, ...added]);
  }

  /**
   * Checks a new user label; returns the problem in words, or "" when it is fine.
   * @param {{name: string, key: string}} def
   * @param {Set<string>} reservedKeys keys the editor uses for commands
   */
  problemWith({ name, key }, reservedKeys) {
    if (!name) return 'Give the label a name.';
    if (/[\s\p{Cc}]/u.test(name)) return 'A label name cannot contain spaces.';
    if (name.length > 32) return 'Keep the label name to 32 characters.';
    const upper = name.toUpperCase();
    if (this.defs.some((d) => d.name.toUpperCase() === upper) || ALIASES.includes(upper)) {
      return `There is already a label called ${name}.`;
    }
    if (key) {
      if (reservedKeys.has(key)) return `The key ${key} is taken by a command.`;
      const owner = this.byKey(key);
      if (owner) return `The key ${key} already labels ${owner.name}.`;
    }
    return '';
  }

  /**
   * A set with one more user label.
   * @param {{name: string, key: string, color: string}} def
   */
  with({ name, key, color }) {
    return new LabelSet([...this.defs, { name, key, color, kind: 'entity', builtin: false }]);
  }

  /** @param {LabelDef[]|undefined} data saved form; falls back to the built-ins */
  static fromJSON(data) {
    if (!Array.isArray(data) || !data.length) return new LabelSet();
    // Built-ins saved by an older page keep their saved keys; their colours stay in CSS.
    return new LabelSet(data.map((d) => ({ ...d, builtin: BUILT_IN_LABELS.some((b) => b.name === d.name) })));
  }
}
