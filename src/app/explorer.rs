//! The explorer page: search, filters, the result list and the charts of
//! the current view. Its state is the URL (SPEC.md §2), kept by
//! [`ExplorerState`] (`view_state.rs`), which its widgets read.

use super::browser::{on_window, typing_in_a_field};
use super::company_chart::CompanyChart;
use super::facet_panel::FacetPanel;
use super::later::Later;
use super::paper_card::{CardTags, PaperCard};
use super::tag_cloud::TagCloud;
use super::timeline_chart::TimelineChart;
use super::use_atlas;
use super::view_state::{use_view, year_label, ExplorerState, History, ViewState};
use crate::atlas::{Atlas, Selection, PAGE};
use crate::query::{Facet, Ignored, Query, Sort, YearRange};
use leptos::ev;
use leptos::html::Input;
use leptos::prelude::*;
use std::sync::Arc;

/// The explorer page.
#[component]
pub fn Explorer() -> impl IntoView {
    let ctx = use_atlas();
    let ExplorerState {
        view: view_state,
        resolved,
        ordered,
        shown,
        url_ignored,
    } = ExplorerState::provide(&ctx);
    let ViewState { query, results, .. } = view_state;

    // Scrolling near the end of the list shows the next page.
    let list = NodeRef::<leptos::html::Ol>::new();
    let card_tags = CardTags::new(list);
    let sentinel = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        if let Some(element) = sentinel.get() {
            let observer = NearEnd::observe(&element, move || {
                let more = shown.get_untracked() < results.with_untracked(|r| r.count);
                if more {
                    shown.update(|s| *s += PAGE);
                }
                more
            });
            // Owned by this effect: dropped (and disconnected) with it.
            StoredValue::new_local(observer);
        }
    });

    // `/` focuses the search box from anywhere but another text field.
    let search_box = NodeRef::<Input>::new();
    let keys = on_window(ev::keydown, move |e| {
        if e.key() != "/" || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        if let (false, Some(input)) = (typing_in_a_field(), search_box.get_untracked()) {
            e.prevent_default();
            let _ = input.focus();
        }
    });
    on_cleanup(move || {
        if let Some(keys) = keys {
            keys.remove();
        }
    });

    let filters_open = RwSignal::new(false);
    let active_filters = move || query.with(active_filter_count);

    view! {
        <Header/>
        <main class="atlas-explorer">
            <div class="atlas-searchbar" role="search">
                <label class="atlas-visually-hidden" for="atlas-search">
                    "Search papers"
                </label>
                <input
                    id="atlas-search"
                    class="atlas-searchbar__input"
                    type="search"
                    data-testid="search"
                    placeholder="Search titles, authors, tags, companies…  ( / )"
                    autocomplete="off"
                    spellcheck="false"
                    node_ref=search_box
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input=move |e| {
                        let text = event_target_value(&e);
                        view_state.set(query.with_untracked(|q| q.with_text(&text)), History::Replace);
                    }
                    on:keydown=move |e| {
                        if e.key() == "Escape" && query.with_untracked(|q| !q.text.is_empty()) {
                            e.prevent_default();
                            view_state.set(query.with_untracked(|q| q.with_text("")), History::Push);
                        }
                    }
                />
                <SortSelect/>
                <button
                    class="atlas-button atlas-searchbar__filters"
                    aria-expanded=move || filters_open.get().to_string()
                    aria-controls="atlas-filters"
                    on:click=move |_| filters_open.update(|o| *o = !*o)
                >
                    "Filters"
                    {move || match active_filters() {
                        0 => String::new(),
                        n => format!(" ({n})"),
                    }}
                </button>
            </div>
            <div class="atlas-layout">
                <aside
                    id="atlas-filters"
                    class="atlas-filters"
                    class:atlas-filters--open=move || filters_open.get()
                    aria-label="Filters"
                >
                    <div class="atlas-filters__head">
                        <h2 class="atlas-filters__title">"Filters"</h2>
                        <button
                            class="atlas-button atlas-filters__close"
                            on:click=move |_| filters_open.set(false)
                        >
                            "Done"
                        </button>
                    </div>
                    <FacetPanel/>
                </aside>
                <section id="results" class="atlas-results" aria-label="Results">
                    <div class="atlas-results__head">
                        <ResultSummary url_ignored=url_ignored resolved=resolved/>
                        <super::export_menu::ExportMenu/>
                    </div>
                    <super::reading_list::ReadingListNotice/>
                    <NewSinceNotice/>
                    <SharedListNotice/>
                    <ActiveFilters/>
                    <EmptyState resolved=resolved/>
                    <ol class="atlas-results__list" node_ref=list on:click=move |e| card_tags.click(e)>
                        <For
                            each=move || ordered.get()
                            key=|index| *index
                            children=move |index| {
                                view! { <li><Later hidden_only=true><PaperCard index=index/></Later></li> }
                            }
                        />
                    </ol>
                    <div class="atlas-results__sentinel" node_ref=sentinel aria-hidden="true"></div>
                    {move || {
                        let total = results.with(|r| r.count);
                        let showing = ordered.with(Vec::len);
                        (showing < total)
                            .then(|| {
                                view! {
                                    <button
                                        class="atlas-button atlas-results__more"
                                        on:click=move |_| shown.update(|s| *s += PAGE)
                                    >
                                        {format!("Show more ({} of {total} shown)", showing)}
                                    </button>
                                }
                            })
                    }}
                </section>
                <aside class="atlas-insights" aria-label="Charts of the current results">
                    <Later><TimelineChart/></Later>
                    <Later><CompanyChart/></Later>
                    <Later><TagCloud/></Later>
                </aside>
            </div>
        </main>
    }
}

/// Calls back when an element comes within a screen of the viewport, and
/// again after each call that returned true while it is still that near
/// (a tall window may need several pages). Disconnects when dropped.
struct NearEnd {
    observer: web_sys::IntersectionObserver,
    _callback: NearEndCallback,
}

type NearEndCallback =
    wasm_bindgen::closure::Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>;

impl NearEnd {
    fn observe(element: &web_sys::Element, near: impl Fn() -> bool + 'static) -> Option<NearEnd> {
        use wasm_bindgen::JsCast;
        let callback = NearEndCallback::new(
            move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
                for entry in entries.iter() {
                    let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                    if entry.is_intersecting() && near() {
                        // Observing anew reports the position once the
                        // added cards are laid out.
                        observer.unobserve(&entry.target());
                        observer.observe(&entry.target());
                    }
                }
            },
        );
        let options = web_sys::IntersectionObserverInit::new();
        options.set_root_margin("100% 0px");
        let observer = web_sys::IntersectionObserver::new_with_options(
            callback.as_ref().unchecked_ref(),
            &options,
        )
        .ok()?;
        observer.observe(element);
        Some(NearEnd {
            observer,
            _callback: callback,
        })
    }
}

impl Drop for NearEnd {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// "1 paper", "2 papers".
fn papers(n: usize) -> String {
    format!("{n} paper{}", if n == 1 { "" } else { "s" })
}

/// The site header: name, catalog and theme switch.
#[component]
pub fn Header() -> impl IntoView {
    let ctx = use_atlas();
    let catalog = &ctx.atlas.catalog;
    let count = format!("{} papers", catalog.papers.len());
    let updated = catalog
        .updated
        .as_ref()
        .map(|u| format!(" · updated {u}"))
        .unwrap_or_default();
    view! {
        <header class="atlas-header">
            <a class="atlas-header__brand" href=ctx.explorer_href("")>
                <span class="atlas-header__logo" aria-hidden="true">"◆"</span>
                "Systems Atlas"
            </a>
            <span class="atlas-header__about">
                {format!("{} · ", catalog.name)}
                // Every paper by area, by plain links (SPEC.md §5).
                <a href=ctx.papers_href() data-testid="all-papers">{count}</a>
                {updated}
            </span>
            <SavedLink/>
            <super::theme::ThemeToggle/>
        </header>
    }
}

/// The link to the saved list, with its count (SPEC.md §4 `saved-link`).
#[component]
fn SavedLink() -> impl IntoView {
    let ctx = use_atlas();
    let reading = super::reading_list::use_reading_list();
    let count = move || reading.list.with(|l| l.len());
    view! {
        <a class="atlas-header__saved" data-testid="saved-link" href=ctx.saved_href()>
            <span aria-hidden="true">"★ "</span>
            <span class="atlas-header__saved-label">"Saved "</span>
            <span class="atlas-header__saved-count" data-testid="saved-count-badge">{count}</span>
            <span class="atlas-visually-hidden">" papers"</span>
        </a>
    }
}

/// "N papers were added since your last visit": a link to them
/// (`?since=`), and a way to dismiss it.
#[component]
fn NewSinceNotice() -> impl IntoView {
    let ctx = use_atlas();
    let reading = super::reading_list::use_reading_list();
    let view_state = use_view();
    move || {
        let since = reading.visits.with(|v| v.new_since())?;
        let previous = reading.visits.with(|v| v.previous)?;
        let query = Query {
            since: Some(since),
            ..Query::default()
        };
        let (_, results) = ctx.atlas.search(&query, 0);
        let n = results.count;
        (n > 0).then(|| {
            let noun = if n == 1 { "paper was" } else { "papers were" };
            let href = ctx.explorer_href(&query.encode());
            view! {
                <div class="atlas-notice atlas-notice--new" data-testid="new-since" role="status">
                    <p>
                        {format!("{n} {noun} added since your last visit on {previous}. ")}
                        <a href=href on:click=move |e| {
                            // Within the explorer: the view changes in place.
                            e.prevent_default();
                            view_state.set(query.clone(), History::Push);
                        }>{if n == 1 { "Show it" } else { "Show them" }}</a>
                    </p>
                    <button class="atlas-button atlas-button--small" on:click=move |_| reading.dismiss_new()>
                        "Dismiss"
                    </button>
                </div>
            }
        })
    }
}

/// A shared list (`?paper=`): how many papers, and "Save all".
#[component]
fn SharedListNotice() -> impl IntoView {
    let ctx = use_atlas();
    let reading = super::reading_list::use_reading_list();
    let filters = use_view().filters;
    move || {
        let listed: Vec<String> = filters.with(|f| {
            f.papers
                .iter()
                .map(|&p| ctx.atlas.catalog.papers[p].id.clone())
                .collect()
        });
        (!listed.is_empty()).then(|| {
            let n = listed.len();
            let all_saved = Memo::new({
                let listed = listed.clone();
                move |_| reading.list.with(|l| listed.iter().all(|id| l.contains(id)))
            });
            view! {
                <div class="atlas-notice atlas-notice--shared" data-testid="shared-list" role="status">
                    <p>{format!("A shared list of {}.", papers(n))}</p>
                    <button
                        class="atlas-button atlas-button--small"
                        data-testid="save-all"
                        disabled=move || all_saved.get()
                        on:click=move |_| reading.save_all(listed.iter().map(String::as_str))
                    >
                        {move || if all_saved.get() { "All saved" } else { "Save all" }}
                    </button>
                </div>
            }
        })
    }
}

/// The sort order of the list.
#[component]
fn SortSelect() -> impl IntoView {
    let view_state = use_view();
    let query = view_state.query;
    // Memos: typing changes neither (but for the first and last word).
    let current = Memo::new(move |_| query.with(Query::sort));
    let has_terms = Memo::new(move |_| query.with(Query::has_terms));
    view! {
        <label class="atlas-visually-hidden" for="atlas-sort">
            "Sort by"
        </label>
        <select
            id="atlas-sort"
            class="atlas-select"
            data-testid="sort"
            on:change=move |e| {
                let mut next = query.get_untracked();
                next.set_sort(Sort::parse(&event_target_value(&e)));
                view_state.set(next, History::Push);
            }
        >
            {Sort::ALL
                .into_iter()
                .map(|sort| {
                    view! {
                        <option
                            value=sort.as_str()
                            prop:selected=move || current.get() == sort
                            disabled=move || sort == Sort::Relevance && !has_terms.get()
                        >
                            {sort.label()}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}

/// The live count, and what the URL had that was ignored.
#[component]
fn ResultSummary(
    url_ignored: RwSignal<Vec<Ignored>>,
    resolved: Memo<(Selection, Vec<Ignored>)>,
) -> impl IntoView {
    let ctx = use_atlas();
    let total = ctx.atlas.catalog.papers.len();
    let results = use_view().results;
    let ignored = move || {
        let mut all = url_ignored.get();
        resolved.with(|(_, unknown)| all.extend(unknown.iter().cloned()));
        all
    };
    view! {
        <p class="atlas-results__count" data-testid="result-count" role="status" aria-live="polite">
            {move || {
                let n = results.with(|r| r.count);
                if n == total {
                    papers(n)
                } else {
                    format!("{n} of {total} papers")
                }
            }}
        </p>
        {move || {
            let ignored = ignored();
            (!ignored.is_empty())
                .then(|| {
                    let list = ignored.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                    view! {
                        <p class="atlas-notice" data-testid="ignored">
                            "Ignored from the link: " {list}
                        </p>
                    }
                })
        }}
    }
}

/// The active filters as removable chips, and "clear all".
#[component]
fn ActiveFilters() -> impl IntoView {
    let view_state = use_view();
    let query = view_state.query;
    let filters = view_state.filters;
    // Memos, so that typing re-renders only the search chip's label.
    let has_terms = Memo::new(move |_| query.with(Query::has_terms));
    let any = Memo::new(move |_| has_terms.get() || filters.with(|f| !f.is_empty()));
    // Stored, so that the closures below are Copy for `<Show>`.
    let atlas = StoredValue::new(use_atlas().atlas);
    let chips = move || {
        atlas.with_value(|atlas| {
            filters.with(|f| {
                let mut chips: Vec<(String, Chip)> = Vec::new();
                for facet in Facet::ALL {
                    for &i in f.of(facet) {
                        let name = atlas.facet_name(facet, i);
                        let label = match facet {
                            Facet::Tag => format!("#{name}"),
                            _ => name.to_string(),
                        };
                        chips.push((label, Chip::Facet(facet, i)));
                    }
                }
                if !f.years.is_unbounded() {
                    chips.push((format!("Years {}", year_label(f.years)), Chip::Years));
                }
                for &a in &f.authors {
                    let name = atlas.author_name(a).to_string();
                    chips.push((format!("Author: {name}"), Chip::Author(name)));
                }
                if !f.papers.is_empty() {
                    chips.push((
                        format!("Shared list: {}", papers(f.papers.len())),
                        Chip::Papers,
                    ));
                }
                if let Some(day) = f.since {
                    chips.push((format!("Added since {day}"), Chip::Since));
                }
                chips
            })
        })
    };
    let remove = move |chip: &Chip| {
        let mut next = query.get_untracked();
        match chip {
            Chip::Facet(facet, i) => {
                let id = atlas.with_value(|atlas| atlas.facet_ids(*facet)[*i].to_string());
                next = next.toggled(*facet, &id);
            }
            Chip::Years => next.years = YearRange::default(),
            Chip::Author(name) => next = next.toggled_author(name),
            Chip::Papers => next.papers.clear(),
            Chip::Since => next.since = None,
        }
        view_state.set(next, History::Push);
    };
    let chip = move |label: Signal<String>, on_click: Box<dyn Fn()>| {
        view! {
            <li>
                <button
                    class="atlas-chip"
                    aria-label=move || format!("Remove filter {}", label.get())
                    on:click=move |_| on_click()
                >
                    {label}
                    <span aria-hidden="true" class="atlas-chip__x">"×"</span>
                </button>
            </li>
        }
    };
    view! {
        <Show when=move || any.get()>
            <ul class="atlas-chips" aria-label="Active filters">
                {move || {
                    has_terms.get().then(|| {
                        let label = Signal::derive(move || query.with(|q| format!("“{}”", q.text.trim())));
                        chip(
                            label,
                            Box::new(move || {
                                view_state.set(query.with_untracked(|q| q.with_text("")), History::Push)
                            }),
                        )
                    })
                }}
                {move || {
                    chips()
                        .into_iter()
                        .map(|(label, which)| chip(Signal::stored(label), Box::new(move || remove(&which))))
                        .collect_view()
                }}
                <li>
                    <button
                        class="atlas-chip atlas-chip--clear"
                        on:click=move |_| {
                            view_state.set(query.with_untracked(Query::cleared), History::Push)
                        }
                    >
                        "Clear all"
                    </button>
                </li>
            </ul>
        </Show>
    }
}

/// What an active-filter chip removes.
enum Chip {
    Facet(Facet, usize),
    Years,
    Author(String),
    Papers,
    Since,
}

/// When nothing matches: which filter to remove, and "did you mean".
#[component]
fn EmptyState(resolved: Memo<(Selection, Vec<Ignored>)>) -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let query = view_state.query;
    let results = view_state.results;
    move || {
        if results.with(|r| r.count) > 0 {
            return None;
        }
        let atlas = &ctx.atlas;
        let q = query.get();
        let removals = relaxations(atlas, &q);
        let suggestions: Vec<(String, Query)> = resolved.with(|(selection, _)| {
            selection
                .terms
                .iter()
                .filter(|t| atlas.index().matching(std::slice::from_ref(*t)).is_empty())
                .flat_map(|t| {
                    atlas
                        .index()
                        .suggestions(t, 3)
                        .into_iter()
                        .map(move |s| (t.clone(), s))
                })
                .map(|(term, s)| {
                    let text = crate::text::words(&q.text)
                        .map(|w| if w == term { s.clone() } else { w })
                        .collect::<Vec<_>>()
                        .join(" ");
                    (s, q.with_text(&text))
                })
                .collect()
        });
        Some(view! {
            <div class="atlas-empty">
                <p class="atlas-empty__title">"No paper matches all of this."</p>
                {(!suggestions.is_empty()).then(|| view! {
                    <p>
                        "Did you mean "
                        {suggestions
                            .into_iter()
                            .map(|(word, next)| view! {
                                <button class="atlas-link-button" on:click=move |_| view_state.set(next.clone(), History::Push)>
                                    {word}
                                </button>
                                " "
                            })
                            .collect_view()}
                        "?"
                    </p>
                })}
                {(!removals.is_empty()).then(|| view! {
                    <p>"Try removing a filter:"</p>
                    <ul class="atlas-chips">
                        {removals
                            .into_iter()
                            .map(|(label, count, next)| view! {
                                <li>
                                    <button class="atlas-chip" on:click=move |_| view_state.set(next.clone(), History::Push)>
                                        {format!("Remove {label} ({count} papers)")}
                                    </button>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                })}
            </div>
        })
    }
}

/// Each single filter whose removal would give results: its label, the
/// count without it, and the view without it.
fn relaxations(atlas: &Arc<Atlas>, q: &Query) -> Vec<(String, usize, Query)> {
    let mut options: Vec<(String, Query)> = Vec::new();
    if q.has_terms() {
        options.push((format!("the search “{}”", q.text.trim()), q.with_text("")));
    }
    for facet in Facet::ALL {
        for id in q.values(facet) {
            options.push((format!("{} {id}", facet.param()), q.toggled(facet, id)));
        }
    }
    if !q.years.is_unbounded() {
        let mut next = q.clone();
        next.years = YearRange::default();
        options.push((format!("years {}", year_label(q.years)), next));
    }
    for name in &q.authors {
        options.push((format!("author {name}"), q.toggled_author(name)));
    }
    if !q.papers.is_empty() {
        let mut next = q.clone();
        next.papers.clear();
        options.push(("the shared list".to_string(), next));
    }
    if let Some(day) = q.since {
        let mut next = q.clone();
        next.since = None;
        options.push((format!("added since {day}"), next));
    }
    options
        .into_iter()
        .filter_map(|(label, next)| {
            let (_, results) = atlas.search(&next, 0);
            (results.count > 0).then_some((label, results.count, next))
        })
        .collect()
}

fn active_filter_count(q: &Query) -> usize {
    Facet::ALL.iter().map(|&f| q.values(f).len()).sum::<usize>()
        + usize::from(!q.years.is_unbounded())
        + q.authors.len()
        + usize::from(!q.papers.is_empty())
        + usize::from(q.since.is_some())
}
