//! The route table in the browser: links to addresses the app does not own load from the
//! server, in-app links stay in the document, the current page is marked, and history and
//! fragments behave as after page loads.

use newsroom_e2e::seed::SEED_SLUG;
use newsroom_e2e::*;

fn seed_path() -> String {
    format!("/articles/{SEED_SLUG}")
}

/// A full page load wipes this marker; an in-app navigation keeps it.
async fn mark_document(browser: &Browser) {
    script(&browser.client, "window.__sameDocument = true; return null").await;
}

async fn same_document(browser: &Browser) -> bool {
    script(&browser.client, "return window.__sameDocument === true").await == true
}

async fn click(browser: &Browser, css: &str) {
    find(&browser.client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|error| panic!("click {css}: {error}"));
}

/// Waits until the address bar shows `path` and the document is a new one.
async fn wait_for_page_load(browser: &Browser, path: &str) {
    eventually(&format!("a page load of {path}"), PATIENCE, || async {
        let here = current_path(&browser.client).await;
        let loaded = script(
            &browser.client,
            "return document.readyState === 'complete' && window.__sameDocument !== true",
        )
        .await;
        (here == path && loaded == true).then_some(())
    })
    .await;
}

#[tokio::test]
async fn links_to_addresses_the_app_does_not_own_are_page_loads_the_server_answers() {
    let browser = Browser::start(1280, 900).await;
    for (css, path) in [
        (".site-header__link", "/report-exploitation"),
        (".newsletter a[href='/privacy-policy']", "/privacy-policy"),
        (
            ".newsletter a[href='/newsletter-archive']",
            "/newsletter-archive",
        ),
    ] {
        browser.open(&seed_path()).await;
        mark_document(&browser).await;
        click(&browser, css).await;
        wait_for_page_load(&browser, path).await;
        // The sample server has no such page: its own 404 page answers, and the app shows it.
        let (status, _) = browser.server.request("GET", path, "");
        assert_eq!(status, 404, "{path}");
        wait_for_text(&browser.client, "Page not found").await;
    }

    // The feed is a file of the server's, opened as such.
    browser.open(&seed_path()).await;
    mark_document(&browser).await;
    script(
        &browser.client,
        "const link = document.createElement('a'); link.href = '/feed.xml'; link.id = 'feed';
         link.textContent = 'Feed'; document.querySelector('main').prepend(link); return null",
    )
    .await;
    click(&browser, "#feed").await;
    wait_for_page_load(&browser, "/feed.xml").await;
    let source = browser.client.source().await.expect("the feed's source");
    assert!(
        source.contains("<rss") || source.contains("&lt;rss"),
        "{source:.300}"
    );
    browser.close().await;
}

#[tokio::test]
async fn in_app_links_stay_in_the_document_and_mark_the_current_page() {
    let browser = Browser::start(1280, 900).await;
    browser.open("/").await;
    let home = find(&browser.client, ".site-header__home").await;
    assert_eq!(
        home.attr("aria-current").await.unwrap().as_deref(),
        Some("page"),
        "the home link on the home page"
    );
    mark_document(&browser).await;
    click(&browser, ".listing .card__link").await;
    find(&browser.client, ".article__title").await;
    assert!(
        same_document(&browser).await,
        "a card click is no page load"
    );
    let home = find(&browser.client, ".site-header__home").await;
    assert_eq!(home.attr("aria-current").await.unwrap(), None);
    browser.close().await;
}

#[tokio::test]
async fn back_and_forward_walk_three_pages_in_one_document() {
    let browser = Browser::start(1280, 900).await;
    browser.open("/").await;
    mark_document(&browser).await;
    click(&browser, ".listing .card__link").await;
    let article = eventually("an article", PATIENCE, || async {
        let path = current_path(&browser.client).await;
        path.starts_with("/articles/").then_some(path)
    })
    .await;
    find(&browser.client, ".article__title").await;
    click(&browser, ".article__header .tag").await;
    let category = eventually("a category", PATIENCE, || async {
        let path = current_path(&browser.client).await;
        path.starts_with("/category/").then_some(path)
    })
    .await;
    find(&browser.client, ".listing__title").await;

    let expect = |path: String| {
        let browser = &browser;
        async move {
            eventually(&format!("back at {path}"), PATIENCE, || async {
                (current_path(&browser.client).await == path).then_some(())
            })
            .await;
        }
    };
    browser.client.back().await.unwrap();
    expect(article.clone()).await;
    find(&browser.client, ".article__title").await;
    browser.client.back().await.unwrap();
    expect("/".to_string()).await;
    find(&browser.client, ".listing__title").await;
    browser.client.forward().await.unwrap();
    expect(article).await;
    browser.client.forward().await.unwrap();
    expect(category).await;
    assert!(same_document(&browser).await, "history stayed in the app");
    browser.close().await;
}

#[tokio::test]
async fn a_fragment_link_to_another_page_lands_on_the_fragment() {
    let browser = Browser::start(1280, 700).await;
    browser.open("/").await;
    mark_document(&browser).await;
    let target = format!("{}#read-more-heading", seed_path());
    script(
        &browser.client,
        &format!(
            "const link = document.createElement('a'); link.href = '{target}';
             link.id = 'to-fragment'; link.textContent = 'Read more of the seed';
             document.querySelector('main').prepend(link); return null"
        ),
    )
    .await;
    click(&browser, "#to-fragment").await;
    find(&browser.client, "#read-more-heading").await;
    eventually("the fragment in view", PATIENCE, || async {
        let top = script(
            &browser.client,
            "const box = document.getElementById('read-more-heading').getBoundingClientRect();
             return window.scrollY > 0 && box.top >= -1 && box.top < window.innerHeight",
        )
        .await;
        (top == true).then_some(())
    })
    .await;
    assert!(same_document(&browser).await);
    browser.close().await;
}

#[tokio::test]
async fn a_prerendered_page_is_taken_over_without_a_content_request() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&seed_path()).await;
    eventually("the takeover", PATIENCE, || async {
        let done = script(
            &browser.client,
            "return document.getElementById('prerendered') === null
                && !document.getElementById('app').hidden",
        )
        .await;
        (done == true).then_some(())
    })
    .await;
    assert_eq!(
        content_requests(&browser.client).await,
        Vec::<String>::new(),
        "the page carries what it was rendered from"
    );
    let carried = find_all(
        &browser.client,
        "script[type='application/json'][data-content-path]",
    )
    .await;
    assert_eq!(
        carried.len(),
        4,
        "site.json, the article and two listing pages"
    );

    // Moving on still loads, as before.
    mark_document(&browser).await;
    click(&browser, ".read-more .card__link").await;
    find(&browser.client, ".article__title").await;
    let requested = content_requests(&browser.client).await;
    assert!(
        requested
            .iter()
            .any(|path| path.starts_with("/content/articles/")),
        "another article is fetched: {requested:?}"
    );
    assert!(same_document(&browser).await);
    browser.close().await;
}
