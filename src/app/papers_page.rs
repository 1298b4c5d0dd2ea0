//! Every paper by area (`papers`): plain links to each paper's page, so
//! that every paper is reachable from the root by links alone (SPEC.md
//! §5), for readers without JavaScript and for crawlers.

use super::explorer::Header;
use super::use_atlas;
use crate::query::Facet;
use leptos::prelude::*;

#[component]
pub fn PapersPage() -> impl IntoView {
    let ctx = use_atlas();
    super::browser::set_title("All papers by area — Systems Atlas");
    super::browser::reveal_when_rendered();
    let catalog = &ctx.atlas.catalog;
    let areas = catalog
        .categories
        .iter()
        .enumerate()
        .map(|(c, category)| {
            let papers: Vec<usize> = ctx
                .atlas
                .newest_first()
                .filter(|&p| catalog.papers[p].category == c)
                .collect();
            let heading = format!("atlas-area-{}", category.id);
            let labelled_by = heading.clone();
            let filter = ctx.filter_href(Facet::Category, &category.id);
            let items = papers
                .into_iter()
                .map(|p| {
                    let paper = &catalog.papers[p];
                    let venue = catalog.venue_of(paper);
                    view! {
                        <li>
                            <a href=ctx.paper_href(&paper.id)>{paper.title.clone()}</a>
                            <span class="atlas-papers__meta">{format!(" — {} {}", venue.name, paper.year)}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="atlas-papers__area" aria-labelledby=labelled_by>
                    <h2 id=heading>{category.name.clone()}</h2>
                    <p><a href=filter>{format!("Explore {} in the explorer", category.name)}</a></p>
                    <ul class="atlas-papers__list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <Header/>
        <main class="atlas-page atlas-papers" id="results">
            <h1>{format!("All {} papers by area", catalog.papers.len())}</h1>
            {areas}
        </main>
    }
}
