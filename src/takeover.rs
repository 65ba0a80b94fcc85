//! Taking over a prerendered page without a visible change.
//!
//! A prerendered page arrives as complete HTML inside `<div id="prerendered">`. The app then
//! renders the same page into a hidden container and, once that page's content and the site
//! settings are in, swaps the two in one step: the markup is the same, so nothing moves. What
//! the reader did meanwhile is carried over: the scroll position, what they typed, and focus.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

pub const PRERENDERED_ID: &str = "prerendered";
pub const APP_ID: &str = "app";

/// For a content view: reveal the app once this view is mounted and the site settings (header,
/// footer, newsletter) are there too. Effects run only in the browser, after mounting.
pub fn reveal_when_ready() {
    let site = crate::app::use_site();
    Effect::new(move |_| {
        if site.get().is_some() {
            reveal();
        }
    });
}

/// For the error state: when the prerendered page is this very page, it is better than an error
/// (the reader keeps a complete page whose links still work), so it stays. When it was rendered
/// for another address (a static host's `404.html` standing in for a page it does not have),
/// the app's own answer is shown.
pub fn reveal_unless_prerendered_here() {
    let path = crate::router::use_path();
    let site = crate::app::use_site();
    Effect::new(move |_| {
        let path = path.get();
        if site.get().is_some() && prerendered_route().is_some_and(|route| route != path) {
            reveal();
        }
    });
}

/// The address the prerendered markup was rendered for, while it is still shown.
fn prerendered_route() -> Option<String> {
    web_sys::window()?
        .document()?
        .get_element_by_id(PRERENDERED_ID)?
        .get_attribute("data-route")
}

/// Swaps the prerendered markup for the app's, if there is any left to swap.
fn reveal() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let (Some(prerendered), Some(app)) = (
        document.get_element_by_id(PRERENDERED_ID),
        document.get_element_by_id(APP_ID),
    ) else {
        return;
    };
    let window = web_sys::window().expect("a document has a window");
    let scroll_y = window.scroll_y().unwrap_or(0.0);
    let focused_id = document
        .active_element()
        .filter(|element| prerendered.contains(Some(element)))
        .map(|element| element.id())
        .filter(|id| !id.is_empty());
    let typed = typed_values(&prerendered);
    prerendered.remove();
    let _ = app.remove_attribute("hidden");
    for (id, value) in typed {
        restore_value(&document, &id, &value);
    }
    if let Some(element) = focused_id.and_then(|id| document.get_element_by_id(&id)) {
        if let Ok(element) = element.dyn_into::<web_sys::HtmlElement>() {
            let _ = element.focus();
        }
    }
    window.scroll_to_with_x_and_y(window.scroll_x().unwrap_or(0.0), scroll_y);
}

/// Values of the text fields a reader may have typed into before the app took over.
fn typed_values(root: &web_sys::Element) -> Vec<(String, String)> {
    let Ok(inputs) = root.query_selector_all("input[id]") else {
        return Vec::new();
    };
    (0..inputs.length())
        .filter_map(|index| {
            inputs
                .item(index)?
                .dyn_into::<web_sys::HtmlInputElement>()
                .ok()
        })
        .map(|input| (input.id(), input.value()))
        .filter(|(_, value)| !value.is_empty())
        .collect()
}

/// Puts a typed value into the app's field of the same id, telling the app it changed.
fn restore_value(document: &web_sys::Document, id: &str, value: &str) {
    let Some(input) = document
        .get_element_by_id(id)
        .and_then(|element| element.dyn_into::<web_sys::HtmlInputElement>().ok())
    else {
        return;
    };
    input.set_value(value);
    if let Ok(event) = web_sys::Event::new("input") {
        let _ = input.dispatch_event(&event);
    }
}
