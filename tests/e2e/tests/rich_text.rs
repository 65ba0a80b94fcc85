//! Rich text in real pages: the seed article's links and emphasis with and without
//! JavaScript and unchanged by the takeover, an article imported from WordPress, and links
//! that behave as a reader expects.

use fantoccini::Client;
use newsroom_e2e::fixtures::ContentDir;
use newsroom_e2e::seed::SEED_SLUG;
use newsroom_e2e::*;
use std::path::Path;

const SAME_SITE_LINK: &str =
    "/articles/trafficker-sentenced-to-life-imprisonment-for-online-sexual-exploitation-of-children";
const OTHER_SITE_LINK: &str = "https://www.ijm.org/";

/// Every styled run and link in the article body, as (element, text, href), in page order,
/// read through WebDriver so it works without JavaScript too.
async fn runs(client: &Client, root: &str) -> Vec<(String, String, String)> {
    let mut found = Vec::new();
    let css = format!("{root} .article-body :is(a, em, strong, sup, sub, code, br)");
    for element in find_all(client, &css).await {
        let tag = element.tag_name().await.unwrap_or_default().to_lowercase();
        let text = element.text().await.unwrap_or_default();
        let href = element
            .attr("href")
            .await
            .ok()
            .flatten()
            .unwrap_or_default();
        found.push((tag, text, href));
    }
    found
}

fn expected_seed_runs() -> Vec<(String, String, String)> {
    [
        (
            "a",
            "prosecute and convict child traffickers",
            SAME_SITE_LINK,
        ),
        ("strong", "Php237 million", ""),
        ("a", "International Justice Mission", OTHER_SITE_LINK),
        ("em", "International Justice Mission", ""),
    ]
    .into_iter()
    .map(|(tag, text, href)| (tag.to_string(), text.to_string(), href.to_string()))
    .collect()
}

#[tokio::test]
async fn the_seed_article_shows_its_links_and_emphasis_with_and_without_javascript() {
    let path = format!("/articles/{SEED_SLUG}");
    let without = Browser::start_without_javascript(1280, 900).await;
    without
        .client
        .goto(&without.server.url(&path))
        .await
        .unwrap();
    find(&without.client, "#prerendered .article-body").await;
    let static_runs = runs(&without.client, "#prerendered").await;
    assert_eq!(static_runs, expected_seed_runs(), "without JavaScript");
    let static_text = body_text(&without.client).await;
    without.close().await;

    let browser = Browser::start(1280, 900).await;
    browser.open(&path).await;
    wait_for_takeover(&browser.client, PATIENCE).await;
    assert_eq!(
        runs(&browser.client, "#app").await,
        static_runs,
        "after the takeover"
    );
    // Controls that need script (the theme toggle, Copy link) show only with it: hidden again
    // as without script, every other text must match.
    script(
        &browser.client,
        "document.documentElement.classList.remove('js'); return null",
    )
    .await;
    assert_eq!(body_text(&browser.client).await, static_text);
    script(
        &browser.client,
        "document.documentElement.classList.add('js'); return null",
    )
    .await;

    // A link to one of the app's pages navigates inside the app, without a page load.
    script(&browser.client, "window.__sameDocument = true; return null").await;
    find(
        &browser.client,
        &format!(".article-body a[href='{SAME_SITE_LINK}']"),
    )
    .await
    .click()
    .await
    .unwrap();
    eventually("the linked article", PATIENCE, || async {
        (current_path(&browser.client).await == SAME_SITE_LINK).then_some(())
    })
    .await;
    find(&browser.client, "#app .article h1").await;
    let same_document = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(
        same_document,
        serde_json::Value::Bool(true),
        "no full page load"
    );
    browser.close().await;
}

/// Copies the committed import result into a served content folder.
fn copy_into(from: &Path, relative: &str, content: &ContentDir) {
    for entry in std::fs::read_dir(from.join(relative)).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let child = if relative.is_empty() {
            name
        } else {
            format!("{relative}/{name}")
        };
        if entry.path().is_dir() {
            copy_into(from, &child, content);
        } else if child.ends_with(".json") {
            content.write(&child, std::fs::read(entry.path()).unwrap());
        }
    }
}

#[tokio::test]
async fn an_article_imported_from_wordpress_renders_without_its_script() {
    let imported = Path::new(env!("CARGO_MANIFEST_DIR")).join("../content-fixtures/imported");
    let content = ContentDir::new();
    copy_into(&imported, "", &content);
    let browser = Browser::start_with_content(&content).await;
    browser
        .open("/articles/harbour-clean-up-what-we-found")
        .await;
    wait_for_heading(
        &browser.client,
        "Harbour Clean\u{2011}up – What We’ve Found",
    )
    .await;
    assert_eq!(
        text_of(&browser.client, ".article-body p strong em").await,
        "two tonnes"
    );
    let report = find(
        &browser.client,
        ".article-body a[href='https://example.org/report']",
    )
    .await;
    assert_eq!(report.text().await.unwrap(), "waste & debris");
    let caption = text_of(&browser.client, ".article-body .figure figcaption").await;
    assert_eq!(caption, "Sorting at dawn.\nPhoto: IJM");
    assert_eq!(
        text_of(&browser.client, ".article-body .quote figcaption").await,
        "Maria Santos, volunteer"
    );
    assert_eq!(find_all(&browser.client, ".article-body li").await.len(), 5);
    let page = body_text(&browser.client).await;
    assert!(page.contains("Read this or join the next one."), "{page}");
    assert!(!page.contains("[gallery"), "the shortcode is gone");
    assert!(find_all(
        &browser.client,
        ".article-body iframe, .article-body script"
    )
    .await
    .is_empty());
    let ran = script(&browser.client, "return typeof window.__xss").await;
    assert_eq!(ran, "undefined", "the post's script never ran");

    browser.open("/articles/cafe-opens-by-the-pier").await;
    wait_for_heading(&browser.client, "Café Opens by the Pier").await;
    assert_eq!(text_of(&browser.client, ".article-body sub").await, "2");
    assert_eq!(
        text_of(&browser.client, ".article-body code").await,
        "07:00–15:00"
    );
    browser.close().await;
}
