use crate::api::ArticlePage as ArticlePageData;
use crate::browser::focus::focus_on_arrival;
use crate::browser::head::use_page_head;
use crate::components::article_body::{ArticleBody, Figure, Loading};
use crate::components::card::{CardHeading, CardList, DateLine};
use crate::components::share::ShareArticle;
use crate::components::status::NotFound;
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::components::A;
use newsroom_core::publish::PageHead;
use newsroom_core::reading_time;
use newsroom_core::route::category_path;

/// An article address whose article does not exist.
#[component]
pub fn ArticleNotFound() -> impl IntoView {
    use_page_head(|| PageHead::not_found("Article"));
    view! { <NotFound /> }
}

#[component]
pub fn ArticleView(data: ArticlePageData) -> impl IntoView {
    let article = data.article;
    let site = use_site();
    {
        let article = article.clone();
        use_page_head(move || {
            let site_name = site.get().map(|s| s.name.clone()).unwrap_or_default();
            PageHead::article(&site_name, &article)
        });
    }
    let minutes = reading_time::minutes(&article);
    let category_href = category_path(&article.category.slug);
    // Link children may move between threads; the article is shared within this one.
    let category_name = article.category.name.clone();
    let hero = article.hero.clone();
    let body_first_image = if hero.is_some() {
        Loading::Lazy
    } else {
        Loading::Eager
    };
    view! {
        <article class="article">
            <header class="article__header">
                <A href=category_href attr:class="tag">{category_name}</A>
                <h1 class="article__title" tabindex="-1" node_ref=focus_on_arrival()>{article.title.clone()}</h1>
                <p class="article__lede">{article.lede.clone()}</p>
                <p class="article__meta">
                    <DateLine iso=article.published.clone() />
                    <span class="article__reading-time">{format!("{minutes} min read")}</span>
                </p>
            </header>
            {hero.map(|image| view! { <Figure image field="hero.src".to_string() loading=Loading::Eager /> })}
            <ArticleBody blocks=article.body.clone() first_image=body_first_image />
            <ShareArticle slug=article.slug.clone() title=article.title.clone() />
        </article>
        <ReadMore related=data.related />
    }
}

#[component]
fn ReadMore(related: Vec<newsroom_core::model::ArticleSummary>) -> impl IntoView {
    (!related.is_empty()).then(|| {
        view! {
            <section class="read-more" aria-labelledby="read-more-heading">
                <h2 id="read-more-heading" class="read-more__heading">"Read More"</h2>
                <CardList articles=related heading=CardHeading::H3 />
            </section>
        }
    })
}
