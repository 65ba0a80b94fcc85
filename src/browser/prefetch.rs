//! Loading an article before the reader asks for it, so a click on its card renders at once.
//!
//! Triggered by hovering or focusing a card, or scrolling it into view. Bounded, because a
//! reader pays for every byte: a fixed number per visit, at idle time, and never when the
//! browser says the reader wants to save data. Everything here runs from event handlers and
//! effects, never while rendering.

use crate::api;
use std::cell::Cell;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Articles prefetched per visit at most.
const BUDGET: u32 = 24;

thread_local! {
    static SPENT: Cell<u32> = const { Cell::new(0) };
}

/// Asks for the article and its category listing at the browser's next idle moment.
pub fn prefetch_article(slug: String, category_slug: String) {
    let path = newsroom_core::paths::article(&slug);
    if api::is_loaded_or_loading(&path) || saves_data() {
        return;
    }
    let within_budget = SPENT.with(|spent| {
        let next = spent.get() + 1;
        spent.set(next);
        next <= BUDGET
    });
    if !within_budget {
        return;
    }
    when_idle(move || {
        leptos::task::spawn_local(async move { api::warm_article(&slug, &category_slug).await });
    });
}

/// `navigator.connection.saveData`, where the browser offers it.
fn saves_data() -> bool {
    let Some(window) = web_sys::window() else {
        return true;
    };
    let connection = js_sys::Reflect::get(&window.navigator(), &JsValue::from_str("connection"))
        .unwrap_or(JsValue::UNDEFINED);
    if connection.is_undefined() || connection.is_null() {
        return false;
    }
    js_sys::Reflect::get(&connection, &JsValue::from_str("saveData"))
        .map(|value| value.as_bool().unwrap_or(false))
        .unwrap_or(false)
}

/// Runs `task` when the main thread is idle (or soon, where idle callbacks are missing), so
/// prefetching never competes with rendering or input.
fn when_idle(task: impl FnOnce() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let callback = Closure::once_into_js(task);
    let scheduled = window
        .request_idle_callback(callback.unchecked_ref())
        .is_ok();
    if !scheduled {
        let _ = window.set_timeout_with_callback(callback.unchecked_ref());
    }
}

/// Watches a list's cards and prefetches each one's article once it scrolls into view. The
/// watch ends when the returned value is dropped (with the list), so nothing outlives the page.
pub struct CardWatch {
    observer: web_sys::IntersectionObserver,
    _on_visible: Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
}

impl Drop for CardWatch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

pub fn observe_cards(list: &web_sys::Element) -> Option<CardWatch> {
    let links = list.query_selector_all("a[data-slug]").ok()?;
    let on_visible = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            for entry in entries.iter() {
                let entry: web_sys::IntersectionObserverEntry = entry.unchecked_into();
                if entry.is_intersecting() {
                    let link = entry.target();
                    observer.unobserve(&link);
                    prefetch_link(&link);
                }
            }
        },
    );
    let observer = web_sys::IntersectionObserver::new(on_visible.as_ref().unchecked_ref()).ok()?;
    for index in 0..links.length() {
        if let Some(link) = links.item(index) {
            observer.observe(link.unchecked_ref());
        }
    }
    Some(CardWatch {
        observer,
        _on_visible: on_visible,
    })
}

/// Prefetches the article a card link points at (its slug and category are data attributes).
pub fn prefetch_link(link: &web_sys::Element) {
    if let (Some(slug), Some(category)) = (
        link.get_attribute("data-slug"),
        link.get_attribute("data-category"),
    ) {
        prefetch_article(slug, category);
    }
}
