//! The article page with a keyboard alone: every control is reached by Tab in reading order,
//! and following a card with Enter lands focus on the new article's heading.

use fantoccini::key::Key;
use newsroom_e2e::a11y::{browser_at, focused, press, press_shift_tab, wait_for_focus};
use newsroom_e2e::*;

const SEED: &str = "/articles/us-and-philippines-conclude-child-protection-compact-partnership";

/// Opens the seed article with everything rendered, focus at the top of the document.
async fn open_seed(width: u32) -> Browser {
    let browser = browser_at(width, 900).await;
    browser.open(SEED).await;
    find(&browser.client, ".read-more .card__link").await;
    find(&browser.client, ".site-header__link").await;
    find(&browser.client, "#newsletter-email").await;
    browser
}

/// Tabs until the newsletter button has focus, recording each stop.
async fn tab_stops(browser: &Browser) -> Vec<String> {
    let mut stops = Vec::new();
    for _ in 0..60 {
        press(&browser.client, Key::Tab).await;
        let stop = focused(&browser.client).await;
        let done = stop.contains("newsletter__button");
        stops.push(stop);
        if done {
            return stops;
        }
    }
    panic!("Tab never reached the newsletter button; stops: {stops:#?}");
}

#[tokio::test]
async fn tab_reaches_every_control_in_reading_order() {
    let browser = open_seed(1280).await;
    assert_eq!(
        focused(&browser.client).await,
        "body",
        "a page load leaves focus at the top of the document"
    );
    let stops = tab_stops(&browser).await;
    let describe = || format!("{stops:#?}");

    assert!(
        stops[0].contains(".skip-link"),
        "skip link first: {}",
        describe()
    );
    assert!(
        stops[1].contains(".site-header__home"),
        "then home: {}",
        describe()
    );
    assert!(
        stops[2].contains("Report Exploitation"),
        "then the header link: {}",
        describe()
    );
    assert!(
        stops[3].contains(".theme-toggle"),
        "then the theme toggle: {}",
        describe()
    );
    assert!(
        stops[4].contains(".tag"),
        "then the category tag: {}",
        describe()
    );

    let cards: Vec<String> = script(
        &browser.client,
        "return [...document.querySelectorAll('.read-more .card__link')]
           .map(a => a.getAttribute('href'))",
    )
    .await
    .as_array()
    .expect("a list")
    .iter()
    .map(|href| format!("[{}]", href.as_str().unwrap_or_default()))
    .collect();
    assert_eq!(cards.len(), 9);
    let first_card = stops
        .iter()
        .position(|stop| stop.contains("card__link"))
        .unwrap_or_else(|| panic!("no card reached: {}", describe()));
    for (offset, href) in cards.iter().enumerate() {
        let stop = &stops[first_card + offset];
        assert!(
            stop.contains("card__link") && stop.ends_with(href.as_str()),
            "card {offset} in order: {}",
            describe()
        );
    }

    // Between the cards and the field only the newsletter's own intro links may stop.
    let input = stops.len() - 2;
    assert!(
        stops[input].contains("#newsletter-email"),
        "the email field before the button: {}",
        describe()
    );
    let between = &stops[first_card + cards.len()..input];
    let intro_links = script(
        &browser.client,
        "return document.querySelectorAll('.newsletter__intro a').length",
    )
    .await;
    assert_eq!(
        Some(between.len() as u64),
        intro_links.as_u64(),
        "only the intro's links between the cards and the field: {}",
        describe()
    );
    assert!(between.iter().all(|stop| stop.starts_with("a ")));
    browser.close().await;
}

#[tokio::test]
async fn enter_on_a_card_opens_its_article_and_focuses_its_heading() {
    let browser = open_seed(375).await;
    let card = find(&browser.client, ".read-more .card__link").await;
    let title = card.text().await.unwrap();
    // A full page load would wipe this marker; client-side navigation keeps it.
    script(&browser.client, "window.__sameDocument = true; return null").await;
    script(
        &browser.client,
        "document.querySelector('.read-more .card__link').focus(); return null",
    )
    .await;
    press(&browser.client, Key::Enter).await;

    wait_for_focus(&browser.client, "h1.article__title").await;
    assert_eq!(text_of(&browser.client, "h1").await, title);
    assert!(current_path(&browser.client)
        .await
        .starts_with("/articles/"));
    let same_document = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(same_document, serde_json::Value::Bool(true), "client-side");

    // Focus really sits in the new article: one step back is its category tag, just above the
    // heading, not the header.
    press_shift_tab(&browser.client).await;
    let previous = focused(&browser.client).await;
    assert!(
        previous.contains(".tag"),
        "before the h1 comes the tag: {previous}"
    );
    browser.close().await;
}

#[tokio::test]
async fn the_skip_link_moves_focus_to_the_main_content() {
    let browser = open_seed(1280).await;
    press(&browser.client, Key::Tab).await;
    let skip = focused(&browser.client).await;
    assert!(skip.contains(".skip-link"), "first stop: {skip}");
    let visible = script(
        &browser.client,
        "const r = document.activeElement.getBoundingClientRect();
         return r.top >= 0 && r.bottom <= window.innerHeight && r.width >= 24 && r.height >= 24",
    )
    .await;
    assert_eq!(
        visible,
        serde_json::Value::Bool(true),
        "the focused skip link is on screen and big enough to hit"
    );
    press(&browser.client, Key::Enter).await;
    wait_for_focus(&browser.client, "main").await;
    press(&browser.client, Key::Tab).await;
    let next = focused(&browser.client).await;
    assert!(next.contains(".tag"), "Tab after skipping: {next}");
    browser.close().await;
}

#[tokio::test]
async fn focus_is_always_visible() {
    let browser = open_seed(1280).await;
    let stops = tab_stops(&browser).await;
    // Back from the newsletter button with Shift+Tab: the button, the field, links, every card.
    let mut checked = 0;
    for _ in 0..stops.len().min(14) {
        let shown = script(
            &browser.client,
            "const e = document.activeElement;
             const own = getComputedStyle(e);
             const after = getComputedStyle(e, '::after');
             const ring = s => s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2;
             return ring(own) || ring(after);",
        )
        .await;
        let stop = focused(&browser.client).await;
        assert_eq!(
            shown,
            serde_json::Value::Bool(true),
            "no focus ring on {stop}"
        );
        checked += 1;
        press_shift_tab(&browser.client).await;
    }
    assert!(checked > 10);
    browser.close().await;
}
