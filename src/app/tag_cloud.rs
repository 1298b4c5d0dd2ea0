//! The tag cloud of the current results: size by frequency on a log
//! scale; a click toggles the tag filter; the description shows on hover
//! and on keyboard focus.

use super::patch::{patch_changed, set_text};
use super::use_atlas;
use super::view_state::use_view;
use crate::chart::cloud_step;
use crate::query::Facet;
use leptos::html;
use leptos::prelude::*;

/// Font size steps (CSS classes `atlas-cloud__tag--s0` … `--s4`).
const STEPS: usize = 5;

#[component]
pub fn TagCloud() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let focused = RwSignal::new(None::<usize>);
    // Per tag: its count in the results and its size step. Read once per
    // change, by the effect that patches the tags (not a Memo).
    let weights = move || {
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
    };
    let atlas = ctx.atlas.clone();
    let catalog = &ctx.atlas.catalog;
    let description = move || {
        focused.get().map(|t| {
            let tag = &atlas.catalog.tags[t];
            format!(
                "#{}: {}",
                tag.id,
                tag.description.clone().unwrap_or_else(|| tag.name.clone())
            )
        })
    };
    let shown = untrack(weights);
    let rows: Vec<CloudRow> = shown.iter().map(|_| CloudRow::default()).collect();
    let row_refs = rows.clone();
    patch_changed(shown.clone(), weights, move |t, before, &(n, step)| {
        let row = &row_refs[t];
        let (was_n, was_step) = before.copied().unwrap_or((usize::MAX, usize::MAX));
        if n != was_n {
            set_text(&row.count, &n.to_string());
            if let Some(item) = row.item.get_untracked() {
                item.set_hidden(n == 0);
            }
        }
        if step != was_step {
            if let Some(button) = row.button.get_untracked() {
                let classes = button.class_list();
                let _ = classes.remove_1(&step_class(was_step));
                let _ = classes.add_1(&step_class(step));
            }
        }
    });
    view! {
        <section class="atlas-panel" aria-labelledby="atlas-cloud-title">
            <h2 class="atlas-panel__title" id="atlas-cloud-title">"Tags in these results"</h2>
            <ul class="atlas-cloud" data-testid="tag-cloud">
                // Every tag, in catalog order, hidden while it has no papers:
                // a keystroke only rewrites what changed (see `patch_changed`).
                {shown
                    .iter()
                    .enumerate()
                    .map(|(t, &(n, step))| {
                        let tag = &catalog.tags[t];
                        let id = tag.id.clone();
                        let pressed = move || view_state.filters.with(|f| f.contains(Facet::Tag, t));
                        let row = rows[t];
                        view! {
                            <li hidden=n == 0 node_ref=row.item>
                                <button
                                    class=format!("atlas-cloud__tag {}", step_class(step))
                                    class:atlas-cloud__tag--active=pressed
                                    data-tag=id.clone()
                                    aria-pressed=move || pressed().to_string()
                                    title=tag.description.clone().unwrap_or_default()
                                    node_ref=row.button
                                    on:mouseenter=move |_| focused.set(Some(t))
                                    on:focus=move |_| focused.set(Some(t))
                                    on:click=move |_| view_state.toggle(Facet::Tag, &id)
                                >
                                    {tag.id.clone()}
                                    " "
                                    <span class="atlas-cloud__count" node_ref=row.count>{n}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
            <p class="atlas-panel__hint" aria-live="polite">
                {move || description().unwrap_or_else(|| "Click a tag to require it; hover or focus one for its meaning.".into())}
            </p>
        </section>
    }
}

/// The class of a size step.
fn step_class(step: usize) -> String {
    format!("atlas-cloud__tag--s{step}")
}

/// The elements of one tag that a count change rewrites.
#[derive(Clone, Copy, Default)]
struct CloudRow {
    item: NodeRef<html::Li>,
    button: NodeRef<html::Button>,
    count: NodeRef<html::Span>,
}
