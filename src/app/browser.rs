//! What only a browser has: the document's title, timers and frames,
//! window events, storage, the clock, performance marks. The components
//! call these instead of `window()` and `document()` directly, so that the
//! same components also render natively to HTML at build time (the
//! `ssr` feature, `src/bin/prerender.rs`), where each of these does
//! nothing or answers "none".

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

/// The query string of the address bar (with its `?`).
pub fn location_search() -> String {
    if RENDERING_HTML {
        return String::new();
    }
    window().location().search().unwrap_or_default()
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
