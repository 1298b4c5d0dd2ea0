//! The frame both charts share: a heading, a "Table" switch that shows the
//! same numbers as a table, and whatever follows the chart.

use leptos::prelude::*;

/// A chart panel. `chart` is built once and updates itself in place
/// (its reactive parts are inside it); `table` is built each time it is
/// shown.
#[component]
pub fn ChartPanel(
    /// The heading's id, which labels the section.
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    /// The `data-testid` of the chart's container (SPEC.md §4).
    testid: &'static str,
    #[prop(into)] chart: ViewFn,
    #[prop(into)] table: ViewFn,
    children: Children,
) -> impl IntoView {
    let as_table = RwSignal::new(false);
    view! {
        <section class="atlas-panel" aria-labelledby=id>
            <div class="atlas-panel__head">
                <h2 class="atlas-panel__title" id=id>
                    {title}
                </h2>
                <button
                    class="atlas-link-button"
                    aria-pressed=move || as_table.get().to_string()
                    on:click=move |_| as_table.update(|t| *t = !*t)
                >
                    {move || if as_table.get() { "Chart" } else { "Table" }}
                </button>
            </div>
            // Only the switch rebuilds this: what the chart or the table
            // reads while being built must not subscribe it.
            <div data-testid=testid>
                {move || {
                    let table_shown = as_table.get();
                    untrack(|| if table_shown { table.run() } else { chart.run() })
                }}
            </div>
            {children()}
        </section>
    }
}
