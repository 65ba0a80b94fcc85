//! The router in a real page: which clicks it takes over, and the back and forward buttons.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use newsroom::router::{browser_path, listen_for_navigation};
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A link in the page, inside a span so clicks can land on its content.
fn link(href: &str, attributes: &[(&str, &str)]) -> web_sys::Element {
    let link = document().create_element("a").unwrap();
    link.set_attribute("href", href).unwrap();
    for (name, value) in attributes {
        link.set_attribute(name, value).unwrap();
    }
    let label = document().create_element("span").unwrap();
    label.set_text_content(Some("label"));
    link.append_child(&label).unwrap();
    document().body().unwrap().append_child(&link).unwrap();
    link
}

/// Clicks `target` the way `init` says; true when the router took the click over.
fn click(target: &web_sys::Element, init: &web_sys::MouseEventInit) -> bool {
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", init).unwrap();
    target.dispatch_event(&event).unwrap();
    TAKEN_OVER.with(Cell::get)
}

thread_local! {
    static TAKEN_OVER: Cell<bool> = const { Cell::new(false) };
}

/// Runs after the router's listener (listeners on one target run in the order they were
/// added): records whether the router prevented the default, then prevents it itself, so a
/// click the router leaves alone does not take the test page away.
fn record_after_router() {
    let record = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        TAKEN_OVER.with(|taken| taken.set(event.default_prevented()));
        event.prevent_default();
    });
    web_sys::window()
        .unwrap()
        .add_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
    record.forget();
}

#[wasm_bindgen_test]
fn same_site_clicks_become_navigations_and_the_rest_is_left_to_the_browser() {
    let start = web_sys::window().unwrap().location().href().unwrap();
    let path = RwSignal::new(browser_path());
    listen_for_navigation(path);
    record_after_router();
    let plain = web_sys::MouseEventInit::new;

    let article = link("/articles/first", &[]);
    let label = article.first_element_child().unwrap();
    assert!(click(&label, &plain()), "a plain click on a link's text");
    assert_eq!(path.get_untracked(), "/articles/first");
    assert_eq!(browser_path(), "/articles/first", "the address bar follows");

    let other = link("/articles/second", &[]);
    let ctrl = plain();
    ctrl.set_ctrl_key(true);
    let meta = plain();
    meta.set_meta_key(true);
    let shift = plain();
    shift.set_shift_key(true);
    let middle = plain();
    middle.set_button(1);
    for (what, init) in [
        ("ctrl", ctrl),
        ("meta", meta),
        ("shift", shift),
        ("middle", middle),
    ] {
        assert!(!click(&other, &init), "{what}-click is the browser's");
        assert_eq!(path.get_untracked(), "/articles/first", "{what}-click");
    }
    for (what, element) in [
        ("new tab", link("/articles/second", &[("target", "_blank")])),
        ("download", link("/articles/second", &[("download", "")])),
        (
            "other site",
            link("https://example.org/articles/second", &[]),
        ),
        ("fragment of this page", link("#main", &[])),
    ] {
        assert!(!click(&element, &plain()), "{what}");
        assert_eq!(path.get_untracked(), "/articles/first", "{what}");
    }
    assert!(click(&link("/category/news?from=test", &[]), &plain()));
    assert_eq!(
        path.get_untracked(),
        "/category/news",
        "the query is not part of the path"
    );

    // Back and forward: the browser changes the address, then tells the page.
    let history = web_sys::window().unwrap().history().unwrap();
    history
        .replace_state_with_url(&JsValue::NULL, "", Some("/page/2"))
        .unwrap();
    let popstate = web_sys::PopStateEvent::new("popstate").unwrap();
    web_sys::window()
        .unwrap()
        .dispatch_event(&popstate)
        .unwrap();
    assert_eq!(path.get_untracked(), "/page/2");

    history
        .replace_state_with_url(&JsValue::NULL, "", Some(&start))
        .unwrap();
}
