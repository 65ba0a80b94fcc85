use crate::app::use_site;
use crate::components::card::{CardHeading, CardList};
use crate::focus::focus_on_arrival;
use crate::head::{page_title, use_page_meta};
use leptos::prelude::*;
use newsroom_core::model::ListingPage;
use newsroom_core::route::Route;
use std::rc::Rc;

/// A page of a listing: every article, or one category's, newest first.
#[component]
pub fn ListingContent(page: Rc<ListingPage>) -> impl IntoView {
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
    let page_href = |number: u32| Route::of_listing(&page, number).path();
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
