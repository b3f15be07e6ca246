// Shows a span's normalized value in a few characters (the badge text) and turns
// the user's edit of it back into a value object. The value schema is the
// engine's (README "Value schema"); `displayValue` mirrors Rust's Value::display
// so the page and the brat `N` lines agree.

/**
 * @typedef {'approx'|'more_than'|'less_than'|'at_least'|'at_most'|'up_to'|'start'|'mid'|'end'|'before'|'after'} Mod
 * @typedef {{kind: string, number?: number, from?: number, to?: number|string, amount?: number,
 *   currency?: string, per?: string, unit?: string, timex?: string, start?: string,
 *   end?: string, mod?: Mod}} Value
 *   `to` is the upper end of a range: a number for money, percent and quantity
 *   ("5 to 7 percent"), a timex for durations ("two to three years"); for
 *   number_range it is the required upper end.
 */

const MOD_SIGN = {
  approx: '≈', more_than: '>', less_than: '<', at_least: '≥', at_most: '≤', up_to: '≤',
  start: 'early ', mid: 'mid ', end: 'late ', before: 'before ', after: 'after ',
};
const TIME_KINDS = new Set(['date', 'time', 'datetime', 'duration', 'set']);

/** @param {number|undefined|null} n */
const num = (n) => (n == null ? '?' : String(n));
/** "–12" for a range's upper end, "" when there is none. */
const upTo = (to) => (to == null ? '' : `–${to}`);

/**
 * The short rendering of a value: `2024-FA`, `≈11000`, `3499000000 EUR`, `7.6%`.
 * @param {Value|null|undefined} value
 * @returns {string} "" when there is no value
 */
export function displayValue(value) {
  if (!value || typeof value !== 'object') return '';
  const mod = MOD_SIGN[value.mod] ?? '';
  switch (value.kind) {
    case 'number': return mod + num(value.number);
    case 'number_range': return `${num(value.from)}–${num(value.to)}`;
    case 'ordinal': return `#${num(value.number)}`;
    case 'money': return `${mod}${num(value.amount)}${upTo(value.to)} ${value.currency ?? 'XXX'}${value.per ? `/${value.per}` : ''}`;
    case 'percent': return `${mod}${num(value.number)}${upTo(value.to)}%`;
    case 'quantity': return `${mod}${num(value.amount)}${upTo(value.to)} ${value.unit ?? ''}`.trimEnd();
    case 'duration': return `${mod}${value.timex ?? ''}${upTo(value.to)}`;
    case 'set': return value.timex ?? '';
    default: return TIME_KINDS.has(value.kind) ? mod + (value.timex ?? '') : '';
  }
}

/**
 * The one field a person edits for each kind, as text: the timex for dates and
 * durations, the number for numbers, "amount currency" for money, "from–to" for ranges.
 * @param {Value} value
 */
export function editableText(value) {
  switch (value.kind) {
    case 'number': case 'ordinal': return num(value.number);
    case 'percent': return `${num(value.number)}${upTo(value.to)}`;
    case 'number_range': return `${num(value.from)}–${num(value.to)}`;
    case 'money': return `${num(value.amount)}${upTo(value.to)} ${value.currency ?? ''}`.trim();
    case 'quantity': return `${num(value.amount)}${upTo(value.to)} ${value.unit ?? ''}`.trim();
    case 'duration': return `${value.timex ?? ''}${upTo(value.to)}`;
    default: return value.timex ?? '';
  }
}

/**
 * Applies an edit made to `editableText(value)`. A changed timex drops the
 * resolved start/end, which only the engine can compute.
 * @param {Value} value
 * @param {string} input
 * @returns {{value?: Value, error?: string}}
 */
export function parseEditedValue(value, input) {
  const text = input.trim();
  const number = (s) => {
    const n = Number(s.replace(/[,_\s]/g, ''));
    return s !== '' && Number.isFinite(n) ? n : null;
  };
  /** "10–12" / "10-12" / "10 to 12" → [10, 12]; "10" → [10, undefined]. */
  const range = (s) => {
    const m = /^(.+?)\s*(?:–|—|(?<=\d)-|\bto\b)\s*(.+)$/.exec(s);
    if (!m) return [number(s), undefined];
    const [from, to] = [number(m[1]), number(m[2])];
    return to === null ? [null, undefined] : [from, to];
  };
  /** The value with `to` set, or removed when there is no upper end. */
  const withTo = (v, to) => {
    const { to: _old, ...rest } = v;
    return to === undefined ? rest : { ...rest, to };
  };
  const { kind } = value;
  if (kind === 'number' || kind === 'ordinal') {
    const n = number(text);
    return n === null ? { error: 'Type a number, e.g. 11000 or 7.6.' } : { value: { ...value, number: n } };
  }
  if (kind === 'percent') {
    const [n, to] = range(text.replace(/%$/, ''));
    return n === null ? { error: 'Type a number or a range, e.g. 7.6 or 5–7.' } : { value: withTo({ ...value, number: n }, to) };
  }
  if (kind === 'number_range') {
    const [from, to] = range(text);
    return from === null || to === undefined ? { error: 'Type a range, e.g. 10–12.' } : { value: { ...value, from, to } };
  }
  if (kind === 'money' || kind === 'quantity') {
    const m = /^(\S+(?:\s*(?:–|-|to)\s*\S+)?)\s*(.*)$/.exec(text);
    const [amount, to] = m ? range(m[1]) : [null, undefined];
    if (amount === null) return { error: `Type an amount then a ${kind === 'money' ? 'currency code, e.g. 3.5 USD' : 'unit, e.g. 250 km'}.` };
    if (kind === 'money') {
      const currency = m[2].toUpperCase() || value.currency || 'XXX';
      if (!/^[A-Z]{3}$/.test(currency)) return { error: 'A currency is a three-letter code such as USD or EUR.' };
      return { value: withTo({ ...value, amount, currency }, to) };
    }
    return { value: withTo({ ...value, amount, unit: m[2] || value.unit || '' }, to) };
  }
  if (kind === 'duration') {
    const [timex, to, extra] = text.split(/\s*–\s*/);
    if (!timex || /\s/.test(timex) || extra !== undefined || (to !== undefined && /\s/.test(to))) {
      return { error: 'Type an ISO 8601 duration such as P4M, or a range such as P2Y–P3Y.' };
    }
    return { value: withTo({ ...value, timex }, to) };
  }
  if (!text || /\s/.test(text)) return { error: 'Type a TIMEX3 value such as 2025-01-24, 2024-FA or P4M.' };
  if (text === value.timex) return { value };
  const { start, end, ...rest } = value;
  return { value: { ...rest, timex: text } };
}
