//! Component tests in headless Chromium (wasm-bindgen-test): the explorer
//! mounted on the bundled catalog, driven through the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use std::sync::Arc;
use systems_atlas::app::Pages;
use systems_atlas::atlas::{Atlas, PAGE};
use systems_atlas::catalog::Catalog;
use systems_atlas::query::Query;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn atlas() -> Arc<Atlas> {
    let catalog =
        Catalog::from_json(include_str!("../public/catalog.json")).expect("valid catalog");
    Arc::new(Atlas::new(catalog))
}

/// Lets the reactive system and the DOM settle.
async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .expect("setTimeout");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("timer");
}

/// Waits for the next frame and the task after it, when the app writes
/// the URL of a keystroke.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .request_animation_frame(&resolve)
            .expect("requestAnimationFrame");
    });
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .expect("frame");
    settle().await;
}

fn text_of(selector: &str) -> String {
    document()
        .query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is on the page"))
        .text_content()
        .unwrap_or_default()
}

fn leading_number(text: &str) -> usize {
    text.split(|c: char| !c.is_ascii_digit())
        .next()
        .and_then(|n| n.parse().ok())
        .unwrap_or_else(|| panic!("{text:?} starts with a number"))
}

fn count_cards() -> u32 {
    document()
        .query_selector_all("[data-testid=paper-card]")
        .expect("valid selector")
        .length()
}

fn mount(atlas: Arc<Atlas>) -> leptos::mount::UnmountHandle<impl Mountable> {
    // The test page's own path is the route; go to the root first.
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/"))
        .unwrap();
    leptos::mount::mount_to(document().body().expect("body"), move || {
        let atlas = atlas.clone();
        view! { <Router><Pages atlas=atlas base=""/></Router> }
    })
}

#[wasm_bindgen_test]
async fn explorer_lists_the_catalog_and_typing_narrows_it() {
    let atlas = atlas();
    let total = atlas.catalog.papers.len();
    let (_, rdma) = atlas.search(&Query::decode("q=rdma").query, 0);
    let handle = mount(atlas.clone());
    settle().await;

    assert_eq!(
        leading_number(&text_of("[data-testid=result-count]")),
        total
    );
    // The first page, and more only as the list nears the viewport.
    let cards = count_cards() as usize;
    assert!(
        cards >= total.min(PAGE) && cards <= total,
        "{cards} cards of {total}"
    );

    let input: web_sys::HtmlInputElement = document()
        .query_selector("input[data-testid=search]")
        .unwrap()
        .expect("search box")
        .dyn_into()
        .unwrap();
    input.set_value("rdma");
    input
        .dispatch_event(
            &web_sys::Event::new_with_event_init_dict("input", &{
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                init
            })
            .unwrap(),
        )
        .unwrap();
    settle().await;

    assert!(rdma.count > 0 && rdma.count < total);
    assert_eq!(
        leading_number(&text_of("[data-testid=result-count]")),
        rdma.count
    );
    let cards = count_cards() as usize;
    assert!(
        cards >= rdma.count.min(PAGE) && cards <= rdma.count,
        "{cards} cards of {}",
        rdma.count
    );
    // The URL follows the list one frame later.
    next_frame().await;
    assert!(window().location().search().unwrap().contains("q=rdma"));
    drop(handle);
}

#[wasm_bindgen_test]
async fn clicking_a_facet_option_filters_and_marks_it_pressed() {
    let atlas = atlas();
    let (_, networking) = atlas.search(&Query::decode("category=networking").query, 0);
    let handle = mount(atlas);
    settle().await;

    let option: web_sys::HtmlElement = document()
        .query_selector("[data-testid=facet-category] [data-value=networking]")
        .unwrap()
        .expect("networking option")
        .dyn_into()
        .unwrap();
    option.click();
    settle().await;

    assert_eq!(
        leading_number(&text_of("[data-testid=result-count]")),
        networking.count
    );
    let pressed = document()
        .query_selector("[data-testid=facet-category] [data-value=networking]")
        .unwrap()
        .unwrap()
        .get_attribute("aria-pressed");
    assert_eq!(pressed.as_deref(), Some("true"));
    assert!(window()
        .location()
        .search()
        .unwrap()
        .contains("category=networking"));
    drop(handle);
}

#[wasm_bindgen_test]
fn a_panic_shows_a_reload_alert_instead_of_a_frozen_page() {
    systems_atlas::app::browser::show_crash_alert();
    let alert = document()
        .query_selector("#atlas-crash[role=alert][data-testid=error]")
        .unwrap()
        .expect("the crash alert is shown");
    assert!(alert
        .text_content()
        .unwrap()
        .contains("Something went wrong"));
    assert!(
        alert.query_selector("button").unwrap().is_some(),
        "with a reload button"
    );
    // Shown once, however many panics follow.
    systems_atlas::app::browser::show_crash_alert();
    assert_eq!(
        document()
            .query_selector_all("#atlas-crash")
            .unwrap()
            .length(),
        1
    );
    alert.remove();
}
