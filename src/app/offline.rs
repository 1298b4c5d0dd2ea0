//! The service worker from the app's side: registration (release builds
//! only, so `trunk serve` never serves stale files), the "new version"
//! prompt, and the "catalog updated" notice. Without service workers
//! (private windows, blocked by policy) the app simply runs online.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ServiceWorkerContainer, ServiceWorkerRegistration, ServiceWorkerState};

/// What the service worker has to tell the user.
#[derive(Clone, Copy)]
pub struct OfflineState {
    /// A new version is installed and waiting for a reload. `web_sys`
    /// values are not `Send`, so this signal lives in local storage.
    pub waiting: RwSignal<Option<ServiceWorkerRegistration>, LocalStorage>,
    /// The catalog changed on the server since this page loaded it.
    pub catalog_updated: RwSignal<bool>,
}

/// The page's service workers; `None` where there are none, and in debug
/// builds (`cargo xtask serve`), which never register the worker.
fn container() -> Option<ServiceWorkerContainer> {
    if cfg!(debug_assertions) {
        return None;
    }
    super::browser::service_workers()
}

/// Listens to the service worker at once (a "catalog-updated" message
/// can come while the page starts); [`register`] installs it later.
pub fn listen() -> OfflineState {
    let state = OfflineState {
        waiting: RwSignal::new_local(None),
        catalog_updated: RwSignal::new(false),
    };
    let Some(container) = container() else {
        return state;
    };
    let on_message =
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |e: web_sys::MessageEvent| {
            if e.data().as_string().as_deref() == Some("catalog-updated") {
                state.catalog_updated.set(true);
            }
        });
    container.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget(); // Lives as long as the page.
    state
}

/// Registers `sw.js` (relative to `<base href>`, so its scope is the app's
/// base path) and watches for updates. On a first visit the worker then
/// downloads the whole build, catalog included, so the app calls this once
/// it has read the catalog: on a slow network those downloads would delay
/// the catalog's.
pub fn register(state: OfflineState) {
    let Some(container) = container() else {
        return;
    };
    let promise = container.register("sw.js");
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(promise).await {
            // Some browsers with blocked workers resolve without one.
            Ok(registration) if registration.is_object() => {
                watch(registration.unchecked_into(), state)
            }
            Ok(_) => leptos::logging::log!("offline mode unavailable: no registration"),
            // Quietly: the app works without it.
            Err(e) => leptos::logging::log!("offline mode unavailable: {e:?}"),
        }
    });
}

/// Offers the reload once a new worker has installed while an old one
/// controls the page (on the very first install there is nothing to reload).
fn watch(registration: ServiceWorkerRegistration, state: OfflineState) {
    let controlled = || container().and_then(|c| c.controller()).is_some();
    let offer = {
        let registration = registration.clone();
        move || {
            if registration.waiting().is_some() && controlled() {
                state.waiting.set(Some(registration.clone()));
            }
        }
    };
    offer();
    let on_update = {
        let registration = registration.clone();
        Closure::<dyn Fn()>::new(move || {
            let Some(installing) = registration.installing() else {
                return;
            };
            let offer = offer.clone();
            let worker = installing.clone();
            let on_state = Closure::<dyn Fn()>::new(move || {
                if worker.state() == ServiceWorkerState::Installed {
                    offer();
                }
            });
            installing.set_onstatechange(Some(on_state.as_ref().unchecked_ref()));
            on_state.forget();
        })
    };
    registration.set_onupdatefound(Some(on_update.as_ref().unchecked_ref()));
    on_update.forget();
}

/// Activates the waiting version and reloads once it controls the page.
fn apply_update(registration: &ServiceWorkerRegistration) {
    let Some(container) = container() else { return };
    let reload = Closure::<dyn Fn()>::new(super::browser::reload);
    container.set_oncontrollerchange(Some(reload.as_ref().unchecked_ref()));
    reload.forget();
    if let Some(waiting) = registration.waiting() {
        let _ = waiting.post_message(&JsValue::from_str("skip-waiting"));
    }
}

/// The prompts, above every page.
#[component]
pub fn OfflineNotices(state: OfflineState) -> impl IntoView {
    view! {
        {move || state.waiting.get().map(|registration| view! {
            <div class="atlas-banner" role="status" data-testid="update-ready">
                "A new version of Systems Atlas is ready."
                <button class="atlas-button atlas-button--primary" on:click=move |_| apply_update(&registration)>
                    "Reload"
                </button>
            </div>
        })}
        {move || state.catalog_updated.get().then(|| view! {
            <div class="atlas-banner" role="status" data-testid="catalog-updated">
                "The catalog has been updated."
                <button class="atlas-button atlas-button--primary" on:click=move |_| super::browser::reload()>
                    "Show the new papers"
                </button>
            </div>
        })}
    }
}
