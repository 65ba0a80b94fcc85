use crate::api::{self, LoadError, PageContent};
use crate::browser::takeover;
use crate::components::status::{LoadFailure, LoadingSkeleton};
use crate::pages::article::{ArticleNotFound, ArticleView};
use crate::pages::listing::ListingContent;
use crate::pages::not_found::NotFoundPage;
use crate::site::use_site;
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsroom_core::route::Route;

/// The page of a matched route: its content, loaded whenever the route changes, shown as a
/// skeleton, the page, a not-found page or an error with Retry. Content already in memory (a
/// prerendered page carries what it was rendered from) shows at once, with no request.
///
/// Plain signals and a task rather than a resource under `<Suspense>`: Leptos's async
/// machinery is generic code that weighed about 13 KB of the brotli wasm here, for one value.
#[component]
pub fn RoutePage(route: Signal<Route>) -> impl IntoView {
    let content = RwSignal::new_local(route.with_untracked(api::page_content_now));
    let latest_request = StoredValue::new(0_u64);
    let load = move |route: Route| {
        let request = latest_request.get_value() + 1;
        latest_request.set_value(request);
        if let Some(ready) = api::page_content_now(&route) {
            content.set(Some(ready));
            return;
        }
        content.set(None);
        spawn_local(async move {
            let result = api::page_content(route).await;
            // A reader who moved on meanwhile wants the newer page, not this one.
            if latest_request.get_value() == request {
                content.set(Some(result));
            }
        });
    };
    // Effects run only in the browser. The first run keeps what the first render showed.
    Effect::new(move |shown: Option<Route>| {
        let route = route.get();
        let already_shown = shown.as_ref() == Some(&route)
            || (shown.is_none() && content.with_untracked(Option::is_some));
        if !already_shown {
            load(route.clone());
        }
        route
    });
    reveal_once_complete(route, content);
    let retry = Callback::new(move |_| load(route.get_untracked()));
    let is_article = move || matches!(route.get_untracked(), Route::Article { .. });
    move || {
        content.with(|content| match content {
            None => {
                let what = if is_article() { "article" } else { "articles" };
                view! { <LoadingSkeleton what /> }.into_any()
            }
            Some(Ok(PageContent::Article(data))) => {
                view! { <ArticleView data=data.clone() /> }.into_any()
            }
            Some(Ok(PageContent::Listing(page))) => {
                view! { <ListingContent page=page.clone() /> }.into_any()
            }
            Some(Err(LoadError::NotFound)) if is_article() => {
                view! { <ArticleNotFound /> }.into_any()
            }
            Some(Err(LoadError::NotFound)) => view! { <NotFoundPage /> }.into_any(),
            Some(Err(error)) => view! { <LoadFailure error=error.clone() retry /> }.into_any(),
        })
    }
}

/// Takes over a prerendered page once this page's answer and the site settings (header,
/// footer, newsletter) are in. Effects run after the views they follow are in the document.
fn reveal_once_complete(
    route: Signal<Route>,
    content: RwSignal<Option<Result<PageContent, LoadError>>, LocalStorage>,
) {
    let site = use_site();
    Effect::new(move |_| {
        if site.get().is_none() {
            return;
        }
        content.with(|content| match content {
            None => {}
            Some(Ok(_) | Err(LoadError::NotFound)) => takeover::reveal_loaded_page(),
            Some(Err(_)) => takeover::reveal_failed_page(&route.with_untracked(Route::path)),
        });
    });
}
