//! Closed word lists the tokenizer and sentence splitter consult: abbreviations
//! that keep their period, words that typically open a sentence, and unit
//! suffixes that split off a number ("3bn", "5km").
//!
//! All lookups are on ASCII text; a binary search over these sorted lists is
//! cheaper than hashing for words this short.

/// Abbreviations that always keep their period: titles, months, corporate
/// suffixes, Latin. Matched case-sensitively, without the final period.
const ALWAYS: &[&str] = &[
    "Adm", "Ala", "Apr", "Ariz", "Ark", "Assn", "Aug", "Ave", "Blvd", "Brig", "Bros", "Calif",
    "Capt", "Cmdr", "Co", "Col", "Colo", "Conn", "Corp", "Cpl", "Dec", "Dept", "Dr", "Drs", "Feb",
    "Fla", "Gen", "Gov", "Govt", "Hon", "Inc", "Insp", "Jan", "Jr", "Jul", "Jun", "Lt", "Ltd",
    "Maj", "Mar", "Messrs", "Mme", "Mmes", "Mr", "Mrs", "Ms", "Msgr", "Nov", "Oct", "Okla", "Ph.D",
    "Pres", "Prof", "Pvt", "Rep", "Reps", "Rev", "Sen", "Sens", "Sep", "Sept", "Sgt", "Sr", "Supt",
    "Tenn", "Univ", "approx", "cf", "dept", "est", "etc", "govt", "inc", "jr", "ltd", "vs",
];

/// Abbreviations that are also ordinary words ("No", "Sun", "Mass"); they keep
/// their period only when the next word shows the sentence goes on.
const IN_CONTEXT: &[&str] = &[
    "Fri", "Ft", "Ga", "Ill", "Ind", "Kan", "Ky", "La", "Mass", "Md", "Mich", "Minn", "Miss", "Mo",
    "Mon", "Mont", "Mt", "Neb", "Nev", "No", "Nos", "Ore", "Pa", "Pt", "Sat", "St", "Sun", "Tex",
    "Thu", "Thur", "Thurs", "Tue", "Tues", "Va", "Vol", "Vt", "Wash", "Wed", "Wis", "Wyo", "fig",
    "no", "p", "pp", "vol",
];

/// Capitalized words that usually begin a sentence rather than continue a name;
/// after an abbreviation they signal the abbreviation's period also ends the sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "A",
    "According",
    "After",
    "Although",
    "An",
    "And",
    "As",
    "At",
    "Before",
    "But",
    "During",
    "Earlier",
    "For",
    "He",
    "Her",
    "His",
    "However",
    "I",
    "If",
    "In",
    "It",
    "Its",
    "Last",
    "Later",
    "Meanwhile",
    "Most",
    "Officials",
    "On",
    "One",
    "Other",
    "Our",
    "She",
    "Since",
    "So",
    "Some",
    "That",
    "The",
    "Their",
    "There",
    "These",
    "They",
    "This",
    "Those",
    "Under",
    "We",
    "What",
    "When",
    "While",
    "Why",
    "Yet",
    "You",
];

/// Letter suffixes that split off a number: "3bn" → "3" "bn", "5km" → "5" "km".
/// Ordinal suffixes and the decade "s" are deliberately absent ("21st", "1990s").
const UNIT_SUFFIXES: &[&str] = &[
    "am", "b", "bbl", "bn", "bpd", "c", "cm", "f", "ft", "g", "gb", "ghz", "gw", "gwh", "h", "ha",
    "hr", "hrs", "hz", "k", "kb", "kg", "kgs", "khz", "km", "kmh", "kph", "kw", "kwh", "l", "lb",
    "lbs", "m", "mb", "mg", "mhz", "mi", "min", "mins", "ml", "mm", "mn", "mph", "ms", "mw", "mwh",
    "oz", "pct", "pm", "sec", "secs", "sqm", "t", "tb", "tn", "tr", "trn", "w", "x", "yr", "yrs",
];

fn contains(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Decides whether `word` (without its final period) keeps the period as part of
/// one abbreviation token. `next` is the following word, if any on the same line.
pub fn keeps_period(word: &str, next: Option<&str>) -> bool {
    if word.is_empty() || !word.is_ascii() {
        return false;
    }
    // A comma or an opening parenthesis never starts a sentence: "Carson City,
    // Nev. (AP)", "Reno, Nev., said".
    let continues = |next: Option<&str>| match next {
        None => false,
        Some(n) => match n.chars().next() {
            Some(c) if c.is_ascii_digit() || c.is_lowercase() || c == ',' || c == '(' => true,
            Some(c) if c.is_uppercase() => !is_sentence_starter(n),
            _ => false,
        },
    };
    if is_dotted_letters(word) || contains(ALWAYS, word) {
        return true;
    }
    // Initials: "J. R. R. Tolkien", "George W. Bush".
    if word.len() == 1 && word.as_bytes()[0].is_ascii_uppercase() {
        return next
            .is_some_and(|n| n.starts_with(|c: char| c.is_uppercase()) && !is_sentence_starter(n));
    }
    contains(IN_CONTEXT, word) && continues(next)
}

/// "U.S", "a.m", "e.g", "U.S.A": single letters joined by periods.
fn is_dotted_letters(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 3
        && b.iter().enumerate().all(|(i, &c)| {
            if i % 2 == 0 {
                c.is_ascii_alphabetic()
            } else {
                c == b'.'
            }
        })
}

/// True for capitalized function words that typically open a sentence.
pub fn is_sentence_starter(word: &str) -> bool {
    let word = word.trim_end_matches(|c: char| !c.is_alphanumeric());
    contains(SENTENCE_STARTERS, word)
}

/// True when `suffix` (any case) is a unit or magnitude written flush against a number.
pub fn is_unit_suffix(suffix: &str) -> bool {
    if suffix.len() > 4 || !suffix.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 4];
    let lower = &mut buf[..suffix.len()];
    lower.copy_from_slice(suffix.as_bytes());
    lower.make_ascii_lowercase();
    std::str::from_utf8(lower).is_ok_and(|l| contains(UNIT_SUFFIXES, l))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_for_binary_search() {
        for list in [ALWAYS, IN_CONTEXT, SENTENCE_STARTERS, UNIT_SUFFIXES] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "{:?}",
                list.windows(2).find(|w| w[0] >= w[1])
            );
        }
    }

    #[test]
    fn abbreviations() {
        assert!(keeps_period("U.S", Some("officials")));
        assert!(keeps_period("U.S", None));
        assert!(keeps_period("Mr", Some("Putin")));
        assert!(keeps_period("Jan", Some("24")));
        assert!(keeps_period("W", Some("Bush")));
        assert!(!keeps_period("W", Some("The")));
        assert!(keeps_period("No", Some("10")));
        assert!(!keeps_period("No", None));
        assert!(!keeps_period("Sun", Some("The")));
        assert!(keeps_period("Nev", Some("(")));
        assert!(keeps_period("Nev", Some(",")));
        assert!(!keeps_period("Nev", Some("\"")));
        assert!(!keeps_period("said", Some("He")));
        assert!(!keeps_period("", None));
    }

    #[test]
    fn unit_suffixes_ignore_case() {
        assert!(is_unit_suffix("bn"));
        assert!(is_unit_suffix("KM"));
        assert!(!is_unit_suffix("st"));
        assert!(!is_unit_suffix("s"));
        assert!(!is_unit_suffix("kilometres"));
    }
}
