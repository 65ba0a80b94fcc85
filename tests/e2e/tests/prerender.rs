//! Prerendered pages: complete without JavaScript, taken over by the app without a visible
//! change, and described to crawlers by a feed and a sitemap.

use newsroom_e2e::seed::{missing_seed_lines, SEED_SLUG, SEED_TITLE};
use newsroom_e2e::*;
use std::collections::BTreeSet;

fn seed_path() -> String {
    format!("/articles/{SEED_SLUG}")
}

/// Slugs of the sample articles, read from the content folder.
fn sample_slugs() -> BTreeSet<String> {
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content/articles");
    std::fs::read_dir(folder)
        .expect("the sample articles")
        .filter_map(|entry| {
            let name = entry.ok()?.file_name().into_string().ok()?;
            name.strip_suffix(".json").map(str::to_string)
        })
        .collect()
}

#[tokio::test]
async fn without_javascript_the_seed_article_reads_completely_and_its_links_work() {
    let browser = Browser::start_without_javascript(1280, 900).await;
    open_without_app(&browser, &seed_path()).await;
    let text = body_text(&browser.client).await;
    let missing = missing_seed_lines(&text);
    assert!(
        missing.is_empty(),
        "missing without JavaScript: {missing:#?}"
    );
    let title = script_free_title(&browser).await;
    assert_eq!(
        title,
        format!("{SEED_TITLE} | International Justice Mission")
    );

    // Every link to a page of the site leads to a prerendered page.
    let links = find_all(&browser.client, "#prerendered a[href^='/']").await;
    let mut checked = 0;
    for link in links {
        let href = link.attr("href").await.unwrap().unwrap_or_default();
        if !(href == "/" || href.starts_with("/articles/") || href.starts_with("/category/")) {
            continue;
        }
        let (status, body) = browser.server.request("GET", &href, "");
        assert_eq!(status, 200, "{href}");
        assert!(body.contains("id=\"prerendered\""), "{href} is prerendered");
        checked += 1;
    }
    assert!(
        checked >= 11,
        "the category tag and nine cards at least: {checked}"
    );

    // A card followed as a plain link opens its page, complete.
    find(&browser.client, ".read-more .card__link")
        .await
        .click()
        .await
        .unwrap();
    eventually("the card's page", PATIENCE, || async {
        current_path(&browser.client)
            .await
            .starts_with("/articles/")
            .then_some(())
    })
    .await;
    assert_ne!(current_path(&browser.client).await, seed_path());
    assert!(!text_of(&browser.client, "h1").await.is_empty());
    browser.close().await;
}

/// The document title, read without running page scripts (WebDriver's title command).
async fn script_free_title(browser: &Browser) -> String {
    browser.client.title().await.unwrap_or_default()
}

/// Loads a page in a browser without JavaScript: there is no app to wait for.
async fn open_without_app(browser: &Browser, path: &str) {
    browser
        .client
        .goto(&browser.server.url(path))
        .await
        .unwrap();
}

#[tokio::test]
async fn the_app_takes_over_without_a_layout_shift_or_a_change_of_text() {
    let static_text = {
        let browser = Browser::start_without_javascript(1280, 900).await;
        open_without_app(&browser, &seed_path()).await;
        let text = body_text(&browser.client).await;
        browser.close().await;
        text
    };

    let browser = Browser::start(1280, 900).await;
    browser.open(&seed_path()).await;
    wait_for_takeover(&browser.client, PATIENCE).await;
    // Controls that need script (the theme toggle, Copy link) show only with it: hide them
    // again as without script, so every other text must match.
    script(
        &browser.client,
        "document.documentElement.classList.remove('js'); return null",
    )
    .await;
    let live_text = body_text(&browser.client).await;
    script(
        &browser.client,
        "document.documentElement.classList.add('js'); return null",
    )
    .await;
    assert_eq!(
        live_text, static_text,
        "the same text before and after the takeover"
    );
    let shift = script(
        &browser.client,
        "return performance.getEntriesByType('layout-shift')
            .filter(entry => !entry.hadRecentInput)
            .reduce((sum, entry) => sum + entry.value, 0)",
    )
    .await;
    assert_eq!(shift.as_f64(), Some(0.0), "cumulative layout shift");
    browser.close().await;
}

#[tokio::test]
async fn after_the_takeover_cards_back_and_the_newsletter_work() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&seed_path()).await;
    wait_for_takeover(&browser.client, PATIENCE).await;
    script(&browser.client, "window.__sameDocument = true; return null").await;
    let card = find(&browser.client, ".read-more .card__link").await;
    let card_title = card.text().await.unwrap();
    card.click().await.unwrap();
    wait_for_heading(&browser.client, &card_title).await;
    browser.client.back().await.unwrap();
    wait_for_heading(&browser.client, SEED_TITLE).await;
    let same = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(
        same,
        serde_json::Value::Bool(true),
        "navigation stayed client-side"
    );

    let field = find(&browser.client, "#newsletter-email").await;
    field.send_keys("after-takeover@example.org").await.unwrap();
    find(&browser.client, ".newsletter__button")
        .await
        .click()
        .await
        .unwrap();
    eventually("the sign-up", PATIENCE, || async {
        text_of(&browser.client, ".newsletter__status")
            .await
            .contains("Check your inbox")
            .then_some(())
    })
    .await;
    assert_eq!(browser.server.stored_subscribers().len(), 1);
    browser.close().await;
}

#[tokio::test]
async fn the_feed_and_the_sitemap_are_well_formed_and_list_every_article() {
    let server = Server::start();
    let slugs = sample_slugs();
    assert_eq!(slugs.len(), 10);

    let (status, feed) = server.request("GET", "/feed.xml", "");
    assert_eq!(status, 200);
    let feed = roxmltree::Document::parse(&feed).expect("feed.xml is well-formed XML");
    let rss = feed.root_element();
    assert_eq!(rss.tag_name().name(), "rss");
    assert_eq!(rss.attribute("version"), Some("2.0"));
    let linked: BTreeSet<String> = rss
        .descendants()
        .filter(|node| node.has_tag_name("item"))
        .filter_map(|item| {
            item.children()
                .find(|child| child.has_tag_name("link"))?
                .text()
                .map(str::to_string)
        })
        .filter_map(|link| {
            link.rsplit_once("/articles/")
                .map(|(_, slug)| slug.to_string())
        })
        .collect();
    assert_eq!(linked, slugs, "the feed lists every article");

    let (status, sitemap) = server.request("GET", "/sitemap.xml", "");
    assert_eq!(status, 200);
    let sitemap = roxmltree::Document::parse(&sitemap).expect("sitemap.xml is well-formed XML");
    let locations: Vec<String> = sitemap
        .descendants()
        .filter(|node| node.has_tag_name("loc"))
        .filter_map(|node| node.text().map(str::to_string))
        .collect();
    for slug in &slugs {
        assert!(
            locations
                .iter()
                .any(|loc| loc.ends_with(&format!("/articles/{slug}"))),
            "the sitemap lists {slug}"
        );
    }
    assert!(locations
        .iter()
        .any(|loc| loc.ends_with("/category/justice-system")));
}

#[tokio::test]
async fn what_a_reader_typed_before_the_takeover_is_kept_with_the_focus() {
    // Pages that carry no content (as if rendered from other content) make the app fetch it,
    // and the content trickles in, so the prerendered page stays up long enough to type into.
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content");
    let browser = Browser::start_on(Server::start_with_content(&sample), 1280, 900).await;
    let (status, _) = browser
        .server
        .request("POST", "/api/faults/content", "trickle");
    assert_eq!(status, 204);
    open_without_app(
        &browser,
        "/articles/freedom-the-manila-prayer-gathering-2025",
    )
    .await;
    let field = find(&browser.client, "#prerendered #newsletter-email").await;
    field.click().await.unwrap();
    field.send_keys("early@example.org").await.unwrap();
    let still_prerendered = script(
        &browser.client,
        "return document.getElementById('prerendered') !== null",
    )
    .await;
    assert_eq!(
        still_prerendered,
        serde_json::Value::Bool(true),
        "typed before the takeover"
    );

    wait_for_takeover(&browser.client, std::time::Duration::from_secs(40)).await;
    let field = find(&browser.client, "#newsletter-email").await;
    assert_eq!(
        field.prop("value").await.unwrap().as_deref(),
        Some("early@example.org")
    );
    let focused = script(&browser.client, "return document.activeElement.id").await;
    assert_eq!(
        focused.as_str(),
        Some("newsletter-email"),
        "focus stays in the field"
    );
    browser.close().await;
}
