//! The engine: policies as validated data, business-time arithmetic,
//! deadlines and charges. No web dependency, no I/O, no clock: "now" and
//! time zones are always arguments.

#[rustfmt::skip]
mod catalog_data;
pub mod charge;
pub mod civil;
#[cfg(test)]
mod codegen;
pub mod deadline;
pub mod error;
pub mod holidays;
pub mod load;
pub mod policy;
#[cfg(test)]
mod schema;
pub mod time;
pub mod zone;
#[rustfmt::skip]
mod zone_data;

pub use error::Error;

/// Sorts a short list, stably. std's sort costs about 3 KB of wasm per
/// element type; these lists hold a year's holidays or a ticket's pauses,
/// so insertion is as fast and far smaller.
pub(crate) fn sort_few<T: Ord>(items: &mut [T]) {
    for i in 1..items.len() {
        let mut j = i;
        while j > 0 && items[j - 1] > items[j] {
            items.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Joins texts with a separator, as `[S]::join`, which the wasm would
/// carry once per item type (0.3 to 0.8 KB each); here only the thin
/// `join` is per type.
pub(crate) fn join<S: AsRef<str>>(items: &[S], separator: &str) -> String {
    join_texts(&mut items.iter().map(AsRef::as_ref), separator)
}

fn join_texts(items: &mut dyn Iterator<Item = &str>, separator: &str) -> String {
    let mut out = String::new();
    for (index, item) in items.enumerate() {
        if index > 0 {
            out.push_str(separator);
        }
        out.push_str(item);
    }
    out
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;
    use std::cmp::Ordering;

    use proptest::prelude::*;

    /// Ordered by `key` alone, so equal keys show whether order is kept.
    #[derive(Debug, Clone, Copy)]
    struct Keyed {
        key: u8,
        tag: u16,
    }
    impl PartialEq for Keyed {
        fn eq(&self, other: &Self) -> bool {
            self.key == other.key
        }
    }
    impl Eq for Keyed {}
    impl PartialOrd for Keyed {
        fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
            Some(self.cmp(other))
        }
    }
    impl Ord for Keyed {
        fn cmp(&self, other: &Self) -> Ordering {
            self.key.cmp(&other.key)
        }
    }

    #[test]
    fn join_puts_the_separator_between_items_only() {
        assert_eq!(super::join::<&str>(&[], ", "), "");
        assert_eq!(super::join(&["a"], ", "), "a");
        assert_eq!(
            super::join(&[String::from("a"), String::from("b")], " or "),
            "a or b"
        );
        let cows: [Cow<str>; 3] = ["x".into(), String::from("y").into(), "z".into()];
        assert_eq!(super::join(&cows, "; "), "x; y; z");
    }

    proptest! {
        #[test]
        fn sort_few_is_a_stable_sort(pairs in proptest::collection::vec((0u8..8, any::<u16>()), 0..40)) {
            let items: Vec<Keyed> = pairs.iter().map(|&(key, tag)| Keyed { key, tag }).collect();
            let mut ours = items.clone();
            super::sort_few(&mut ours);
            let mut std_stable = items;
            std_stable.sort();
            let tags = |v: &[Keyed]| v.iter().map(|k| (k.key, k.tag)).collect::<Vec<_>>();
            prop_assert_eq!(tags(&ours), tags(&std_stable));
        }
    }
}
