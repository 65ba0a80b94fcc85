//! Accessibility probes: axe-core's rule checks, the heading outline, keyboard focus and layout
//! overflow, each read from the live page in the browser rather than from source.

use crate::devtools::devtools;
use crate::page::{eventually, script, PATIENCE};
use crate::Browser;
use fantoccini::actions::{InputSource, KeyAction, KeyActions};
use fantoccini::key::Key;
use fantoccini::Client;
use serde_json::Value;
use std::path::PathBuf;
use std::sync::OnceLock;

/// The rule sets the pages are held to: WCAG 2.0 to 2.2 at levels A and AA, and axe's best
/// practices (landmarks, one h1, heading order, skip-link target, ...).
const AXE_TAGS: &str = "['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']";

/// axe-core's browser build, read once per test binary.
fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let path = std::env::var_os("AXE_CORE_JS")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                    .join("../../.tools/node_modules/axe-core/axe.min.js")
            });
        std::fs::read_to_string(&path).unwrap_or_else(|error| {
            panic!(
                "cannot read axe-core at {} ({error}); `cargo xtask test` installs it, or run \
                 `npm install --prefix .tools axe-core@4`",
                path.display()
            )
        })
    })
}

/// Runs axe-core on the whole document and returns its violations, one line per failing node:
/// "rule-id (impact): help — target".
pub async fn axe_violations(client: &Client) -> Vec<String> {
    let loaded = script(client, "return typeof window.axe === 'object'").await;
    if loaded != Value::Bool(true) {
        client
            .execute(axe_source(), vec![])
            .await
            .unwrap_or_else(|error| panic!("injecting axe-core failed: {error}"));
    }
    let run = format!(
        "const done = arguments[arguments.length - 1];
         axe.run(document, {{ runOnly: {{ type: 'tag', values: {AXE_TAGS} }} }})
           .then(result => done(result.violations.flatMap(v => v.nodes.map(n =>
               `${{v.id}} (${{v.impact}}): ${{v.help}} — ${{n.target.join(' ')}}`))))
           .catch(error => done([`axe failed: ${{error}}`]));"
    );
    let result = client
        .execute_async(&run, vec![])
        .await
        .unwrap_or_else(|error| panic!("running axe-core failed: {error}"));
    serde_json::from_value(result).expect("axe returns a list of strings")
}

/// Fails the test with every violation axe found, naming the page state it was run on.
pub async fn assert_axe_clean(client: &Client, state: &str) {
    let violations = axe_violations(client).await;
    assert!(
        violations.is_empty(),
        "axe-core found {} violation(s) on {state}:\n  {}",
        violations.len(),
        violations.join("\n  ")
    );
}

/// The headings a screen reader lists, in document order, as (level, text). Visually hidden
/// headings count; headings inside `aria-hidden` or `display: none` do not.
pub async fn heading_outline(client: &Client) -> Vec<(u8, String)> {
    let headings = script(
        client,
        "return [...document.querySelectorAll('h1, h2, h3, h4, h5, h6')]
           .filter(h => !h.closest('[aria-hidden=\"true\"]') && h.getClientRects().length > 0)
           .map(h => [Number(h.tagName[1]), h.textContent.trim()])",
    )
    .await;
    serde_json::from_value(headings).expect("a list of [level, text]")
}

/// One h1, first; no level skipped on the way down (h2 to h4 would be a gap; h3 back to h2 is
/// fine).
pub async fn assert_heading_outline(client: &Client, state: &str) {
    let outline = heading_outline(client).await;
    let problem = outline_problem(&outline);
    assert!(
        problem.is_none(),
        "heading outline of {state}: {}\n{outline:#?}",
        problem.unwrap_or_default()
    );
}

fn outline_problem(outline: &[(u8, String)]) -> Option<String> {
    let h1s = outline.iter().filter(|(level, _)| *level == 1).count();
    if h1s != 1 {
        return Some(format!("{h1s} h1 elements, expected exactly one"));
    }
    if outline.first().map(|(level, _)| *level) != Some(1) {
        return Some("the first heading is not the h1".to_string());
    }
    outline.windows(2).find_map(|pair| {
        let ((above, _), (level, text)) = (&pair[0], &pair[1]);
        (*level > above + 1).then(|| format!("h{level} {text:?} follows an h{above}"))
    })
}

/// Presses and releases one key on whatever has focus, as a keyboard would.
pub async fn press(client: &Client, key: Key) {
    let key: char = key.into();
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: key })
        .then(KeyAction::Up { value: key });
    client
        .perform_actions(actions)
        .await
        .unwrap_or_else(|error| panic!("pressing a key failed: {error}"));
}

/// Shift+Tab: focus moves backwards.
pub async fn press_shift_tab(client: &Client) {
    let shift: char = Key::Shift.into();
    let tab: char = Key::Tab.into();
    let actions = KeyActions::new("keyboard".to_string())
        .then(KeyAction::Down { value: shift })
        .then(KeyAction::Down { value: tab })
        .then(KeyAction::Up { value: tab })
        .then(KeyAction::Up { value: shift });
    client
        .perform_actions(actions)
        .await
        .unwrap_or_else(|error| panic!("pressing Shift+Tab failed: {error}"));
}

/// The focused element, described well enough to tell stops apart in an assertion message:
/// `tag#id.class "text" [href]`.
pub async fn focused(client: &Client) -> String {
    let description = script(
        client,
        "const e = document.activeElement;
         if (!e || e === document.body) return 'body';
         const id = e.id ? '#' + e.id : '';
         const cls = typeof e.className === 'string' && e.className
           ? '.' + e.className.trim().split(/\\s+/).join('.') : '';
         const text = (e.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60);
         const href = e.getAttribute('href') ? ' [' + e.getAttribute('href') + ']' : '';
         return `${e.tagName.toLowerCase()}${id}${cls} \"${text}\"${href}`;",
    )
    .await;
    description.as_str().unwrap_or_default().to_string()
}

/// Waits until the focused element matches `css` (focus moves after rendering, in an effect).
pub async fn wait_for_focus(client: &Client, css: &str) {
    let check = format!(
        "return document.activeElement !== null && document.activeElement.matches({})",
        Value::String(css.to_string())
    );
    eventually(&format!("focus on {css}"), PATIENCE, || async {
        (script(client, &check).await == Value::Bool(true)).then_some(())
    })
    .await;
}

/// Chromium's narrowest window, headless or not.
const MIN_WINDOW_WIDTH: u32 = 500;

/// Lays pages out as in a viewport `width` CSS px wide. Chromium will not make a window
/// narrower than 500 px, yet phones go down to 320 (WCAG's reflow width), so narrow widths are
/// emulated the way DevTools' device mode does it. Holds for later navigations in the tab.
pub async fn emulate_viewport(client: &Client, width: u32, height: u32) {
    devtools(
        client,
        "Emulation.setDeviceMetricsOverride",
        serde_json::json!({ "width": width, "height": height, "deviceScaleFactor": 1, "mobile": false }),
    )
    .await
        .unwrap_or_else(|error| panic!("emulating a {width} px viewport: {error}"));
}

/// A browser whose viewport is `width` CSS px wide, also below Chromium's narrowest window.
pub async fn browser_at(width: u32, height: u32) -> Browser {
    let browser = Browser::start(width.max(MIN_WINDOW_WIDTH), height).await;
    if width < MIN_WINDOW_WIDTH {
        emulate_viewport(&browser.client, width, height).await;
    }
    browser
}

/// (document width, viewport width) in CSS pixels: wider content means a sideways scrollbar.
pub async fn page_and_viewport_width(client: &Client) -> (u64, u64) {
    let widths = script(
        client,
        "return [document.documentElement.scrollWidth, window.innerWidth]",
    )
    .await;
    let widths: Vec<u64> = serde_json::from_value(widths).expect("two numbers");
    (widths[0], widths[1])
}

#[cfg(test)]
mod tests {
    use super::outline_problem;

    fn outline(levels: &[u8]) -> Vec<(u8, String)> {
        levels.iter().map(|&l| (l, format!("h{l}"))).collect()
    }

    #[test]
    fn outlines_need_one_leading_h1_and_no_skipped_levels() {
        assert_eq!(outline_problem(&outline(&[1, 2, 3, 3, 2, 2])), None);
        assert!(outline_problem(&outline(&[2, 1])).is_some());
        assert!(outline_problem(&outline(&[1, 1])).is_some());
        assert!(outline_problem(&outline(&[1, 3])).is_some());
        assert!(outline_problem(&outline(&[])).is_some());
    }
}
