//! Content that tries to run script: every text and URL field of an article, its listings and
//! `site.json` carries XSS payloads. Nothing may run, every payload must show as plain text,
//! and no link or image may point at a script or document URL.

use newsroom_e2e::console::browser_log;
use newsroom_e2e::fixtures::hostile::{
    self, assert_nothing_ran, assert_page_shows_literally, text_content, TEXT_PAYLOADS,
};
use newsroom_e2e::fixtures::ContentDir;
use newsroom_e2e::*;
use serde_json::Value;

/// Every link and image address as written and as the browser resolved it.
async fn addresses(browser: &Browser) -> Vec<(String, String, String)> {
    let found = script(
        &browser.client,
        "return [...document.querySelectorAll('a[href], img[src], [src], [href]')].map(e => {
            const raw = e.getAttribute('href') ?? e.getAttribute('src');
            let protocol = '';
            try { protocol = new URL(raw, document.baseURI).protocol; } catch (_) { protocol = 'invalid'; }
            return [e.tagName, raw, protocol];
        })",
    )
    .await;
    serde_json::from_value(found).expect("a list of addresses")
}

async fn assert_no_dangerous_address(browser: &Browser, when: &str) {
    for (tag, raw, protocol) in addresses(browser).await {
        // What a browser's URL parser keeps: no C0 controls or spaces, no tabs or newlines.
        let compact: String = raw
            .chars()
            .filter(|c| *c > ' ')
            .collect::<String>()
            .to_ascii_lowercase();
        for scheme in ["javascript:", "data:", "vbscript:"] {
            assert!(
                !compact.starts_with(scheme),
                "{when}: <{tag}> points at {raw:?}"
            );
        }
        assert!(
            ["http:", "https:", "mailto:"].contains(&protocol.as_str()),
            "{when}: <{tag}> {raw:?} resolves to the {protocol} scheme"
        );
    }
}

#[tokio::test]
async fn hostile_text_and_urls_never_run_and_show_as_text() {
    let content = ContentDir::new();
    let placed = hostile::write_site(&content);
    let all = hostile::all_payloads();
    assert!(all.len() >= 50, "{} payloads", all.len());
    let browser = Browser::start_with_content(&content).await;

    browser
        .open(&format!("/articles/{}", hostile::ARTICLE_SLUG))
        .await;
    find(&browser.client, ".read-more .card").await;
    find(&browser.client, ".newsletter").await;
    script(&browser.client, "window.__sameDocument = true; return null").await;
    assert_nothing_ran(&browser, "article").await;
    assert_page_shows_literally(&browser, &all, "article").await;
    assert_eq!(text_content(&browser, "h1").await, placed.title);
    assert_eq!(text_content(&browser, ".article__lede").await, placed.lede);
    assert_eq!(
        text_content(&browser, ".article .tag").await,
        placed.category_name
    );
    let title = script(&browser.client, "return document.title").await;
    assert!(title.as_str().unwrap_or_default().contains(placed.title));
    let footer = text_content(&browser, ".site-footer").await;
    assert!(footer.contains(placed.site_name), "footer: {footer:?}");
    let alts = script(
        &browser.client,
        "return [...document.querySelectorAll('.article-body img')].map(i => i.getAttribute('alt'))",
    )
    .await;
    let alts: Vec<String> = serde_json::from_value(alts).unwrap();
    assert!(!alts.is_empty(), "the one relative image address renders");
    for alt in &alts {
        assert!(
            TEXT_PAYLOADS.contains(&alt.as_str()),
            "alt {alt:?} kept as is"
        );
    }
    assert_no_dangerous_address(&browser, "article").await;
    // Rich text runs rendered as elements whose text is the payload, never markup.
    for css in [
        ".article-body p em",
        ".article-body li strong",
        ".article-body blockquote code",
    ] {
        let shown = text_content(&browser, css).await;
        assert!(TEXT_PAYLOADS.contains(&shown.as_str()), "{css}: {shown:?}");
    }

    let warnings: Vec<String> = browser_log(&browser.client)
        .await
        .into_iter()
        .filter(|entry| entry.level == "WARNING")
        .map(|entry| entry.message)
        .collect();
    for field in [
        "hero.src",
        "body[",
        "].text[",
        ".caption[",
        "site.header_links.href",
        "site.newsletter.privacy_url",
        "site.newsletter.archive_url",
    ] {
        assert!(
            warnings.iter().any(|message| message.contains(field)),
            "no console warning names {field}: {warnings:#?}"
        );
    }

    // The sign-up form posts to a `javascript:` endpoint: it must fail politely, not run it.
    find(&browser.client, "#newsletter-email")
        .await
        .send_keys("reader@example.org")
        .await
        .unwrap();
    find(&browser.client, ".newsletter__button")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&browser.client, "could not sign you up").await;
    assert_nothing_ran(&browser, "newsletter submit").await;

    find(&browser.client, ".article .tag")
        .await
        .click()
        .await
        .unwrap();
    find(&browser.client, ".listing .card").await;
    assert_eq!(
        text_content(&browser, ".listing__title").await,
        placed.category_name
    );
    assert_nothing_ran(&browser, "category listing").await;
    assert_no_dangerous_address(&browser, "category listing").await;

    find(&browser.client, ".site-header__home")
        .await
        .click()
        .await
        .unwrap();
    wait_for_text(&browser.client, "Latest news").await;
    assert_nothing_ran(&browser, "home listing").await;
    assert_no_dangerous_address(&browser, "home listing").await;
    assert_page_shows_literally(&browser, &placed.cards, "home listing").await;
    let same_document = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(same_document, Value::Bool(true), "no full page load");
    browser.close().await;
}

/// Rendering markup from content is the one way text could turn into script; no view does it.
#[test]
fn no_view_sets_inner_html() {
    fn visit(dir: &std::path::Path, offenders: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).expect("read src/") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                visit(&path, offenders);
            } else if path.extension().is_some_and(|ext| ext == "rs") {
                let source = std::fs::read_to_string(&path).expect("read a source file");
                if source.contains("inner_html") || source.contains("innerHTML") {
                    offenders.push(path.display().to_string());
                }
            }
        }
    }
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../src");
    let mut offenders = Vec::new();
    visit(&src, &mut offenders);
    assert!(offenders.is_empty(), "inner_html in {offenders:?}");
}
