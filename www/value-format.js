// Shows a span's normalized value in a few characters (the badge text) and turns
// the user's edit of it back into a value object. The value schema is the
// engine's (README "Value schema"); `displayValue` mirrors Rust's Value::display
// so the page and the brat `N` lines agree.

/**
 * @typedef {'approx'|'more_than'|'less_than'|'at_least'|'at_most'|'up_to'} Mod
 * @typedef {{kind: string, number?: number, from?: number, to?: number, amount?: number,
 *   currency?: string, per?: string, unit?: string, timex?: string, start?: string,
 *   end?: string, mod?: Mod}} Value
 */

const MOD_SIGN = { approx: '≈', more_than: '>', less_than: '<', at_least: '≥', at_most: '≤', up_to: '≤' };
const TIME_KINDS = new Set(['date', 'time', 'datetime', 'duration', 'set']);

/** @param {number|undefined|null} n */
const num = (n) => (n == null ? '?' : String(n));

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
    case 'money': return `${mod}${num(value.amount)} ${value.currency ?? 'XXX'}${value.per ? `/${value.per}` : ''}`;
    case 'percent': return `${mod}${num(value.number)}%`;
    case 'quantity': return `${mod}${num(value.amount)} ${value.unit ?? ''}`.trimEnd();
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
    case 'number': case 'ordinal': case 'percent': return num(value.number);
    case 'number_range': return `${num(value.from)}–${num(value.to)}`;
    case 'money': return `${num(value.amount)} ${value.currency ?? ''}`.trim();
    case 'quantity': return `${num(value.amount)} ${value.unit ?? ''}`.trim();
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
  const { kind } = value;
  if (kind === 'number' || kind === 'ordinal' || kind === 'percent') {
    const n = number(text.replace(/%$/, ''));
    return n === null ? { error: 'Type a number, e.g. 11000 or 7.6.' } : { value: { ...value, number: n } };
  }
  if (kind === 'number_range') {
    const m = /^(.+?)\s*(?:–|-|to)\s*(.+)$/.exec(text);
    const [from, to] = m ? [number(m[1]), number(m[2])] : [null, null];
    return from === null || to === null ? { error: 'Type a range, e.g. 10–12.' } : { value: { ...value, from, to } };
  }
  if (kind === 'money' || kind === 'quantity') {
    const m = /^(\S+)\s*(.*)$/.exec(text);
    const amount = m ? number(m[1]) : null;
    if (amount === null) return { error: `Type an amount then a ${kind === 'money' ? 'currency code, e.g. 3.5 USD' : 'unit, e.g. 250 km'}.` };
    if (kind === 'money') {
      const currency = m[2].toUpperCase() || value.currency || 'XXX';
      if (!/^[A-Z]{3}$/.test(currency)) return { error: 'A currency is a three-letter code such as USD or EUR.' };
      return { value: { ...value, amount, currency } };
    }
    return { value: { ...value, amount, unit: m[2] || value.unit || '' } };
  }
  if (!text || /\s/.test(text)) return { error: 'Type a TIMEX3 value such as 2025-01-24, 2024-FA or P4M.' };
  if (text === value.timex) return { value };
  const { start, end, ...rest } = value;
  return { value: { ...rest, timex: text } };
}
