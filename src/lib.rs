//! Newsroom: article pages rendered in the browser from JSON content.
//!
//! Pure logic (content model, formatting, selection) lives in the `newsroom-core` crate; this
//! crate holds the views (`pages/`, `components/`), the route table (`routes`), data access
//! (`api`) and what only a browser does (`browser`).

#![recursion_limit = "256"]

pub mod api;
pub mod app;
pub mod browser;
pub mod components;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod prerender;
pub mod routes;
pub mod site;

/// Mounts the app on `<body>`.
#[cfg(feature = "csr")]
pub fn start() {
    // Panic messages with stack traces in development; release builds abort without the
    // formatting machinery, which keeps the wasm small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    use leptos::prelude::*;
    if document()
        .get_element_by_id(browser::takeover::PRERENDERED_ID)
        .is_none()
    {
        leptos::mount::mount_to_body(app::App);
        return;
    }
    // A prerendered page: start from the content it carries, render beside it, hidden, and
    // swap when ready (see `takeover`). Not before the page has been painted once: on a fast
    // connection, or with the app in the HTTP cache, the app would otherwise start before the
    // first frame, and the reader would see nothing until the takeover was done.
    request_animation_frame(|| set_timeout(take_over, std::time::Duration::ZERO));
}

/// Renders the app beside the prerendered page, hidden, for `takeover` to swap in.
#[cfg(feature = "csr")]
fn take_over() {
    use leptos::prelude::*;
    use wasm_bindgen::JsCast;
    let document = document();
    browser::takeover::provide_carried_content(&document);
    let container: web_sys::HtmlElement = document
        .create_element("div")
        .expect("a div can be created")
        .unchecked_into();
    container.set_id(browser::takeover::APP_ID);
    let _ = container.set_attribute("hidden", "");
    let body = document.body().expect("a page has a body");
    let _ = body.append_child(&container);
    // The app lives as long as the page.
    std::mem::forget(leptos::mount::mount_to(container, app::App));
}
