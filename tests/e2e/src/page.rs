//! Waiting on and reading the page. Every wait polls the real DOM until a deadline: no fixed
//! sleeps, so tests are as fast as the page and fail with a clear message when it never comes.

use fantoccini::elements::Element;
use fantoccini::{Client, Locator};
use std::future::Future;
use std::time::{Duration, Instant};

pub const PATIENCE: Duration = Duration::from_secs(15);

/// Polls `probe` until it returns Some, or panics with `what` after `patience`.
pub async fn eventually<T, F, Fut>(what: &str, patience: Duration, mut probe: F) -> T
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Option<T>>,
{
    let deadline = Instant::now() + patience;
    loop {
        if let Some(value) = probe().await {
            return value;
        }
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

pub async fn find(client: &Client, css: &str) -> Element {
    eventually(&format!("element {css}"), PATIENCE, || async {
        client.find(Locator::Css(css)).await.ok()
    })
    .await
}

pub async fn find_all(client: &Client, css: &str) -> Vec<Element> {
    client.find_all(Locator::Css(css)).await.unwrap_or_default()
}

/// The text of `<body>` as a reader sees it.
pub async fn body_text(client: &Client) -> String {
    match client.find(Locator::Css("body")).await {
        Ok(body) => body.text().await.unwrap_or_default(),
        Err(_) => String::new(),
    }
}

/// Waits until the visible text contains `needle`.
pub async fn wait_for_text(client: &Client, needle: &str) {
    eventually(&format!("text {needle:?}"), PATIENCE, || async {
        body_text(client).await.contains(needle).then_some(())
    })
    .await
}

/// Waits until the app has replaced a prerendered page's markup and shows its own.
pub async fn wait_for_takeover(client: &Client, patience: Duration) {
    eventually("the app to take over the page", patience, || async {
        let done = script(
            client,
            "return document.getElementById('prerendered') === null
                && !document.getElementById('app').hidden",
        )
        .await;
        (done == serde_json::Value::Bool(true)).then_some(())
    })
    .await
}

/// Waits until the page's `h1` reads `title` (the next page after a navigation).
pub async fn wait_for_heading(client: &Client, title: &str) {
    eventually(&format!("the page titled {title:?}"), PATIENCE, || async {
        (text_of(client, "h1").await == title).then_some(())
    })
    .await
}

pub async fn text_of(client: &Client, css: &str) -> String {
    find(client, css).await.text().await.unwrap_or_default()
}

/// Runs a script in the page and returns its value.
pub async fn script(client: &Client, source: &str) -> serde_json::Value {
    client
        .execute(source, vec![])
        .await
        .unwrap_or_else(|error| panic!("script failed: {error}\n{source}"))
}

/// The paths of the content files the page has requested so far (`/content/...`).
pub async fn content_requests(client: &Client) -> Vec<String> {
    let paths = script(
        client,
        "return performance.getEntriesByType('resource')
            .map(entry => new URL(entry.name).pathname)
            .filter(path => path.startsWith('/content/'))",
    )
    .await;
    serde_json::from_value(paths).expect("a list of paths")
}

pub async fn current_path(client: &Client) -> String {
    client
        .current_url()
        .await
        .map(|url| url.path().to_string())
        .unwrap_or_default()
}
