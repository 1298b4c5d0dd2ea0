//! One paper in the result list.

use super::reading_list::{use_reading_list, SaveButton};
use super::use_atlas;
use super::view_state::{use_view, ViewState};
use crate::query::Facet;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Authors named on a card before "et al.".
const CARD_AUTHORS: usize = 3;

/// A paper's card: title (to its page), authors (each to their papers),
/// venue and year, companies, category, "New" since the last visit,
/// summary, tags (in the explorer each toggles the tag filter; elsewhere
/// each links to it), save, and its link.
#[component]
pub fn PaperCard(index: usize) -> impl IntoView {
    let ctx = use_atlas();
    // Only the explorer has a view whose filters the tags toggle.
    let view_state = use_context::<ViewState>();
    let catalog = &ctx.atlas.catalog;
    let paper = &catalog.papers[index];
    let is_new = use_reading_list()
        .visits
        .with_untracked(|v| v.is_new(paper.added));
    let companies = catalog
        .companies_of(paper)
        .map(|c| c.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let venue = catalog.venue_of(paper);
    let category = catalog.category_of(paper);
    let author_count = paper.authors.len();
    // Plain links: the list handles their clicks (see `CardTags::click`).
    let authors = author_links(
        &ctx,
        catalog.authors_of(paper).take(CARD_AUTHORS).collect(),
        "atlas-card__author",
    );
    // A card's tags carry no handlers or effects of their own: the list
    // handles their clicks and updates their pressed state for all cards
    // (see `CardTags`), so a keystroke that brings new cards builds them
    // quickly.
    let tags = catalog
        .tags_of(paper)
        .zip(&paper.tags)
        .map(|(tag, &t)| {
            let title = tag.description.clone().unwrap_or_default();
            let label = format!("#{}", tag.id);
            match view_state {
                Some(view_state) => {
                    let pressed = view_state
                        .filters
                        .with_untracked(|f| f.contains(Facet::Tag, t));
                    view! {
                        <li>
                            <button class="atlas-card__tag" data-tag=tag.id.clone()
                                aria-pressed=pressed.to_string() title=title>
                                {label}
                            </button>
                        </li>
                    }
                    .into_any()
                }
                None => {
                    let href = ctx.filter_href(Facet::Tag, &tag.id);
                    view! {
                        <li><a class="atlas-card__tag" href=href title=title>{label}</a></li>
                    }
                    .into_any()
                }
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
            {(author_count > 0).then(|| view! {
                <p class="atlas-card__authors">
                    {authors}
                    {(author_count > CARD_AUTHORS).then(|| view! {
                        <span title=format!("{author_count} authors")>" et al."</span>
                    })}
                </p>
            })}
            <p class="atlas-card__meta">
                <span class="atlas-card__venue" title=venue.full_name.clone().unwrap_or_default()>
                    {format!("{} {}", venue.name, paper.year)}
                </span>
                <span class="atlas-card__companies">{companies}</span>
                <span class=format!("atlas-badge atlas-badge--cat{}", paper.category)>
                    {category.name.clone()}
                </span>
                {is_new.then(|| view! {
                    <span class="atlas-badge atlas-badge--new" data-testid="new-badge"
                        title="Added since your last visit">"New"</span>
                })}
            </p>
            <p class="atlas-card__summary">{paper.summary.clone()}</p>
            <div class="atlas-card__foot">
                <ul class="atlas-card__tags" aria-label="Tags">{tags}</ul>
                <SaveButton id=paper.id.clone() title=paper.title.clone()/>
                {paper.url.clone().map(|url| view! {
                    <a class="atlas-card__external" href=url target="_blank" rel="noopener noreferrer">
                        "Paper ↗"
                    </a>
                })}
            </div>
        </article>
    }
}

/// Author names, comma-separated, each a link to their papers (SPEC.md §4
/// hook `author`); on cards and on the paper page.
pub fn author_links(
    ctx: &super::AtlasContext,
    names: Vec<&str>,
    class: &'static str,
) -> impl IntoView {
    names
        .into_iter()
        .enumerate()
        .map(|(i, name)| {
            view! {
                {(i > 0).then_some(", ")}
                <a class=class data-testid="author" data-author=name.to_string()
                    href=ctx.author_href(name)>{name.to_string()}</a>
            }
        })
        .collect_view()
}

/// What the result list does for the tag buttons of all its cards: a click
/// on one toggles that tag's filter, and a filter change updates which are
/// pressed. One handler and one effect for the list instead of a handler
/// and an effect per tag of every card.
#[derive(Clone, Copy)]
pub struct CardTags {
    view_state: ViewState,
}

impl CardTags {
    /// Starts following the filters for the list `list` (once mounted).
    pub fn new(list: NodeRef<html::Ol>) -> CardTags {
        let ctx = use_atlas();
        let view_state = use_view();
        Effect::new(move |first_run: Option<()>| {
            let chosen: Vec<String> = view_state.filters.with(|f| {
                f.of(Facet::Tag)
                    .iter()
                    .map(|&t| ctx.atlas.catalog.tags[t].id.clone())
                    .collect()
            });
            // Cards are built with the filters of their time: the first
            // run has nothing to correct.
            if first_run.is_none() {
                return;
            }
            let Some(buttons) = list
                .get_untracked()
                .and_then(|list| list.query_selector_all(".atlas-card__tag[data-tag]").ok())
            else {
                return;
            };
            for i in 0..buttons.length() {
                let Some(button) = buttons
                    .item(i)
                    .and_then(|b| b.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                let pressed = button
                    .get_attribute("data-tag")
                    .is_some_and(|tag| chosen.contains(&tag));
                let _ =
                    button.set_attribute("aria-pressed", if pressed { "true" } else { "false" });
            }
        });
        CardTags { view_state }
    }

    /// The list's click handler: a click on a card's tag toggles it; a
    /// plain click on an author shows that author's papers (their link's
    /// view) without leaving the page, which the router would not notice
    /// as a change of view.
    pub fn click(self, event: web_sys::MouseEvent) {
        let target = event
            .target()
            .and_then(|target| target.dyn_into::<web_sys::Element>().ok());
        let closest = |selector: &str| {
            target
                .as_ref()
                .and_then(|el| el.closest(selector).ok().flatten())
        };
        if let Some(tag) =
            closest(".atlas-card__tag[data-tag]").and_then(|b| b.get_attribute("data-tag"))
        {
            self.view_state.toggle(Facet::Tag, &tag);
            return;
        }
        let plain = event.button() == 0
            && !(event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key());
        if let Some(name) = closest("a[data-author]").and_then(|a| a.get_attribute("data-author")) {
            if plain {
                event.prevent_default();
                let view = crate::query::Query::default().toggled_author(&name);
                self.view_state.set(view, super::view_state::History::Push);
            }
        }
    }
}
