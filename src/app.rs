//! The routes, in one place, and the frame every page shares.

use crate::api::{self, LoadError, PageContent};
use crate::components::footer::SiteFooter;
use crate::components::header::SiteHeader;
use crate::components::newsletter::NewsletterSignup;
use crate::components::status::{LoadFailure, LoadingSkeleton};
use crate::focus::{provide_route_focus, RouteFocus, SkipLink};
use crate::pages::article::{ArticleNotFound, ArticleView};
use crate::pages::listing::ListingContent;
use crate::pages::not_found::NotFoundPage;
use crate::router::{provide_path, use_route};
use leptos::prelude::*;
use leptos::task::spawn_local;
use newsroom_core::model::Site;
use newsroom_core::route::{PageKind, Route};
use std::rc::Rc;

/// `site.json`, read once and shared by the header, footer, newsletter block and page titles.
/// A signal rather than the resource itself, so pages rendered ahead of time can be given the
/// settings directly.
#[derive(Clone, Copy)]
pub struct SiteData(pub Signal<Option<Rc<Site>>, LocalStorage>);

impl SiteData {
    /// The site settings once loaded; None while loading or when they could not be read (the
    /// frame then shows less, but the page's own content still renders).
    pub fn get(&self) -> Option<Rc<Site>> {
        self.0.get()
    }
}

pub fn use_site() -> SiteData {
    expect_context::<SiteData>()
}

/// The app, showing the page of `path` (which the browser's navigation keeps current).
#[component]
pub fn App(path: RwSignal<String>) -> impl IntoView {
    let site = RwSignal::new_local(None::<Rc<Site>>);
    // Effects run only in the browser, after mounting: the request never starts while rendering.
    Effect::new(move |_| spawn_local(async move { site.set(api::site().await.ok()) }));
    provide_context(SiteData(site.into()));
    provide_route_focus();
    provide_path(path);
    view! {
        <Frame>
            <CurrentPage />
        </Frame>
    }
}

/// The page of the current route: its content is loaded whenever the route changes, and shown
/// as a skeleton, the page, a not-found page or an error with Retry. The newsletter block stays
/// outside, so it keeps anything typed into it while the reader moves between the pages that
/// show it.
///
/// Plain signals and a task rather than a resource under `<Suspense>`: Leptos's async
/// machinery is generic code that weighed about 13 KB of the brotli wasm here, for one value.
#[component]
fn CurrentPage() -> impl IntoView {
    let route = use_route();
    let content = RwSignal::new_local(None::<Result<PageContent, LoadError>>);
    let latest_request = StoredValue::new(0_u64);
    let load = move |route: Route| {
        let request = latest_request.get_value() + 1;
        latest_request.set_value(request);
        content.set(None);
        spawn_local(async move {
            let result = api::page_content(route).await;
            // A reader who moved on meanwhile wants the newer page, not this one.
            if latest_request.get_value() == request {
                content.set(Some(result));
            }
        });
    };
    Effect::new(move |_| load(route.get()));
    let retry = Callback::new(move |_| load(route.get_untracked()));
    let kind = Memo::new(move |_| route.with(Route::kind));
    let with_newsletter =
        Memo::new(move |_| matches!(kind.get(), PageKind::Home | PageKind::Article));
    let page = move || {
        content.with(|content| match content {
            None => {
                let what = match kind.get_untracked() {
                    PageKind::Article => "article",
                    _ => "articles",
                };
                view! { <LoadingSkeleton what /> }.into_any()
            }
            Some(Ok(PageContent::Article(data))) => {
                view! { <ArticleView data=data.clone() /> }.into_any()
            }
            Some(Ok(PageContent::Listing(page))) => {
                view! { <ListingContent page=page.clone() /> }.into_any()
            }
            Some(Err(LoadError::NotFound)) if kind.get_untracked() == PageKind::Article => {
                view! { <ArticleNotFound /> }.into_any()
            }
            Some(Err(LoadError::NotFound)) => view! { <NotFoundPage /> }.into_any(),
            Some(Err(error)) => view! { <LoadFailure error=error.clone() retry /> }.into_any(),
        })
    };
    view! {
        {page}
        {move || with_newsletter.get().then(|| view! { <NewsletterSignup /> })}
    }
}

/// What every page shares around its content. Prerendered pages use it too, so their markup is
/// the markup the app renders.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    view! {
        <RouteFocus />
        <SkipLink />
        <SiteHeader />
        <main id="main" tabindex="-1">
            {children()}
        </main>
        <SiteFooter />
    }
}
