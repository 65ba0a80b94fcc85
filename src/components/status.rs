use crate::api::LoadError;
use crate::browser::focus::focus_on_arrival;
use leptos::prelude::*;
use leptos_router::components::A;

/// How long a load may take before it is announced: a quick one passes in silence, and the live
/// region is already in the accessibility tree when its text arrives (text inserted together
/// with its region is often not read at all).
const ANNOUNCE_AFTER_MS: u64 = 200;

/// Placeholder blocks in the shape of the page that is loading, so nothing jumps when it
/// arrives. Screen readers hear the status text once, politely; the hidden h1 keeps the page's
/// outline whole (the newsletter's h2 would otherwise come first). No `aria-busy` here: screen
/// readers hold back live-region updates inside a busy element, which would mute the status.
#[component]
pub fn LoadingSkeleton(what: &'static str) -> impl IntoView {
    let announcement = RwSignal::new(String::new());
    Effect::new(move |_| {
        let handle = set_timeout_with_handle(
            move || announcement.set(format!("Loading {what}…")),
            std::time::Duration::from_millis(ANNOUNCE_AFTER_MS),
        );
        if let Ok(handle) = handle {
            on_cleanup(move || handle.clear());
        }
    });
    view! {
        <div class="skeleton">
            <h1 class="visually-hidden">{format!("Loading {what}")}</h1>
            <p role="status" class="visually-hidden">{move || announcement.get()}</p>
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
            <h1 tabindex="-1" node_ref=focus_on_arrival()>"Something went wrong"</h1>
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
            <h1 tabindex="-1" node_ref=focus_on_arrival()>"Page not found"</h1>
            <p>"We could not find the page you were looking for. It may have moved or never existed."</p>
            <p><A href="/">"Go to the home page"</A></p>
        </div>
    }
}
