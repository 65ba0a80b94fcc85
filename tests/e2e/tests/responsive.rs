//! The layout from the narrowest phone to a wide desktop: nothing scrolls sideways, the card
//! grid has one, two or three columns, and images keep their shape.

use newsroom_e2e::a11y::{browser_at, page_and_viewport_width};
use newsroom_e2e::*;

const SEED: &str = "/articles/us-and-philippines-conclude-child-protection-compact-partnership";

/// Each page with an element that shows it has rendered.
const PAGES: [(&str, &str); 3] = [
    ("/", ".listing .card"),
    (SEED, ".read-more .card"),
    ("/category/justice-system", ".listing .card"),
];

async fn open_rendered(browser: &Browser, path: &str, ready: &str) {
    browser.open(path).await;
    find(&browser.client, ready).await;
    find(&browser.client, ".site-header__link").await;
}

/// WCAG 1.4.10 Reflow starts at 320 CSS px; 1920 is a common wide desktop.
#[tokio::test]
async fn no_page_scrolls_sideways_from_320_to_1920_px() {
    for width in [320, 375, 768, 1280, 1920] {
        let browser = browser_at(width, 900).await;
        for (path, ready) in PAGES {
            open_rendered(&browser, path, ready).await;
            let (page, viewport) = page_and_viewport_width(&browser.client).await;
            assert_eq!(viewport, u64::from(width), "the window is {width} px wide");
            assert!(
                page <= viewport,
                "{path} at {width} px is {page} px wide: it scrolls sideways"
            );
        }
        browser.close().await;
    }
}

/// How many distinct columns the cards of the first grid sit in.
async fn card_columns(browser: &Browser) -> usize {
    let lefts = script(
        &browser.client,
        "return [...new Set([...document.querySelectorAll('.card-grid > li')]
           .map(li => Math.round(li.getBoundingClientRect().left)))].length",
    )
    .await;
    lefts.as_u64().unwrap_or(0) as usize
}

#[tokio::test]
async fn cards_sit_in_one_two_or_three_columns() {
    for (width, columns) in [(375, 1), (768, 2), (1280, 3)] {
        let browser = browser_at(width, 900).await;
        for (path, ready) in PAGES {
            open_rendered(&browser, path, ready).await;
            assert_eq!(
                card_columns(&browser).await,
                columns,
                "{path} at {width} px"
            );
        }
        browser.close().await;
    }
}

#[tokio::test]
async fn images_keep_their_aspect_ratio() {
    for width in [320, 1280] {
        let browser = browser_at(width, 900).await;
        open_rendered(&browser, SEED, ".article-body figure img").await;
        let ratios = script(
            &browser.client,
            "return [...document.querySelectorAll('main img')].map(img => {
               const r = img.getBoundingClientRect();
               return [r.width / r.height,
                       img.getAttribute('width') / img.getAttribute('height'), r.width];
             })",
        )
        .await;
        let ratios: Vec<[f64; 3]> = serde_json::from_value(ratios).expect("numbers");
        assert!(!ratios.is_empty(), "the article has an image");
        for [shown, intended, shown_width] in ratios {
            assert!(
                (shown - intended).abs() / intended < 0.02,
                "at {width} px an image is drawn at {shown:.3}, its ratio is {intended:.3}"
            );
            assert!(shown_width <= f64::from(width), "the image fits the window");
        }
        browser.close().await;
    }
}

/// The print rules, applied on screen: copying every `@media print` block into an unconditional
/// style sheet shows what paper would get without a print dialog.
#[tokio::test]
async fn printing_keeps_the_article_and_drops_links_form_and_cards() {
    let browser = Browser::start(1280, 900).await;
    open_rendered(&browser, SEED, ".read-more .card").await;
    find(&browser.client, "#newsletter-email").await;
    let shown = script(
        &browser.client,
        "const print = [...document.styleSheets].flatMap(sheet => [...sheet.cssRules])
           .filter(rule => rule instanceof CSSMediaRule && rule.media.mediaText.includes('print'))
           .flatMap(rule => [...rule.cssRules].map(inner => inner.cssText));
         // A constructed sheet, not a <style> element: the release build's CSP refuses inline styles.
         const sheet = new CSSStyleSheet();
         sheet.replaceSync(print.join('\\n'));
         document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
         const shown = css => [...document.querySelectorAll(css)]
           .some(e => e.getClientRects().length > 0);
         return Object.fromEntries(['.site-header__nav', '.skip-link', '.newsletter form',
           '.read-more', '.card', '.article h1', '.article-body p', '.figure img']
           .map(css => [css, shown(css)]));",
    )
    .await;
    for hidden in [
        ".site-header__nav",
        ".newsletter form",
        ".read-more",
        ".card",
    ] {
        assert_eq!(shown[hidden], false, "{hidden} is not printed");
    }
    for kept in [".article h1", ".article-body p", ".figure img"] {
        assert_eq!(shown[kept], true, "{kept} is printed");
    }
    browser.close().await;
}
