//! The app's own components rendered to HTML natively (the `ssr`
//! feature): the pages people land on, written at build time by
//! `src/bin/prerender.rs` (SPEC.md §5). The router reads the route from
//! [`RequestUrl`]; the catalog is passed in, since the app's fetch never
//! completes outside a browser.

use super::Pages;
use crate::atlas::Atlas;
use crate::site::{self, Head, Site};
use leptos::prelude::*;
use leptos_router::components::Router;
use leptos_router::location::RequestUrl;
use std::sync::{Arc, Once};

/// The body of the app's page at `route` (`/`, `/paper/<id>`, `/papers`),
/// as the browser app renders it once the catalog is loaded: the skip link
/// and the page.
pub fn render(atlas: Arc<Atlas>, site: &Site, route: &str) -> String {
    static EXECUTOR: Once = Once::new();
    EXECUTOR.call_once(|| {
        let _ = any_spawner::Executor::init_futures_executor();
    });
    let base = site.base.trim_end_matches('/').to_string();
    let url = format!("{base}{route}");
    let owner = Owner::new();
    let html = owner.with(|| {
        provide_context(RequestUrl::new(&url));
        let router_base = base.clone();
        view! {
            <Router base=router_base>
                <a class="atlas-skip" href="#results">"Skip to results"</a>
                <Pages atlas=atlas base=base/>
            </Router>
        }
        .to_html()
    });
    drop(owner);
    html
}

/// The root view's page, built into trunk's `shell`.
pub fn root_page(atlas: Arc<Atlas>, shell: &str, site: &Site) -> Result<String, String> {
    let head = Head {
        title: "Systems Atlas — production systems papers".to_string(),
        description: format!(
            "{} papers on production systems at large tech companies (NSDI, OSDI, SOSP, SIGCOMM, \
             EuroSys, ATC, FAST, VLDB, SIGMOD and more, 2020 on): search them by area, company, \
             venue, year, tag and author.",
            atlas.catalog.papers.len()
        ),
        kind: "website",
        ..Head::default()
    };
    let body = render(atlas, site, "/");
    site::page(shell, &head, site, "root", &body)
}

/// Every file of the static site for `atlas`, built into trunk's `shell`:
/// `(path below the site, contents)`.
pub fn site_files(
    atlas: Arc<Atlas>,
    shell: &str,
    site: &Site,
) -> Result<Vec<(String, String)>, String> {
    let catalog = &atlas.catalog;
    let mut files = vec![(
        "index.html".to_string(),
        root_page(atlas.clone(), shell, site)?,
    )];
    let all = Head {
        title: "All papers by area — Systems Atlas".to_string(),
        description: format!(
            "Every one of the {} papers of Systems Atlas, by area.",
            catalog.papers.len()
        ),
        kind: "website",
        path: "papers".to_string(),
        ..Head::default()
    };
    let body = render(atlas.clone(), site, "/papers");
    files.push((
        "papers.html".to_string(),
        site::page(shell, &all, site, "papers", &body)?,
    ));
    for paper in &catalog.papers {
        let head = site::paper_head(catalog, paper);
        let body = render(atlas.clone(), site, &format!("/paper/{}", paper.id));
        files.push((
            format!("paper/{}.html", paper.id),
            site::page(shell, &head, site, "paper", &body)?,
        ));
    }
    files.push(("sitemap.xml".to_string(), site::sitemap(catalog, site)));
    files.push(("robots.txt".to_string(), site::robots(site)));
    Ok(files)
}
