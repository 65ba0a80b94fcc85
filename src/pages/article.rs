use crate::api::ArticlePage as ArticlePageData;
use crate::app::use_site;
use crate::components::article_body::{ArticleBody, Figure, Loading};
use crate::components::card::{CardHeading, CardList, DateLine};
use crate::components::share::ShareArticle;
use crate::components::status::NotFound;
use crate::focus::focus_on_arrival;
use crate::head::{page_title, use_page_meta};
use leptos::prelude::*;
use newsroom_core::reading_time;
use newsroom_core::route::category_path;

/// An article address whose article does not exist.
#[component]
pub fn ArticleNotFound() -> impl IntoView {
    use_page_meta(
        || "Article not found".to_string(),
        || "The article you were looking for could not be found.".to_string(),
    );
    view! { <NotFound /> }
}

#[component]
pub fn ArticleView(data: ArticlePageData) -> impl IntoView {
    let article = data.article;
    let site = use_site();
    crate::takeover::reveal_when_ready();
    {
        let title = article.title.clone();
        let lede = article.lede.clone();
        use_page_meta(
            move || {
                page_title(
                    &title,
                    &site.get().map(|s| s.name.clone()).unwrap_or_default(),
                )
            },
            move || lede.clone(),
        );
    }
    let minutes = reading_time::minutes(&article);
    let category_href = category_path(&article.category.slug);
    let hero = article.hero.clone();
    let body_first_image = if hero.is_some() {
        Loading::Lazy
    } else {
        Loading::Eager
    };
    view! {
        <article class="article">
            <header class="article__header">
                <a class="tag" href=category_href>{article.category.name.clone()}</a>
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
