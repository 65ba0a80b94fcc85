//! Rendering the app's pages ahead of time: the very `<App>` the browser mounts, with the
//! address given to leptos_router as a `RequestUrl` and the content handed to the content cache
//! as text, so the route table chooses the view and the views choose their head, here as in the
//! browser. What this returns is for `newsroom-prerender` to write into files.

use crate::api;
use crate::app::App;
use crate::browser::head::RenderedHead;
use leptos::prelude::*;
use leptos_router::location::RequestUrl;
use newsroom_core::publish::PageHead;
use std::collections::HashMap;

/// The content files pages are rendered from, by content path, as compact JSON.
pub struct ContentFiles(HashMap<String, String>);

impl ContentFiles {
    pub fn new(files: impl IntoIterator<Item = (String, String)>) -> ContentFiles {
        ContentFiles(files.into_iter().collect())
    }
}

/// A page as the app renders it for one address.
pub struct RenderedPage {
    /// The markup inside `<body>`'s app container.
    pub body: String,
    pub head: PageHead,
    /// The content files the page was rendered from, as (content path, JSON), for the page to
    /// carry: the app starts from them instead of fetching them again.
    pub carried: Vec<(String, String)>,
}

/// Renders the page at `path` from `content`. Every page rendered on this thread shares the
/// content cache, so each file is parsed once for the whole site.
pub fn render_page(content: &ContentFiles, path: &str) -> Result<RenderedPage, String> {
    api::provide_documents(
        content
            .0
            .iter()
            .filter(|(path, _)| !api::is_loaded_or_loading(path))
            .map(|(path, json)| (path.clone(), json.clone())),
    );
    let owner = Owner::new();
    let head = RwSignal::new(None);
    let (body, read) = owner.with(|| {
        provide_context(RequestUrl::new(path));
        provide_context(RenderedHead(head));
        api::record_reads(|| view! { <App /> }.to_html())
    });
    let head = head
        .get_untracked()
        .ok_or_else(|| format!("{path}: the page declared no head"))?;
    let carried = read
        .into_iter()
        .filter_map(|read| Some((read.clone(), content.0.get(&read)?.clone())))
        .collect();
    Ok(RenderedPage {
        body,
        head,
        carried,
    })
}
