//! Papers per year, stacked by area, for every filter but the year range.
//! A click on a year filters to it (again to clear); shift-click extends
//! the range. A table shows the same numbers as text.

use super::chart_panel::ChartPanel;
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
/// The plot's height, and the y of the x axis that bars grow up from.
const PLOT: f64 = HEIGHT - AXIS - TOP;
const FLOOR: f64 = TOP + PLOT;

/// Where everything of the chart goes for one set of results.
#[derive(Clone, PartialEq)]
struct Geometry {
    /// The value at the top of the axis.
    top: usize,
    /// Per year, per area: the segment's `(y, height)`.
    segments: Vec<Vec<(i32, i32)>>,
    totals: Vec<usize>,
}

#[component]
pub fn TimelineChart() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let hovered = RwSignal::new(None::<usize>);
    let range = move || view_state.filters.with(|f| f.years);
    let years = ctx.atlas.years().to_vec();
    let categories: Vec<String> = ctx
        .atlas
        .catalog
        .categories
        .iter()
        .map(|c| c.name.clone())
        .collect();

    // Read by every segment, the bars' labels and the grid: a keystroke
    // moves and resizes the chart's elements, it never rebuilds them.
    let geometry = Memo::new(move |_| {
        view_state.results.with(|r| {
            let totals: Vec<usize> = r.timeline.iter().map(|b| b.total()).collect();
            let top = nice_max(totals.iter().copied().max().unwrap_or(0));
            let segments = r
                .timeline
                .iter()
                .map(|bin| {
                    stack(&bin.per_category, top, PLOT)
                        .into_iter()
                        .map(|(start, end)| (px(FLOOR) - end, end - start))
                        .collect()
                })
                .collect();
            Geometry {
                top,
                segments,
                totals,
            }
        })
    });

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
    let detail = move || match hovered.get() {
        Some(i) => view_state.results.with(|r| {
            let bin = &r.timeline[i];
            let parts: Vec<String> = bin
                .per_category
                .iter()
                .zip(&names)
                .filter(|(n, _)| **n > 0)
                .map(|(n, name)| format!("{name} {n}"))
                .collect();
            format!("{}: {} papers. {}", bin.year, bin.total(), parts.join(", "))
        }),
        None => "Click a year to filter; shift-click to extend the range.".to_string(),
    };

    let areas = categories.len();
    let chart = move || {
        let slot = (WIDTH - LEFT) / years.len().max(1) as f64;
        // The grid changes only with the axis' top value.
        let top = Memo::new(move |_| geometry.with(|g| g.top));
        let grid = move || {
            let top = top.get();
            ticks(top, 4)
                .into_iter()
                .map(|t| {
                    let y = px(FLOOR - PLOT * t as f64 / top as f64);
                    view! {
                        <line class="atlas-chart__grid" x1=px(LEFT) x2=px(WIDTH) y1=y y2=y/>
                        <text class="atlas-chart__tick" x=px(LEFT - 4.0) y=y + 3 text-anchor="end">{t}</text>
                    }
                })
                .collect_view()
        };
        let bars = years
            .iter()
            .enumerate()
            .map(|(i, &year)| {
                let x = LEFT + i as f64 * slot;
                let selected = move || !range().is_unbounded() && range().contains(year);
                let label = move || format!("{year}: {} papers", geometry.with(|g| g.totals[i]));
                let segments = (0..areas)
                    .map(|c| {
                        view! {
                            <rect
                                class=format!("atlas-chart__seg atlas-cat{c}")
                                x=px(x + slot * 0.15)
                                width=px(slot * 0.7)
                                y=move || geometry.with(|g| g.segments[i][c].0)
                                height=move || geometry.with(|g| g.segments[i][c].1)
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
                        on:mouseenter=move |_| hovered.set(Some(i))
                        on:focus=move |_| hovered.set(Some(i))
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
                <g>{grid}</g>
                {bars}
            </svg>
        }
    };

    let table = move || {
        let table_names = categories.clone();
        move || {
            view_state.results.with(|r| {
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
                            {r.timeline
                                .iter()
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
            })
        }
    };

    let title = Signal::derive(move || {
        let r = range();
        if r.is_unbounded() {
            "Papers per year".to_string()
        } else {
            format!("Papers per year · {}", year_label(r))
        }
    });

    view! {
        <ChartPanel id="atlas-timeline-title" title=title testid="timeline-chart" chart=chart table=table>
            <p class="atlas-panel__hint" aria-live="polite">{detail}</p>
            <ul class="atlas-legend" aria-label="Areas">
                {ctx.atlas.catalog.categories
                    .iter()
                    .enumerate()
                    .map(|(i, c)| view! {
                        <li><span class=format!("atlas-legend__swatch atlas-cat{i}") aria-hidden="true"></span>{c.name.clone()}</li>
                    })
                    .collect_view()}
            </ul>
        </ChartPanel>
    }
}
