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

/// Clicks the `round`-th Read More card (a different one each time) and waits for its article.
async fn follow_a_card(browser: &Browser, round: usize) {
    let before = text_of(&browser.client, "h1").await;
    script(
        &browser.client,
        &format!(
            "const links = document.querySelectorAll('.read-more .card__link');
             links[{round} % links.length].click(); return null"
        ),
    )
    .await;
    eventually("the next article", PATIENCE, || async {
        (text_of(&browser.client, "h1").await != before).then_some(())
    })
    .await;
    find(&browser.client, ".read-more .card__link").await;
}

#[tokio::test]
async fn fifty_navigations_leave_no_detached_nodes_listeners_or_heap_growth() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    // Warm up: every article of the sample visited once and in the cache.
    for round in 0..10 {
        follow_a_card(&browser, round).await;
    }
    let (nodes_before, listeners_before, heap_before) = memory(&browser).await;
    for round in 10..60 {
        follow_a_card(&browser, round).await;
    }
    let (nodes_after, listeners_after, heap_after) = memory(&browser).await;
    println!(
        "after 10 / 60 navigations: nodes {nodes_before} / {nodes_after}, listeners \
         {listeners_before} / {listeners_after}, JS heap {heap_before} / {heap_after} B"
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
    let per_navigation = heap_after.saturating_sub(heap_before) / 50;
    assert!(
        per_navigation < 8_192,
        "JS heap grows {per_navigation} B per navigation"
    );
    browser.close().await;
}
