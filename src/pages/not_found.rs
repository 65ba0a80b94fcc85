use crate::browser::head::use_page_head;
use crate::components::status::NotFound;
use leptos::prelude::*;
use newsroom_core::publish::PageHead;

/// An address that names no page: a page number that cannot exist, or a visit that began at
/// an address the app does not own.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_head(|| PageHead::not_found("Page"));
    view! { <NotFound /> }
}
