//! The filter panel: one group per facet with live counts (SPEC.md §4
//! hooks `facet-<parameter>` and `data-value`).

use super::later::Later;
use super::patch::{patch_changed, set_text};
use super::use_atlas;
use super::view_state::{use_view, year_label};
use crate::query::{Facet, YearRange};
use leptos::html;
use leptos::prelude::*;

/// Options a group lists before "show all": a long group (40 companies,
/// a dozen venues, a hundred tags) shows its largest options and keeps
/// the rest one click (or key) away. Options keep their order either way.
fn shown_before_all(facet: Facet) -> usize {
    match facet {
        Facet::Category => usize::MAX,
        Facet::Company => 10,
        Facet::Venue => 8,
        Facet::Tag => 12,
    }
}

/// "companies", for "Show all 42 companies".
fn plural(facet: Facet) -> &'static str {
    match facet {
        Facet::Category => "areas",
        Facet::Company => "companies",
        Facet::Venue => "venues",
        Facet::Tag => "tags",
    }
}

/// The facet groups, each built in a task of its own on the first page.
#[component]
pub fn FacetPanel() -> impl IntoView {
    view! {
        <Later><FacetGroup facet=Facet::Category title="Area"/></Later>
        <Later><YearGroup/></Later>
        <Later><FacetGroup facet=Facet::Company title="Company"/></Later>
        <Later><FacetGroup facet=Facet::Venue title="Venue"/></Later>
        <Later><FacetGroup facet=Facet::Tag title="Tags (all must match)"/></Later>
    }
}

/// One facet's options, each a toggle button with its count. Counts are
/// what choosing the option would show (see `Atlas::run`). The rows are
/// built once, in [`Atlas::facet_order`](crate::atlas::Atlas::facet_order);
/// a keystroke only rewrites the counts that changed (see [`patch_changed`]).
#[component]
fn FacetGroup(facet: Facet, title: &'static str) -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let expanded = RwSignal::new(false);
    let ids = ctx.atlas.facet_ids(facet);
    let total = ids.len();
    // This facet's counts alone: a change elsewhere does not reach its rows.
    let counts = Memo::new(move |_| view_state.results.with(|r| r.counts.of(facet).to_vec()));
    let selected = move |i: usize| view_state.filters.with(|f| f.contains(facet, i));
    let order = ctx.atlas.facet_order(facet);
    let mut rank = vec![0; total];
    order.iter().enumerate().for_each(|(r, &i)| rank[i] = r);
    let rank = StoredValue::new(rank);
    // Options beyond the first few show when expanded, or when chosen.
    let top = shown_before_all(facet);
    let hidden =
        move |i: usize| rank.with_value(|r| r[i]) >= top && !expanded.get() && !selected(i);
    // Per option: its count and whether it is disabled (nothing to add);
    // `None` while hidden, so that hidden rows are updated once shown.
    let state = move |i: usize, n: usize| (n, n == 0 && !selected(i));
    let states = move || {
        counts.with(|c| {
            c.iter()
                .enumerate()
                .map(|(i, &n)| (!hidden(i)).then(|| state(i, n)))
                .collect::<Vec<_>>()
        })
    };
    let rows: Vec<Row> = (0..total).map(|_| Row::default()).collect();
    patch_changed(untrack(states), states, Row::patcher(rows.clone()));
    let options = order
        .into_iter()
        .map(|i| {
            let id = ids[i].to_string();
            let shown = untrack(|| counts.with(|c| state(i, c[i])));
            view! {
                <li hidden=move || hidden(i)>
                    {option_button(
                        ctx.atlas.facet_name(facet, i).to_string(),
                        id.clone(),
                        shown,
                        rows[i],
                        move || selected(i),
                        move || view_state.toggle(facet, &id),
                    )}
                </li>
            }
        })
        .collect_view();
    view! {
        <fieldset class="atlas-facet" data-testid=format!("facet-{}", facet.param())>
            <legend class="atlas-facet__title">{title}</legend>
            <ul class="atlas-facet__options">{options}</ul>
            {(total > top).then(|| view! {
                <button
                    class="atlas-link-button"
                    data-testid=format!("facet-{}-more", facet.param())
                    aria-expanded=move || expanded.get().to_string()
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() {
                        format!("Show fewer {}", plural(facet))
                    } else {
                        format!("Show all {total} {}", plural(facet))
                    }}
                </button>
            })}
        </fieldset>
    }
}

/// One option: a toggle button with the option's name and count, pressed
/// while `selected()`, built with its `(count, disabled)` of the moment;
/// [`Row::patcher`] keeps both up to date.
fn option_button(
    name: String,
    value: String,
    (count, disabled): (usize, bool),
    row: Row,
    selected: impl Fn() -> bool + Copy + Send + Sync + 'static,
    toggle: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            class="atlas-facet__option"
            class:atlas-facet__option--active=selected
            aria-pressed=move || selected().to_string()
            disabled=disabled
            data-value=value
            node_ref=row.button
            on:click=move |_| toggle()
        >
            <span class="atlas-facet__name">{name}</span>
            <span class="atlas-facet__count" node_ref=row.count>{count}</span>
        </button>
    }
}

/// An option's count and whether it is disabled; `None` while hidden.
type State = Option<(usize, bool)>;

/// The elements of one option that a count change rewrites.
#[derive(Clone, Copy, Default)]
struct Row {
    button: NodeRef<html::Button>,
    count: NodeRef<html::Span>,
}

impl Row {
    /// Shows option `i`'s new `(count, disabled)`, unless it is hidden.
    fn patcher(rows: Vec<Row>) -> impl Fn(usize, Option<&State>, &State) {
        move |i, before, state| {
            let (Some((n, disabled)), before) = (*state, before.copied().flatten()) else {
                return;
            };
            if before.is_none_or(|(m, _)| m != n) {
                set_text(&rows[i].count, &n.to_string());
            }
            if before.is_none_or(|(_, d)| d != disabled) {
                if let Some(button) = rows[i].button.get_untracked() {
                    button.set_disabled(disabled);
                }
            }
        }
    }
}

/// Years: one toggle per year, and a from/to range.
#[component]
fn YearGroup() -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let years = ctx.atlas.years().to_vec();
    let years_for_states = years.clone();
    let range = move || view_state.filters.with(|f| f.years);
    let counts = Memo::new(move |_| view_state.results.with(|r| r.counts.years.clone()));
    let selected = move |year: u16| range().selects(year);
    let states = move || {
        counts.with(|c| {
            c.iter()
                .zip(&years_for_states)
                .map(|(&n, &year)| Some((n, n == 0 && !selected(year))))
                .collect::<Vec<_>>()
        })
    };
    let shown = untrack(&states);
    let rows: Vec<Row> = years.iter().map(|_| Row::default()).collect();
    patch_changed(shown.clone(), states, Row::patcher(rows.clone()));
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
                {years
                    .iter()
                    .enumerate()
                    .map(|(i, &year)| view! {
                        <li>
                            {option_button(
                                year.to_string(),
                                year.to_string(),
                                shown[i].unwrap_or_default(),
                                rows[i],
                                move || selected(year),
                                move || {
                                    let single = YearRange::single(year);
                                    view_state.set_years(if range() == single { YearRange::default() } else { single });
                                },
                            )}
                        </li>
                    })
                    .collect_view()}
            </ul>
            <div class="atlas-facet__range">
                {select("from", years.clone())}
                {select("to", years)}
            </div>
        </fieldset>
    }
}
