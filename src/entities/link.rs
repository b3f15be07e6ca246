//! Alias and acronym linking: mentions of one entity get one `entity` id.
//!
//! - "Joint Chiefs of Staff (JCS)" defines JCS: the long form and every later JCS
//!   share an id and a label (the long form is found from the acronym's initials
//!   when the tagger missed it, labelled ORG unless the tagger said otherwise);
//!   "Ghana Cocoa Board (Cocobod)" defines Cocobod when its letters follow in order
//!   in an ORG's name (Schwartz and Hearst's test);
//! - a one-word PERSON mention that is the last word of a longer PERSON name
//!   ("Zelenskiy" after "Volodymyr Zelenskiy", "Harrington-Bell" after "Lisa
//!   Harrington-Bell") joins that name's group, unless the word is a country or
//!   state; so does the first word of a company's name ending in a company word
//!   ("Whitfield" after "Whitfield Bancorp");
//! - other mentions join a group when their text is the same; the group takes the
//!   label its mentions' scores favour;
//! - a person or location group with words around one mention that say what it
//!   is ("shares in Pemberton Hale", "Cerro Rico, the silver mountain"; see
//!   [`kind_context`]) takes that label; in a sports report, a place (or a
//!   one-word "person" no full name explains) most of whose mentions stand where
//!   a team would is the team ([`team_mention`]);
//! - in an article, a one-word "person" that no full name, title or name list
//!   explains is dropped: the model's guess for an unknown name, rarely a person.
//!
//! Later mentions the tagger missed (capitalized occurrences of a surname, an
//! acronym or a name already tagged in the document) are added with source
//! `Rule` and the score of the mention that introduced them; mentions it labelled
//! differently take the group's label. Ids count from 0 in order of first mention.
//! Offsets are UTF-8 bytes.

#[cfg(doc)]
use super::context::is_sports_report;
use super::context::{kind_context, team_mention};
use super::features::{case_of, lower_into_hash, Case};
use super::gazetteer::{bit, Category, Gazetteer};
use super::model::LABELS;
use super::repair::{is_initial, is_org_cue};
use super::table::FastMap;
use crate::label::Label;
use crate::span::{sort_spans, Source, Span};
use crate::text::{Token, TokenKind};

/// The mentions of one entity, for output layers.
#[derive(Clone, Debug, PartialEq)]
pub struct EntityGroup {
    /// The id shared by the mentions' spans.
    pub id: u32,
    /// The label of the entity (its first mention's).
    pub label: Label,
    /// The longest mention's text (the first of equally long ones).
    pub name: String,
    /// Indices of the mentions in the span list given to [`groups`], in order.
    pub mentions: Vec<usize>,
}

/// Lists the entity groups of a span list (spans without an `entity` id are
/// skipped), sorted by id.
pub fn groups(spans: &[Span<'_>]) -> Vec<EntityGroup> {
    let mut out: Vec<EntityGroup> = Vec::new();
    let mut at: FastMap<u32, usize> = FastMap::default();
    for (i, span) in spans.iter().enumerate() {
        let Some(id) = span.entity else { continue };
        let g = *at.entry(id).or_insert_with(|| {
            out.push(EntityGroup {
                id,
                label: span.label.clone(),
                name: span.text.to_string(),
                mentions: Vec::new(),
            });
            out.len() - 1
        });
        let group = &mut out[g];
        if span.text.chars().count() > group.name.chars().count() {
            group.name = span.text.to_string();
        }
        group.mentions.push(i);
    }
    out.sort_by_key(|g| g.id);
    out
}

/// Renumbers entity ids 0, 1, 2… in order of first mention, so ids stay dense
/// after a later stage (merging with value spans) dropped some mentions.
pub fn renumber(spans: &mut [Span<'_>]) {
    let mut new_ids: FastMap<u32, u32> = FastMap::default();
    for span in spans.iter_mut() {
        if let Some(old) = span.entity {
            let next = new_ids.len() as u32;
            span.entity = Some(*new_ids.entry(old).or_insert(next));
        }
    }
}

/// Words that may sit inside a long form without giving a letter to its acronym.
fn is_acronym_filler(word: &str) -> bool {
    matches!(
        word,
        "of" | "the" | "and" | "for" | "on" | "in" | "de" | "&" | "-" | ","
    )
}

/// The letters of an acronym token ("JCS", "U.N." → "UN"), or `None` when the token
/// does not look like one (2..=10 upper-case letters, periods allowed).
fn acronym_letters(word: &str) -> Option<String> {
    if case_of(word) != Case::Upper {
        return None;
    }
    let letters: String = word.chars().filter(|c| *c != '.').collect();
    let ok = (2..=10).contains(&letters.chars().count())
        && letters
            .chars()
            .all(|c| c.is_uppercase() || c.is_ascii_digit());
    ok.then_some(letters)
}

/// The first word of a two-word company name `words` ending in a company word ("Whitfield" of
/// "Whitfield Bancorp", "Fanuc" of "Fanuc Corp."), when that word names nothing
/// else the gazetteer knows but a family name (not "Boston" of "Boston Scientific
/// Corp.", not a given name).
fn company_short_name<'t>(text: &'t str, words: &[Token], gaz: &Gazetteer) -> Option<&'t str> {
    let [first, last] = words else { return None };
    let first = first.text(text);
    (case_of(first) == Case::Title
        && is_org_cue(text, *last, gaz)
        && gaz.categories_of_word(first) & !bit(Category::Surname) == 0)
        .then_some(first)
}

/// True when `short` ("Defra", "Cocobod") is a capitalized word of 3 to 10 letters
/// that starts like one of `long`'s words and whose other letters follow in
/// order in `long` (Schwartz and Hearst's test for abbreviations).
fn abbreviates(short: &str, long: &str) -> bool {
    let lower = |s: &str| -> Vec<char> { s.chars().flat_map(char::to_lowercase).collect() };
    let (short_lower, long) = (lower(short), lower(long));
    if !(3..=10).contains(&short_lower.len())
        || !short.starts_with(char::is_uppercase)
        || !short.chars().all(char::is_alphabetic)
    {
        return false;
    }
    (0..long.len())
        .filter(|&i| long[i] == short_lower[0] && (i == 0 || long[i - 1].is_whitespace()))
        .any(|i| {
            let mut after = long[i + 1..].iter();
            short_lower[1..].iter().all(|c| after.any(|a| a == c))
        })
}

/// If the tokens ending just before `end` (exclusive) spell `letters` by their
/// initials, returns the index of the first token of that long form.
fn long_form_start(text: &str, tokens: &[Token], end: usize, letters: &str) -> Option<usize> {
    let wanted: Vec<char> = letters.chars().collect();
    let mut need = wanted.len();
    let mut i = end;
    while i > 0 && need > 0 {
        i -= 1;
        let word = tokens[i].text(text);
        if is_acronym_filler(word) {
            continue;
        }
        let first = word.chars().next()?;
        if !first.is_uppercase() || tokens[i].kind != TokenKind::Word {
            return None;
        }
        if first.to_uppercase().next() != Some(wanted[need - 1]) {
            return None;
        }
        need -= 1;
    }
    (need == 0 && i < end).then_some(i)
}

/// The index of a span ending at byte `end`: like [`find_span`], for spans whose
/// start is not known.
fn find_span_ending(spans: &[Span<'_>], sorted: usize, end: usize) -> Option<usize> {
    let at = spans[..sorted].partition_point(|s| s.end < end);
    (at < sorted && spans[at].end == end)
        .then_some(at)
        .or_else(|| (sorted..spans.len()).find(|&k| spans[k].end == end))
}

/// Token index range of a span, found by binary search on token starts.
fn token_range(tokens: &[Token], span: &Span<'_>) -> (usize, usize) {
    let a = tokens.partition_point(|t| (t.start as usize) < span.start);
    let b = tokens.partition_point(|t| (t.start as usize) < span.end);
    (a, b.max(a))
}

struct Group {
    label: Label,
    score: f32,
    /// Per entity label ([`LABELS`]) its mentions got: summed and best score;
    /// for groups of one surface text only (`None` for groups a full person name
    /// or an acronym definition decided). A fixed array: no allocation per group.
    votes: Option<[(f32, f32); LABELS.len()]>,
}

impl Group {
    fn decided(label: Label, score: f32) -> Group {
        Group {
            label,
            score,
            votes: None,
        }
    }

    fn voted(label: Label, score: f32) -> Group {
        Group {
            votes: Some([(0.0, 0.0); LABELS.len()]),
            ..Group::decided(label, score)
        }
    }

    fn vote(&mut self, label: &Label, score: f32) {
        let Some(votes) = self.votes.as_mut() else {
            return;
        };
        if let Some(k) = LABELS.iter().position(|l| l == label) {
            let (total, best) = &mut votes[k];
            *total += score;
            *best = best.max(score);
        }
    }

    /// Takes the label with the most summed score (the first in [`LABELS`] order
    /// on a tie) and the best score a mention gave it.
    fn elect(&mut self) {
        let Some(votes) = self.votes else { return };
        let mut winner: Option<usize> = None;
        for (k, v) in votes.iter().enumerate() {
            if v.0 > 0.0 && winner.is_none_or(|w| v.0 > votes[w].0) {
                winner = Some(k);
            }
        }
        if let Some(k) = winner {
            self.label = LABELS[k].clone();
            self.score = votes[k].1;
        }
    }
}

/// Links the mentions in `spans` (sorted, non-overlapping entity spans of `text`),
/// adding missed mentions and setting every span's `entity` id.
///
/// In a sports report (`sports_report`, see [`is_sports_report`]) places that
/// stand where teams would are teams.
pub fn link<'t>(text: &'t str, tokens: &[Token], spans: &mut Vec<Span<'t>>, sports_report: bool) {
    if spans.is_empty() && !text.contains('(') {
        return;
    }
    let mut covered = vec![false; tokens.len()];
    for s in spans.iter() {
        let (a, b) = token_range(tokens, s);
        covered[a..b].fill(true);
    }
    let gaz = Gazetteer::embedded();
    let before = spans.len();
    let aliases = define_acronyms(text, tokens, spans, &mut covered, gaz);
    if spans.len() > before {
        sort_spans(spans);
    }

    // Group keys: the surface text (with label for non-persons) of each mention.
    let mut groups: Vec<Group> = Vec::new();
    let mut by_text: FastMap<(&'t str, bool), usize> = FastMap::default();
    // One token range per distinct surface, for matching missed mentions.
    let mut surfaces: Vec<(usize, usize, usize)> = Vec::new();
    let mut member: Vec<usize> = vec![usize::MAX; spans.len()];
    let is_person = |s: &Span<'_>| s.label == Label::Person;

    // Full person names first, so a surname met before its full name still links.
    for (i, s) in spans.iter().enumerate() {
        let (a, b) = token_range(tokens, s);
        if is_person(s) && b - a >= 2 {
            let g = *by_text.entry((s.text, true)).or_insert_with(|| {
                groups.push(Group::decided(Label::Person, s.score));
                groups.len() - 1
            });
            member[i] = g;
            // Not a last word that is a country or state ("Fondomonte Arizona",
            // "George Washington"): alone, in news, it is the place. (Towns are
            // too many: "Kazuo Ueda" ... "Ueda" is the governor, not the town.)
            // A hyphenated last word is the surname whole: "Harrington-Bell".
            let mut last = b - 1;
            while last >= a + 2
                && tokens[last - 1].text(text) == "-"
                && tokens[last - 2].end == tokens[last - 1].start
                && tokens[last - 1].end == tokens[last].start
            {
                last -= 2;
            }
            let surname = &text[tokens[last].start as usize..tokens[b - 1].end as usize];
            let places = bit(Category::Country) | bit(Category::Region);
            if case_of(tokens[last].text(text)) == Case::Title
                && gaz.categories_of_word(surname) & places == 0
            {
                by_text.entry((surname, true)).or_insert(g);
                surfaces.push((last, b, g));
            }
            // Family names written first ("Yoon Suk Yeol" ... "Yoon", "Xi Jinping"
            // ... "Xi"): a first word that is no common given name links too.
            let first = tokens[a].text(text);
            if case_of(first) == Case::Title
                && !gaz.contains(&[lower_into_hash(first)], Category::FirstName)
            {
                by_text.entry((first, true)).or_insert(g);
                surfaces.push((a, a + 1, g));
            }
        } else if let Some(short) = (s.label == Label::Org)
            .then(|| company_short_name(text, &tokens[a..b], gaz))
            .flatten()
        {
            // "Whitfield Bancorp" ... "Whitfield": a company's name without its
            // "Bancorp" is the company, even where the model saw a surname.
            let g = *by_text.entry((s.text, true)).or_insert_with(|| {
                groups.push(Group::decided(Label::Org, s.score));
                groups.len() - 1
            });
            member[i] = g;
            by_text.entry((short, true)).or_insert(g);
        }
    }
    // Other mentions group by surface text (an acronym under its long form's),
    // whatever label each got: one name means one thing in an article. The group's
    // label is the one its mentions' scores favour, so one doubtful "Damascus" as a
    // person does not turn the confident places around it into people.
    for (i, s) in spans.iter().enumerate() {
        if member[i] != usize::MAX {
            continue;
        }
        let key = aliases.get(s.text).copied().unwrap_or(s.text);
        let g = if let Some(&g) = by_text.get(&(key, true)) {
            g
        } else {
            *by_text.entry((key, false)).or_insert_with(|| {
                groups.push(Group::voted(s.label.clone(), s.score));
                groups.len() - 1
            })
        };
        groups[g].vote(&s.label, s.score);
        member[i] = g;
    }
    for group in &mut groups {
        group.elect();
    }
    for (i, s) in spans.iter().enumerate() {
        let (a, b) = token_range(tokens, s);
        surfaces.push((a, b, member[i]));
    }
    // Acronyms and long forms were given one label in define_acronyms; every
    // mention takes its group's label.
    for (i, s) in spans.iter_mut().enumerate() {
        let label = &groups[member[i]].label;
        if s.label != *label && s.label.is_entity() {
            s.label = label.clone();
            s.source = Source::Rule;
        }
    }

    let linked = spans.len();
    add_missed_mentions(
        text,
        tokens,
        spans,
        &mut member,
        &groups,
        surfaces,
        &mut covered,
    );

    // A "person" or "location" (the model's guesses for unknown names) one of
    // whose mentions has words around it that say what it is ("shares in
    // Pemberton Hale", "Cerro Rico, the silver mountain") is that, in every
    // mention. A group's first telling mention decides.
    let guess = |s: &Span<'_>| matches!(s.label, Label::Person | Label::Loc);
    let mut kind: Vec<Option<Label>> = vec![None; groups.len()];
    for (s, &g) in spans.iter().zip(member.iter()) {
        if guess(s) && kind[g].is_none() {
            let (a, b) = token_range(tokens, s);
            kind[g] = kind_context(text, tokens, a, b);
        }
    }
    for (s, &g) in spans.iter_mut().zip(member.iter()) {
        if let Some(label) = &kind[g] {
            if guess(s) && s.label != *label {
                s.label = label.clone();
                s.source = Source::Rule;
            }
        }
    }

    // In a sports report, a place most of whose mentions stand where a team
    // would ("beat Boston", "Milwaukee committed 17 turnovers") is the team; so
    // is a one-word "person" no full name explains ("Betis coach", "a draw for
    // Betis against Villarreal").
    if sports_report {
        let club = |s: &Span<'_>, g: usize| {
            matches!(s.label, Label::Gpe | Label::Loc)
                || s.label == Label::Person && groups[g].votes.is_some() && !s.text.contains(' ')
        };
        let mut team = vec![0i32; groups.len()];
        for (s, &g) in spans.iter().zip(member.iter()) {
            if club(s, g) {
                let (a, b) = token_range(tokens, s);
                team[g] += team_mention(text, tokens, a, b).map_or(0, |t| if t { 1 } else { -1 });
            }
        }
        for (s, &g) in spans.iter_mut().zip(member.iter()) {
            if team[g] > 0 && club(s, g) {
                s.label = Label::Org;
                s.source = Source::Rule;
            }
        }
    }

    let added = spans.len() > linked;
    drop_unexplained_people(text, tokens, spans, &mut member, &groups, gaz);

    // Ids in order of first mention; spans were sorted before linking, so only
    // the added mentions need merging in.
    let mut order: Vec<usize> = (0..spans.len()).collect();
    if added {
        order.sort_by_key(|&i| (spans[i].start, std::cmp::Reverse(spans[i].end)));
    }
    let mut ids = vec![u32::MAX; groups.len()];
    let mut next = 0u32;
    for &i in &order {
        let g = member[i];
        if ids[g] == u32::MAX {
            ids[g] = next;
            next += 1;
        }
        spans[i].entity = Some(ids[g]);
    }
    if added {
        sort_spans(spans);
    }
}

/// Texts shorter than this are sentences or snippets, not articles: nothing says
/// their people were introduced by full name (GMB, WikiGold and UD English
/// sentences lost 0.4 to 0.9 points of F1 to [`drop_unexplained_people`]).
const MIN_ARTICLE_BYTES: usize = 600;

/// Drops one-word "people" that nothing in the article explains: no full name
/// ends or starts with the word (those mentions joined its group), no title
/// stands before any mention ("President Putin", "coach Slot"), and the word is
/// no common given name or surname. News introduces a person by full name, so
/// such a word is the model's guess for an unknown name: on the news sets 12 of
/// 118 were people; the rest were firms ("Shionogi", "Bulog"), places ("Tibú",
/// "Ryugu"), products ("Blackwell", "Casgevy"), festivals ("Berlinale") or
/// capitalized common words ("Backup", "Nearby").
fn drop_unexplained_people(
    text: &str,
    tokens: &[Token],
    spans: &mut Vec<Span<'_>>,
    member: &mut Vec<usize>,
    groups: &[Group],
    gaz: &Gazetteer,
) {
    if text.len() < MIN_ARTICLE_BYTES {
        return;
    }
    let explained = |s: &Span<'_>| {
        let (a, b) = token_range(tokens, s);
        let names = bit(Category::FirstName) | bit(Category::Surname);
        let title = bit(Category::Title) | bit(Category::TitleModifier);
        b - a > 1
            || s.source != Source::Model
            || gaz.categories_of_word(tokens[a].text(text)) & names != 0
            || a > 0 && gaz.categories_of_word(tokens[a - 1].text(text)) & title != 0
    };
    // Groups a full name decided (`votes` is None) are explained by it.
    let mut keep: Vec<bool> = groups.iter().map(|g| g.votes.is_none()).collect();
    for (s, &g) in spans.iter().zip(member.iter()) {
        if s.label != Label::Person || explained(s) {
            keep[g] = true;
        }
    }
    if keep.iter().all(|&k| k) {
        return;
    }
    let mut i = 0;
    spans.retain(|_| {
        i += 1;
        keep[member[i - 1]]
    });
    member.retain(|&g| keep[g]);
}

/// Finds "Long Form (ACR)" patterns, makes sure both parts are spans with one
/// label, and returns acronym → long form texts.
fn define_acronyms<'t>(
    text: &'t str,
    tokens: &[Token],
    spans: &mut Vec<Span<'t>>,
    covered: &mut [bool],
    gaz: &Gazetteer,
) -> FastMap<&'t str, &'t str> {
    let mut aliases = FastMap::default();
    // Spans come sorted; the ones added here go after them, out of order.
    let sorted = spans.len();
    for i in 1..tokens.len().saturating_sub(2) {
        if tokens[i].text(text) != "(" || tokens[i + 2].text(text) != ")" {
            continue;
        }
        let acr = tokens[i + 1];
        let by_initials = acronym_letters(acr.text(text))
            .and_then(|letters| long_form_start(text, tokens, i, &letters));
        // The span that ends right before "(": a tagged name the short form may
        // stand for, and the span that grows to an acronym's long form below.
        let before = find_span_ending(spans, sorted, tokens[i - 1].end as usize);
        // A short form of other letters of a tagged organization's name
        // ("Department for Environment, Food and Rural Affairs (Defra)", "Ghana
        // Cocoa Board (Cocobod)"), or one in another language after a name of two
        // words or more ("National Disaster Mitigation Agency (BNPB)", "Indonesian
        // Forum for the Environment (Walhi)"): one word of letters that no list
        // knows ("(France)" is where the firm is from).
        let by_tagged_name = || {
            let long = before.filter(|&l| spans[l].label == Label::Org)?;
            let (first, end) = token_range(tokens, &spans[long]);
            let short = acr.text(text);
            let other_language = end - first >= 2
                && (2..=8).contains(&short.len())
                && short.chars().all(char::is_alphabetic)
                && matches!(case_of(short), Case::Upper | Case::Title)
                && gaz.categories_of_word(short) == 0;
            (abbreviates(short, spans[long].text) || other_language).then_some(first)
        };
        let Some(first) = by_initials.or_else(by_tagged_name) else {
            continue;
        };
        let (long_start, long_end) = (tokens[first].start as usize, tokens[i - 1].end as usize);
        aliases
            .entry(acr.text(text))
            .or_insert(&text[long_start..long_end]);
        let mut long = find_span(spans, sorted, long_start, long_end);
        // "Organization of the" + "Petroleum Exporting Countries (OPEC)": a span
        // that ends the long form, with nothing tagged before it, grows to it.
        if long.is_none() {
            if let Some(l) = before {
                let inner = token_range(tokens, &spans[l]).0;
                if inner > first && !covered[first..inner].iter().any(|&c| c) {
                    if let Ok(mut grown) = Span::new(
                        text,
                        long_start,
                        long_end,
                        spans[l].label.clone(),
                        Source::Rule,
                    ) {
                        grown.score = spans[l].score;
                        spans[l] = grown;
                        covered[first..inner].fill(true);
                        long = Some(l);
                    }
                }
            }
        }
        let short = find_span(spans, sorted, acr.start as usize, acr.end as usize);
        let (label, score) = match (long, short) {
            (Some(l), _) => (spans[l].label.clone(), spans[l].score),
            (None, Some(s)) => (spans[s].label.clone(), spans[s].score),
            (None, None) => (Label::Org, 0.5),
        };
        if long.is_none() && !covered[first..i].iter().any(|&c| c) {
            if let Ok(mut s) = Span::new(text, long_start, long_end, label.clone(), Source::Rule) {
                s.score = score;
                spans.push(s);
                covered[first..i].fill(true);
            }
        }
        match short {
            Some(s) if spans[s].label != label => {
                spans[s].label = label.clone();
                spans[s].source = Source::Rule;
            }
            Some(_) => {}
            None if !covered[i + 1] => {
                if let Ok(mut s) = Span::new(
                    text,
                    acr.start as usize,
                    acr.end as usize,
                    label,
                    Source::Rule,
                ) {
                    s.score = score;
                    spans.push(s);
                    covered[i + 1] = true;
                }
            }
            None => {}
        }
    }
    aliases
}

/// The index of the first span from `start` to `end`: a binary search in the
/// sorted `spans[..sorted]`, then a scan of the few spans added after them (a
/// scan of all spans for every "(ACR)" made linking quadratic in the length of
/// the document).
fn find_span(spans: &[Span<'_>], sorted: usize, start: usize, end: usize) -> Option<usize> {
    let from = spans[..sorted].partition_point(|s| s.start < start);
    let in_sorted = spans[from..sorted]
        .iter()
        .take_while(|s| s.start == start)
        .position(|s| s.end == end)
        .map(|i| from + i);
    in_sorted.or_else(|| {
        spans[sorted..]
            .iter()
            .position(|s| s.start == start && s.end == end)
            .map(|i| sorted + i)
    })
}

/// Adds spans for uncovered, capitalized occurrences of known surfaces, given as
/// token ranges `(start, end, group)` of an occurrence already linked.
fn add_missed_mentions<'t>(
    text: &'t str,
    tokens: &[Token],
    spans: &mut Vec<Span<'t>>,
    member: &mut Vec<usize>,
    groups: &[Group],
    surfaces: Vec<(usize, usize, usize)>,
    covered: &mut [bool],
) {
    let surface = |&(a, b, _): &(usize, usize, usize)| {
        &text[tokens[a].start as usize..tokens[b - 1].end as usize]
    };
    // First occurrence of each capitalized surface, grouped by first word; each
    // group sorted longest first, then by text, so the first candidate that
    // matches is the longest and the choice does not depend on hashing.
    let mut seen: FastMap<&str, ()> = FastMap::default();
    let mut by_first: FastMap<&str, Vec<(usize, usize, usize)>> = FastMap::default();
    for s in surfaces {
        if s.1 > s.0
            && starts_capitalized(tokens[s.0].text(text))
            && seen.insert(surface(&s), ()).is_none()
        {
            by_first.entry(tokens[s.0].text(text)).or_default().push(s);
        }
    }
    if by_first.is_empty() {
        return;
    }
    for candidates in by_first.values_mut() {
        candidates.sort_by(|x, y| {
            (y.1 - y.0)
                .cmp(&(x.1 - x.0))
                .then_with(|| surface(x).cmp(surface(y)))
        });
    }
    let mut i = 0;
    while i < tokens.len() {
        let word = tokens[i].text(text);
        let candidates = match starts_capitalized(word) {
            true => by_first.get(word),
            false => None,
        };
        let Some(candidates) = candidates else {
            i += 1;
            continue;
        };
        // "J. Root" in a scorecard: a person's initial before the surname.
        let initial = |g: usize| {
            i > 0
                && !covered[i - 1]
                && groups[g].label == Label::Person
                && is_initial(tokens[i - 1].text(text))
        };
        let hit = candidates.iter().find(|&&(a, b, g)| {
            let len = b - a;
            i + len <= tokens.len()
                && !covered[i..i + len].iter().any(|&c| c)
                && tokens[a..b]
                    .iter()
                    .zip(&tokens[i..])
                    .all(|(w, t)| w.text(text) == t.text(text))
                && !continues_name_after(text, tokens, i + len)
                && (i == 0 || !continues_name_before(text, tokens, i) || initial(g))
        });
        match hit {
            Some(&(a, b, g)) => {
                let end = i + (b - a);
                let group = &groups[g];
                let first = if initial(g) { i - 1 } else { i };
                if let Ok(mut s) = Span::new(
                    text,
                    tokens[first].start as usize,
                    tokens[end - 1].end as usize,
                    group.label.clone(),
                    Source::Rule,
                ) {
                    s.score = group.score;
                    spans.push(s);
                    member.push(g);
                    covered[first..end].fill(true);
                }
                i = end;
            }
            None => i += 1,
        }
    }
}

/// True when the word starts with an upper-case letter (cheap: ASCII first).
fn starts_capitalized(word: &str) -> bool {
    match word.as_bytes().first() {
        Some(b) if b.is_ascii() => b.is_ascii_uppercase(),
        Some(_) => word.chars().next().is_some_and(char::is_uppercase),
        None => false,
    }
}

/// True when `token` is a capitalized word that would extend a name next to it
/// ("Putin" inside "Putin Street" is not a mention of Putin).
fn continues_name(text: &str, token: Token) -> bool {
    token.kind == TokenKind::Word && matches!(case_of(token.text(text)), Case::Title | Case::Upper)
}

/// True when the tokens from `i` on extend a name that ends before `i`: a
/// capitalized word, or a flush hyphen and one ("Okafor" in "Okafor-Lindqvist" is
/// part of another person's name).
fn continues_name_after(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(&next) = tokens.get(i) else {
        return false;
    };
    continues_name(text, next)
        || next.text(text) == "-"
            && tokens[i - 1].end == next.start
            && tokens
                .get(i + 1)
                .is_some_and(|&w| w.start == next.end && continues_name(text, w))
}

/// True when the tokens before `i` extend a name that starts at `i`: a
/// capitalized word, or one and a flush hyphen.
fn continues_name_before(text: &str, tokens: &[Token], i: usize) -> bool {
    let before = tokens[i - 1];
    continues_name(text, before)
        || before.text(text) == "-"
            && before.end == tokens[i].start
            && i >= 2
            && tokens[i - 2].end == before.start
            && continues_name(text, tokens[i - 2])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn span<'t>(text: &'t str, word: &str, nth: usize, label: Label) -> Span<'t> {
        let start = text.match_indices(word).nth(nth).unwrap().0;
        let mut s = Span::new(text, start, start + word.len(), label, Source::Model).unwrap();
        s.score = 0.9;
        s
    }

    #[test]
    fn one_word_people_need_a_full_name_a_title_or_a_known_name() {
        let body = "Demand for Casgevy doses rose, said Ayu Lestari. Lestari added that \
                    President Prabowo would visit. Reed said so too. ";
        // An article: long enough that its people were introduced by full name.
        let article = body.to_string() + &"Nothing else happened that day. ".repeat(20);
        let spans = |text| {
            [
                ("Casgevy", 0),
                ("Ayu Lestari", 0),
                ("Lestari", 1),
                ("Prabowo", 0),
                ("Reed", 0),
            ]
            .iter()
            .map(|&(w, nth)| span(text, w, nth, Label::Person))
            .collect()
        };
        let kept: Vec<String> = linked(&article, spans(&article))
            .into_iter()
            .map(|(text, ..)| text)
            .collect();
        // "Casgevy": no full name, no title, no known given name or surname.
        assert_eq!(kept, ["Ayu Lestari", "Lestari", "Prabowo", "Reed"]);
        // A sentence alone says nothing about how people were introduced.
        assert_eq!(linked(body, spans(body)).len(), 5);
    }

    #[test]
    fn renumber_makes_ids_dense_in_order_of_first_mention() {
        let text = "Kyiv and Lviv and Kyiv";
        let mut spans = vec![
            span(text, "Kyiv", 0, Label::Gpe),
            span(text, "Lviv", 0, Label::Gpe),
            span(text, "Kyiv", 1, Label::Gpe),
        ];
        for (s, id) in spans.iter_mut().zip([7, 3, 7]) {
            s.entity = Some(id);
        }
        renumber(&mut spans);
        let ids: Vec<_> = spans.iter().map(|s| s.entity).collect();
        assert_eq!(ids, [Some(0), Some(1), Some(0)]);
        let g = groups(&spans);
        assert_eq!(
            (g[0].name.as_str(), g[0].mentions.clone()),
            ("Kyiv", vec![0, 2])
        );
    }

    fn linked<'t>(text: &'t str, mut spans: Vec<Span<'t>>) -> Vec<(String, Label, u32, Source)> {
        let tokens = tokenize(text);
        sort_spans(&mut spans);
        link(text, &tokens, &mut spans, false);
        spans
            .iter()
            .map(|s| {
                (
                    s.text.to_string(),
                    s.label.clone(),
                    s.entity.unwrap(),
                    s.source,
                )
            })
            .collect()
    }

    #[test]
    fn acronym_definitions_link_later_uses() {
        let text = "The Joint Chiefs of Staff (JCS) met. Later the JCS said no.";
        let got = linked(
            text,
            vec![span(text, "Joint Chiefs of Staff", 0, Label::Org)],
        );
        assert_eq!(
            got,
            [
                ("Joint Chiefs of Staff".into(), Label::Org, 0, Source::Model),
                ("JCS".into(), Label::Org, 0, Source::Rule),
                ("JCS".into(), Label::Org, 0, Source::Rule),
            ]
        );
    }

    #[test]
    fn a_company_goes_by_its_first_word() {
        let text = "Whitfield Bancorp will buy it. Whitfield said so. Boston Scientific \
                    Corp. fell; Boston voted.";
        let got = linked(
            text,
            vec![
                span(text, "Whitfield Bancorp", 0, Label::Org),
                span(text, "Whitfield", 1, Label::Person),
                span(text, "Boston Scientific Corp.", 0, Label::Org),
                span(text, "Boston", 1, Label::Gpe),
            ],
        );
        let labels: Vec<_> = got
            .iter()
            .map(|(t, l, id, _)| (t.as_str(), l.clone(), *id))
            .collect();
        assert_eq!(
            labels,
            [
                ("Whitfield Bancorp", Label::Org, 0),
                ("Whitfield", Label::Org, 0),
                ("Boston Scientific Corp.", Label::Org, 1),
                ("Boston", Label::Gpe, 2),
            ]
        );
    }

    #[test]
    fn in_a_sports_report_a_one_word_person_where_a_team_stands_is_the_team() {
        let text = "Alcantara rescued a draw for Betis against Villarreal. Betis coach \
                    Ernesto Calvo was happy, and Betis face Fiorentina next.";
        let mut spans = vec![
            span(text, "Betis", 0, Label::Person),
            span(text, "Villarreal", 0, Label::Gpe),
            span(text, "Betis", 1, Label::Person),
            span(text, "Ernesto Calvo", 0, Label::Person),
        ];
        sort_spans(&mut spans);
        link(text, &tokenize(text), &mut spans, true);
        let got: Vec<_> = spans.iter().map(|s| (s.text, s.label.clone())).collect();
        assert!(got.contains(&("Ernesto Calvo", Label::Person)), "{got:?}");
        assert!(
            got.iter()
                .filter(|(t, _)| *t == "Betis")
                .all(|(_, l)| *l == Label::Org),
            "{got:?}"
        );
    }

    #[test]
    fn surnames_found_again_take_initials_but_not_hyphenated_names() {
        let text = "Ben Stokes and Erik Okafor spoke. Scores: B. Stokes 41. \
                    Nneka Okafor-Lindqvist wrote; Okafor agreed.";
        let got = linked(
            text,
            vec![
                span(text, "Ben Stokes", 0, Label::Person),
                span(text, "Erik Okafor", 0, Label::Person),
            ],
        );
        let texts: Vec<_> = got
            .iter()
            .map(|(t, l, id, _)| (t.as_str(), l.clone(), *id))
            .collect();
        assert_eq!(
            texts,
            [
                ("Ben Stokes", Label::Person, 0),
                ("Erik Okafor", Label::Person, 1),
                ("B. Stokes", Label::Person, 0),
                ("Okafor", Label::Person, 1),
            ]
        );
    }

    #[test]
    fn short_forms_of_other_letters_link_to_an_organization() {
        let text = "The Ghana Cocoa Board (Cocobod) said. Cocobod added.";
        let got = linked(text, vec![span(text, "Ghana Cocoa Board", 0, Label::Org)]);
        assert_eq!(
            got,
            [
                ("Ghana Cocoa Board".into(), Label::Org, 0, Source::Model),
                ("Cocobod".into(), Label::Org, 0, Source::Rule),
                ("Cocobod".into(), Label::Org, 0, Source::Rule),
            ]
        );
        assert!(abbreviates(
            "Defra",
            "Department for Environment, Food and Rural Affairs"
        ));
        assert!(!abbreviates("Fox", "Ghana Cocoa Board"));
        assert!(!abbreviates("Gx", "Ghana Cocoa Board"));
        // A short form in another language, right after an organization's name;
        // not a place in parentheses, nor after a one-word name.
        let text = "the National Disaster Mitigation Agency (BNPB) said. BNPB added.";
        let got = linked(
            text,
            vec![span(
                text,
                "National Disaster Mitigation Agency",
                0,
                Label::Org,
            )],
        );
        assert_eq!(got.len(), 3);
        assert!(got[1..].iter().all(|g| g.0 == "BNPB" && g.1 == Label::Org));
        for (text, name) in [
            ("the Eramet Group (France) said", "Eramet Group"),
            ("Eramet (Paris) said", "Eramet"),
            ("Eramet (BNPB) said", "Eramet"),
        ] {
            let got = linked(text, vec![span(text, name, 0, Label::Org)]);
            assert_eq!(got.len(), 1, "{text}");
        }
        // Only an organization's: a person's name in parentheses is no alias.
        let text = "said Ann Roe (Annro) today";
        let got = linked(text, vec![span(text, "Ann Roe", 0, Label::Person)]);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn acronym_found_without_the_tagger() {
        let text = "the International Atomic Energy Agency (IAEA) said";
        let got = linked(text, vec![]);
        assert_eq!(got[0].0, "International Atomic Energy Agency");
        assert_eq!(got[1].0, "IAEA");
        assert_eq!((got[0].2, got[1].2), (0, 0));
        // Initials that do not match define nothing.
        assert!(linked("the Security Council (UNSC) met", vec![]).is_empty());
        // A span the tagger stopped short of the long form grows to it.
        let text = "in the Organization of the Petroleum Exporting Countries (OPEC) after";
        let got = linked(
            text,
            vec![span(text, "Petroleum Exporting Countries", 0, Label::Org)],
        );
        assert_eq!(
            got[0].0,
            "Organization of the Petroleum Exporting Countries"
        );
        assert_eq!((got[1].0.as_str(), got.len()), ("OPEC", 2));
    }

    #[test]
    fn surnames_join_full_names() {
        let text =
            "Volodymyr Zelenskiy met Vladimir Putin. Zelenskiy said Putin lied. Putin's aide left.";
        let got = linked(
            text,
            vec![
                span(text, "Volodymyr Zelenskiy", 0, Label::Person),
                span(text, "Vladimir Putin", 0, Label::Person),
                span(text, "Zelenskiy", 1, Label::Org),
            ],
        );
        let got: Vec<_> = got
            .iter()
            .map(|(t, l, id, _)| (t.as_str(), l.clone(), *id))
            .collect();
        assert_eq!(
            got,
            [
                ("Volodymyr Zelenskiy", Label::Person, 0),
                ("Vladimir Putin", Label::Person, 1),
                ("Zelenskiy", Label::Person, 0),
                ("Putin", Label::Person, 1),
                ("Putin", Label::Person, 1),
            ]
        );
        // A hyphenated surname links whole, not its last piece.
        let text = "Lisa Harrington-Bell spoke. Harrington-Bell said no. Bell rang.";
        let got = linked(
            text,
            vec![span(text, "Lisa Harrington-Bell", 0, Label::Person)],
        );
        let texts: Vec<_> = got.iter().map(|(t, _, id, _)| (t.as_str(), *id)).collect();
        assert_eq!(texts, [("Lisa Harrington-Bell", 0), ("Harrington-Bell", 0)]);
        // A last word that is a state stays the state when it stands alone.
        let text = "Fondomonte Arizona sued. Water in Arizona is scarce.";
        let got = linked(
            text,
            vec![
                span(text, "Fondomonte Arizona", 0, Label::Person),
                span(text, "Arizona", 1, Label::Gpe),
            ],
        );
        assert_eq!(got[1].1, Label::Gpe);
        assert_ne!(got[0].2, got[1].2);
    }

    #[test]
    fn same_text_same_label_shares_an_id_and_groups_list_them() {
        let text = "Reuters reported. Kyiv said Reuters was wrong about Kyiv.";
        let mut spans = vec![
            span(text, "Reuters", 0, Label::Org),
            span(text, "Kyiv", 0, Label::Gpe),
        ];
        let tokens = tokenize(text);
        link(text, &tokens, &mut spans, false);
        let ids: Vec<_> = spans.iter().map(|s| (s.text, s.entity.unwrap())).collect();
        assert_eq!(
            ids,
            [("Reuters", 0), ("Kyiv", 1), ("Reuters", 0), ("Kyiv", 1)]
        );
        let g = groups(&spans);
        assert_eq!(g.len(), 2);
        assert_eq!(
            (g[0].name.as_str(), g[0].mentions.clone()),
            ("Reuters", vec![0, 2])
        );
        assert_eq!(g[1].label, Label::Gpe);
    }

    #[test]
    fn one_surface_takes_the_label_its_mentions_favour() {
        let text = "Talks over Damascus ended. Damascus will take over. Troops left Damascus.";
        let scored = |nth, label, score| {
            let mut s = span(text, "Damascus", nth, label);
            s.score = score;
            s
        };
        let spans = vec![
            scored(0, Label::Gpe, 0.8),
            scored(1, Label::Person, 0.4),
            scored(2, Label::Gpe, 0.7),
        ];
        let got = linked(text, spans);
        let labels: Vec<_> = got.iter().map(|(_, l, id, _)| (l.clone(), *id)).collect();
        assert_eq!(labels, vec![(Label::Gpe, 0); 3]);
        // The doubtful mention was relabelled by the rule; the others kept theirs.
        assert_eq!(got[1].3, Source::Rule);
        assert_eq!(got[0].3, Source::Model);

        // A confident person outvotes two doubtful places.
        let spans = vec![
            scored(0, Label::Gpe, 0.3),
            scored(1, Label::Person, 0.9),
            scored(2, Label::Gpe, 0.3),
        ];
        let got = linked(text, spans);
        assert!(got.iter().all(|(_, l, _, _)| *l == Label::Person));
    }

    #[test]
    fn names_inside_longer_names_are_not_linked() {
        let text = "Vladimir Putin spoke. Putin Street was closed.";
        let got = linked(text, vec![span(text, "Vladimir Putin", 0, Label::Person)]);
        assert_eq!(got.len(), 1);
    }

    #[test]
    fn empty_input() {
        assert!(linked("", vec![]).is_empty());
        assert!(linked("( ) (", vec![]).is_empty());
        assert!(groups(&[]).is_empty());
    }
}
