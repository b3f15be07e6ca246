//! The reference date relative expressions resolve against, and where it came from.
//!
//! Order of precedence: the caller's explicit date, then a date found in the article
//! itself (dateline, "Published …" line), then the caller's idea of today, flagged as
//! a guess. The core never reads a clock: wasm32 has none, and output must be
//! deterministic (DESIGN.md invariant 6), so "today" is passed in by the front end.

use super::calendar::DateTime;
use serde::{Deserialize, Serialize};

/// Where the reference date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RefDateSource {
    /// Given by the caller (`--ref-date`, the API option, the user in the page).
    Given,
    /// Found in a dateline ("BUDAPEST, Nov 24 (Reuters)", "Friday, 24 Jan 2025").
    Dateline,
    /// Found in a "Published …" / "Updated …" line or page metadata.
    Published,
    /// Nothing found: the caller's current date, a guess.
    Today,
    #[default]
    /// Nothing found and no current date given: 1970-01-01, relative dates are unreliable.
    Unknown,
}

/// The date an article's relative expressions are resolved against.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RefDate {
    /// The date (and time, midnight when unknown).
    pub datetime: DateTime,
    /// Where it came from.
    pub source: RefDateSource,
    /// Byte range of the text it was read from, for datelines and "Published" lines.
    pub found_at: Option<(u32, u32)>,
}

impl RefDate {
    /// True when the date was not stated by the caller or the article.
    pub fn is_guess(&self) -> bool {
        matches!(self.source, RefDateSource::Today | RefDateSource::Unknown)
    }
}

/// Lines of the article searched for a dateline or "Published" line.
const HEAD_LINES: usize = 6;
/// Bytes of the article searched at most.
const HEAD_BYTES: usize = 1500;

/// Words that introduce the article's own date.
const PUBLISHED: &[&str] = &[
    "published",
    "posted",
    "first published",
    "updated",
    "last updated",
];

/// Finds the article's date in its first lines: a "Published …"/"Updated …" line,
/// a dateline ("SEOUL, Jan 24 (Reuters) -"), or a line that is only a date
/// ("Friday, 24 Jan 2025"). A date without a year ("BUDAPEST, Nov 24 (Reuters)")
/// takes the year that puts it on or before `today` (the most recent Nov 24); with
/// no `today` it is ignored, as a year cannot be guessed from the text alone.
/// "Published" beats "Updated" beats a dateline.
pub fn detect(
    text: &str,
    tokens: &[crate::text::Token],
    sentences: &[crate::text::Sentence],
    today: Option<DateTime>,
) -> Option<RefDate> {
    use super::calendar::Date;
    use super::date::Dates;
    use super::view::View;

    // Where a date may start: after a "Published" word, or at a line's start.
    // Found from the token texts alone, so that the lexicon view and the date
    // parser below only see the few tokens after them: looking every head token up
    // cost as much per article as tokenizing it.
    let mut candidates: Vec<(usize, Option<usize>, bool)> = Vec::new();
    let mut head_end = tokens.len();
    let mut line = 0;
    for (i, t) in tokens.iter().enumerate() {
        let new_line = i > 0 && line_break_between(text, &tokens[i - 1], t);
        if new_line {
            line += 1;
        }
        if t.start as usize > HEAD_BYTES || line >= HEAD_LINES {
            head_end = i;
            break;
        }
        let keyword = published_at(text, &tokens[i..]);
        if keyword.is_some() || i == 0 || new_line {
            candidates.push((i, keyword, i == 0 || new_line));
        }
    }
    let &(last, _, _) = candidates.last()?;
    // The longest date form ("Updated: Jan. 24, 2025 3:04 p.m. ET") is far shorter.
    let view_end = head_end.min(last + 32);
    let unknown = RefDate {
        datetime: DateTime::midnight(Date::new(1970, 1, 1).expect("the epoch is a valid date")),
        source: RefDateSource::Unknown,
        found_at: None,
    };
    let v = View::new(text, &tokens[..view_end], sentences, unknown);
    let dates = Dates::new(&v);

    // A date found at token `i`: a resolved instant, or month/day completed by `today`.
    let date_at = |i: usize| -> Option<(DateTime, usize)> {
        let p = dates.temporal(i)?;
        if let Some((start, _)) = p.period.bounds {
            let single_day = p.day().is_some();
            let with_time = p.period.kind != super::period::TimeKind::Date;
            return (single_day || with_time).then_some((start, p.end));
        }
        // "XXXX-11-24": complete with today's year.
        let t = p.period.timex.as_bytes();
        if t.len() == 10 && t.starts_with(b"XXXX-") && t[7] == b'-' {
            let m = super::numeral::digits(&p.period.timex[5..7])?;
            let d = super::numeral::digits(&p.period.timex[8..10])?;
            let now = today?;
            let y = (now.date.year - 1..=now.date.year)
                .rev()
                .find(|&y| Date::new(y, m, d).is_some_and(|c| c <= now.date))?;
            return Some((DateTime::midnight(Date::new(y, m, d)?), p.end));
        }
        None
    };
    let found = |source: RefDateSource, i: usize, (datetime, end): (DateTime, usize)| RefDate {
        datetime,
        source,
        found_at: Some((tokens[i].start, tokens[end - 1].end)),
    };
    // True when a dateline's date ending before token `i` closes it.
    let closes_at = |i: usize| {
        i >= head_end
            || line_break_between(text, &tokens[i - 1], &tokens[i])
            || v.punct(i, '(')
            || v.punct(i, '-')
            || v.punct(i, '/')
    };

    let mut best: Option<(u8, RefDate)> = None;
    for (i, keyword, at_line_start) in candidates {
        // "Published 24 January 2025", "Updated: Jan. 24, 2025 3:04 p.m. ET"
        if let Some(k) = keyword {
            let rank = if k < 3 { 3 } else { 2 };
            let mut j = i + PUBLISHED[k].split(' ').count();
            while j < view_end
                && j < i + 6
                && !v.is_number(j)
                && v.entry(j) == super::lexicon::Entry::NONE
            {
                j += 1; // ":", "on", "at"
            }
            for start in j..(j + 4).min(view_end) {
                if let Some(d) = date_at(start) {
                    if best.as_ref().is_none_or(|(r, _)| *r < rank) {
                        best = Some((rank, found(RefDateSource::Published, start, d)));
                    }
                    break;
                }
            }
            continue;
        }
        // Datelines: "SEOUL, Jan 24 (Reuters) -", and lines that are only a date.
        if at_line_start && best.is_none() {
            // Skip an upper-case place name and its comma.
            let mut j = i;
            while j < view_end
                && j < i + 5
                && v.capitalized(j)
                && !v.line_break_before(j + 1)
                && date_at(j).is_none()
            {
                j += 1;
            }
            if j > i && v.punct(j, ',') {
                j += 1;
            }
            if let Some(d) = date_at(j) {
                if closes_at(d.1) {
                    best = Some((1, found(RefDateSource::Dateline, j, d)));
                }
            }
        }
    }
    best.map(|(_, r)| r)
}

/// True when the gap between two adjacent tokens breaks the line.
fn line_break_between(text: &str, before: &crate::text::Token, after: &crate::text::Token) -> bool {
    let gap = &text[before.end as usize..after.start as usize];
    // Nearly every gap is one space or none.
    !matches!(gap.as_bytes(), [] | [b' ']) && gap.contains(['\n', '\r', '\u{2028}', '\u{2029}'])
}

/// The index in [`PUBLISHED`] of the phrase starting at `tokens[0]`, compared
/// without regard to ASCII case.
fn published_at(text: &str, tokens: &[crate::text::Token]) -> Option<usize> {
    // Nearly every token starts with another letter.
    let first = tokens.first()?.text(text).as_bytes();
    if !matches!(first.first()? | 0x20, b'p' | b'f' | b'u' | b'l') {
        return None;
    }
    PUBLISHED.iter().position(|phrase| {
        phrase.split(' ').count() <= tokens.len()
            && phrase
                .split(' ')
                .zip(tokens)
                .all(|(w, t)| t.text(text).eq_ignore_ascii_case(w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{split_sentences, tokenize};

    fn detect_in(text: &str, today: Option<&str>) -> Option<(String, RefDateSource, String)> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let today = today.map(|t| DateTime::parse(t).unwrap());
        detect(text, &tokens, &sentences, today).map(|r| {
            let (s, e) = r.found_at.unwrap();
            (
                r.datetime.to_string(),
                r.source,
                text[s as usize..e as usize].to_string(),
            )
        })
    }

    #[test]
    fn datelines() {
        let got = detect_in(
            "SEOUL, Jan 24 (Reuters) - South Korea's military said",
            Some("2025-03-01"),
        )
        .unwrap();
        assert_eq!(
            got,
            (
                "2025-01-24T00:00:00".into(),
                RefDateSource::Dateline,
                "Jan 24".into()
            )
        );
        // Without a year and without today, a dateline says nothing usable.
        assert_eq!(
            detect_in("BUDAPEST, Nov 24 (Reuters) - Hungary said", None),
            None
        );
        // The most recent Nov 24 on or before today.
        let got = detect_in(
            "BUDAPEST, Nov 24 (Reuters) - Hungary said",
            Some("2025-01-24"),
        )
        .unwrap();
        assert_eq!(got.0, "2024-11-24T00:00:00");
        let got = detect_in("Friday, 24 Jan 2025\n\nThe ministry said on Friday.", None).unwrap();
        assert_eq!(
            got,
            (
                "2025-01-24T00:00:00".into(),
                RefDateSource::Dateline,
                "Friday, 24 Jan 2025".into()
            )
        );
    }

    #[test]
    fn published_lines_win() {
        let text = "Markets rally\nUpdated 10:32 AM EST, Sat January 25, 2025\nPublished: Jan. 24, 2025\nStocks rose on Friday.";
        let got = detect_in(text, None).unwrap();
        assert_eq!(got.1, RefDateSource::Published);
        assert_eq!(got.0, "2025-01-24T00:00:00");
        assert_eq!(got.2, "Jan. 24, 2025");
        let got = detect_in("Posted on 2025-01-24T15:04\nText.", None).unwrap();
        assert_eq!(got.0, "2025-01-24T15:04:00");
    }

    #[test]
    fn nothing_to_find() {
        assert_eq!(detect_in("", None), None);
        assert_eq!(
            detect_in("The ministry said on Friday that 3,000 troops left.", None),
            None
        );
        assert_eq!(detect_in("WASHINGTON (AP) — Lawmakers met.", None), None);
        // A phrase's first word at the very end, and a keyword with no date after it.
        assert_eq!(detect_in("Markets rally.\nLast", None), None);
        assert_eq!(detect_in("Markets rally.\nLast updated", None), None);
        let long = "word ".repeat(10_000);
        assert_eq!(detect_in(&long, None), None);
    }
}
