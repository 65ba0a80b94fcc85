//! The header's light/dark switch. The page starts in the reader's system theme or their saved
//! choice (index.html's inline script applies it before the first paint); this button flips it
//! and saves the choice. Browser state is read in an effect, so the button also renders natively.

use leptos::prelude::*;

/// Where the choice is kept; index.html's inline script reads the same key.
const STORAGE_KEY: &str = "newsroom-theme";

/// A toggle button: pressed means dark.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let dark = RwSignal::new(false);
    Effect::new(move |_| dark.set(page_is_dark()));
    let flip = move |_| {
        let next = !dark.get_untracked();
        dark.set(next);
        apply_and_save(if next { "dark" } else { "light" });
    };
    view! {
        <button
            type="button"
            class="theme-toggle"
            aria-pressed=move || if dark.get() { "true" } else { "false" }
            on:click=flip
        >
            "Dark theme"
        </button>
    }
}

/// The theme the page shows now: the one set on `<html>`, else the system's.
fn page_is_dark() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let chosen = window
        .document()
        .and_then(|document| document.document_element())
        .and_then(|html| html.get_attribute("data-theme"));
    match chosen.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|query| query.matches()),
    }
}

fn apply_and_save(theme: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    if let Some(html) = window
        .document()
        .and_then(|document| document.document_element())
    {
        let _ = html.set_attribute("data-theme", theme);
    }
    // Storage may be refused (private modes, disabled cookies): the page still switches.
    if let Ok(Some(storage)) = window.local_storage() {
        let _ = storage.set_item(STORAGE_KEY, theme);
    }
}
