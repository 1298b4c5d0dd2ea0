//! One paper in the result list.

use super::explorer::use_view;
use super::use_atlas;
use crate::query::Facet;
use leptos::prelude::*;

/// A paper's card: title (to its page), venue and year, companies,
/// category, summary, tags (each toggles the tag filter) and its link.
#[component]
pub fn PaperCard(index: usize) -> impl IntoView {
    let ctx = use_atlas();
    let view_state = use_view();
    let catalog = &ctx.atlas.catalog;
    let paper = &catalog.papers[index];
    let companies = catalog
        .companies_of(paper)
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let venue = catalog.venue_of(paper);
    let category = catalog.category_of(paper);
    let tags = catalog
        .tags_of(paper)
        .zip(&paper.tags)
        .map(|(tag, &t)| {
            let id = tag.id.clone();
            let pressed = move || {
                view_state
                    .filters
                    .with(|f| f.contains(Facet::Tag, t))
                    .to_string()
            };
            view! {
                <li>
                    <button
                        class="atlas-card__tag"
                        aria-pressed=pressed
                        title=tag.description.clone().unwrap_or_default()
                        on:click=move |_| view_state.toggle(Facet::Tag, &id)
                    >
                        {format!("#{}", tag.id)}
                    </button>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="atlas-card" data-testid="paper-card" data-paper-id=paper.id.clone()>
            <h3 class="atlas-card__title">
                <a data-testid="paper-link" href=ctx.paper_href(&paper.id)>
                    {paper.title.clone()}
                </a>
            </h3>
            <p class="atlas-card__meta">
                <span class="atlas-card__venue" title=venue.full_name.clone().unwrap_or_default()>
                    {format!("{} {}", venue.name, paper.year)}
                </span>
                <span class="atlas-card__companies">{companies}</span>
                <span class=format!("atlas-badge atlas-badge--cat{}", paper.category)>
                    {category.name.clone()}
                </span>
            </p>
            <p class="atlas-card__summary">{paper.summary.clone()}</p>
            <div class="atlas-card__foot">
                <ul class="atlas-card__tags" aria-label="Tags">{tags}</ul>
                {paper.url.clone().map(|url| view! {
                    <a class="atlas-card__external" href=url target="_blank" rel="noopener noreferrer">
                        "Paper ↗"
                    </a>
                })}
            </div>
        </article>
    }
}
