//! Numbers, money, percentages, quantities, dates, times, durations and sets in
//! news sentences, with their normalized values, resolved against an article
//! dated Friday 24 January 2025; stability under punctuation and case; and
//! adversarial input that must neither panic nor hang.

use lede::values::{self, DateTime};
use lede::{RefDate, RefDateSource, Span};
use proptest::prelude::*;

/// The article's date: Friday, 24 January 2025.
fn friday() -> RefDate {
    RefDate {
        datetime: DateTime::parse("2025-01-24").unwrap(),
        source: RefDateSource::Given,
        found_at: None,
    }
}

fn spans(text: &str) -> Vec<Span<'_>> {
    let tokens = lede::text::tokenize(text);
    let sentences = lede::text::split_sentences(text, &tokens);
    values::recognize(text, &tokens, &sentences, &friday())
}

/// The spans of `text` as (text, label, value JSON).
fn found(text: &str) -> Vec<(String, String, String)> {
    spans(text)
        .iter()
        .map(|s| {
            assert_eq!(&text[s.range()], s.text, "offsets slice to the span text");
            (
                s.text.to_string(),
                s.label.as_str().to_string(),
                serde_json::to_string(s.value.as_ref().expect("every value span has a value"))
                    .unwrap(),
            )
        })
        .collect()
}

/// Checks that each `(text, label, value)` is among the spans of `sentence`.
fn expect(sentence: &str, wanted: &[(&str, &str, &str)]) {
    let got = found(sentence);
    for (text, label, value) in wanted {
        let hit = got.iter().find(|(t, _, _)| t == text);
        let Some((_, l, v)) = hit else {
            panic!("{text:?} not found in {sentence:?}; got {got:#?}");
        };
        assert_eq!(
            (l.as_str(), v.as_str()),
            (*label, *value),
            "{text:?} in {sentence:?}"
        );
    }
}

#[test]
fn numbers_in_the_news() {
    expect(
        "North Korea has deployed about 11,000 soldiers to Russia's Kursk region, Seoul said.",
        &[(
            "about 11,000",
            "CARDINAL",
            r#"{"kind":"number","number":11000,"mod":"approx"}"#,
        )],
    );
    expect(
        "More than 3,000 people were killed in the fighting, officials said.",
        &[(
            "More than 3,000",
            "CARDINAL",
            r#"{"kind":"number","number":3000,"mod":"more_than"}"#,
        )],
    );
    expect(
        "A dozen protesters and forty-five police officers were injured.",
        &[
            ("A dozen", "CARDINAL", r#"{"kind":"number","number":12}"#),
            ("forty-five", "CARDINAL", r#"{"kind":"number","number":45}"#),
        ],
    );
    expect(
        "The city of 1.2 million spends a third of its budget on schools.",
        &[
            (
                "1.2 million",
                "CARDINAL",
                r#"{"kind":"number","number":1200000}"#,
            ),
            (
                "a third",
                "CARDINAL",
                r#"{"kind":"number","number":0.3333333333333333}"#,
            ),
        ],
    );
    expect(
        "Between 5 and 7 people are expected, and 10 to 12 more next week.",
        &[
            (
                "Between 5 and 7",
                "CARDINAL",
                r#"{"kind":"number_range","from":5,"to":7}"#,
            ),
            (
                "10 to 12",
                "CARDINAL",
                r#"{"kind":"number_range","from":10,"to":12}"#,
            ),
        ],
    );
    expect(
        "She finished first in the 21st stage of the race.",
        &[
            ("first", "ORDINAL", r#"{"kind":"ordinal","number":1}"#),
            ("21st", "ORDINAL", r#"{"kind":"ordinal","number":21}"#),
        ],
    );
}

#[test]
fn money_percent_quantity() {
    expect(
        "The carmaker reported a net loss of 3.499 billion euros for the year.",
        &[(
            "3.499 billion euros",
            "MONEY",
            r#"{"kind":"money","amount":3499000000,"currency":"EUR"}"#,
        )],
    );
    // An amount and its conversion are two spans.
    expect(
        "The fund raised 187 million euros ($195 million) in its first round.",
        &[
            (
                "187 million euros",
                "MONEY",
                r#"{"kind":"money","amount":187000000,"currency":"EUR"}"#,
            ),
            (
                "$195 million",
                "MONEY",
                r#"{"kind":"money","amount":195000000,"currency":"USD"}"#,
            ),
        ],
    );
    expect(
        "Microsoft agreed to pay $3.5 billion; Tokyo lunches cost ¥1,000 and tickets £20.",
        &[
            (
                "$3.5 billion",
                "MONEY",
                r#"{"kind":"money","amount":3500000000,"currency":"USD"}"#,
            ),
            (
                "¥1,000",
                "MONEY",
                r#"{"kind":"money","amount":1000,"currency":"JPY"}"#,
            ),
            (
                "£20",
                "MONEY",
                r#"{"kind":"money","amount":20,"currency":"GBP"}"#,
            ),
        ],
    );
    expect(
        "Raw sugar futures settled at 16.73 cents a pound, and the group borrowed 3bn dollars.",
        &[
            (
                "16.73 cents a pound",
                "MONEY",
                r#"{"kind":"money","amount":0.1673,"currency":"USD","per":"lb"}"#,
            ),
            (
                "3bn dollars",
                "MONEY",
                r#"{"kind":"money","amount":3000000000,"currency":"USD"}"#,
            ),
        ],
    );
    expect(
        "Industrial output rose 7.6% y/y, while 46 percent of firms reported higher costs.",
        &[
            ("7.6%", "PERCENT", r#"{"kind":"percent","number":7.6}"#),
            ("46 percent", "PERCENT", r#"{"kind":"percent","number":46}"#),
        ],
    );
    expect(
        "The port handled 250,000 tons of grain, a 5 km queue formed and it was 30 degrees Celsius.",
        &[
            ("250,000 tons", "QUANTITY", r#"{"kind":"quantity","amount":250000,"unit":"t"}"#),
            ("5 km", "QUANTITY", r#"{"kind":"quantity","amount":5,"unit":"km"}"#),
            ("30 degrees Celsius", "QUANTITY", r#"{"kind":"quantity","amount":30,"unit":"°C"}"#),
        ],
    );
}

#[test]
fn dates_resolved_against_the_article() {
    expect(
        "The harvest last autumn was poor, and prices rose in October.",
        &[
            (
                "last autumn",
                "DATE",
                r#"{"kind":"date","timex":"2024-FA","start":"2024-09-01","end":"2024-12-01"}"#,
            ),
            (
                "October",
                "DATE",
                r#"{"kind":"date","timex":"2024-10","start":"2024-10-01","end":"2024-11-01"}"#,
            ),
        ],
    );
    // The same month in a future clause is the coming one.
    expect(
        "Talks will resume in October.",
        &[(
            "October",
            "DATE",
            r#"{"kind":"date","timex":"2025-10","start":"2025-10-01","end":"2025-11-01"}"#,
        )],
    );
    expect(
        "Growth slowed in mid-2023 and talks will resume early next week.",
        &[
            (
                "mid-2023",
                "DATE",
                r#"{"kind":"date","timex":"2023","start":"2023-05-01","end":"2023-09-01","mod":"mid"}"#,
            ),
            (
                "early next week",
                "DATE",
                r#"{"kind":"date","timex":"2025-W05","start":"2025-01-27","end":"2025-01-30","mod":"start"}"#,
            ),
        ],
    );
    expect(
        "Inflation in the 1990s was higher than in Q3 2024 or the second quarter.",
        &[
            (
                "the 1990s",
                "DATE",
                r#"{"kind":"date","timex":"199X","start":"1990-01-01","end":"2000-01-01"}"#,
            ),
            (
                "Q3 2024",
                "DATE",
                r#"{"kind":"date","timex":"2024-Q3","start":"2024-07-01","end":"2024-10-01"}"#,
            ),
            (
                "the second quarter",
                "DATE",
                r#"{"kind":"date","timex":"2024-Q2","start":"2024-04-01","end":"2024-07-01"}"#,
            ),
        ],
    );
    expect(
        "Exports fell last year, data released on Jan. 24 showed.",
        &[
            (
                "last year",
                "DATE",
                r#"{"kind":"date","timex":"2024","start":"2024-01-01","end":"2025-01-01"}"#,
            ),
            (
                "Jan. 24",
                "DATE",
                r#"{"kind":"date","timex":"2025-01-24","start":"2025-01-24","end":"2025-01-25"}"#,
            ),
        ],
    );
    expect(
        "The agreement was signed on 24 Jan 2025 and took effect 2025-01-24.",
        &[
            (
                "24 Jan 2025",
                "DATE",
                r#"{"kind":"date","timex":"2025-01-24","start":"2025-01-24","end":"2025-01-25"}"#,
            ),
            (
                "2025-01-24",
                "DATE",
                r#"{"kind":"date","timex":"2025-01-24","start":"2025-01-24","end":"2025-01-25"}"#,
            ),
        ],
    );
    expect(
        "Prices have doubled since 2014, and elections were held in 2023.",
        &[
            (
                "2014",
                "DATE",
                r#"{"kind":"date","timex":"2014","start":"2014-01-01","end":"2015-01-01"}"#,
            ),
            (
                "2023",
                "DATE",
                r#"{"kind":"date","timex":"2023","start":"2023-01-01","end":"2024-01-01"}"#,
            ),
        ],
    );
    expect(
        "The economy grew this year after shrinking over the past decade.",
        &[
            (
                "this year",
                "DATE",
                r#"{"kind":"date","timex":"2025","start":"2025-01-01","end":"2026-01-01"}"#,
            ),
            (
                "the past decade",
                "DATE",
                r#"{"kind":"date","timex":"(2015-01-24,2025-01-24,P10Y)","start":"2015-01-24","end":"2025-01-24"}"#,
            ),
        ],
    );
    expect(
        "Two days ago, police arrested three men; last week a court freed them.",
        &[
            (
                "Two days ago",
                "DATE",
                r#"{"kind":"date","timex":"2025-01-22","start":"2025-01-22","end":"2025-01-23"}"#,
            ),
            (
                "last week",
                "DATE",
                r#"{"kind":"date","timex":"2025-W03","start":"2025-01-13","end":"2025-01-20"}"#,
            ),
        ],
    );
    // "2014 to 2018" includes 2018; the timex names the two years as points.
    expect(
        "He was governor from 2014 to 2018.",
        &[(
            "from 2014 to 2018",
            "DATE",
            r#"{"kind":"date","timex":"(2014-01-01,2018-01-01,P4Y)","start":"2014-01-01","end":"2019-01-01"}"#,
        )],
    );
}

#[test]
fn weekdays_follow_tense() {
    // The article is dated Friday: "on Friday" in the past is that very day.
    expect(
        "The minister resigned on Friday, and the cabinet met on Wednesday.",
        &[
            (
                "Friday",
                "DATE",
                r#"{"kind":"date","timex":"2025-01-24","start":"2025-01-24","end":"2025-01-25"}"#,
            ),
            (
                "Wednesday",
                "DATE",
                r#"{"kind":"date","timex":"2025-01-22","start":"2025-01-22","end":"2025-01-23"}"#,
            ),
        ],
    );
    expect(
        "The cabinet will meet on Wednesday.",
        &[(
            "Wednesday",
            "DATE",
            r#"{"kind":"date","timex":"2025-01-29","start":"2025-01-29","end":"2025-01-30"}"#,
        )],
    );
}

#[test]
fn times_durations_sets() {
    expect(
        "The minister will speak at 3pm; the briefing is at 15:00 GMT.",
        &[
            ("3pm", "TIME", r#"{"kind":"time","timex":"T15"}"#),
            ("15:00 GMT", "TIME", r#"{"kind":"time","timex":"T15:00"}"#),
        ],
    );
    expect(
        "Fighting continued late on Wednesday after four months of talks.",
        &[
            (
                "late on Wednesday",
                "TIME",
                r#"{"kind":"datetime","timex":"2025-01-22","start":"2025-01-22T12:00:00","end":"2025-01-23T00:00:00","mod":"end"}"#,
            ),
            (
                "four months",
                "DURATION",
                r#"{"kind":"duration","timex":"P4M"}"#,
            ),
        ],
    );
    expect(
        "He served 15 years in prison, nearly a decade of it alone.",
        &[
            (
                "15 years",
                "DURATION",
                r#"{"kind":"duration","timex":"P15Y"}"#,
            ),
            (
                "nearly a decade",
                "DURATION",
                r#"{"kind":"duration","timex":"P10Y","mod":"approx"}"#,
            ),
        ],
    );
    expect(
        "The market opens every Monday and the report is published annually.",
        &[
            (
                "every Monday",
                "SET",
                r#"{"kind":"set","timex":"XXXX-WXX-1"}"#,
            ),
            ("annually", "SET", r#"{"kind":"set","timex":"P1Y"}"#),
        ],
    );
}

#[test]
fn spans_are_sorted_and_do_not_overlap() {
    let text = "About 11,000 troops arrived last week; 3,000 more came on Friday at 3pm, \
                costing $3.5 billion, up 7.6% from 2023 to 2024.";
    let got = spans(text);
    assert!(got.len() >= 7, "{got:#?}");
    for pair in got.windows(2) {
        assert!(
            pair[0].end <= pair[1].start,
            "{:?} overlaps {:?}",
            pair[0].text,
            pair[1].text
        );
    }
    for s in &got {
        assert_eq!(s.source, lede::Source::Rule);
        assert!(s.score > 0.0 && s.score <= 1.0);
    }
}

#[test]
fn no_values_in_plain_prose() {
    for text in [
        "",
        "   \n\t ",
        "The president met the prime minister in Kyiv.",
        "No one may leave; this one is mine.",
        "👍🏽 東京 שָׁלוֹם café",
        "Theresa May said the march would go ahead.",
    ] {
        assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
    }
}

#[test]
fn unknown_reference_date_leaves_relative_dates_open() {
    let text = "Exports fell last year and rose on Friday, in October.";
    let tokens = lede::text::tokenize(text);
    let sentences = lede::text::split_sentences(text, &tokens);
    let unknown = RefDate {
        datetime: DateTime::parse("1970-01-01").unwrap(),
        source: RefDateSource::Unknown,
        found_at: None,
    };
    let timexes: Vec<String> = values::recognize(text, &tokens, &sentences, &unknown)
        .iter()
        .map(|s| {
            serde_json::to_value(s.value.as_ref().unwrap()).unwrap()["timex"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(timexes, ["XXXX", "XXXX-WXX-5", "XXXX-10"]);
}

// ----- adversarial input ---------------------------------------------------

#[test]
fn huge_numbers_and_lists_do_not_panic() {
    let digits = "9".repeat(100_000);
    let _ = spans(&digits);
    let ones = "1,".repeat(50_000);
    let got = spans(&ones);
    assert!(!got.is_empty());
    let long_decimal = format!("0.{}", "3".repeat(100_000));
    let _ = spans(&long_decimal);
    let mixed = "1 2 3 4 5 6 7 8 9 10 ".repeat(5_000);
    let _ = spans(&mixed);
}

#[test]
fn nested_and_runaway_ranges_stay_linear() {
    let nested = "between between 1 and 2 and 3 and ".repeat(5_000);
    let _ = spans(&nested);
    let chain = "from 2014 to 2015 to 2016 to ".repeat(5_000);
    let _ = spans(&chain);
    let hyphens = "1-2-3-4-5-6-7-8-9-".repeat(5_000);
    let _ = spans(&hyphens);
    let words = "one hundred and ".repeat(5_000);
    let _ = spans(&words);
}

#[test]
fn impossible_dates_and_extreme_years() {
    expect(
        "The deal was dated February 30, 2025 by mistake.",
        &[(
            "February 30, 2025",
            "DATE",
            r#"{"kind":"date","timex":"2025-02-30"}"#,
        )],
    );
    for text in [
        "in the year 0",
        "in the year 99999",
        "on January 1, 0000",
        "99999-12-31",
        "0000-01-01",
        "9999-12-31 and the next day",
        "between 9999 and 10000",
        "Q4 9999, the 9990s and the 100th century",
        "31/12/9999 at 23:59",
    ] {
        let _ = found(text);
    }
}

// ----- stability under punctuation and case --------------------------------

/// Expressions whose value must not change with surrounding punctuation or case.
const STABLE: &[&str] = &[
    "about 11,000",
    "more than 3,000",
    "$3.5 billion",
    "46 percent",
    "7.6%",
    "250,000 tons",
    "last week",
    "last autumn",
    "four months",
    "every Monday",
    "24 Jan 2025",
    "2025-01-24",
    "the 1990s",
    "Q3 2024",
];

/// The value of the span covering `phrase_lower` (a quote glued to a number may
/// ride along: the tokenizer keeps "'250,000" whole, as it must for "'90s").
fn value_of(text: &str, phrase_lower: &str) -> Option<String> {
    spans(text)
        .iter()
        .find(|s| {
            let t = s.text.to_lowercase();
            t == phrase_lower || t.trim_start_matches(['\'', '’']) == phrase_lower
        })
        .map(|s| serde_json::to_string(s.value.as_ref().unwrap()).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn values_survive_punctuation_and_case(
        k in 0..STABLE.len(),
        // No lone "'" before: "'46" reads as 1946, a genuine ambiguity.
        before in prop::sample::select(vec!["", "(", "\"", "“", "— ", "Reported ", "«", "["]),
        after in prop::sample::select(vec!["", ".", ",", ")", "\"", "”", "!", "?", ";", " and then"]),
        case in 0..3u8,
    ) {
        let phrase = STABLE[k];
        let cased = match case {
            0 => phrase.to_string(),
            1 => phrase.to_uppercase(),
            _ => phrase.to_lowercase(),
        };
        let plain = value_of(&format!("It was {phrase} then"), &phrase.to_lowercase());
        prop_assert!(plain.is_some(), "{phrase} not found");
        let text = format!("{before}{cased}{after}");
        let varied = value_of(&text, &phrase.to_lowercase());
        prop_assert_eq!(varied, plain, "{:?}", text);
    }
}
