//! The start in small tasks: the wasm starts, the app mounts, the catalog
//! is read, the page's frame shows, then each card and each widget around
//! them, each in a task of its own, so that no task of the start blocks
//! input for long (Lighthouse's total blocking time on a slow phone).

use leptos::prelude::*;
use std::cell::{Cell, RefCell};
use std::collections::VecDeque;

use super::browser::after_paint;

thread_local! {
    /// Whether the app's first page has painted: later pages wait for nothing.
    static FIRST_PAINTED: Cell<bool> = const { Cell::new(false) };
    /// The `Later`s of the first page still waiting, in the order they were built.
    static WAITING: RefCell<VecDeque<RwSignal<bool>>> = const { RefCell::new(VecDeque::new()) };
}

/// Builds its children after the first paint of the page around it, each
/// `Later` in a task of its own, in the order they were built. The filters
/// and charts it holds sit in columns of fixed width, so they move nothing
/// when they appear.
///
/// Only the app's first page waits: coming back to the explorer later
/// shows everything at once. With `hidden_only`, the children wait only
/// while the app is built hidden beside a prerendered page: content above
/// other content (the cards), whose late arrival would move what follows.
#[component]
pub fn Later(children: ChildrenFn, #[prop(optional)] hidden_only: bool) -> impl IntoView {
    // Rendered to HTML, the page is complete at once.
    let ready = RwSignal::new(
        FIRST_PAINTED.get()
            || super::browser::RENDERING_HTML
            || (hidden_only && !super::browser::has_prerendered_page()),
    );
    if !ready.get_untracked() {
        let first = WAITING.with_borrow_mut(|waiting| {
            waiting.push_back(ready);
            waiting.len() == 1
        });
        if first {
            after_paint(show_next);
        }
    }
    move || ready.get().then(|| children())
}

/// Shows the next waiting `Later` and leaves the rest to the next task.
fn show_next() {
    FIRST_PAINTED.set(true);
    if let Some(ready) = WAITING.with_borrow_mut(VecDeque::pop_front) {
        // A page left before its turn has disposed of the signal.
        ready.try_set(true);
    }
    if WAITING.with_borrow(|waiting| !waiting.is_empty()) {
        super::browser::soon(show_next);
    } else {
        // For the tests and the benchmark: the first page is complete.
        super::browser::mark("atlas:widgets-built");
        super::browser::reveal();
    }
}
