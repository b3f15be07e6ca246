//! What the words around a mention say about what it names.
//!
//! An unknown name reads like a person's to a model that sees two words either
//! side: "Pemberton Hale", "Lindqvist", "Tianqi". Business news says what they
//! are in other words: "shares in Pemberton Hale", "Lindqvist's board", "Tianqi,
//! a lithium producer", "analysts at Berenberg". People have no shares, boards or
//! analysts, and are not producers of anything; and "Cerro Rico, the silver
//! mountain" is a place. The linker asks [`kind_context`] about every mention of
//! an entity the model guessed to be a person or a location and relabels the whole
//! entity when one mention's words say what it is.
//!
//! The other document-level readings live here too: capitals that only open a
//! sentence ([`drop_sentence_capitals`]) or fill a title-case headline
//! ([`headline_spans`]) say nothing about names, and in a sports report
//! ([`is_sports_report`]) nicknames, cities and a box score's opponents name teams
//! ([`team_nicknames`], [`team_mention`], [`schedule_opponents`]).

use super::features::{case_of, is_one_of, lower_into_hash, Case};
use super::gazetteer::{bit, phrase_lowers, Category, Gazetteer};
use super::repair::categories;
use super::table::FastMap;
use crate::label::Label;
use crate::span::{sort_spans, Source, Span};
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

/// Participles that say when or where a company was set up or is listed: "X,
/// founded in 1912". ("Based in" also says it after "which is"; after a bare comma
/// it may describe a person: "Ann Roe, based in Lagos".)
const ESTABLISHED: &[&str] = &["founded", "headquartered", "listed"];

/// Head nouns of an apposition that describes an organization: "X, a
/// Sheffield-based maker of valves", "X, the conservative party led by".
const ORGANIZATION_HEADS: &[&str] = &[
    "agency",
    "airline",
    "alliance",
    "arm",
    "association",
    "automaker",
    "bank",
    "body",
    "brand",
    "brokerage",
    "carmaker",
    "cartel",
    "chain",
    "chipmaker",
    "club",
    "coalition",
    "committee",
    "company",
    "conglomerate",
    "cooperative",
    "council",
    "developer",
    "distributor",
    "drugmaker",
    "exporter",
    "faction",
    "federation",
    "firm",
    "gang",
    "group",
    "importer",
    "insurer",
    "lender",
    "lobby",
    "maker",
    "manufacturer",
    "militia",
    "miner",
    "movement",
    "network",
    "operator",
    "organisation",
    "organization",
    "party",
    "producer",
    "retailer",
    "shipper",
    "startup",
    "start-up",
    "subsidiary",
    "supplier",
    "union",
    "unit",
    "utility",
];

/// Nouns right before a name that say it is an organization: "trucking firm
/// Minuano", "dairy co-operative Fonterra" (the hyphen leaves "operative"). Nouns
/// for people who make things ("producer", "developer") are left out: "software
/// developer Jane Roe".
pub const ORGANIZATION_NOUNS: &[&str] = &[
    "airline",
    "automaker",
    "bank",
    "brewer",
    "broadcaster",
    "carmaker",
    "carrier",
    "charity",
    "chipmaker",
    "coalition",
    "company",
    "conglomerate",
    "cooperative",
    "operative",
    "exporter",
    "firm",
    "group",
    "importer",
    "insurer",
    "lender",
    "lobby",
    "maker",
    "manufacturer",
    "miner",
    "newspaper",
    "operator",
    "provider",
    "regulator",
    "retailer",
    "rival",
    "startup",
    "subsidiary",
    "union",
    "utility",
    "watchdog",
];

/// Head nouns of an apposition that describes an administrative place: "Sabah,
/// a Malaysian state on Borneo", "Tibú, a town near the border".
const GPE_HEADS: &[&str] = &[
    "capital",
    "city",
    "county",
    "district",
    "municipality",
    "neighborhood",
    "neighbourhood",
    "port",
    "province",
    "region",
    "state",
    "suburb",
    "town",
    "village",
];

/// Head nouns of an apposition that describes a natural place: "Cerro Rico, the
/// silver mountain that towers over Potosí".
const LOC_HEADS: &[&str] = &[
    "desert",
    "island",
    "lake",
    "mountain",
    "peninsula",
    "river",
    "sea",
    "valley",
    "volcano",
];

/// Words that end the search for an apposition's head noun: prepositions,
/// relative words and the participles that open a noun's modifiers ("the party
/// led by", "a town near the border").
const STOPS: &[&str] = &[
    "of", "for", "at", "in", "with", "to", "from", "by", "on", "near", "across", "along",
    "outside", "inside", "around", "between", "under", "over", "into", "since", "than", "like",
    "who", "whose", "which", "that", "where", "when", "and", "or", "led", "based", "run", "owned",
    "known", "called", "founded", "headed", "backed", "set", ",", ".", ";", ":", ")", "(", "\"",
    "“", "”",
];

/// What the words around the mention `tokens[start..end]` of `text` say it is:
/// an organization, a GPE or a LOC; `None` when they say nothing.
pub fn kind_context(text: &str, tokens: &[Token], start: usize, end: usize) -> Option<Label> {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let lower_in = |i: usize, list: &[&str]| is_one_of(word(i), list);
    let company = [
        // "shares in X", "analysts at X".
        start >= 2
            && matches!(word(start - 1), "in" | "of" | "at" | "for")
            && lower_in(start - 2, BEFORE),
        // "trucking firm X".
        start >= 1 && ORGANIZATION_NOUNS.contains(&word(start - 1)),
        // "X's board", "X's shares".
        matches!(word(end), "'s" | "’s") && lower_in(end + 1, OWNED),
        // "X shares fell", "X stock jumped".
        matches!(word(end), "shares" | "stock") && lower_in(end + 1, SHARE_MOVES),
        // "Kessler chief executive Juergen Albrecht", "Anchor founder".
        word(end) == "founder"
            || word(end).eq_ignore_ascii_case("chief")
                && word(end + 1).eq_ignore_ascii_case("executive"),
        // "X, founded in 1912", "X, headquartered in", "X, which is based in";
        // "X was founded in 1868".
        word(end) == "," && lower_in(end + 1, ESTABLISHED),
        word(end) == ","
            && word(end + 1) == "which"
            && word(end + 2) == "is"
            && (word(end + 3) == "based" || lower_in(end + 3, ESTABLISHED)),
        word(end) == "was" && word(end + 1) == "founded",
    ];
    if company.iter().any(|&c| c) {
        return Some(Label::Org);
    }
    // "homes in Matlock", "a town near Tarkwa": one word after "in" or "near" is
    // where something is, not who ("in Smith's view" has its possessive); after
    // "near", so is a longer name that opens with no given name ("tents near
    // Khan Younis").
    let given_name =
        || Gazetteer::embedded().contains(&[lower_into_hash(word(start))], Category::FirstName);
    if start >= 1
        && !matches!(word(end), "'s" | "’s" | "-")
        && (end == start + 1 && matches!(word(start - 1), "in" | "near")
            || end <= start + 4 && word(start - 1) == "near" && !given_name())
    {
        return Some(Label::Gpe);
    }
    // "X, a Sheffield-based maker of valves", "X, a town near the border".
    if !matches!(word(end + 1), "a" | "an" | "the") {
        return None;
    }
    let head = apposition_head(text, tokens, end)?;
    [
        (ORGANIZATION_HEADS, Label::Org),
        (GPE_HEADS, Label::Gpe),
        (LOC_HEADS, Label::Loc),
    ]
    .into_iter()
    .find(|(heads, _)| lower_in(head, heads))
    .map(|(_, label)| label)
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
        // "Sheffield-based maker": a participle after a hyphen is an adjective's.
        let compound = i > 0 && word(i - 1) == "-";
        if !compound && is_one_of(w, STOPS) {
            break;
        }
        head = Some(i);
    }
    head
}

/// Which of the words that occur in sports reports and hardly anywhere else
/// `word` is, if any (a `match` on the text: this runs for every token).
fn sports_word(word: &str) -> Option<u32> {
    Some(match word {
        "coach" => 0,
        "goalkeeper" => 1,
        "midfielder" => 2,
        "quarterback" => 3,
        "pitcher" => 4,
        "innings" => 5,
        "wicket" | "wickets" => 6,
        "rebounds" => 7,
        "touchdown" | "touchdowns" => 8,
        "halftime" | "half-time" => 9,
        "playoff" | "playoffs" => 10,
        "equaliser" | "equalizer" => 11,
        "scored" => 12,
        "goals" => 13,
        "assists" => 14,
        "pointers" => 15,
        "inning" => 5,
        "homered" | "homer" | "homers" => 16,
        "strikeouts" => 17,
        "reliever" | "bullpen" => 18,
        "goaltender" | "goalie" => 19,
        "tiebreak" | "tiebreaker" => 20,
        "overtime" => 21,
        _ => return None,
    })
}

/// True when `tokens` read like a sports report: at least four sports words, of
/// at least two kinds. There a city names its team more often than the place.
pub fn is_sports_report(text: &str, tokens: &[Token]) -> bool {
    let mut seen = 0u32;
    let mut count = 0;
    for t in tokens {
        if let Some(k) = sports_word(t.text(text)) {
            seen |= 1 << k;
            count += 1;
        }
    }
    count >= 4 && seen.count_ones() >= 2
}

/// What a place's mention `tokens[start..end]` in a sports report says: `Some(true)`
/// when it stands for a team ("beat Boston", "Milwaukee committed 17 turnovers"),
/// `Some(false)` when it is the place ("in Lisbon", "fans from Portugal", "the
/// Lisbon side"), `None` when the words around it say neither (a possessive, a
/// compound, a dateline in capitals).
pub fn team_mention(text: &str, tokens: &[Token], start: usize, end: usize) -> Option<bool> {
    const PLACE_BEFORE: &[&str] = &[
        "in",
        "at",
        "near",
        "from",
        "to",
        "into",
        "across",
        "outside",
        "around",
        "inside",
        "throughout",
        "towards",
        "toward",
        "via",
        "of",
        "the",
    ];
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let name = &text[tokens[start].start as usize..tokens[end - 1].end as usize];
    if matches!(word(end), "'s" | "’s" | "-") || !name.chars().any(char::is_lowercase) {
        return None;
    }
    // "St. Paul, Minnesota", "WINNIPEG, Manitoba": a state after its city.
    let after_city = start >= 2
        && word(start - 1) == ","
        && matches!(case_of(word(start - 2)), Case::Title | Case::Upper);
    Some(start == 0 || !after_city && !is_one_of(word(start - 1), PLACE_BEFORE))
}

/// In a sports report, marks team nicknames as organizations. A nickname is a
/// capitalized word after "the" that no list knows and no capitalized word
/// follows: a plural ("the Crusaders", "the Springboks") at once, a singular ("the
/// Thunder", "the Wild") when the report uses it so at least twice. Then every
/// mention of it standing alone is the team too: "as Thunder hold off",
/// "Thunder coach", "Nuggets:" in a box score. A place or person the model made
/// of one becomes an organization.
pub fn team_nicknames<'t>(text: &'t str, tokens: &[Token], spans: &mut Vec<Span<'t>>) {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let gaz = Gazetteer::embedded();
    // Capitalized, alphabetic, no capitalized word after it: "Thunder coach"
    // yes, "Thunder Road" no.
    let alone = |i: usize| {
        let w = word(i);
        w.len() >= 4
            && case_of(w) == Case::Title
            && w.chars().all(char::is_alphabetic)
            && !matches!(case_of(word(i + 1)), Case::Title | Case::Upper)
    };
    let mut after_the: Vec<&str> = (1..tokens.len())
        .filter(|&i| matches!(word(i - 1), "the" | "The") && alone(i))
        .map(word)
        .collect();
    after_the.sort_unstable();
    let mut nicknames: Vec<&str> = Vec::new();
    for run in after_the.chunk_by(|a, b| a == b) {
        let w = run[0];
        if (w.ends_with('s') || run.len() >= 2) && gaz.categories_of_word(w) == 0 {
            nicknames.push(w);
        }
    }
    // A team named with its city goes by the rest: "Seattle Mariners" makes
    // "Mariners" a nickname.
    let places = bit(Category::City) | bit(Category::Region) | bit(Category::Country);
    for s in spans.iter().filter(|s| s.label == Label::Org) {
        let words: Vec<&str> = s.text.split(' ').collect();
        let last = words[words.len() - 1];
        if (2..=3).contains(&words.len())
            && last.len() >= 4
            && case_of(last) == Case::Title
            && last.chars().all(char::is_alphabetic)
            && gaz.categories_of_word(last) & bit(Category::OrgCue) == 0
            && gaz.categories_of(&phrase_lowers(&words[..words.len() - 1].join(" "))) & places != 0
        {
            nicknames.push(last);
        }
    }
    nicknames.sort_unstable();
    nicknames.dedup();
    if nicknames.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let mut k = 0;
    for (i, token) in tokens.iter().enumerate() {
        if !alone(i) || nicknames.binary_search(&word(i)).is_err() {
            continue;
        }
        let (start, end) = (token.start as usize, token.end as usize);
        while k < spans.len() && spans[k].end <= start {
            k += 1;
        }
        match spans.get_mut(k) {
            Some(s) if s.start == start && s.end == end => {
                if s.label != Label::Org {
                    s.label = Label::Org;
                    s.source = Source::Rule;
                }
            }
            // Part of a longer name ("Oklahoma City Thunder").
            Some(s) if s.start < end => {}
            _ => {
                if let Ok(mut s) = Span::new(text, start, end, Label::Org, Source::Rule) {
                    s.score = 0.5;
                    added.push(s);
                }
            }
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        sort_spans(spans);
    }
}

/// In a sports report, the opponent in a schedule line ("UP NEXT ... Bucks: At
/// Philadelphia on Tuesday night.", "Celtics: Host New York") is a team: a
/// capitalized name of up to three words after a colon and "At", "Host" or
/// "Visit". A span the model made of it (or of it with the verb) becomes the ORG.
pub fn schedule_opponents<'t>(text: &'t str, tokens: &[Token], spans: &mut Vec<Span<'t>>) {
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let capitalized = |i: usize| matches!(case_of(word(i)), Case::Title | Case::Upper);
    let mut changed = false;
    for i in 2..tokens.len() {
        if word(i - 2) != ":"
            || !matches!(
                word(i - 1),
                "At" | "Host" | "Hosts" | "Visit" | "Visits" | "vs."
            )
            || !capitalized(i)
        {
            continue;
        }
        let mut end = i;
        while end < tokens.len() && end - i < 3 && capitalized(end) {
            end += 1;
        }
        let (verb, start, stop) = (
            tokens[i - 1].start as usize,
            tokens[i].start as usize,
            tokens[end - 1].end as usize,
        );
        // Spans over the verb or the name give way to the name as a team.
        spans.retain(|s| s.end <= verb || s.start >= stop);
        if let Ok(mut team) = Span::new(text, start, stop, Label::Org, Source::Rule) {
            team.score = 0.5;
            spans.push(team);
        }
        changed = true;
    }
    if changed {
        sort_spans(spans);
    }
}

/// Text outside headlines below this is no body to check headlines against.
const MIN_BODY_BYTES: usize = 200;

/// Headlines are short; paragraphs longer than this are not checked.
const MAX_HEADLINE_BYTES: usize = 200;

/// True when `line` is written in title case, like a headline: no opening
/// parenthesis or "By", no final period,
/// at least three words, and at least four in five of its words of four or more
/// letters capitalized (two at least). Capitals there say nothing about names.
fn is_title_case(line: &str) -> bool {
    let line = line.trim();
    // A paragraph is no headline; this keeps the check off most of the text.
    if line.len() > MAX_HEADLINE_BYTES {
        return false;
    }
    // Credits ("(Reporting by ...)") and bylines ("By Ann Roe") are names, not
    // headlines.
    if line.starts_with('(') || line.starts_with("By ") {
        return false;
    }
    let words = line.split_whitespace().count();
    let (mut long, mut capitalized) = (0, 0);
    for w in line.split_whitespace() {
        let letters = w.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 4 && w.starts_with(char::is_alphabetic) {
            long += 1;
            capitalized += usize::from(w.starts_with(char::is_uppercase));
        }
    }
    words >= 3
        && !line.ends_with('.')
        && capitalized >= 2
        && capitalized * 5 >= long * 4
        && line.chars().any(char::is_lowercase)
}

/// Keeps a span inside a title-case headline only where the article says it is a
/// name: the same text is a span in the body, or part of it is ("Arizona Supreme
/// Court Upholds Limits" → "Arizona Supreme Court"), or the gazetteer knows it as a
/// place, nationality or organization. Other spans there ("Tariffs Bite", "Rural
/// Basins") came from capitals alone and are dropped; names the body repeats are
/// found again by linking. Texts without a body are left alone.
pub fn headline_spans<'t>(text: &'t str, tokens: &[Token], spans: &mut Vec<Span<'t>>) {
    // Byte ranges of title-case lines with spans in them; only the lines of
    // spans are looked at (one check per line).
    // Line starts are found by scanning the text once, from span to span; line
    // ends no further than a headline's length.
    let mut headlines: Vec<(usize, usize)> = Vec::new();
    let (mut scanned, mut from, mut checked) = (0, 0, usize::MAX);
    for s in spans.iter() {
        if let Some(i) = text[scanned..s.start].rfind('\n') {
            from = scanned + i + 1;
        }
        scanned = s.start;
        if from == checked || s.end - from > MAX_HEADLINE_BYTES {
            continue;
        }
        checked = from;
        let limit = (from + MAX_HEADLINE_BYTES + 1).min(text.len());
        let to = match text.as_bytes()[s.end..limit]
            .iter()
            .position(|&b| b == b'\n')
        {
            Some(i) => s.end + i,
            None if limit == text.len() => limit,
            None => continue,
        };
        if is_title_case(&text[from..to]) {
            headlines.push((from, to));
        }
    }
    let headline_bytes: usize = headlines.iter().map(|(a, b)| b - a).sum();
    if headlines.is_empty() || text.len() - headline_bytes < MIN_BODY_BYTES {
        return;
    }
    let in_headline = |s: &Span<'_>| headlines.iter().any(|&(a, b)| a <= s.start && s.end <= b);
    let body: FastMap<&str, ()> = spans
        .iter()
        .filter(|s| !in_headline(s))
        .map(|s| (s.text, ()))
        .collect();
    let gaz = Gazetteer::embedded();
    let named = bit(Category::Country)
        | bit(Category::City)
        | bit(Category::Region)
        | bit(Category::Continent)
        | bit(Category::Location)
        | bit(Category::Norp)
        | bit(Category::Organization);
    let mut kept = Vec::with_capacity(spans.len());
    for mut s in spans.drain(..) {
        if !in_headline(&s) || body.contains_key(s.text) {
            kept.push(s);
            continue;
        }
        let a = tokens.partition_point(|t| (t.start as usize) < s.start);
        let b = tokens.partition_point(|t| (t.end as usize) <= s.end);
        if categories(text, &tokens[a..b], gaz) & named != 0 {
            kept.push(s);
            continue;
        }
        // The longest run of the span's tokens that the body names.
        let part = (1..b - a).rev().find_map(|len| {
            (a..=b - len).find_map(|i| {
                let (from, to) = (tokens[i].start as usize, tokens[i + len - 1].end as usize);
                body.contains_key(&text[from..to]).then_some((from, to))
            })
        });
        if let Some((from, to)) = part {
            s.start = from;
            s.end = to;
            s.text = &text[from..to];
            s.source = Source::Rule;
            kept.push(s);
        }
    }
    *spans = kept;
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
    // One pass over the tokens, whatever the number of openers (a book has
    // thousands): openers are keyed by the hash of their lower-cased text, and a
    // token is hashed only when its length and first byte are some opener's
    // (this runs for every token of the document). Openers with the same text
    // share one key.
    let (mut lengths, mut firsts) = (0u64, [false; 256]);
    let mut by_hash: FastMap<u64, usize> = FastMap::default();
    let mut key_of = Vec::with_capacity(openers.len());
    for &k in &openers {
        let name = spans[k].text;
        lengths |= 1 << name.len().min(63);
        firsts[usize::from(name.as_bytes()[0].to_ascii_lowercase())] = true;
        let next = by_hash.len();
        key_of.push(*by_hash.entry(lower_into_hash(name)).or_insert(next));
    }
    let mut written_lower = vec![false; by_hash.len()];
    for t in tokens {
        let w = t.text(text);
        if lengths & (1 << w.len().min(63)) != 0
            && firsts[usize::from(w.as_bytes()[0])]
            && w.starts_with(|c: char| c.is_lowercase())
        {
            if let Some(&key) = by_hash.get(&lower_into_hash(w)) {
                written_lower[key] = true;
            }
        }
    }
    let dropped: Vec<usize> = openers
        .iter()
        .zip(&key_of)
        .filter(|&(_, &key)| written_lower[key])
        .map(|(&k, _)| k)
        .collect();
    let mut i = 0;
    spans.retain(|_| {
        i += 1;
        dropped.binary_search(&(i - 1)).is_err()
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
        kind_context(sentence, &tokens, start, end) == Some(Label::Org)
    }

    #[test]
    fn company_words_around_a_name() {
        for (sentence, name) in [
            ("Shares in Pemberton Hale closed up 31%.", "Pemberton Hale"),
            (
                "said Moritz Brandl, an analyst at Bankhaus Metzler.",
                "Bankhaus Metzler",
            ),
            ("Pemberton Hale's board backed the offer.", "Pemberton Hale"),
            ("while Lindqvist shares fell 3.2%", "Lindqvist"),
            (
                "Lindqvist, founded in Gothenburg in 1912, agreed.",
                "Lindqvist",
            ),
            (
                "Pemberton Hale, a Sheffield-based maker of valves, agreed.",
                "Pemberton Hale",
            ),
            (
                "Tianqi, the country's second-largest lithium producer, said",
                "Tianqi",
            ),
            ("Kessler chief executive Jürgen Albrecht said", "Kessler"),
            ("Dairy co-operative Fonterra said", "Fonterra"),
            ("bought soft drinks maker Britvic in 2025", "Britvic"),
            ("while Dalgleish stock jumped 36% in London", "Dalgleish"),
            ("Dalgleish was founded in 1868 by", "Dalgleish"),
            (
                "Brightwater Chief Executive Marcus Doyle said",
                "Brightwater",
            ),
            (
                "Brightwater, which is based in Brisbane, said",
                "Brightwater",
            ),
            (
                "Members of Fuerza Popular, the conservative party led by",
                "Fuerza Popular",
            ),
        ] {
            assert!(says_company(sentence, name), "{sentence}");
        }
    }

    #[test]
    fn place_words_around_a_name() {
        let tokens_of = |s: &str| tokenize(s);
        let s = "inside Cerro Rico, the silver mountain that towers over the city";
        let t = tokens_of(s);
        assert_eq!(kind_context(s, &t, 1, 3), Some(Label::Loc));
        let s = "from Tibú, a town near the border";
        let t = tokens_of(s);
        assert_eq!(kind_context(s, &t, 1, 2), Some(Label::Gpe));
        // One word after "in" or "near" is a place; not before a possessive.
        let s = "homes in Matlock from flooding";
        let t = tokens_of(s);
        assert_eq!(kind_context(s, &t, 2, 3), Some(Label::Gpe));
        let s = "in Whitby's view";
        let t = tokens_of(s);
        assert_eq!(kind_context(s, &t, 1, 2), None);
        // Longer names after "near" are places, unless a given name opens them.
        let s = "tents near Khan Younis and";
        let t = tokens_of(s);
        assert_eq!(kind_context(s, &t, 2, 4), Some(Label::Gpe));
        let s = "sat near Maria Lopez and";
        let t = tokens_of(s);
        assert_eq!(kind_context(s, &t, 2, 4), None);
        let s = "tents in Khan Younis and";
        let t = tokens_of(s);
        assert_eq!(kind_context(s, &t, 2, 4), None);
    }

    #[test]
    fn cities_stand_for_teams_in_sports_reports() {
        let report = "Okafor scored 31 points and Boston beat Milwaukee. The coach praised \
                      the rebounds and assists. Fans in Boston cheered. MILWAUKEE (AP) -";
        let t = tokenize(report);
        assert!(is_sports_report(report, &t));
        let at = |word: &str, nth: usize| {
            let start = report.match_indices(word).nth(nth).unwrap().0;
            t.iter().position(|k| k.start as usize == start).unwrap()
        };
        let team = |word: &str, nth: usize| {
            let i = at(word, nth);
            team_mention(report, &t, i, i + 1)
        };
        assert_eq!(team("Boston", 0), Some(true));
        assert_eq!(team("Milwaukee", 0), Some(true));
        assert_eq!(team("Boston", 1), Some(false));
        assert_eq!(team("MILWAUKEE", 0), None);
        // A state after its city is the place.
        let s = "Game 7 is in St. Paul, Minnesota. The coach scored goals and assists.";
        let t = tokenize(s);
        let i = t.iter().position(|k| k.text(s) == "Minnesota").unwrap();
        assert_eq!(team_mention(s, &t, i, i + 1), Some(false));
        // Markets news has points and scores of its own.
        let markets = "The index scored its best day, up 31 points, as the coach of the \
                       central bank spoke.";
        assert!(!is_sports_report(markets, &tokenize(markets)));
    }

    #[test]
    fn people_keep_their_words() {
        for (sentence, name) in [
            (
                "Anna Berg, a spokeswoman for the company, said so.",
                "Anna Berg",
            ),
            ("Anna Berg shares the concern.", "Anna Berg"),
            ("Anna Berg's office declined to comment.", "Anna Berg"),
            (
                "Anna Berg, the firm's chief executive, said so.",
                "Anna Berg",
            ),
            ("talks with Anna Berg in Oslo", "Anna Berg"),
            ("Anna Berg, based in Oslo, said so.", "Anna Berg"),
            ("Anna Berg was born in Oslo.", "Anna Berg"),
        ] {
            assert!(!says_company(sentence, name), "{sentence}");
        }
    }

    #[test]
    fn headline_capitals_need_the_body_to_say_they_are_names() {
        let head = "Arizona Supreme Court Upholds Limits as Tariffs Bite\n\nBy Ann Roe\n\n";
        let body = "PHOENIX - The Arizona Supreme Court on Tuesday upheld the limits, and \
                    farmers said the ruling would hurt them. The state said water was short \
                    and that the court had agreed with its reading of the law in every part.";
        let s = format!("{head}{body}");
        let t = tokenize(&s);
        let at = |needle: &str, nth: usize| s.match_indices(needle).nth(nth).unwrap().0;
        let span = |from: usize, len: usize, label| {
            Span::new(&s, from, from + len, label, Source::Model).unwrap()
        };
        let mut spans = vec![
            span(0, "Arizona Supreme Court Upholds Limits".len(), Label::Org),
            span(at("Tariffs Bite", 0), "Tariffs Bite".len(), Label::Person),
            span(at("Ann Roe", 0), "Ann Roe".len(), Label::Person),
            span(
                at("Arizona Supreme Court", 1),
                "Arizona Supreme Court".len(),
                Label::Org,
            ),
        ];
        headline_spans(&s, &t, &mut spans);
        let got: Vec<_> = spans.iter().map(|x| x.text).collect();
        assert_eq!(
            got,
            ["Arizona Supreme Court", "Ann Roe", "Arizona Supreme Court"]
        );
        // Without a body there is nothing to check against.
        let short = "Arizona Supreme Court Upholds Limits";
        let mut spans = vec![Span::new(short, 0, short.len(), Label::Org, Source::Model).unwrap()];
        headline_spans(short, &tokenize(short), &mut spans);
        assert_eq!(spans.len(), 1);
    }

    #[test]
    fn schedule_lines_name_teams() {
        let s = "UP NEXT\n\nBucks: At Philadelphia on Tuesday night.\n\nCeltics: Host New York \
                 on Wednesday night. Fans at Madison Square Garden: at home.";
        let t = tokenize(s);
        let host = s.find("Host New York").unwrap();
        let mut spans = vec![Span::new(s, host, host + 13, Label::Person, Source::Model).unwrap()];
        schedule_opponents(s, &t, &mut spans);
        let got: Vec<_> = spans.iter().map(|x| (x.text, x.label.clone())).collect();
        assert_eq!(
            got,
            [("Philadelphia", Label::Org), ("New York", Label::Org)]
        );
    }

    #[test]
    fn team_nicknames_are_organizations() {
        let s = "The Chiefs beat the Crusaders. The coach praised the goals and assists, \
                 and the Americans scored. Fans of the Chiefs Foundation cheered. Thunder \
                 coach Mark Daigneault said the Thunder played well, and the Thunder won. \
                 The Storm Shelter was full; the Storm is a film.";
        let t = tokenize(s);
        let chiefs = s.find("Chiefs").unwrap();
        let mut spans = vec![Span::new(s, chiefs, chiefs + 6, Label::Loc, Source::Model).unwrap()];
        team_nicknames(s, &t, &mut spans);
        let got: Vec<_> = spans.iter().map(|x| (x.text, x.label.clone())).collect();
        // "the Americans" is a nationality, "the Chiefs Foundation" a longer name;
        // a singular nickname needs two mentions after "the" ("the Storm" has one).
        assert_eq!(
            got,
            [
                ("Chiefs", Label::Org),
                ("Crusaders", Label::Org),
                ("Thunder", Label::Org),
                ("Thunder", Label::Org),
                ("Thunder", Label::Org)
            ]
        );
    }

    #[test]
    fn a_team_named_with_its_city_goes_by_the_rest() {
        let s = "The Seattle Mariners beat Houston. Mariners manager Rafael Ybarra said so. \
                 The Ocean Mariners Club met.";
        let t = tokenize(s);
        let team = s.find("Seattle Mariners").unwrap();
        let mut spans = vec![Span::new(s, team, team + 16, Label::Org, Source::Model).unwrap()];
        team_nicknames(s, &t, &mut spans);
        let got: Vec<_> = spans.iter().map(|x| (x.text, x.start)).collect();
        assert_eq!(
            got,
            [
                ("Seattle Mariners", team),
                ("Mariners", s.find("Mariners manager").unwrap())
            ]
        );
    }

    #[test]
    fn sentence_capitals_of_common_words_are_dropped() {
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
