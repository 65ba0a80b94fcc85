use crate::api::{self, LoadError};
use crate::app::use_site;
use crate::components::card::{CardHeading, CardList};
use crate::components::newsletter::NewsletterSignup;
use crate::components::status::{LoadFailure, LoadingSkeleton, NotFound};
use crate::focus::focus_on_arrival;
use crate::head::{page_title, use_page_meta};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;
use newsroom_core::model::ListingPage;
use std::rc::Rc;

/// `/` and `/page/:page`: every article, newest first.
#[component]
pub fn HomePage() -> impl IntoView {
    let params = use_params_map();
    let page_number = move || parse_page(params.read().get("page"));
    let listing = LocalResource::new(move || {
        let page = page_number();
        async move { api::listing(page?).await }
    });
    view! {
        <ListingView listing base_href="/".to_string() />
        <NewsletterSignup />
    }
}

/// `/category/:slug` and `/category/:slug/page/:page`: one category, newest first.
#[component]
pub fn CategoryPage() -> impl IntoView {
    let params = use_params_map();
    let slug = move || params.read().get("slug").unwrap_or_default();
    let page_number = move || parse_page(params.read().get("page"));
    let listing = LocalResource::new(move || {
        let slug = slug();
        let page = page_number();
        async move { api::category_listing(&slug, page?).await }
    });
    view! { <ListingView listing base_href=format!("/category/{}", slug()) /> }
}

/// No page segment is page 1; anything but a positive number is an address that cannot exist.
fn parse_page(segment: Option<String>) -> Result<u32, LoadError> {
    match segment {
        None => Ok(1),
        Some(text) => text
            .parse()
            .ok()
            .filter(|&page| page >= 1)
            .ok_or(LoadError::NotFound),
    }
}

#[component]
fn ListingView(
    listing: LocalResource<Result<Rc<ListingPage>, LoadError>>,
    base_href: String,
) -> impl IntoView {
    let retry = Callback::new(move |_| listing.refetch());
    view! {
        <Suspense fallback=|| view! { <LoadingSkeleton what="articles" /> }>
            {move || {
                let base_href = base_href.clone();
                Suspend::new(async move {
                    match listing.await {
                        Ok(page) => view! { <ListingContent page base_href /> }.into_any(),
                        Err(LoadError::NotFound) => view! { <NotFound /> }.into_any(),
                        Err(error) => view! { <LoadFailure error retry /> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}

#[component]
pub fn ListingContent(page: Rc<ListingPage>, base_href: String) -> impl IntoView {
    let site = use_site();
    crate::takeover::reveal_when_ready();
    let heading = page
        .category
        .as_ref()
        .map(|category| category.name.clone())
        .unwrap_or_else(|| "Latest news".to_string());
    {
        let heading = heading.clone();
        let category = page.category.clone();
        use_page_meta(
            move || {
                page_title(
                    &heading,
                    &site.get().map(|s| s.name.clone()).unwrap_or_default(),
                )
            },
            move || match &category {
                Some(category) => format!("Articles in {}.", category.name),
                None => site
                    .get()
                    .map(|s| s.description.clone())
                    .unwrap_or_default(),
            },
        );
    }
    let page_href = |number: u32| {
        let base = base_href.trim_end_matches('/');
        match number {
            1 if base.is_empty() => "/".to_string(),
            1 => base.to_string(),
            n => format!("{base}/page/{n}"),
        }
    };
    let newer = (page.page > 1).then(|| page_href(page.page - 1));
    let older = (page.page < page.total_pages).then(|| page_href(page.page + 1));
    view! {
        <section class="listing">
            <h1 class="listing__title" tabindex="-1" node_ref=focus_on_arrival()>{heading}</h1>
            <CardList articles=page.articles.clone() heading=CardHeading::H2 />
            <nav class="pager" aria-label="Pages">
                {newer.map(|href| view! { <a class="pager__link" rel="prev" href=href>"Newer articles"</a> })}
                <span class="pager__position">{format!("Page {} of {}", page.page, page.total_pages)}</span>
                {older.map(|href| view! { <a class="pager__link" rel="next" href=href>"Older articles"</a> })}
            </nav>
        </section>
    }
}
