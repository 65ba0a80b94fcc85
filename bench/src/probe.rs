//! The measurements, taken inside the page. WebDriver's navigation returns at the load event,
//! which for the app comes before the wasm has rendered anything, so "ready" is observed in
//! the page itself: a script installed before the document's first byte watches every DOM
//! change and notes `performance.now()` (ms since navigation start) when the awaited texts are
//! all present. `textContent` is read rather than `innerText`: the same text, without forcing a
//! layout on every check, which would slow down the page being measured.

use crate::browser::{Driver, Session};
use serde_json::{json, Value};

/// Installed before the page loads: records when all `texts` are in the body, and keeps the
/// wasm exports the app's loader announces (for the size of its linear memory).
const WATCH: &str = r#"(() => {
  const texts = __TEXTS__;
  window.__bench = { ready: null };
  addEventListener('TrunkApplicationStarted', (e) => { window.__benchWasm = e.detail.wasm; });
  const check = () => {
    if (window.__bench.ready !== null || !document.body) return;
    const text = document.body.textContent;
    if (texts.every((t) => text.includes(t))) {
      window.__bench.ready = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, characterData: true });
})();"#;

/// Shared by the scripts below: waits for eagerly loaded images and two frames (so the paint
/// showing the text has happened), then reports the largest contentful paint and what was
/// transferred from resource entry `from` on.
const SETTLE: &str = r#"
const settle = (from, finish) => {
  const deadline = performance.now() + 20000;
  const imagesDone = () => [...document.images].every((i) => i.loading === 'lazy' || i.complete);
  const frames = (n, then) => (n === 0 ? then() : requestAnimationFrame(() => frames(n - 1, then)));
  const report = () => {
    // LCP entries arrive once the compositor reports the paint, which can be after the frame
    // callbacks: wait for one (at most 2 s) before reading them all.
    let lcp = null;
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lcp = e.startTime;
    });
    po.observe({ type: 'largest-contentful-paint', buffered: true });
    const lcpDeadline = performance.now() + 2000;
    const finishWhenPainted = () => {
      for (const e of po.takeRecords()) lcp = e.startTime;
      if (lcp === null && performance.now() < lcpDeadline) return setTimeout(finishWhenPainted, 10);
      po.disconnect();
      const nav = from === 0 ? performance.getEntriesByType('navigation') : [];
      const entries = nav.concat(performance.getEntriesByType('resource').slice(from));
      finish({
        lcp,
        bytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
        requests: entries.length,
        urls: entries.map((e) => new URL(e.name).pathname),
        ends: entries.map((e) => e.responseEnd),
      });
    };
    setTimeout(finishWhenPainted, 0);
  };
  const wait = () => {
    if (imagesDone() || performance.now() > deadline) frames(2, report);
    else setTimeout(wait, 5);
  };
  wait();
};
"#;

const AWAIT_READY: &str = r#"
const done = arguments[arguments.length - 1];
const deadline = performance.now() + 30000;
const poll = () => {
  const ready = window.__bench && window.__bench.ready;
  if (ready !== null && ready !== undefined) return settle(0, (r) => done({ ready, ...r }));
  if (performance.now() > deadline) return done({ error: 'the article text never appeared' });
  setTimeout(poll, 5);
};
poll();
"#;

/// Clicks Read More card `arguments[0]` and waits for the new article: its title in the h1,
/// its cards, and `arguments[1]`'s texts in the body. The clock starts just before the click.
const CLICK: &str = r#"
const [index, texts, done] = arguments;
const links = document.querySelectorAll('.read-more .card__link');
if (links.length === 0) return done({ error: 'no Read More card to click' });
const link = links[index % links.length];
const title = link.textContent;
const from = performance.getEntriesByType('resource').length;
const arrived = () => {
  const h1 = document.querySelector('h1');
  if (!h1 || h1.textContent !== title || !document.querySelector('.read-more .card__link')) return false;
  const text = document.body.textContent;
  return texts.every((t) => text.includes(t));
};
let shown = null;
const observer = new MutationObserver(() => {
  if (shown === null && arrived()) {
    shown = performance.now();
    observer.disconnect();
    settle(from, (r) => done({ ms: shown - start, title, ...r }));
  }
});
observer.observe(document.body, { childList: true, subtree: true, characterData: true });
setTimeout(() => { if (shown === null) { observer.disconnect(); done({ error: 'no navigation to ' + title }); } }, 30000);
const start = performance.now();
link.click();
"#;

/// Collects garbage (twice, a frame apart, so finalisers run) and reads the JS heap and the
/// wasm linear memory.
const HEAP: &str = r#"
const done = arguments[arguments.length - 1];
if (typeof window.gc !== 'function') return done({ error: 'window.gc is missing' });
window.gc();
requestAnimationFrame(() => {
  window.gc();
  const wasm = window.__benchWasm && window.__benchWasm.memory;
  done({
    js: performance.memory.usedJSHeapSize,
    wasm: wasm ? wasm.buffer.byteLength : null,
    nodes: document.getElementsByTagName('*').length,
  });
});
"#;

#[derive(Clone, Debug, Default)]
pub struct Transfer {
    pub bytes: f64,
    pub requests: f64,
    /// Path of each request, in the order the browser made them.
    pub urls: Vec<String>,
    /// When each response ended, ms since navigation start.
    pub ends: Vec<f64>,
}

impl Transfer {
    fn from(value: &Value) -> Transfer {
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
            ends: value["ends"]
                .as_array()
                .map(|ends| {
                    ends.iter()
                        .map(|e| e.as_f64().unwrap_or(f64::NAN))
                        .collect()
                })
                .unwrap_or_default(),
        }
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

fn number(value: &Value, key: &str) -> f64 {
    value[key].as_f64().unwrap_or(f64::NAN)
}

fn checked(value: Value) -> Result<Value, String> {
    match value["error"].as_str() {
        Some(error) => Err(error.to_string()),
        None => Ok(value),
    }
}

/// `SETTLE` is prepended so each WebDriver script is self-contained.
async fn run_async(session: &Session, body: &str, args: Vec<Value>) -> Result<Value, String> {
    checked(session.run_async(&format!("{SETTLE}{body}"), args).await?)
}

async fn load(session: &Session, url: &str, texts: &[String]) -> Result<Load, String> {
    session
        .on_new_document(&WATCH.replace("__TEXTS__", &json!(texts).to_string()))
        .await?;
    session.open(url).await?;
    let result = run_async(session, AWAIT_READY, vec![]).await?;
    Ok(Load {
        ready_ms: number(&result, "ready"),
        lcp_ms: number(&result, "lcp"),
        transfer: Transfer::from(&result),
    })
}

/// Closes the browser whatever the outcome, so a failed measurement leaves no Chromium behind.
async fn in_fresh_browser<T>(
    driver: &Driver,
    flags: &[&str],
    body: impl AsyncFnOnce(&Session) -> Result<T, String>,
) -> Result<T, String> {
    let session = driver.session(flags).await?;
    let result = body(&session).await;
    session.close().await;
    result
}

/// Opens `url` in a fresh browser and waits until `texts` are all in the page.
pub async fn cold_load(driver: &Driver, url: &str, texts: &[String]) -> Result<Load, String> {
    in_fresh_browser(driver, &[], async |session| load(session, url, texts).await).await
}

/// A cold load of `url`, then a click on its first Read More card, which must show `next`.
pub async fn cold_load_then_click(
    driver: &Driver,
    url: &str,
    texts: &[String],
    next: &[String],
) -> Result<(Load, Click), String> {
    in_fresh_browser(driver, &[], async |session| {
        let load = load(session, url, texts).await?;
        let click = click(session, 0, next).await?;
        Ok((load, click))
    })
    .await
}

async fn click(session: &Session, index: usize, texts: &[String]) -> Result<Click, String> {
    let result = run_async(session, CLICK, vec![json!(index), json!(texts)]).await?;
    Ok(Click {
        ms: number(&result, "ms"),
        transfer: Transfer::from(&result),
    })
}

/// The measuring script without a navigation: run as often as the walk's clicks, it shows
/// what the measurement alone leaves on the heap.
const IDLE: &str = r#"
const done = arguments[arguments.length - 1];
settle(performance.getEntriesByType('resource').length, (r) => done(r));
"#;

/// Heap after one and after `steps` client-side navigations, each a click on a Read More card
/// (a different card each time, so the walk visits many articles and revisits some), then
/// after as many measuring scripts without navigation, as a control.
pub async fn heap_walk(
    driver: &Driver,
    url: &str,
    texts: &[String],
    steps: usize,
) -> Result<[Heap; 3], String> {
    let flags = ["--js-flags=--expose-gc", "--enable-precise-memory-info"];
    in_fresh_browser(driver, &flags, async |session| {
        load(session, url, texts).await?;
        let mut first = None;
        for step in 1..=steps {
            click(session, step, &[]).await?;
            if step == 1 {
                first = Some(heap(session).await?);
            }
        }
        let last = heap(session).await?;
        for _ in 0..steps {
            run_async(session, IDLE, vec![]).await?;
        }
        let control = heap(session).await?;
        let first = first.ok_or("no navigation was made")?;
        Ok([first, last, control])
    })
    .await
}

async fn heap(session: &Session) -> Result<Heap, String> {
    let result = run_async(session, HEAP, vec![]).await?;
    Ok(Heap {
        js: number(&result, "js"),
        wasm: result["wasm"].as_f64(),
        nodes: number(&result, "nodes"),
    })
}
