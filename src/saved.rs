//! The reading list (SPEC.md §6) and the day of the last visit, as the
//! browser keeps them in `localStorage`: their stored text, and what a
//! stored value that is not ours becomes. Plain Rust, so that the codec
//! and its failure cases test natively.

use crate::catalog::is_slug;
use crate::date::Day;
use serde::{Deserialize, Serialize};

/// The storage key of the reading list.
pub const SAVED_KEY: &str = "atlas-saved";
/// Where a stored list that could not be read is kept (see
/// [`set_aside_key`]).
pub const SET_ASIDE_PREFIX: &str = "atlas-saved.set-aside";
/// The storage key of the visit days.
pub const VISITS_KEY: &str = "atlas-visits";

const VERSION: u64 = 1;

/// One saved paper: its id (kept even when the catalog no longer has it:
/// a later catalog may bring it back) and when it was saved, in
/// milliseconds since the Unix epoch.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Saved {
    pub id: String,
    pub saved: u64,
}

/// The saved papers, in the order they were saved.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SavedList {
    entries: Vec<Saved>,
}

/// Why a stored value is not a reading list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoredProblem {
    /// Not JSON at all (truncated, edited by hand, another app's bytes).
    Corrupt(String),
    /// JSON, but not this app's list (another version, another shape).
    Foreign(String),
}

impl std::fmt::Display for StoredProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            StoredProblem::Corrupt(why) => write!(f, "it is not valid JSON ({why})"),
            StoredProblem::Foreign(why) => {
                write!(f, "it is not a list this version can read ({why})")
            }
        }
    }
}

/// Any JSON object's `version`, whatever else it holds.
#[derive(Deserialize)]
struct Versioned {
    #[serde(default)]
    version: Option<u64>,
}

#[derive(Serialize, Deserialize)]
struct Stored {
    version: u64,
    papers: Vec<Saved>,
}

impl SavedList {
    /// Reads the stored text; no text is an empty list.
    pub fn decode(text: Option<&str>) -> Result<SavedList, StoredProblem> {
        let Some(text) = text else {
            return Ok(SavedList::default());
        };
        // Typed all the way (no `serde_json::Value`, which would add its
        // own parser to the wasm): first whether it is JSON at all, then
        // whether it is this version's list.
        serde_json::from_str::<serde::de::IgnoredAny>(text)
            .map_err(|e| StoredProblem::Corrupt(e.to_string()))?;
        let version = serde_json::from_str::<Versioned>(text)
            .ok()
            .and_then(|v| v.version);
        if version != Some(VERSION) {
            return Err(StoredProblem::Foreign(format!(
                "it has no \"version\": {VERSION}"
            )));
        }
        let stored: Stored =
            serde_json::from_str(text).map_err(|e| StoredProblem::Foreign(e.to_string()))?;
        let mut list = SavedList::default();
        for entry in stored.papers {
            if !is_slug(&entry.id) {
                return Err(StoredProblem::Foreign(format!(
                    "\"{}\" is not a paper id",
                    entry.id.chars().take(40).collect::<String>()
                )));
            }
            if !list.contains(&entry.id) {
                list.entries.push(entry);
            }
        }
        Ok(list)
    }

    /// The text to store.
    pub fn encode(&self) -> String {
        serde_json::to_string(&Stored {
            version: VERSION,
            papers: self.entries.clone(),
        })
        .unwrap_or_default()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    pub fn contains(&self, id: &str) -> bool {
        self.entries.iter().any(|e| e.id == id)
    }

    /// The entries, the last saved first.
    pub fn newest_first(&self) -> impl Iterator<Item = &Saved> {
        self.entries.iter().rev()
    }

    /// Saves `id` (at `now`) unless it is saved already.
    pub fn save(&mut self, id: &str, now: u64) {
        if !self.contains(id) && is_slug(id) {
            self.entries.push(Saved {
                id: id.to_string(),
                saved: now,
            });
        }
    }

    /// Removes `id`; returns where it was and what it was, for an undo.
    pub fn remove(&mut self, id: &str) -> Option<(usize, Saved)> {
        let at = self.entries.iter().position(|e| e.id == id)?;
        Some((at, self.entries.remove(at)))
    }

    /// Puts back what [`SavedList::remove`] took, where it was.
    pub fn restore(&mut self, (at, entry): (usize, Saved)) {
        if !self.contains(&entry.id) {
            let at = at.min(self.entries.len());
            self.entries.insert(at, entry);
        }
    }

    /// Saves `id` or removes it.
    pub fn toggle(&mut self, id: &str, now: u64) {
        if self.remove(id).is_none() {
            self.save(id, now);
        }
    }

    pub fn clear(&mut self) {
        self.entries.clear();
    }
}

/// A free key beside the list for a stored value that could not be read,
/// so that it is never silently overwritten: `atlas-saved.set-aside`, or
/// with `-2`, `-3`… if that one is taken.
pub fn set_aside_key(taken: impl Fn(&str) -> bool) -> String {
    let mut key = SET_ASIDE_PREFIX.to_string();
    let mut n = 2;
    while taken(&key) {
        key = format!("{SET_ASIDE_PREFIX}-{n}");
        n += 1;
    }
    key
}

/// The days of the visits, as stored: the day of this visit, the day of
/// the one before it, and the last visit day whose "new papers" notice
/// was dismissed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Visits {
    pub current: Option<Day>,
    pub previous: Option<Day>,
    #[serde(default)]
    pub dismissed: Option<Day>,
}

impl Visits {
    /// The visits after one on `today`, from what was stored. A day that
    /// is not new keeps the record; a new day moves `current` to
    /// `previous`. An unreadable record counts as no earlier visit (the
    /// days are no one's work to lose).
    pub fn visit(stored: Option<&str>, today: Day) -> Visits {
        let known: Visits = stored
            .and_then(|text| serde_json::from_str(text).ok())
            .unwrap_or_default();
        match known.current {
            Some(day) if day == today => known,
            // A clock set back: keep the later day as this visit's.
            Some(day) if day > today => known,
            current => Visits {
                current: Some(today),
                previous: current,
                dismissed: known.dismissed,
            },
        }
    }

    pub fn encode(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }

    /// The first day a paper counts as new: the day after the previous
    /// visit. None on a first visit, or once its notice was dismissed.
    pub fn new_since(&self) -> Option<Day> {
        let previous = self.previous?;
        (self.dismissed != Some(previous)).then(|| previous.next())
    }

    /// Whether a paper added on `added` is new since the previous visit
    /// (its card says so; dismissing the notice does not change that).
    pub fn is_new(&self, added: Option<Day>) -> bool {
        match (self.previous, added) {
            (Some(previous), Some(added)) => added > previous,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn a_list_round_trips_and_keeps_unknown_ids() {
        let mut list = SavedList::default();
        list.save("orion-nsdi21", 1);
        list.save("gone-from-the-catalog-nsdi99", 2);
        list.save("orion-nsdi21", 3);
        assert_eq!(list.len(), 2);
        let back = SavedList::decode(Some(&list.encode())).unwrap();
        assert_eq!(back, list);
        let ids: Vec<&str> = back.newest_first().map(|e| e.id.as_str()).collect();
        assert_eq!(ids, ["gone-from-the-catalog-nsdi99", "orion-nsdi21"]);
        assert_eq!(SavedList::decode(None), Ok(SavedList::default()));
    }

    #[test]
    fn remove_and_restore_put_an_entry_back_in_its_place() {
        let mut list = SavedList::default();
        for (i, id) in ["a", "b", "c"].into_iter().enumerate() {
            list.save(id, i as u64);
        }
        let taken = list.remove("b").unwrap();
        assert!(!list.contains("b"));
        list.restore(taken);
        assert_eq!(
            list.newest_first()
                .map(|e| e.id.as_str())
                .collect::<Vec<_>>(),
            ["c", "b", "a"]
        );
        list.toggle("a", 9);
        assert!(!list.contains("a"));
        list.toggle("a", 9);
        assert!(list.contains("a"));
        list.clear();
        assert!(list.is_empty());
    }

    #[test]
    fn corrupt_and_foreign_values_are_named_not_read() {
        for text in ["", "{", "not json", "\u{0}\u{1}"] {
            assert!(
                matches!(
                    SavedList::decode(Some(text)),
                    Err(StoredProblem::Corrupt(_))
                ),
                "{text:?}"
            );
        }
        for text in [
            "[]",
            "42",
            "{}",
            r#"{"version": 2, "papers": []}"#,
            r#"{"version": 1, "papers": "orion"}"#,
            r#"{"version": 1, "papers": [{"id": 7, "saved": 1}]}"#,
            r#"{"version": 1, "papers": [{"id": "<script>", "saved": 1}]}"#,
            r#"["orion-nsdi21"]"#,
        ] {
            let found = SavedList::decode(Some(text));
            assert!(
                matches!(found, Err(StoredProblem::Foreign(_))),
                "{text}: {found:?}"
            );
        }
        // Duplicates are merged, unknown fields ignored.
        let text = r#"{"version": 1, "papers": [{"id": "a", "saved": 1}, {"id": "a", "saved": 2, "x": 0}]}"#;
        assert_eq!(SavedList::decode(Some(text)).unwrap().len(), 1);
    }

    #[test]
    fn a_set_aside_value_gets_a_free_key() {
        assert_eq!(set_aside_key(|_| false), "atlas-saved.set-aside");
        let taken = ["atlas-saved.set-aside", "atlas-saved.set-aside-2"];
        assert_eq!(
            set_aside_key(|k| taken.contains(&k)),
            "atlas-saved.set-aside-3"
        );
    }

    #[test]
    fn visits_remember_the_day_before_this_one() {
        let first = Visits::visit(None, day("2026-11-28"));
        assert_eq!(first.previous, None);
        assert_eq!(first.new_since(), None);
        // The same day again changes nothing.
        assert_eq!(
            Visits::visit(Some(&first.encode()), day("2026-11-28")),
            first
        );
        let next = Visits::visit(Some(&first.encode()), day("2026-12-01"));
        assert_eq!(next.current, Some(day("2026-12-01")));
        assert_eq!(next.previous, Some(day("2026-11-28")));
        assert_eq!(next.new_since(), Some(day("2026-11-29")));
        assert!(next.is_new(Some(day("2026-12-01"))));
        assert!(!next.is_new(Some(day("2026-11-28"))));
        assert!(!next.is_new(None));
        // Dismissed for that previous visit: no notice, badges stay.
        let dismissed = Visits {
            dismissed: next.previous,
            ..next.clone()
        };
        assert_eq!(dismissed.new_since(), None);
        assert!(dismissed.is_new(Some(day("2026-12-01"))));
        // A broken record is a first visit; a clock set back keeps the day.
        assert_eq!(
            Visits::visit(Some("{oops"), day("2026-12-01")).previous,
            None
        );
        assert_eq!(Visits::visit(Some(&next.encode()), day("2026-11-01")), next);
    }
}
