//! Span labels: the built-in OntoNotes-style set plus any label a user defines.
//!
//! Labels are data (DESIGN.md invariant 4): the built-ins are an enum so the hot
//! paths compare integers, and everything else is a `Custom` name chosen by the user.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// What a span is. Built-in labels serialize as their upper-case names
/// (`"PERSON"`, `"DATE"`, …); custom labels as the name the user gave.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Label {
    /// People, including fictional ones.
    Person,
    /// Companies, agencies, institutions, teams, news outlets.
    Org,
    /// Geo-political entities: countries, cities, states.
    Gpe,
    /// Other places: regions, bodies of water, mountain ranges.
    Loc,
    /// Nationalities, religious and political groups ("Ukrainian", "Western").
    Norp,
    /// Named events: wars, storms, summits, sports events.
    Event,
    /// Numerals that are not one of the more specific number labels.
    Cardinal,
    /// "first", "21st".
    Ordinal,
    /// Monetary values with their currency.
    Money,
    /// Percentages.
    Percent,
    /// Measurements with a unit.
    Quantity,
    /// Absolute or relative dates and periods.
    Date,
    /// Times of day.
    Time,
    /// Lengths of time ("four months").
    Duration,
    /// Recurring times ("every Monday").
    Set,
    /// A label the user defined; never one of the built-in names.
    Custom(Box<str>),
}

impl Label {
    /// Every built-in label, in the order the UI lists them.
    pub const BUILT_IN: [Label; 15] = [
        Label::Person,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Norp,
        Label::Event,
        Label::Cardinal,
        Label::Ordinal,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Date,
        Label::Time,
        Label::Duration,
        Label::Set,
    ];

    /// The label's name as it appears in every output format.
    pub fn as_str(&self) -> &str {
        match self {
            Label::Person => "PERSON",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Norp => "NORP",
            Label::Event => "EVENT",
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Duration => "DURATION",
            Label::Set => "SET",
            Label::Custom(name) => name,
        }
    }

    /// Parses a label name: the built-in names (case-insensitive, plus the common
    /// aliases `PER`, `ORGANIZATION`, `LOCATION`) map to built-ins, anything else
    /// non-empty becomes a custom label kept exactly as written.
    ///
    /// # Errors
    /// [`LabelError::Empty`] for an empty or all-whitespace name,
    /// [`LabelError::Invalid`] for names with whitespace or control characters inside.
    pub fn parse(name: &str) -> Result<Label, LabelError> {
        let name = name.trim();
        if name.is_empty() {
            return Err(LabelError::Empty);
        }
        if name.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(LabelError::Invalid {
                name: name.to_string(),
            });
        }
        let upper = name.to_ascii_uppercase();
        let builtin = match upper.as_str() {
            "PERSON" | "PER" => Label::Person,
            "ORG" | "ORGANIZATION" | "ORGANISATION" => Label::Org,
            "GPE" => Label::Gpe,
            "LOC" | "LOCATION" => Label::Loc,
            "NORP" => Label::Norp,
            "EVENT" => Label::Event,
            "CARDINAL" => Label::Cardinal,
            "ORDINAL" => Label::Ordinal,
            "MONEY" => Label::Money,
            "PERCENT" => Label::Percent,
            "QUANTITY" => Label::Quantity,
            "DATE" => Label::Date,
            "TIME" => Label::Time,
            "DURATION" => Label::Duration,
            "SET" => Label::Set,
            _ => return Ok(Label::Custom(name.into())),
        };
        Ok(builtin)
    }

    /// True for PERSON … EVENT, the labels the entity tagger produces.
    pub fn is_entity(&self) -> bool {
        matches!(
            self,
            Label::Person | Label::Org | Label::Gpe | Label::Loc | Label::Norp | Label::Event
        )
    }

    /// True for CARDINAL … SET, the labels whose spans carry a normalized value.
    pub fn is_value(&self) -> bool {
        !self.is_entity() && !matches!(self, Label::Custom(_))
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl std::str::FromStr for Label {
    type Err = LabelError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Label::parse(s)
    }
}

impl Serialize for Label {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> Deserialize<'de> for Label {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = std::borrow::Cow::<str>::deserialize(d)?;
        Label::parse(&name).map_err(serde::de::Error::custom)
    }
}

/// Why a label name was refused.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum LabelError {
    /// The name was empty or only whitespace.
    Empty,
    /// The name contains whitespace or control characters.
    Invalid {
        /// The refused name.
        name: String,
    },
}

impl fmt::Display for LabelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LabelError::Empty => write!(f, "label name is empty"),
            LabelError::Invalid { name } => {
                write!(
                    f,
                    "label name {name:?} contains whitespace or control characters"
                )
            }
        }
    }
}

impl std::error::Error for LabelError {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_names_round_trip() {
        for label in Label::BUILT_IN {
            assert_eq!(Label::parse(label.as_str()).unwrap(), label);
        }
    }

    #[test]
    fn aliases_and_case() {
        assert_eq!(Label::parse("per").unwrap(), Label::Person);
        assert_eq!(Label::parse(" Location ").unwrap(), Label::Loc);
    }

    #[test]
    fn custom_labels_keep_their_spelling() {
        assert_eq!(
            Label::parse("Weapon").unwrap(),
            Label::Custom("Weapon".into())
        );
        assert_eq!(Label::parse("Weapon").unwrap().as_str(), "Weapon");
    }

    #[test]
    fn bad_names_are_refused() {
        assert_eq!(Label::parse("  "), Err(LabelError::Empty));
        assert!(matches!(
            Label::parse("two words"),
            Err(LabelError::Invalid { .. })
        ));
    }

    #[test]
    fn serde_uses_names() {
        let json = serde_json::to_string(&vec![Label::Gpe, Label::Custom("X".into())]).unwrap();
        assert_eq!(json, r#"["GPE","X"]"#);
        let back: Vec<Label> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, vec![Label::Gpe, Label::Custom("X".into())]);
    }
}
