//! The explorer's view state: the [`Query`] the URL describes (SPEC.md
//! §2), what it resolves to, and its way back into the URL. The explorer
//! page provides it; its widgets (filters, charts, cards, exports) read it
//! through [`use_view`] without knowing the page.

use super::browser::{after_paint, location_search, on_window, set_title};
use super::AtlasContext;
use crate::atlas::{Atlas, Filters, Results, Selection, PAGE};
use crate::query::{Facet, Ignored, Query, YearRange};
use leptos::ev;
use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use std::sync::Arc;

/// How a change reaches the browser history.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// Typing: the entry is replaced, so back does not replay keystrokes.
    Replace,
    /// A deliberate click: a new entry that back returns from.
    Push,
}

/// The explorer's view state, shared with its widgets.
#[derive(Clone, Copy)]
pub struct ViewState {
    /// Read-only: a change goes through [`ViewState::set`], which keeps
    /// the filters and the URL in step.
    pub query: ReadSignal<Query>,
    /// The chosen filters without the text. Hundreds of controls show
    /// what is chosen (facet rows, cloud tags, chart bars, card tags), so
    /// it is a signal written only when the filters change: as a Memo of
    /// the query, every keystroke made each of them check it again
    /// (a task poll and a copy of its sources apiece).
    pub filters: ReadSignal<Filters>,
    pub results: Memo<Results>,
    change: Callback<(Query, History)>,
    url: UrlSync,
}

impl ViewState {
    /// Shows `next` and records it in the URL.
    pub fn set(&self, next: Query, history: History) {
        self.change.run((next, history));
    }

    /// Toggles one value of a facet (a deliberate click).
    pub fn toggle(&self, facet: Facet, id: &str) {
        self.set(
            self.query.with_untracked(|q| q.toggled(facet, id)),
            History::Push,
        );
    }

    /// Sets or clears the year range (a deliberate click).
    pub fn set_years(&self, years: YearRange) {
        let mut next = self.query.get_untracked();
        next.years = years;
        self.set(next, History::Push);
    }

    /// Writes a URL change that is still waiting for the next frame, so
    /// that the address bar is exact (before copying it, for one).
    pub fn flush_url(&self) {
        self.url.flush();
    }
}

pub fn use_view() -> ViewState {
    use_context::<ViewState>().expect("ViewState is provided by Explorer")
}

/// The URL and the document title follow the view. Typing writes them one
/// frame after the list has updated, once per frame however fast the keys
/// come (`replaceState` and a title change each cost milliseconds in
/// Chromium); a click writes a new history entry at once, after any write
/// still waiting.
#[derive(Clone, Copy)]
struct UrlSync {
    /// The href and title a keystroke left to write.
    pending: StoredValue<Option<(String, String)>>,
    write: Callback<(String, String, History)>,
}

impl UrlSync {
    fn new() -> UrlSync {
        let navigate = use_navigate();
        UrlSync {
            pending: StoredValue::new(None),
            write: Callback::new(move |(href, title, history): (String, String, History)| {
                // `resolve: false` with the base included: resolving would
                // add the base a second time under a sub-path (GUIDE.md).
                navigate(
                    &href,
                    NavigateOptions {
                        resolve: false,
                        replace: history == History::Replace,
                        scroll: false,
                        ..Default::default()
                    },
                );
                set_title(&title);
            }),
        }
    }

    fn record(self, href: String, title: String, history: History) {
        match history {
            History::Push => {
                self.flush();
                self.write.run((href, title, History::Push));
            }
            History::Replace => {
                let first = self.pending.with_value(Option::is_none);
                self.pending.set_value(Some((href, title)));
                if first {
                    // After the frame that shows the keystroke's results.
                    after_paint(move || self.flush());
                }
            }
        }
    }

    /// Drops what is pending: the user went back or forward meanwhile.
    fn cancel(self) {
        self.pending.try_set_value(None);
    }

    /// Writes what is pending, unless the explorer has gone (a link was
    /// followed in the meantime, and the URL is the new page's).
    fn flush(self) {
        if let Some((href, title)) = self.pending.try_update_value(Option::take).flatten() {
            self.write.run((href, title, History::Replace));
        }
    }
}

/// Papers the search index reads per task: about 15 ms of work in the
/// browser, so that a page of 100,000 papers (seconds of building) still
/// scrolls and answers clicks meanwhile.
const INDEX_STEP: usize = 1000;

/// Builds the search index a step per task, and marks when it is ready.
/// A search in between finishes the build at once (`Atlas::index`).
fn build_index(atlas: Arc<Atlas>) {
    if atlas.build_index_step(INDEX_STEP) {
        super::browser::mark("atlas:index-built");
    } else {
        super::browser::soon(move || build_index(atlas));
    }
}

/// What the explorer page holds besides the widgets' [`ViewState`]: the
/// resolved view (for its notices), the ordered page of results, how many
/// cards are shown, and what the URL had that could not be used.
pub struct ExplorerState {
    pub view: ViewState,
    pub resolved: Memo<(Selection, Vec<Ignored>)>,
    pub ordered: Memo<Vec<usize>>,
    pub shown: RwSignal<usize>,
    pub url_ignored: RwSignal<Vec<Ignored>>,
}

impl ExplorerState {
    /// Decodes the URL, derives the results, provides the [`ViewState`]
    /// and follows back and forward.
    pub fn provide(ctx: &AtlasContext) -> ExplorerState {
        let atlas = ctx.atlas.clone();
        // The router's location, not window.location: when a link leads here
        // from another page, the route renders before the browser URL changes.
        let decoded = Query::decode(&use_location().search.get_untracked());
        set_title(&view_title(&atlas, &decoded.query));
        let query = RwSignal::new(decoded.query);
        // Values the URL had that could not be used, shown as a notice.
        let url_ignored = RwSignal::new(decoded.ignored);
        let shown = RwSignal::new(PAGE);

        // The resolved selection is read by the results, the list order and the
        // notices, so it is a Memo; so are the results (list, counts, charts).
        let resolved = Memo::new({
            let atlas = atlas.clone();
            move |_| query.with(|q| atlas.resolve(q))
        });
        let (filters, set_filters) =
            signal(resolved.with_untracked(|(selection, _)| selection.filters.clone()));
        // The one writer of the query: the filters follow, if they changed.
        let show = move |next: Query| {
            query.set(next);
            let chosen = resolved.with_untracked(|(selection, _)| selection.filters.clone());
            if filters.with_untracked(|now| *now != chosen) {
                set_filters.set(chosen);
            }
        };
        let results = Memo::new({
            let atlas = atlas.clone();
            move |_| resolved.with(|(selection, _)| atlas.run(selection))
        });
        let ordered = Memo::new({
            let atlas = atlas.clone();
            move |_| {
                let limit = shown.get();
                resolved.with(|(selection, _)| {
                    results.with(|r| atlas.ordered(selection, &r.matches, limit))
                })
            }
        });

        // The search index is built in steps after the first results are
        // painted, so that they show without waiting for it (a search before
        // then finishes it on the spot).
        after_paint({
            let atlas = atlas.clone();
            move || build_index(atlas)
        });

        let url = UrlSync::new();
        let last_view = ctx.last_view;
        let hrefs = ctx.clone();
        last_view.set(query.with_untracked(Query::encode));
        let change = Callback::new(move |(next, history): (Query, History)| {
            // The list updates from the signal at once; the URL follows.
            let encoded = next.encode();
            let title = view_title(&hrefs.atlas, &next);
            shown.set(PAGE);
            show(next);
            url_ignored.set(Vec::new());
            last_view.set(encoded.clone());
            url.record(hrefs.explorer_href(&encoded), title, history);
        });
        let view_state = ViewState {
            query: query.read_only(),
            filters,
            results,
            change,
            url,
        };
        provide_context(view_state);

        // Back and forward restore the view the URL describes.
        let popstate_atlas = atlas.clone();
        let popstate = on_window(ev::popstate, move |_| {
            url.cancel();
            let decoded = Query::decode(&location_search());
            last_view.set(decoded.query.encode());
            set_title(&view_title(&popstate_atlas, &decoded.query));
            show(decoded.query);
            url_ignored.set(decoded.ignored);
            shown.set(PAGE);
        });
        on_cleanup(move || {
            if let Some(popstate) = popstate {
                popstate.remove();
            }
        });
        ExplorerState {
            view: view_state,
            resolved,
            ordered,
            shown,
            url_ignored,
        }
    }
}

/// "rdma · Networking — Systems Atlas".
pub fn view_title(atlas: &Atlas, q: &Query) -> String {
    let mut parts: Vec<String> = Vec::new();
    if q.has_terms() {
        parts.push(format!("“{}”", q.text.trim()));
    }
    for facet in Facet::ALL {
        let ids = atlas.facet_ids(facet);
        for id in q.values(facet) {
            if let Some(i) = ids.iter().position(|known| known == id) {
                parts.push(atlas.facet_name(facet, i).to_string());
            }
        }
    }
    if !q.years.is_unbounded() {
        parts.push(year_label(q.years));
    }
    parts.extend(q.authors.iter().filter_map(|name| {
        atlas
            .find_author(name)
            .map(|a| atlas.author_name(a).to_string())
    }));
    if parts.is_empty() {
        "Systems Atlas — production systems papers".to_string()
    } else {
        format!("{} — Systems Atlas", parts.join(" · "))
    }
}

/// "2021–2023", "since 2023", "until 2021", "2022".
pub fn year_label(years: YearRange) -> String {
    match (years.from, years.to) {
        (Some(a), Some(b)) if a == b => a.to_string(),
        (Some(a), Some(b)) => format!("{a}–{b}"),
        (Some(a), None) => format!("since {a}"),
        (None, Some(b)) => format!("until {b}"),
        (None, None) => "all".to_string(),
    }
}
