//! The article page when fetching its content fails at the network level: each fault must end
//! in the right state within the app's 10 s time-out, and once the network is healthy again,
//! Retry must bring the article without reloading the page.
//!
//! Each test opens its article for the first time in a fresh session: content that loaded once
//! is served from memory for the rest of a visit, so a fault would not be seen.

use newsroom_e2e::fixtures::{valid_article, ContentDir};
use newsroom_e2e::*;
use serde_json::{json, Value};
use std::time::{Duration, Instant};

const SEED_SLUG: &str = "us-and-philippines-conclude-child-protection-compact-partnership";
const SEED_TITLE: &str = "U.S. and Philippines conclude Child Protection Compact Partnership";
const SMALL_SLUG: &str = "building-safer-technologies-for-children-safety-by-design-for-all";
const SMALL_TITLE: &str = "Building Safer Technologies for Children: Safety By Design For All";
/// The app's own time-out plus room for a slow, busy machine.
const FAULT_PATIENCE: Duration = Duration::from_secs(25);

fn set_content_fault(browser: &Browser, fault: &str) {
    let (status, body) = browser.server.request("POST", "/api/faults/content", fault);
    assert_eq!(status, 204, "setting the content fault {fault}: {body}");
}

/// Loads a page healthy (the site settings are then in memory), marks the document, switches
/// `fault` on and follows a link to the article, like a reader would. The page is one without
/// cards: cards prefetch their articles, which would then never meet the fault.
async fn open_article_under(browser: &Browser, fault: &str, slug: &str) -> Instant {
    browser.open("/no-such-page").await;
    find(&browser.client, ".not-found").await;
    wait_for_text(&browser.client, "International Justice Mission").await;
    script(&browser.client, "window.__sameDocument = true; return null").await;
    set_content_fault(browser, fault);
    let follow = format!(
        "const a = document.createElement('a'); a.href = '/articles/{slug}';
         document.body.append(a); a.click(); a.remove(); return null"
    );
    let started = Instant::now();
    script(&browser.client, &follow).await;
    started
}

async fn wait_for_failure(browser: &Browser) -> Duration {
    let started = Instant::now();
    find_within(browser, ".load-failure[role='alert']", FAULT_PATIENCE).await;
    assert_eq!(
        text_of(&browser.client, ".load-failure button").await,
        "Retry"
    );
    started.elapsed()
}

async fn find_within(browser: &Browser, css: &str, patience: Duration) {
    eventually(css, patience, || async {
        browser
            .client
            .find(fantoccini::Locator::Css(css))
            .await
            .ok()
            .map(|_| ())
    })
    .await;
}

/// Clears the fault, presses Retry and expects the article in the same document.
async fn retry_recovers(browser: &Browser, title: &str) {
    set_content_fault(browser, "none");
    find(&browser.client, ".load-failure button")
        .await
        .click()
        .await
        .expect("press Retry");
    assert_renders(browser, title, PATIENCE).await;
}

async fn assert_renders(browser: &Browser, title: &str, patience: Duration) {
    eventually(&format!("the article {title:?}"), patience, || async {
        (text_of(&browser.client, ".article__title").await == title).then_some(())
    })
    .await;
    let same = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(same, Value::Bool(true), "recovered without a page load");
    let failures = find_all(&browser.client, ".load-failure").await;
    assert!(failures.is_empty(), "the error state is gone");
}

#[tokio::test]
async fn a_404_shows_not_found_and_the_article_opens_once_it_exists() {
    let browser = Browser::start(1280, 900).await;
    open_article_under(&browser, "404", SEED_SLUG).await;
    find(&browser.client, ".not-found").await;
    assert!(find_all(&browser.client, ".load-failure").await.is_empty());
    set_content_fault(&browser, "none");
    // Not found has no Retry: the reader goes home and follows the link again.
    find(&browser.client, ".not-found a[href='/']")
        .await
        .click()
        .await
        .unwrap();
    find(&browser.client, ".listing .card").await;
    find(
        &browser.client,
        &format!(".listing a[href='/articles/{SEED_SLUG}']"),
    )
    .await
    .click()
    .await
    .unwrap();
    assert_renders(&browser, SEED_TITLE, PATIENCE).await;
    browser.close().await;
}

#[tokio::test]
async fn a_500_shows_the_error_and_retry_recovers() {
    let browser = Browser::start(1280, 900).await;
    open_article_under(&browser, "500", SEED_SLUG).await;
    wait_for_failure(&browser).await;
    let message = text_of(&browser.client, ".load-failure").await;
    assert!(message.contains("server had a problem"), "{message}");
    retry_recovers(&browser, SEED_TITLE).await;
    browser.close().await;
}

#[tokio::test]
async fn a_hung_request_times_out_to_the_error_and_retry_recovers() {
    let browser = Browser::start(1280, 900).await;
    let started = open_article_under(&browser, "hang", SEED_SLUG).await;
    wait_for_failure(&browser).await;
    let waited = started.elapsed();
    assert!(
        waited >= Duration::from_secs(9),
        "gave up after {waited:?}, before the 10 s time-out"
    );
    let message = text_of(&browser.client, ".load-failure").await;
    assert!(message.contains("could not reach the server"), "{message}");
    retry_recovers(&browser, SEED_TITLE).await;
    browser.close().await;
}

#[tokio::test]
async fn a_reset_connection_shows_the_error_and_retry_recovers() {
    let browser = Browser::start(1280, 900).await;
    open_article_under(&browser, "reset", SEED_SLUG).await;
    let waited = wait_for_failure(&browser).await;
    assert!(waited < Duration::from_secs(9), "a reset fails fast");
    retry_recovers(&browser, SEED_TITLE).await;
    browser.close().await;
}

/// The server trickles 16 bytes every 100 ms (160 B/s): a 4 KB article needs about 25 s, so
/// the 10 s time-out must cut it off even though the response started at once.
#[tokio::test]
async fn a_trickling_large_article_times_out_and_retry_recovers() {
    let content = ContentDir::new();
    let mut article = valid_article("a-long-read", "A long read");
    article["body"] = json!((0..40)
        .map(|n| json!({ "type": "paragraph", "text": format!("Paragraph {n} of a long read, long enough to take a while to trickle.") }))
        .collect::<Vec<_>>());
    content.write_json("articles/a-long-read.json", &article);
    let size = std::fs::metadata(content.path().join("articles/a-long-read.json"))
        .unwrap()
        .len();
    assert!(size > 3_200, "{size} bytes would arrive within 20 s");
    let browser = Browser::start_with_content(&content).await;
    let started = open_article_under(&browser, "trickle", "a-long-read").await;
    wait_for_failure(&browser).await;
    assert!(started.elapsed() >= Duration::from_secs(9));
    retry_recovers(&browser, "A long read").await;
    browser.close().await;
}

/// This sample article is about 600 bytes: trickled, it arrives in about 4 s, within the 10 s
/// time-out, so it renders, late (a larger listing for its Read More cards may time out; that
/// costs cards, not the article).
#[tokio::test]
async fn a_trickling_small_article_still_renders() {
    let size = std::fs::metadata(format!(
        "{}/../../public/content/articles/{SMALL_SLUG}.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .map(|meta| meta.len())
    .unwrap_or(0);
    assert!(
        size < 1_200,
        "{size} bytes would not arrive within the time-out"
    );
    let browser = Browser::start(1280, 900).await;
    open_article_under(&browser, "trickle", SMALL_SLUG).await;
    assert_renders(&browser, SMALL_TITLE, FAULT_PATIENCE).await;
    set_content_fault(&browser, "none");
    browser.close().await;
}
