//! Sharing an article: plain links to the networks (they work without script, and no script,
//! pixel or frame of theirs is loaded), the system share sheet where the browser has one, and
//! a button that copies the address and says so in a live region.

use crate::site::use_site;
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsroom_core::route::article_path;
use newsroom_core::share::{canonical_url, share_links};
use wasm_bindgen::{JsCast, JsValue};

/// The share block under an article; nothing when the site names no base URL (a share link
/// must carry an absolute address).
#[component]
pub fn ShareArticle(slug: String, title: String) -> impl IntoView {
    let site = use_site();
    let path = article_path(&slug);
    move || {
        let url = canonical_url(site.get()?.base_url.as_deref(), &path)?;
        Some(view! { <ShareBlock url title=title.clone() /> })
    }
}

#[component]
fn ShareBlock(url: String, title: String) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    // The browser's sheet is offered only where it exists, found out after mounting.
    let can_share_natively = RwSignal::new(false);
    Effect::new(move |_| can_share_natively.set(has_native_share()));
    let links = share_links(&url, &title)
        .into_iter()
        .map(|link| {
            view! {
                <li>
                    <a class="share__link" href=link.href rel="external noopener noreferrer">
                        {link.name}
                    </a>
                </li>
            }
        })
        .collect_view();
    let native = {
        let (url, title) = (url.clone(), title.clone());
        move |_| open_share_sheet(&url, &title)
    };
    let copy = move |_| {
        let url = url.clone();
        spawn_local(async move {
            let message = match copy_to_clipboard(&url).await {
                Ok(()) => "Link copied to the clipboard.".to_string(),
                Err(()) => format!("Could not copy the link. The address is {url}"),
            };
            announcement.set(message);
        });
    };
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading" class="share__heading">"Share this article"</h2>
            <ul class="share__links">{links}</ul>
            <div class="share__actions">
                <button
                    type="button"
                    class="share__button"
                    hidden=move || !can_share_natively.get()
                    on:click=native
                >
                    "Share…"
                </button>
                <button type="button" class="share__button" on:click=copy>
                    "Copy link"
                </button>
            </div>
            <p class="share__status" role="status">{move || announcement.get()}</p>
        </section>
    }
}

fn navigator() -> Option<JsValue> {
    web_sys::window().map(|window| window.navigator().into())
}

fn has_native_share() -> bool {
    navigator().is_some_and(|navigator| {
        js_sys::Reflect::has(&navigator, &JsValue::from_str("share")).unwrap_or(false)
    })
}

/// Calls `navigator[object][method](argument)` and returns its promise.
fn call_promise(target: &JsValue, method: &str, argument: &JsValue) -> Option<js_sys::Promise> {
    let function: js_sys::Function = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()?
        .dyn_into()
        .ok()?;
    function.call1(target, argument).ok()?.dyn_into().ok()
}

/// The system sheet; a reader who closes it is no error worth telling.
fn open_share_sheet(url: &str, title: &str) {
    let Some(navigator) = navigator() else {
        return;
    };
    let data = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&data, &"title".into(), &title.into());
    let _ = js_sys::Reflect::set(&data, &"url".into(), &url.into());
    if let Some(promise) = call_promise(&navigator, "share", &data) {
        spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
        });
    }
}

async fn copy_to_clipboard(text: &str) -> Result<(), ()> {
    let navigator = navigator().ok_or(())?;
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).map_err(|_| ())?;
    let promise = call_promise(&clipboard, "writeText", &text.into()).ok_or(())?;
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|_| ())
}
