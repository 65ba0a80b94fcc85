//! Newsroom: article pages rendered in the browser from JSON content.
//!
//! Pure logic (content model, formatting, selection) lives in the `newsroom-core` crate; this
//! crate holds the views (`pages/`, `components/`), the routes (`app`) and data access (`api`).

pub mod api;
pub mod app;
pub mod clock;
pub mod components;
pub mod focus;
pub mod head;
pub mod pages;
pub mod prefetch;

/// Mounts the app on `<body>`.
pub fn start() {
    // Panic messages with stack traces in development; release builds abort without the
    // formatting machinery, which keeps the wasm small.
    #[cfg(debug_assertions)]
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
