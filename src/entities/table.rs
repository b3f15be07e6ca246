//! A flat open-addressing hash table keyed by pre-hashed `u64` keys.
//!
//! Feature keys, gazetteer phrases and word types are already well-mixed hashes
//! (see `features::hash_bytes`), so the table uses their low bits directly and
//! probes linearly: one multiply-free index and usually one cache line per lookup.
//! Key 0 marks an empty slot; a real key of 0 is stored as 1 (a collision with
//! odds of 2^-64, and harmless: both then share a value).

/// A fast, fixed-seed hasher for the few std `HashMap`s keyed by strings (alias
/// linking): SipHash's DoS resistance buys nothing there and cost 10% of tagging.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl std::hash::Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = crate::entities::features::hash_bytes(self.0, bytes);
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = crate::entities::features::mix(self.0 ^ u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.0 = crate::entities::features::mix(self.0 ^ i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A std `HashMap` with [`FastHasher`].
pub type FastMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FastHasher>>;

/// Open-addressing map from a hashed key to a small `Copy` value.
#[derive(Clone, Debug)]
pub struct FlatMap<V: Copy> {
    keys: Vec<u64>,
    values: Vec<V>,
    len: usize,
    fill: V,
}

fn slot_key(key: u64) -> u64 {
    if key == 0 {
        1
    } else {
        key
    }
}

impl<V: Copy> FlatMap<V> {
    /// An empty map sized for about `expected` keys; `fill` is the value stored in
    /// empty slots (never returned).
    pub fn with_capacity(expected: usize, fill: V) -> FlatMap<V> {
        let cap = (expected.max(8) * 2).next_power_of_two();
        FlatMap {
            keys: vec![0; cap],
            values: vec![fill; cap],
            len: 0,
            fill,
        }
    }

    /// Number of keys stored.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when no key is stored.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The value stored for `key`.
    #[inline]
    pub fn get(&self, key: u64) -> Option<V> {
        let key = slot_key(key);
        let mask = self.keys.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(self.values[i]);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Stores `value` for `key`, replacing any previous value; returns a mutable
    /// reference to the stored value.
    pub fn insert(&mut self, key: u64, value: V) -> &mut V {
        if (self.len + 1) * 2 > self.keys.len() {
            self.grow();
        }
        let key = slot_key(key);
        let mask = self.keys.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let k = self.keys[i];
            if k == key {
                self.values[i] = value;
                return &mut self.values[i];
            }
            if k == 0 {
                self.keys[i] = key;
                self.values[i] = value;
                self.len += 1;
                return &mut self.values[i];
            }
            i = (i + 1) & mask;
        }
    }

    /// The value for `key`, inserted as `value` first if absent.
    pub fn get_or_insert(&mut self, key: u64, value: V) -> &mut V {
        if let Some(i) = self.find(key) {
            return &mut self.values[i];
        }
        self.insert(key, value)
    }

    fn find(&self, key: u64) -> Option<usize> {
        let key = slot_key(key);
        let mask = self.keys.len() - 1;
        let mut i = key as usize & mask;
        loop {
            let k = self.keys[i];
            if k == key {
                return Some(i);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// Removes every key, keeping the allocation.
    pub fn clear(&mut self) {
        self.keys.fill(0);
        self.len = 0;
    }

    fn grow(&mut self) {
        let keys = std::mem::take(&mut self.keys);
        let values = std::mem::take(&mut self.values);
        self.keys = vec![0; keys.len() * 2];
        self.values = vec![self.fill; keys.len() * 2];
        self.len = 0;
        for (k, v) in keys.into_iter().zip(values) {
            if k != 0 {
                self.insert(k, v);
            }
        }
    }

    /// Heap bytes used.
    pub fn memory_usage(&self) -> usize {
        self.keys.capacity() * 8 + self.values.capacity() * std::mem::size_of::<V>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow_clear() {
        let mut m = FlatMap::with_capacity(2, 0u32);
        assert!(m.is_empty());
        for k in 0..1000u64 {
            m.insert(k.wrapping_mul(0x9E37_79B9_7F4A_7C15), k as u32);
        }
        assert_eq!(m.len(), 1000);
        for k in 0..1000u64 {
            assert_eq!(m.get(k.wrapping_mul(0x9E37_79B9_7F4A_7C15)), Some(k as u32));
        }
        assert_eq!(m.get(12345), None);
        *m.get_or_insert(7, 1) += 1;
        *m.get_or_insert(7, 1) += 1;
        assert_eq!(m.get(7), Some(3));
        m.clear();
        assert_eq!(m.get(7), None);
        assert!(m.is_empty());
    }

    #[test]
    fn key_zero_is_stored() {
        let mut m = FlatMap::with_capacity(4, 0u8);
        m.insert(0, 9);
        assert_eq!(m.get(0), Some(9));
    }
}
