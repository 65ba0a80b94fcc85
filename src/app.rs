//! The routes, in one place, and the frame every page shares.

use crate::api::{self, LoadError};
use crate::components::footer::SiteFooter;
use crate::components::header::SiteHeader;
use crate::focus::{provide_route_focus, RouteFocus, SkipLink};
use crate::pages::article::ArticlePage;
use crate::pages::listing::{CategoryPage, HomePage};
use crate::pages::not_found::NotFoundPage;
use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;
use newsroom_core::model::Site;
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

#[component]
pub fn App() -> impl IntoView {
    let site: LocalResource<Result<Rc<Site>, LoadError>> = LocalResource::new(api::site);
    provide_context(SiteData(Signal::derive_local(move || {
        site.get().and_then(Result::ok)
    })));
    provide_route_focus();
    view! {
        <Router>
            <Frame>
                <Routes fallback=NotFoundPage>
                    <Route path=path!("/") view=HomePage />
                    <Route path=path!("/page/:page") view=HomePage />
                    <Route path=path!("/articles/:slug") view=ArticlePage />
                    <Route path=path!("/category/:slug") view=CategoryPage />
                    <Route path=path!("/category/:slug/page/:page") view=CategoryPage />
                </Routes>
            </Frame>
        </Router>
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
