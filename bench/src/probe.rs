//! The measurements, taken inside the page. WebDriver's navigation returns at the load event,
//! which for the app comes before the wasm has rendered anything, so "ready" is observed in
//! the page itself: a script installed before the document's first byte watches every DOM
//! change and notes `performance.now()` (ms since navigation start) when the awaited texts are
//! all present. `textContent` is read rather than `innerText`: the same text, without forcing a
//! layout on every check, which would slow down the page being measured.

use crate::browser::{Driver, Session};
use crate::scripts::{AWAIT_READY, CLICK, HEAP, IDLE, SETTLE, WATCH};
use fantoccini::wd::TimeoutConfiguration;
use serde_json::{json, Value};
use std::time::Duration;

#[derive(Clone, Debug, Default)]
pub struct Transfer {
    pub bytes: f64,
    pub requests: f64,
    /// Path of each request, in the order the browser made them.
    pub urls: Vec<String>,
    /// When each response ended, ms since navigation start.
    pub ends: Vec<f64>,
    /// `transferSize` of each.
    pub sizes: Vec<f64>,
}

impl Transfer {
    pub fn from(value: &Value) -> Transfer {
        Transfer {
            bytes: number(value, "bytes"),
            requests: number(value, "requests"),
            urls: value["urls"]
                .as_array()
                .map(|urls| {
                    urls.iter()
                        .filter_map(|u| u.as_str().map(str::to_string))
                        .collect()
                })
                .unwrap_or_default(),
            ends: numbers(value, "ends"),
            sizes: numbers(value, "sizes"),
        }
    }

    /// When the last response whose path `wanted` picks ended (0 when there is none).
    pub fn last_end_of(&self, wanted: impl Fn(&str) -> bool) -> f64 {
        self.urls
            .iter()
            .zip(&self.ends)
            .filter(|(url, _)| wanted(url))
            .fold(0.0, |last, (_, end)| f64::max(last, *end))
    }

    /// Bytes and requests of the responses that had ended by `ms` since navigation start.
    pub fn by(&self, ms: f64) -> (f64, f64) {
        let ended = self
            .ends
            .iter()
            .zip(&self.sizes)
            .filter(|(end, _)| **end <= ms);
        ended.fold((0.0, 0.0), |(bytes, requests), (_, size)| {
            (bytes + size, requests + 1.0)
        })
    }

    /// When the response for `path` ended, if it was requested.
    pub fn end_of(&self, path: &str) -> Option<f64> {
        let index = self.urls.iter().position(|url| url == path)?;
        self.ends.get(index).copied()
    }
}

/// A cold load: ms from navigation start until the texts are in the DOM, and the LCP.
#[derive(Clone, Debug)]
pub struct Load {
    pub ready_ms: f64,
    pub lcp_ms: f64,
    pub transfer: Transfer,
}

#[derive(Clone, Debug)]
pub struct Click {
    pub ms: f64,
    pub transfer: Transfer,
}

pub struct Heap {
    pub js: f64,
    pub wasm: Option<f64>,
    /// Elements in the document: a leak of detached views would not show here, a pile-up of
    /// attached ones would.
    pub nodes: f64,
}

pub fn number(value: &Value, key: &str) -> f64 {
    value[key].as_f64().unwrap_or(f64::NAN)
}

fn checked(value: Value) -> Result<Value, String> {
    match value["error"].as_str() {
        Some(error) => Err(error.to_string()),
        None => Ok(value),
    }
}

/// The watching script for `texts`, and for the takeover when `takeover`.
pub fn watch(texts: &[String], takeover: bool) -> String {
    WATCH
        .replace("__TEXTS__", &json!(texts).to_string())
        .replace("__TAKEOVER__", if takeover { "true" } else { "false" })
}

/// `SETTLE` is prepended so each WebDriver script is self-contained.
pub async fn run_async(session: &Session, body: &str, args: Vec<Value>) -> Result<Value, String> {
    checked(session.run_async(&format!("{SETTLE}{body}"), args).await?)
}

async fn load(session: &Session, url: &str, texts: &[String]) -> Result<Load, String> {
    session.on_new_document(&watch(texts, false)).await?;
    session.open(url).await?;
    let result = run_async(session, AWAIT_READY, vec![]).await?;
    Ok(Load {
        ready_ms: number(&result, "ready"),
        lcp_ms: number(&result, "lcp"),
        transfer: Transfer::from(&result),
    })
}

/// The numbers in the array `value[key]` (NaN for anything that is not one).
pub fn numbers(value: &Value, key: &str) -> Vec<f64> {
    value[key]
        .as_array()
        .map(|list| {
            list.iter()
                .map(|n| n.as_f64().unwrap_or(f64::NAN))
                .collect()
        })
        .unwrap_or_default()
}

/// Closes the browser whatever the outcome, so a failed measurement leaves no Chromium behind.
pub async fn in_fresh_browser<T>(
    driver: &Driver,
    flags: &[&str],
    body: impl AsyncFnOnce(&Session) -> Result<T, String>,
) -> Result<T, String> {
    let session = driver.session(flags).await?;
    // Above every deadline inside the page scripts (30 s to appear, 21 s to settle), so a
    // slow page reports what it was waiting for instead of WebDriver's bare time-out.
    let timeouts = TimeoutConfiguration::new(
        Some(Duration::from_secs(90)),
        Some(Duration::from_secs(60)),
        Some(Duration::ZERO),
    );
    let result = match session.client.update_timeouts(timeouts).await {
        Ok(()) => body(&session).await,
        Err(error) => Err(format!("cannot set the time-outs: {error}")),
    };
    session.close().await;
    result
}

/// Opens `url` in a fresh browser and waits until `texts` are all in the page.
pub async fn cold_load(driver: &Driver, url: &str, texts: &[String]) -> Result<Load, String> {
    in_fresh_browser(driver, &[], async |session| load(session, url, texts).await).await
}

/// How long a reader looks at the Read More cards before clicking one: short for a person, and
/// long enough for the cards scrolled into view to be prefetched.
pub const DWELL_MS: u64 = 300;

/// A cold load of `url`, then a click on its first Read More card, which must show `next`:
/// `DWELL_MS` after scrolling the card into view when `scrolled`, else straight away.
pub async fn cold_load_then_click(
    driver: &Driver,
    url: &str,
    texts: &[String],
    next: &[String],
    scrolled: bool,
) -> Result<(Load, Click), String> {
    in_fresh_browser(driver, &[], async |session| {
        let load = load(session, url, texts).await?;
        let dwell = scrolled.then_some(DWELL_MS);
        let click = click(session, 0, next, dwell).await?;
        Ok((load, click))
    })
    .await
}

pub async fn click(
    session: &Session,
    index: usize,
    texts: &[String],
    dwell: Option<u64>,
) -> Result<Click, String> {
    let result = run_async(
        session,
        CLICK,
        vec![json!(index), json!(texts), json!(dwell)],
    )
    .await?;
    Ok(Click {
        ms: number(&result, "ms"),
        transfer: Transfer::from(&result),
    })
}

/// Navigations after which every article of the sample has been visited (and cached) once.
pub const WARM_UP: usize = 10;

/// Heap after 1, `WARM_UP` and `steps` client-side navigations, each a click on a Read More
/// card (a different card each time, so the walk visits many articles and revisits some), then
/// after as many measuring scripts without navigation, as a control.
pub async fn heap_walk(
    driver: &Driver,
    url: &str,
    texts: &[String],
    steps: usize,
) -> Result<[Heap; 4], String> {
    let flags = ["--js-flags=--expose-gc", "--enable-precise-memory-info"];
    in_fresh_browser(driver, &flags, async |session| {
        load(session, url, texts).await?;
        let (mut first, mut warm) = (None, None);
        for step in 1..=steps {
            click(session, step, &[], None).await?;
            if step == 1 {
                first = Some(heap(session).await?);
            }
            if step == WARM_UP {
                warm = Some(heap(session).await?);
            }
        }
        let last = heap(session).await?;
        for _ in 0..steps {
            run_async(session, IDLE, vec![]).await?;
        }
        let control = heap(session).await?;
        let first = first.ok_or("no navigation was made")?;
        let warm = warm.ok_or("the walk ended before the warm-up did")?;
        Ok([first, warm, last, control])
    })
    .await
}

async fn heap(session: &Session) -> Result<Heap, String> {
    session.collect_garbage().await?;
    let result = run_async(session, HEAP, vec![]).await?;
    Ok(Heap {
        js: number(&result, "js"),
        wasm: result["wasm"].as_f64(),
        nodes: number(&result, "nodes"),
    })
}
