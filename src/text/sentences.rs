//! Sentence splitting over tokens.
//!
//! A sentence is a run of whole tokens; every token belongs to exactly one
//! sentence, sentences are in text order and only whitespace lies between them.
//! Offsets are UTF-8 bytes.
//!
//! Boundaries come from terminal punctuation followed by something that can open a
//! sentence, and from line breaks. No boundary falls after an abbreviation or an
//! initial (`U.S. officials`, `Jan. 24`, `George W. Bush`) unless the next word is a
//! typical sentence opener, after a decimal (one token), or inside quotes or
//! brackets: `"I am here. You are there," he said.` is one sentence.

use super::lexicon;
use super::tokens::{Token, TokenKind};

/// One sentence: a byte range and the token range it covers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// Byte offset of the first token's start.
    pub start: u32,
    /// Byte offset of the last token's end.
    pub end: u32,
    /// Index of the first token.
    pub token_start: u32,
    /// Index just past the last token.
    pub token_end: u32,
}

impl Sentence {
    /// The byte range.
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }

    /// The token index range.
    pub fn tokens(&self) -> std::ops::Range<usize> {
        self.token_start as usize..self.token_end as usize
    }
}

/// Splits `tokens` of `text` into sentences.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut sentences = Vec::with_capacity(tokens.len() / 20 + 1);
    let mut start = 0usize;
    let mut nesting = Nesting::default();
    let mut i = 0usize;
    while i < tokens.len() {
        let tok = tokens[i];
        let word = tok.text(text);
        nesting.update(text, tokens, i);
        let Some(next) = tokens.get(i + 1) else { break };
        let gap = &text[tok.end as usize..next.start as usize];
        // Most gaps are one space or none; counting line breaks in them with three
        // string searches was a fifth of the splitter's instructions (callgrind).
        let newlines = if gap.is_empty() || gap == " " {
            0
        } else {
            gap.matches('\n').count()
                + gap.matches(['\u{2028}', '\u{2029}']).count()
                + usize::from(gap.contains('\r') && !gap.contains('\n'))
        };

        let mut boundary_after = None;
        if newlines >= 2 {
            boundary_after = Some(i);
        } else if newlines == 1 {
            if line_break_ends_sentence(text, tok, *next) {
                boundary_after = Some(i);
            }
        } else if is_terminal(word) && nesting.depth() == 0 {
            // Closing quotes and brackets right after the stop belong to this sentence.
            let mut last = i;
            while let Some(t) = tokens.get(last + 1) {
                if t.start != tokens[last].end || !is_closer(t.text(text)) {
                    break;
                }
                last += 1;
            }
            if let Some(n) = tokens.get(last + 1) {
                if !starts_sentence_after_stop(text, *n)
                    || opens_with_ellipsis(text, tokens, start, i)
                {
                    // not a boundary
                } else if newline_between(text, tokens[last], *n)
                    || gap_has_space(text, tokens[last], *n)
                {
                    boundary_after = Some(last);
                }
            }
        } else if is_terminal(word) && nesting.depth() > 0 {
            // `"We will fight." He left.`: the quote closes right after the stop.
            let mut last = i;
            while let Some(t) = tokens.get(last + 1) {
                if t.start != tokens[last].end || !is_closer(t.text(text)) {
                    break;
                }
                last += 1;
                nesting.update(text, tokens, last);
            }
            if last > i && nesting.depth() == 0 {
                if let Some(n) = tokens.get(last + 1) {
                    if starts_sentence_after_stop(text, *n) && gap_has_space(text, tokens[last], *n)
                    {
                        boundary_after = Some(last);
                    }
                }
            }
            i = last;
        } else if tok.kind == TokenKind::Word
            && word.ends_with('.')
            && word.len() > 1
            && nesting.depth() == 0
        {
            // An abbreviation that also ends the sentence: "… in the U.S. The talks …".
            if lexicon::is_sentence_starter(next.text(text)) && gap_has_space(text, tok, *next) {
                boundary_after = Some(i);
            }
        }

        if let Some(end) = boundary_after {
            push(&mut sentences, tokens, start, end + 1);
            start = end + 1;
            i = end + 1;
            nesting = Nesting::default();
            continue;
        }
        if newlines > 0 {
            nesting = Nesting::default(); // unbalanced quotes end with the line
        }
        i += 1;
    }
    if start < tokens.len() {
        push(&mut sentences, tokens, start, tokens.len());
    }
    sentences
}

fn push(sentences: &mut Vec<Sentence>, tokens: &[Token], from: usize, to: usize) {
    sentences.push(Sentence {
        start: tokens[from].start,
        end: tokens[to - 1].end,
        token_start: from as u32,
        token_end: to as u32,
    });
}

/// Open quotes and brackets; a stop inside them does not end the sentence.
#[derive(Default)]
struct Nesting {
    double_quote: bool,
    curly: u32,
    brackets: u32,
}

impl Nesting {
    fn depth(&self) -> u32 {
        u32::from(self.double_quote) + self.curly + self.brackets
    }

    fn update(&mut self, text: &str, tokens: &[Token], i: usize) {
        // Quotes and brackets are all `Punct` tokens; skipping the string match for
        // words and numbers halved this function's cost (callgrind).
        if tokens[i].kind != TokenKind::Punct {
            return;
        }
        match tokens[i].text(text) {
            "\"" => {
                // A straight quote glued to a word on its left closes, one glued on
                // its right opens, and a free-standing one toggles.
                let glued_left = i > 0
                    && tokens[i - 1].end == tokens[i].start
                    && !is_opener(tokens[i - 1].text(text));
                let glued_right = tokens.get(i + 1).is_some_and(|t| t.start == tokens[i].end);
                self.double_quote = match (glued_left, glued_right) {
                    (true, _) => false,
                    (false, true) => true,
                    (false, false) => !self.double_quote,
                };
            }
            "“" | "«" => self.curly += 1,
            "”" | "»" => self.curly = self.curly.saturating_sub(1),
            "(" | "[" | "{" => self.brackets += 1,
            ")" | "]" | "}" => self.brackets = self.brackets.saturating_sub(1),
            _ => {}
        }
    }
}

fn is_terminal(word: &str) -> bool {
    matches!(
        word,
        "." | "!" | "?" | "…" | "..." | "!!" | "??" | "!!!" | "???" | "。" | "！" | "？"
    ) || (word.len() > 3 && word.bytes().all(|b| b == b'.'))
}

fn is_closer(word: &str) -> bool {
    matches!(
        word,
        "\"" | "”" | "’" | "'" | "»" | ")" | "]" | "}" | "」" | "』"
    )
}

fn is_opener(word: &str) -> bool {
    matches!(word, "(" | "[" | "{" | "“" | "«" | "‘")
}

/// After a stop, a new sentence starts with a capital, a digit, an opening quote
/// or bracket, or anything that is not a lower-case letter or continuing punctuation.
fn starts_sentence_after_stop(text: &str, next: Token) -> bool {
    let word = next.text(text);
    let Some(c) = word.chars().next() else {
        return false;
    };
    if c.is_lowercase() {
        return false;
    }
    !matches!(
        word,
        "," | ";" | ":" | ")" | "]" | "}" | "%" | "-" | "'s" | "’s"
    )
}

/// A line break ends the sentence unless the next line visibly continues it.
fn line_break_ends_sentence(text: &str, tok: Token, next: Token) -> bool {
    let word = tok.text(text);
    let next_word = next.text(text);
    if next_word.starts_with(|c: char| c.is_lowercase()) {
        return false;
    }
    !matches!(word, "," | ";" | "-" | "(" | "“" | "&")
        && !matches!(
            word,
            "the"
                | "a"
                | "an"
                | "of"
                | "and"
                | "or"
                | "to"
                | "in"
                | "for"
                | "with"
                | "by"
                | "on"
                | "at"
                | "from"
        )
}

/// "... Pyongyang has deployed": an ellipsis opening a sentence marks an omission.
fn opens_with_ellipsis(text: &str, tokens: &[Token], start: usize, i: usize) -> bool {
    i == start && matches!(tokens[i].text(text), "..." | "…")
}

fn newline_between(text: &str, a: Token, b: Token) -> bool {
    text[a.end as usize..b.start as usize].contains('\n')
}

fn gap_has_space(_text: &str, a: Token, b: Token) -> bool {
    a.end < b.start
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sents(text: &str) -> Vec<&str> {
        let tokens = tokenize(text);
        split_sentences(text, &tokens)
            .iter()
            .map(|s| &text[s.range()])
            .collect()
    }

    #[test]
    fn reuters_lede_is_one_sentence() {
        let text = "SEOUL (Reuters) - South Korea's military said on Friday that it suspects North Korea is preparing to send more troops to Russia to fight Ukrainian forces, even after suffering losses and seeing some of its soldiers captured. ... Pyongyang has deployed about 11,000 soldiers to support Moscow's forces in Russia's western Kursk region, according to Ukrainian and Western assessments, which Ukraine seized in a surprise attack last year.";
        let s = sents(text);
        assert_eq!(s.len(), 2, "{s:#?}");
        assert!(s[0].starts_with("SEOUL (Reuters) - South Korea's military said on Friday"));
        assert!(s[0].ends_with("captured."));
        assert!(s[1].starts_with("... Pyongyang"));
    }

    #[test]
    fn abbreviations_initials_and_decimals_do_not_split() {
        assert_eq!(
            sents("U.S. officials met on Jan. 24 in Washington. They agreed."),
            [
                "U.S. officials met on Jan. 24 in Washington.",
                "They agreed."
            ]
        );
        assert_eq!(
            sents("George W. Bush spoke. Growth was 3.5 percent."),
            ["George W. Bush spoke.", "Growth was 3.5 percent."]
        );
        assert_eq!(
            sents("Mr. Kim and Dr. Lee met Gen. Park."),
            ["Mr. Kim and Dr. Lee met Gen. Park."]
        );
        assert_eq!(
            sents("He moved to the U.S. The talks failed."),
            ["He moved to the U.S.", "The talks failed."]
        );
    }

    #[test]
    fn quotes() {
        assert_eq!(
            sents("\"I am here. You are there,\" he said. Then he left."),
            ["\"I am here. You are there,\" he said.", "Then he left."]
        );
        assert_eq!(
            sents("“We will fight.” He left."),
            ["“We will fight.”", "He left."]
        );
        assert_eq!(
            sents("\"We will fight.\" He left."),
            ["\"We will fight.\"", "He left."]
        );
        assert_eq!(
            sents("He said (see below. Really.) nothing. Ok."),
            ["He said (see below. Really.) nothing.", "Ok."]
        );
    }

    #[test]
    fn lines_and_paragraphs() {
        assert_eq!(
            sents("Headline without stop\n\nFirst para. Second.\nThird line"),
            [
                "Headline without stop",
                "First para.",
                "Second.",
                "Third line"
            ]
        );
        assert_eq!(
            sents("a wrapped\nline continues here."),
            ["a wrapped\nline continues here."]
        );
        assert_eq!(sents("Windows\r\n\r\nline"), ["Windows", "line"]);
    }

    #[test]
    fn edge_cases() {
        assert!(sents("").is_empty());
        assert!(sents("  \n ").is_empty());
        assert_eq!(sents("no stop"), ["no stop"]);
        assert_eq!(
            sents("Why? Because! 東京。"),
            ["Why?", "Because!", "東京。"]
        );
        assert_eq!(
            sents("It rose 5%. Then fell."),
            ["It rose 5%.", "Then fell."]
        );
        assert_eq!(
            sents("Done.\u{a0}Next 🙂. Last."),
            ["Done.", "Next 🙂.", "Last."]
        );
    }

    #[test]
    fn covers_every_token_once() {
        let text = "A. B. C? \"D.\" (E.) F... g. H\n\nI";
        let tokens = tokenize(text);
        let s = split_sentences(text, &tokens);
        assert_eq!(s[0].token_start, 0);
        assert_eq!(s.last().unwrap().token_end as usize, tokens.len());
        assert!(s.windows(2).all(|w| w[0].token_end == w[1].token_start));
    }
}
