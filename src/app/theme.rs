//! The colour theme: the system's (`prefers-color-scheme`), or a light or
//! dark choice remembered in local storage and set as `data-theme` on
//! `<html>`, which the CSS reads.

use leptos::prelude::*;

const KEY: &str = "atlas-theme";

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    System,
    Light,
    Dark,
}

impl Theme {
    pub fn next(self) -> Theme {
        match self {
            Theme::System => Theme::Light,
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::System,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::System => "system",
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    pub fn icon(self) -> &'static str {
        match self {
            Theme::System => "◐",
            Theme::Light => "☀",
            Theme::Dark => "☾",
        }
    }
}

use super::browser::storage;

/// The remembered theme.
pub fn stored() -> Theme {
    match storage()
        .and_then(|s| s.get_item(KEY).ok().flatten())
        .as_deref()
    {
        Some("light") => Theme::Light,
        Some("dark") => Theme::Dark,
        _ => Theme::System,
    }
}

/// Shows and remembers `theme`. Storage may be unavailable (private
/// windows): the theme then lasts for this page only.
pub fn apply(theme: Theme) {
    if super::browser::RENDERING_HTML {
        return;
    }
    super::browser::set_root_attribute(
        "data-theme",
        (theme != Theme::System).then(|| theme.label()),
    );
    if let Some(s) = storage() {
        let _ = match theme {
            Theme::System => s.remove_item(KEY),
            _ => s.set_item(KEY, theme.label()),
        };
    }
}

/// Cycles system → light → dark; the choice is remembered.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = RwSignal::new(stored());
    view! {
        <button
            class="atlas-button atlas-header__theme"
            aria-label=move || format!("Colour theme: {} (change)", theme.get().label())
            title="Change colour theme"
            on:click=move |_| {
                let next = theme.get_untracked().next();
                apply(next);
                theme.set(next);
            }
        >
            {move || theme.get().icon()}
        </button>
    }
}
