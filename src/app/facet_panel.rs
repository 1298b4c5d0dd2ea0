//! The filter panel: one group per facet with live counts (SPEC.md §4
//! hooks `facet-<parameter>` and `data-value`).

use super::explorer::{use_view, year_label};
use super::use_atlas;
use crate::query::{Facet, YearRange};
use leptos::prelude::*;

/// Tags listed before "show all".
const TOP_TAGS: usize = 12;

#[component]
pub fn FacetPanel() -> impl IntoView {
    view! {
        <FacetGroup facet=Facet::Category title="Area"/>
        <YearGroup/>
        <FacetGroup facet=Facet::Company title="Company"/>
        <FacetGroup facet=Facet::Venue title="Venue"/>
        <FacetGroup facet=Facet::Tag title="Tags (all must match)"/>
    }
}

/// One facet's options, each a toggle button with its count. Counts are
/// what choosing the option would show (see `Atlas::run`).
#[component]
fn FacetGroup(facet: Facet, title: &'static str) -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let expanded = RwSignal::new(false);
    let ids: Vec<String> = ctx
        .atlas
        .facet_ids(facet)
        .into_iter()
        .map(String::from)
        .collect();
    let total = ids.len();
    // This facet's counts alone: its rows re-run only when they change.
    let counts = Memo::new(move |_| view_state.results.with(|r| r.counts.of(facet).to_vec()));
    let options = move || {
        let mut options: Vec<(usize, usize)> = counts.get().into_iter().enumerate().collect();
        // Areas keep their fixed order; the rest list the largest first.
        if facet != Facet::Category {
            options.sort_by_key(|&(i, n)| (std::cmp::Reverse(n), i));
        }
        if facet == Facet::Tag && !expanded.get() {
            view_state.filters.with(|f| {
                let mut kept = 0;
                options.retain(|&(i, n)| {
                    let selected = f.contains(facet, i);
                    let keep = selected || (n > 0 && kept < TOP_TAGS);
                    if keep && !selected {
                        kept += 1;
                    }
                    keep
                });
            });
        }
        options
    };
    let ctx_names = ctx.clone();
    view! {
        <fieldset class="atlas-facet" data-testid=format!("facet-{}", facet.param())>
            <legend class="atlas-facet__title">{title}</legend>
            <ul class="atlas-facet__options">
                // Keyed by the option alone: a keystroke changes counts and
                // order, and moving a row and updating its count text is far
                // cheaper than building the row again.
                <For
                    each=options
                    key=|&(i, _)| i
                    children=move |(i, _)| {
                        let count = move || counts.with(|c| c[i]);
                        let id = ids[i].clone();
                        let name = ctx_names.atlas.facet_name(facet, i).to_string();
                        let selected = move || view_state.filters.with(|f| f.contains(facet, i));
                        let disabled = move || count() == 0 && !selected();
                        view! {
                            <li>
                                <button
                                    class="atlas-facet__option"
                                    class:atlas-facet__option--active=selected
                                    aria-pressed=move || selected().to_string()
                                    disabled=disabled
                                    data-value=id.clone()
                                    on:click=move |_| view_state.toggle(facet, &id)
                                >
                                    <span class="atlas-facet__name">{name}</span>
                                    <span class="atlas-facet__count">{count}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            {(facet == Facet::Tag && total > TOP_TAGS).then(|| view! {
                <button
                    class="atlas-link-button"
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() { "Show fewer tags".to_string() } else { format!("Show all {total} tags") }}
                </button>
            })}
        </fieldset>
    }
}

/// Years: one toggle per year, and a from/to range.
#[component]
fn YearGroup() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let years = ctx.atlas.years().to_vec();
    let years_for_options = years.clone();
    // The years are fixed; only their counts change (read per row).
    let options = move || {
        years_for_options
            .iter()
            .copied()
            .enumerate()
            .collect::<Vec<_>>()
    };
    let range = move || view_state.filters.with(|f| f.years);
    let counts = Memo::new(move |_| view_state.results.with(|r| r.counts.years.clone()));
    let select = move |which: &'static str, years: Vec<u16>| {
        let label = if which == "from" { "From" } else { "To" };
        view! {
            <label class="atlas-facet__range-label">
                {label}
                <select
                    class="atlas-select"
                    data-testid=format!("year-{which}")
                    on:change=move |e| {
                        let value = event_target_value(&e).parse::<u16>().ok();
                        let mut r = range();
                        if which == "from" { r.from = value } else { r.to = value }
                        if let (Some(a), Some(b)) = (r.from, r.to) {
                            if a > b { r = YearRange { from: Some(b), to: Some(a) } }
                        }
                        view_state.set_years(r);
                    }
                >
                    <option value="" prop:selected=move || {
                        let r = range();
                        if which == "from" { r.from.is_none() } else { r.to.is_none() }
                    }>"any"</option>
                    {years
                        .into_iter()
                        .map(|y| view! {
                            <option value=y.to_string() prop:selected=move || {
                                let r = range();
                                (if which == "from" { r.from } else { r.to }) == Some(y)
                            }>{y}</option>
                        })
                        .collect_view()}
                </select>
            </label>
        }
    };
    view! {
        <fieldset class="atlas-facet" data-testid="facet-year">
            <legend class="atlas-facet__title">
                "Year"
                {move || {
                    let r = range();
                    (!r.is_unbounded()).then(|| format!(" · {}", year_label(r)))
                }}
            </legend>
            <ul class="atlas-facet__options atlas-facet__options--years">
                <For
                    each=options
                    key=|&(_, year)| year
                    children=move |(index, year)| {
                        let count = move || counts.with(|c| c[index]);
                        let selected = move || range().contains(year) && !range().is_unbounded();
                        view! {
                            <li>
                                <button
                                    class="atlas-facet__option"
                                    class:atlas-facet__option--active=selected
                                    aria-pressed=move || selected().to_string()
                                    disabled=move || count() == 0 && !selected()
                                    data-value=year.to_string()
                                    on:click=move |_| {
                                        let single = YearRange::single(year);
                                        view_state.set_years(if range() == single { YearRange::default() } else { single });
                                    }
                                >
                                    <span class="atlas-facet__name">{year}</span>
                                    <span class="atlas-facet__count">{count}</span>
                                </button>
                            </li>
                        }
                    }
                />
            </ul>
            <div class="atlas-facet__range">
                {select("from", years.clone())}
                {select("to", years)}
            </div>
        </fieldset>
    }
}
