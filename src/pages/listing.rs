use crate::browser::focus::focus_on_arrival;
use crate::browser::head::use_page_head;
use crate::components::card::{CardHeading, CardList};
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::components::A;
use newsroom_core::model::ListingPage;
use newsroom_core::publish::{PageHead, LATEST_NEWS};
use newsroom_core::route::{pager_numbers, Route};
use std::rc::Rc;

/// A page of a listing: every article, or one category's, newest first.
#[component]
pub fn ListingContent(page: Rc<ListingPage>) -> impl IntoView {
    let site = use_site();
    {
        let page = page.clone();
        use_page_head(move || {
            let site = site.get();
            let (name, description) = site
                .as_ref()
                .map(|site| (site.name.as_str(), site.description.as_str()))
                .unwrap_or_default();
            PageHead::listing(name, description, &page)
        });
    }
    let heading = page
        .category
        .as_ref()
        .map(|category| category.name.clone())
        .unwrap_or_else(|| LATEST_NEWS.to_string());
    view! {
        <section class="listing">
            <h1 class="listing__title" tabindex="-1" node_ref=focus_on_arrival()>{heading}</h1>
            <CardList articles=page.articles.clone() heading=CardHeading::H2 />
            <Pager page />
        </section>
    }
}

/// Newer and older, and every page by number; the router marks the current one with
/// `aria-current="page"`.
#[component]
fn Pager(page: Rc<ListingPage>) -> impl IntoView {
    let href = |number: u32| Route::of_listing(&page, number).path();
    let newer = (page.page > 1).then(|| href(page.page - 1));
    let older = (page.page < page.total_pages).then(|| href(page.page + 1));
    let numbers = (page.total_pages > 1).then(|| {
        let links = pager_numbers(page.page, page.total_pages)
            .into_iter()
            .map(|number| match number {
                Some(number) => view! {
                    <li>
                        <A href=href(number) exact=true attr:class="pager__number" attr:aria-label=format!("Page {number}")>
                            {number}
                        </A>
                    </li>
                }
                .into_any(),
                None => view! { <li class="pager__gap" aria-hidden="true">"…"</li> }.into_any(),
            })
            .collect_view();
        view! { <ol class="pager__numbers" role="list">{links}</ol> }
    });
    view! {
        <nav class="pager" aria-label="Pages">
            {newer.map(|href| view! { <A href=href attr:class="pager__link" attr:rel="prev">"Newer articles"</A> })}
            <span class="pager__position">{format!("Page {} of {}", page.page, page.total_pages)}</span>
            {numbers}
            {older.map(|href| view! { <A href=href attr:class="pager__link" attr:rel="next">"Older articles"</A> })}
        </nav>
    }
}
