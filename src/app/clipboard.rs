//! Copying text to the clipboard, with a "copied" flag for the button.

use leptos::prelude::*;

/// A `copy(text)` function and a flag that turns true once a copy
/// succeeded (for "Copied" on the button). Without clipboard access (an
/// insecure origin, a denied permission) the flag stays false.
pub fn use_copy() -> (ReadSignal<bool>, impl Fn(&str) + Clone + 'static) {
    let (copied, set_copied) = signal(false);
    let copy = move |text: &str| {
        let Some(promise) = super::browser::write_clipboard(text) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            set_copied.set(ok);
        });
    };
    (copied, copy)
}
