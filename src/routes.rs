//! The route table: which view each address shows. The browser app and the prerenderer render
//! the same `<Router>` tree (leptos_router reads the address from the browser, or from a
//! `RequestUrl` when rendering ahead of time), and [`content_pages`] beside it lists the pages the
//! content defines, for the prerenderer and the sitemap.

use crate::browser;
use crate::components::newsletter::NewsletterSignup;
use crate::components::status::LoadingSkeleton;
use crate::pages::not_found::NotFoundPage;
use crate::pages::RoutePage;
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::components::{FlatRoutes, Route};
use leptos_router::hooks::{use_location, use_params_map};
use leptos_router::path;
use newsroom_core::model::{Article, ListingPage};
use newsroom_core::route::Route as Page;

#[component]
pub fn AppRoutes() -> impl IntoView {
    provide_context(FirstPath(use_location().pathname.get_untracked()));
    view! {
        <FlatRoutes fallback=ServerPage>
            <Route path=path!("/") view=|| view! { <Listing page=Signal::stored(Page::Home { page: 1 }) /> } />
            <Route path=path!("/page/:page") view=HomePage />
            <Route path=path!("/articles/:slug") view=ArticlePage />
            <Route path=path!("/category/:slug") view=CategoryFirstPage />
            <Route path=path!("/category/:slug/page/:page") view=CategoryPage />
        </FlatRoutes>
    }
}

/// A matched route's parameter, or "" (which names no page).
fn param(name: &'static str) -> impl Fn() -> String + Copy {
    let params = use_params_map();
    move || params.with(|params| params.get(name).unwrap_or_default())
}

#[component]
fn HomePage() -> impl IntoView {
    let page = param("page");
    view! { <Listing page=Signal::derive(move || Page::home_page(&page())) /> }
}

#[component]
fn CategoryFirstPage() -> impl IntoView {
    let slug = param("slug");
    view! { <Listing page=Signal::derive(move || Page::category_page(&slug(), "1")) /> }
}

#[component]
fn CategoryPage() -> impl IntoView {
    let (slug, page) = (param("slug"), param("page"));
    view! { <Listing page=Signal::derive(move || Page::category_page(&slug(), &page())) /> }
}

/// A listing page; the home listing also offers the newsletter.
#[component]
fn Listing(page: Signal<Page>) -> impl IntoView {
    let with_newsletter = matches!(page.get_untracked(), Page::Home { .. });
    view! {
        <RoutePage route=page />
        {with_newsletter.then(|| view! { <NewsletterSignup /> })}
    }
}

/// One route for every article, so moving between articles keeps the page (and what the reader
/// typed into the newsletter block) and only changes what it shows.
#[component]
fn ArticlePage() -> impl IntoView {
    let slug = param("slug");
    view! {
        <RoutePage route=Signal::derive(move || Page::article(&slug())) />
        <NewsletterSignup />
    }
}

/// The address of the page where this visit began.
#[derive(Clone)]
struct FirstPath(String);

/// An address none of the routes own is a page of the server's: the organisation's other pages,
/// the feed, the sitemap, whatever an editor links to. Reached by a link inside the app, it is
/// loaded from the server like any link, with a loading placeholder meanwhile; a visit that
/// began here (the server's own 404 page, or a development server answering every address with
/// the app) gets the app's "Page not found". Handing every such address over here, rather than
/// marking links, keeps this table the only list of the app's addresses.
#[component]
fn ServerPage() -> impl IntoView {
    let first_path = expect_context::<FirstPath>().0;
    if use_location().pathname.get_untracked() == first_path {
        let site = use_site();
        Effect::new(move |_| {
            if site.get().is_some() {
                browser::takeover::reveal_loaded_page();
            }
        });
        return view! { <NotFoundPage /> }.into_any();
    }
    Effect::new(move |_| browser::load_from_server());
    // On a slow network the server's answer takes a while: say so rather than show nothing.
    view! { <LoadingSkeleton what="the page" /> }.into_any()
}

/// Every page the content defines: each article, and each page of every listing.
pub fn content_pages<'a>(
    articles: &[Article],
    listings: impl IntoIterator<Item = &'a ListingPage>,
) -> Vec<Page> {
    let articles = articles.iter().map(|article| Page::article(&article.slug));
    let listings = listings
        .into_iter()
        .map(|listing| Page::of_listing(listing, listing.page));
    articles.chain(listings).collect()
}
