//! Papers per company in the current results (with every filter but the
//! company filter, so other companies stay clickable), largest first. A
//! click toggles the company filter.

use super::chart_panel::ChartPanel;
use super::use_atlas;
use super::view_state::use_view;
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
    let expanded = RwSignal::new(false);
    // The companies shown, largest first, with their counts, and how many
    // there are in all. Read by the chart, the table and "show all".
    let rows = Memo::new(move |_| {
        let mut rows: Vec<(usize, usize)> = view_state.results.with(|r| {
            view_state.filters.with(|f| {
                r.counts
                    .of(Facet::Company)
                    .iter()
                    .copied()
                    .enumerate()
                    .filter(|&(c, n)| n > 0 || f.contains(Facet::Company, c))
                    .collect()
            })
        });
        // Rows come in company order, which equal counts keep.
        crate::order::sort_by_key(&mut rows, |(_, n)| {
            crate::order::Key::default().desc(n as u64, 32)
        });
        let all = rows.len();
        if !expanded.get() {
            rows.truncate(TOP);
        }
        (rows, all)
    });
    // Pixels per paper.
    let unit = Memo::new(move |_| {
        let top = rows.with(|(rows, _)| rows.iter().map(|&(_, n)| n).max().unwrap_or(0));
        (WIDTH - LABEL - 28.0) / nice_max(top) as f64
    });

    let names = ctx.clone();
    // Bars are keyed by company: a keystroke moves and resizes them.
    let chart = move || {
        let names = names.clone();
        view! {
            <svg
                class="atlas-chart"
                viewBox=move || format!("0 0 {} {}", px(WIDTH), px(ROW * rows.with(|(r, _)| r.len().max(1)) as f64))
                role="group"
                aria-label="Papers per company"
            >
                <For
                    each=move || rows.with(|(r, _)| r.iter().map(|&(c, _)| c).collect::<Vec<_>>())
                    key=|&c| c
                    children=move |c| {
                        let company = &names.atlas.catalog.companies[c];
                        let id = company.id.clone();
                        let rank = move || rows.with(|(r, _)| r.iter().position(|&(x, _)| x == c).unwrap_or(0));
                        let count = move || rows.with(|(r, _)| r.iter().find(|&&(x, _)| x == c).map_or(0, |&(_, n)| n));
                        let width = move || px(count() as f64 * unit.get());
                        let selected = move || view_state.filters.with(|f| f.contains(Facet::Company, c));
                        let toggle = move || view_state.toggle(Facet::Company, &id);
                        let toggle_key = toggle.clone();
                        view! {
                            <g
                                class="atlas-chart__bar"
                                class:atlas-chart__bar--active=selected
                                data-company=company.id.clone()
                                transform=move || format!("translate(0 {})", px(rank() as f64 * ROW))
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
                                <rect class="atlas-chart__hit" x=0 y=0 width=px(WIDTH) height=px(ROW)/>
                                <text class="atlas-chart__name" x=px(LABEL - 6.0) y=px(ROW * 0.68) text-anchor="end">
                                    {company.name.clone()}
                                </text>
                                <rect class="atlas-chart__company" x=px(LABEL) y=3 width=width height=px(ROW - 6.0) rx=2/>
                                <text class="atlas-chart__value" x=move || px(LABEL) + width() + 4 y=px(ROW * 0.68)>{count}</text>
                            </g>
                        }
                    }
                />
            </svg>
        }
    };
    let table_names = ctx.clone();
    let table = move || {
        let table_names = table_names.clone();
        move || {
            rows.with(|(rows, _)| {
                view! {
                    <table class="atlas-table">
                        <caption class="atlas-visually-hidden">"Papers per company"</caption>
                        <thead><tr><th scope="col">"Company"</th><th scope="col">"Papers"</th></tr></thead>
                        <tbody>
                            {rows
                                .iter()
                                .map(|&(c, n)| view! {
                                    <tr><th scope="row">{table_names.atlas.catalog.companies[c].name.clone()}</th><td>{n}</td></tr>
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                }
            })
        }
    };
    let all = Memo::new(move |_| rows.with(|(_, all)| *all));
    view! {
        <ChartPanel id="atlas-company-title" title="Papers per company".to_string() testid="company-chart" chart=chart table=table>
            {move || {
                let all = all.get();
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
        </ChartPanel>
    }
}
