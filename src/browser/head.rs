//! The document's title and description follow the page shown. Each view says once what its
//! page's head is ([`use_page_head`]); in the browser an effect writes it into the document, and
//! when pages are rendered ahead of time the prerenderer collects it through [`RenderedHead`]
//! and writes every head tag from it (canonical, Open Graph, JSON-LD).
//!
//! Our own few lines rather than leptos_meta: the app changes two things in the head, and the
//! prerenderer writes the rest from the same `PageHead`, with nothing left to hydrate.

use leptos::prelude::*;
use newsroom_core::publish::PageHead;

/// Where the head of the page being rendered ahead of time is left for the prerenderer.
#[derive(Clone, Copy)]
pub struct RenderedHead(pub RwSignal<Option<PageHead>>);

/// Declares the head of the page the calling view shows, for as long as it is mounted.
pub fn use_page_head(head: impl Fn() -> PageHead + 'static) {
    if let Some(RenderedHead(rendered)) = use_context::<RenderedHead>() {
        // Rendering ahead of time: no effects run, and the head is read once rendering ends.
        rendered.set(Some(head()));
        return;
    }
    Effect::new(move |_| {
        let head = head();
        let Some(document) = web_sys::window().and_then(|window| window.document()) else {
            return;
        };
        document.set_title(&head.title);
        if let Ok(Some(meta)) = document.query_selector("meta[name='description']") {
            let _ = meta.set_attribute("content", &head.description);
        }
    });
}
