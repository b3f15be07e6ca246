//! Reading one numeric token: `11,000`, `3.5`, `-4.5`, `.08`, `1e10`, `21st`,
//! `1990s`, `3.5years`, `11ish`.
//!
//! Never allocates; inputs of any length are read in one pass, and numbers too
//! long to mean anything (more than 40 significant characters) are refused.

/// A numeric token taken apart.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Numeral<'t> {
    /// The value, sign included.
    pub value: f64,
    /// Digits before the decimal point.
    pub int_digits: usize,
    /// Digits after the decimal point.
    pub frac_digits: usize,
    /// Written with thousands separators ("11,000").
    pub grouped: bool,
    /// Starts with a zero followed by more digits ("04", "0730").
    pub leading_zero: bool,
    /// Written with a sign.
    pub signed: bool,
    /// Written with an exponent ("1e10").
    pub exponent: bool,
    /// Letters (and dots) after the number: "st", "s", "years", ".am"; empty if none.
    pub suffix: &'t str,
}

impl Numeral<'_> {
    /// True for unsigned digits only, no separators, decimals or suffix ("2025").
    pub(crate) fn is_plain_integer(&self) -> bool {
        !self.grouped
            && !self.signed
            && !self.exponent
            && self.frac_digits == 0
            && self.suffix.is_empty()
    }
}

/// Longest number we convert (significant characters after removing separators).
const MAX_LEN: usize = 40;

/// Reads `s` as a number with an optional letter suffix; `None` when it is not one
/// (bad digit grouping such as "1,1,1", dates, times, anything with other symbols).
pub(crate) fn numeral(s: &str) -> Option<Numeral<'_>> {
    // The tokenizer keeps an opening quote on a number ("'250,000"), as it must for
    // "'90s"; a quoted figure is still the figure.
    let s = match s.strip_prefix(['\'', '’']) {
        Some(rest) if rest.len() > 3 || rest.contains([',', '.']) => rest,
        _ => s,
    };
    let b = s.as_bytes();
    let mut buf = [0u8; MAX_LEN + 8];
    let mut len = 0;
    let mut push = |c: u8, len: &mut usize| -> Option<()> {
        if *len >= MAX_LEN {
            return None;
        }
        buf[*len] = c;
        *len += 1;
        Some(())
    };
    let mut i = 0;
    let mut signed = false;
    if let Some(rest) = s.strip_prefix('−') {
        // U+2212 MINUS SIGN
        push(b'-', &mut len)?;
        signed = true;
        i = s.len() - rest.len();
    } else if matches!(b.first(), Some(b'-' | b'+')) {
        if b[0] == b'-' {
            push(b'-', &mut len)?;
        }
        signed = true;
        i = 1;
    }
    // Integer part with optional thousands separators.
    let int_start = i;
    let mut int_digits = 0;
    let mut grouped = false;
    let mut group = 0;
    // Sizes of the groups before the current one, to accept Indian grouping
    // ("12,34,567": 2-digit groups before the last three).
    let mut first_group = 0;
    let mut indian = false;
    while i < b.len() {
        match b[i] {
            d @ b'0'..=b'9' => {
                push(d, &mut len)?;
                int_digits += 1;
                group += 1;
                i += 1;
            }
            b',' if int_digits > 0 && b.get(i + 1).is_some_and(u8::is_ascii_digit) => {
                // Groups: the first of 1–3 digits, then exactly 3 (or, Indian style,
                // 2-digit groups before a final 3).
                if !grouped {
                    if group > 3 {
                        return None;
                    }
                    first_group = group;
                } else if group == 2 && first_group <= 2 {
                    indian = true;
                } else if group != 3 || indian {
                    return None;
                }
                let next = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
                let more_groups = b.get(i + 1 + next) == Some(&b',');
                let ok = next == 3 || (next == 2 && more_groups && first_group.max(group) <= 2);
                if !ok {
                    return None;
                }
                grouped = true;
                group = 0;
                i += 1;
            }
            _ => break,
        }
    }
    if grouped && group != 3 {
        return None;
    }
    let leading_zero = int_digits > 1 && b[int_start] == b'0';
    // Fraction.
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit) {
        push(b'.', &mut len)?;
        i += 1;
        while let Some(&d @ b'0'..=b'9') = b.get(i) {
            // Precision beyond what f64 holds is dropped rather than refused.
            if frac_digits < 20 {
                push(d, &mut len)?;
            }
            frac_digits += 1;
            i += 1;
        }
    }
    if int_digits == 0 && frac_digits == 0 {
        return None;
    }
    // Exponent: "1e10", "12.32e+14", "-12e-1".
    let mut exponent = false;
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let sign = matches!(b.get(i + 1), Some(b'+' | b'-'));
        let first = i + 1 + usize::from(sign);
        let digits = b[first.min(b.len())..]
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        if digits > 0 && digits <= 3 && first + digits == b.len() {
            push(b'e', &mut len)?;
            if sign {
                push(b[i + 1], &mut len)?;
            }
            for &d in &b[first..first + digits] {
                push(d, &mut len)?;
            }
            exponent = true;
            i = first + digits;
        }
    }
    let suffix = &s[i..];
    if !suffix
        .bytes()
        .all(|c| c.is_ascii_alphabetic() || c == b'.' || c == b'\'')
    {
        return None;
    }
    let text = std::str::from_utf8(&buf[..len]).ok()?;
    let value: f64 = text.parse().ok()?;
    if !value.is_finite() {
        return None;
    }
    Some(Numeral {
        value,
        int_digits,
        frac_digits,
        grouped,
        leading_zero,
        signed,
        exponent,
        suffix,
    })
}

/// Reads an unsigned run of ASCII digits (at most 9) as an integer.
pub(crate) fn digits(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn value(s: &str) -> Option<f64> {
        numeral(s).map(|n| n.value)
    }

    #[test]
    fn plain_and_grouped() {
        assert_eq!(value("11,000"), Some(11000.0));
        assert_eq!(value("1,234,567"), Some(1_234_567.0));
        assert_eq!(value("3.5"), Some(3.5));
        assert_eq!(value(".08"), Some(0.08));
        assert_eq!(value("-4.5"), Some(-4.5));
        assert_eq!(value("−5"), Some(-5.0));
        assert_eq!(value("4.800"), Some(4.8));
        assert!(numeral("2025").unwrap().is_plain_integer());
        assert!(numeral("0730").unwrap().leading_zero);
    }

    #[test]
    fn bad_grouping_is_refused() {
        assert_eq!(value("1,1,1,1"), None);
        assert_eq!(value("1,00"), None);
        assert_eq!(value("1234,567"), None);
        assert_eq!(value("1,2345"), None);
        assert_eq!(value("12,34,567.89"), Some(1_234_567.89));
        assert_eq!(value("1,23,45,678"), Some(12_345_678.0));
        assert_eq!(value("1,234,56,789"), None);
        assert_eq!(value(&"1,".repeat(50_000)), None);
    }

    #[test]
    fn suffixes_and_exponents() {
        let n = numeral("21st").unwrap();
        assert_eq!((n.value, n.suffix), (21.0, "st"));
        assert_eq!(numeral("1990s").unwrap().suffix, "s");
        assert_eq!(numeral("3.5years").unwrap().suffix, "years");
        assert_eq!(numeral("9.am").unwrap().suffix, ".am");
        assert_eq!(value("1e10"), Some(1e10));
        assert_eq!(value("-12e-1"), Some(-1.2));
        assert_eq!(value("12.32e+14"), Some(1.232e15));
        assert_eq!(value("15:00"), None);
        assert_eq!(value("5/17/2018"), None);
        assert_eq!(value("2025-01-24"), None);
        assert_eq!(value(""), None);
        assert_eq!(value("-"), None);
    }

    #[test]
    fn huge_inputs_are_refused_quickly() {
        assert_eq!(value(&"9".repeat(100_000)), None);
        assert_eq!(
            value(&format!("0.{}", "3".repeat(100_000))),
            Some(0.3333333333333333)
        );
        assert_eq!(value("1e999"), None);
    }
}
