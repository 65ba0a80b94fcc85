//! The seed article's photograph as phones and desktops fetch it: a variant sized for the
//! screen in the modern format, JPEG for a browser without it, and nothing moving on load.

use newsroom_e2e::readers::{
    chosen_article_image, cumulative_layout_shift, disable_image_types, emulate_screen,
    requests_off_origin, ChosenImage,
};
use newsroom_e2e::seed::SEED_SLUG;
use newsroom_e2e::*;

/// The seed article on a screen `width` CSS px wide at `pixel_ratio`, and the file its photo
/// came from. `without` names image types the browser is made unable to decode.
async fn seed_photo_on(width: u32, pixel_ratio: f64, without: &[&str]) -> (Browser, ChosenImage) {
    let browser = Browser::start(width.max(500), 900).await;
    emulate_screen(&browser.client, width, 900, pixel_ratio).await;
    if !without.is_empty() {
        disable_image_types(&browser.client, without).await;
    }
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    let chosen = chosen_article_image(&browser.client).await;
    eprintln!("{width} px at {pixel_ratio}x without {without:?}: {chosen:?}");
    (browser, chosen)
}

#[tokio::test]
async fn a_phone_at_2x_fetches_a_webp_no_wider_than_800_px() {
    let (browser, chosen) = seed_photo_on(390, 2.0, &[]).await;
    assert_eq!(chosen.format, "webp", "{chosen:?}");
    assert!((480..=800).contains(&chosen.declared_width), "{chosen:?}");
    browser.close().await;
}

/// A budget Android (and the bench's phone profile) is 412 px wide at 1.75×: the 680 px file
/// covers its column, 9 KB less on a slow link than the 800 px one.
#[tokio::test]
async fn a_budget_phone_at_1_75x_fetches_the_680_px_webp() {
    let (browser, chosen) = seed_photo_on(412, 1.75, &[]).await;
    assert_eq!(chosen.format, "webp", "{chosen:?}");
    assert_eq!(chosen.declared_width, 680, "{chosen:?}");
    browser.close().await;
}

#[tokio::test]
async fn a_desktop_at_2x_fetches_a_webp_no_wider_than_1600_px() {
    let (browser, chosen) = seed_photo_on(1280, 2.0, &[]).await;
    assert_eq!(chosen.format, "webp", "{chosen:?}");
    assert!((1200..=1600).contains(&chosen.declared_width), "{chosen:?}");
    browser.close().await;
}

#[tokio::test]
async fn a_desktop_at_1x_fetches_no_more_than_its_column_needs() {
    let (browser, chosen) = seed_photo_on(1280, 1.0, &[]).await;
    assert_eq!(chosen.format, "webp", "{chosen:?}");
    assert!((720..=800).contains(&chosen.declared_width), "{chosen:?}");
    browser.close().await;
}

#[tokio::test]
async fn a_browser_without_webp_gets_a_jpeg_of_the_same_size() {
    let (browser, chosen) = seed_photo_on(390, 2.0, &["webp", "avif"]).await;
    assert_eq!(chosen.format, "jpeg", "{chosen:?}");
    assert!(chosen.url.ends_with(".jpg"), "{chosen:?}");
    assert!((480..=800).contains(&chosen.declared_width), "{chosen:?}");
    browser.close().await;
}

#[tokio::test]
async fn the_picture_reserves_its_space_and_nothing_shifts_or_leaves_the_site() {
    for width in [390, 1280] {
        let (browser, _) = seed_photo_on(width, 2.0, &[]).await;
        let img = find(&browser.client, ".article-body figure picture img").await;
        let size = (
            img.attr("width").await.unwrap(),
            img.attr("height").await.unwrap(),
        );
        assert_eq!(
            size,
            (Some("1680".into()), Some("1050".into())),
            "the file's own size"
        );
        assert_eq!(
            img.attr("fetchpriority").await.unwrap().as_deref(),
            Some("high")
        );
        assert_eq!(img.attr("loading").await.unwrap().as_deref(), Some("eager"));
        let shift = cumulative_layout_shift(&browser.client).await;
        assert_eq!(shift, 0.0, "layout shift at {width} px");
        let elsewhere = requests_off_origin(&browser.client, &browser.server.origin).await;
        assert!(
            elsewhere.is_empty(),
            "requests to other origins: {elsewhere:#?}"
        );
        browser.close().await;
    }
}
