//! What the words around a mention say about what it names.
//!
//! An unknown name reads like a person's to a model that sees two words either
//! side: "Pemberton Hale", "Lindqvist", "Tianqi". Business news says what they
//! are in other words: "shares in Pemberton Hale", "Lindqvist's board", "Tianqi,
//! a lithium producer", "analysts at Berenberg". People have no shares, boards or
//! analysts, and are not producers of anything. The linker asks
//! [`company_context`] about every mention of a PERSON entity and makes the whole
//! entity an organization when one mention has such words around it.

use crate::span::Span;
use crate::text::{Sentence, Token};

/// Lower-case nouns before "in", "of", "at" or "for" that make what follows a
/// company: "shares in X", "analysts at X", "a spokeswoman for X".
const BEFORE: &[&str] = &[
    "shares",
    "stake",
    "stakes",
    "shareholders",
    "shareholder",
    "analyst",
    "analysts",
    "economist",
    "economists",
    "strategist",
    "strategists",
    "spokesperson",
    "spokesman",
    "spokeswoman",
    "employees",
    "subsidiary",
    "unit",
    "takeover",
    "acquisition",
];

/// Nouns a company owns that a person does not: "X's board", "X's shares".
const OWNED: &[&str] = &[
    "board",
    "shares",
    "stock",
    "shareholders",
    "chief",
    "ceo",
    "chairman",
    "chairwoman",
    "subsidiary",
    "unit",
    "plants",
    "factory",
    "factories",
    "headquarters",
    "revenue",
    "profit",
    "sales",
    "takeover",
];

/// Verbs that follow "X shares" when they are the company's shares.
const SHARE_MOVES: &[&str] = &[
    "rose", "fell", "jumped", "gained", "closed", "dropped", "slipped", "climbed", "surged",
    "tumbled", "rallied", "ended", "lost", "added", "sank", "soared", "plunged", "edged", "were",
    "have", "traded", "opened",
];

/// Head nouns of an apposition that describes a company: "X, a Sheffield-based
/// maker of valves", "X, the country's largest lender".
const KINDS: &[&str] = &[
    "company",
    "firm",
    "group",
    "maker",
    "manufacturer",
    "producer",
    "developer",
    "lender",
    "bank",
    "insurer",
    "retailer",
    "carmaker",
    "automaker",
    "drugmaker",
    "chipmaker",
    "supplier",
    "operator",
    "exporter",
    "importer",
    "miner",
    "conglomerate",
    "chain",
    "airline",
    "brokerage",
    "startup",
    "start-up",
    "subsidiary",
    "unit",
    "utility",
    "distributor",
    "shipper",
    "brand",
    "club",
];

/// Words that end the search for an apposition's head noun.
const STOPS: &[&str] = &[
    "of", "for", "at", "in", "with", "to", "from", "by", "on", "who", "which", "that", "and",
    ",", ".", ";", ")", "(", "\"",
];

/// True when the words around the mention `tokens[start..end]` of `text` say it
/// is a company.
pub fn company_context(text: &str, tokens: &[Token], start: usize, end: usize) -> bool {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let lower_in = |i: usize, list: &[&str]| {
        let w = word(i);
        w.len() <= 14 && list.iter().any(|x| x.eq_ignore_ascii_case(w))
    };
    // "shares in X", "analysts at X".
    if start >= 2
        && matches!(word(start - 1), "in" | "of" | "at" | "for")
        && lower_in(start - 2, BEFORE)
    {
        return true;
    }
    // "X's board", "X's shares".
    if matches!(word(end), "'s" | "’s") && lower_in(end + 1, OWNED) {
        return true;
    }
    // "X shares fell".
    if word(end) == "shares" && lower_in(end + 1, SHARE_MOVES) {
        return true;
    }
    // "Kessler chief executive Juergen Albrecht", "Anchor founder".
    if word(end) == "founder" || word(end) == "chief" && word(end + 1) == "executive" {
        return true;
    }
    // "X, founded in 1912", "X, headquartered in".
    if word(end) == "," && matches!(word(end + 1), "founded" | "headquartered" | "listed") {
        return true;
    }
    // "X, a Sheffield-based maker of valves".
    if matches!(word(end + 1), "a" | "an" | "the")
        && apposition_head(text, tokens, end).is_some_and(|h| lower_in(h, KINDS))
    {
        return true;
    }
    false
}

/// The head noun of an apposition after a name ending at token `end`: "X, a
/// Sheffield-based maker of valves" → "maker", "X, the firm's chief executive" →
/// "executive", "X, chairman of Y" → "chairman". It is the last word before a
/// preposition or clause, within ten tokens of the comma.
pub fn apposition_head(text: &str, tokens: &[Token], end: usize) -> Option<usize> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    if word(end) != "," {
        return None;
    }
    let first = end + 1 + usize::from(matches!(word(end + 1), "a" | "an" | "the"));
    let mut head = None;
    for i in first..(end + 12).min(tokens.len()) {
        let w = word(i);
        if w.len() <= 6 && STOPS.iter().any(|x| x.eq_ignore_ascii_case(w)) {
            break;
        }
        head = Some(i);
    }
    head
}

/// Drops one-word spans that open a sentence ("Chemotherapy is the hardest
/// part", "Junta spokesman Zaw Min Tun") when the document also writes the word
/// in lower case: there the capital was the sentence's, not a name's.
pub fn drop_sentence_capitals(
    text: &str,
    tokens: &[Token],
    sentences: &[Sentence],
    spans: &mut Vec<Span<'_>>,
) {
    // Sentence-opening one-word spans (after an opening quote or parenthesis).
    let mut openers: Vec<usize> = Vec::new();
    let mut k = 0;
    for sentence in sentences {
        let mut first = sentence.token_start as usize;
        while first < sentence.token_end as usize
            && matches!(tokens[first].text(text), "\"" | "“" | "(" | "'" | "‘")
        {
            first += 1;
        }
        let Some(t) = tokens.get(first) else { continue };
        while k < spans.len() && spans[k].start < t.start as usize {
            k += 1;
        }
        if spans
            .get(k)
            .is_some_and(|s| s.start == t.start as usize && s.end == t.end as usize)
        {
            openers.push(k);
        }
    }
    if openers.is_empty() {
        return;
    }
    let lowered: Vec<String> = openers.iter().map(|&k| spans[k].text.to_lowercase()).collect();
    let mut common = vec![false; openers.len()];
    for t in tokens {
        let w = t.text(text);
        if w.starts_with(|c: char| c.is_lowercase()) {
            for (c, l) in common.iter_mut().zip(&lowered) {
                *c |= l == w;
            }
        }
    }
    let mut drop = openers.iter().zip(&common).filter(|(_, &c)| c).map(|(&k, _)| k);
    let mut next = drop.next();
    let mut i = 0;
    spans.retain(|_| {
        let keep = Some(i) != next;
        if !keep {
            next = drop.next();
        }
        i += 1;
        keep
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// `company_context` for the first occurrence of `name` in `sentence`.
    fn says_company(sentence: &str, name: &str) -> bool {
        let tokens = tokenize(sentence);
        let at = sentence.find(name).unwrap();
        let start = tokens.iter().position(|t| t.start as usize == at).unwrap();
        let end = tokens
            .iter()
            .position(|t| t.end as usize == at + name.len())
            .unwrap()
            + 1;
        company_context(sentence, &tokens, start, end)
    }

    #[test]
    fn company_words_around_a_name() {
        for (sentence, name) in [
            ("Shares in Pemberton Hale closed up 31%.", "Pemberton Hale"),
            ("said Moritz Brandl, an analyst at Bankhaus Metzler.", "Bankhaus Metzler"),
            ("Pemberton Hale's board backed the offer.", "Pemberton Hale"),
            ("while Lindqvist shares fell 3.2%", "Lindqvist"),
            ("Lindqvist, founded in Gothenburg in 1912, agreed.", "Lindqvist"),
            ("Pemberton Hale, a Sheffield-based maker of valves, agreed.", "Pemberton Hale"),
            ("Tianqi, the country's second-largest lithium producer, said", "Tianqi"),
            ("Kessler chief executive Jürgen Albrecht said", "Kessler"),
        ] {
            assert!(says_company(sentence, name), "{sentence}");
        }
    }

    #[test]
    fn people_keep_their_words() {
        for (sentence, name) in [
            ("Anna Berg, a spokeswoman for the company, said so.", "Anna Berg"),
            ("Anna Berg shares the concern.", "Anna Berg"),
            ("Anna Berg's office declined to comment.", "Anna Berg"),
            ("Anna Berg, the firm's chief executive, said so.", "Anna Berg"),
            ("talks with Anna Berg in Oslo", "Anna Berg"),
        ] {
            assert!(!says_company(sentence, name), "{sentence}");
        }
    }

    #[test]
    fn sentence_capitals_of_common_words_are_dropped() {
        use crate::label::Label;
        use crate::span::Source;
        use crate::text::split_sentences;
        let text = "Chemotherapy is hard. Doctors say chemotherapy works. Kessler said so. \
                    \"Safety first,\" he said.";
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let span = |word: &str| {
            let at = text.find(word).unwrap();
            Span::new(text, at, at + word.len(), Label::Person, Source::Model).unwrap()
        };
        let mut spans = vec![span("Chemotherapy"), span("Kessler"), span("Safety")];
        drop_sentence_capitals(text, &tokens, &sentences, &mut spans);
        let left: Vec<&str> = spans.iter().map(|s| s.text).collect();
        assert_eq!(left, ["Kessler", "Safety"]);
    }
}
