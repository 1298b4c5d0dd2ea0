//! A panic must not leave a frozen page: the panic hook logs it (for
//! developers) and shows an alert with a reload button, built with plain
//! DOM calls because the reactive system may be what panicked.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Installs the hook: console message first, then the alert.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_alert();
    }));
}

/// Shows "Something went wrong — reload" once, above everything else.
pub fn show_alert() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id("atlas-crash").is_some() {
        return;
    }
    let build = || -> Result<(), JsValue> {
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
        let reload = Closure::<dyn Fn()>::new(|| {
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
