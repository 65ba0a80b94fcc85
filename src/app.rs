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
    let site: LocalResource<Result<Rc<Site>, LoadError>> = LocalResource::new(api::site);
    provide_context(SiteData(Signal::derive_local(move || {
        site.get().and_then(Result::ok)
    })));
    provide_route_focus();
    provide_path(path);
    view! {
        <Frame>
            <CurrentPage />
        </Frame>
    }
}

/// The page of the current route: one resource follows the route, one loading boundary shows
/// its states. The newsletter block sits outside the boundary, so it stays (with anything typed
/// into it) while the reader moves between the pages that show it.
#[component]
fn CurrentPage() -> impl IntoView {
    let route = use_route();
    let content = LocalResource::new(move || api::page_content(route.get()));
    let retry = Callback::new(move |_| content.refetch());
    let kind = Memo::new(move |_| route.with(Route::kind));
    let loading = move || match kind.get() {
        PageKind::Article => "article",
        _ => "articles",
    };
    let with_newsletter =
        Memo::new(move |_| matches!(kind.get(), PageKind::Home | PageKind::Article));
    view! {
        <Suspense fallback=move || view! { <LoadingSkeleton what=loading() /> }>
            {move || Suspend::new(async move {
                match content.await {
                    Ok(PageContent::Article(data)) => view! { <ArticleView data /> }.into_any(),
                    Ok(PageContent::Listing(page)) => view! { <ListingContent page /> }.into_any(),
                    Err(LoadError::NotFound) if kind.get_untracked() == PageKind::Article => {
                        view! { <ArticleNotFound /> }.into_any()
                    }
                    Err(LoadError::NotFound) => view! { <NotFoundPage /> }.into_any(),
                    Err(error) => view! { <LoadFailure error retry /> }.into_any(),
                }
            })}
        </Suspense>
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
