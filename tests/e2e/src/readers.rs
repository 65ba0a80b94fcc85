//! Probes for what readers get beyond the text: which image file the browser chose, layout
//! shifts, requests to other origins, the clipboard and the colour theme. Each reads the live
//! page or asks Chromium through DevTools.

use crate::devtools::devtools;
use crate::page::{eventually, script, PATIENCE};
use fantoccini::Client;
use serde_json::{json, Value};

/// A phone or desktop screen: `width` CSS px at `pixel_ratio` device pixels per CSS px.
pub async fn emulate_screen(client: &Client, width: u32, height: u32, pixel_ratio: f64) {
    devtools(
        client,
        "Emulation.setDeviceMetricsOverride",
        json!({ "width": width, "height": height, "deviceScaleFactor": pixel_ratio,
                "mobile": width < 640 }),
    )
    .await
    .unwrap_or_else(|error| panic!("emulating a {width} px screen: {error}"));
}

/// Makes Chromium behave as a browser that cannot decode `types` ("webp", "avif"): it skips
/// `<source>` elements of those types and leaves them out of its Accept header.
pub async fn disable_image_types(client: &Client, types: &[&str]) {
    devtools(
        client,
        "Emulation.setDisabledImageTypes",
        json!({ "imageTypes": types }),
    )
    .await
    .unwrap_or_else(|error| panic!("disabling image types {types:?}: {error}"));
}

/// What the browser fetched for the first article image once it has loaded: the file's
/// address, the width its `srcset` entry declares, the first bytes' format, and the bytes.
#[derive(Debug)]
pub struct ChosenImage {
    pub url: String,
    pub declared_width: u64,
    pub format: String,
    pub bytes: u64,
}

pub async fn chosen_article_image(client: &Client) -> ChosenImage {
    eventually("the article image to load", PATIENCE, || async {
        let done = script(
            client,
            "const img = document.querySelector('.article-body figure img');
             return img !== null && img.complete && img.currentSrc !== ''",
        )
        .await;
        (done == Value::Bool(true)).then_some(())
    })
    .await;
    let probe = "const done = arguments[arguments.length - 1];
        const img = document.querySelector('.article-body figure img');
        const url = img.currentSrc;
        const lists = [...img.parentElement.querySelectorAll('source'), img]
          .map(e => e.getAttribute('srcset') || '').join(', ');
        const entry = lists.split(',').map(s => s.trim().split(/\\s+/))
          .find(([u]) => u && new URL(u, location.href).href === url);
        fetch(url).then(r => r.arrayBuffer()).then(buffer => {
          const b = new Uint8Array(buffer);
          const text = (from, to) => String.fromCharCode(...b.slice(from, to));
          const format = b[0] === 0xFF && b[1] === 0xD8 ? 'jpeg'
            : text(0, 4) === 'RIFF' && text(8, 12) === 'WEBP' ? 'webp'
            : text(4, 12) === 'ftypavif' ? 'avif' : 'other';
          done({ url, width: entry ? parseInt(entry[1]) : 0, format, bytes: b.length });
        }).catch(error => done({ url, width: 0, format: 'fetch failed: ' + error, bytes: 0 }));";
    let found = client
        .execute_async(probe, vec![])
        .await
        .expect("reading the chosen image");
    ChosenImage {
        url: found["url"].as_str().unwrap_or_default().to_string(),
        declared_width: found["width"].as_u64().unwrap_or(0),
        format: found["format"].as_str().unwrap_or_default().to_string(),
        bytes: found["bytes"].as_u64().unwrap_or(0),
    }
}

/// The page's cumulative layout shift so far (shifts right after input do not count).
pub async fn cumulative_layout_shift(client: &Client) -> f64 {
    let probe = "const done = arguments[arguments.length - 1];
        new PerformanceObserver(() => {}).observe({ type: 'layout-shift', buffered: true });
        const entries = performance.getEntriesByType('layout-shift');
        done(entries.filter(e => !e.hadRecentInput).reduce((sum, e) => sum + e.value, 0));";
    let value = client
        .execute_async(probe, vec![])
        .await
        .expect("reading layout shifts");
    value.as_f64().unwrap_or(f64::NAN)
}

/// Every address the page fetched (resource timing) or points a loading element at, that is
/// not on `origin`.
pub async fn requests_off_origin(client: &Client, origin: &str) -> Vec<String> {
    let probe = format!(
        "const origin = {};
         const fetched = performance.getEntriesByType('resource').map(e => e.name);
         const pointed = [...document.querySelectorAll(
             'img[src], source[srcset], script[src], link[href]:not([rel=canonical]), iframe[src]')]
           .flatMap(e => (e.getAttribute('srcset') || e.getAttribute('src') ||
                          e.getAttribute('href')).split(',').map(s => s.trim().split(/\\s+/)[0]));
         return [...fetched, ...pointed].filter(u => new URL(u, location.href).origin !== origin);",
        Value::String(origin.to_string())
    );
    serde_json::from_value(script(client, &probe).await).expect("a list of addresses")
}

/// Lets the page at `origin` write and read the clipboard without asking.
pub async fn grant_clipboard(client: &Client, origin: &str) {
    devtools(
        client,
        "Browser.grantPermissions",
        json!({ "origin": origin,
                "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"] }),
    )
    .await
    .unwrap_or_else(|error| panic!("granting clipboard access: {error}"));
}

/// The clipboard's text, read by the page.
pub async fn clipboard_text(client: &Client) -> String {
    let read = client
        .execute_async(
            "const done = arguments[arguments.length - 1];
             navigator.clipboard.readText().then(done, e => done('read failed: ' + e));",
            vec![],
        )
        .await
        .expect("reading the clipboard");
    read.as_str().unwrap_or_default().to_string()
}

/// Makes the system prefer `scheme` ("dark", "light"), or the print medium with `print`.
pub async fn emulate_media(client: &Client, scheme: &str, print: bool) {
    devtools(
        client,
        "Emulation.setEmulatedMedia",
        json!({ "media": if print { "print" } else { "" },
                "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
    )
    .await
    .unwrap_or_else(|error| panic!("emulating {scheme}: {error}"));
}

/// The computed background colour of `css`, as `rgb(r, g, b)`.
pub async fn background_of(client: &Client, css: &str) -> String {
    let probe = format!(
        "return getComputedStyle(document.querySelector({})).backgroundColor",
        Value::String(css.to_string())
    );
    script(client, &probe)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// From the next page load on, records the theme and the `<html>` background of the first
/// frame the browser renders, into `window.__firstFrame`.
pub async fn record_first_frame(client: &Client) {
    devtools(
        client,
        "Page.addScriptToEvaluateOnNewDocument",
        json!({ "source": "requestAnimationFrame(() => { window.__firstFrame = {
            theme: document.documentElement.getAttribute('data-theme'),
            background: getComputedStyle(document.documentElement).backgroundColor }; });" }),
    )
    .await
    .unwrap_or_else(|error| panic!("adding the first-frame probe: {error}"));
}
