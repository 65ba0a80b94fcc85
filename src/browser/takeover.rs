//! Taking over a prerendered page without a visible change.
//!
//! A prerendered page arrives as complete HTML inside `<div id="prerendered">`. The app then
//! renders the same page into a hidden container and, once that page's content and the site
//! settings are in, swaps the two in one step: the markup is the same, so nothing moves. What
//! the reader did meanwhile is carried over: the scroll position, what they typed, and focus.

use wasm_bindgen::JsCast;

pub const PRERENDERED_ID: &str = "prerendered";
pub const APP_ID: &str = "app";
/// Marks the `<script type="application/json">` elements in which a prerendered page carries
/// the content files it was rendered from; the attribute's value is the file's content path.
pub const CARRIED_CONTENT_ATTRIBUTE: &str = "data-content-path";

/// Hands the content files the page carries to the content cache, so the app's first render
/// needs no request: the takeover waits for nothing but the app itself.
pub fn provide_carried_content(document: &web_sys::Document) {
    let selector = format!("script[type='application/json'][{CARRIED_CONTENT_ATTRIBUTE}]");
    let Ok(elements) = document.query_selector_all(&selector) else {
        return;
    };
    let documents = (0..elements.length())
        .filter_map(|index| elements.item(index)?.dyn_into::<web_sys::Element>().ok())
        .filter_map(|element| {
            let path = element.get_attribute(CARRIED_CONTENT_ATTRIBUTE)?;
            Some((path, element.text_content()?))
        });
    crate::api::provide_documents(documents.collect::<Vec<_>>());
}

/// For the page that loads content, once its content (or its not-found answer) is in and the
/// site settings too: the app's page is complete, so it replaces the prerendered one, as soon
/// as the pictures the reader already sees are decoded in it too.
pub fn reveal_loaded_page() {
    wasm_bindgen_futures::spawn_local(async {
        shown_pictures_decoded().await;
        reveal();
    });
}

/// The longest the swap waits for pictures: a decode takes milliseconds, and a picture that
/// does not decode must not hold the page back.
const DECODE_PATIENCE_MS: i32 = 250;

/// Waits until every image the prerendered page already shows is decoded in the app's copy of
/// the page. The app's `<img>` elements are new ones for the same files (from the memory
/// cache); swapped in undecoded, they would show blank for a frame: the picture would flash.
async fn shown_pictures_decoded() {
    let Some(document) = web_sys::window().and_then(|window| window.document()) else {
        return;
    };
    let images = |id: &str| -> Vec<web_sys::HtmlImageElement> {
        let Some(Ok(found)) = document
            .get_element_by_id(id)
            .map(|root| root.query_selector_all("img"))
        else {
            return Vec::new();
        };
        (0..found.length())
            .filter_map(|index| found.item(index)?.dyn_into().ok())
            .collect()
    };
    let decodes = js_sys::Array::new();
    for (shown, copy) in images(PRERENDERED_ID).iter().zip(images(APP_ID)) {
        if shown.complete() && shown.natural_width() > 0 {
            decodes.push(&copy.decode());
        }
    }
    if decodes.length() == 0 {
        return;
    }
    let patience = js_sys::Promise::new(&mut |resolve, _| {
        if let Some(window) = web_sys::window() {
            let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(
                &resolve,
                DECODE_PATIENCE_MS,
            );
        }
    });
    let decoded = js_sys::Promise::all(&decodes);
    // A picture that fails to decode ends the wait as well: the swap goes ahead either way.
    let _ = wasm_bindgen_futures::JsFuture::from(js_sys::Promise::race(&js_sys::Array::of2(
        &decoded, &patience,
    )))
    .await;
}

/// For a load that failed: when the prerendered page is this very page (`path`), it is better
/// than an error (the reader keeps a complete page whose links still work), so it stays. When it
/// was rendered for another address (a static host's `404.html` standing in for a page it does
/// not have), the app's own answer is shown.
pub fn reveal_failed_page(path: &str) {
    if prerendered_route().is_some_and(|route| route != path) {
        reveal();
    }
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
