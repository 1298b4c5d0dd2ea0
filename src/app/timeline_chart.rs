//! Papers per year, stacked by area, for every filter but the year range.
//! A click on a year filters to it (again to clear); shift-click extends
//! the range. A table shows the same numbers as text.

use super::chart_panel::ChartPanel;
use super::patch::patch_changed;
use super::use_atlas;
use super::view_state::{use_view, year_label};
use crate::chart::{nice_max, px, rects_path, stack, ticks};
use crate::query::YearRange;
use leptos::prelude::*;
use leptos::svg;

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
    /// Per area: the path of its segments, one per year.
    areas: Vec<String>,
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

    // Read by the areas' paths, the bars' labels and the grid: a keystroke
    // redraws six paths and relabels the bars; it rebuilds nothing.
    let areas = categories.len();
    let slot = (WIDTH - LEFT) / years.len().max(1) as f64;
    let geometry = Memo::new(move |_| {
        view_state.results.with(|r| {
            let totals: Vec<usize> = r.timeline.iter().map(|b| b.total()).collect();
            let top = nice_max(totals.iter().copied().max().unwrap_or(0));
            let stacks: Vec<Vec<(i32, i32)>> = r
                .timeline
                .iter()
                .map(|bin| stack(&bin.per_category, top, PLOT))
                .collect();
            let areas = (0..areas)
                .map(|c| {
                    let rects = stacks.iter().enumerate().map(|(i, stack)| {
                        let (start, end) = stack[c];
                        let x = px(LEFT + i as f64 * slot + slot * 0.15);
                        (x, px(FLOOR) - end, end - start)
                    });
                    rects_path(rects, px(slot * 0.7))
                })
                .collect();
            Geometry { top, areas, totals }
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

    let chart = move || {
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
        // Paths and labels are built once; one effect each rewrites those
        // that changed (see `patch_changed`).
        let (shown, shown_totals) =
            geometry.with_untracked(|g| (g.areas.clone(), g.totals.clone()));
        let area_refs: Vec<NodeRef<svg::Path>> = shown.iter().map(|_| NodeRef::new()).collect();
        let bar_refs: Vec<NodeRef<svg::G>> = years.iter().map(|_| NodeRef::new()).collect();
        patch_changed(shown.clone(), move || geometry.with(|g| g.areas.clone()), {
            let area_refs = area_refs.clone();
            move |c, _, d| {
                if let Some(path) = area_refs[c].get_untracked() {
                    let _ = path.set_attribute("d", d);
                }
            }
        });
        let label = |year: u16, total: usize| format!("{year}: {total} papers");
        patch_changed(
            shown_totals.clone(),
            move || geometry.with(|g| g.totals.clone()),
            {
                let bar_refs = bar_refs.clone();
                let years = years.clone();
                move |i, _, &total| {
                    if let Some(bar) = bar_refs[i].get_untracked() {
                        let _ = bar.set_attribute("aria-label", &label(years[i], total));
                    }
                }
            },
        );
        let bars = years
            .iter()
            .enumerate()
            .map(|(i, &year)| {
                let x = LEFT + i as f64 * slot;
                let selected = move || range().selects(year);
                view! {
                    <g
                        class="atlas-chart__bar"
                        class:atlas-chart__bar--active=selected
                        data-year=year
                        role="button"
                        tabindex="0"
                        aria-label=label(year, shown_totals[i])
                        aria-pressed=move || selected().to_string()
                        node_ref=bar_refs[i]
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
                // Over the bars, and transparent to the pointer (charts.css):
                // a click on a segment is a click on its year.
                {shown
                    .iter()
                    .enumerate()
                    .map(|(c, d)| view! {
                        <path class=format!("atlas-chart__seg atlas-cat{c}") d=d.clone() node_ref=area_refs[c]/>
                    })
                    .collect_view()}
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
