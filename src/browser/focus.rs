//! Focus after client-side navigation. A full page load starts reading at the top of the new
//! document; a route change in a single-page app does not, and focus would stay on a link that
//! no longer exists (the browser then drops it to `<body>`). So after every route change but the
//! first, focus moves to the new page's `<h1>`, as a page load would bring a reader there.
//!
//! The page's content may arrive later than the route change (it loads asynchronously), so
//! the change only records which path wants focus, and the heading rendered for that path takes
//! it when mounted. The path matters: the old page's heading is still mounted for a moment after
//! the route changes and must not take the focus meant for the new one.

use leptos::ev::MouseEvent;
use leptos::html::H1;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use wasm_bindgen::JsCast;

/// How many frames a heading may take to enter the document before focus gives up on it (half a
/// second at 60 Hz: loaded content is inserted within a frame or two).
const ATTACH_FRAMES: u8 = 30;

/// The path whose heading should take focus, until one has.
#[derive(Clone, Copy)]
struct FocusPending(RwSignal<Option<String>>);

/// Called once by the app, so every page can find it.
pub fn provide_route_focus() {
    provide_context(FocusPending(RwSignal::new(None)));
}

/// Watches the path. The first path is the page load itself: focus stays
/// where the browser puts it, at the top of the document.
#[component]
pub fn RouteFocus() -> impl IntoView {
    let pending = expect_context::<FocusPending>().0;
    let pathname = use_location().pathname;
    Effect::new(move |previous: Option<String>| {
        let path = pathname.get();
        if previous.is_some_and(|previous| previous != path) {
            pending.set(Some(path.clone()));
        }
        path
    });
}

/// A node ref for a page's `<h1>` (which needs `tabindex="-1"` to accept focus from script):
/// it takes focus when it is shown after a route change. Without the app's context (component
/// tests render pieces alone) it does nothing.
pub fn focus_on_arrival() -> NodeRef<H1> {
    let heading = NodeRef::<H1>::new();
    if let Some(FocusPending(pending)) = use_context::<FocusPending>() {
        let rendered_for = use_location().pathname.get_untracked();
        Effect::new(move |_| {
            if pending.with(|path| path.as_deref() != Some(rendered_for.as_str())) {
                return;
            }
            if let Some(heading) = heading.get() {
                focus_once_attached(heading.into(), pending, rendered_for.clone(), ATTACH_FRAMES);
            }
        });
    }
    heading
}

/// Content that arrives after loading can exist before it is in the document, and focusing a
/// detached element does nothing; so wait (a frame at a time, a few at most) until it is in.
/// Another route change meanwhile cancels the wait.
fn focus_once_attached(
    heading: web_sys::HtmlElement,
    pending: RwSignal<Option<String>>,
    path: String,
    frames_left: u8,
) {
    request_animation_frame(move || {
        if pending.with_untracked(|pending| pending.as_deref() != Some(path.as_str())) {
            return;
        }
        if heading.is_connected() {
            pending.set(None);
            let _ = heading.focus();
            scroll_to_fragment();
        } else if frames_left > 0 {
            focus_once_attached(heading, pending, path, frames_left - 1);
        }
    });
}

/// A link to a `#fragment` of another page lands on the fragment, as after a page load: the
/// router scrolls before the new page's content has arrived, so once it is in, this does.
fn scroll_to_fragment() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let hash = window.location().hash().unwrap_or_default();
    let Some(id) = hash.strip_prefix('#').filter(|id| !id.is_empty()) else {
        return;
    };
    let id = js_sys::decode_uri_component(id)
        .ok()
        .and_then(|id| id.as_string())
        .unwrap_or_else(|| id.to_string());
    if let Some(target) = window.document().and_then(|doc| doc.get_element_by_id(&id)) {
        target.scroll_into_view();
    }
}

/// "Skip to main content". Following a `#fragment` scrolls to it, but browsers differ on whether
/// focus moves too, so the link moves focus itself: keyboard users must land in `<main>`, not
/// just see it.
#[component]
pub fn SkipLink() -> impl IntoView {
    let skip = |event: MouseEvent| {
        event.prevent_default();
        let main = document()
            .get_element_by_id("main")
            .and_then(|main| main.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            let _ = main.focus();
        }
    };
    view! { <a class="skip-link" href="#main" on:click=skip>"Skip to main content"</a> }
}
