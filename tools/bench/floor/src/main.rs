//! The smallest app on Systems Atlas' stack: it fetches the catalog with
//! gloo-net, parses it with serde_json and shows a search box, a count and
//! the first 8 matching titles through Leptos' router. Nothing else: what
//! it weighs and costs at start is the floor under any app on this stack.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use serde::Deserialize;

#[derive(Deserialize, Clone)]
struct Paper {
    id: String,
    title: String,
    summary: String,
    year: u16,
}

#[derive(Deserialize)]
struct Catalog {
    papers: Vec<Paper>,
}

async fn load() -> Option<Catalog> {
    let response = gloo_net::http::Request::get("catalog.json")
        .send()
        .await
        .ok()?;
    serde_json::from_str(&response.text().await.ok()?).ok()
}

#[component]
fn Explorer() -> impl IntoView {
    let catalog = LocalResource::new(load);
    let text = RwSignal::new(String::new());
    let shown = move || {
        catalog.with(|c| {
            let needle = text.get().to_lowercase();
            c.as_ref().and_then(Option::as_ref).map(|c| {
                c.papers
                    .iter()
                    .filter(|p| p.title.to_lowercase().contains(&needle))
                    .take(8)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <header><h1>"Systems Atlas"</h1></header>
        <input type="search" data-testid="search" aria-label="Search"
            on:input=move |e| text.set(event_target_value(&e))/>
        <Suspense fallback=|| view! { <p>"Loading"</p> }>
            {move || shown().map(|papers| view! {
                <p data-testid="result-count" role="status">{papers.len()} " papers"</p>
                <ol>
                    <For each=move || papers.clone() key=|p| p.id.clone() let:p>
                        <li>
                            <article data-testid="paper-card">
                                <h2>{p.title}</h2>
                                <p>{p.year}</p>
                                <p>{p.summary}</p>
                            </article>
                        </li>
                    </For>
                </ol>
            })}
        </Suspense>
    }
}

fn main() {
    mount_to_body(|| {
        view! {
            <Router>
                <main>
                    <Routes fallback=|| "Not found">
                        <Route path=path!("") view=Explorer/>
                    </Routes>
                </main>
            </Router>
        }
    });
}
