//! What only a browser has: focus, prefetching, the document head, taking over a prerendered
//! page, and the clock. Calls to `window` and the DOM live here, run from effects and event
//! handlers, so the views around them also render natively to HTML.

pub mod clock;
pub mod focus;
pub mod head;
pub mod prefetch;
pub mod takeover;

/// Loads the address the browser shows from the server, as a page load would: for addresses the
/// app does not own, once the router has already put them in the address bar.
pub fn load_from_server() {
    if let Some(window) = web_sys::window() {
        let _ = window.location().reload();
    }
}
