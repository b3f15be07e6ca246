//! QUANTITY: an amount with a unit of measurement — "250,000 tons", "5 km",
//! "30 degrees Celsius", "30°C", "a 3-inch gap", "660 square meters",
//! "500,000 barrels a day", "188 miles an hour" — normalized to a symbol (`t`,
//! `km`, `°C`, `m²`, `bbl/d`, `mph`).

use super::lexicon::{Kw, Sense};
use super::number::{number, range, Num};
use super::scan::Match;
use super::value::Value;
use super::view::View;
use crate::label::Label;

/// A unit: its symbol and the words that name it (lowercase).
pub(crate) struct UnitDef {
    /// The symbol used in values.
    pub symbol: &'static str,
    /// Words naming it, looked up through the lexicon.
    pub words: &'static [&'static str],
}

/// Every unit. Single letters ("m", "g", "l", "t") are recognized separately and
/// only when written flush against a number, where they cannot be words.
pub(crate) const UNITS: &[UnitDef] = &[
    UnitDef {
        symbol: "t",
        words: &["ton", "tons", "tonne", "tonnes"],
    },
    UnitDef {
        symbol: "kg",
        words: &[
            "kg",
            "kgs",
            "kilogram",
            "kilograms",
            "kilogramme",
            "kilogrammes",
            "kilo",
            "kilos",
        ],
    },
    UnitDef {
        symbol: "g",
        words: &["gram", "grams", "gramme", "grammes"],
    },
    UnitDef {
        symbol: "mg",
        words: &["mg", "milligram", "milligrams"],
    },
    UnitDef {
        symbol: "lb",
        words: &["lb", "lbs", "pound", "pounds"],
    },
    UnitDef {
        symbol: "oz",
        words: &["oz", "ounce", "ounces"],
    },
    UnitDef {
        symbol: "km",
        words: &[
            "km",
            "kms",
            "kilometer",
            "kilometers",
            "kilometre",
            "kilometres",
        ],
    },
    UnitDef {
        symbol: "m",
        words: &["meter", "meters", "metre", "metres"],
    },
    UnitDef {
        symbol: "cm",
        words: &[
            "cm",
            "centimeter",
            "centimeters",
            "centimetre",
            "centimetres",
        ],
    },
    UnitDef {
        symbol: "mm",
        words: &[
            "mm",
            "millimeter",
            "millimeters",
            "millimetre",
            "millimetres",
        ],
    },
    UnitDef {
        symbol: "mi",
        words: &["mile", "miles", "mi"],
    },
    UnitDef {
        symbol: "ft",
        words: &["ft", "foot", "feet"],
    },
    UnitDef {
        symbol: "in",
        words: &["inch", "inches"],
    },
    UnitDef {
        symbol: "yd",
        words: &["yard", "yards"],
    },
    UnitDef {
        symbol: "ha",
        words: &["ha", "hectare", "hectares"],
    },
    UnitDef {
        symbol: "acre",
        words: &["acre", "acres"],
    },
    UnitDef {
        symbol: "l",
        words: &["liter", "liters", "litre", "litres"],
    },
    UnitDef {
        symbol: "ml",
        words: &[
            "ml",
            "milliliter",
            "milliliters",
            "millilitre",
            "millilitres",
        ],
    },
    UnitDef {
        symbol: "gal",
        words: &["gallon", "gallons", "gal"],
    },
    UnitDef {
        symbol: "bbl",
        words: &["barrel", "barrels", "bbl", "bbls"],
    },
    UnitDef {
        symbol: "bbl/d",
        words: &["bpd"],
    },
    UnitDef {
        symbol: "°C",
        words: &["celsius", "centigrade", "celcius", "centigrate"],
    },
    UnitDef {
        symbol: "°F",
        words: &["fahrenheit", "farenheit"],
    },
    UnitDef {
        symbol: "°",
        words: &["degree", "degrees", "deg"],
    },
    UnitDef {
        symbol: "km/h",
        words: &["km/h", "kph", "kmh", "kmph"],
    },
    UnitDef {
        symbol: "mph",
        words: &["mph"],
    },
    UnitDef {
        symbol: "kn",
        words: &["knot", "knots"],
    },
    UnitDef {
        symbol: "W",
        words: &["watt", "watts"],
    },
    UnitDef {
        symbol: "kW",
        words: &["kw", "kilowatt", "kilowatts"],
    },
    UnitDef {
        symbol: "MW",
        words: &["mw", "megawatt", "megawatts"],
    },
    UnitDef {
        symbol: "GW",
        words: &["gw", "gigawatt", "gigawatts"],
    },
    UnitDef {
        symbol: "kWh",
        words: &["kwh"],
    },
    UnitDef {
        symbol: "MWh",
        words: &["mwh"],
    },
    UnitDef {
        symbol: "GWh",
        words: &["gwh"],
    },
    UnitDef {
        symbol: "TWh",
        words: &["twh"],
    },
    UnitDef {
        symbol: "V",
        words: &["volt", "volts"],
    },
    UnitDef {
        symbol: "kB",
        words: &["kb", "kilobyte", "kilobytes"],
    },
    UnitDef {
        symbol: "MB",
        words: &["mb", "megabyte", "megabytes"],
    },
    UnitDef {
        symbol: "GB",
        words: &["gb", "gigabyte", "gigabytes"],
    },
    UnitDef {
        symbol: "TB",
        words: &["tb", "terabyte", "terabytes"],
    },
    UnitDef {
        symbol: "bit",
        words: &["bit", "bits"],
    },
    UnitDef {
        symbol: "kcal",
        words: &["calorie", "calories", "kcal"],
    },
    UnitDef {
        symbol: "ct",
        words: &["carat", "carats"],
    },
];

/// The unit named by the word at token `j`.
pub(crate) fn unit_word(v: &View, j: usize) -> Option<&'static UnitDef> {
    v.find(j, |s| match s {
        Sense::Measure(k) => UNITS.get(usize::from(k)),
        _ => None,
    })
}

/// A unit written right after an amount ending at `j`: returns its symbol and end.
fn unit_after(v: &View, j: usize) -> Option<(String, usize)> {
    // Flush single letters: "5m", "10l", "3t", "20g".
    let t = v.text(j);
    if v.glued(j) && matches!(t, "m" | "l" | "t" | "g") {
        return Some((t.to_string(), j + 1));
    }
    // Symbols: "30°C", "85°", "℃".
    match t {
        "°C" | "℃" => return Some(("°C".into(), j + 1)),
        "°F" | "℉" => return Some(("°F".into(), j + 1)),
        "°" => {
            return Some(match v.text(j + 1) {
                "C" | "c" if v.glued(j + 1) => ("°C".into(), j + 2),
                "F" | "f" if v.glued(j + 1) => ("°F".into(), j + 2),
                _ => ("°".into(), j + 1),
            })
        }
        _ => {}
    }
    // "square kilometers", "sq km", "cubic feet", "metric tons"
    let shape = if v.is(j, "square") || v.is(j, "sq") || v.is(j, "sq.") {
        Some("²")
    } else if v.is(j, "cubic") {
        Some("³")
    } else {
        None
    };
    let k = if shape.is_some() || v.is(j, "metric") {
        j + 1
    } else {
        j
    };
    let unit = unit_word(v, k)?;
    let mut symbol = unit.symbol.to_string();
    let mut end = k + 1;
    if let Some(s) = shape {
        if !matches!(
            unit.symbol,
            "km" | "m" | "cm" | "mm" | "mi" | "ft" | "in" | "yd"
        ) {
            return None;
        }
        symbol += s;
    }
    if symbol == "°" {
        // "degrees Celsius", "deg. c", "degree fahrenheit"
        let mut e = end;
        if v.punct(e, '.') && v.glued(e) {
            e += 1;
        }
        if let Some(u) = unit_word(v, e).filter(|u| u.symbol.starts_with("°") && u.symbol.len() > 2)
        {
            return Some((u.symbol.to_string(), e + 1));
        }
        match v.text(e) {
            "C" | "c" => return Some(("°C".into(), e + 1)),
            "F" | "f" => return Some(("°F".into(), e + 1)),
            _ => {}
        }
        return Some((symbol, e));
    }
    // Rates: "miles an hour", "barrels a day", "kilometers per hour".
    if v.kw(end, Kw::A) || v.kw(end, Kw::Per) {
        let per = v.find(end + 1, |s| match s {
            Sense::Unit(super::lexicon::TimeUnit::Hour, false) => Some("h"),
            Sense::Unit(super::lexicon::TimeUnit::Day, false) => Some("d"),
            _ => None,
        });
        if let Some(per) = per {
            symbol = match (symbol.as_str(), per) {
                ("mi", "h") => "mph".into(),
                ("km", "h") => "km/h".into(),
                (s, p) => format!("{s}/{p}"),
            };
            end += 2;
        }
    }
    Some((symbol, end))
}

fn quantity(i: usize, end: usize, lo: &Num, hi: Option<&Num>, unit: String) -> Match {
    Match::new(
        i,
        end,
        Label::Quantity,
        Value::Quantity {
            amount: lo.value,
            to: hi.map(|h| h.value),
            unit,
            modifier: None,
        },
    )
}

/// A number token with its unit written flush in the same token: "200lbs", "180.25ml".
fn suffixed(v: &View, i: usize) -> Option<Match> {
    let n = v.numeral(i)?;
    if n.suffix.is_empty() {
        return None;
    }
    let word = n.suffix.to_ascii_lowercase();
    let u = UNITS.iter().find(|u| u.words.contains(&word.as_str()))?;
    let amount = Num {
        value: n.value,
        end: i + 1,
        spelled: false,
        scale: 0,
        plain: false,
    };
    Some(quantity(i, i + 1, &amount, None, u.symbol.to_string()))
}

/// QUANTITY starting at token `i`.
pub(crate) fn quantity_span(v: &View, i: usize) -> Option<Match> {
    if let Some(m) = suffixed(v, i) {
        return Some(m);
    }
    let (lo, hi, j) = match range(v, i, false) {
        Some((lo, hi, end)) => (lo, Some(hi), end),
        None => {
            let n = number(v, i)?;
            (n, None, n.end)
        }
    };
    // "a 3-inch gap", "a six-mile trip": the hyphenated adjective takes the singular.
    let j = if v.punct(j, '-') && v.glued(j) && v.glued(j + 1) {
        j + 1
    } else {
        j
    };
    let (unit, end) = unit_after(v, j)?;
    // "a degree in law": a spelled "one degree" needs the degree sign or a scale.
    if unit == "°" && lo.spelled && hi.is_none() && !v.text(end - 1).starts_with('°') {
        return None;
    }
    Some(quantity(i, end, &lo, hi.as_ref(), unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::values::testing::match_at_start;

    fn q(text: &str) -> Option<String> {
        match_at_start(text, quantity_span)
    }

    #[test]
    fn units() {
        assert_eq!(q("250,000 tons of").unwrap(), "250,000 tons = 250000 t");
        assert_eq!(q("5 km").unwrap(), "5 km = 5 km");
        assert_eq!(q("5km").unwrap(), "5km = 5 km");
        assert_eq!(
            q("30 degrees Celsius").unwrap(),
            "30 degrees Celsius = 30 °C"
        );
        assert_eq!(q("30°C").unwrap(), "30°C = 30 °C");
        assert_eq!(
            q("-5 degree fahrenheit").unwrap(),
            "-5 degree fahrenheit = -5 °F"
        );
        assert_eq!(q("98 degrees").unwrap(), "98 degrees = 98 °");
        assert_eq!(
            q("660 square meters").unwrap(),
            "660 square meters = 660 m²"
        );
        assert_eq!(
            q("500,000 barrels a day").unwrap(),
            "500,000 barrels a day = 500000 bbl/d"
        );
        assert_eq!(
            q("188 miles an hour").unwrap(),
            "188 miles an hour = 188 mph"
        );
        assert_eq!(q("3-inch thickness").unwrap(), "3-inch = 3 in");
        assert_eq!(q("200lbs").unwrap(), "200lbs = 200 lb");
        assert_eq!(
            q("16,000 metric tons").unwrap(),
            "16,000 metric tons = 16000 t"
        );
        assert_eq!(q("10 to 12 km").unwrap(), "10 to 12 km = 10–12 km");
        assert_eq!(q("5 people"), None);
    }
}
