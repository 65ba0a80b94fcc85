use leptos::prelude::*;
use newsroom_core::url::{safe_url, UrlUse};

/// A link whose address comes from content. Only http, https, mailto, tel and relative addresses
/// become links; anything else (`javascript:` and its disguises) renders as plain text, and the
/// console names the field so an editor can find it.
#[component]
pub fn SafeLink(
    href: String,
    /// Which content field the address came from, for the warning.
    #[prop(into)]
    field: String,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    match safe_url(&href, UrlUse::Link) {
        Some(href) => view! { <a href=href class=class>{children()}</a> }.into_any(),
        None => {
            leptos::logging::warn!("{field}: unsafe link address dropped: {href:?}");
            view! { <span class=class>{children()}</span> }.into_any()
        }
    }
}

/// An image source from content, or None (with a console warning naming the field) when it is
/// not http, https or relative.
pub fn safe_image_src(src: &str, field: &str) -> Option<String> {
    let safe = safe_url(src, UrlUse::Image);
    if safe.is_none() {
        leptos::logging::warn!("{field}: unsafe image address dropped: {src:?}");
    }
    safe
}
