//! Converts UTF-8 byte offsets to code points or UTF-16 code units and back.
//!
//! Built once per document and shared by the CLI, the wasm boundary and every
//! exporter, so offsets are converted in exactly one place (DESIGN.md invariant 1).
//! Memory is proportional to the number of non-ASCII characters, not to the text:
//! an ASCII article costs nothing and every lookup is a binary search.

use serde::{Deserialize, Serialize};

/// A unit offsets can be reported in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    /// UTF-8 bytes, Rust's own unit.
    Bytes,
    /// Unicode scalar values (code points): Python's `str` indexing, the CLI default.
    #[default]
    Chars,
    /// UTF-16 code units: JavaScript's `String` indexing.
    Utf16,
}

impl Unit {
    /// Parses `bytes`, `chars` (or `codepoints`) and `utf16`.
    pub fn parse(name: &str) -> Option<Unit> {
        match name {
            "bytes" | "byte" | "utf8" => Some(Unit::Bytes),
            "chars" | "char" | "codepoints" => Some(Unit::Chars),
            "utf16" | "utf-16" => Some(Unit::Utf16),
            _ => None,
        }
    }
}

/// Offset conversion table for one text.
#[derive(Clone, Debug, Default)]
pub struct OffsetMap {
    /// Byte offset just past each non-ASCII character, ascending.
    after_byte: Vec<u32>,
    /// Code-point offset just past each non-ASCII character.
    after_char: Vec<u32>,
    /// UTF-16 offset just past each non-ASCII character.
    after_u16: Vec<u32>,
    len_bytes: usize,
}

impl OffsetMap {
    /// Scans `text` once.
    ///
    /// # Panics
    /// If the text is 4 GiB or longer (offsets are stored as `u32`); callers
    /// reject such texts before building a document.
    pub fn new(text: &str) -> OffsetMap {
        assert!(
            text.len() <= u32::MAX as usize,
            "text is shorter than 4 GiB"
        );
        let mut map = OffsetMap {
            len_bytes: text.len(),
            ..OffsetMap::default()
        };
        let bytes = text.as_bytes();
        let (mut chars, mut u16s) = (0u32, 0u32);
        let mut last = 0usize; // byte offset up to which chars/u16s are counted
        let mut i = 0usize;
        while i < bytes.len() {
            // Skip ASCII quickly; its offsets are the same in every unit.
            if bytes[i] < 0x80 {
                i += 1;
                continue;
            }
            let width = utf8_width(bytes[i]);
            let ascii_run = (i - last) as u32;
            chars += ascii_run + 1;
            u16s += ascii_run + if width == 4 { 2 } else { 1 };
            i += width;
            last = i;
            map.after_byte.push(i as u32);
            map.after_char.push(chars);
            map.after_u16.push(u16s);
        }
        map
    }

    /// Length of the text in bytes.
    pub fn len_bytes(&self) -> usize {
        self.len_bytes
    }

    /// Converts a byte offset (on a char boundary) to `unit`.
    pub fn from_byte(&self, byte: usize, unit: Unit) -> usize {
        // The last non-ASCII char ending at or before `byte`; everything after it is ASCII.
        let k = self.after_byte.partition_point(|&b| (b as usize) <= byte);
        self.offset_after(byte, k, unit)
    }

    /// A converter for byte offsets that mostly come in ascending order (tokens,
    /// sorted spans): each step moves a position forward instead of binary
    /// searching, which was a fifth of the wasm boundary's time for a document's
    /// tokens. Any order is still answered correctly.
    pub fn cursor(&self, unit: Unit) -> OffsetCursor<'_> {
        OffsetCursor {
            map: self,
            unit,
            k: 0,
        }
    }

    /// Converts an offset in `unit` back to bytes. Returns `None` when the offset
    /// is past the end of the text or falls inside a character (or, for UTF-16,
    /// between the two halves of a surrogate pair).
    pub fn to_byte(&self, offset: usize, unit: Unit) -> Option<usize> {
        let table = match unit {
            Unit::Bytes => {
                return (offset <= self.len_bytes).then_some(offset);
            }
            Unit::Chars => &self.after_char,
            Unit::Utf16 => &self.after_u16,
        };
        let k = table.partition_point(|&c| (c as usize) <= offset);
        let (base_byte, base_unit) = match k {
            0 => (0, 0),
            _ => (self.after_byte[k - 1] as usize, table[k - 1] as usize),
        };
        // Only ASCII lies between the previous non-ASCII char and the next one.
        let byte = base_byte + (offset - base_unit);
        if k < self.after_byte.len() {
            let next_start = self.after_byte[k] as usize - self.byte_width(k);
            if byte > next_start {
                return None; // inside char k
            }
        }
        (byte <= self.len_bytes).then_some(byte)
    }

    /// Length of the text in `unit`.
    pub fn len_in(&self, unit: Unit) -> usize {
        self.from_byte(self.len_bytes, unit)
    }

    /// [`OffsetMap::from_byte`] given `k`, the number of non-ASCII characters
    /// ending at or before `byte`.
    fn offset_after(&self, byte: usize, k: usize, unit: Unit) -> usize {
        let table = match unit {
            Unit::Bytes => return byte,
            Unit::Chars => &self.after_char,
            Unit::Utf16 => &self.after_u16,
        };
        if k == 0 {
            byte
        } else {
            table[k - 1] as usize + (byte - self.after_byte[k - 1] as usize)
        }
    }

    fn byte_width(&self, k: usize) -> usize {
        let prev = if k == 0 {
            0
        } else {
            self.after_byte[k - 1] as usize
        };
        let prev_unit = if k == 0 {
            0
        } else {
            self.after_char[k - 1] as usize
        };
        // Bytes between the previous non-ASCII char and the end of this one, minus the
        // ASCII chars in between, is the width of char k.
        (self.after_byte[k] as usize - prev) - (self.after_char[k] as usize - prev_unit - 1)
    }

    /// Heap bytes used by the table.
    pub fn memory_usage(&self) -> usize {
        (self.after_byte.capacity() + self.after_char.capacity() + self.after_u16.capacity()) * 4
    }
}

fn utf8_width(lead: u8) -> usize {
    match lead {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

/// See [`OffsetMap::cursor`].
#[derive(Clone, Debug)]
pub struct OffsetCursor<'m> {
    map: &'m OffsetMap,
    unit: Unit,
    /// Non-ASCII characters ending at or before the last byte offset asked for.
    k: usize,
}

impl OffsetCursor<'_> {
    /// The offset in the cursor's unit of byte offset `byte`.
    #[inline]
    pub fn at(&mut self, byte: usize) -> usize {
        let after = &self.map.after_byte;
        if self.k > 0 && after[self.k - 1] as usize > byte {
            // Went backwards: search again.
            self.k = after.partition_point(|&b| (b as usize) <= byte);
        } else {
            while self.k < after.len() && after[self.k] as usize <= byte {
                self.k += 1;
            }
        }
        self.map.offset_after(byte, self.k, self.unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLES: &[&str] = &[
        "",
        "plain ASCII",
        "Zelenskiy's café — 1,048,575 € 🇺🇦 👩🏽‍💻 東京 שָׁלוֹם e\u{301}\r\n\t\u{a0}\u{200b}!",
        "🙂",
        "a🙂b",
        "é",
    ];

    #[test]
    fn cursor_agrees_with_from_byte_in_any_order() {
        for text in SAMPLES {
            let map = OffsetMap::new(text);
            let bytes: Vec<usize> = (0..=text.len())
                .filter(|&b| text.is_char_boundary(b))
                .collect();
            let mut shuffled = bytes.clone();
            // A fixed interleaving of forward runs and jumps back.
            shuffled.sort_by_key(|&b| (b * 7919) % 13);
            for unit in [Unit::Bytes, Unit::Chars, Unit::Utf16] {
                let mut cursor = map.cursor(unit);
                for &b in bytes.iter().chain(bytes.iter().rev()).chain(&shuffled) {
                    assert_eq!(
                        cursor.at(b),
                        map.from_byte(b, unit),
                        "{text:?} byte {b} {unit:?}"
                    );
                }
            }
        }
    }

    fn char_offsets(text: &str) -> Vec<usize> {
        text.char_indices()
            .map(|(i, _)| i)
            .chain([text.len()])
            .collect()
    }

    #[test]
    fn agrees_with_std_on_every_boundary() {
        for text in SAMPLES {
            let map = OffsetMap::new(text);
            for (n, byte) in char_offsets(text).into_iter().enumerate() {
                assert_eq!(map.from_byte(byte, Unit::Chars), n, "{text:?} @{byte}");
                let u16 = text[..byte].encode_utf16().count();
                assert_eq!(map.from_byte(byte, Unit::Utf16), u16, "{text:?} @{byte}");
                assert_eq!(map.to_byte(n, Unit::Chars), Some(byte));
                assert_eq!(map.to_byte(u16, Unit::Utf16), Some(byte));
                assert_eq!(map.to_byte(byte, Unit::Bytes), Some(byte));
            }
            assert_eq!(map.len_in(Unit::Chars), text.chars().count());
            assert_eq!(map.len_in(Unit::Utf16), text.encode_utf16().count());
        }
    }

    #[test]
    fn offsets_inside_a_character_are_refused() {
        let text = "a🙂b";
        let map = OffsetMap::new(text);
        // UTF-16 offset 2 is between the surrogates of 🙂.
        assert_eq!(map.to_byte(2, Unit::Utf16), None);
        assert_eq!(map.to_byte(3, Unit::Utf16), Some(5));
        assert_eq!(map.to_byte(4, Unit::Chars), None);
        assert_eq!(map.to_byte(99, Unit::Bytes), None);
    }

    #[test]
    fn ascii_costs_no_memory() {
        assert_eq!(OffsetMap::new(&"x".repeat(10_000)).memory_usage(), 0);
    }
}
