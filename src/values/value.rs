//! The typed normalized value a number, money, date or duration span carries.
//!
//! The serialized shape is a public schema shared by the CLI, the wasm API and the
//! exports (README "Value schema"): a `kind` tag plus the fields listed per variant.
//! Whole numbers serialize without a fraction (`11000`, not `11000.0`).

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// A normalized value. Serialized with a `kind` tag in `snake_case`; read back by
/// [`Value::from_json`] (see there for why not a derived `Deserialize`).
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Value {
    /// A cardinal number: "about 11,000" → `{"kind":"number","number":11000,"mod":"approx"}`.
    Number {
        /// The number.
        #[serde(serialize_with = "whole_if_possible")]
        number: f64,
        /// Approximation or bound, absent when exact.
        #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
        modifier: Option<Mod>,
    },
    /// "10 to 12", "between 5 and 7": `{"kind":"number_range","from":10,"to":12}`.
    NumberRange {
        /// Lower end, inclusive.
        #[serde(serialize_with = "whole_if_possible")]
        from: f64,
        /// Upper end, inclusive.
        #[serde(serialize_with = "whole_if_possible")]
        to: f64,
    },
    /// "21st" → `{"kind":"ordinal","number":21}`.
    Ordinal {
        /// The position.
        #[serde(serialize_with = "whole_if_possible")]
        number: f64,
    },
    /// "3.499 billion euros" → `{"kind":"money","amount":3499000000,"currency":"EUR"}`.
    Money {
        /// The amount in units of `currency` (not cents).
        #[serde(serialize_with = "whole_if_possible")]
        amount: f64,
        /// ISO 4217 code, or `"XXX"` when the currency is not stated.
        currency: String,
        /// The upper end when the text gives a range ("$10 to $12 million"); `amount`
        /// is then the lower end. Absent otherwise.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "whole_if_possible_opt"
        )]
        to: Option<f64>,
        /// The unit a price is per ("3 cents a pound" → `"lb"`), absent otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        per: Option<String>,
        /// Approximation or bound, absent when exact.
        #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
        modifier: Option<Mod>,
    },
    /// "7.6%" → `{"kind":"percent","number":7.6}`.
    Percent {
        /// The percentage (7.6 for 7.6%).
        #[serde(serialize_with = "whole_if_possible")]
        number: f64,
        /// The upper end of a range ("5 to 7 percent"); `number` is then the lower end.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "whole_if_possible_opt"
        )]
        to: Option<f64>,
        /// Approximation or bound, absent when exact.
        #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
        modifier: Option<Mod>,
    },
    /// "250,000 tons" → `{"kind":"quantity","amount":250000,"unit":"t"}`.
    Quantity {
        /// The amount in `unit`.
        #[serde(serialize_with = "whole_if_possible")]
        amount: f64,
        /// The upper end of a range ("10 to 12 km"); `amount` is then the lower end.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "whole_if_possible_opt"
        )]
        to: Option<f64>,
        /// An SI or common unit symbol (`t`, `km`, `°C`, `lb`, `bbl`).
        unit: String,
        /// Approximation or bound, absent when exact.
        #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
        modifier: Option<Mod>,
    },
    /// A calendar date or period: "last autumn" → `{"kind":"date","timex":"2024-FA",…}`.
    Date(TimeValue),
    /// A time of day: "3pm" → `{"kind":"time","timex":"T15:00",…}`.
    Time(TimeValue),
    /// A date with a time of day.
    Datetime(TimeValue),
    /// "four months" → `{"kind":"duration","timex":"P4M"}`.
    Duration {
        /// ISO 8601 / TIMEX3 duration; `PXY`, `PXD` … when the amount is vague ("a few years").
        timex: String,
        /// The upper end of a range ("two to three years" → `"P3Y"`); absent otherwise.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        /// Approximation or bound, absent when exact.
        #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
        modifier: Option<Mod>,
    },
    /// "every Monday" → `{"kind":"set","timex":"XXXX-WXX-1"}`.
    Set {
        /// TIMEX3 value of one occurrence, or the period (`P1Y` for "annually").
        timex: String,
    },
}

/// The resolution shared by dates, times and date-times.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct TimeValue {
    /// TIMEX3 value: `2025-01-24`, `2024-10`, `2024-FA`, `2025-W04`, `2024-Q2`, `199X`,
    /// `T15:00`, `2025-01-24T15:00`; `X` marks what the text leaves open.
    pub timex: String,
    /// First instant of the period, ISO 8601 (`YYYY-MM-DD`, with `THH:MM:SS` when a
    /// time is known); absent when the expression does not resolve.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<String>,
    /// The instant just after the period (exclusive), same format as `start`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    /// Approximation or bound ("around 2020", "before March"), absent when exact.
    #[serde(rename = "mod", default, skip_serializing_if = "Option::is_none")]
    pub modifier: Option<Mod>,
}

/// How a stated quantity relates to the true one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Mod {
    /// "about", "around", "nearly", "roughly", "some".
    Approx,
    /// "more than", "over", "above".
    MoreThan,
    /// "less than", "under", "below", "fewer than".
    LessThan,
    /// "at least", "no less than".
    AtLeast,
    /// "at most", "no more than".
    AtMost,
    /// "up to".
    UpTo,
    /// The early part of a period: "early 2024", "the beginning of March" (TIMEX3 START).
    Start,
    /// The middle of a period: "mid-2023" (TIMEX3 MID).
    Mid,
    /// The late part of a period: "late 2024", "the end of the year" (TIMEX3 END).
    End,
    /// Up to this time: "today before 4pm", "Friday by 2pm" (TIMEX3 BEFORE).
    Before,
    /// From this time on: "Tuesday after 1pm" (TIMEX3 AFTER).
    After,
}

impl Value {
    /// The `kind` tag this value serializes with.
    pub fn kind(&self) -> &'static str {
        match self {
            Value::Number { .. } => "number",
            Value::NumberRange { .. } => "number_range",
            Value::Ordinal { .. } => "ordinal",
            Value::Money { .. } => "money",
            Value::Percent { .. } => "percent",
            Value::Quantity { .. } => "quantity",
            Value::Date(_) => "date",
            Value::Time(_) => "time",
            Value::Datetime(_) => "datetime",
            Value::Duration { .. } => "duration",
            Value::Set { .. } => "set",
        }
    }

    /// A short human-readable rendering for badges and brat `N` lines:
    /// `2024-FA`, `≈11000`, `3499000000 EUR`, `7.6%`, `P4M`.
    pub fn display(&self) -> String {
        fn m(modifier: &Option<Mod>) -> &'static str {
            match modifier {
                None => "",
                Some(Mod::Approx) => "≈",
                Some(Mod::MoreThan) => ">",
                Some(Mod::LessThan) => "<",
                Some(Mod::AtLeast) => "≥",
                Some(Mod::AtMost) | Some(Mod::UpTo) => "≤",
                Some(Mod::Start) => "early ",
                Some(Mod::Mid) => "mid ",
                Some(Mod::End) => "late ",
                Some(Mod::Before) => "before ",
                Some(Mod::After) => "after ",
            }
        }
        fn range(to: &Option<f64>) -> String {
            to.map(|t| format!("–{}", fmt_num(t))).unwrap_or_default()
        }
        match self {
            Value::Number { number, modifier } => format!("{}{}", m(modifier), fmt_num(*number)),
            Value::NumberRange { from, to } => format!("{}–{}", fmt_num(*from), fmt_num(*to)),
            Value::Ordinal { number } => format!("#{}", fmt_num(*number)),
            Value::Money {
                amount,
                to,
                currency,
                per,
                modifier,
            } => {
                let per = per.as_deref().map(|u| format!("/{u}")).unwrap_or_default();
                format!(
                    "{}{}{} {currency}{per}",
                    m(modifier),
                    fmt_num(*amount),
                    range(to)
                )
            }
            Value::Percent {
                number,
                to,
                modifier,
            } => format!("{}{}{}%", m(modifier), fmt_num(*number), range(to)),
            Value::Quantity {
                amount,
                to,
                unit,
                modifier,
            } => {
                format!("{}{}{} {unit}", m(modifier), fmt_num(*amount), range(to))
            }
            Value::Date(t) | Value::Time(t) | Value::Datetime(t) => {
                format!("{}{}", m(&t.modifier), t.timex)
            }
            Value::Duration {
                timex,
                to,
                modifier,
            } => match to {
                Some(to) => format!("{}{timex}–{to}", m(modifier)),
                None => format!("{}{timex}", m(modifier)),
            },
            Value::Set { timex } => timex.clone(),
        }
    }
}

/// Formats a number the way the JSON output does: no `.0` on whole numbers.
pub fn fmt_num(n: f64) -> String {
    if n.is_finite() && n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        format!("{}", n as i64)
    } else {
        format!("{n}")
    }
}

impl<'de> Deserialize<'de> for Value {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Value, D::Error> {
        let raw = serde_json::Value::deserialize(d)?;
        Value::from_json(&raw).map_err(serde::de::Error::custom)
    }
}

impl Value {
    /// Reads a value from its JSON form (the schema above). Written by hand rather
    /// than derived: serde's derive for an internally tagged enum buffers every
    /// field through its generic `Content` type and came to 57 kB of wasm, this to
    /// a few kB on top of `serde_json::Value`, which the importers parse anyway.
    ///
    /// # Errors
    /// A message naming the unknown `kind`, or the missing or mistyped field.
    pub fn from_json(raw: &serde_json::Value) -> Result<Value, String> {
        let obj = raw
            .as_object()
            .ok_or_else(|| format!("a value must be a JSON object, not {raw}"))?;
        let field = |name: &str| obj.get(name).filter(|v| !v.is_null());
        let number = |name: &str| match field(name) {
            None => Ok(None),
            Some(v) => v
                .as_f64()
                .map(Some)
                .ok_or_else(|| format!("`{name}` must be a number, not {v}")),
        };
        let needed_number =
            |name: &str| number(name)?.ok_or_else(|| format!("missing field `{name}`"));
        let text = |name: &str| match field(name) {
            None => Ok(None),
            Some(v) => v
                .as_str()
                .map(|s| Some(s.to_string()))
                .ok_or_else(|| format!("`{name}` must be a string, not {v}")),
        };
        let needed_text = |name: &str| text(name)?.ok_or_else(|| format!("missing field `{name}`"));
        let modifier = match field("mod") {
            None => None,
            Some(v) => Some(
                v.as_str()
                    .and_then(Mod::parse)
                    .ok_or_else(|| format!("unknown `mod` {v}"))?,
            ),
        };
        let time = || -> Result<TimeValue, String> {
            Ok(TimeValue {
                timex: needed_text("timex")?,
                start: text("start")?,
                end: text("end")?,
                modifier,
            })
        };
        let kind = field("kind")
            .and_then(|k| k.as_str())
            .ok_or("missing field `kind`")?;
        Ok(match kind {
            "number" => Value::Number {
                number: needed_number("number")?,
                modifier,
            },
            "number_range" => Value::NumberRange {
                from: needed_number("from")?,
                to: needed_number("to")?,
            },
            "ordinal" => Value::Ordinal {
                number: needed_number("number")?,
            },
            "money" => Value::Money {
                amount: needed_number("amount")?,
                currency: needed_text("currency")?,
                to: number("to")?,
                per: text("per")?,
                modifier,
            },
            "percent" => Value::Percent {
                number: needed_number("number")?,
                to: number("to")?,
                modifier,
            },
            "quantity" => Value::Quantity {
                amount: needed_number("amount")?,
                to: number("to")?,
                unit: needed_text("unit")?,
                modifier,
            },
            "date" => Value::Date(time()?),
            "time" => Value::Time(time()?),
            "datetime" => Value::Datetime(time()?),
            "duration" => Value::Duration {
                timex: needed_text("timex")?,
                to: text("to")?,
                modifier,
            },
            "set" => Value::Set {
                timex: needed_text("timex")?,
            },
            other => return Err(format!("unknown value kind {other:?}")),
        })
    }
}

impl Mod {
    /// The modifier a `mod` name stands for (`"approx"` → [`Mod::Approx`]).
    pub fn parse(name: &str) -> Option<Mod> {
        Some(match name {
            "approx" => Mod::Approx,
            "more_than" => Mod::MoreThan,
            "less_than" => Mod::LessThan,
            "at_least" => Mod::AtLeast,
            "at_most" => Mod::AtMost,
            "up_to" => Mod::UpTo,
            "start" => Mod::Start,
            "mid" => Mod::Mid,
            "end" => Mod::End,
            "before" => Mod::Before,
            "after" => Mod::After,
            _ => return None,
        })
    }
}

/// [`whole_if_possible`] for optional numbers (only called when present).
fn whole_if_possible_opt<S: Serializer>(n: &Option<f64>, s: S) -> Result<S::Ok, S::Error> {
    match n {
        Some(n) => whole_if_possible(n, s),
        None => s.serialize_none(),
    }
}

/// Serializes whole numbers as integers so `11000` does not become `11000.0`;
/// non-finite numbers (which JSON cannot hold) become `null`.
fn whole_if_possible<S: Serializer>(n: &f64, s: S) -> Result<S::Ok, S::Error> {
    if !n.is_finite() {
        s.serialize_none()
    } else if n.fract() == 0.0 && n.abs() < 9.007_199_254_740_992e15 {
        s.serialize_i64(*n as i64)
    } else {
        s.serialize_f64(*n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json(v: &Value) -> String {
        serde_json::to_string(v).unwrap()
    }

    #[test]
    fn schema_matches_the_readme() {
        let approx = Value::Number {
            number: 11000.0,
            modifier: Some(Mod::Approx),
        };
        assert_eq!(
            json(&approx),
            r#"{"kind":"number","number":11000,"mod":"approx"}"#
        );
        let money = Value::Money {
            amount: 3_499_000_000.0,
            to: None,
            currency: "EUR".into(),
            per: None,
            modifier: None,
        };
        assert_eq!(
            json(&money),
            r#"{"kind":"money","amount":3499000000,"currency":"EUR"}"#
        );
        assert_eq!(
            json(&Value::Percent {
                number: 7.6,
                to: None,
                modifier: None
            }),
            r#"{"kind":"percent","number":7.6}"#
        );
        let date = Value::Date(TimeValue {
            timex: "2024-10".into(),
            start: Some("2024-10-01".into()),
            end: Some("2024-11-01".into()),
            modifier: None,
        });
        assert_eq!(
            json(&date),
            r#"{"kind":"date","timex":"2024-10","start":"2024-10-01","end":"2024-11-01"}"#
        );
        assert_eq!(
            json(&Value::NumberRange {
                from: 10.0,
                to: 12.0
            }),
            r#"{"kind":"number_range","from":10,"to":12}"#
        );
    }

    #[test]
    fn round_trips_through_json() {
        let values = vec![
            Value::Quantity {
                amount: 16.73,
                to: Some(20.0),
                unit: "t".into(),
                modifier: Some(Mod::MoreThan),
            },
            Value::Duration {
                timex: "P4M".into(),
                to: None,
                modifier: None,
            },
            Value::Set {
                timex: "XXXX-WXX-1".into(),
            },
            Value::Time(TimeValue {
                timex: "T15:00".into(),
                ..Default::default()
            }),
        ];
        for v in values {
            let back: Value = serde_json::from_str(&json(&v)).unwrap();
            assert_eq!(back, v);
        }
    }

    #[test]
    fn reading_names_what_is_wrong() {
        let read = |s: &str| Value::from_json(&serde_json::from_str(s).unwrap());
        assert_eq!(
            read(r#"{"kind":"weight","amount":3}"#),
            Err("unknown value kind \"weight\"".into())
        );
        assert_eq!(
            read(r#"{"kind":"money","amount":3}"#),
            Err("missing field `currency`".into())
        );
        assert_eq!(
            read(r#"{"kind":"number","number":"3"}"#),
            Err("`number` must be a number, not \"3\"".into())
        );
        assert_eq!(
            read(r#"{"kind":"date","timex":"2024","mod":"roughly"}"#),
            Err("unknown `mod` \"roughly\"".into())
        );
        assert!(read("[1]").unwrap_err().contains("JSON object"));
        // Absent and null optional fields are the same; every `mod` name reads back.
        for m in [
            "approx",
            "more_than",
            "less_than",
            "at_least",
            "at_most",
            "up_to",
            "start",
            "mid",
            "end",
            "before",
            "after",
        ] {
            let v = read(&format!(
                r#"{{"kind":"percent","number":7.6,"to":null,"mod":"{m}"}}"#
            ))
            .unwrap();
            assert_eq!(
                json(&v),
                format!(r#"{{"kind":"percent","number":7.6,"mod":"{m}"}}"#)
            );
        }
    }

    #[test]
    fn non_finite_numbers_do_not_break_json() {
        assert_eq!(
            json(&Value::Number {
                number: f64::INFINITY,
                modifier: None
            }),
            r#"{"kind":"number","number":null}"#
        );
    }

    #[test]
    fn display_is_compact() {
        assert_eq!(
            Value::Number {
                number: 11000.0,
                modifier: Some(Mod::Approx)
            }
            .display(),
            "≈11000"
        );
        assert_eq!(
            Value::Percent {
                number: 7.6,
                to: None,
                modifier: None
            }
            .display(),
            "7.6%"
        );
    }
}
