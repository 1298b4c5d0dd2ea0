//! Papers per company in the current results (with every filter but the
//! company filter, so other companies stay clickable), largest first. A
//! click toggles the company filter.

use super::explorer::use_view;
use super::use_atlas;
use crate::chart::{nice_max, px};
use crate::query::Facet;
use leptos::prelude::*;

const WIDTH: f64 = 320.0;
const ROW: f64 = 20.0;
const LABEL: f64 = 96.0;
/// Companies shown before "show all".
const TOP: usize = 10;

#[component]
pub fn CompanyChart() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let as_table = RwSignal::new(false);
    let expanded = RwSignal::new(false);
    // Read by the chart, the table and the "show all" button.
    let rows = Memo::new(move |_| {
        let counts = view_state
            .results
            .with(|r| r.counts.of(Facet::Company).to_vec());
        let mut rows: Vec<(usize, usize)> = counts
            .into_iter()
            .enumerate()
            .filter(|&(c, n)| {
                n > 0
                    || view_state
                        .query
                        .with(|q| q.is_selected(Facet::Company, &ctx.atlas.catalog.companies[c].id))
            })
            .collect();
        rows.sort_by_key(|&(c, n)| (std::cmp::Reverse(n), c));
        let all = rows.len();
        if !expanded.get() {
            rows.truncate(TOP);
        }
        (rows, all)
    });
    let names = use_atlas();
    let chart = move || {
        let (rows, _) = rows.get();
        let top = nice_max(rows.iter().map(|&(_, n)| n).max().unwrap_or(0));
        let height = ROW * rows.len().max(1) as f64;
        let unit = (WIDTH - LABEL - 28.0) / top as f64;
        let bars = rows
            .into_iter()
            .enumerate()
            .map(|(i, (c, n))| {
                let company = &names.atlas.catalog.companies[c];
                let id = company.id.clone();
                let y = i as f64 * ROW;
                let selected = {
                    let id = id.clone();
                    move || view_state.query.with(|q| q.is_selected(Facet::Company, &id))
                };
                let toggle = {
                    let id = id.clone();
                    move || view_state.toggle(Facet::Company, &id)
                };
                let toggle_key = toggle.clone();
                view! {
                    <g
                        class="atlas-chart__bar"
                        class:atlas-chart__bar--active=selected.clone()
                        data-company=id
                        role="button"
                        tabindex="0"
                        aria-pressed=move || selected().to_string()
                        on:click=move |_| toggle()
                        on:keydown=move |e| {
                            if e.key() == "Enter" || e.key() == " " {
                                e.prevent_default();
                                toggle_key();
                            }
                        }
                    >
                        <rect class="atlas-chart__hit" x=0 y=px(y) width=px(WIDTH) height=px(ROW)/>
                        <text class="atlas-chart__name" x=px(LABEL - 6.0) y=px(y + ROW * 0.68) text-anchor="end">
                            {company.name.clone()}
                        </text>
                        <rect class="atlas-chart__company" x=px(LABEL) y=px(y + 3.0) width=px(n as f64 * unit) height=px(ROW - 6.0) rx=2/>
                        <text class="atlas-chart__value" x=px(LABEL + n as f64 * unit + 4.0) y=px(y + ROW * 0.68)>{n}</text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg
                class="atlas-chart"
                viewBox=format!("0 0 {} {}", px(WIDTH), px(height))
                role="group"
                aria-label="Papers per company"
            >
                {bars}
            </svg>
        }
    };
    let table_names = use_atlas();
    let table = move || {
        let (rows, _) = rows.get();
        view! {
            <table class="atlas-table">
                <caption class="atlas-visually-hidden">"Papers per company"</caption>
                <thead><tr><th scope="col">"Company"</th><th scope="col">"Papers"</th></tr></thead>
                <tbody>
                    {rows
                        .into_iter()
                        .map(|(c, n)| view! {
                            <tr><th scope="row">{table_names.atlas.catalog.companies[c].name.clone()}</th><td>{n}</td></tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    };
    view! {
        <section class="atlas-panel" aria-labelledby="atlas-company-title">
            <div class="atlas-panel__head">
                <h2 class="atlas-panel__title" id="atlas-company-title">"Papers per company"</h2>
                <button
                    class="atlas-link-button"
                    aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|t| *t = !*t)
                >
                    {move || if as_table.get() { "Chart" } else { "Table" }}
                </button>
            </div>
            <div data-testid="company-chart">
                {move || if as_table.get() { table().into_any() } else { chart().into_any() }}
            </div>
            {move || {
                let (_, all) = rows.get();
                (all > TOP).then(|| view! {
                    <button
                        class="atlas-link-button"
                        aria-expanded=move || expanded.get().to_string()
                        on:click=move |_| expanded.update(|e| *e = !*e)
                    >
                        {move || if expanded.get() { "Show fewer".to_string() } else { format!("Show all {all} companies") }}
                    </button>
                })
            }}
        </section>
    }
}
