//! Client-side navigation must not leak: a visit of many articles keeps a bounded page.

use newsroom_e2e::devtools::devtools;
use newsroom_e2e::seed::SEED_SLUG;
use newsroom_e2e::*;

/// Live DOM nodes (attached or not), JS event listeners and JS heap bytes, after a full
/// garbage collection.
async fn memory(browser: &Browser) -> (u64, u64, u64) {
    devtools(
        &browser.client,
        "HeapProfiler.collectGarbage",
        serde_json::json!({}),
    )
    .await
    .expect("garbage collection");
    let counters = devtools(
        &browser.client,
        "Memory.getDOMCounters",
        serde_json::json!({}),
    )
    .await
    .expect("DOM counters");
    let heap = script(&browser.client, "return performance.memory.usedJSHeapSize").await;
    (
        counters["nodes"].as_u64().unwrap_or(0),
        counters["jsEventListeners"].as_u64().unwrap_or(0),
        heap.as_u64().unwrap_or(0),
    )
}

/// The text of the page's h1, read by a script. WebDriver's own element lookups are avoided
/// here: ChromeDriver keeps every element it has handed out alive for the life of the document,
/// and in a single-page app that is the whole visit, so each old page would stay in memory
/// because of the test, not the app.
async fn heading(browser: &Browser) -> String {
    let text = script(
        &browser.client,
        "const h1 = document.querySelector('h1'); return h1 ? h1.textContent : ''",
    )
    .await;
    text.as_str().unwrap_or_default().to_string()
}

/// Clicks the `round`-th link matching `links` (a different one each time) and waits for the
/// next page, with its cards.
async fn follow(browser: &Browser, links: &str, round: usize) {
    let before = heading(browser).await;
    script(
        &browser.client,
        &format!(
            "const links = document.querySelectorAll('{links}');
             links[{round} % links.length].click(); return null"
        ),
    )
    .await;
    eventually("the next page", PATIENCE, || async {
        let cards = script(
            &browser.client,
            "return document.querySelector('.card__link') !== null",
        )
        .await;
        (heading(browser).await != before && cards == serde_json::Value::Bool(true)).then_some(())
    })
    .await;
}

/// One round: an article's Read More card, then that article's category tag, then a card of
/// the category page: article to article (the page is updated in place) and article to listing
/// and back (the page is replaced).
async fn walk(browser: &Browser, round: usize) {
    follow(browser, ".read-more .card__link", round).await;
    follow(browser, ".article .tag", 0).await;
    follow(browser, ".listing .card__link", round).await;
}

#[tokio::test]
async fn ninety_navigations_leave_no_detached_nodes_listeners_or_heap_growth() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    // Warm up (30 navigations): every article of the sample visited and in the cache.
    for round in 0..10 {
        walk(&browser, round).await;
    }
    let (nodes_before, listeners_before, heap_before) = memory(&browser).await;
    let rounds = 30;
    for round in 10..10 + rounds {
        walk(&browser, round).await;
    }
    let navigations = 3 * rounds as u64;
    let (nodes_after, listeners_after, heap_after) = memory(&browser).await;
    println!(
        "after 30 / {} navigations: nodes {nodes_before} / {nodes_after}, listeners \
         {listeners_before} / {listeners_after}, JS heap {heap_before} / {heap_after} B",
        30 + navigations
    );
    // Pages differ in size (card texts), so allow one page's worth of nodes either way.
    assert!(
        nodes_after <= nodes_before + 150,
        "DOM nodes grew: {nodes_before} -> {nodes_after}"
    );
    assert!(
        listeners_after <= listeners_before,
        "listeners grew: {listeners_before} -> {listeners_after}"
    );
    let per_navigation = heap_after.saturating_sub(heap_before) / navigations;
    assert!(
        per_navigation < 8_192,
        "JS heap grows {per_navigation} B per navigation"
    );
    browser.close().await;
}
