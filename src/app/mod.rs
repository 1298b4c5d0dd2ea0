//! The browser app: the router, the catalog load, and the pages. The
//! components render what the plain modules compute and turn clicks back
//! into a new [`Query`](crate::query::Query).

mod api;
pub mod browser;
mod chart_panel;
mod clipboard;
mod company_chart;
mod explorer;
mod export_menu;
mod facet_panel;
mod later;
mod offline;
mod paper_card;
mod paper_page;
mod papers_page;
mod patch;
#[cfg(feature = "ssr")]
pub mod prerender;
mod reading_list;
mod saved_page;
mod tag_cloud;
mod theme;
mod timeline_chart;
mod view_state;

use crate::atlas::Atlas;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use std::sync::Arc;

/// Installs the panic hook and mounts [`App`] on `<body>`, in a task after
/// the one that compiled and started the wasm (each is long on a slow
/// phone; together they blocked input for twice as long).
pub fn start() {
    browser::install_panic_hook();
    theme::apply(theme::stored());
    browser::soon(mount);
}

/// Mounts [`App`]: on the shell, into `<body>`, in place of the shell's
/// loading placeholder; beside a prerendered page
/// (SPEC.md §5), into a hidden element that [`browser::reveal`] swaps in
/// once the app's page is complete, so the visitor reads the prerendered
/// page meanwhile and sees no jump.
fn mount() {
    match browser::has_prerendered_page()
        .then(browser::hidden_app_root)
        .flatten()
    {
        Some(host) => leptos::mount::mount_to(host, App).forget(),
        None => {
            browser::remove_boot_placeholder();
            leptos::mount::mount_to_body(App)
        }
    }
}

/// What every page shares: the loaded catalog and where the app lives.
#[derive(Clone)]
pub struct AtlasContext {
    pub atlas: Arc<Atlas>,
    /// The app's base path without a trailing slash: `""` at the site
    /// root, `"/atlas"` under a GitHub Pages project path.
    pub base: Arc<str>,
    /// The query string of the explorer's last view, for "back to results".
    pub last_view: RwSignal<String>,
}

impl AtlasContext {
    /// The href of the explorer with a query string (without `?`).
    pub fn explorer_href(&self, query_string: &str) -> String {
        if query_string.is_empty() {
            format!("{}/", self.base)
        } else {
            format!("{}/?{query_string}", self.base)
        }
    }

    /// The explorer filtered to one value of a facet (`?tag=rdma`).
    pub fn filter_href(&self, facet: crate::query::Facet, id: &str) -> String {
        self.explorer_href(&crate::query::Query::default().toggled(facet, id).encode())
    }

    /// The explorer showing one author's papers (`?author=<name>`).
    pub fn author_href(&self, name: &str) -> String {
        let query = crate::query::Query {
            authors: vec![crate::query::author_name(name)],
            ..Default::default()
        };
        self.explorer_href(&query.encode())
    }

    pub fn papers_href(&self) -> String {
        format!("{}/papers", self.base)
    }

    pub fn saved_href(&self) -> String {
        format!("{}/saved", self.base)
    }

    pub fn paper_href(&self, id: &str) -> String {
        format!("{}/paper/{id}", self.base)
    }
}

pub fn use_atlas() -> AtlasContext {
    use_context::<AtlasContext>().expect("AtlasContext is provided by App")
}

/// The base path from `<base href>`, which trunk writes from
/// `--public-url`, so the code never names the repository.
fn base_path() -> String {
    browser::base_uri_path().trim_end_matches('/').to_string()
}

/// The app: loads the catalog, then routes between the explorer and the
/// paper pages. A failed load is shown as an alert with a retry button.
#[component]
pub fn App() -> impl IntoView {
    let base = base_path();
    let catalog = LocalResource::new(api::load_atlas);
    let router_base = base.clone();
    let offline = offline::listen();
    // The service worker once the catalog is read or has failed: its
    // precache would compete with the catalog's download (`register`).
    Effect::new(move |registered: Option<bool>| {
        if registered == Some(true) {
            return true;
        }
        let loaded = catalog.with(Option::is_some);
        if loaded {
            offline::register(offline);
        }
        loaded
    });

    view! {
        <Router base=router_base>
            <a class="atlas-skip" href="#results">"Skip to results"</a>
            <offline::OfflineNotices state=offline/>
            {move || match catalog.get() {
                None => view! { <Loading/> }.into_any(),
                Some(Err(message)) => {
                    view! { <LoadError message=message on_retry=move || catalog.refetch()/> }
                        .into_any()
                }
                Some(Ok(atlas)) => view! { <Pages atlas=atlas base=base.clone()/> }.into_any(),
            }}
        </Router>
    }
}

/// The routes over a loaded catalog; inside a `<Router>`.
#[component]
pub fn Pages(atlas: Arc<Atlas>, #[prop(into)] base: String) -> impl IntoView {
    provide_context(AtlasContext {
        atlas,
        base: base.into(),
        last_view: RwSignal::new(String::new()),
    });
    reading_list::ReadingList::provide();
    view! {
        <Routes fallback=|| view! { <paper_page::NotFound what="page"/> }>
            <Route path=path!("/") view=explorer::Explorer/>
            <Route path=path!("/paper/:id") view=paper_page::PaperPage/>
            <Route path=path!("/saved") view=saved_page::SavedPage/>
            <Route path=path!("/papers") view=papers_page::PapersPage/>
        </Routes>
    }
}

/// Shown while the catalog loads.
#[component]
fn Loading() -> impl IntoView {
    view! {
        <main class="atlas-loading" aria-busy="true">
            <p class="atlas-loading__text">"Loading the catalog…"</p>
        </main>
    }
}

/// The catalog could not be loaded: what went wrong, and a way to retry.
#[component]
fn LoadError(message: String, on_retry: impl Fn() + 'static) -> impl IntoView {
    // The message must be seen, not left behind a prerendered page.
    browser::reveal_when_rendered();
    view! {
        <main class="atlas-page">
            <div class="atlas-error" role="alert" data-testid="error">
                <h1 class="atlas-error__title">"The catalog could not be loaded"</h1>
                <pre class="atlas-error__message">{message}</pre>
                <p>
                    "Check your connection and try again. If you maintain this catalog, run "
                    <code>"cargo xtask catalog check"</code> " to see every problem."
                </p>
                <button class="atlas-button" on:click=move |_| on_retry()>
                    "Try again"
                </button>
            </div>
        </main>
    }
}
