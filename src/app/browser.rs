//! What only a browser has: the document and its title, the address,
//! timers and frames, window events, storage, the clipboard, downloads,
//! the service workers, the clock, performance marks, and the alert of a
//! crash. The rest of the app calls these instead of `window()` and
//! `document()` directly, so that the same components also render
//! natively to HTML at build time (the `ssr` feature,
//! `src/bin/prerender.rs`), where each of these does nothing or answers
//! "none".

use crate::date::Day;
use leptos::ev::EventDescriptor;
use leptos::prelude::*;

/// True while rendering HTML natively (the prerender binary).
pub const RENDERING_HTML: bool = cfg!(feature = "ssr");

/// Sets the document's title. (Prerendered pages get theirs in the
/// `<head>` the prerender writes.)
pub fn set_title(title: &str) {
    if !RENDERING_HTML {
        document().set_title(title);
    }
}

/// A `performance.mark`, for the benchmark and the browser's profiler.
pub fn mark(name: &str) {
    if RENDERING_HTML {
        return;
    }
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Runs `f` in a task after the next frame: once what the current task
/// changed is on screen.
pub fn after_paint(f: impl FnOnce() + 'static) {
    if !RENDERING_HTML {
        request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
    }
}

/// Runs `f` in a task of its own, once the browser has handled what is
/// pending (input, a paint).
pub fn soon(f: impl FnOnce() + 'static) {
    if !RENDERING_HTML {
        set_timeout(f, std::time::Duration::ZERO);
    }
}

/// Resolves in a new task: the code after `next_task().await` runs once
/// the browser has had the chance to paint and to handle input.
pub async fn next_task() {
    if RENDERING_HTML {
        return;
    }
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Runs `f` after `delay` unless the returned timer is cleared first.
pub fn after(delay: std::time::Duration, f: impl FnOnce() + 'static) -> Option<TimeoutHandle> {
    if RENDERING_HTML {
        return None;
    }
    set_timeout_with_handle(f, delay).ok()
}

/// Listens to `event` on the window until the returned handle is removed.
pub fn on_window<E>(
    event: E,
    handler: impl Fn(E::EventType) + 'static,
) -> Option<WindowListenerHandle>
where
    E: EventDescriptor + 'static,
    E::EventType: wasm_bindgen::JsCast,
{
    (!RENDERING_HTML).then(|| window_event_listener(event, handler))
}

/// `localStorage`, where the browser allows it (not in some private
/// windows, never while rendering HTML).
pub fn storage() -> Option<web_sys::Storage> {
    if RENDERING_HTML {
        return None;
    }
    window().local_storage().ok().flatten()
}

/// A part of the page's address; empty while rendering HTML.
fn location_part(part: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>) -> String {
    if RENDERING_HTML {
        return String::new();
    }
    part(&window().location()).unwrap_or_default()
}

/// The address of the page.
pub fn page_address() -> String {
    location_part(web_sys::Location::href)
}

/// The page's origin (`https://user.github.io`).
pub fn origin() -> String {
    location_part(web_sys::Location::origin)
}

/// The query string of the address bar (with its `?`).
pub fn location_search() -> String {
    location_part(web_sys::Location::search)
}

/// The path of `<base href>` (which trunk writes from `--public-url`).
pub fn base_uri_path() -> String {
    if RENDERING_HTML {
        return String::new();
    }
    document()
        .base_uri()
        .ok()
        .flatten()
        .and_then(|uri| web_sys::Url::new(&uri).ok())
        .map(|url| url.pathname())
        .unwrap_or_default()
}

/// Reloads the page.
pub fn reload() {
    if !RENDERING_HTML {
        let _ = window().location().reload();
    }
}

/// Whether a text field other than the page itself has the focus (where
/// a typed `/` is text, not a shortcut).
pub fn typing_in_a_field() -> bool {
    !RENDERING_HTML
        && document()
            .active_element()
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

/// Sets (or, with `None`, removes) an attribute of `<html>`.
pub fn set_root_attribute(name: &str, value: Option<&str>) {
    if RENDERING_HTML {
        return;
    }
    if let Some(root) = document().document_element() {
        let _ = match value {
            Some(value) => root.set_attribute(name, value),
            None => root.remove_attribute(name),
        };
    }
}

/// Writes `text` to the clipboard; the promise rejects where the page may
/// not (an insecure origin, a denied permission).
pub fn write_clipboard(text: &str) -> Option<js_sys::Promise> {
    (!RENDERING_HTML).then(|| window().navigator().clipboard().write_text(text))
}

/// Offers `text` as a file download named `name`.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), wasm_bindgen::JsValue> {
    use wasm_bindgen::JsCast;
    if RENDERING_HTML {
        return Ok(());
    }
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document().create_element("a")?.unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    web_sys::Url::revoke_object_url(&url)
}

/// The page's service workers, where the browser has them.
pub fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    if RENDERING_HTML {
        return None;
    }
    let navigator = window().navigator();
    js_sys::Reflect::has(
        &navigator,
        &wasm_bindgen::JsValue::from_str("serviceWorker"),
    )
    .unwrap_or(false)
    .then(|| navigator.service_worker())
}

/// Today in the visitor's own time zone.
pub fn today() -> Day {
    if RENDERING_HTML {
        return Day::today();
    }
    let now = js_sys::Date::new_0();
    Day {
        year: now.get_full_year() as u16,
        month: now.get_month() as u8 + 1,
        day: now.get_date() as u8,
    }
}

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> u64 {
    if RENDERING_HTML {
        return 0;
    }
    js_sys::Date::now() as u64
}

/// The element that holds a prerendered page (SPEC.md §5), and the one the
/// app mounts into beside it, hidden until its page is complete.
pub const PRERENDERED: &str = "atlas-prerendered";
pub const APP_ROOT: &str = "atlas-app";

/// Removes the shell's "Loading Systems Atlas…" (added by the early
/// script of index.html), which the app's own page replaces.
pub fn remove_boot_placeholder() {
    if RENDERING_HTML {
        return;
    }
    if let Some(boot) = document().get_element_by_id("atlas-boot") {
        boot.remove();
    }
}

/// A hidden element at the end of `<body>` for the app to mount into
/// beside a prerendered page.
pub fn hidden_app_root() -> Option<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    if RENDERING_HTML {
        return None;
    }
    let host = document().create_element("div").ok()?;
    host.set_id(APP_ROOT);
    let _ = host.set_attribute("hidden", "");
    document().body()?.append_child(&host).ok()?;
    host.dyn_into().ok()
}

/// Reveals the app's page once the current page has rendered: for the
/// pages that build all they show at once (the explorer reveals when its
/// last filter or chart is built, `later.rs`).
pub fn reveal_when_rendered() {
    if !RENDERING_HTML {
        Effect::new(move |_| reveal());
    }
}

/// Whether the document came with a prerendered page for the app to take
/// over.
pub fn has_prerendered_page() -> bool {
    !RENDERING_HTML && document().get_element_by_id(PRERENDERED).is_some()
}

/// Swaps the prerendered page for the app's, in one task so that no frame
/// shows neither: the same markup in the same place, so nothing moves.
/// What the visitor did before the app started is carried over: text
/// typed into the search box (and its focus), and filter options clicked
/// (recorded by the early script in index.html). Does nothing when there
/// is no prerendered page, or once it is gone.
pub fn reveal() {
    use wasm_bindgen::JsCast;
    if RENDERING_HTML {
        return;
    }
    let doc = document();
    let (Some(old), Some(new)) = (
        doc.get_element_by_id(PRERENDERED),
        doc.get_element_by_id(APP_ROOT),
    ) else {
        return;
    };
    let search = "input[data-testid=\"search\"]";
    let input_in = |root: &web_sys::Element| {
        root.query_selector(search)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlInputElement>().ok())
    };
    let typed = input_in(&old);
    let focused = typed.as_ref().is_some_and(|t| {
        doc.active_element()
            .is_some_and(|a| a == *t.unchecked_ref::<web_sys::Element>())
    });
    old.remove();
    let _ = new.remove_attribute("hidden");
    if let Some(root) = doc.document_element() {
        let _ = root.class_list().remove_1("atlas-pending");
    }
    if let (Some(typed), Some(input)) = (typed, input_in(&new)) {
        let text = typed.value();
        if !text.is_empty() && text != input.value() {
            input.set_value(&text);
            // Bubbling, as a typed key's: the app listens where it delegates.
            let init = web_sys::EventInit::new();
            init.set_bubbles(true);
            if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                let _ = input.dispatch_event(&event);
            }
        }
        if focused {
            let _ = input.focus();
        }
    }
    // [[group test id, value], …] of the options clicked before the start.
    let clicks = js_sys::Reflect::get(&window(), &"atlasEarlyClicks".into())
        .ok()
        .and_then(|v| v.dyn_into::<js_sys::Array>().ok());
    for click in clicks.iter().flat_map(|a| a.iter()) {
        let Some(pair) = click.dyn_ref::<js_sys::Array>() else {
            continue;
        };
        let (Some(group), Some(value)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            continue;
        };
        let safe = |s: &str| s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-');
        if !(safe(&group) && safe(&value)) {
            continue;
        }
        let selector = format!("[data-testid=\"{group}\"] [data-value=\"{value}\"]");
        if let Some(option) = new
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
        {
            option.click();
        }
    }
    let _ = js_sys::Reflect::set(&window(), &"atlasEarlyClicks".into(), &js_sys::Array::new());
    mark("atlas:took-over");
}

/// A panic must not leave a frozen page: the hook logs it (for
/// developers) and shows an alert with a reload button, built with plain
/// DOM calls because the reactive system may be what panicked. Console
/// message first, then the alert.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_crash_alert();
    }));
}

/// Shows "Something went wrong — reload" once, above everything else.
pub fn show_crash_alert() {
    if RENDERING_HTML {
        return;
    }
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("atlas-crash").is_some() {
        return;
    }
    use wasm_bindgen::JsCast;
    let build = || -> Result<(), wasm_bindgen::JsValue> {
        let alert = document.create_element("div")?;
        alert.set_id("atlas-crash");
        alert.set_class_name("atlas-crash");
        alert.set_attribute("role", "alert")?;
        alert.set_attribute("data-testid", "error")?;
        let text = document.create_element("p")?;
        text.set_text_content(Some(
            "Something went wrong in Systems Atlas. Reload the page to continue; your view is kept in the address.",
        ));
        let button = document.create_element("button")?;
        button.set_class_name("atlas-button atlas-button--primary");
        button.set_text_content(Some("Reload"));
        let reload = wasm_bindgen::closure::Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        button
            .unchecked_ref::<web_sys::HtmlElement>()
            .set_onclick(Some(reload.as_ref().unchecked_ref()));
        reload.forget();
        alert.append_child(&text)?;
        alert.append_child(&button)?;
        let body = document.body().ok_or("no body")?;
        body.prepend_with_node_1(&alert)?;
        Ok(())
    };
    let _ = build();
}
