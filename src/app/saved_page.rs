//! The saved list (`saved`, SPEC.md §6): the saved papers, the last saved
//! first, as cards; remove one (with an undo), clear all (after a
//! confirmation), export, and a link that shares the list.

use super::clipboard::use_copy;
use super::explorer::Header;
use super::export_menu::download_items;
use super::paper_card::PaperCard;
use super::reading_list::{use_reading_list, ReadingListNotice};
use super::use_atlas;
use crate::query::Query;
use leptos::prelude::*;

#[component]
pub fn SavedPage() -> impl IntoView {
    let ctx = use_atlas();
    let reading = use_reading_list();
    super::browser::set_title("Saved papers — Systems Atlas");
    super::browser::reveal_when_rendered();
    // The saved ids, the last saved first, and which the catalog has.
    let entries = Memo::new({
        let ctx = ctx.clone();
        move |_| {
            reading.list.with(|l| {
                l.newest_first()
                    .map(|e| (e.id.clone(), ctx.atlas.catalog.paper_index(&e.id)))
                    .collect::<Vec<_>>()
            })
        }
    });
    let known = move || entries.with(|e| e.iter().filter_map(|(_, i)| *i).collect::<Vec<usize>>());
    let count = move || entries.with(Vec::len);
    let confirming = RwSignal::new(false);
    let (copied, copy) = use_copy();
    let share = {
        let ctx = ctx.clone();
        move |_| {
            let ids: Vec<String> =
                entries.with_untracked(|e| e.iter().map(|(id, _)| id.clone()).collect());
            let href =
                ctx.explorer_href(&Query::of_papers(ids.iter().map(String::as_str)).encode());
            copy(&format!("{}{href}", super::browser::origin()));
        }
    };
    let atlas = ctx.atlas.clone();
    // Built anew whenever the list turns non-empty (`<Show>` children).
    let exports = move || download_items(atlas.clone(), "systems-atlas-saved", known);
    let browse = ctx.explorer_href("");
    view! {
        <Header/>
        <main class="atlas-page atlas-saved" id="results">
            <h1 class="atlas-saved__title">"Saved papers"</h1>
            <ReadingListNotice/>
            <p class="atlas-saved__count" data-testid="saved-count" role="status" aria-live="polite">
                {move || match count() {
                    0 => "No saved papers yet.".to_string(),
                    1 => "1 saved paper, kept in this browser.".to_string(),
                    n => format!("{n} saved papers, kept in this browser."),
                }}
            </p>
            <Undo/>
            <Show
                when=move || { count() > 0 }
                fallback=move || view! {
                    <p class="atlas-empty">
                        "Save papers with the ☆ Save button on any card or paper page; they stay in "
                        "this browser, also offline. "
                        <a href=browse.clone()>"Browse the papers"</a>
                    </p>
                }
            >
                <div class="atlas-tools atlas-saved__tools">
                    <button class="atlas-button atlas-button--small" data-testid="copy-list-link" on:click=share.clone()>
                        {move || if copied.get() { "Link copied" } else { "Copy link to this list" }}
                    </button>
                    <details class="atlas-menu" data-testid="export">
                        <summary class="atlas-button atlas-button--small">"Export"</summary>
                        <ul class="atlas-menu__list" aria-label="Download the saved papers">
                            {exports()}
                        </ul>
                    </details>
                    <Show
                        when=move || confirming.get()
                        fallback=move || view! {
                            <button class="atlas-button atlas-button--small" data-testid="clear-saved"
                                on:click=move |_| confirming.set(true)>
                                "Clear all"
                            </button>
                        }
                    >
                        <span class="atlas-saved__confirm" role="group" aria-label="Confirm clearing the list">
                            {move || format!("Remove all {} saved papers? ", count())}
                            <button class="atlas-button atlas-button--small atlas-button--danger" data-testid="confirm-clear"
                                on:click=move |_| { reading.clear(); confirming.set(false); }>
                                "Remove all"
                            </button>
                            <button class="atlas-button atlas-button--small" on:click=move |_| confirming.set(false)>
                                "Cancel"
                            </button>
                        </span>
                    </Show>
                </div>
                <ol class="atlas-results__list">
                    // Rebuilt whole on a change: a list one person saved is
                    // short, and a keyed <For> of its own would weigh ~10 KB
                    // of wasm.
                    {move || {
                        entries
                            .get()
                            .into_iter()
                            .map(|(id, index)| match index {
                                Some(index) => view! { <li><PaperCard index=index/></li> }.into_any(),
                                None => view! { <li><MissingPaper id=id/></li> }.into_any(),
                            })
                            .collect_view()
                    }}
                </ol>
            </Show>
        </main>
    }
}

/// A saved id the catalog does not have (any more): it is kept, since a
/// later catalog may bring it back, and can be removed.
#[component]
fn MissingPaper(id: String) -> impl IntoView {
    let reading = use_reading_list();
    let remove_id = id.clone();
    view! {
        <article class="atlas-card atlas-card--missing" data-testid="saved-missing" data-paper-id=id.clone()>
            <p>
                {format!("“{id}” is not in this catalog. It stays on your list, in case a later catalog brings it back.")}
            </p>
            <button class="atlas-button atlas-button--small" on:click=move |_| reading.remove(&remove_id, &remove_id)>
                "Remove"
            </button>
        </article>
    }
}

/// "Removed …. Undo", after a removal on this page.
#[component]
fn Undo() -> impl IntoView {
    let reading = use_reading_list();
    // A removal before this page opened is not this page's to undo.
    reading.removed.set(None);
    move || {
        reading.removed.get().map(|(_, _, title)| {
            view! {
                <div class="atlas-notice" data-testid="undo" role="status">
                    <p>{format!("Removed “{title}”. ")}</p>
                    <button class="atlas-button atlas-button--small" data-testid="undo-remove" on:click=move |_| reading.undo()>
                        "Undo"
                    </button>
                </div>
            }
        })
    }
}
