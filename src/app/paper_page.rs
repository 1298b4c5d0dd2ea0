//! A paper's own page (`paper/<id>`): every field, the official link, a
//! copyable BibTeX entry, and related papers with their reasons.

use super::clipboard::use_copy;
use super::explorer::Header;
use super::use_atlas;
use crate::export::bibtex;
use crate::query::Facet;
use crate::related::{related, Reason};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// Related papers listed.
const RELATED: usize = 6;

#[component]
pub fn PaperPage() -> impl IntoView {
    let params = use_params_map();
    let ctx = use_atlas();
    move || {
        let id = params.with(|p| p.get("id").unwrap_or_default());
        match ctx.atlas.catalog.paper_index(&id) {
            Some(index) => view! { <PaperDetails index=index/> }.into_any(),
            None => view! { <Header/><NotFound what="paper" id=id/> }.into_any(),
        }
    }
}

#[component]
fn PaperDetails(index: usize) -> impl IntoView {
    let ctx = use_atlas();
    let catalog = &ctx.atlas.catalog;
    let paper = &catalog.papers[index];
    let venue = catalog.venue_of(paper);
    let category = catalog.category_of(paper);
    super::browser::set_title(&format!("{} — Systems Atlas", paper.title));
    let entry = bibtex(catalog, paper);
    super::browser::reveal_when_rendered();
    let (copied, copy) = use_copy();
    let copy_entry = entry.clone();
    let copy = move |_| copy(&copy_entry);
    // A filter link to the explorer for one reason or fact.
    let reason_link = |reason: Reason| {
        let (facet, id, label) = match reason {
            Reason::Tag(t) => (
                Facet::Tag,
                &catalog.tags[t].id,
                format!("#{}", catalog.tags[t].id),
            ),
            Reason::Company(c) => (
                Facet::Company,
                &catalog.companies[c].id,
                format!("same company: {}", catalog.companies[c].name),
            ),
            Reason::Category(a) => (
                Facet::Category,
                &catalog.categories[a].id,
                format!("same area: {}", catalog.categories[a].name),
            ),
        };
        view! { <a class="atlas-chip" href=ctx.filter_href(facet, id)>{label}</a> }
    };
    let related_list = related(catalog, index, RELATED)
        .into_iter()
        .map(|r| {
            let other = &catalog.papers[r.paper];
            let other_venue = catalog.venue_of(other);
            view! {
                <li class="atlas-related__item">
                    <a href=ctx.paper_href(&other.id)>{other.title.clone()}</a>
                    <span class="atlas-related__meta">{format!(" — {} {}", other_venue.name, other.year)}</span>
                    <div class="atlas-related__reasons">
                        "Related by "
                        {r.reasons.into_iter().map(reason_link).collect_view()}
                    </div>
                </li>
            }
        })
        .collect_view();
    let back = ctx.explorer_href(&ctx.last_view.get_untracked());
    let byline = super::paper_card::author_links(
        &ctx,
        catalog.authors_of(paper).collect(),
        "atlas-paper__author",
    );
    let has_authors = !paper.authors.is_empty();
    view! {
        <Header/>
        <main class="atlas-page atlas-paper" id="results">
            <a class="atlas-paper__back" href=back>"← Back to results"</a>
            <article>
                <h1 class="atlas-paper__title" data-testid="paper-title">{paper.title.clone()}</h1>
                {has_authors.then(|| view! {
                    <p class="atlas-paper__authors" aria-label="Authors">{byline}</p>
                })}
                <p class="atlas-paper__actions">
                    <super::reading_list::SaveButton id=paper.id.clone() title=paper.title.clone()/>
                </p>
                <dl class="atlas-paper__facts">
                    <dt>"Venue"</dt>
                    <dd><a href=ctx.filter_href(Facet::Venue, &venue.id)>{venue.name.clone()}</a>
                        {venue.full_name.clone().map(|f| format!(" — {f}"))}</dd>
                    <dt>"Year"</dt>
                    <dd><a href=ctx.explorer_href(&format!("year={}", paper.year))>{paper.year}</a></dd>
                    <dt>"Companies"</dt>
                    <dd>{catalog.companies_of(paper).map(|c| view! {
                        <a class="atlas-paper__company" href=ctx.filter_href(Facet::Company, &c.id)>{c.name.clone()}</a>
                    }).collect_view()}</dd>
                    <dt>"Area"</dt>
                    <dd><a href=ctx.filter_href(Facet::Category, &category.id)>{category.name.clone()}</a></dd>
                    <dt>"Tags"</dt>
                    <dd class="atlas-paper__tags">{catalog.tags_of(paper).map(|t| view! {
                        <a class="atlas-chip" href=ctx.filter_href(Facet::Tag, &t.id) title=t.description.clone().unwrap_or_default()>{format!("#{}", t.id)}</a>
                    }).collect_view()}</dd>
                </dl>
                <p class="atlas-paper__summary">{paper.summary.clone()}</p>
                {paper.url.clone().map(|url| view! {
                    <p><a class="atlas-button atlas-button--primary" href=url target="_blank" rel="noopener noreferrer">"Read the paper ↗"</a></p>
                })}
                <section class="atlas-panel" aria-labelledby="atlas-bibtex-title">
                    <div class="atlas-panel__head">
                        <h2 class="atlas-panel__title" id="atlas-bibtex-title">"BibTeX"</h2>
                        <button class="atlas-button" data-testid="copy-bibtex" on:click=copy>
                            {move || if copied.get() { "Copied" } else { "Copy" }}
                        </button>
                    </div>
                    <pre class="atlas-bibtex" data-testid="bibtex">{entry}</pre>
                </section>
                <section class="atlas-panel atlas-related" aria-labelledby="atlas-related-title">
                    <h2 class="atlas-panel__title" id="atlas-related-title">"Related papers"</h2>
                    <ul class="atlas-related__list">{related_list}</ul>
                </section>
            </article>
        </main>
    }
}

/// An unknown paper id or path: say so and offer the way back.
#[component]
pub fn NotFound(what: &'static str, #[prop(optional)] id: Option<String>) -> impl IntoView {
    let ctx = use_atlas();
    super::browser::set_title("Not found — Systems Atlas");
    super::browser::reveal_when_rendered();
    view! {
        <main class="atlas-page">
            <div class="atlas-empty" data-testid="not-found">
                <h1>{if what == "paper" { "Paper not found" } else { "Page not found" }}</h1>
                <p>
                    {match id {
                        Some(id) => format!("The catalog has no paper with the id “{id}”. It may have been mistyped in the link."),
                        None => "This address is not part of Systems Atlas.".to_string(),
                    }}
                </p>
                <p><a class="atlas-button" href=ctx.explorer_href("")>"Browse all papers"</a></p>
            </div>
        </main>
    }
}
