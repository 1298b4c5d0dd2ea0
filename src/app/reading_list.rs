//! The reading list and the visit days in the browser (SPEC.md §6): read
//! from `localStorage` once, written on every change, and followed when
//! another tab changes them. The codec and its failure cases are plain
//! Rust in [`crate::saved`]; this module holds the storage calls.

use super::browser::{now_ms, on_window, storage, today};
use crate::saved::{set_aside_key, Saved, SavedList, Visits, SAVED_KEY, VISITS_KEY};
use leptos::ev;
use leptos::prelude::*;

/// What was last removed, for "Undo": where it was, the entry, and the
/// title it showed.
pub type Removed = (usize, Saved, String);

/// The reading list, shared by every page.
#[derive(Clone, Copy)]
pub struct ReadingList {
    pub list: RwSignal<SavedList>,
    /// Something the user must know about the stored list: it could not
    /// be read and was set aside, or it could not be written.
    pub notice: RwSignal<Option<String>>,
    /// The visit days, for "new since your last visit".
    pub visits: RwSignal<Visits>,
    /// The last removal, until it is undone or another one happens.
    pub removed: RwSignal<Option<Removed>>,
}

fn read(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Stores `text` under `key`; false where the browser has no storage for
/// the page or it is full.
fn write(key: &str, text: &str) -> bool {
    storage().is_some_and(|s| s.set_item(key, text).is_ok())
}

impl ReadingList {
    /// Reads the stored list and records this visit; provides the result
    /// as context for the pages.
    pub fn provide() -> ReadingList {
        // Rendered to HTML there is no visit and no list: every visitor's
        // page starts the same, and the app fills in theirs.
        let visits = if super::browser::RENDERING_HTML {
            Visits::default()
        } else {
            Visits::visit(read(VISITS_KEY).as_deref(), today())
        };
        write(VISITS_KEY, &visits.encode());
        let reading = ReadingList {
            list: RwSignal::new(SavedList::default()),
            notice: RwSignal::new(None),
            visits: RwSignal::new(visits),
            removed: RwSignal::new(None),
        };
        if !super::browser::RENDERING_HTML {
            reading.load();
        }
        // Another tab saved or removed a paper: follow it at once.
        let listener = on_window(ev::storage, move |event| {
            if event.key().as_deref() == Some(SAVED_KEY) || event.key().is_none() {
                reading.load();
            }
        });
        on_cleanup(move || {
            if let Some(listener) = listener {
                listener.remove();
            }
        });
        provide_context(reading);
        reading
    }

    /// Reads the list from storage. A value that is not a list this app
    /// can read is copied to a key of its own, never silently replaced,
    /// and the user is told where it went.
    fn load(self) {
        let text = read(SAVED_KEY);
        match SavedList::decode(text.as_deref()) {
            Ok(list) => self.list.set(list),
            Err(problem) => {
                let kept = storage().and_then(|s| {
                    let key = set_aside_key(|k| s.get_item(k).ok().flatten().is_some());
                    s.set_item(&key, text.as_deref().unwrap_or_default()).ok()?;
                    s.remove_item(SAVED_KEY).ok()?;
                    Some(key)
                });
                self.list.set(SavedList::default());
                self.notice.set(Some(match kept {
                    Some(key) => format!(
                        "Your saved papers could not be read: {problem}. The stored value was kept \
                         under “{key}” in this browser's storage, and a new list was started."
                    ),
                    None => format!(
                        "Your saved papers could not be read: {problem}. The stored value was left \
                         as it is; saving now would replace it."
                    ),
                }));
            }
        }
    }

    /// Applies `change` to the list and stores the result.
    fn change(self, change: impl FnOnce(&mut SavedList)) {
        self.list.update(change);
        if !write(SAVED_KEY, &self.list.with_untracked(SavedList::encode)) {
            self.notice.set(Some(
                "This browser does not let Systems Atlas store your saved papers (private \
                 window, or storage full): they last until this tab is closed."
                    .to_string(),
            ));
        }
    }

    pub fn is_saved(self, id: &str) -> bool {
        self.list.with(|l| l.contains(id))
    }

    /// Saves or removes `id`; a removal can be undone (`title` names it).
    pub fn toggle(self, id: &str, title: &str) {
        if self.list.with_untracked(|l| l.contains(id)) {
            self.remove(id, title);
        } else {
            self.change(|l| l.save(id, now_ms()));
        }
    }

    /// Saves every paper of `ids` not saved yet, in their order.
    pub fn save_all<'a>(self, ids: impl IntoIterator<Item = &'a str>) {
        let now = now_ms();
        self.change(|l| ids.into_iter().for_each(|id| l.save(id, now)));
    }

    pub fn remove(self, id: &str, title: &str) {
        let mut taken = None;
        self.change(|l| taken = l.remove(id));
        if let Some((at, entry)) = taken {
            self.removed.set(Some((at, entry, title.to_string())));
        }
    }

    pub fn undo(self) {
        if let Some((at, entry, _)) = self.removed.get_untracked() {
            self.change(|l| l.restore((at, entry)));
            self.removed.set(None);
        }
    }

    pub fn clear(self) {
        self.change(SavedList::clear);
        self.removed.set(None);
    }

    /// Hides the "new since your last visit" notice for good (the "New"
    /// badges stay until the next visit).
    pub fn dismiss_new(self) {
        self.visits.update(|v| v.dismissed = v.previous);
        write(VISITS_KEY, &self.visits.with_untracked(Visits::encode));
    }
}

pub fn use_reading_list() -> ReadingList {
    use_context::<ReadingList>().expect("ReadingList is provided by Pages")
}

/// Save or unsave one paper (SPEC.md §4 hook `save`). The label stays
/// "Save" (a toggle's name does not change); the star and `aria-pressed`
/// say whether it is saved.
#[component]
pub fn SaveButton(id: String, title: String) -> impl IntoView {
    let reading = use_reading_list();
    let saved = {
        let id = id.clone();
        Memo::new(move |_| reading.is_saved(&id))
    };
    let label = format!("Save “{title}”");
    view! {
        <button
            class="atlas-save"
            class:atlas-save--on=move || saved.get()
            data-testid="save"
            aria-pressed=move || saved.get().to_string()
            aria-label=label
            title=move || if saved.get() { "Saved: click to remove from your list" } else { "Save to your reading list" }
            on:click=move |_| reading.toggle(&id, &title)
        >
            <span class="atlas-save__star" aria-hidden="true">{move || if saved.get() { "★" } else { "☆" }}</span>
            " Save"
        </button>
    }
}

/// What the user must know about the stored list, as an alert.
#[component]
pub fn ReadingListNotice() -> impl IntoView {
    let reading = use_reading_list();
    move || {
        reading.notice.get().map(|message| {
            view! {
                <div class="atlas-notice atlas-notice--warning" role="alert" data-testid="storage-notice">
                    <p>{message}</p>
                    <button class="atlas-button atlas-button--small" on:click=move |_| reading.notice.set(None)>
                        "OK"
                    </button>
                </div>
            }
        })
    }
}
