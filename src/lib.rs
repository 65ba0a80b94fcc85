//! Newsroom: article pages rendered in the browser from JSON content.
//!
//! Pure logic (content model, formatting, selection) lives in the `newsroom-core` crate; this
//! crate holds the views (`pages/`, `components/`), the routes (`app`) and data access (`api`).

#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod focus;
pub mod head;
pub mod pages;
pub mod prefetch;
pub mod router;
pub mod takeover;

/// Mounts the app on `<body>`.
#[cfg(feature = "csr")]
pub fn start() {
    // Panic messages with stack traces in development; release builds abort without the
    // formatting machinery, which keeps the wasm small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let path = RwSignal::new(router::browser_path());
    router::listen_for_navigation(path);
    let app = move || view! { <app::App path /> };
    let document = document();
    if document
        .get_element_by_id(takeover::PRERENDERED_ID)
        .is_none()
    {
        leptos::mount::mount_to_body(app);
        return;
    }
    // A prerendered page: render beside it, hidden, and swap when ready (see `takeover`).
    let container: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    container.set_id(takeover::APP_ID);
    let _ = container.set_attribute("hidden", "");
    let body = document.body().expect("a page has a body");
    let _ = body.append_child(&container);
    // The app lives as long as the page.
    std::mem::forget(leptos::mount::mount_to(container, app));
}
