//! The document title and meta description follow the route. They are set from effects, which
//! run only in the browser, so components stay renderable to HTML elsewhere.

use leptos::prelude::*;

/// Keeps `document.title` and `<meta name="description">` in step with `title` and
/// `description` while the calling component is mounted.
pub fn use_page_meta(
    title: impl Fn() -> String + 'static,
    description: impl Fn() -> String + 'static,
) {
    Effect::new(move |_| {
        let title = title();
        let description = description();
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        document.set_title(&title);
        if let Ok(Some(meta)) = document.query_selector("meta[name='description']") {
            let _ = meta.set_attribute("content", &description);
        }
    });
}

pub use newsroom_core::publish::page_title;
