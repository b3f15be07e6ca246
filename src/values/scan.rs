//! The value pass: one left-to-right walk over the tokens that tries every
//! recognizer where a value can start, keeps the longest match, and attaches the
//! modifiers around it ("about", "more than", "at least", "up to", "or more").
//!
//! Most tokens of news text are words no recognizer knows; they are skipped after
//! one look at their precomputed lexicon entry, so the pass costs little more
//! than the lookups (see `values::tests::throughput` and the note in docs/values.md).

use super::date::Dates;
use super::lexicon::{Kw, Role, STARTS_MOD, STARTS_NUMBER, STARTS_TIME};
use super::refdate::RefDate;
use super::value::{Mod, Value};
use super::view::View;
use super::{duration, money, number, percent, recurrence, units};
use crate::label::Label;
use crate::span::{Source, Span};
use crate::text::{Sentence, Token, TokenKind};

/// A recognized expression over tokens `start..end`.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Match {
    /// First token.
    pub start: usize,
    /// Token just past the end.
    pub end: usize,
    /// The label.
    pub label: Label,
    /// The normalized value.
    pub value: Value,
    /// Confidence.
    pub score: f32,
}

impl Match {
    pub(crate) fn new(start: usize, end: usize, label: Label, value: Value) -> Match {
        Match {
            start,
            end,
            label,
            value,
            score: 1.0,
        }
    }
}

/// A modifier phrase at `i`: its meaning and the token after it.
fn modifier(v: &View, i: usize) -> Option<(Mod, usize)> {
    // "just over", "well below", "slightly more than"
    let i = if (v.is(i, "just") || v.is(i, "well") || v.is(i, "slightly") || v.is(i, "roughly"))
        && (v.kw(i + 1, Kw::Over)
            || v.kw(i + 1, Kw::Under)
            || v.kw(i + 1, Kw::More)
            || v.kw(i + 1, Kw::Less)
            || v.kw(i + 1, Kw::Above)
            || v.kw(i + 1, Kw::Below))
    {
        i + 1
    } else {
        i
    };
    let two = |a: Kw, b: Kw| v.kw(i, a) && v.kw(i + 1, b);
    let m = if two(Kw::More, Kw::Than)
        || v.is(i, "greater") && v.kw(i + 1, Kw::Than)
        || v.is(i, "higher") && v.kw(i + 1, Kw::Than)
        || v.is(i, "larger") && v.kw(i + 1, Kw::Than)
    {
        (Mod::MoreThan, i + 2)
    } else if two(Kw::Less, Kw::Than)
        || two(Kw::Fewer, Kw::Than)
        || v.is(i, "lower") && v.kw(i + 1, Kw::Than)
        || v.is(i, "smaller") && v.kw(i + 1, Kw::Than)
    {
        (Mod::LessThan, i + 2)
    } else if two(Kw::At, Kw::Least) {
        (Mod::AtLeast, i + 2)
    } else if two(Kw::At, Kw::Most) {
        (Mod::AtMost, i + 2)
    } else if two(Kw::Up, Kw::To) {
        (Mod::UpTo, i + 2)
    } else if (v.is(i, "no") || v.is(i, "not"))
        && (v.kw(i + 1, Kw::Less) || v.kw(i + 1, Kw::Fewer))
        && v.kw(i + 2, Kw::Than)
    {
        (Mod::AtLeast, i + 3)
    } else if (v.is(i, "no") || v.is(i, "not")) && v.kw(i + 1, Kw::More) && v.kw(i + 2, Kw::Than) {
        (Mod::AtMost, i + 3)
    } else if v.is(i, "as") && (v.is(i + 1, "many") || v.is(i + 1, "much")) && v.is(i + 2, "as") {
        (Mod::UpTo, i + 3)
    } else if v.kw(i, Kw::In) && v.is(i + 1, "excess") && v.kw(i + 2, Kw::Of)
        || v.is(i, "upwards") && v.kw(i + 1, Kw::Of)
    {
        (Mod::MoreThan, if v.kw(i, Kw::In) { i + 3 } else { i + 2 })
    } else if v.is(i, "close") && v.kw(i + 1, Kw::To) {
        (Mod::Approx, i + 2)
    } else if v.kw(i, Kw::A) && v.is(i + 1, "minimum") && v.kw(i + 2, Kw::Of) {
        (Mod::AtLeast, i + 3)
    } else if v.kw(i, Kw::A) && v.is(i + 1, "maximum") && v.kw(i + 2, Kw::Of) {
        (Mod::AtMost, i + 3)
    } else if v.is(i, "an") && v.is(i + 1, "estimated") {
        (Mod::Approx, i + 2)
    } else if (v.kw(i, Kw::About) && !(i > 0 && (v.is(i - 1, "how") || v.is(i - 1, "what"))))
        || v.kw(i, Kw::Nearly)
        || v.kw(i, Kw::Some)
        || v.is(i, "c.")
    {
        (Mod::Approx, i + 1)
    } else if v.kw(i, Kw::Over) || v.kw(i, Kw::Above) || v.is(i, "exceeding") {
        (Mod::MoreThan, i + 1)
    } else if v.kw(i, Kw::Under) || v.kw(i, Kw::Below) {
        (Mod::LessThan, i + 1)
    } else {
        return None;
    };
    Some(m)
}

/// "or more", "or so", "or less", "or fewer", "and above" after a match ending at `j`.
fn suffix_modifier(v: &View, j: usize) -> Option<(Mod, usize)> {
    if !(v.kw(j, Kw::Or) || v.kw(j, Kw::And)) {
        return None;
    }
    let m = if v.kw(j + 1, Kw::More)
        || v.kw(j + 1, Kw::Above)
        || v.is(j + 1, "greater")
        || v.is(j + 1, "higher")
    {
        Mod::AtLeast
    } else if v.kw(j + 1, Kw::Less)
        || v.kw(j + 1, Kw::Fewer)
        || v.kw(j + 1, Kw::Below)
        || v.is(j + 1, "lower")
    {
        Mod::AtMost
    } else if v.is(j + 1, "so") && v.kw(j, Kw::Or) {
        Mod::Approx
    } else {
        return None;
    };
    Some((m, j + 2))
}

/// Sets `m` on values that carry a modifier; false when the value cannot.
fn set_modifier(value: &mut Value, m: Mod) -> bool {
    let slot = match value {
        Value::Number { modifier, .. }
        | Value::Money { modifier, .. }
        | Value::Percent { modifier, .. }
        | Value::Quantity { modifier, .. }
        | Value::Duration { modifier, .. } => modifier,
        Value::Date(t) | Value::Time(t) | Value::Datetime(t) if m == Mod::Approx => &mut t.modifier,
        _ => return false,
    };
    if slot.is_some() {
        return false;
    }
    *slot = Some(m);
    true
}

/// The recognizers' longest match at `i` (without modifiers).
fn bare_match(v: &View, dates: &Dates, i: usize) -> Option<Match> {
    let starts = v.starts(i);
    let time = starts & STARTS_TIME != 0;
    let number = starts & STARTS_NUMBER != 0;
    // "3,000" is no date, time or set (though "3,000 years" is a duration).
    let grouped = v.numeral(i).is_some_and(|n| n.grouped);
    let when = time && !grouped;
    // Earlier entries win ties: a time reading beats a number reading of "2014",
    // money and percent beat a plain number.
    let temporal = when.then(|| dates.temporal(i)).flatten().map(|p| {
        let score = if p.end == p.start + 1 && v.is_number(p.start) {
            0.9
        } else {
            1.0
        };
        Match {
            start: p.start,
            end: p.end,
            label: p.label,
            value: p.period.into_value(),
            score,
        }
    });
    let candidates = [
        when.then(|| recurrence::set_span(v, i)).flatten(),
        temporal,
        number.then(|| money::money_span(v, i)).flatten(),
        number.then(|| percent::percent_span(v, i)).flatten(),
        number.then(|| units::quantity_span(v, i)).flatten(),
        time.then(|| duration::duration_span(v, i)).flatten(),
        number.then(|| number::ordinal_span(v, i)).flatten(),
        number.then(|| number::cardinal_span(v, i)).flatten(),
    ];
    candidates
        .into_iter()
        .flatten()
        .fold(None, |best: Option<Match>, m| match best {
            Some(b) if b.end >= m.end => Some(b),
            _ => Some(m),
        })
}

/// The match at `i` with any modifier before or after it.
fn best_at(v: &View, dates: &Dates, i: usize) -> Option<Match> {
    let plain = bare_match(v, dates, i);
    let may_modify = v.starts(i) & STARTS_MOD != 0;
    let modified = may_modify
        .then(|| modifier(v, i))
        .flatten()
        .and_then(|(m, j)| {
            let mut inner = bare_match(v, dates, j)?;
            // "over the past decade", "under 2014 rules": only amounts take "over"/"under".
            let amount_like =
                matches!(
                    inner.label,
                    Label::Cardinal | Label::Money | Label::Percent | Label::Quantity
                ) || inner.label == Label::Duration && !v.kw(i, Kw::Over) && !v.kw(i, Kw::Under);
            if !amount_like && m != Mod::Approx || !set_modifier(&mut inner.value, m) {
                return None;
            }
            if v.kw(i, Kw::Some) && !amount_like {
                return None;
            }
            inner.start = i;
            Some(inner)
        });
    let mut best = match (plain, modified) {
        (Some(p), Some(m)) => Some(if m.end >= p.end { m } else { p }),
        (p, m) => p.or(m),
    }?;
    if let Some((m, e)) = suffix_modifier(v, best.end) {
        if matches!(
            best.label,
            Label::Cardinal | Label::Money | Label::Percent | Label::Quantity | Label::Duration
        ) && set_modifier(&mut best.value, m)
        {
            best.end = e;
        }
    }
    Some(best)
}

/// Whether a value may begin at token `i`: an anchor (a number, a month, a unit
/// word, a currency sign …), or a cue word ("the", "about", "last", "between")
/// with an anchor among the next four tokens. Measured on VOA news this skips
/// about nine tokens in ten with one byte comparison each.
fn may_start(v: &View, i: usize) -> bool {
    match v.role(i) {
        Role::Anchor => true,
        // Cue words that never begin anything ("of", "and", "to", "on") are skipped.
        Role::Cue => v.starts(i) != 0 && v.anchor_within(i, 4) && cue_leads(v, i),
        Role::None => false,
    }
}

/// The most frequent cue words lead a value only before particular words; a
/// check of the next word or two skips the rest ("the government", "in Iraq",
/// "at the talks"), which were half the positions the scan tried.
fn cue_leads(v: &View, i: usize) -> bool {
    let next_open = v.is_number(i + 1) || v.starts(i + 1) != 0;
    if v.kw(i, Kw::The) || v.kw(i, Kw::A) {
        return next_open || v.is(i + 1, "minimum") || v.is(i + 1, "maximum");
    }
    if v.kw(i, Kw::In) {
        // "in two weeks", "in the morning", "in excess of"
        let count = v.is_number(i + 1) || v.starts(i + 1) & STARTS_NUMBER != 0;
        let part = v.kw(i + 1, Kw::The) && v.role(i + 2) == Role::Anchor;
        return count || part || v.is(i + 1, "excess");
    }
    if v.kw(i, Kw::At) {
        // "at least", "at most", "at the end of", "at noon" (the anchor starts itself)
        let bound = v.kw(i + 1, Kw::Least) || v.kw(i + 1, Kw::Most);
        let part = v.kw(i + 1, Kw::The)
            && (v.kw(i + 2, Kw::End)
                || v.kw(i + 2, Kw::Beginning)
                || v.kw(i + 2, Kw::Start)
                || v.kw(i + 2, Kw::Middle));
        return bound || part;
    }
    true
}

/// "22,24,26,31": one token of comma-separated numbers that is no grouped number
/// is a list; each number becomes its own CARDINAL. Returns whether it was one.
fn number_list<'t>(text: &'t str, v: &View, i: usize, spans: &mut Vec<Span<'t>>) -> bool {
    let t = v.text(i);
    if v.kind(i) != Some(TokenKind::Number)
        || !t.contains(',')
        || super::numeral::numeral(t).is_some()
    {
        return false;
    }
    let parts = t.split(',');
    let ok = t.bytes().all(|b| b.is_ascii_digit() || b == b',')
        && t.split(',').count() >= 3
        && t.split(',').all(|p| (1..=4).contains(&p.len()));
    if !ok {
        return false;
    }
    let mut at = v.tokens[i].start as usize;
    for p in parts {
        let value = super::numeral::digits(p).map_or(0.0, f64::from);
        if let Ok(mut span) = Span::new(text, at, at + p.len(), Label::Cardinal, Source::Rule) {
            span.value = Some(Value::Number {
                number: value,
                modifier: None,
            });
            spans.push(span);
        }
        at += p.len() + 1;
    }
    true
}

/// Finds every value span; see [`super::recognize`]. Kept out of line (it runs
/// once a document) so that profiles can attribute the whole value pass.
#[inline(never)]
pub(crate) fn recognize<'t>(
    text: &'t str,
    tokens: &[Token],
    sentences: &[Sentence],
    ref_date: &RefDate,
) -> Vec<Span<'t>> {
    let v = View::new(text, tokens, sentences, *ref_date);
    let dates = Dates::new(&v);
    let mut spans = Vec::new();
    let mut i = 0;
    while i < v.len() {
        if !may_start(&v, i) {
            i += 1;
            continue;
        }
        if number_list(text, &v, i, &mut spans) {
            i += 1;
            continue;
        }
        match best_at(&v, &dates, i) {
            Some(m) if m.end > i => {
                let (start, end) = v.bytes(m.start, m.end);
                if let Ok(mut span) = Span::new(text, start, end, m.label, Source::Rule) {
                    span.value = Some(m.value);
                    span.score = m.score;
                    spans.push(span);
                }
                i = m.end;
            }
            _ => i += 1,
        }
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::ref_date;

    fn spans(text: &str) -> Vec<(String, String)> {
        let tokens = crate::text::tokenize(text);
        let sentences = crate::text::split_sentences(text, &tokens);
        recognize(text, &tokens, &sentences, &ref_date())
            .into_iter()
            .map(|s| (s.text.to_string(), s.value.unwrap().display()))
            .collect()
    }

    #[test]
    fn modifiers_stay_in_the_span() {
        assert_eq!(
            spans("about 11,000 soldiers"),
            [("about 11,000".into(), "≈11000".into())]
        );
        assert_eq!(
            spans("More than 3,000 died"),
            [("More than 3,000".into(), ">3000".into())]
        );
        assert_eq!(
            spans("at least 200"),
            [("at least 200".into(), "≥200".into())]
        );
        assert_eq!(
            spans("up to $5 million"),
            [("up to $5 million".into(), "≤5000000 USD".into())]
        );
        assert_eq!(
            spans("500 or more"),
            [("500 or more".into(), "≥500".into())]
        );
    }

    #[test]
    fn empty_and_odd_inputs() {
        assert!(spans("").is_empty());
        assert!(spans("   \n\t ").is_empty());
        assert!(spans("👍🏽 東京 שָׁלוֹם").is_empty());
        // A comma list that is no grouped number is a list of numbers.
        assert_eq!(spans("1,1,1,1").len(), 4);
    }
}
