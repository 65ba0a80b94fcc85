//! The dark theme: it follows the system, the header's toggle overrides it and is remembered
//! across a reload without a light first frame, every page state passes axe-core in both
//! themes, and paper stays light.

use newsroom_e2e::a11y::{assert_axe_clean, browser_at};
use newsroom_e2e::readers::{background_of, emulate_media, record_first_frame};
use newsroom_e2e::seed::SEED_SLUG;
use newsroom_e2e::*;
use serde_json::Value;

/// `--color-surface-alt`, the `<html>` background, in each theme.
const LIGHT_CANVAS: &str = "rgb(243, 245, 247)";
const DARK_CANVAS: &str = "rgb(30, 35, 41)";
const WHITE: &str = "rgb(255, 255, 255)";

async fn pressed(browser: &Browser) -> Option<String> {
    find(&browser.client, ".theme-toggle")
        .await
        .attr("aria-pressed")
        .await
        .unwrap()
}

/// Waits until the toggle reflects the page (its state is read after mounting).
async fn wait_for_pressed(browser: &Browser, expected: &str) {
    eventually(&format!("aria-pressed={expected}"), PATIENCE, || async {
        (pressed(browser).await.as_deref() == Some(expected)).then_some(())
    })
    .await;
}

async fn open_seed(browser: &Browser) {
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    find(&browser.client, ".read-more .card").await;
}

#[tokio::test]
async fn the_page_follows_the_system_theme() {
    let browser = Browser::start(1280, 900).await;
    emulate_media(&browser.client, "dark", false).await;
    open_seed(&browser).await;
    assert_eq!(background_of(&browser.client, "html").await, DARK_CANVAS);
    wait_for_pressed(&browser, "true").await;
    emulate_media(&browser.client, "light", false).await;
    assert_eq!(background_of(&browser.client, "html").await, LIGHT_CANVAS);
    browser.close().await;
}

#[tokio::test]
async fn the_toggle_is_remembered_across_a_reload_from_the_first_frame() {
    let browser = Browser::start(1280, 900).await;
    emulate_media(&browser.client, "light", false).await;
    open_seed(&browser).await;
    wait_for_pressed(&browser, "false").await;
    find(&browser.client, ".theme-toggle")
        .await
        .click()
        .await
        .unwrap();
    wait_for_pressed(&browser, "true").await;
    assert_eq!(background_of(&browser.client, "html").await, DARK_CANVAS);

    record_first_frame(&browser.client).await;
    browser.client.refresh().await.expect("reload");
    browser.wait_for_app().await;
    let first = eventually("the first frame's record", PATIENCE, || async {
        let value = script(&browser.client, "return window.__firstFrame || null").await;
        (!value.is_null()).then_some(value)
    })
    .await;
    assert_eq!(first["theme"], "dark", "{first}");
    assert_eq!(
        first["background"], DARK_CANVAS,
        "the first frame is dark: {first}"
    );
    wait_for_pressed(&browser, "true").await;

    find(&browser.client, ".theme-toggle")
        .await
        .click()
        .await
        .unwrap();
    wait_for_pressed(&browser, "false").await;
    browser.client.refresh().await.expect("reload");
    browser.wait_for_app().await;
    assert_eq!(background_of(&browser.client, "html").await, LIGHT_CANVAS);
    browser.close().await;
}

#[tokio::test]
async fn print_is_light_even_in_the_dark_theme() {
    let browser = Browser::start(1280, 900).await;
    emulate_media(&browser.client, "dark", true).await;
    open_seed(&browser).await;
    script(
        &browser.client,
        "document.documentElement.setAttribute('data-theme', 'dark'); return null",
    )
    .await;
    assert_eq!(background_of(&browser.client, "body").await, WHITE);
    let text = script(
        &browser.client,
        "return getComputedStyle(document.querySelector('h1')).color",
    )
    .await;
    assert_eq!(text, Value::String("rgb(27, 31, 36)".into()));
    browser.close().await;
}

/// axe-core on the home and article pages at a phone and a desktop width in `scheme`.
async fn axe_in(scheme: &str) {
    for width in [375, 1280] {
        for (path, ready) in [
            ("/", ".listing .card".to_string()),
            (
                &format!("/articles/{SEED_SLUG}")[..],
                ".read-more .card".to_string(),
            ),
        ] {
            let browser = browser_at(width, 900).await;
            emulate_media(&browser.client, scheme, false).await;
            browser.open(path).await;
            find(&browser.client, &ready).await;
            find(&browser.client, ".site-header__link").await;
            let label = format!("{path} in the {scheme} theme at {width} px");
            assert_axe_clean(&browser.client, &label).await;
            browser.close().await;
        }
    }
}

#[tokio::test]
async fn every_colour_pair_passes_axe_in_the_dark_theme() {
    axe_in("dark").await;
}

#[tokio::test]
async fn every_colour_pair_passes_axe_in_the_light_theme() {
    axe_in("light").await;
}
