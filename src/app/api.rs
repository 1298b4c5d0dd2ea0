//! Loading the catalog over HTTP.

use crate::atlas::Atlas;
use crate::catalog::Catalog;
use gloo_net::http::Request;
use std::sync::Arc;
use wasm_bindgen_futures::JsFuture;

/// `catalog.json` next to `index.html` (relative to `<base href>`).
const CATALOG_URL: &str = "catalog.json";

/// Catalogs up to this size (bytes) are copied into wasm memory to parse.
const COPY_LIMIT: u32 = 8 << 20;

/// A catalog that has not arrived by then is reported, not waited for.
const TIMEOUT: std::time::Duration = std::time::Duration::from_secs(20);

/// Fetches, validates and indexes the catalog. Every failure becomes a
/// message for the user: a network error, an HTTP status, invalid JSON
/// (with line and column), invalid content (with paper id and field), or
/// a catalog without papers.
pub async fn load_atlas() -> Result<Arc<Atlas>, String> {
    let abort = web_sys::AbortController::new().map_err(|e| format!("{e:?}"))?;
    let timer = super::browser::after(TIMEOUT, {
        let abort = abort.clone();
        move || abort.abort()
    });
    let sent = Request::get(CATALOG_URL)
        .abort_signal(Some(&abort.signal()))
        .send()
        .await;
    if let Some(timer) = timer {
        timer.clear();
    }
    let response = sent.map_err(|e| {
        if abort.signal().aborted() {
            format!(
                "Could not download {CATALOG_URL}: the server did not answer within {} seconds.",
                TIMEOUT.as_secs()
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
    let bytes = body(response)
        .await
        .map_err(|e| format!("Could not read {CATALOG_URL}: {e:?}"))?;
    // A small catalog is parsed from a copy in wasm memory (several times
    // faster); a large one straight from the browser's buffer in chunks,
    // so that its text never takes room in the wasm memory, which never
    // shrinks.
    let catalog = if bytes.length() <= COPY_LIMIT {
        Catalog::from_slice(&bytes.to_vec())
    } else {
        let reader = std::io::BufReader::with_capacity(1 << 16, JsBytes { bytes, at: 0 });
        Catalog::from_reader(reader)
    }
    .map_err(|e| e.to_string())?;
    super::browser::mark("atlas:catalog-parsed");
    if catalog.papers.is_empty() {
        return Err(format!("{CATALOG_URL} is valid but lists no papers."));
    }
    // Parsing, indexing the facets and the first page: a task each.
    super::browser::next_task().await;
    let atlas = Arc::new(Atlas::new(catalog));
    super::browser::next_task().await;
    Ok(atlas)
}

/// The response body as the browser holds it.
async fn body(
    response: gloo_net::http::Response,
) -> Result<js_sys::Uint8Array, wasm_bindgen::JsValue> {
    let raw = web_sys::Response::from(response);
    let buffer = JsFuture::from(raw.array_buffer()?).await?;
    Ok(js_sys::Uint8Array::new(&buffer))
}

/// Reads a JS byte array from the start, a chunk at a time.
struct JsBytes {
    bytes: js_sys::Uint8Array,
    at: u32,
}

impl std::io::Read for JsBytes {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let end = self
            .bytes
            .length()
            .min(self.at.saturating_add(buf.len() as u32));
        let n = (end - self.at) as usize;
        self.bytes.subarray(self.at, end).copy_to(&mut buf[..n]);
        self.at = end;
        Ok(n)
    }
}
