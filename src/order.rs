//! One sort for the whole crate. Every `sort_unstable_by_key` with a key
//! type of its own is another copy of the sort in the wasm (1–3 KB each;
//! the crate's dozen orders were about 8 KB gzip of it); these orders pack
//! their keys into a `u64` instead and share one instantiation.

/// A sort key of up to 64 bits, built from its most significant field down.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key(u64);

impl Key {
    /// Appends a field of `bits` bits, smaller values first. A value too
    /// large for its field sorts as the field's largest.
    pub fn asc(self, value: u64, bits: u32) -> Key {
        let max = (1u64 << bits) - 1;
        debug_assert!(value <= max, "{value} does not fit in {bits} bits");
        Key((self.0 << bits) | value.min(max))
    }

    /// Appends a field of `bits` bits, larger values first.
    pub fn desc(self, value: u64, bits: u32) -> Key {
        let max = (1u64 << bits) - 1;
        self.asc(max - value.min(max), bits)
    }
}

/// The first `limit` of `items` in the order of their keys; items with
/// equal keys keep their order.
pub fn first_by_key<T: Copy>(items: &[T], limit: usize, key: impl Fn(T) -> Key) -> Vec<T> {
    let mut keyed: Vec<(Key, u32)> = items
        .iter()
        .enumerate()
        .map(|(i, &item)| (key(item), i as u32))
        .collect();
    if limit == 0 {
        return Vec::new();
    }
    if keyed.len() > limit {
        keyed.select_nth_unstable(limit - 1);
        keyed.truncate(limit);
    }
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, i)| items[i as usize]).collect()
}

/// Sorts `items` by their keys; items with equal keys keep their order.
pub fn sort_by_key<T: Copy>(items: &mut Vec<T>, key: impl Fn(T) -> Key) {
    *items = first_by_key(items, items.len(), key);
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fields_compare_from_the_first() {
        let k = |a, b| Key::default().desc(a, 16).asc(b, 32);
        assert!(k(2024, 9) < k(2023, 0));
        assert!(k(2024, 1) < k(2024, 2));
    }

    proptest! {
        #[test]
        fn matches_the_standard_stable_sort(items in proptest::collection::vec((0u64..4, 0u64..1000), 0..60), limit in 0usize..70) {
            let key = |(a, b): (u64, u64)| Key::default().desc(a, 8).asc(b, 16);
            let mut expected = items.clone();
            expected.sort_by_key(|&(a, b)| (std::cmp::Reverse(a), b));
            expected.truncate(limit);
            prop_assert_eq!(first_by_key(&items, limit, key), expected);
        }
    }
}
