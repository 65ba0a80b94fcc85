//! WCAG 2.2 AA checks by axe-core and the heading outline, on every page state a reader can
//! meet, at a phone width and a desktop width (some rules, like contrast over wrapped layouts
//! and target sizes, depend on the layout).

use newsroom_e2e::a11y::{
    assert_axe_clean, assert_heading_outline, browser_at, page_and_viewport_width, wait_for_focus,
};
use newsroom_e2e::*;

const SEED: &str = "/articles/us-and-philippines-conclude-child-protection-compact-partnership";
const WIDTHS: [u32; 2] = [375, 1280];

/// Waits for the page's own content (`ready`) and for the frame that comes from `site.json`
/// (header link, footer), so axe sees the page as a reader does, not half-rendered.
async fn settle(browser: &Browser, ready: &str) {
    find(&browser.client, ready).await;
    find(&browser.client, ".site-header__link").await;
    eventually("the footer line", PATIENCE, || async {
        text_of(&browser.client, ".site-footer p")
            .await
            .contains("International Justice Mission")
            .then_some(())
    })
    .await;
}

/// Opens `path` at each width, waits for `ready`, optionally acts on the page, then checks it.
async fn check_page(path: &str, ready: &str, state: &str) {
    for width in WIDTHS {
        let browser = browser_at(width, 900).await;
        browser.open(path).await;
        settle(&browser, ready).await;
        let (_, viewport) = page_and_viewport_width(&browser.client).await;
        assert_eq!(
            viewport,
            u64::from(width),
            "the viewport is {width} px wide"
        );
        let label = format!("{state} at {width} px");
        assert_heading_outline(&browser.client, &label).await;
        assert_axe_clean(&browser.client, &label).await;
        browser.close().await;
    }
}

#[tokio::test]
async fn the_home_page_passes_axe() {
    check_page("/", ".listing .card", "the home page").await;
}

#[tokio::test]
async fn the_article_page_passes_axe() {
    check_page(SEED, ".read-more .card", "the article page").await;
}

#[tokio::test]
async fn the_category_page_passes_axe() {
    check_page(
        "/category/justice-system",
        ".listing .card",
        "the category page",
    )
    .await;
}

#[tokio::test]
async fn the_not_found_page_passes_axe() {
    check_page("/no-such-page", ".not-found h1", "the not-found page").await;
}

#[tokio::test]
async fn the_newsletter_field_error_passes_axe() {
    for width in WIDTHS {
        let browser = browser_at(width, 900).await;
        browser.open(SEED).await;
        settle(&browser, ".read-more .card").await;
        let field = find(&browser.client, "#newsletter-email").await;
        field.send_keys("not-an-email").await.unwrap();
        find(&browser.client, ".newsletter__button")
            .await
            .click()
            .await
            .unwrap();
        find(&browser.client, ".newsletter__error").await;
        let label = format!("the newsletter field error at {width} px");
        assert_heading_outline(&browser.client, &label).await;
        assert_axe_clean(&browser.client, &label).await;
        browser.close().await;
    }
}

/// Makes every `/content/` request hang or fail (`hang`, `500`), or work again (`none`).
fn content_fault(browser: &Browser, fault: &str) {
    let (status, body) = browser.server.request("POST", "/api/faults/content", fault);
    assert_eq!(status, 204, "setting the content fault {fault}: {body}");
}

/// The loading and error states appear only while content is slow or failing, so the server's
/// content faults hold them open. The journeys start on the not-found page, which loads the site
/// settings but no listing (cards would prefetch their articles and skip the loading state).
#[tokio::test]
async fn the_loading_and_error_states_are_announced_and_pass_axe() {
    let browser = Browser::start(1280, 900).await;
    browser.open("/no-such-page").await;
    settle(&browser, ".not-found h1").await;
    let go_home = ".not-found a[href='/']";

    content_fault(&browser, "500");
    find(&browser.client, go_home).await.click().await.unwrap();
    find(&browser.client, ".load-failure[role='alert'] h1").await;
    wait_for_focus(&browser.client, ".load-failure h1").await;
    assert_heading_outline(&browser.client, "the error state").await;
    assert_axe_clean(&browser.client, "the error state").await;

    content_fault(&browser, "hang");
    browser
        .client
        .back()
        .await
        .expect("back to the not-found page");
    find(&browser.client, go_home).await.click().await.unwrap();
    find(&browser.client, ".skeleton").await;
    eventually("the polite loading announcement", PATIENCE, || async {
        let status = text_of(&browser.client, ".skeleton [role='status']").await;
        status.contains("Loading articles").then_some(())
    })
    .await;
    let stops_for_reduced_motion = script(
        &browser.client,
        "return [...document.styleSheets].flatMap(sheet => [...sheet.cssRules]).some(rule =>
           rule instanceof CSSMediaRule
           && rule.media.mediaText.includes('prefers-reduced-motion: reduce')
           && [...rule.cssRules].some(inner => (inner.selectorText || '').includes('.skeleton')
                && inner.style.animationName === 'none'))",
    )
    .await;
    assert_eq!(
        stops_for_reduced_motion,
        serde_json::Value::Bool(true),
        "the skeleton's pulse stops for readers who ask for reduced motion"
    );
    assert_heading_outline(&browser.client, "the loading state").await;
    assert_axe_clean(&browser.client, "the loading state").await;
    content_fault(&browser, "none");
    browser.close().await;
}

/// The checks above prove something only if axe really runs: a planted fault must be reported.
#[tokio::test]
async fn axe_reports_a_planted_violation() {
    let browser = Browser::start(1280, 900).await;
    browser.open("/no-such-page").await;
    settle(&browser, ".not-found h1").await;
    script(
        &browser.client,
        "const img = document.createElement('img');
         img.src = '/planted.png';
         document.querySelector('main').append(img);
         return null",
    )
    .await;
    let violations = newsroom_e2e::a11y::axe_violations(&browser.client).await;
    assert!(
        violations.iter().any(|line| line.starts_with("image-alt")),
        "axe did not report an image without alt text: {violations:#?}"
    );
    browser.close().await;
}
