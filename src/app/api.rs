//! Loading the catalog over HTTP.

use crate::atlas::Atlas;
use crate::catalog::Catalog;
use gloo_net::http::Request;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// `catalog.json` next to `index.html` (relative to `<base href>`).
const CATALOG_URL: &str = "catalog.json";

/// A catalog that has not arrived by then is reported, not waited for.
const TIMEOUT_MS: i32 = 20_000;

/// Fetches, validates and indexes the catalog. Every failure becomes a
/// message for the user: a network error, an HTTP status, invalid JSON
/// (with line and column), invalid content (with paper id and field), or
/// a catalog without papers.
pub async fn load_atlas() -> Result<Arc<Atlas>, String> {
    let abort = web_sys::AbortController::new().map_err(|e| format!("{e:?}"))?;
    let on_timeout = {
        let abort = abort.clone();
        wasm_bindgen::closure::Closure::once_into_js(move || abort.abort())
    };
    let timer = leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.unchecked_ref(),
            TIMEOUT_MS,
        )
        .ok();
    let sent = Request::get(CATALOG_URL)
        .abort_signal(Some(&abort.signal()))
        .send()
        .await;
    if let Some(timer) = timer {
        leptos::prelude::window().clear_timeout_with_handle(timer);
    }
    let response = sent.map_err(|e| {
        if abort.signal().aborted() {
            format!(
                "Could not download {CATALOG_URL}: the server did not answer within {} seconds.",
                TIMEOUT_MS / 1000
            )
        } else {
            format!("Could not download {CATALOG_URL}: {e}")
        }
    })?;
    if !response.ok() {
        return Err(format!(
            "Could not download {CATALOG_URL}: the server answered HTTP {} {}.",
            response.status(),
            response.status_text()
        ));
    }
    let text = response
        .text()
        .await
        .map_err(|e| format!("Could not read {CATALOG_URL}: {e}"))?;
    let catalog = Catalog::from_json(&text).map_err(|e| e.to_string())?;
    if catalog.papers.is_empty() {
        return Err(format!("{CATALOG_URL} is valid but lists no papers."));
    }
    Ok(Arc::new(Atlas::new(catalog)))
}
