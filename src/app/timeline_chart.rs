//! Papers per year, stacked by area, for every filter but the year range.
//! A click on a year filters to it (again to clear); shift-click extends
//! the range. A table shows the same numbers as text.

use super::explorer::{use_view, year_label};
use super::use_atlas;
use crate::chart::{nice_max, px, stack, ticks};
use crate::query::YearRange;
use leptos::prelude::*;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 150.0;
const AXIS: f64 = 18.0;
const LEFT: f64 = 26.0;
/// Room above the bars for the top tick's label.
const TOP: f64 = 8.0;

#[component]
pub fn TimelineChart() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let as_table = RwSignal::new(false);
    let hovered = RwSignal::new(None::<u16>);
    let range = move || view_state.query.with(|q| q.years);
    let categories: Vec<String> = ctx
        .atlas
        .catalog
        .categories
        .iter()
        .map(|c| c.name.clone())
        .collect();

    let click = move |year: u16, extend: bool| {
        let r = range();
        let next = if extend && !r.is_unbounded() {
            let from = r.from.map_or(year, |f| f.min(year));
            let to = r.to.map_or(year, |t| t.max(year));
            YearRange {
                from: Some(from),
                to: Some(to),
            }
        } else if r == YearRange::single(year) {
            YearRange::default()
        } else {
            YearRange::single(year)
        };
        view_state.set_years(next);
    };

    let names = categories.clone();
    let detail = move || {
        let timeline = view_state.results.with(|r| r.timeline.clone());
        match hovered
            .get()
            .and_then(|y| timeline.into_iter().find(|b| b.year == y))
        {
            Some(bin) => {
                let parts: Vec<String> = bin
                    .per_category
                    .iter()
                    .zip(&names)
                    .filter(|(n, _)| **n > 0)
                    .map(|(n, name)| format!("{name} {n}"))
                    .collect();
                format!("{}: {} papers. {}", bin.year, bin.total(), parts.join(", "))
            }
            None => "Click a year to filter; shift-click to extend the range.".to_string(),
        }
    };

    let chart = move || {
        let timeline = view_state.results.with(|r| r.timeline.clone());
        let top = nice_max(timeline.iter().map(|b| b.total()).max().unwrap_or(0));
        let plot = HEIGHT - AXIS - TOP;
        // The y of the x axis: bars grow up from it.
        let floor = TOP + plot;
        let slot = (WIDTH - LEFT) / timeline.len().max(1) as f64;
        let grid = ticks(top, 4)
            .into_iter()
            .map(|t| {
                let y = floor - plot * t as f64 / top as f64;
                view! {
                    <line class="atlas-chart__grid" x1=px(LEFT) x2=px(WIDTH) y1=px(y) y2=px(y)/>
                    <text class="atlas-chart__tick" x=px(LEFT - 4.0) y=px(y + 3.0) text-anchor="end">{t}</text>
                }
            })
            .collect_view();
        let bars = timeline
            .into_iter()
            .enumerate()
            .map(|(i, bin)| {
                let year = bin.year;
                let x = LEFT + i as f64 * slot;
                let selected = move || !range().is_unbounded() && range().contains(year);
                let label = format!("{year}: {} papers", bin.total());
                let segments = stack(&bin.per_category, top, plot)
                    .into_iter()
                    .map(|s| {
                        view! {
                            <rect
                                class=format!("atlas-chart__seg atlas-cat{}", s.series)
                                x=px(x + slot * 0.15)
                                width=px(slot * 0.7)
                                y=px(floor - s.end)
                                height=px(floor - s.start) - px(floor - s.end)
                            />
                        }
                    })
                    .collect_view();
                view! {
                    <g
                        class="atlas-chart__bar"
                        class:atlas-chart__bar--active=selected
                        data-year=year
                        role="button"
                        tabindex="0"
                        aria-label=label
                        aria-pressed=move || selected().to_string()
                        on:click=move |e| click(year, e.shift_key())
                        on:keydown=move |e| {
                            if e.key() == "Enter" || e.key() == " " {
                                e.prevent_default();
                                click(year, e.shift_key());
                            }
                        }
                        on:mouseenter=move |_| hovered.set(Some(year))
                        on:focus=move |_| hovered.set(Some(year))
                    >
                        <rect class="atlas-chart__hit" x=px(x) y=0 width=px(slot) height=px(HEIGHT)/>
                        {segments}
                        <text class="atlas-chart__label" x=px(x + slot / 2.0) y=px(HEIGHT - 4.0) text-anchor="middle">
                            {year}
                        </text>
                    </g>
                }
            })
            .collect_view();
        view! {
            <svg
                class="atlas-chart"
                viewBox=format!("0 0 {} {}", px(WIDTH), px(HEIGHT))
                role="group"
                aria-label="Papers per year"
            >
                {grid}
                {bars}
            </svg>
        }
    };

    let table_names = categories.clone();
    let table = move || {
        let timeline = view_state.results.with(|r| r.timeline.clone());
        view! {
            <table class="atlas-table">
                <caption class="atlas-visually-hidden">"Papers per year and area"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Year"</th>
                        {table_names.iter().map(|n| view! { <th scope="col">{n.clone()}</th> }).collect_view()}
                        <th scope="col">"Total"</th>
                    </tr>
                </thead>
                <tbody>
                    {timeline
                        .into_iter()
                        .map(|bin| view! {
                            <tr>
                                <th scope="row">{bin.year}</th>
                                {bin.per_category.iter().map(|n| view! { <td>{*n}</td> }).collect_view()}
                                <td>{bin.total()}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
        }
    };

    view! {
        <section class="atlas-panel" aria-labelledby="atlas-timeline-title">
            <div class="atlas-panel__head">
                <h2 class="atlas-panel__title" id="atlas-timeline-title">
                    "Papers per year"
                    {move || {
                        let r = range();
                        (!r.is_unbounded()).then(|| format!(" · {}", year_label(r)))
                    }}
                </h2>
                <button
                    class="atlas-link-button"
                    aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|t| *t = !*t)
                >
                    {move || if as_table.get() { "Chart" } else { "Table" }}
                </button>
            </div>
            <div data-testid="timeline-chart">
                {move || if as_table.get() { table().into_any() } else { chart().into_any() }}
            </div>
            <p class="atlas-panel__hint" aria-live="polite">{detail}</p>
            <ul class="atlas-legend" aria-label="Areas">
                {categories
                    .into_iter()
                    .enumerate()
                    .map(|(i, name)| view! {
                        <li><span class=format!("atlas-legend__swatch atlas-cat{i}") aria-hidden="true"></span>{name}</li>
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
