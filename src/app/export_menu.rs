//! "Copy link" for the current view and downloads of its results as
//! BibTeX, CSV, JSON or Markdown.

use super::clipboard::use_copy;
use super::use_atlas;
use super::view_state::use_view;
use crate::export::{export, Format};
use leptos::prelude::*;

/// One download button per format, for the papers `papers()` gives when
/// clicked, named `<prefix>-<n>-papers.<ext>`.
pub(super) fn download_items(
    atlas: std::sync::Arc<crate::atlas::Atlas>,
    prefix: &'static str,
    papers: impl Fn() -> Vec<usize> + Clone + 'static,
) -> impl IntoView {
    Format::ALL
        .into_iter()
        .map(|format| {
            let atlas = atlas.clone();
            let papers = papers.clone();
            let save = move |_| {
                let papers = papers();
                let text = export(&atlas.catalog, &papers, format);
                let name = format!("{prefix}-{}-papers.{}", papers.len(), format.extension());
                if let Err(e) = super::browser::download(&name, format.mime(), &text) {
                    leptos::logging::warn!("download failed: {e:?}");
                }
            };
            view! {
                <li>
                    <button class="atlas-menu__item" data-format=format.extension() on:click=save>
                        {format.label()}
                    </button>
                </li>
            }
        })
        .collect_view()
}

#[component]
pub fn ExportMenu() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let (copied, copy) = use_copy();
    let copy_link = move |_| {
        view_state.flush_url();
        copy(&super::browser::page_address())
    };
    let atlas = ctx.atlas.clone();
    // The whole result list, in its order, not just the cards shown.
    let papers = move || {
        let (selection, _) = view_state.query.with_untracked(|q| atlas.resolve(q));
        view_state
            .results
            .with_untracked(|r| atlas.ordered(&selection, &r.matches, usize::MAX))
    };
    let buttons = download_items(ctx.atlas.clone(), "systems-atlas", papers);
    view! {
        <div class="atlas-tools">
            <button class="atlas-button atlas-button--small" data-testid="copy-link" on:click=copy_link>
                {move || if copied.get() { "Link copied" } else { "Copy link" }}
            </button>
            <details class="atlas-menu" data-testid="export">
                <summary class="atlas-button atlas-button--small">"Export"</summary>
                <ul class="atlas-menu__list" aria-label="Download these results">
                    {buttons}
                </ul>
            </details>
        </div>
    }
}
