//! The routes, in one place, and the frame every page shares.

use crate::api::{self, LoadError};
use crate::components::footer::SiteFooter;
use crate::components::header::SiteHeader;
use crate::focus::{provide_route_focus, RouteFocus, SkipLink};
use crate::pages::article::ArticlePage;
use crate::pages::listing::{CategoryPage, HomePage};
use crate::pages::not_found::NotFoundPage;
use leptos::prelude::*;
use crate::router::{provide_path, use_route};
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

/// The page of the current route. Only a change of kind replaces the page: between two articles
/// the article page stays and loads the other one.
#[component]
fn CurrentPage() -> impl IntoView {
    let route = use_route();
    let kind = Memo::new(move |_| route.with(Route::kind));
    move || match kind.get() {
        PageKind::Home => view! { <HomePage /> }.into_any(),
        PageKind::Article => view! { <ArticlePage /> }.into_any(),
        PageKind::Category => view! { <CategoryPage /> }.into_any(),
        PageKind::NotFound => view! { <NotFoundPage /> }.into_any(),
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
