//! Titles and roles that precede a name ("President", "Prime Minister", "Mr.")
//! stay out of PERSON spans (OntoNotes convention), and a possessive clitic stays
//! out of every span.
//!
//! The same function trims the tagger's output, the training data (GMB puts titles
//! inside PER spans) and, for evaluation, the gold spans, so all three agree.

use super::features::lower_into_hash;
use super::gazetteer::{bit, Category, Gazetteer};
use crate::text::Token;

/// How many leading tokens of a PERSON span are a title: the longest run of title
/// heads and title modifiers that contains at least one head ("Vice President",
/// "Secretary of State", "Secretary-General"). Returns `tokens.len()` when the span
/// is nothing but a title, and 0 when it does not start with one.
pub fn title_len(text: &str, tokens: &[Token], gaz: &Gazetteer) -> usize {
    let mut run = 0;
    let mut has_head = false;
    for t in tokens {
        let cats = gaz.categories_of(&[lower_into_hash(t.text(text))]);
        if cats & bit(Category::Title) != 0 {
            has_head = true;
        } else if cats & bit(Category::TitleModifier) == 0 {
            break;
        }
        run += 1;
    }
    if !has_head {
        return 0;
    }
    run
}

/// The longest title run looked for after a span ("Deputy Secretary of State").
pub const MAX_TITLE_WORDS: usize = 4;

/// True for the possessive clitic tokens the tokenizer splits off ("'s", "’s", "'").
pub fn is_possessive(word: &str) -> bool {
    matches!(word, "'s" | "’s" | "'S" | "’S" | "'" | "’")
}

/// Trims a span given as a token range `start..end` of `tokens`: titles off the
/// front of PERSON spans (`is_person`), possessives and closing punctuation off the
/// end of every span. Returns the new range, empty when nothing is left.
pub fn trim_span(
    text: &str,
    tokens: &[Token],
    start: usize,
    end: usize,
    is_person: bool,
    gaz: &Gazetteer,
) -> (usize, usize) {
    let (mut s, mut e) = (start, end);
    while e > s && is_possessive(tokens[e - 1].text(text)) {
        e -= 1;
    }
    if is_person && e > s {
        // The title run may go on past the span: GMB tags "Prime" of "Prime
        // Minister" alone as a person 290 times, and a model trained on it does
        // the same; a span that is all title words vanishes.
        let reach = (e + MAX_TITLE_WORDS).min(tokens.len());
        s += title_len(text, &tokens[s..reach], gaz).min(e - s);
    }
    (s, e.max(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn trimmed(phrase: &str, person: bool) -> String {
        let tokens = tokenize(phrase);
        let (s, e) = trim_span(
            phrase,
            &tokens,
            0,
            tokens.len(),
            person,
            Gazetteer::embedded(),
        );
        if s == e {
            return String::new();
        }
        phrase[tokens[s].start as usize..tokens[e - 1].end as usize].to_string()
    }

    #[test]
    fn titles_come_off_person_spans() {
        assert_eq!(trimmed("President Vladimir Putin", true), "Vladimir Putin");
        assert_eq!(trimmed("Mr. Abbas", true), "Abbas");
        assert_eq!(trimmed("Prime Minister Tony Blair", true), "Tony Blair");
        assert_eq!(
            trimmed("Secretary of State Condoleezza Rice", true),
            "Condoleezza Rice"
        );
        assert_eq!(
            trimmed("U.N. Secretary-General Kofi Annan", true),
            "U.N. Secretary-General Kofi Annan"
        );
        assert_eq!(trimmed("Secretary-General Kofi Annan", true), "Kofi Annan");
        assert_eq!(trimmed("prime minister Tony Blair", true), "Tony Blair");
        assert_eq!(trimmed("Vice President Joe Biden", true), "Joe Biden");
    }

    #[test]
    fn names_without_titles_are_kept() {
        assert_eq!(trimmed("Volodymyr Zelenskiy", true), "Volodymyr Zelenskiy");
        assert_eq!(trimmed("Martin Luther King", true), "Martin Luther King");
        // A modifier alone is not a title.
        assert_eq!(trimmed("Foreign Minister", false), "Foreign Minister");
        assert_eq!(trimmed("State", true), "State");
    }

    #[test]
    fn bare_titles_vanish_and_possessives_drop() {
        assert_eq!(trimmed("President", true), "");
        assert_eq!(trimmed("Russia's", false), "Russia");
        assert_eq!(trimmed("Putin's", true), "Putin");
        assert_eq!(trimmed("Mr. Putin's", true), "Putin");
        assert_eq!(trimmed("", true), "");
    }

    #[test]
    fn spans_that_begin_a_title_vanish() {
        let text = "Haitian Prime Minister Garry Conille spoke.";
        let tokens = tokenize(text);
        let gaz = Gazetteer::embedded();
        // "Prime" alone, as GMB tags it: the title goes on after the span.
        let (s, e) = trim_span(text, &tokens, 1, 2, true, gaz);
        assert_eq!(s, e);
        // The name after the whole title is kept.
        assert_eq!(trim_span(text, &tokens, 1, 5, true, gaz), (3, 5));
        // A title modifier followed by no head stays a name.
        let text = "State Smith spoke.";
        let tokens = tokenize(text);
        assert_eq!(trim_span(text, &tokens, 0, 1, true, gaz), (0, 1));
    }
}
