//! Span repairs for mistakes a linear model with a ±2 window keeps making, each a
//! general convention of OntoNotes-style annotation rather than a fix for a word:
//!
//! - no span crosses a possessive: "India's Ministry of External Affairs" is GPE
//!   "India" and ORG "Ministry of External Affairs";
//! - a coordination of places or nationalities is several spans: "Egypt and
//!   Qatar" is two GPEs;
//! - a title inside a span separates an organization from a person: "U.N.
//!   Secretary-General Antonio Guterres" is ORG "U.N." and PERSON "Antonio Guterres";
//! - a place or nationality that is part of a longer gazetteer entry takes the whole
//!   entry: "Korean" after "North" becomes "North Korean";
//! - no span starts with a lower-case word ("western Kursk" is "Kursk") unless the
//!   whole span is lower case (chat text);
//! - a place or nationality coordinated with a span of the same kind is one too:
//!   "Ukrainian and Western assessments";
//! - a dateline opens with a place in capitals: "SEOUL (Reuters) -", whatever
//!   the model made of it;
//! - neighbouring pieces of one name are one span: "North" + "Korean", a
//!   "Council of Europe"; a person's hyphenated last word is whole ("Lee Jae-myung").
//!
//! Works on token-index spans of one sentence, sorted and non-overlapping, and
//! keeps them so.

use super::context::{apposition_head, ORGANIZATION_NOUNS};
use super::features::{case_of, is_one_of, lower_into_hash, Case};
use super::gazetteer::{bit, Category, Gazetteer};
use super::model::LABELS;
use super::tagger::TokenSpan;
use super::titles::{is_possessive, title_len, MAX_TITLE_WORDS};
use crate::label::Label;
use crate::text::Token;

const GPE: u16 =
    1 << Category::Country as u16 | 1 << Category::City as u16 | 1 << Category::Region as u16;

fn label_index(label: &Label) -> usize {
    LABELS
        .iter()
        .position(|l| l == label)
        .expect("an entity label")
}

/// Gazetteer categories of a phrase of up to 12 tokens (longer: none).
pub(super) fn categories(text: &str, tokens: &[Token], gaz: &Gazetteer) -> u16 {
    let mut lowers = [0u64; 12];
    if tokens.len() > lowers.len() {
        return 0;
    }
    for (l, t) in lowers.iter_mut().zip(tokens) {
        *l = lower_into_hash(t.text(text));
    }
    gaz.categories_of(&lowers[..tokens.len()])
}

/// Applies every repair to the spans of one sentence (token indices into `tokens`).
pub fn repair(
    text: &str,
    tokens: &[Token],
    sentence: std::ops::Range<usize>,
    spans: &mut Vec<TokenSpan>,
    gaz: &Gazetteer,
) {
    let sentence_range = sentence.clone();
    let mut out = Vec::with_capacity(spans.len() + 2);
    // A credit line's people and places outrank the model's reading of them.
    let credited = credits(text, tokens, sentence.clone());
    if !credited.is_empty() {
        spans.retain(|s| !credited.iter().any(|c| s.start < c.end && c.start < s.end));
        spans.extend(credited);
        spans.sort_by_key(|s| s.start);
    }
    // A dateline place outranks what the model made of its capitals ("MADRID"
    // as a person).
    let mut from = 0;
    if let Some(d) = dateline(text, tokens, sentence.clone(), gaz) {
        let inside = spans.iter().take_while(|s| s.end <= d.end).count();
        if spans.get(inside).is_none_or(|s| s.start >= d.end) {
            out.push(d);
            from = inside;
        }
    }
    for &s in &spans[from..] {
        // A name grown over its neighbour ("Joost van" + "der" + "Meulen")
        // already holds it.
        if out.last().is_some_and(|p: &TokenSpan| s.start < p.end) {
            continue;
        }
        let mut s = s;
        // "Porto Alegre-headquartered": a place's compound adjective is the place.
        if s.end - s.start >= 3 && compound_tail(text, tokens, s.end - 2) {
            s.end -= 2;
            if categories(text, &tokens[s.start..s.end], gaz) & GPE != 0 {
                s.label = label_index(&Label::Gpe);
            }
        }
        if s.label == label_index(&Label::Person) {
            let cats = categories(text, &tokens[s.start..s.end], gaz);
            let names = bit(Category::FirstName) | bit(Category::Surname);
            if not_a_person(text, &tokens[s.start..s.end], gaz) {
                s.label = label_index(&Label::Org);
            } else if cats & GPE != 0 && cats & names == 0 {
                // A "person" whose whole name is a known place and no known
                // personal name: "said Warsaw would push", "Minas Gerais".
                s.label = label_index(&Label::Gpe);
            }
        }
        // "General Sani Abacha", "Justice Elaine Marchetti": a title and a name
        // the model read as one organization.
        if s.label == label_index(&Label::Org) && titled_name(text, tokens, s, gaz) {
            s.start += 1;
            s.label = label_index(&Label::Person);
        }
        // "Lee Jae-myung": a name's hyphenated last word is one word; so is its
        // first ("Delgado-Reyes").
        if s.label == label_index(&Label::Person) {
            s.end = hyphen_continued(text, tokens, s.end, sentence.end);
            let free = out.last().map_or(sentence.start, |p: &TokenSpan| p.end);
            // "J. Root": an initial before the surname.
            if s.start > free && is_initial(tokens[s.start - 1].text(text)) {
                s.start -= 1;
            }
            // "Joost van der Meulen", "Mohammed bin Salman": lower-case particles
            // inside a name, when a capitalized word follows them.
            s.end = particles_continued(text, tokens, s.end, sentence.end);
            if s.start >= free + 2
                && tokens[s.start - 1].text(text) == "-"
                && joins(text, tokens, s.start - 1)
                && case_of(tokens[s.start - 2].text(text)) == Case::Title
            {
                s.start -= 2;
            }
            // "Priya Venkataraman of Tucson": no name goes on past "of".
            if let Some(k) = (s.start + 1..s.end - 1).find(|&k| tokens[k].text(text) == "of") {
                if categories(text, &tokens[k + 1..s.end], gaz) & GPE != 0 {
                    let place = TokenSpan {
                        start: k + 1,
                        label: label_index(&Label::Gpe),
                        ..s
                    };
                    split(text, tokens, TokenSpan { end: k, ..s }, gaz, &mut out);
                    out.push(place);
                    continue;
                }
                s.end = k;
            }
        }
        let capitalized = tokens[s.start..s.end]
            .iter()
            .any(|t| case_of(t.text(text)) != Case::Lower);
        // Only a free-standing word: "al" in "al-Qaida" is part of the name; and
        // a function word capitalized by its place ("Against Madrid you ...").
        while capitalized
            && s.end - s.start > 1
            && (case_of(tokens[s.start].text(text)) == Case::Lower
                || is_function_word(tokens[s.start].text(text)))
            && tokens[s.start].end < tokens[s.start + 1].start
        {
            s.start += 1;
        }
        // "The Ministry of Public Health said": an article capitalized only by
        // its place at the start of a sentence is no part of the name (inside
        // one, "The Scout Association" may be the name's own).
        if s.end - s.start >= 2
            && s.start == sentence.start
            && tokens[s.start].text(text) == "The"
            && categories(text, &tokens[s.start..s.end], gaz) == 0
        {
            s.start += 1;
        }
        if s.label == label_index(&Label::Org) && person_by_role(text, tokens, s, gaz) {
            s.label = label_index(&Label::Person);
        }
        // "Everyone on our street left": an indefinite pronoun names no one.
        if s.end - s.start == 1 && is_indefinite_pronoun(tokens[s.start].text(text)) {
            continue;
        }
        // "the AI industry", "its CEO": an initialism of a common noun names nothing.
        if s.end - s.start == 1 && COMMON_INITIALISMS.contains(&tokens[s.start].text(text)) {
            continue;
        }
        split(text, tokens, s, gaz, &mut out);
    }
    merge_adjacent(text, tokens, &mut out, gaz);
    compound_places(text, tokens, sentence.clone(), &mut out, gaz);
    organization_appositions(text, tokens, &mut out, gaz);
    coordinate(text, tokens, sentence.clone(), &mut out, gaz);
    closed_class_norp(text, tokens, sentence, &mut out, gaz);
    drop_languages(text, tokens, &mut out, gaz);
    state_after_place(text, tokens, &mut out);
    relabel_by_cues(text, tokens, &mut out, gaz);
    place_kind_cues(text, tokens, sentence_range.clone(), &mut out);
    let gpe = label_index(&Label::Gpe);
    let norp = label_index(&Label::Norp);
    let org = label_index(&Label::Org);
    let person = label_index(&Label::Person);
    let event = label_index(&Label::Event);
    let places = GPE | bit(Category::Continent) | bit(Category::Location) | bit(Category::Norp);
    let names = bit(Category::FirstName) | bit(Category::Surname);
    for k in 0..out.len() {
        let s = out[k];
        let lo = if k > 0 { out[k - 1].end } else { 0 };
        let hi = out.get(k + 1).map_or(tokens.len(), |n| n.start);
        // A place or nationality that is part of a longer entry of its class
        // takes the whole entry.
        let class = if s.label == gpe {
            GPE
        } else if s.label == norp {
            bit(Category::Norp)
        } else {
            0
        };
        if class != 0 {
            if let Some((a, b)) =
                widest_entry(text, tokens, s, lo..hi, 1, gaz, |cats| cats & class != 0)
            {
                out[k].start = a;
                out[k].end = b;
                continue;
            }
        }
        let cats = categories(text, &tokens[s.start..s.end], gaz);
        let known_org = cats & bit(Category::Organization) != 0;
        // "agency DANE, well above": a nationality in capitals amid words that
        // are not is an organization's initials (a shouted headline's "RUSSIAN
        // TROOPS" stays).
        let shouted = |i: usize| {
            tokens.get(i).is_some_and(|t| {
                t.kind == crate::text::TokenKind::Word && case_of(t.text(text)) == Case::Upper
            })
        };
        if s.label == norp
            && s.end - s.start == 1
            && case_of(tokens[s.start].text(text)) == Case::Upper
            && tokens[s.start].text(text).len() >= 3
            && !(s.start > 0 && shouted(s.start - 1))
            && !shouted(s.end)
        {
            out[k].label = org;
            continue;
        }
        // "Sneha Patil": a listed given name and surname, which the model read
        // as a firm's name.
        if s.label == org && s.end - s.start == 2 && !known_org && cats & places == 0 && {
            let (first, last) = (tokens[s.start], tokens[s.start + 1]);
            let word_cats = |t: Token| gaz.categories_of_word(t.text(text));
            case_of(last.text(text)) == Case::Title
                && word_cats(last) & bit(Category::Surname) != 0
                && word_cats(last) & places == 0
                && !is_org_cue(text, last, gaz)
                && word_cats(first) & (places | bit(Category::Surname)) == 0
                && word_cats(first) & bit(Category::FirstName) != 0
        } {
            out[k].label = person;
            continue;
        }
        // "Middle East Institute", "Sri Lanka Navy": a place's name followed by a
        // word that ends organization names is the organization's.
        let last = tokens[s.end - 1];
        if (s.label == gpe || s.label == label_index(&Label::Loc))
            && s.end - s.start >= 2
            && cats & places == 0
            && case_of(last.text(text)) == Case::Title
            && is_org_cue(text, last, gaz)
        {
            out[k].label = org;
            continue;
        }
        // "B.C.", "N.Y.": a state's or province's dotted abbreviation is a place.
        if s.end - s.start == 1
            && s.label != gpe
            && is_state_abbreviation(last.text(text))
            && last.text(text).len() == 4
        {
            out[k].label = gpe;
            continue;
        }
        // A known region, sea or continent is a place, whatever the model called
        // it: "West Bank" is no bank.
        if (s.label == org || s.label == person)
            && cats & (bit(Category::Location) | bit(Category::Continent)) != 0
            && !known_org
        {
            out[k].label = label_index(&Label::Loc);
            continue;
        }
        // A nationality is one, not a place: "Egyptian, Qatari and Turkish
        // mediators" (but "Rakhine state" is the homeland).
        if (s.label == gpe || s.label == label_index(&Label::Loc))
            && cats & bit(Category::Norp) != 0
            && cats & places & !bit(Category::Norp) == 0
            && !(tokens.get(s.end).is_some_and(|t| {
                matches!(t.text(text), "state" | "region" | "province" | "territory")
            }) && tokens
                .get(s.end + 1)
                .is_none_or(|t| !matches!(t.text(text), "of" | "-")))
        {
            out[k].label = norp;
            continue;
        }
        // A country, state or city right before a title (or a word and a title)
        // is the place the office is of: "Dayton Mayor", "U.S. District Judge".
        let title_at = |i: usize| {
            i < tokens.len()
                && case_of(tokens[i].text(text)) == Case::Title
                && categories(text, &tokens[i..=i], gaz) & bit(Category::Title) != 0
        };
        if s.label == org
            && cats & GPE != 0
            && !known_org
            && (title_at(s.end)
                || tokens
                    .get(s.end)
                    .is_some_and(|t| case_of(t.text(text)) == Case::Title)
                    && title_at(s.end + 1))
        {
            out[k].label = gpe;
            continue;
        }
        // A "person" whose first word is a country is a company named after it:
        // "Kenya Power", "China Mobile" (not a given name: "Georgia Clarke").
        if s.label == person && s.end - s.start >= 2 {
            let first = &tokens[s.start..s.start + 1];
            let first_cats = categories(text, first, gaz);
            if first_cats & bit(Category::Country) != 0 && first_cats & names == 0 {
                out[k].label = org;
                continue;
            }
        }
        // A known organization is one, whatever the model called it ("Nikkei"
        // as a place, "Real Madrid" as a person), and takes its whole name
        // ("Manchester" + "City"); not when the words are also a place or, for a
        // person, a common name ("Liverpool", "Ford").
        if s.label == event {
            continue;
        }
        let is_org = |cats: u16| {
            cats & bit(Category::Organization) != 0
                && cats & places == 0
                && (s.label != person || cats & names == 0)
        };
        // A known place's own words are a place: only a wider entry can be an
        // organization ("Liverpool" stays, "UN" as a place does not).
        let min_extra =
            usize::from(class != 0 && categories(text, &tokens[s.start..s.end], gaz) & places != 0);
        if let Some((a, b)) = widest_entry(text, tokens, s, lo..hi, min_extra, gaz, is_org) {
            out[k] = TokenSpan {
                start: a,
                end: b,
                label: org,
                ..s
            };
        }
    }
    // "a New Hampshire Democrat": a state's name and a party member, which the
    // model read as one organization.
    let mut k = 0;
    while k < out.len() {
        let s = out[k];
        let last = s.end - 1;
        if (s.label == org || s.label == person)
            && s.end - s.start >= 2
            && categories(text, &tokens[last..s.end], gaz) & bit(Category::Norp) != 0
            && categories(text, &tokens[s.start..last], gaz) & GPE != 0
        {
            out[k] = TokenSpan {
                end: last,
                label: gpe,
                ..s
            };
            out.insert(
                k + 1,
                TokenSpan {
                    start: last,
                    label: norp,
                    ..s
                },
            );
            k += 1;
        }
        k += 1;
    }
    // "Justice" + "Elaine Marchetti": a one-word "organization" that is a title
    // right before a person is the person's title.
    let title_before_person = |k: usize| {
        let s = out[k];
        s.label == org
            && s.end - s.start == 1
            && case_of(tokens[s.start].text(text)) == Case::Title
            && categories(text, &tokens[s.start..s.end], gaz) & bit(Category::Title) != 0
            && out
                .get(k + 1)
                .is_some_and(|n| n.start == s.end && n.label == person)
    };
    let drop: Vec<bool> = (0..out.len()).map(title_before_person).collect();
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
    *spans = out;
}

/// The dotted abbreviations of US states and Canadian provinces in wire copy
/// ("Carson City, Nev.", "B.C."); sorted.
const STATE_ABBREVIATIONS: &[&str] = &[
    "Ala.", "Alta.", "Ariz.", "Ark.", "B.C.", "Calif.", "Colo.", "Conn.", "D.C.", "Del.", "Fla.",
    "Ga.", "Ill.", "Ind.", "Kan.", "Ky.", "La.", "Man.", "Mass.", "Md.", "Mich.", "Minn.", "Miss.",
    "Mo.", "Mont.", "N.B.", "N.C.", "N.D.", "N.H.", "N.J.", "N.M.", "N.S.", "N.Y.", "Neb.", "Nev.",
    "Okla.", "Ont.", "Ore.", "Pa.", "Que.", "R.I.", "S.C.", "S.D.", "Sask.", "Tenn.", "Tex.",
    "Va.", "Vt.", "W.Va.", "Wash.", "Wis.", "Wyo.",
];

fn is_state_abbreviation(word: &str) -> bool {
    STATE_ABBREVIATIONS.binary_search(&word).is_ok()
}

/// "Carson City, Nev.", "KELOWNA, B.C. —": a state's abbreviation after a place
/// and a comma is a place too, whatever the model made of it (the ambiguous
/// ones, "Miss." or "Ill.", only there).
fn state_after_place(text: &str, tokens: &[Token], spans: &mut Vec<TokenSpan>) {
    let gpe = label_index(&Label::Gpe);
    let mut added = Vec::new();
    for k in 0..spans.len() {
        let s = spans[k];
        let at = s.end + 1;
        if s.label != gpe
            || tokens.get(s.end).is_none_or(|t| t.text(text) != ",")
            || tokens
                .get(at)
                .is_none_or(|t| !is_state_abbreviation(t.text(text)))
        {
            continue;
        }
        match spans.get(k + 1) {
            Some(n) if n.start == at && n.end == at + 1 => spans[k + 1].label = gpe,
            Some(n) if n.start <= at => {}
            _ => added.push(TokenSpan {
                start: at,
                end: at + 1,
                label: gpe,
                margin: 0.0,
            }),
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// Drops nationality words used as language names: "Irish-speaking", "English
/// text", "14 languages, including Hindi, Tamil and Bengali". A language is no
/// group of people (OntoNotes has a class of its own for it, which lede does not
/// tag).
fn drop_languages(text: &str, tokens: &[Token], spans: &mut Vec<TokenSpan>, gaz: &Gazetteer) {
    let norp = label_index(&Label::Norp);
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let speech = |i: usize| {
        matches!(
            word(i),
            "speaking"
                | "speakers"
                | "speaker"
                | "language"
                | "languages"
                | "text"
                | "dialect"
                | "translation"
                | "subtitles"
        )
    };
    // One-word names listed after "languages" ("..., including"), whatever the
    // model called each ("Hindi" reads like a place to it).
    let mut listed = vec![false; spans.len()];
    for k in 0..spans.len() {
        if spans[k].end - spans[k].start != 1 {
            continue;
        }
        let mut i = spans[k].start;
        let mut j = k;
        while i > 0 {
            let w = word(i - 1);
            if matches!(w, "," | "and" | "or" | "including" | "such" | "as" | "like") {
                i -= 1;
            } else if j > 0 && spans[j - 1].end == i && spans[j - 1].end - spans[j - 1].start == 1 {
                j -= 1;
                i = spans[j].start;
            } else {
                break;
            }
        }
        listed[k] = i > 0 && matches!(word(i - 1), "languages" | "language");
    }
    // "available in Marathi, Kannada, Telugu and Hindi,", "studied English and":
    // names after a word of speaking or writing, with no noun after the last.
    const CUES: &[&str] = &[
        "in", "into", "studied", "speak", "speaks", "spoke", "taught", "teach", "teaches", "learn",
        "learned", "learnt", "fluent",
    ];
    let one_word = |k: usize| spans[k].end - spans[k].start == 1;
    let mut k = 0;
    while k < spans.len() {
        if spans[k].start == 0 || !one_word(k) || !CUES.contains(&word(spans[k].start - 1)) {
            k += 1;
            continue;
        }
        let (mut members, mut end, mut j) = (vec![k], spans[k].end, k);
        loop {
            let mut n = end;
            while matches!(word(n), "," | "and" | "or") {
                n += 1;
            }
            if n == end {
                break;
            }
            if j + 1 < spans.len() && spans[j + 1].start == n && one_word(j + 1) {
                j += 1;
                members.push(j);
            } else if !(case_of(word(n)) == Case::Title
                && spans.get(j + 1).is_none_or(|s| s.start > n))
            {
                break;
            }
            end = n + 1;
        }
        let closed = matches!(
            word(end),
            "" | "," | "." | ";" | ":" | ")" | "!" | "?" | "\"" | "”" | "and" | "or" | "but" | "—"
        );
        let cats = |k: usize| categories(text, &tokens[spans[k].start..spans[k].end], gaz);
        if closed
            && members
                .iter()
                .all(|&m| cats(m) & (GPE | bit(Category::Location)) == 0)
            && members.iter().any(|&m| cats(m) & bit(Category::Norp) != 0)
        {
            for &m in &members {
                listed[m] = true;
            }
        }
        k = j + 1;
    }
    let mut k = 0;
    spans.retain(|s| {
        k += 1;
        let spoken = s.label == norp && (speech(s.end) || word(s.end) == "-" && speech(s.end + 1));
        !(listed[k - 1] || spoken)
    });
}

/// Words that end the name of a natural place ("Cagayan River",
/// "Tibetan Plateau").
const LOC_TAILS: &[&str] = &[
    "river",
    "sea",
    "ocean",
    "desert",
    "mountains",
    "valley",
    "strait",
    "peninsula",
    "canal",
    "plateau",
    "plain",
    "basin",
    "glacier",
    "delta",
];

/// "Cannes Film Festival", "the Academy Awards", "Davis Cup": a name ending in
/// one of these capitalized words is an event, and one the model stopped just
/// before it ("Busan International Film" + "Festival") takes it in. A narrow
/// list, not event_cues.txt: that one also has words that end company and
/// place names ("Games", "Open", "Series", "Summit", "Spring").
const EVENT_TAILS: &[&str] = &[
    "Festival",
    "Awards",
    "Cup",
    "Championship",
    "Championships",
    "Olympics",
    "Marathon",
    "Mela",
    "Prix",
];

/// Words that name the kind of thing a span is, whatever the model said: a
/// mountain, lake, river or sea is a LOC ("Mount Kilimanjaro", "Cagayan River"),
/// a named storm an EVENT ("Typhoon Kalmaegi"). Places the gazetteer knows as
/// GPEs keep their label ("Rhode Island").
fn relabel_by_cues(text: &str, tokens: &[Token], spans: &mut [TokenSpan], gaz: &Gazetteer) {
    const LOC_HEADS: &[&str] = &["mount", "mt.", "lake", "river"];
    const STORMS: &[&str] = &["hurricane", "typhoon", "cyclone", "storm"];
    // "the Amazon river", "the Pra, Ankobra and Offin rivers": a name before a
    // lower-case kind of natural place is one (with the names listed with it).
    // So are names before "tribes" or "clans" peoples: "the Angami, Ao and
    // Konyak tribes".
    const KINDS: &[&str] = &["river", "rivers", "mountains", "lake", "lakes", "valley"];
    const PEOPLES: &[&str] = &["tribe", "tribes", "tribesmen", "clan", "clans"];
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let loc = label_index(&Label::Loc);
    let norp = label_index(&Label::Norp);
    for k in 0..spans.len() {
        let label = if KINDS.contains(&word(spans[k].end)) {
            loc
        } else if PEOPLES.contains(&word(spans[k].end)) {
            norp
        } else {
            continue;
        };
        spans[k].label = label;
        let mut j = k;
        while j > 0
            && (matches!(word(spans[j].start - 1), "," | "and")
                && spans[j - 1].end + 1 == spans[j].start
                || word(spans[j].start - 1) == "and"
                    && word(spans[j].start - 2) == ","
                    && spans[j - 1].end + 2 == spans[j].start)
        {
            j -= 1;
            spans[j].label = label;
        }
    }
    let event = label_index(&Label::Event);
    for k in 0..spans.len() {
        let s = spans[k];
        let free = spans.get(k + 1).is_none_or(|n| n.start > s.end);
        // "San Pedro" + "River": a place the model stopped before its kind.
        if free
            && s.label != event
            && s.label != label_index(&Label::Person)
            && case_of(word(s.end)) == Case::Title
            && is_one_of(word(s.end), LOC_TAILS)
        {
            spans[k].end += 1;
            spans[k].label = loc;
            continue;
        }
        if free && s.end < tokens.len() && EVENT_TAILS.contains(&word(s.end)) {
            spans[k].end += 1;
        }
        if EVENT_TAILS.contains(&word(spans[k].end - 1)) && spans[k].end - s.start >= 2 {
            spans[k].label = event;
        }
    }
    // "the Sea of Marmara", "the Bay of Bengal": a water's kind and "of" before
    // the name the model found.
    const WATERS: &[&str] = &["Sea", "Gulf", "Bay", "Strait", "Straits", "Lake"];
    for k in 0..spans.len() {
        let s = spans[k];
        let free = if k > 0 { spans[k - 1].end } else { 0 };
        if s.start >= free + 2 && word(s.start - 1) == "of" && WATERS.contains(&word(s.start - 2)) {
            spans[k].start -= 2;
            spans[k].label = loc;
        }
    }
    let is = |list: &[&str], i: usize| is_one_of(tokens[i].text(text), list);
    for s in spans.iter_mut() {
        if s.end - s.start < 2 || categories(text, &tokens[s.start..s.end], gaz) & GPE != 0 {
            continue;
        }
        if is(LOC_HEADS, s.start) || is(LOC_TAILS, s.end - 1) {
            s.label = label_index(&Label::Loc);
        } else if is(STORMS, s.start) {
            s.label = label_index(&Label::Event);
        }
    }
}

/// Words that say the name next to them is an administrative place, whatever the
/// model made of it: "Pinal County", "the state of Lower Saxony", "the Kherson
/// region". A capitalized name the model left untagged before "region",
/// "province", "oblast", "governorate" or "prefecture", or after a lower-case
/// kind and "of" ("the port of Constanța", "the provinces of Pastaza and Morona
/// Santiago"), becomes a GPE too.
fn place_kind_cues(
    text: &str,
    tokens: &[Token],
    sentence: std::ops::Range<usize>,
    spans: &mut Vec<TokenSpan>,
) {
    const TAILS: &[&str] = &[
        "county",
        "province",
        "prefecture",
        "governorate",
        "oblast",
        "municipality",
        "borough",
        "parish",
        "canton",
        "region",
    ];
    const BEFORE_OF: &[&str] = &[
        "state",
        "states",
        "province",
        "provinces",
        "region",
        "regions",
        "city",
        "cities",
        "town",
        "towns",
        "county",
        "counties",
        "village",
        "villages",
        "district",
        "districts",
        "municipality",
        "port",
        "department",
        "departments",
        "capital",
        "outskirts",
        "suburbs",
        "mayor",
        "governor",
    ];
    const AFTER: &[&str] = &[
        "region",
        "province",
        "oblast",
        "governorate",
        "prefecture",
        "state",
        "district",
        "county",
    ];
    let word = |i: usize| tokens[i].text(text);
    // "county" or "County", not "COUNTY" (a shouted headline says nothing).
    let is = |list: &[&str], i: usize| {
        is_one_of(word(i), list) && matches!(case_of(word(i)), Case::Lower | Case::Title)
    };
    let gpe = label_index(&Label::Gpe);
    let kind_before = |start: usize| {
        start >= sentence.start + 2
            && word(start - 1) == "of"
            && BEFORE_OF.contains(&word(start - 2))
    };
    let kind_after = |end: usize, list: &[&str]| end < sentence.end && list.contains(&word(end));
    // The labels a name's kind word overrules: the model's guesses for unknown names.
    let named = [Label::Org, Label::Person].map(|l| label_index(&l));
    // "Cuyahoga" + "County": a place the model stopped before its kind.
    for k in 0..spans.len() {
        let s = spans[k];
        let limit = spans.get(k + 1).map_or(sentence.end, |n| n.start);
        if s.end < limit
            && s.label != label_index(&Label::Person)
            && case_of(word(s.end)) == Case::Title
            && is(TAILS, s.end)
        {
            spans[k].end += 1;
            spans[k].label = gpe;
        }
    }
    for s in spans.iter_mut() {
        if named.contains(&s.label) {
            let tail = s.end - s.start >= 2 && is(TAILS, s.end - 1);
            if tail || kind_before(s.start) || kind_after(s.end, AFTER) {
                s.label = gpe;
            }
        } else if s.label == label_index(&Label::Norp)
            && kind_after(s.end, &["state", "region"])
            && !kind_after(s.end + 1, &["of", "-"])
        {
            // "Rakhine state": a people's name is also its homeland's.
            s.label = gpe;
        }
    }
    // Untagged names before a region word.
    const ADD_AFTER: &[&str] = &["region", "province", "oblast", "governorate", "prefecture"];
    let mut added = Vec::new();
    let mut k = 0;
    for (end, t) in tokens
        .iter()
        .enumerate()
        .take(sentence.end)
        .skip(sentence.start + 1)
    {
        // Cheap test first: this runs for every token.
        if !matches!(t.end - t.start, 6 | 8 | 10 | 11) || !kind_after(end, ADD_AFTER) {
            continue;
        }
        while k < spans.len() && spans[k].end <= end {
            k += 1;
        }
        if spans.get(k).is_some_and(|s| s.start < end) {
            continue;
        }
        let mut start = end;
        let free = |i: usize| k == 0 || spans[k - 1].end <= i;
        while start > sentence.start + 1
            && end - start < 3
            && free(start - 1)
            && matches!(case_of(word(start - 1)), Case::Title | Case::Upper)
            && !is_function_word(word(start - 1))
        {
            start -= 1;
        }
        if start < end {
            added.push(TokenSpan {
                start,
                end,
                label: gpe,
                margin: 0.0,
            });
        }
    }
    // Untagged names after a lower-case kind and "of": "the southern region of
    // Apurímac", "the port of Constanța", "the villages of Kirenowa and Dusula".
    let mut i = sentence.start + 2;
    while i < sentence.end {
        if !(word(i - 1) == "of" && is(BEFORE_OF, i - 2) && case_of(word(i - 2)) == Case::Lower) {
            i += 1;
            continue;
        }
        loop {
            let start = i;
            while i < sentence.end
                && i - start < 4
                && matches!(case_of(word(i)), Case::Title | Case::Upper)
                && !is_function_word(word(i))
            {
                i += 1;
            }
            if let Some(s) = spans.iter_mut().find(|s| s.start == start && s.end == i) {
                if named.contains(&s.label) {
                    s.label = gpe;
                }
            }
            let untagged = !spans
                .iter()
                .chain(&added)
                .any(|s| s.start < i && start < s.end);
            if start < i && untagged {
                added.push(TokenSpan {
                    start,
                    end: i,
                    label: gpe,
                    margin: 0.0,
                });
            }
            // "... of Pastaza and Morona Santiago": the list goes on.
            if start < i && i + 1 < sentence.end && matches!(word(i), "and" | ",") {
                i += 1;
                continue;
            }
            break;
        }
        i += 1;
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// The widest gazetteer entry that contains span `s`, is accepted by `wanted`
/// (given the entry's categories), and is at least `min_extra` and at most three
/// words wider, taking only capitalized words (and "of") within `free`.
fn widest_entry(
    text: &str,
    tokens: &[Token],
    s: TokenSpan,
    free: std::ops::Range<usize>,
    min_extra: usize,
    gaz: &Gazetteer,
    wanted: impl Fn(u16) -> bool,
) -> Option<(usize, usize)> {
    let takes = |i: usize| {
        free.contains(&i) && {
            let w = tokens[i].text(text);
            case_of(w) != Case::Lower || w == "of"
        }
    };
    let mut left = 0;
    while left < 3 && s.start > left && takes(s.start - left - 1) {
        left += 1;
    }
    let mut right = 0;
    while right < 3 && takes(s.end + right) {
        right += 1;
    }
    for extra in (min_extra..=(left + right).min(3)).rev() {
        for l in 0..=extra.min(left) {
            let r = extra - l;
            if r > right {
                continue;
            }
            let (a, b) = (s.start - l, s.end + r);
            if wanted(categories(text, &tokens[a..b], gaz)) {
                return Some((a, b));
            }
        }
    }
    None
}

/// "SEOUL (Reuters) -", "KYIV, Jan 24 -": an upper-case place opening a sentence
/// and followed by a parenthesis, comma or dash.
fn dateline(
    text: &str,
    tokens: &[Token],
    sentence: std::ops::Range<usize>,
    gaz: &Gazetteer,
) -> Option<TokenSpan> {
    let first = sentence.start;
    for len in (1..=3).rev() {
        let end = first + len;
        if end >= sentence.end {
            continue;
        }
        let words = &tokens[first..end];
        if !words.iter().all(|t| case_of(t.text(text)) == Case::Upper)
            || !matches!(tokens[end].text(text), "(" | "," | "-" | "—" | "–")
        {
            continue;
        }
        // A known place, or an unknown one the dateline names a country or
        // state for: "KOHIMA, India, Dec 1 (PTI)".
        let country_follows = tokens[end].text(text) == ","
            && (1..=3).any(|n| {
                end + 1 + n < sentence.end
                    && matches!(tokens[end + 1 + n].text(text), "," | "(" | "—" | "–" | "-")
                    && (candidate(text, &tokens[end + 1..end + 1 + n], GPE, gaz)
                        || n == 1 && is_state_abbreviation(tokens[end + 1].text(text)))
            });
        // Or a wire dateline's date follows: "FRANKFURT, Nov 4 (Reuters)".
        let date_follows = tokens[end].text(text) == ","
            && end + 2 < sentence.end
            && crate::values::is_month_word(tokens[end + 1].text(text))
            && tokens[end + 2]
                .text(text)
                .bytes()
                .all(|b| b.is_ascii_digit());
        if country_follows || date_follows || categories(text, words, gaz) & GPE != 0 {
            return Some(TokenSpan {
                start: first,
                end,
                label: label_index(&Label::Gpe),
                margin: f32::INFINITY,
            });
        }
    }
    None
}

/// Adds places and nationalities coordinated with a span of the same kind.
fn coordinate(
    text: &str,
    tokens: &[Token],
    sentence: std::ops::Range<usize>,
    spans: &mut Vec<TokenSpan>,
    gaz: &Gazetteer,
) {
    let gpe = label_index(&Label::Gpe);
    let norp = label_index(&Label::Norp);
    let mut added = Vec::new();
    for (k, s) in spans.iter().enumerate() {
        let class = match s.label {
            l if l == gpe => GPE,
            l if l == norp => bit(Category::Norp),
            _ => continue,
        };
        let lo = if k > 0 {
            spans[k - 1].end
        } else {
            sentence.start
        };
        let hi = spans.get(k + 1).map_or(sentence.end, |n| n.start);
        // "S and X" / "S, X": X after the span.
        if s.end + 1 < hi && joins(text, tokens, s.end) {
            let a = s.end + 1;
            for len in (1..=3).rev() {
                let b = a + len;
                if b <= hi && candidate(text, &tokens[a..b], class, gaz) {
                    added.push(TokenSpan {
                        start: a,
                        end: b,
                        ..*s
                    });
                    break;
                }
            }
        }
        // "X and S": X before the span.
        if s.start >= lo + 2
            && joins(text, tokens, s.start - 1)
            && tokens[s.start - 1].text(text) != ","
        {
            let b = s.start - 1;
            for len in (1..=3).rev() {
                if b >= lo + len && candidate(text, &tokens[b - len..b], class, gaz) {
                    added.push(TokenSpan {
                        start: b - len,
                        end: b,
                        ..*s
                    });
                    break;
                }
            }
        }
    }
    if added.is_empty() {
        return;
    }
    spans.extend(added);
    spans.sort_by_key(|s| (s.start, std::cmp::Reverse(s.end)));
    // Two additions may claim the same words; keep the first.
    let mut end = 0;
    spans.retain(|s| {
        let keep = s.start >= end;
        if keep {
            end = s.end;
        }
        keep
    });
}

/// True when token `j` joins two coordinated names: "and", "or", a comma, or a
/// hyphen written flush between words ("Russia-Ukraine").
fn joins(text: &str, tokens: &[Token], j: usize) -> bool {
    match tokens[j].text(text) {
        "and" | "or" | "," => true,
        "-" => {
            j > 0
                && j + 1 < tokens.len()
                && tokens[j - 1].end == tokens[j].start
                && tokens[j].end == tokens[j + 1].start
        }
        _ => false,
    }
}

/// Nationalities and religious or political groups are a closed class: a
/// capitalized plural gazetteer entry the model left untagged ("Democrats",
/// "Muslims") or called a person is NORP, and so is a singular one that is a
/// member ("a Democrat, said"), opens a compound adjective ("Saudi-owned") or opens
/// a sentence before a noun ("Kurdish officials said"). Other adjectives
/// ("Islamic", "European") are left to the model: they often begin organization
/// names it has already weighed.
fn closed_class_norp(
    text: &str,
    tokens: &[Token],
    sentence: std::ops::Range<usize>,
    spans: &mut Vec<TokenSpan>,
    gaz: &Gazetteer,
) {
    let norp = label_index(&Label::Norp);
    let person = label_index(&Label::Person);
    let class = bit(Category::Norp);
    // "Social Democrats": a party's modifier the model left out.
    for k in 0..spans.len() {
        let s = spans[k];
        let free = if k > 0 {
            spans[k - 1].end
        } else {
            sentence.start
        };
        if s.label == norp
            && s.start > free
            && case_of(tokens[s.start - 1].text(text)) == Case::Title
            && is_one_of(tokens[s.start - 1].text(text), PARTY_MODIFIERS)
        {
            spans[k].start -= 1;
        }
    }
    for s in spans.iter_mut() {
        let words = &tokens[s.start..s.end];
        // "Orthodox Christians": every word a group's name.
        let groups = || {
            words
                .iter()
                .all(|w| candidate(text, std::slice::from_ref(w), class, gaz))
        };
        if s.label == person && (candidate(text, words, class, gaz) || groups())
            || s.label != norp && words.len() == 1 && plural_of_group(text, words[0], gaz)
        {
            s.label = norp;
        }
    }
    let mut added = Vec::new();
    let mut next = 0;
    let mut i = sentence.start;
    while i < sentence.end {
        while next < spans.len() && spans[next].end <= i {
            next += 1;
        }
        let free_until = spans.get(next).map_or(sentence.end, |s| s.start);
        let word = tokens[i].text(text);
        // Most words start with a lower-case letter and cannot be title case.
        let lower_start = word.as_bytes().first().is_some_and(u8::is_ascii_lowercase);
        if i < free_until && !lower_start && case_of(word) == Case::Title {
            // A singular after "a" ("a Democrat", "a Swede") or one word opening
            // a compound adjective ("Republican-controlled", "Soviet-era") is a
            // member or an adjective of the group, not the start of a name.
            // Only as a noun ("a Democrat, said", "a Republican who"): GMB leaves
            // many adjectives ("a Mauritanian diplomat") to the model.
            let next = tokens.get(i + 1).map_or("", |t| t.text(text));
            let member = i > sentence.start
                && matches!(tokens[i - 1].text(text), "a" | "an")
                && (case_of(next) != Case::Lower
                    || matches!(next, "who" | "from" | "and" | "or" | "in" | "of" | "with"));
            let compound = i + 2 < free_until
                && tokens[i + 1].text(text) == "-"
                && joins(text, tokens, i + 1)
                && case_of(tokens[i + 2].text(text)) == Case::Lower;
            // "Kurdish officials said": an adjective before a lower-case noun
            // opening a sentence, where the model cannot tell it from any other
            // capitalized first word. (Inside a sentence the model decides: GMB,
            // its training data, leaves many such adjectives untagged.)
            let adjective = i == sentence.start && case_of(next) == Case::Lower && next.len() > 3;
            // "Qatari Prime Minister Mohammed": a nationality before a title
            // (a whole one: "Christian Democratic Appeal" is a party).
            let before_title = case_of(next) == Case::Title
                && title_len(text, &tokens[i + 1..sentence.end.min(i + 4)], gaz) > 0;
            let longest = (1..=3).rev().find(|&len| {
                i + len <= free_until
                    && (tokens[i + len - 1].text(text).ends_with('s')
                        && candidate(text, &tokens[i..i + len], class, gaz)
                        || len == 1 && plural_of_group(text, tokens[i], gaz)
                        || len == 1
                            && (member || compound || adjective || before_title)
                            && candidate(text, &tokens[i..i + len], class, gaz))
            });
            if let Some(len) = longest {
                added.push(TokenSpan {
                    start: i,
                    end: i + len,
                    label: norp,
                    margin: 0.0,
                });
                i += len;
                continue;
            }
        }
        i += 1;
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// A capitalized plural of a listed nationality ("Omanis") or of a listed
/// country or state plus "-ns" ("Nevadans", "Kenyans"): members of a group.
fn plural_of_group(text: &str, token: Token, gaz: &Gazetteer) -> bool {
    let word = token.text(text);
    let listed = |stem: &str, class: u16| gaz.categories_of_word(stem) & class != 0;
    // "Philippines" is a country, not more than one "Philippine".
    word.len() >= 5
        && case_of(word) == Case::Title
        && !listed(word, GPE | bit(Category::Location))
        && (word
            .strip_suffix('s')
            .is_some_and(|w| listed(w, bit(Category::Norp)))
            || word
                .strip_suffix("ns")
                .is_some_and(|w| listed(w, bit(Category::Country) | bit(Category::Region))))
}

/// Capitalized words forming one gazetteer entry of `class`.
fn candidate(text: &str, words: &[Token], class: u16, gaz: &Gazetteer) -> bool {
    words
        .iter()
        .all(|t| matches!(case_of(t.text(text)), Case::Title | Case::Upper))
        && categories(text, words, gaz) & class != 0
}

/// Splits one span at possessives, coordinations and inner titles, pushing the parts.
fn split(text: &str, tokens: &[Token], s: TokenSpan, gaz: &Gazetteer, out: &mut Vec<TokenSpan>) {
    let words = &tokens[s.start..s.end];
    let part = |a: usize, b: usize, label: usize| TokenSpan {
        start: s.start + a,
        end: s.start + b,
        label,
        margin: s.margin,
    };
    // A possessive inside: the owner is a span of its own.
    if let Some(k) = words.iter().position(|t| is_possessive(t.text(text))) {
        let owner_is_place = k > 0 && categories(text, &words[..k], gaz) & GPE != 0;
        // "Republican People's Party", "Workers' Party": one word after a
        // possessive that is not a place's is the name's own last word.
        if k > 0 && k + 1 < words.len() && (owner_is_place || k + 2 < words.len()) {
            let owner = if owner_is_place {
                label_index(&Label::Gpe)
            } else {
                s.label
            };
            out.push(part(0, k, owner));
            split(text, tokens, part(k + 1, words.len(), s.label), gaz, out);
            return;
        }
    }
    // "Egypt and Qatar", "British, French and German".
    let joints: Vec<usize> = (0..words.len())
        .filter(|&i| matches!(words[i].text(text), "and" | ","))
        .collect();
    if !joints.is_empty() {
        let mut parts = Vec::new();
        let mut a = 0;
        for &j in joints.iter().chain(std::iter::once(&words.len())) {
            if j > a {
                parts.push((a, j));
            }
            a = j + 1;
        }
        for (class, label) in [(GPE, Label::Gpe), (bit(Category::Norp), Label::Norp)] {
            if parts.len() >= 2
                && parts
                    .iter()
                    .all(|&(a, b)| categories(text, &words[a..b], gaz) & class != 0)
            {
                let l = label_index(&label);
                out.extend(parts.iter().map(|&(a, b)| part(a, b, l)));
                return;
            }
        }
        // "Tata Consumer Products and Britannia Industries": organizations are
        // split only when every part is one by itself ("Food and Drug
        // Administration" is not), a known one or a name closed by an
        // organization word.
        let organization = |a: usize, b: usize| {
            categories(text, &words[a..b], gaz) & bit(Category::Organization) != 0
                || b - a >= 2 && is_org_cue(text, words[b - 1], gaz)
        };
        if s.label == label_index(&Label::Org)
            && parts.len() >= 2
            && parts.iter().all(|&(a, b)| organization(a, b))
        {
            out.extend(parts.iter().map(|&(a, b)| part(a, b, s.label)));
            return;
        }
    }
    // "Jenner Institute at Oxford University": two organizations.
    if s.label == label_index(&Label::Org) {
        if let Some(k) = (1..words.len().saturating_sub(1)).find(|&k| words[k].text(text) == "at") {
            out.push(part(0, k, s.label));
            split(text, tokens, part(k + 1, words.len(), s.label), gaz, out);
            return;
        }
    }
    // "Senate Democrats", "House Republicans": a group closing an organization
    // is its members, not part of its name.
    if s.label == label_index(&Label::Org)
        && words.len() >= 2
        && categories(text, words, gaz) & bit(Category::Organization) == 0
    {
        let last = words.len() - 1;
        let w = words[last].text(text);
        if w.ends_with('s') && candidate(text, &words[last..], bit(Category::Norp), gaz) {
            out.push(part(0, last, s.label));
            out.push(part(last, words.len(), label_index(&Label::Norp)));
            return;
        }
    }
    // A title inside a non-person span followed by a name.
    let person = label_index(&Label::Person);
    if s.label != person {
        for k in 1..words.len() {
            if case_of(words[k].text(text)) != Case::Title {
                continue;
            }
            let t = title_len(text, &words[k..], gaz);
            let name = k + t;
            if t > 0
                && words.len() - name >= 2
                && words[name..]
                    .iter()
                    .all(|w| case_of(w.text(text)) == Case::Title)
            {
                out.push(part(0, k, s.label));
                out.push(part(name, words.len(), person));
                return;
            }
            // "Senate Majority Leader": a title closing the span right after a
            // capitalized name word is a role, not part of the organization; so
            // is the start of one that goes on past the span ("Senate Majority").
            let reach = (s.end + MAX_TITLE_WORDS).min(tokens.len());
            let role = title_len(text, &tokens[s.start + k..reach], gaz);
            if role >= words.len() - k && case_of(words[k - 1].text(text)) != Case::Lower {
                out.push(part(0, k, s.label));
                return;
            }
        }
    }
    out.push(s);
}

/// Words that open a wire-service credit before "by": "(Reporting by …; Editing by …)".
fn is_credit_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "reporting",
        "editing",
        "writing",
        "compiled",
        "produced",
        "research",
        "graphics",
        "photos",
        "translation",
        "translated",
        "additional",
    ];
    is_one_of(word, WORDS)
}

/// The people and places of wire-service credits, the one place where news names
/// reporters and editors: "(Reporting by Priyanka Ramesh in London and Linnea
/// Forsberg in Stockholm; Editing by Mark Potter)". Each name of two to five
/// capitalized words after "<credit> by" is a PERSON, each capitalized place
/// after "in" a GPE; names are joined by "and" or commas.
fn credits(text: &str, tokens: &[Token], sentence: std::ops::Range<usize>) -> Vec<TokenSpan> {
    let mut found = Vec::new();
    let word = |i: usize| tokens[i].text(text);
    let capitalized = |i: usize| {
        i < sentence.end
            && (matches!(case_of(word(i)), Case::Title | Case::Upper)
                || word(i) == "-" && joins(text, tokens, i))
    };
    // The end of the run of capitalized words (and flush hyphens) from `i`.
    let run_end = |i: usize| {
        let mut j = i;
        while capitalized(j) && !is_function_word(word(j)) {
            j += 1;
        }
        j
    };
    let span = |start, end, label: &Label| TokenSpan {
        start,
        end,
        label: label_index(label),
        margin: f32::INFINITY,
    };
    let mut i = sentence.start;
    while i + 2 < sentence.end {
        let by = tokens[i + 1];
        if by.end - by.start != 2 || word(i + 1) != "by" || !is_credit_word(word(i)) {
            i += 1;
            continue;
        }
        let mut j = i + 2;
        loop {
            let end = run_end(j);
            if !(2..=5).contains(&(end - j)) || word(end - 1) == "-" {
                break;
            }
            found.push(span(j, end, &Label::Person));
            j = end;
            if j + 1 < sentence.end && word(j) == "in" {
                let place = run_end(j + 1);
                if place > j + 1 && place - (j + 1) <= 3 {
                    found.push(span(j + 1, place, &Label::Gpe));
                    j = place;
                }
            }
            if j + 1 < sentence.end && matches!(word(j), "and" | ",") {
                j += 1;
            } else {
                break;
            }
        }
        i = j.max(i + 1);
    }
    found
}

/// A word that ends or heads organization names: "Holdings", "Ministry".
pub(super) fn is_org_cue(text: &str, token: Token, gaz: &Gazetteer) -> bool {
    gaz.contains(&[lower_into_hash(token.text(text))], Category::OrgCue)
}

/// A "person" whose words no person's name has: an ampersand or slash ("Hoffmann &
/// Kühn", "Bodø/Glimt") or a last word that ends organization names
/// ("Takeda Pharmaceutical", "Howard Hughes Holdings").
fn not_a_person(text: &str, words: &[Token], gaz: &Gazetteer) -> bool {
    let last = words[words.len() - 1];
    words.len() >= 2 && words.iter().any(|t| matches!(t.text(text), "&" | "/"))
        || words.len() >= 2
            && case_of(last.text(text)) != Case::Lower
            && is_org_cue(text, last, gaz)
}

/// An "organization" that reads as a person's name and stands right after a
/// person's title ("Dr. Kwabena Asante-Mensah") or before an apposition headed by
/// a role ("Bukar Modu Lawan, chairman of the council").
fn person_by_role(text: &str, tokens: &[Token], s: TokenSpan, gaz: &Gazetteer) -> bool {
    let words = &tokens[s.start..s.end];
    let cats = |t: &Token| gaz.categories_of_word(t.text(text));
    let name_word = |i: usize| {
        let w = tokens[i].text(text);
        match case_of(w) {
            Case::Title => !is_org_cue(text, tokens[i], gaz),
            Case::Upper => w.ends_with('.'), // initials: "J.T."
            _ => w == "-" && joins(text, tokens, i),
        }
    };
    if !(s.start..s.end).all(name_word)
        || categories(text, words, gaz) & bit(Category::Organization) != 0
    {
        return false;
    }
    let title = |i: usize| cats(&tokens[i]) & bit(Category::Title) != 0;
    let titled =
        s.start > 0 && title(s.start - 1) && case_of(tokens[s.start - 1].text(text)) != Case::Lower;
    let role = apposition_head(text, tokens, s.end)
        .is_some_and(|h| title(h) && case_of(tokens[h].text(text)) == Case::Lower);
    // "The health secretary, Wes Streeting, said": set off by commas after a role.
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let appositive = s.start >= 2
        && word(s.start - 1) == ","
        && word(s.end) == ","
        && title(s.start - 2)
        && case_of(word(s.start - 2)) == Case::Lower;
    // "Ghulam Rasool, a 54-year-old farmer", "Bukayo Saka, 24, said": an age.
    let number = |i: usize| {
        let w = word(i);
        (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit())
    };
    let aged = word(s.end) == ","
        && (number(s.end + 1) && word(s.end + 2) == ","
            || (1..=2).any(|n| {
                number(s.end + n)
                    && (n == 1 || matches!(word(s.end + 1), "a" | "an"))
                    && word(s.end + n + 1) == "-"
                    && word(s.end + n + 2) == "year"
            }));
    titled || role || appositive || aged
}

/// Initialisms of common nouns, written in capitals like an organization's
/// ("AI", "GDP", "IPO") but naming no entity; exact case ("Ai" may be a name).
const COMMON_INITIALISMS: &[&str] = &[
    "AI", "API", "ATM", "CCTV", "CEO", "CEOs", "CFO", "COO", "CPU", "CTO", "DNA", "ETF", "ETFs",
    "EV", "EVs", "GDP", "GPS", "GPU", "GPUs", "ID", "IPO", "IPOs", "LED", "LNG", "MVP", "PC",
    "PCs", "PhD", "RNA", "SUV", "SUVs", "TV", "VAT", "VPN",
];

/// "Everyone", "Nobody": capitalized at a sentence start, never a name.
fn is_indefinite_pronoun(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "everyone",
        "everybody",
        "everything",
        "nobody",
        "nothing",
        "someone",
        "somebody",
        "something",
        "anyone",
        "anybody",
        "anything",
    ];
    is_one_of(word, WORDS)
}

/// Prepositions and conjunctions that begin no name in news, whatever their case.
fn is_function_word(word: &str) -> bool {
    const WORDS: &[&str] = &[
        "after", "against", "although", "among", "and", "as", "at", "because", "before", "but",
        "by", "despite", "during", "for", "from", "if", "in", "into", "on", "or", "since", "than",
        "though", "through", "to", "under", "unlike", "until", "when", "whether", "while", "with",
        "within", "without",
    ];
    is_one_of(word, WORDS)
}

/// True when tokens `i`, `i + 1` are a flush hyphen and a lower-case word that
/// make the name before them a compound adjective: "-based", "-headquartered".
fn compound_tail(text: &str, tokens: &[Token], i: usize) -> bool {
    const TAILS: &[&str] = &[
        "based",
        "headquartered",
        "born",
        "owned",
        "registered",
        "listed",
    ];
    i + 1 < tokens.len()
        && tokens[i].text(text) == "-"
        && joins(text, tokens, i)
        && TAILS.contains(&tokens[i + 1].text(text))
}

/// "Warsaw-based", "Nairobi-headquartered": a known place before such a compound
/// is a GPE even where the model left it out.
fn compound_places(
    text: &str,
    tokens: &[Token],
    sentence: std::ops::Range<usize>,
    spans: &mut Vec<TokenSpan>,
    gaz: &Gazetteer,
) {
    let mut added = Vec::new();
    for j in sentence.start + 1..sentence.end.saturating_sub(1) {
        if !compound_tail(text, tokens, j) || spans.iter().any(|s| s.start < j && s.end >= j) {
            continue;
        }
        let place = (1..=3)
            .rev()
            .filter(|&n| j >= sentence.start + n)
            .find(|&n| candidate(text, &tokens[j - n..j], GPE, gaz));
        if let Some(n) = place {
            added.push(TokenSpan {
                start: j - n,
                end: j,
                label: label_index(&Label::Gpe),
                margin: 0.0,
            });
        }
    }
    if !added.is_empty() {
        spans.extend(added);
        spans.sort_by_key(|s| s.start);
    }
}

/// A name right after a noun that says what kind of organization it is ("trucking
/// firm Minuano", "the drivers' union Sintratransandes") is an organization, not
/// the person or place a model guesses for an unknown capitalized word. Nouns for
/// people ("producer", "developer") are not in the list.
fn organization_appositions(
    text: &str,
    tokens: &[Token],
    spans: &mut [TokenSpan],
    gaz: &Gazetteer,
) {
    let person = label_index(&Label::Person);
    let gpe = label_index(&Label::Gpe);
    let loc = label_index(&Label::Loc);
    for s in spans.iter_mut() {
        if s.start == 0 || !(s.label == person || s.label == gpe || s.label == loc) {
            continue;
        }
        let before = tokens[s.start - 1].text(text);
        if ORGANIZATION_NOUNS.contains(&before)
            && categories(text, &tokens[s.start..s.end], gaz) & (GPE | bit(Category::Location)) == 0
        {
            s.label = label_index(&Label::Org);
        }
    }
}

/// A single capital letter and a period: "J." in "J. Root".
pub(super) fn is_initial(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
}

/// The end of a name that goes on past lower-case particles ("van der",
/// "bin", "de") to a capitalized word, within `limit`; `end` when it does not.
fn particles_continued(text: &str, tokens: &[Token], end: usize, limit: usize) -> usize {
    const PARTICLES: &[&str] = &[
        "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "ibn",
        "ten", "ter", "van", "von",
    ];
    let mut i = end;
    while i < limit && i < end + 2 && PARTICLES.contains(&tokens[i].text(text)) {
        i += 1;
    }
    if i > end && i < limit && case_of(tokens[i].text(text)) == Case::Title {
        i + 1
    } else {
        end
    }
}

/// An "organization" that is a person's title and name: the first word is a
/// capitalized title and the rest are two or more name words, or one listed
/// name ("General Sani Abacha", "Justice Marchetti"); not a listed organization
/// or one whose last word ends organization names ("General Motors").
fn titled_name(text: &str, tokens: &[Token], s: TokenSpan, gaz: &Gazetteer) -> bool {
    if s.end - s.start < 2 {
        return false;
    }
    let title = tokens[s.start];
    let rest = &tokens[s.start + 1..s.end];
    let names = bit(Category::FirstName) | bit(Category::Surname);
    let word_cats = |t: &Token| gaz.categories_of_word(t.text(text));
    case_of(title.text(text)) == Case::Title
        && word_cats(&title) & bit(Category::Title) != 0
        && !is_org_cue(text, title, gaz)
        && rest
            .iter()
            .all(|t| case_of(t.text(text)) == Case::Title && !is_org_cue(text, *t, gaz))
        && categories(text, &tokens[s.start..s.end], gaz) & bit(Category::Organization) == 0
        && categories(text, rest, gaz) & (GPE | bit(Category::Organization)) == 0
        && (rest.len() >= 2 || word_cats(&rest[0]) & names != 0)
}

/// The end of a name whose last word goes on after a hyphen written flush on
/// both sides ("Jae-myung", "Moon-soo"), also when the span stopped at the hyphen.
fn hyphen_continued(text: &str, tokens: &[Token], end: usize, limit: usize) -> usize {
    let hyphen = |j: usize| tokens[j].text(text) == "-" && joins(text, tokens, j);
    let is_word = |i: usize| tokens[i].kind == crate::text::TokenKind::Word;
    if end >= 2 && end < limit && hyphen(end - 1) && is_word(end) {
        return end + 1;
    }
    if end >= 1 && end + 1 < limit && hyphen(end) && is_word(end + 1) {
        return end + 2;
    }
    end
}

/// Joins neighbouring spans that are one name cut in two:
/// - parts that together are one place or nationality ("North" + "Korean",
///   "Czech" + "Republic") take that entry's label;
/// - an organization ending in a cue word, "of", and a place ("Council" + "of"
///   + "Europe", "Bank of Japan") is one organization.
fn merge_adjacent(text: &str, tokens: &[Token], spans: &mut Vec<TokenSpan>, gaz: &Gazetteer) {
    let person = label_index(&Label::Person);
    let gpe = label_index(&Label::Gpe);
    let loc = label_index(&Label::Loc);
    let norp = label_index(&Label::Norp);
    let org = label_index(&Label::Org);
    // "Brinkmann & Partner", "Rothschild & Co": capitalized words after an
    // ampersand continue the name before it, which is a firm's.
    for k in 0..spans.len() {
        let s = spans[k];
        let limit = spans.get(k + 1).map_or(tokens.len(), |n| n.start);
        if s.end + 1 < limit && tokens[s.end].text(text) == "&" {
            let mut end = s.end + 1;
            while end < limit
                && end < s.end + 4
                && matches!(case_of(tokens[end].text(text)), Case::Title | Case::Upper)
            {
                end += 1;
            }
            if end > s.end + 1 {
                spans[k].end = end;
                spans[k].label = org;
            }
        }
    }
    extend_official_names(text, tokens, spans, gaz);
    official_names_go_on_after_and(text, tokens, spans, gaz);
    let mut k = 0;
    while k + 1 < spans.len() {
        let (a, b) = (spans[k], spans[k + 1]);
        let merged = if listed_in_name(text, tokens, a, b, gaz) {
            // "National Oceanic" + "and" + "Atmospheric Administration".
            Some(org)
        } else if nationality_opens_name(text, tokens, a, b) {
            // "Swedish" + "Research Council", "Australian" + "Competition and" +
            // "Consumer Commission": a nationality opening an official name.
            Some(org)
        } else if a.end == b.start {
            let cats = categories(text, &tokens[a.start..b.end], gaz);
            if cats & GPE != 0 {
                Some(gpe)
            } else if cats & bit(Category::Norp) != 0 {
                Some(norp)
            } else if b.label == org
                && (a.label == gpe
                    || a.label == loc
                    || a.label == label_index(&Label::Person)
                        && is_org_cue(text, tokens[b.end - 1], gaz))
            {
                // "Cleveland City" + "Council", "Andrew" + "W. Mellon Foundation":
                // a place or name opening an organization's name is part of it.
                Some(org)
            } else if b.end - b.start == 1
                && (a.label == norp || a.label == gpe || a.label == loc)
                && case_of(tokens[b.start].text(text)) == Case::Title
                && is_one_of(tokens[b.start].text(text), LOC_TAILS)
            {
                // "Tibetan" + "Plateau", "Caspian" + "Sea": a natural place.
                Some(loc)
            } else if a.label == org && tokens[a.end - 1].text(text) == "of" {
                // "Council of" + "Europe": the model stopped a name after its "of".
                Some(org)
            } else if (a.label == norp || a.label == gpe)
                && EVENT_TAILS.contains(&tokens[b.end - 1].text(text))
            {
                // "Japanese" + "Grand Prix": a country's event.
                Some(label_index(&Label::Event))
            } else if b.label == norp
                && a.end - a.start == 1
                && is_one_of(tokens[a.start].text(text), PARTY_MODIFIERS)
            {
                // "Social" + "Democrats": one party's members.
                Some(norp)
            } else if b.label == person
                && a.label != norp
                && a.label != person
                && a.end - a.start == 1
                && unknown_name_word(text, tokens[a.start], gaz)
            {
                // "Auston" + "Matthews": an unlisted given name before a surname.
                Some(person)
            } else {
                None
            }
        } else if b.start == a.end + 1 && tokens[a.end].text(text) == "&" {
            // "Hoffmann & Kühn": names joined by an ampersand are one firm.
            Some(org)
        } else if (a.label == gpe || a.label == loc)
            && (b.label == gpe || b.label == loc)
            && b.start == a.end + 1
            && matches!(tokens[a.end].text(text), "de" | "del" | "do" | "da")
        {
            // "Norte" + "de" + "Santander": one place's name.
            Some(gpe)
        } else if b.label == gpe
            && (b.start == a.end + 1
                || b.start == a.end + 2 && tokens[a.end + 1].text(text) == "the")
            && tokens[a.end].text(text) == "of"
            && is_one_of(tokens[a.end - 1].text(text), STATE_FORMS)
        {
            // "Democratic Republic" + "of" + "Congo": a country's formal name.
            Some(gpe)
        } else if a.label == org
            && (b.start == a.end + 1
                || b.start == a.end + 2 && tokens[a.end + 1].text(text) == "the")
            && matches!(tokens[a.end].text(text), "of" | "on" | "for")
            && (b.label == gpe || b.label == loc || b.label == org)
            && is_org_cue(text, tokens[a.end - 1], gaz)
        {
            // "Assembly Committee" + "on" + "Natural Resources".
            Some(org)
        } else if a.label == org
            && b.label == org
            && b.start == a.end + 1
            && is_one_of(
                tokens[a.end - 1].text(text),
                &["de", "del", "di", "da", "do", "des"],
            )
            && is_one_of(
                tokens[a.end].text(text),
                &["la", "el", "los", "las", "le", "les"],
            )
        {
            // "Banco de" + "la" + "República".
            Some(org)
        } else {
            None
        };
        match merged {
            Some(label) => {
                spans[k] = TokenSpan {
                    start: a.start,
                    end: b.end,
                    label,
                    margin: a.margin.min(b.margin),
                };
                spans.remove(k + 1);
            }
            None => k += 1,
        }
    }
}

/// Words before "Democrats", "Republicans" that name a party's members with
/// them ("Social Democrats", "Christian Democrats", "Free Democrats").
const PARTY_MODIFIERS: &[&str] = &["christian", "free", "liberal", "progressive", "social"];

/// Last words of a country's formal name before "of" ("Republic of Korea",
/// "Kingdom of Saudi Arabia").
const STATE_FORMS: &[&str] = &[
    "republic",
    "kingdom",
    "emirate",
    "sultanate",
    "principality",
];

/// A capitalized word no list knows (no place, organization, title, nationality
/// or organization word): an unlisted given name when a surname follows.
fn unknown_name_word(text: &str, token: Token, gaz: &Gazetteer) -> bool {
    case_of(token.text(text)) == Case::Title
        && token.kind == crate::text::TokenKind::Word
        && gaz.categories_of_word(token.text(text))
            & !(bit(Category::FirstName) | bit(Category::Surname))
            == 0
        && !is_org_cue(text, token, gaz)
        && !is_function_word(token.text(text))
}

/// First words of an organization that a nationality before it only describes:
/// "the Chinese Foreign Ministry" is China's foreign ministry, not a name that
/// includes "Chinese" (GMB and OntoNotes keep NORP apart there).
const DESCRIBED_BODIES: &[&str] = &[
    "foreign",
    "defense",
    "defence",
    "interior",
    "home",
    "health",
    "finance",
    "economy",
    "justice",
    "education",
    "information",
    "oil",
    "energy",
    "agriculture",
    "ministry",
    "embassy",
    "consulate",
    "army",
    "navy",
    "air",
    "government",
    "parliament",
    "cabinet",
    "military",
    "police",
    "coast",
    "president",
    "prime",
    "central",
    "state",
    "national",
    "high",
    "supreme",
];

/// True when a one-word nationality `a` opens the organization `b` as part of its
/// official name: "Swedish Research Council", "Australian Competition and
/// Consumer Commission" (capitalized words and "and" may lie between them), but
/// not "Chinese Foreign Ministry" (see [`DESCRIBED_BODIES`]).
fn nationality_opens_name(text: &str, tokens: &[Token], a: TokenSpan, b: TokenSpan) -> bool {
    let (norp, org) = (label_index(&Label::Norp), label_index(&Label::Org));
    if a.label != norp || b.label != org || a.end - a.start != 1 || b.start < a.end {
        return false;
    }
    let word = |i: usize| tokens[i].text(text);
    let gap = a.end..b.start;
    let title = |i: usize| case_of(word(i)) == Case::Title && !is_function_word(word(i));
    gap.len() <= 3
        && gap
            .clone()
            .all(|i| title(i) || word(i) == "and" && i > a.end && title(i - 1))
        && !is_one_of(word(a.end), DESCRIBED_BODIES)
}

/// True when span `a` is a first item listed in the name of organization `b`:
/// "Economic" + "and" + "Social Council". `b` ends in a cue
/// word, "and" or "&" lies between them (a comma more often lists names: "General
/// Fiasco, Two Door Cinema Club"), and `a` is no person, place, nationality or organization of its
/// own (a known one, or one ending in a cue word: "Toyota Motor Corp. and General
/// Motors Co." are two).
fn listed_in_name(
    text: &str,
    tokens: &[Token],
    a: TokenSpan,
    b: TokenSpan,
    gaz: &Gazetteer,
) -> bool {
    let org = label_index(&Label::Org);
    let not_org = [Label::Person, Label::Norp, Label::Gpe].map(|l| label_index(&l));
    let named = GPE
        | bit(Category::Norp)
        | bit(Category::Continent)
        | bit(Category::Location)
        | bit(Category::Organization);
    b.label == org
        && b.end - b.start >= 2
        && b.start == a.end + 1
        && matches!(tokens[a.end].text(text), "and" | "&")
        && is_org_cue(text, tokens[b.end - 1], gaz)
        && !not_org.contains(&a.label)
        && !is_org_cue(text, tokens[a.end - 1], gaz)
        && categories(text, &tokens[a.start..a.end], gaz) & named == 0
        && tokens[a.start..a.end]
            .iter()
            .all(|t| case_of(t.text(text)) == Case::Title)
}

/// Extends an organization named "<cue word> of/for <name>" that the model ended
/// at an "and" over the capitalized words after it that no span holds: "Department
/// of Works" + "and Highways", "Centre for Disease Control" + "and Prevention".
fn official_names_go_on_after_and(
    text: &str,
    tokens: &[Token],
    spans: &mut [TokenSpan],
    gaz: &Gazetteer,
) {
    let org = label_index(&Label::Org);
    let word = |i: usize| tokens.get(i).map_or("", |t| t.text(text));
    let capital = |i: usize| case_of(word(i)) == Case::Title && !is_function_word(word(i));
    for k in 0..spans.len() {
        let s = spans[k];
        let named_for = (s.start + 1..s.end.saturating_sub(1)).any(|i| {
            matches!(word(i), "of" | "for")
                && (is_org_cue(text, tokens[i - 1], gaz) || case_of(word(i - 1)) == Case::Title)
        });
        if s.label != org || !named_for || word(s.end) != "and" {
            continue;
        }
        let limit = spans.get(k + 1).map_or(tokens.len(), |n| n.start);
        let mut end = s.end + 1;
        while end < limit && end < s.end + 4 && capital(end) {
            end += 1;
        }
        if end > s.end + 1 {
            spans[k].end = end;
        }
    }
}

/// Extends an organization that ends in a cue word over "for" or "of" and the
/// capitalized name after it, absorbing spans there: "Desert Locust Control
/// Organization" + "for Eastern Africa", "UN Office" + "for the Coordination of
/// Humanitarian Affairs". Inside the name, "of", "and", "&" and "the" may join
/// capitalized words; it ends on a capitalized word.
fn extend_official_names(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<TokenSpan>,
    gaz: &Gazetteer,
) {
    const MAX_WORDS: usize = 8;
    let org = label_index(&Label::Org);
    let word = |i: usize| tokens[i].text(text);
    let capital = |i: usize| {
        matches!(case_of(word(i)), Case::Title | Case::Upper) && !is_function_word(word(i))
    };
    let mut k = 0;
    while k < spans.len() {
        let s = spans[k];
        let mut i = s.end;
        if s.label != org
            || i + 1 >= tokens.len()
            || !matches!(word(i), "for" | "of")
            || !is_org_cue(text, tokens[i - 1], gaz)
        {
            k += 1;
            continue;
        }
        i += 1 + usize::from(word(i + 1) == "the");
        let mut end = None;
        let limit = (i + MAX_WORDS).min(tokens.len());
        // Another span after "and" is another name: "the Japan Society for the
        // Promotion of Science and NASA".
        let starts_span = |i: usize| spans[k + 1..].iter().any(|n| n.start == i);
        while i < limit {
            if capital(i) {
                end = Some(i + 1);
            } else if !(matches!(word(i), "of" | "and" | "&" | "the")
                && end.is_some()
                && !(matches!(word(i), "and" | "&") && starts_span(i + 1)))
            {
                break;
            }
            i += 1;
        }
        if let Some(end) = end {
            // Spans inside the extension belong to the name now; one reaching past
            // it means the words say something else: leave both alone.
            let inside = spans[k + 1..].iter().take_while(|n| n.start < end).count();
            if spans[k + 1..k + 1 + inside].iter().all(|n| n.end <= end) {
                spans.drain(k + 1..k + 1 + inside);
                spans[k].end = end;
            }
        }
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    /// Repairs one span covering `phrase` inside `sentence` labelled `label`.
    fn repaired(sentence: &str, phrase: &str, label: Label) -> Vec<(String, Label)> {
        repaired_all(sentence, &[(phrase, label)])
    }

    /// Repairs the model spans `phrases` (in order, each found after the last).
    fn repaired_all(sentence: &str, phrases: &[(&str, Label)]) -> Vec<(String, Label)> {
        let tokens = tokenize(sentence);
        let mut from = 0;
        let mut spans = Vec::new();
        for (phrase, label) in phrases {
            let start = from + sentence[from..].find(phrase).unwrap();
            from = start + phrase.len();
            let a = tokens
                .iter()
                .position(|t| t.start as usize == start)
                .unwrap();
            let b = tokens.iter().position(|t| t.end as usize == from).unwrap() + 1;
            spans.push(TokenSpan {
                start: a,
                end: b,
                label: label_index(label),
                margin: 1.0,
            });
        }
        repair(
            sentence,
            &tokens,
            0..tokens.len(),
            &mut spans,
            Gazetteer::embedded(),
        );
        spans
            .iter()
            .map(|s| {
                (
                    sentence[tokens[s.start].start as usize..tokens[s.end - 1].end as usize]
                        .to_string(),
                    LABELS[s.label].clone(),
                )
            })
            .collect()
    }

    #[test]
    fn official_names() {
        use Label::{Loc, Norp, Org};
        check(&[
            // A nationality opening an official name is part of it; one before a
            // ministry only says whose it is (GMB and OntoNotes keep it apart).
            (
                "the Czech Statistical Office said",
                &[("Czech", Norp), ("Statistical Office", Org)],
                &[("Czech Statistical Office", Org)],
            ),
            (
                "brought by the Australian Competition and Consumer Commission on",
                &[("Australian", Norp), ("Consumer Commission", Org)],
                &[("Australian Competition and Consumer Commission", Org)],
            ),
            (
                "the Chinese Foreign Ministry said",
                &[("Chinese", Norp), ("Foreign Ministry", Org)],
                &[("Chinese", Norp), ("Foreign Ministry", Org)],
            ),
            // Official names go on over "for" and "of" and their capitalized words,
            // up to another name after "and".
            (
                "support from the Desert Locust Control Organization for Eastern Africa, a body",
                &[
                    ("Desert Locust Control Organization", Org),
                    ("Eastern Africa", Loc),
                ],
                &[("Desert Locust Control Organization for Eastern Africa", Org)],
            ),
            (
                "The UN Office for the Coordination of Humanitarian Affairs said",
                &[("UN Office", Org)],
                &[(
                    "UN Office for the Coordination of Humanitarian Affairs",
                    Org,
                )],
            ),
            (
                "The Ministry of Finance of Kenya said",
                &[("Ministry", Org)],
                &[("Ministry of Finance of Kenya", Org)],
            ),
            (
                "funded by the Japan Society for the Promotion of Science and NASA today",
                &[("Japan Society", Org), ("NASA", Org)],
                &[
                    ("Japan Society for the Promotion of Science", Org),
                    ("NASA", Org),
                ],
            ),
            // A first item of a name listed with "and" joins it; another
            // organization does not.
            (
                "a session of the Economic and Social Council on Wednesday",
                &[("Economic", Loc), ("Social Council", Org)],
                &[("Economic and Social Council", Org)],
            ),
            (
                "customers including Toyota Motor Corp. and General Motors Co. said",
                &[("Toyota Motor Corp.", Org), ("General Motors Co.", Org)],
                &[("Toyota Motor Corp.", Org), ("General Motors Co.", Org)],
            ),
        ]);
    }

    #[test]
    fn pieces_of_one_name_join() {
        let s = "since North Korean leader Kim Jong Un declared";
        assert_eq!(
            repaired_all(s, &[("North", Label::Loc), ("Korean", Label::Norp)]),
            [("North Korean".into(), Label::Norp)]
        );
        let s = "won the Czech Republic's election";
        assert_eq!(
            repaired_all(s, &[("Czech", Label::Norp), ("Republic", Label::Gpe)]),
            [("Czech Republic".into(), Label::Gpe)]
        );
        let s = "the Council of Europe said";
        assert_eq!(
            repaired_all(s, &[("Council", Label::Org), ("Europe", Label::Loc)]),
            [("Council of Europe".into(), Label::Org)]
        );
        // Without a cue word the place stays its own span.
        let s = "Reuters of London said";
        assert_eq!(
            repaired_all(s, &[("Reuters", Label::Org), ("London", Label::Gpe)]),
            [
                ("Reuters".into(), Label::Org),
                ("London".into(), Label::Gpe)
            ]
        );
        // Neighbouring people stay apart.
        let s = "told Smith Jones that";
        assert_eq!(
            repaired_all(s, &[("Smith", Label::Person), ("Jones", Label::Person)]).len(),
            2
        );
    }

    #[test]
    fn names_keep_their_hyphenated_words() {
        let s = "candidate Lee Jae-myung leads";
        assert_eq!(
            repaired(s, "Lee Jae-", Label::Person),
            [("Lee Jae-myung".into(), Label::Person)]
        );
        assert_eq!(
            repaired(s, "Lee Jae", Label::Person),
            [("Lee Jae-myung".into(), Label::Person)]
        );
        // Places keep "-based" out.
        let s = "the San Francisco-based company";
        assert_eq!(
            repaired(s, "San Francisco", Label::Gpe),
            [("San Francisco".into(), Label::Gpe)]
        );
    }

    #[test]
    fn known_organizations_take_their_label_and_name() {
        let s = "Shares of Toyota rose 3 percent on the Nikkei.";
        assert_eq!(
            repaired(s, "Nikkei", Label::Loc),
            [("Nikkei".into(), Label::Org)]
        );
        // Also a city: the model decides.
        assert_eq!(
            repaired(s, "Toyota", Label::Gpe),
            [("Toyota".into(), Label::Gpe)]
        );
        let s = "as Real Madrid beat Manchester City on Wednesday";
        assert_eq!(
            repaired_all(
                s,
                &[("Real Madrid", Label::Person), ("Manchester", Label::Gpe)]
            ),
            [
                ("Real Madrid".into(), Label::Org),
                ("Manchester City".into(), Label::Org)
            ]
        );
        let s = "and the Council of Europe said";
        assert_eq!(
            repaired(s, "Council of", Label::Org),
            [("Council of Europe".into(), Label::Org)]
        );
        // A person named like a company keeps the name when it is a common one.
        let s = "said Ford in a statement";
        assert_eq!(
            repaired(s, "Ford", Label::Person),
            [("Ford".into(), Label::Person)]
        );
    }

    #[test]
    fn kind_words_and_member_groups() {
        let s = "on the slopes of Mount Kilimanjaro today";
        assert_eq!(
            repaired(s, "Mount Kilimanjaro", Label::Person),
            [("Mount Kilimanjaro".into(), Label::Loc)]
        );
        let s = "after Typhoon Kalmaegi killed 200";
        assert_eq!(
            repaired(s, "Typhoon Kalmaegi", Label::Org),
            [("Typhoon Kalmaegi".into(), Label::Event)]
        );
        let s = "opened the Busan International Film Festival on Wednesday";
        assert_eq!(
            repaired(s, "Busan International Film", Label::Org),
            [("Busan International Film Festival".into(), Label::Event)]
        );
        let s = "went on to the Academy Awards and";
        assert_eq!(
            repaired(s, "Academy Awards", Label::Org),
            [("Academy Awards".into(), Label::Event)]
        );
        let s = "walls along the River Derwent and a storage area";
        assert_eq!(
            repaired(s, "River Derwent", Label::Org),
            [("River Derwent".into(), Label::Loc)]
        );
        // A lower-case kind after a list of names makes each of them one.
        let s = "turned the Pra, Ankobra and Offin rivers brown";
        assert_eq!(
            repaired_all(
                s,
                &[
                    ("Pra", Label::Gpe),
                    ("Ankobra", Label::Person),
                    ("Offin", Label::Org)
                ]
            ),
            [
                ("Pra".into(), Label::Loc),
                ("Ankobra".into(), Label::Loc),
                ("Offin".into(), Label::Loc)
            ]
        );
        let s = "plants in the Western Region because";
        assert_eq!(
            repaired(s, "Western Region", Label::Org),
            [("Western Region".into(), Label::Gpe)]
        );
        // Initialisms of common nouns name nothing; an organization's stays.
        let s = "India's young AI industry and Sarvam AI";
        assert_eq!(
            repaired_all(s, &[("AI", Label::Org), ("Sarvam AI", Label::Org)]),
            [("Sarvam AI".into(), Label::Org)]
        );
        // A GPE the gazetteer knows keeps its label.
        let s = "in Rhode Island on Monday";
        assert_eq!(
            repaired(s, "Rhode Island", Label::Gpe),
            [("Rhode Island".into(), Label::Gpe)]
        );
        let s = "a showdown with Senate Democrats on Friday";
        assert_eq!(
            repaired(s, "Senate Democrats", Label::Org),
            [
                ("Senate".into(), Label::Org),
                ("Democrats".into(), Label::Norp)
            ]
        );
    }

    #[test]
    fn compounds_appositions_and_datelines() {
        let s = "sold to Warsaw-based developer Vistula Habitat";
        assert_eq!(
            repaired_all(s, &[("Vistula Habitat", Label::Person)]),
            [
                ("Warsaw".into(), Label::Gpe),
                ("Vistula Habitat".into(), Label::Person)
            ]
        );
        let s = "Porto Alegre-headquartered Minuano will pay";
        assert_eq!(
            repaired(s, "Porto Alegre-headquartered", Label::Person),
            [("Porto Alegre".into(), Label::Gpe)]
        );
        let s = "the trucking firm Minuano agreed";
        assert_eq!(
            repaired(s, "Minuano", Label::Person),
            [("Minuano".into(), Label::Org)]
        );
        // A place keeps its label: "the firm's Paris office" is not this pattern.
        let s = "the rival Paris said";
        assert_eq!(
            repaired(s, "Paris", Label::Gpe),
            [("Paris".into(), Label::Gpe)]
        );
        let s = "KOHIMA, India, Dec 1 (PTI) — The festival opened.";
        assert_eq!(
            repaired_all(s, &[("PTI", Label::Org)]),
            [
                ("KOHIMA".into(), Label::Gpe),
                ("India".into(), Label::Gpe),
                ("PTI".into(), Label::Org)
            ]
        );
    }

    #[test]
    fn capitalized_function_words_come_off() {
        let s = "Against Madrid you cannot do that";
        assert_eq!(
            repaired(s, "Against Madrid", Label::Person),
            [("Madrid".into(), Label::Person)]
        );
    }

    #[test]
    fn datelines_outrank_the_model() {
        let s = "MADRID (AP) — Kylian Mbappé scored";
        assert_eq!(
            repaired_all(s, &[("MADRID", Label::Person), ("AP", Label::Org)]),
            [("MADRID".into(), Label::Gpe), ("AP".into(), Label::Org)]
        );
    }

    #[test]
    fn one_word_after_a_possessive_stays_in_the_name() {
        let s = "the Republican People's Party said";
        assert_eq!(
            repaired(s, "Republican People's Party", Label::Org),
            [("Republican People's Party".into(), Label::Org)]
        );
    }

    #[test]
    fn possessives_split_owner_from_owned() {
        let s = "India's Ministry of External Affairs said";
        assert_eq!(
            repaired(s, "India's Ministry of External Affairs", Label::Org),
            [
                ("India".into(), Label::Gpe),
                ("Ministry of External Affairs".into(), Label::Org)
            ]
        );
    }

    #[test]
    fn coordinated_places_split() {
        let s = "mediators from Egypt and Qatar pressed";
        assert_eq!(
            repaired(s, "Egypt and Qatar", Label::Org),
            [("Egypt".into(), Label::Gpe), ("Qatar".into(), Label::Gpe)]
        );
        // Organizations with "and" in their names stay whole.
        let s = "the Food and Drug Administration said";
        assert_eq!(
            repaired(s, "Food and Drug Administration", Label::Org).len(),
            1
        );
    }

    #[test]
    fn titles_inside_spans_separate_people() {
        let s = "U.N. Secretary-General Antonio Guterres called";
        assert_eq!(
            repaired(s, "U.N. Secretary-General Antonio Guterres", Label::Org),
            [
                ("U.N.".into(), Label::Org),
                ("Antonio Guterres".into(), Label::Person)
            ]
        );
        let s = "the Office of the President said";
        assert_eq!(repaired(s, "Office of the President", Label::Org).len(), 1);
    }

    #[test]
    fn leading_lower_case_words_come_off() {
        let s = "in Russia's western Kursk region";
        assert_eq!(
            repaired(s, "western Kursk", Label::Loc),
            [("Kursk".into(), Label::Loc)]
        );
        let s = "the al-Qaida network";
        assert_eq!(
            repaired(s, "al-Qaida", Label::Org),
            [("al-Qaida".into(), Label::Org)]
        );
        let s = "i live in new york";
        assert_eq!(
            repaired(s, "new york", Label::Gpe),
            [("new york".into(), Label::Gpe)]
        );
    }

    #[test]
    fn coordination_and_datelines_add_spans() {
        let s = "SEOUL (Reuters) - according to Ukrainian and Western assessments";
        assert_eq!(
            repaired(s, "Ukrainian", Label::Norp),
            [
                ("SEOUL".into(), Label::Gpe),
                ("Ukrainian".into(), Label::Norp),
                ("Western".into(), Label::Norp)
            ]
        );
        let s = "the Russia-Ukraine war";
        assert_eq!(
            repaired(s, "Russia", Label::Gpe),
            [
                ("Russia".into(), Label::Gpe),
                ("Ukraine".into(), Label::Gpe)
            ]
        );
        let s = "talks between France and Germany";
        assert_eq!(
            repaired(s, "Germany", Label::Gpe),
            [
                ("France".into(), Label::Gpe),
                ("Germany".into(), Label::Gpe)
            ]
        );
        // Not a dateline without the punctuation after it.
        let s = "PARIS HILTON arrived";
        assert!(repaired(s, "HILTON", Label::Person)
            .iter()
            .all(|(t, _)| t != "PARIS"));
    }

    #[test]
    fn roles_and_closed_class_groups() {
        let s = "Senate Majority Leader John Thune said";
        assert_eq!(
            repaired(s, "Senate Majority Leader", Label::Org),
            [("Senate".into(), Label::Org)]
        );
        assert_eq!(
            repaired(s, "Senate Majority", Label::Org),
            [("Senate".into(), Label::Org)]
        );
        let s = "the Office of the President said";
        assert_eq!(repaired(s, "Office of the President", Label::Org).len(), 1);
        let s = "while Democrats warned that Republicans split";
        assert_eq!(
            repaired(s, "Democrats", Label::Person),
            [
                ("Democrats".into(), Label::Norp),
                ("Republicans".into(), Label::Norp)
            ]
        );
        // Members, compounds and sentence-opening adjectives; not every adjective.
        let norp =
            |s: &str| -> Vec<String> { repaired_all(s, &[]).into_iter().map(|(t, _)| t).collect() };
        assert_eq!(norp("Hobbs, a Democrat, called it a win"), ["Democrat"]);
        assert_eq!(
            norp("the Republican-controlled Legislature"),
            ["Republican"]
        );
        assert_eq!(
            norp("Kurdish officials in the north welcomed it"),
            ["Kurdish"]
        );
        assert!(norp("Abdallah, a Mauritanian diplomat, was named").is_empty());
    }

    #[test]
    fn gazetteer_entries_widen_spans() {
        let s = "North Korean troops";
        assert_eq!(
            repaired(s, "Korean", Label::Norp),
            [("North Korean".into(), Label::Norp)]
        );
        let s = "in New York";
        assert_eq!(
            repaired(s, "York", Label::Gpe),
            [("New York".into(), Label::Gpe)]
        );
        // Lower-case words are never taken in.
        let s = "the north Korean border";
        assert_eq!(
            repaired(s, "Korean", Label::Norp),
            [("Korean".into(), Label::Norp)]
        );
    }

    /// Spans as (text, label), found in order in the sentence.
    type Labelled<'a> = &'a [(&'a str, Label)];

    /// Checks cases of (sentence, the model's spans, the repaired spans).
    fn check(cases: &[(&str, Labelled<'_>, Labelled<'_>)]) {
        for &(sentence, model, want) in cases {
            let want: Vec<(String, Label)> = want
                .iter()
                .map(|(t, l)| (t.to_string(), l.clone()))
                .collect();
            assert_eq!(repaired_all(sentence, model), want, "{sentence}");
        }
    }

    #[test]
    fn state_abbreviations_are_sorted_for_binary_search() {
        assert!(STATE_ABBREVIATIONS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_state_abbreviation("Nev.") && is_state_abbreviation("B.C."));
        assert!(!is_state_abbreviation("Nev"));
    }

    #[test]
    fn names_titles_and_groups_from_wire_copy() {
        use Label::{Gpe, Loc, Norp, Org, Person};
        check(&[
            // A title and a name read as one organization.
            (
                "under the government of General Sani Abacha, critics",
                &[("General Sani Abacha", Org)],
                &[("Sani Abacha", Person)],
            ),
            // Not a company named with a title's word.
            (
                "shares of General Electric rose",
                &[("General Electric", Org)],
                &[("General Electric", Org)],
            ),
            // An initial and particles belong to the name.
            (
                "Scores: England 412 (J. Root 143)",
                &[("England", Gpe), ("Root", Person)],
                &[("England", Gpe), ("J. Root", Person)],
            ),
            (
                "said Joost van der Meulen, a geoscientist",
                &[("Joost", Person)],
                &[("Joost van der Meulen", Person)],
            ),
            (
                "said Joost van der Meulen, a geoscientist",
                &[("Joost van", Person), ("Meulen", Person)],
                &[("Joost van der Meulen", Person)],
            ),
            // An unlisted given name the model set apart from the surname.
            (
                "MONTREAL (AP) — Auston Matthews scored twice",
                &[("MONTREAL", Gpe), ("Auston", Org), ("Matthews", Person)],
                &[("MONTREAL", Gpe), ("Auston Matthews", Person)],
            ),
            // A party's members, a country's formal name, natural places.
            (
                "the center-left Social Democrats and NEOS",
                &[("Social", Org), ("Democrats", Norp), ("NEOS", Org)],
                &[("Social Democrats", Norp), ("NEOS", Org)],
            ),
            (
                "Andreas Babler, who leads the Social Democrats, said",
                &[("Andreas Babler", Person), ("Democrats", Norp)],
                &[("Andreas Babler", Person), ("Social Democrats", Norp)],
            ),
            (
                "children in eastern Democratic Republic of Congo, where",
                &[("Democratic Republic", Loc), ("Congo", Gpe)],
                &[("Democratic Republic of Congo", Gpe)],
            ),
            (
                "the Mekong Delta is sinking",
                &[("Mekong", Loc), ("Delta", Loc)],
                &[("Mekong Delta", Loc)],
            ),
            // A place's name and an organization's word.
            (
                "a fellow at the Middle East Institute in Washington",
                &[("Middle East Institute", Loc), ("Washington", Gpe)],
                &[("Middle East Institute", Org), ("Washington", Gpe)],
            ),
            // Plurals of nationalities and of places' people; not a country.
            (
                "The Omanis and the Nevadans agreed",
                &[("Omanis", Person)],
                &[("Omanis", Norp), ("Nevadans", Norp)],
            ),
            (
                "slammed into the northern Philippines on Sunday",
                &[("Philippines", Gpe)],
                &[("Philippines", Gpe)],
            ),
            // State abbreviations in wire copy.
            (
                "CARSON CITY, Nev. (AP) — A bill",
                &[("CARSON CITY", Person), ("Nev.", Loc), ("AP", Org)],
                &[("CARSON CITY", Gpe), ("Nev.", Gpe), ("AP", Org)],
            ),
            (
                "B.C. Attorney General Ravi Sandhu said",
                &[("B.C.", Org), ("Ravi Sandhu", Person)],
                &[("B.C.", Gpe), ("Ravi Sandhu", Person)],
            ),
            // A title alone before the person it belongs to.
            (
                "released Thursday, Justice Elaine Marchetti of the court",
                &[("Justice", Org), ("Elaine Marchetti", Person)],
                &[("Elaine Marchetti", Person)],
            ),
            // A sentence's "The" is no part of a name; a name's own is.
            (
                "The Ministry of Public Health said a second phase",
                &[("The Ministry of Public Health", Org)],
                &[("Ministry of Public Health", Org)],
            ),
            (
                "appeared in The Times Literary Supplement, Poetry",
                &[("The Times Literary Supplement", Org)],
                &[("The Times Literary Supplement", Org)],
            ),
            // Committees on and for things, Spanish articles inside names.
            (
                "The Assembly Committee on Natural Resources voted",
                &[("Assembly Committee", Org), ("Natural Resources", Org)],
                &[("Assembly Committee on Natural Resources", Org)],
            ),
            (
                "the board of the Banco de la República voted",
                &[("Banco de", Org), ("República", Org)],
                &[("Banco de la República", Org)],
            ),
            // Places after a relation to them.
            (
                "a former deputy mayor of Wiener Neustadt, said",
                &[("Wiener Neustadt", Org)],
                &[("Wiener Neustadt", Gpe)],
            ),
            (
                "a plant in the Mexican state of Guanajuato",
                &[("Mexican", Loc), ("Guanajuato", Gpe)],
                &[("Mexican", Norp), ("Guanajuato", Gpe)],
            ),
            // Nationalities before a title; initials of no nationality.
            (
                "talking. Qatari Prime Minister Mohammed bin Abdulrahman said",
                &[("Mohammed bin Abdulrahman", Person)],
                &[("Qatari", Norp), ("Mohammed bin Abdulrahman", Person)],
            ),
            (
                "the national statistics agency DANE, well above",
                &[("DANE", Norp)],
                &[("DANE", Org)],
            ),
            // Languages after a word of speaking or writing, not adjectives.
            (
                "The app, available in Marathi, Kannada, Telugu and Hindi, uses",
                &[("Marathi", Norp), ("Telugu", Norp), ("Hindi", Loc)],
                &[],
            ),
            (
                "She wrote in English but insisted",
                &[("English", Norp)],
                &[],
            ),
            (
                "patrols in Indian and Pakistani waters",
                &[("Indian", Norp), ("Pakistani", Norp)],
                &[("Indian", Norp), ("Pakistani", Norp)],
            ),
            // A state and a party member; groups of groups.
            (
                "Jeanne Shaheen, a New Hampshire Democrat, said",
                &[("Jeanne Shaheen", Person), ("New Hampshire Democrat", Org)],
                &[
                    ("Jeanne Shaheen", Person),
                    ("New Hampshire", Gpe),
                    ("Democrat", Norp),
                ],
            ),
            (
                "between Catholics and Orthodox Christians.",
                &[("Catholics", Norp), ("Orthodox Christians", Person)],
                &[("Catholics", Norp), ("Orthodox Christians", Norp)],
            ),
            // An age says a name is a person's.
            (
                "said Ghulam Rasool, a 54-year-old farmer who fled",
                &[("Ghulam Rasool", Org)],
                &[("Ghulam Rasool", Person)],
            ),
            (
                "Ghulam Rasool, 54, said",
                &[("Ghulam Rasool", Org)],
                &[("Ghulam Rasool", Person)],
            ),
            // Waters named with "of"; a country's event.
            (
                "south of the Sea of Marmara.",
                &[("Marmara", Loc)],
                &[("Sea of Marmara", Loc)],
            ),
            // A place the model stopped before its kind; a Spanish place name.
            (
                "farmers along the San Pedro River sued",
                &[("San Pedro", Loc)],
                &[("San Pedro River", Loc)],
            ),
            (
                "a former Cuyahoga County deputy",
                &[("Cuyahoga", Loc)],
                &[("Cuyahoga County", Gpe)],
            ),
            (
                "the largest city in Norte de Santander province",
                &[("Norte", Loc), ("Santander", Gpe)],
                &[("Norte de Santander", Gpe)],
            ),
            // Official names go on after "and"; peoples before "tribes".
            (
                "the Department of Works and Highways said",
                &[("Department of Works", Org)],
                &[("Department of Works and Highways", Org)],
            ),
            (
                "from the Angami and Konyak tribes opened",
                &[("Angami", Loc), ("Konyak", Person)],
                &[("Angami", Norp), ("Konyak", Norp)],
            ),
            (
                "A Chinese state-owned contractor won",
                &[("Chinese", Norp)],
                &[("Chinese", Norp)],
            ),
            (
                "followed by the Japanese Grand Prix at Suzuka",
                &[("Japanese", Norp), ("Grand Prix", Loc), ("Suzuka", Gpe)],
                &[("Japanese Grand Prix", Label::Event), ("Suzuka", Gpe)],
            ),
        ]);
    }

    #[test]
    fn labels_from_lists_and_roles() {
        use Label::{Gpe, Loc, Norp, Org, Person};
        check(&[
            // A nationality or place before a capitalized natural-place word.
            (
                "glaciers on the Tibetan Plateau melted",
                &[("Tibetan", Norp), ("Plateau", Loc)],
                &[("Tibetan Plateau", Loc)],
            ),
            // Lower case it is no name's part.
            (
                "the Tibetan plateau",
                &[("Tibetan", Norp)],
                &[("Tibetan", Norp)],
            ),
            // A listed region is a place, whatever the model called it.
            (
                "settlers in the West Bank attacked",
                &[("West Bank", Org)],
                &[("West Bank", Loc)],
            ),
            (
                "she flew over the Middle East",
                &[("Middle East", Person)],
                &[("Middle East", Loc)],
            ),
            // Names after a lower-case kind of place and "of" are places, the
            // model's or not, and so is the rest of their list.
            (
                "protests in the southern region of Apurímac grew",
                &[],
                &[("Apurímac", Gpe)],
            ),
            (
                "groups from the provinces of Pastaza and Morona Santiago",
                &[("Pastaza", Org), ("Morona Santiago", Person)],
                &[("Pastaza", Gpe), ("Morona Santiago", Gpe)],
            ),
            // Not after a capitalized kind ("the Port of Tyne Authority") or a
            // lower-case word ("the port of the city").
            (
                "the Port of Tyne said",
                &[("Port of Tyne", Org)],
                &[("Port of Tyne", Org)],
            ),
            ("the port of the city", &[], &[]),
            // Languages are no peoples.
            (
                "it reads 14 languages, including Hindi, Tamil and Bengali",
                &[("Hindi", Loc), ("Tamil", Norp), ("Bengali", Norp)],
                &[],
            ),
            (
                "young Irish-speaking families and English text",
                &[("Irish", Norp), ("English", Norp)],
                &[],
            ),
            (
                "Irish farmers and English clubs",
                &[("Irish", Norp), ("English", Norp)],
                &[("Irish", Norp), ("English", Norp)],
            ),
            // A nationality is one, though the model said place.
            (
                "Egyptian, Qatari and Turkish mediators met",
                &[("Egyptian", Norp), ("Qatari", Loc), ("Turkish", Norp)],
                &[("Egyptian", Norp), ("Qatari", Norp), ("Turkish", Norp)],
            ),
            // A place before a title is the office's place.
            (
                "U.S. District Judge Elena Marquez ruled",
                &[("U.S.", Org), ("Elena Marquez", Person)],
                &[("U.S.", Gpe), ("Elena Marquez", Person)],
            ),
            (
                "U.S. Steel said",
                &[("U.S. Steel", Org)],
                &[("U.S. Steel", Org)],
            ),
            // A "person" opening with a country is a company named after it.
            (
                "the carrier China Mobile said",
                &[("China Mobile", Person)],
                &[("China Mobile", Org)],
            ),
            // A party the lists know keeps its group-like last word.
            (
                "the Liberal Democrats called for it",
                &[("Liberal Democrats", Org)],
                &[("Liberal Democrats", Org)],
            ),
            (
                "Senate Democrats called for it",
                &[("Senate Democrats", Org)],
                &[("Senate", Org), ("Democrats", Norp)],
            ),
            // Set off by commas after a role, a name is a person's.
            (
                "The health secretary, Wes Streeting, said",
                &[("Wes Streeting", Org)],
                &[("Wes Streeting", Person)],
            ),
        ]);
    }

    #[test]
    fn credit_lines_and_datelines() {
        use Label::*;
        check(&[
            (
                "(Reporting by Priyanka Ramesh in London and Linnea Forsberg in Stockholm; \
                 Editing by Iain Brodie)",
                &[("Priyanka Ramesh", Org), ("Iain Brodie", Org)],
                &[
                    ("Priyanka Ramesh", Person),
                    ("London", Gpe),
                    ("Linnea Forsberg", Person),
                    ("Stockholm", Gpe),
                    ("Iain Brodie", Person),
                ],
            ),
            // Hyphenated names stay whole; "by" without a credit word is no credit.
            (
                "Writing by Yomna Ehab-Said; shot by Jane Doe",
                &[],
                &[("Yomna Ehab-Said", Person)],
            ),
            (
                "FRANKFURT, Nov 4 (Reuters) - Shares fell.",
                &[("FRANKFURT", Org)],
                &[("FRANKFURT", Gpe)],
            ),
            // Capitals before something other than a date are left to the model.
            (
                "ACME, the maker of anvils, fell.",
                &[("ACME", Org)],
                &[("ACME", Org)],
            ),
        ]);
    }

    #[test]
    fn organization_names() {
        use Label::*;
        check(&[
            (
                "Shares of Hoffmann & Kühn fell.",
                &[("Hoffmann & Kühn", Person)],
                &[("Hoffmann & Kühn", Org)],
            ),
            (
                "They beat Bodø/Glimt on Sunday.",
                &[("Bodø/Glimt", Person)],
                &[("Bodø/Glimt", Org)],
            ),
            (
                "It bought Howard Hughes Holdings.",
                &[("Howard Hughes Holdings", Person)],
                &[("Howard Hughes Holdings", Org)],
            ),
            (
                "Howard Hughes flew.",
                &[("Howard Hughes", Person)],
                &[("Howard Hughes", Person)],
            ),
            (
                "Hoffmann & Kühn hired Brinkmann & Partner.",
                &[("Hoffmann", Person), ("Kühn", Person), ("Brinkmann", Org)],
                &[("Hoffmann & Kühn", Org), ("Brinkmann & Partner", Org)],
            ),
            (
                "Peers such as Tata Consumer Products and Britannia Industries rose.",
                &[("Tata Consumer Products and Britannia Industries", Org)],
                &[
                    ("Tata Consumer Products", Org),
                    ("Britannia Industries", Org),
                ],
            ),
            (
                "The Food and Drug Administration said so.",
                &[("Food and Drug Administration", Org)],
                &[("Food and Drug Administration", Org)],
            ),
            // Pieces of one name join; two names joined by "at" part.
            (
                "Cleveland City Council approved it.",
                &[("Cleveland City", Gpe), ("Council", Org)],
                &[("Cleveland City Council", Org)],
            ),
            (
                "It was funded by the Andrew W. Mellon Foundation.",
                &[("Andrew", Person), ("W. Mellon Foundation", Org)],
                &[("Andrew W. Mellon Foundation", Org)],
            ),
            (
                "the Council of Europe said",
                &[("Council of", Org), ("Europe", Loc)],
                &[("Council of Europe", Org)],
            ),
            (
                "the International Committee of the Red Cross said.",
                &[("International Committee", Org), ("Red Cross", Org)],
                &[("International Committee of the Red Cross", Org)],
            ),
            (
                "director of the Jenner Institute at Oxford University, said",
                &[("Jenner Institute at Oxford University", Org)],
                &[("Jenner Institute", Org), ("Oxford University", Org)],
            ),
        ]);
    }

    #[test]
    fn place_words_and_known_places() {
        use Label::*;
        check(&[
            (
                "Others, including Pinal County, will follow.",
                &[("Pinal County", Org)],
                &[("Pinal County", Gpe)],
            ),
            (
                "It is in the state of Lower Saxony now.",
                &[("Lower Saxony", Org)],
                &[("Lower Saxony", Gpe)],
            ),
            (
                "Troops left the Kherson region.",
                &[("Kherson", Person)],
                &[("Kherson", Gpe)],
            ),
            ("Shelling hit the Kherson region.", &[], &[("Kherson", Gpe)]),
            // Capitals open every sentence.
            ("Kherson region was hit.", &[], &[]),
            (
                "footholds in Rakhine state fell",
                &[("Rakhine", Norp)],
                &[("Rakhine", Gpe)],
            ),
            // A place no one is named after is a place; one that is a name too is left.
            (
                "Sikorski said Warsaw would push.",
                &[("Warsaw", Person)],
                &[("Warsaw", Gpe)],
            ),
            (
                "Sikorski said Jackson would push.",
                &[("Jackson", Person)],
                &[("Jackson", Person)],
            ),
        ]);
    }

    #[test]
    fn person_names() {
        use Label::*;
        check(&[
            (
                "One Democrat, Sen. Priya Venkataraman of Tucson, was absent.",
                &[("Priya Venkataraman of Tucson", Person)],
                &[("Priya Venkataraman", Person), ("Tucson", Gpe)],
            ),
            (
                "\"Vote,\" Delgado-Reyes said.",
                &[("Reyes", Person)],
                &[("Delgado-Reyes", Person)],
            ),
            ("Everyone on our street left.", &[("Everyone", Org)], &[]),
            (
                "said Dr. Kwabena Asante-Mensah, a hematologist",
                &[("Kwabena Asante-Mensah", Org)],
                &[("Kwabena Asante-Mensah", Person)],
            ),
            (
                "said Bukar Modu Lawan, chairman of the council.",
                &[("Bukar Modu Lawan", Org)],
                &[("Bukar Modu Lawan", Person)],
            ),
            (
                "said Acme Bank, chairman of the panel",
                &[("Acme Bank", Org)],
                &[("Acme Bank", Org)],
            ),
        ]);
    }
}
