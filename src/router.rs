//! Client-side navigation. The site has four kinds of page and its addresses are parsed by
//! [`newsroom_core::route`], so a general-purpose router would be mostly unused weight in the
//! wasm; this is the part the site needs: the current path as a signal, same-site link clicks
//! and the back and forward buttons changing it without a page load.
//!
//! Rendering only reads the signal, so the same components render to HTML natively (the
//! prerenderer provides the path it renders); the browser listeners are installed once, at start.

use leptos::ev;
use leptos::prelude::*;
use newsroom_core::route::Route;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy)]
struct CurrentPath(RwSignal<String>);

#[derive(Clone, Copy)]
struct CurrentRoute(Memo<Route>);

/// Makes `path` the current path, and the route it names, for everything rendered below.
pub fn provide_path(path: RwSignal<String>) {
    provide_context(CurrentPath(path));
    provide_context(CurrentRoute(Memo::new(move |_| {
        path.with(|path| Route::from_path(path))
    })));
}

/// The URL path being shown (no query, no fragment).
pub fn use_path() -> ReadSignal<String> {
    expect_context::<CurrentPath>().0.read_only()
}

pub fn use_route() -> Memo<Route> {
    expect_context::<CurrentRoute>().0
}

/// The path the browser shows now.
pub fn browser_path() -> String {
    window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".to_string())
}

/// From now on, following a same-site link or going back and forward changes `path` instead of
/// loading a page. For the life of the page.
pub fn listen_for_navigation(path: RwSignal<String>) {
    let _ = window_event_listener(ev::click, move |event| {
        if let Some(link) = link_to_follow(&event) {
            follow(path, &link, &event);
        }
    });
    let _ = window_event_listener(ev::popstate, move |_| path.set(browser_path()));
}

/// The link a click should follow inside the app, if any: a plain left click on a link to this
/// site, meant for this tab. Modified clicks (new tab, new window, download) and links to other
/// sites keep the browser's behaviour, and so does a click some handler has already taken care
/// of (prevented).
fn link_to_follow(event: &ev::MouseEvent) -> Option<web_sys::HtmlAnchorElement> {
    let modified = event.ctrl_key() || event.meta_key() || event.shift_key() || event.alt_key();
    if event.default_prevented() || event.button() != 0 || modified {
        return None;
    }
    let clicked: web_sys::Element = event.target()?.dyn_into().ok()?;
    let link: web_sys::HtmlAnchorElement = clicked.closest("a[href]").ok()??.dyn_into().ok()?;
    let target = link.target();
    let other_tab = !(target.is_empty() || target.eq_ignore_ascii_case("_self"));
    let same_site = link.origin() == window().location().origin().ok()?;
    (same_site && !other_tab && !link.has_attribute("download")).then_some(link)
}

fn follow(path: RwSignal<String>, link: &web_sys::HtmlAnchorElement, event: &ev::MouseEvent) {
    let new_path = link.pathname();
    let hash = link.hash();
    let same_page = path.with_untracked(|current| *current == new_path);
    if same_page && !hash.is_empty() {
        // A fragment of this page (the skip link, a footnote): the browser scrolls to it.
        return;
    }
    event.prevent_default();
    let address = format!("{new_path}{}{hash}", link.search());
    if link.href() != window().location().href().unwrap_or_default() {
        if let Ok(history) = window().history() {
            let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&address));
        }
    }
    // A new page starts at its top, as after a page load.
    window().scroll_to_with_x_and_y(0.0, 0.0);
    if !same_page {
        path.set(new_path);
    }
}
