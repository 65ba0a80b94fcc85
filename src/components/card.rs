use crate::browser::prefetch;
use leptos::prelude::*;
use leptos_router::components::A;
use newsroom_core::date::{display_date, machine_date};
use newsroom_core::excerpt::card_excerpt;
use newsroom_core::model::ArticleSummary;
use newsroom_core::route::article_path;

/// Which heading a card's title is: h2 in listings (under the page's h1), h3 under "Read More".
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum CardHeading {
    H2,
    H3,
}

/// An article card: label, category, title, excerpt and date. Only the title is a link (one tab
/// stop and a short accessible name per card); CSS stretches its click area over the card.
#[component]
pub fn ArticleCard(summary: ArticleSummary, heading: CardHeading) -> impl IntoView {
    let href = article_path(&summary.slug);
    // The data attributes tell the prefetcher what to load before the click.
    let title_link = view! {
        <A
            href=href
            attr:class="card__link"
            attr:data-slug=summary.slug.clone()
            attr:data-category=summary.category.slug.clone()
            on:mouseenter=move |event| prefetch_on_event(&event)
            on:focus=move |event| prefetch_on_event(&event)
        >
            {summary.title}
        </A>
    };
    let title = match heading {
        CardHeading::H2 => view! { <h2 class="card__title">{title_link}</h2> }.into_any(),
        CardHeading::H3 => view! { <h3 class="card__title">{title_link}</h3> }.into_any(),
    };
    view! {
        <article class="card">
            <p class="card__label">{summary.label}</p>
            <p class="card__category">{summary.category.name}</p>
            {title}
            <p class="card__excerpt">{card_excerpt(&summary.lede)}</p>
            <DateLine iso=summary.published />
        </article>
    }
}

/// A content date as readers see it ("Thu Apr 29 2021") in a machine-readable `<time>`.
/// An unreadable date shows nothing rather than a wrong one.
#[component]
pub fn DateLine(iso: String) -> impl IntoView {
    display_date(&iso).map(|shown| {
        view! { <time datetime=machine_date(&iso).unwrap_or_default()>{shown}</time> }
    })
}

fn prefetch_on_event(event: &web_sys::Event) {
    use wasm_bindgen::JsCast;
    if let Some(link) = event
        .current_target()
        .and_then(|target| target.dyn_into().ok())
    {
        prefetch::prefetch_link(&link);
    }
}

/// A grid of cards; each card's article is prefetched once it scrolls into view.
#[component]
pub fn CardList(articles: Vec<ArticleSummary>, heading: CardHeading) -> impl IntoView {
    let list = NodeRef::<leptos::html::Ul>::new();
    // Kept until the list is unmounted; dropping it stops the observer and frees its callback.
    let watch = StoredValue::new_local(None::<prefetch::CardWatch>);
    Effect::new(move |_| {
        if let Some(list) = list.get() {
            watch.set_value(prefetch::observe_cards(&list));
        }
    });
    view! {
        <ul class="card-grid" role="list" node_ref=list>
            {articles
                .into_iter()
                .map(|summary| view! { <li><ArticleCard summary heading /></li> })
                .collect_view()}
        </ul>
    }
}
