//! Spelled-out numbers: "forty-five", "two hundred and three", "a dozen",
//! "twenty-one trillion three hundred", "twenty-first", "two thirds".
//!
//! [`Words`] folds number words into a value left to right and refuses sequences
//! a writer would not produce ("one two", "twenty thirty"), so a list of numbers
//! is not summed into one.

use super::lexicon::{Kw, Sense};
use super::view::View;

/// 10^12, the value of "trillionth" (too large for the lexicon's `u32`).
pub(crate) const ORD_TRILLION: f64 = 1e12;

/// What the last word added was, which decides what may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Nothing,
    /// one … nine (or a small digit token).
    Unit,
    /// ten … nineteen.
    Teen,
    /// twenty … ninety.
    Tens,
    /// A number below 1000 written in digits ("3 hundred and 21").
    Digits,
    Hundred,
    /// thousand, million …: the power of ten.
    Scale(u8),
}

/// Accumulates a cardinal number word by word.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Words {
    total: f64,
    current: f64,
    /// The part of `current` added since the last "hundred" (what "dozen" multiplies).
    small: f64,
    /// The term the last scale word closed ("two million" in "two million three").
    last_term: f64,
    last: Last,
    /// The phrase began with "a"/"an", which must be followed by a scale or "dozen".
    article: bool,
}

impl Words {
    /// An empty accumulator.
    pub(crate) fn new() -> Words {
        Words {
            total: 0.0,
            current: 0.0,
            small: 0.0,
            last_term: 0.0,
            last: Last::Nothing,
            article: false,
        }
    }

    /// Starts with "a"/"an" standing for one ("a hundred", "a dozen").
    pub(crate) fn article() -> Words {
        Words {
            current: 1.0,
            small: 1.0,
            article: true,
            ..Words::new()
        }
    }

    /// True when nothing was added yet (an article alone counts as nothing).
    pub(crate) fn is_empty(&self) -> bool {
        self.last == Last::Nothing
    }

    /// The value so far.
    pub(crate) fn value(&self) -> f64 {
        self.total + self.current
    }

    /// The power of ten of the last scale word, if the phrase ended with one.
    pub(crate) fn ends_with_scale(&self) -> Option<u8> {
        match self.last {
            Last::Scale(e) => Some(e),
            _ => None,
        }
    }

    /// True when the next word may be a unit (one … nine).
    pub(crate) fn takes_unit(&self) -> bool {
        matches!(
            self.last,
            Last::Nothing | Last::Tens | Last::Hundred | Last::Scale(_)
        ) && !(self.article && self.last == Last::Nothing)
    }

    /// Adds zero … ninety; false (and unchanged) when it cannot follow.
    pub(crate) fn card(&mut self, n: u32) -> bool {
        if self.article && self.last == Last::Nothing {
            return false;
        }
        let n_f = f64::from(n);
        let ok = match n {
            0..=9 => matches!(
                self.last,
                Last::Nothing | Last::Tens | Last::Hundred | Last::Scale(_)
            ),
            10..=19 => matches!(self.last, Last::Nothing | Last::Hundred | Last::Scale(_)),
            _ => matches!(self.last, Last::Nothing | Last::Hundred | Last::Scale(_)),
        };
        if !ok {
            return false;
        }
        self.current += n_f;
        self.small += n_f;
        self.last = match n {
            0..=9 => Last::Unit,
            10..=19 => Last::Teen,
            _ => Last::Tens,
        };
        true
    }

    /// Adds a number written in digits below 1000 ("3" in "3 hundred and 21").
    pub(crate) fn digits(&mut self, n: f64) -> bool {
        if !matches!(self.last, Last::Nothing | Last::Hundred | Last::Scale(_))
            || (self.article && self.last == Last::Nothing)
        {
            return false;
        }
        self.current += n;
        self.small += n;
        self.last = Last::Digits;
        true
    }

    /// Multiplies by a power of ten: hundred (2), thousand (3), million (6) ….
    pub(crate) fn scale(&mut self, exp: u8) -> bool {
        let factor = 10f64.powi(i32::from(exp));
        if exp == 2 {
            let ok = matches!(
                self.last,
                Last::Unit | Last::Teen | Last::Tens | Last::Digits
            ) || (self.article && self.last == Last::Nothing)
                // "322 hundred"
                || (self.last == Last::Nothing && self.current > 0.0);
            if !ok
                || self.current >= 100.0 && self.last != Last::Digits
                || self.current != self.small
            {
                return false;
            }
            self.current *= factor;
            self.small = 0.0;
            self.last = Last::Hundred;
            return true;
        }
        match self.last {
            // "three lakh crore" (3 × 10^5 × 10^7), "a thousand million": a scale
            // right after a smaller one multiplies the term it closed.
            Last::Scale(prev) if prev < exp && self.current == 0.0 => {
                let term = self.last_term;
                self.total = self.total - term + super::number::scale(term, exp);
                self.last_term = super::number::scale(term, exp);
                self.last = Last::Scale(prev.saturating_add(exp));
                return true;
            }
            Last::Scale(prev) if prev <= exp => return false,
            Last::Nothing if !self.article => return false,
            _ => {}
        }
        if self.current == 0.0 {
            return false;
        }
        let term = super::number::scale(self.current, exp);
        self.total += term;
        self.last_term = term;
        self.current = 0.0;
        self.small = 0.0;
        self.last = Last::Scale(exp);
        true
    }

    /// Multiplies the pending part by twelve ("three dozen", "a dozen").
    pub(crate) fn dozen(&mut self) -> bool {
        let ok = matches!(
            self.last,
            Last::Unit | Last::Teen | Last::Tens | Last::Digits
        ) || (self.article && self.last == Last::Nothing);
        if !ok {
            return false;
        }
        // "three hundred and two dozens" is 300 + 24: only the part after the hundred.
        self.current += self.small * 11.0;
        self.small = 0.0;
        self.last = Last::Hundred;
        true
    }
}

/// Reads a cardinal spelled in words (digits allowed before scale words: "3 hundred
/// and 21") starting at token `i`. Returns the value and the end token, or `None`.
///
/// "and" and hyphens are taken only when another number word follows them.
pub(crate) fn cardinal(v: &View, i: usize) -> Option<(Words, usize)> {
    cardinal_until(v, i, usize::MAX)
}

/// [`cardinal`] reading no token at or past `limit`.
pub(crate) fn cardinal_until(v: &View, i: usize, limit: usize) -> Option<(Words, usize)> {
    let starts = v.is_number(i)
        || v.kw(i, Kw::A)
        || v.senses(i)
            .any(|s| matches!(s, Sense::Card(_) | Sense::Scale(_)));
    if !starts {
        return None;
    }
    let mut w = Words::new();
    let mut j = i;
    if v.kw(j, Kw::A) {
        w = Words::article();
        j += 1;
    }
    let mut end = None;
    loop {
        let took = j < limit && step(v, j, &mut w);
        if !took {
            // Connectors: "and" after hundred/scale, hyphens between tens and units.
            let connector = (v.kw(j, Kw::And) && matches!(w.last, Last::Hundred | Last::Scale(_)))
                || (v.punct(j, '-') && w.last == Last::Tens);
            if connector && j + 1 < limit {
                let mut probe = w;
                // Not "and one half" (a fraction), "and 0", nor "3 hundred and 2 hundred"
                // (two numbers).
                let next_value = v.find(j + 1, |s| match s {
                    Sense::Card(n) => Some(f64::from(n)),
                    _ => None,
                });
                let then_denominator = v.kw(j, Kw::And)
                    && denominator(v, j + 2, true)
                        .is_some_and(|d| next_value.is_some_and(|n| n < d));
                let zero = v.text(j + 1) == "0";
                let hundreds_again =
                    w.current >= 100.0 && v.senses(j + 2).any(|s| s == Sense::Scale(2));
                if step(v, j + 1, &mut probe)
                    && !is_ordinal_word(v, j + 1)
                    && !then_denominator
                    && !zero
                    && !hundreds_again
                {
                    w = probe;
                    j += 2;
                    end = Some(j);
                    continue;
                }
            }
            break;
        }
        j += 1;
        end = Some(j);
    }
    let end = end?;
    if w.is_empty() {
        return None;
    }
    Some((w, end))
}

fn is_ordinal_word(v: &View, i: usize) -> bool {
    v.senses(i).any(|s| matches!(s, Sense::Ord(_)))
}

/// Adds token `j` to `w` if it is a number word (or a small digit token before a
/// scale word) that may follow what is there.
fn step(v: &View, j: usize, w: &mut Words) -> bool {
    for s in v.senses(j) {
        let ok = match s {
            Sense::Card(n) => w.card(n),
            Sense::Scale(e) if e >= 2 && !v.is(j, "k") => w.scale(e),
            Sense::Kw(Kw::Dozen) => w.dozen(),
            _ => false,
        };
        if ok {
            return true;
        }
    }
    // "4 thousand 3 hundred and 21": digits inside a spelled number.
    if v.is_number(j) {
        if let Some(n) = v.numeral(j) {
            let before_scale = v
                .senses(j + 1)
                .any(|s| matches!(s, Sense::Scale(e) if e >= 2) || s == Sense::Kw(Kw::Dozen));
            if n.is_plain_integer() && n.value < 1000.0 && (before_scale || !w.is_empty()) {
                return w.digits(n.value);
            }
        }
    }
    false
}

/// Reads an ordinal spelled in words: "first", "twenty-first", "one hundred twenty
/// fifth", "three trillionth". Returns the position and the end token.
pub(crate) fn ordinal(v: &View, i: usize) -> Option<(f64, usize)> {
    ordinal_words(v, i, false)
}

/// An ordinal phrase as a fraction's denominator: like [`ordinal`], but the last
/// word may also be plural ("twenty-firsts", "thirty fifths").
pub(crate) fn denominator_phrase(v: &View, i: usize) -> Option<(f64, usize)> {
    ordinal_words(v, i, true)
}

fn ordinal_words(v: &View, i: usize, plural: bool) -> Option<(f64, usize)> {
    let ord_at = |j: usize| {
        v.find(j, |s| match s {
            Sense::Ord(0) => Some(ORD_TRILLION),
            Sense::Ord(n) => Some(f64::from(n)),
            Sense::Denom(n) if plural => Some(f64::from(n)),
            _ => None,
        })
        .or_else(|| (plural && v.is(j, "trillionths")).then_some(ORD_TRILLION))
        .or_else(|| {
            (plural && (v.is(j, "firsts") || v.is(j, "seconds"))).then(|| {
                if v.is(j, "firsts") {
                    1.0
                } else {
                    2.0
                }
            })
        })
    };
    if let Some(n) = ord_at(i) {
        return Some((n, i + 1));
    }
    let (w, mut j) = cardinal(v, i)?;
    // "twenty-first": a hyphen between the tens and the ordinal unit.
    let hyphen = v.punct(j, '-') && w.last == Last::Tens;
    let and = v.kw(j, Kw::And) && matches!(w.last, Last::Hundred | Last::Scale(_));
    if hyphen || and {
        j += 1;
    }
    let n = ord_at(j)?;
    let value = if n >= 100.0 {
        // "three trillionth", "a hundred trillionth": the count times the ordinal scale.
        w.value() * n
    } else if n < 10.0 {
        if !w.takes_unit() {
            return None;
        }
        w.value() + n
    } else if matches!(w.last, Last::Hundred | Last::Scale(_)) {
        w.value() + n
    } else {
        return None;
    };
    Some((value, j + 1))
}

/// The denominator token `j` names when it follows a numerator: plural ordinals
/// ("thirds"), "half"/"halves", "quarter(s)", and singular ordinals from "third"
/// up when `singular` is allowed (after "a" or "one").
pub(crate) fn denominator(v: &View, j: usize, singular: bool) -> Option<f64> {
    v.find(j, |s| match s {
        Sense::Denom(n) => Some(f64::from(n)),
        Sense::Kw(Kw::Half) if singular => Some(2.0),
        Sense::Kw(Kw::Quarter) if singular => Some(4.0),
        Sense::Ord(n) if singular && n >= 3 => Some(f64::from(n)),
        _ => None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::with_view;

    fn card(text: &str) -> Option<(f64, usize)> {
        with_view(text, |v| cardinal(v, 0).map(|(w, e)| (w.value(), e)))
    }

    fn ord(text: &str) -> Option<f64> {
        with_view(text, |v| ordinal(v, 0).map(|(n, _)| n))
    }

    #[test]
    fn cardinals() {
        assert_eq!(card("forty-five"), Some((45.0, 3)));
        assert_eq!(card("one hundred and sixty-one"), Some((161.0, 6)));
        assert_eq!(card("two thousand and two hundred"), Some((2200.0, 5)));
        assert_eq!(card("two hundred and two thousand"), Some((202_000.0, 5)));
        assert_eq!(
            card("twenty-one trillion and three hundred"),
            Some((21_000_000_000_300.0, 7))
        );
        assert_eq!(card("a dozen eggs"), Some((12.0, 2)));
        assert_eq!(card("three dozens"), Some((36.0, 2)));
        assert_eq!(card("a hundred"), Some((100.0, 2)));
        assert_eq!(card("3 hundred and 21 yuan"), Some((321.0, 4)));
        assert_eq!(card("322 hundred"), Some((32_200.0, 2)));
        assert_eq!(card("fifty   two"), Some((52.0, 2)));
    }

    #[test]
    fn lists_are_not_summed() {
        assert_eq!(card("one two three"), Some((1.0, 1)));
        assert_eq!(card("twenty thirty"), Some((20.0, 1)));
        assert_eq!(card("five and six"), Some((5.0, 1)));
        assert_eq!(card("a"), None);
        assert_eq!(card("a man"), None);
        assert_eq!(card("and"), None);
    }

    #[test]
    fn ordinals() {
        assert_eq!(ord("first"), Some(1.0));
        assert_eq!(ord("twenty-first"), Some(21.0));
        assert_eq!(ord("twenty first"), Some(21.0));
        assert_eq!(ord("one hundred twenty fifth"), Some(125.0));
        assert_eq!(ord("three trillionth"), Some(3e12));
        assert_eq!(ord("a hundred trillionth"), Some(1e14));
        assert_eq!(ord("eleven first"), None);
    }
}
