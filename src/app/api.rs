//! Loading the catalog over HTTP.

use crate::atlas::Atlas;
use crate::catalog::Catalog;
use gloo_net::http::Request;
use std::sync::Arc;

/// `catalog.json` next to `index.html` (relative to `<base href>`).
const CATALOG_URL: &str = "catalog.json";

/// Fetches, validates and indexes the catalog. Every failure becomes a
/// message for the user: a network error, an HTTP status, invalid JSON
/// (with line and column), invalid content (with paper id and field), or
/// a catalog without papers.
pub async fn load_atlas() -> Result<Arc<Atlas>, String> {
    let response = Request::get(CATALOG_URL)
        .send()
        .await
        .map_err(|e| format!("Could not download {CATALOG_URL}: {e}"))?;
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
