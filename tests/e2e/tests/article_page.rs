//! The seed article page, routing between pages, and the not-found states.

use newsroom_e2e::seed::{missing_seed_lines, SEED_SLUG, SEED_TITLE};
use newsroom_e2e::*;

#[tokio::test]
async fn the_seed_article_shows_every_text_of_the_seed_page() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    wait_for_text(&browser.client, "Read More").await;
    wait_for_text(&browser.client, "International Justice Mission").await;
    let missing = missing_seed_lines(&body_text(&browser.client).await);
    assert!(missing.is_empty(), "missing from the page: {missing:#?}");

    assert_eq!(text_of(&browser.client, "h1").await, SEED_TITLE);
    let time = find(&browser.client, ".article__meta time").await;
    assert_eq!(
        time.attr("datetime").await.unwrap().as_deref(),
        Some("2021-04-29")
    );
    let cards = find_all(&browser.client, ".read-more .card").await;
    assert_eq!(cards.len(), 9, "nine Read More cards");
    let image = find(&browser.client, ".article-body figure img").await;
    for attribute in ["alt", "width", "height"] {
        let value = image.attr(attribute).await.unwrap().unwrap_or_default();
        assert!(!value.is_empty(), "the image has {attribute}");
    }
    let title = script(&browser.client, "return document.title").await;
    assert_eq!(
        title.as_str(),
        Some(format!("{SEED_TITLE} | International Justice Mission").as_str())
    );
    browser.close().await;
}

#[tokio::test]
async fn a_card_click_navigates_without_a_page_load_and_back_returns() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    find(&browser.client, ".read-more .card__link").await;
    // A full page load would wipe this marker; client-side navigation keeps it.
    script(&browser.client, "window.__sameDocument = true; return null").await;
    let first_card = find(&browser.client, ".read-more .card__link").await;
    let card_title = first_card.text().await.unwrap();
    first_card.click().await.expect("click the card");
    wait_for_heading(&browser.client, &card_title).await;
    assert!(current_path(&browser.client)
        .await
        .starts_with("/articles/"));
    let same_document = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(
        same_document,
        serde_json::Value::Bool(true),
        "no full page load"
    );

    browser.client.back().await.expect("back");
    wait_for_heading(&browser.client, SEED_TITLE).await;
    browser.client.forward().await.expect("forward");
    wait_for_heading(&browser.client, &card_title).await;
    let same_document = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(same_document, serde_json::Value::Bool(true));
    browser.close().await;
}

#[tokio::test]
async fn an_address_with_a_trailing_slash_or_a_query_shows_its_page() {
    let browser = Browser::start(1280, 900).await;
    browser
        .open(&format!("/articles/{SEED_SLUG}/?utm_source=feed"))
        .await;
    // The app, not only the prerendered page, shows it: it has taken over.
    wait_for_takeover(&browser.client, PATIENCE).await;
    assert_eq!(text_of(&browser.client, "h1").await, SEED_TITLE);
    find(&browser.client, ".read-more .card__link").await;
    browser.close().await;
}

#[tokio::test]
async fn a_typed_email_stays_while_the_reader_moves_between_articles() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    let field = find(&browser.client, "#newsletter-email").await;
    field.send_keys("reader@example.org").await.unwrap();
    let card = find(&browser.client, ".read-more .card__link").await;
    let card_title = card.text().await.unwrap();
    card.click().await.expect("click the card");
    wait_for_heading(&browser.client, &card_title).await;
    let value = script(
        &browser.client,
        "return document.getElementById('newsletter-email').value",
    )
    .await;
    assert_eq!(value, serde_json::Value::from("reader@example.org"));
    browser.close().await;
}

#[tokio::test]
async fn an_unknown_slug_shows_the_not_found_state() {
    let browser = Browser::start(1280, 900).await;
    browser.open("/articles/no-such-article").await;
    wait_for_text(&browser.client, "Page not found").await;
    let link = find(&browser.client, ".not-found a[href='/']").await;
    assert!(link.text().await.unwrap().contains("home page"));
    browser.close().await;
}

#[tokio::test]
async fn an_unknown_address_shows_the_not_found_page_and_links_home() {
    let browser = Browser::start(1280, 900).await;
    browser.open("/no-such-page").await;
    wait_for_text(&browser.client, "Page not found").await;
    find(&browser.client, ".not-found a[href='/']")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&browser.client, "Latest news").await;
    assert_eq!(current_path(&browser.client).await, "/");
    browser.close().await;
}

#[tokio::test]
async fn the_category_tag_lists_that_category() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    find(&browser.client, ".article .tag")
        .await
        .click()
        .await
        .unwrap();
    wait_for_heading(&browser.client, "Scaling Through Partnerships").await;
    assert_eq!(
        current_path(&browser.client).await,
        "/category/scaling-through-partnerships"
    );
    let text = body_text(&browser.client).await;
    assert!(text.contains("Freedom: The Manila Prayer Gathering 2025"));
    assert!(text.contains(
        "Tech giants PLDT and Smart remain staunch leaders against OSAEC in the Philippines"
    ));
    assert!(
        !text.contains("Survivor Leader Invited to Testify at Senate Hearing"),
        "other categories are not listed"
    );
    browser.close().await;
}

#[tokio::test]
async fn the_home_page_lists_every_article_newest_first() {
    let browser = Browser::start(1280, 900).await;
    browser.open("/").await;
    find(&browser.client, ".listing .card").await;
    let dates = script(
        &browser.client,
        "return [...document.querySelectorAll('.listing .card time')].map(t => t.getAttribute('datetime'))",
    )
    .await;
    let dates: Vec<String> = serde_json::from_value(dates).unwrap();
    assert_eq!(dates.len(), 10);
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted, "newest first");
    browser.close().await;
}
