//! The scripts run in the page. Each WebDriver script gets `SETTLE` prepended, so it is
//! self-contained; `WATCH` is installed before the page's first byte.

/// Installed before the page loads: records when all `texts` are in the body, and keeps the
/// wasm exports the app's loader announces (for the size of its linear memory). With
/// `__TAKEOVER__` true it also records when the app has taken a prerendered page over: the
/// prerendered markup gone and the app's own container shown (see `src/takeover.rs`); from then
/// on a click on a link is a navigation inside the app.
pub const WATCH: &str = r#"(() => {
  const texts = __TEXTS__;
  window.__bench = { ready: null, appReady: null };
  if (__TAKEOVER__) {
    const taken = () => {
      const app = document.getElementById('app');
      return app !== null && !app.hidden && document.getElementById('prerendered') === null;
    };
    const takeover = new MutationObserver(() => {
      if (taken()) {
        window.__bench.appReady = performance.now();
        takeover.disconnect();
      }
    });
    takeover.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['hidden'] });
  }
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
pub const SETTLE: &str = r#"
const settle = (from, finish, readyAt = 0) => {
  const deadline = performance.now() + 20000;
  const imagesDone = () => [...document.images].every((i) => i.loading === 'lazy' || i.complete);
  const frames = (n, then) => (n === 0 ? then() : requestAnimationFrame(() => frames(n - 1, then)));
  const report = () => {
    // LCP entries arrive once the compositor reports the paint, which can be a frame or more
    // after the frame callbacks. The content shown at `readyAt` paints after it, so wait (at
    // most 1 s) for an entry at or after `readyAt` before reading them all.
    let lcp = null;
    const po = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) lcp = e.startTime;
    });
    po.observe({ type: 'largest-contentful-paint', buffered: true });
    const lcpDeadline = performance.now() + 1000;
    const finishWhenPainted = () => {
      for (const e of po.takeRecords()) lcp = e.startTime;
      const painted = lcp !== null && lcp >= readyAt;
      if (!painted && performance.now() < lcpDeadline) return setTimeout(finishWhenPainted, 10);
      po.disconnect();
      const nav = from === 0 ? performance.getEntriesByType('navigation') : [];
      const entries = nav.concat(performance.getEntriesByType('resource').slice(from));
      finish({
        lcp,
        bytes: entries.reduce((sum, e) => sum + e.transferSize, 0),
        requests: entries.length,
        urls: entries.map((e) => new URL(e.name).pathname),
        sizes: entries.map((e) => e.transferSize),
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

pub const AWAIT_READY: &str = r#"
const done = arguments[arguments.length - 1];
const deadline = performance.now() + 30000;
const poll = () => {
  const ready = window.__bench && window.__bench.ready;
  if (ready !== null && ready !== undefined) return settle(0, (r) => done({ ready, ...r }), ready);
  if (performance.now() > deadline) return done({ error: 'the article text never appeared' });
  setTimeout(poll, 5);
};
poll();
"#;

/// Clicks Read More card `arguments[0]` and waits for the new article: its title in the h1,
/// its cards, and `arguments[1]`'s texts in the body. With `arguments[2]` (milliseconds), the
/// card is first scrolled into view and the click comes that long after, as when a reader
/// scrolls down to the cards and picks one; without it the click comes with no warning. The
/// clock starts just before the click. Nothing of the script outlives the measurement: a
/// pending time-out would keep the old page's nodes alive and show up in the heap figures.
pub const CLICK: &str = r#"
const [index, texts, dwell, done] = arguments;
const links = document.querySelectorAll('.read-more .card__link');
if (links.length === 0) return done({ error: 'no Read More card to click' });
const link = links[index % links.length];
const title = link.textContent;
const arrived = () => {
  const h1 = document.querySelector('h1');
  if (!h1 || h1.textContent !== title || !document.querySelector('.read-more .card__link')) return false;
  const text = document.body.textContent;
  return texts.every((t) => text.includes(t));
};
const clickAndWait = () => {
  const from = performance.getEntriesByType('resource').length;
  let shown = null;
  let timer = null;
  const observer = new MutationObserver(() => {
    if (shown === null && arrived()) {
      shown = performance.now();
      observer.disconnect();
      clearTimeout(timer);
      settle(from, (r) => done({ ms: shown - start, title, ...r }));
    }
  });
  observer.observe(document.body, { childList: true, subtree: true, characterData: true });
  timer = setTimeout(() => { observer.disconnect(); done({ error: 'no navigation to ' + title }); }, 30000);
  const start = performance.now();
  link.click();
};
if (dwell === null) {
  clickAndWait();
} else {
  link.scrollIntoView({ block: 'center' });
  setTimeout(clickAndWait, dwell);
}
"#;

/// Collects garbage (twice, a frame apart, so finalisers run) and reads the JS heap and the
/// wasm linear memory.
pub const HEAP: &str = r#"
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

/// The measuring script without a navigation: run as often as the walk's clicks, it shows
/// what the measurement alone leaves on the heap.
pub const IDLE: &str = r#"
const done = arguments[arguments.length - 1];
settle(performance.getEntriesByType('resource').length, (r) => done(r));
"#;

/// For the phone profile: waits for the texts and, with `arguments[0]`, for the takeover, then
/// settles and adds the first contentful paint and the end of DOMContentLoaded.
pub const AWAIT_PHONE: &str = r#"
const [takeover, done] = arguments;
const deadline = performance.now() + 60000;
const poll = () => {
  const b = window.__bench;
  const ready = b && b.ready;
  const appReady = b && b.appReady;
  if (ready !== null && ready !== undefined && (!takeover || (appReady !== null && appReady !== undefined))) {
    return settle(0, (r) => {
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      const nav = performance.getEntriesByType('navigation')[0];
      done({ ready, appReady, fcp: fcp ? fcp.startTime : null, dcl: nav ? nav.domContentLoadedEventEnd : null, ...r });
    }, Math.max(ready, appReady || 0));
  }
  if (performance.now() > deadline) {
    return done({ error: ready ? 'the app never took the page over' : 'the article text never appeared' });
  }
  setTimeout(poll, 5);
};
poll();
"#;
