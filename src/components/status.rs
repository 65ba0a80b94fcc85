use crate::api::LoadError;
use leptos::prelude::*;

/// Placeholder blocks in the shape of the page that is loading, so nothing jumps when it
/// arrives. Screen readers hear the status text once, politely.
#[component]
pub fn LoadingSkeleton(what: &'static str) -> impl IntoView {
    view! {
        <div class="skeleton" aria-busy="true">
            <p role="status" class="visually-hidden">{format!("Loading {what}…")}</p>
            <div class="skeleton__tag" aria-hidden="true"></div>
            <div class="skeleton__title" aria-hidden="true"></div>
            <div class="skeleton__line" aria-hidden="true"></div>
            <div class="skeleton__line" aria-hidden="true"></div>
            <div class="skeleton__line skeleton__line--short" aria-hidden="true"></div>
        </div>
    }
}

/// A failed load: what went wrong in plain words and a way to try again without reloading.
#[component]
pub fn LoadFailure(error: LoadError, retry: Callback<()>) -> impl IntoView {
    leptos::logging::warn!("load failed: {}", error.detail());
    view! {
        <div class="load-failure" role="alert">
            <h1>"Something went wrong"</h1>
            <p>{error.reader_message()}</p>
            <button type="button" class="button" on:click=move |_| retry.run(())>
                "Retry"
            </button>
        </div>
    }
}

/// The not-found state, for unknown addresses and for content that does not exist.
#[component]
pub fn NotFound() -> impl IntoView {
    view! {
        <div class="not-found">
            <h1>"Page not found"</h1>
            <p>"We could not find the page you were looking for. It may have moved or never existed."</p>
            <p><a href="/">"Go to the home page"</a></p>
        </div>
    }
}
