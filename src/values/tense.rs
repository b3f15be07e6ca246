//! Guessing the tense of the clause around a time expression, so a bare "in
//! October" or "on Friday" resolves to the past in "said on Friday" and to the
//! future in "will meet on Friday".
//!
//! The guess is the nearest tense marker in the same sentence, counting a comma or
//! other clause punctuation in between as five extra tokens of distance, with
//! markers to the left winning ties (the governing verb usually comes first).

use super::lexicon::Sense;
use super::resolve::Tense;
use super::view::View;
use crate::text::TokenKind;

/// Words ending in "-ed" that are not past-tense verbs.
const NOT_PAST: &[&str] = &[
    "bed", "bred", "embed", "feed", "hundred", "indeed", "need", "red", "seed", "shed", "speed",
    "united", "wed", "weed",
];

/// The tense token `i` marks, if any: a listed marker word (lexicon `Tense`
/// senses: "will", "said", "was" …), "going to", or a regular "-ed" verb.
fn marker(v: &View, i: usize) -> Option<Tense> {
    if v.kind(i) != Some(TokenKind::Word) {
        return None;
    }
    if let Some(future) = v.find(i, |s| match s {
        Sense::Tense(f) => Some(f),
        _ => None,
    }) {
        return Some(if future { Tense::Future } else { Tense::Past });
    }
    let w = v.text(i);
    if w.eq_ignore_ascii_case("going") && v.is(i + 1, "to") {
        return Some(Tense::Future);
    }
    let b = w.as_bytes();
    if b.len() >= 5 && b.len() <= 16 && b[b.len() - 2..].eq_ignore_ascii_case(b"ed") {
        if NOT_PAST.iter().any(|n| n.eq_ignore_ascii_case(w)) {
            return None;
        }
        // A capitalized "-ed" word mid-sentence is more likely a name ("Ahmed").
        if v.capitalized(i) && i > v.sentence_of(i).start {
            return None;
        }
        return Some(Tense::Past);
    }
    None
}

fn is_clause_break(v: &View, i: usize) -> bool {
    matches!(v.text(i), "," | ";" | ":" | "—" | "–" | "(" | ")")
}

/// The tense of the clause around tokens `from..to`.
pub(crate) fn tense_at(v: &View, from: usize, to: usize) -> Tense {
    let sentence = v.sentence_of(from);
    let mut best: Option<(usize, Tense)> = None;
    // Leftwards.
    let mut cost = 0;
    let mut i = from;
    while i > sentence.start {
        i -= 1;
        cost += if is_clause_break(v, i) { 6 } else { 1 };
        if cost > 24 {
            break;
        }
        if let Some(t) = marker(v, i) {
            best = Some((cost, t));
            break;
        }
    }
    // Rightwards; a marker must be strictly nearer to win.
    let mut cost = 0;
    let mut i = to;
    while i < sentence.end {
        cost += if is_clause_break(v, i) { 6 } else { 1 };
        if best.is_some_and(|(c, _)| cost >= c) || cost > 24 {
            break;
        }
        if let Some(t) = marker(v, i) {
            best = Some((cost, t));
            break;
        }
        i += 1;
    }
    best.map_or(Tense::Unknown, |(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::with_view;

    fn tense(text: &str, word: &str) -> Tense {
        with_view(text, |v| {
            let at = (0..v.len()).find(|&i| v.text(i) == word).unwrap();
            tense_at(v, at, at + 1)
        })
    }

    #[test]
    fn markers() {
        assert_eq!(
            tense("The ministry said on Friday that it agreed.", "Friday"),
            Tense::Past
        );
        assert_eq!(
            tense("Talks will resume in October.", "October"),
            Tense::Future
        );
        assert_eq!(
            tense("They'll go back in October.", "October"),
            Tense::Future
        );
        assert_eq!(
            tense("In October, troops crossed the border.", "October"),
            Tense::Past
        );
        assert_eq!(
            tense("Elections are in October.", "October"),
            Tense::Unknown
        );
        assert_eq!(
            tense("Prices rose sharply in October.", "October"),
            Tense::Past
        );
        assert_eq!(tense("It is going to happen in May.", "May"), Tense::Future);
    }

    #[test]
    fn nearest_marker_wins() {
        assert_eq!(
            tense("He said the vote will take place in March.", "March"),
            Tense::Future
        );
    }
}
