use crate::components::status::NotFound;
use crate::head::use_page_meta;
use leptos::prelude::*;

/// Every address no route matches.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    use_page_meta(
        || "Page not found".to_string(),
        || "The page you were looking for could not be found.".to_string(),
    );
    view! { <NotFound /> }
}
