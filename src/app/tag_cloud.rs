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
    let entries = move || {
        view_state.results.with(|r| {
            let counts = r.counts.of(Facet::Tag);
            let present: Vec<(usize, usize)> = counts
                .iter()
                .copied()
                .enumerate()
                .filter(|&(_, n)| n > 0)
                .collect();
            let min = present.iter().map(|&(_, n)| n).min().unwrap_or(0);
            let max = present.iter().map(|&(_, n)| n).max().unwrap_or(0);
            present
                .into_iter()
                .map(|(t, n)| (t, n, cloud_step(n, min, max, STEPS)))
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
                <For
                    each=entries
                    key=|&entry| entry
                    children=move |(t, n, step)| {
                        let tag = &names.atlas.catalog.tags[t];
                        let id = tag.id.clone();
                        let pressed = {
                            let id = id.clone();
                            move || view_state.query.with(|q| q.is_selected(Facet::Tag, &id))
                        };
                        view! {
                            <li>
                                <button
                                    class=format!("atlas-cloud__tag atlas-cloud__tag--s{step}")
                                    class:atlas-cloud__tag--active=pressed.clone()
                                    data-tag=id.clone()
                                    aria-pressed=move || pressed().to_string()
                                    title=tag.description.clone().unwrap_or_default()
                                    on:mouseenter=move |_| focused.set(Some(t))
                                    on:focus=move |_| focused.set(Some(t))
                                    on:click=move |_| view_state.toggle(Facet::Tag, &id)
                                >
                                    {tag.id.clone()}
                                    " "
                                    <span class="atlas-cloud__count">{n}</span>
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
