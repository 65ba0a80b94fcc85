use leptos::prelude::*;
use newsroom_core::date::{display_date, machine_date};
use newsroom_core::excerpt::card_excerpt;
use newsroom_core::model::ArticleSummary;

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
    let href = format!("/articles/{}", summary.slug);
    let title_link = view! { <a class="card__link" href=href>{summary.title}</a> };
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

/// A grid of cards.
#[component]
pub fn CardList(articles: Vec<ArticleSummary>, heading: CardHeading) -> impl IntoView {
    view! {
        <ul class="card-grid" role="list">
            {articles
                .into_iter()
                .map(|summary| view! { <li><ArticleCard summary heading /></li> })
                .collect_view()}
        </ul>
    }
}
