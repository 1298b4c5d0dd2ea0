//! The tag cloud of the current results: size by frequency on a log
//! scale; a click toggles the tag filter; the description shows on hover
//! and on keyboard focus.

use super::explorer::use_view;
use super::use_atlas;
use crate::chart::cloud_step;
use crate::query::Facet;
use leptos::prelude::*;

/// Font size steps (CSS classes `atlas-cloud__tag--s0` … `--s4`).
const STEPS: usize = 5;

#[component]
pub fn TagCloud() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let focused = RwSignal::new(None::<usize>);
    // Per tag: its count in the results and its size step. A Memo, read by
    // the list of present tags and by every tag's count and size.
    let weights = Memo::new(move |_| {
        view_state.results.with(|r| {
            let counts = r.counts.of(Facet::Tag);
            let present = counts.iter().copied().filter(|&n| n > 0);
            let min = present.clone().min().unwrap_or(0);
            let max = present.max().unwrap_or(0);
            counts
                .iter()
                .map(|&n| (n, cloud_step(n, min, max, STEPS)))
                .collect::<Vec<_>>()
        })
    });
    let entries = move || {
        weights.with(|w| {
            w.iter()
                .enumerate()
                .filter(|(_, &(n, _))| n > 0)
                .map(|(t, _)| t)
                .collect::<Vec<_>>()
        })
    };
    let names = ctx.clone();
    let description = move || {
        focused.get().map(|t| {
            let tag = &ctx.atlas.catalog.tags[t];
            format!(
                "#{}: {}",
                tag.id,
                tag.description.clone().unwrap_or_else(|| tag.name.clone())
            )
        })
    };
    view! {
        <section class="atlas-panel" aria-labelledby="atlas-cloud-title">
            <h2 class="atlas-panel__title" id="atlas-cloud-title">"Tags in these results"</h2>
            <ul class="atlas-cloud" data-testid="tag-cloud">
                // Keyed by tag: a keystroke updates sizes and counts in place.
                <For
                    each=entries
                    key=|&t| t
                    children=move |t| {
                        let count = move || weights.with(|w| w[t].0);
                        let class = move || {
                            format!("atlas-cloud__tag atlas-cloud__tag--s{}", weights.with(|w| w[t].1))
                        };
                        let tag = &names.atlas.catalog.tags[t];
                        let id = tag.id.clone();
                        let pressed = move || view_state.filters.with(|f| f.contains(Facet::Tag, t));
                        view! {
                            <li>
                                <button
                                    class=class
                                    class:atlas-cloud__tag--active=pressed
                                    data-tag=id.clone()
                                    aria-pressed=move || pressed().to_string()
                                    title=tag.description.clone().unwrap_or_default()
                                    on:mouseenter=move |_| focused.set(Some(t))
                                    on:focus=move |_| focused.set(Some(t))
                                    on:click=move |_| view_state.toggle(Facet::Tag, &id)
                                >
                                    {tag.id.clone()}
                                    " "
                                    <span class="atlas-cloud__count">{count}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <p class="atlas-panel__hint" aria-live="polite">
                {move || description().unwrap_or_else(|| "Click a tag to require it; hover or focus one for its meaning.".into())}
            </p>
        </section>
    }
}
