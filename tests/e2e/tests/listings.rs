//! Home and category listings are paged: newer and older links walk a catalog larger than a page.

use newsroom_e2e::fixtures::{valid_article, ContentDir};
use newsroom_e2e::*;

const ARTICLES: usize = 25;

/// A catalog of 25 articles in one category, with its listing pages built by the project's own
/// index builder.
fn large_catalog() -> ContentDir {
    let content = ContentDir::new();
    for n in 0..ARTICLES {
        let slug = format!("field-note-{n:02}");
        let mut article = valid_article(&slug, &format!("Field note number {n:02}"));
        article["category"] = serde_json::json!({ "slug": "field-notes", "name": "Field notes" });
        article["published"] = serde_json::json!(format!("2024-01-{:02}", n + 1));
        content.write_json(&format!("articles/{slug}.json"), &article);
    }
    newsroom_core::catalog::write_listings(content.path()).expect("listing pages");
    content
}

async fn cards(browser: &Browser) -> usize {
    find_all(&browser.client, ".listing .card").await.len()
}

/// Follows the pager's `next` or `prev` link.
async fn follow_pager(browser: &Browser, rel: &str) {
    find(&browser.client, &format!(".pager a[rel='{rel}']"))
        .await
        .click()
        .await
        .expect("the pager link");
}

async fn wait_for_page(browser: &Browser, position: &str) {
    eventually(position, PATIENCE, || async {
        text_of(&browser.client, ".pager__position")
            .await
            .contains(position)
            .then_some(())
    })
    .await;
}

#[tokio::test]
async fn newer_and_older_links_walk_the_home_listing() {
    let content = large_catalog();
    let browser = Browser::start_with_content(&content).await;
    browser.open("/").await;
    wait_for_page(&browser, "Page 1 of 3").await;
    assert_eq!(cards(&browser).await, 12);
    assert_eq!(
        text_of(&browser.client, ".listing .card__title").await,
        "Field note number 24",
        "newest first"
    );
    assert!(find_all(&browser.client, ".pager a[rel='prev']")
        .await
        .is_empty());

    follow_pager(&browser, "next").await;
    wait_for_page(&browser, "Page 2 of 3").await;
    assert_eq!(current_path(&browser.client).await, "/page/2");
    assert_eq!(cards(&browser).await, 12);

    follow_pager(&browser, "next").await;
    wait_for_page(&browser, "Page 3 of 3").await;
    assert_eq!(cards(&browser).await, 1);
    assert!(
        find_all(&browser.client, ".pager a[rel='next']")
            .await
            .is_empty(),
        "no page after the last"
    );
    assert_eq!(
        text_of(&browser.client, ".listing .card__title").await,
        "Field note number 00"
    );

    follow_pager(&browser, "prev").await;
    wait_for_page(&browser, "Page 2 of 3").await;
    assert_eq!(current_path(&browser.client).await, "/page/2");
    browser.close().await;
}

#[tokio::test]
async fn a_category_listing_is_paged_and_a_page_past_the_end_is_not_found() {
    let content = large_catalog();
    let browser = Browser::start_with_content(&content).await;
    browser.open("/category/field-notes").await;
    wait_for_page(&browser, "Page 1 of 3").await;
    assert_eq!(text_of(&browser.client, "h1").await, "Field notes");
    follow_pager(&browser, "next").await;
    wait_for_page(&browser, "Page 2 of 3").await;
    assert_eq!(
        current_path(&browser.client).await,
        "/category/field-notes/page/2"
    );

    browser.open("/category/field-notes/page/9").await;
    wait_for_text(&browser.client, "Page not found").await;
    browser.open("/page/0").await;
    wait_for_text(&browser.client, "Page not found").await;
    browser.close().await;
}
