//! The release build's Content-Security-Policy: present, strict, and never in the app's way.
//!
//! WebDriver cannot run a script before a page's own, so violations are watched two ways:
//! Chromium's console (read through ChromeDriver's log endpoint) reports every violation, the
//! first load's included, and a `securitypolicyviolation` listener installed after the first
//! load collects those of client-side navigation. That the app renders at all shows the
//! policy allows Trunk's inline loader, the only inline script.

use newsroom_e2e::console::{browser_log, csp_violations};
use newsroom_e2e::*;
use serde_json::Value;

const SEED: &str = "/articles/us-and-philippines-conclude-child-protection-compact-partnership";
const MARKER: &str = "<meta http-equiv=\"Content-Security-Policy\" content=\"";

fn served_policy(server: &Server) -> (String, String) {
    let (status, html) = server.request("GET", "/", "");
    assert_eq!(status, 200);
    let start = html
        .find(MARKER)
        .unwrap_or_else(|| panic!("no CSP meta in index.html (build with `cargo xtask test`)"));
    let policy = &html[start + MARKER.len()..];
    let policy = policy[..policy.find('"').expect("a closed attribute")].to_string();
    (html, policy)
}

#[test]
fn index_html_carries_a_strict_policy_before_any_script() {
    let server = Server::start();
    let (html, policy) = served_policy(&server);
    let directive = |name: &str| {
        policy
            .split(';')
            .map(str::trim)
            .find(|d| d.starts_with(&format!("{name} ")))
            .unwrap_or_else(|| panic!("no {name} in {policy}"))
            .to_string()
    };
    let scripts = directive("script-src");
    assert!(scripts.starts_with("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
    assert!(!policy.contains("'unsafe-inline'"), "{policy}");
    assert!(!policy.contains("'unsafe-eval'"), "{policy}");
    assert_eq!(directive("object-src"), "object-src 'none'");
    assert_eq!(directive("base-uri"), "base-uri 'self'");
    assert_eq!(directive("form-action"), "form-action 'self'");
    // The build's one inline stylesheet, by its hash (so no other inline style is allowed).
    let styles = directive("style-src");
    assert!(styles.starts_with("style-src 'self' 'sha256-"), "{styles}");
    assert_eq!(styles.matches("'sha256-").count(), 1, "{styles}");
    assert_eq!(directive("img-src"), "img-src 'self' https:");
    assert!(directive("connect-src").starts_with("connect-src 'self'"));
    let meta_at = html.find(MARKER).unwrap();
    for first in ["<script", "<link", "<style"] {
        if let Some(at) = html.find(first) {
            assert!(
                meta_at < at,
                "the policy must come before the first {first}"
            );
        }
    }
}

async fn click(browser: &Browser, css: &str) {
    find(&browser.client, css).await.click().await.unwrap();
}

async fn follow_link_to(browser: &Browser, path: &str) {
    let source = format!(
        "const a = document.createElement('a'); a.href = '{path}';
         document.body.append(a); a.click(); a.remove(); return null"
    );
    script(&browser.client, &source).await;
}

async fn assert_console_clean(browser: &Browser, when: &str) {
    let log = browser_log(&browser.client).await;
    let violations = csp_violations(&log);
    assert!(violations.is_empty(), "{when}: {violations:#?}");
}

#[tokio::test]
async fn no_page_or_action_violates_the_policy_and_the_policy_is_enforced() {
    let browser = Browser::start(1280, 900).await;
    served_policy(&browser.server);
    browser.open(SEED).await;
    find(&browser.client, ".read-more .card").await;
    assert_console_clean(&browser, "first load of an article").await;

    browser.open("/").await;
    find(&browser.client, ".listing .card").await;
    assert_console_clean(&browser, "first load of the home page").await;
    script(
        &browser.client,
        "window.__sameDocument = true; window.__cspViolations = [];
         document.addEventListener('securitypolicyviolation',
             e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
         return null",
    )
    .await;

    click(&browser, ".listing .card__link").await;
    find(&browser.client, ".article__title").await;
    click(&browser, ".article .tag").await;
    find(&browser.client, ".listing .card").await;
    // An app address that names no page (an address the app does not own would be a page load).
    follow_link_to(&browser, "/page/0").await;
    find(&browser.client, ".not-found").await;
    follow_link_to(&browser, SEED).await;
    find(&browser.client, ".article-body figure img").await;
    let field = find(&browser.client, "#newsletter-email").await;
    field.send_keys("csp@example.org").await.unwrap();
    click(&browser, ".newsletter__button").await;
    wait_for_text(&browser.client, "Check your inbox").await;

    let seen = script(&browser.client, "return window.__cspViolations").await;
    assert_eq!(seen, Value::Array(vec![]), "violations while browsing");
    assert_console_clean(&browser, "browsing").await;
    let same = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(same, Value::Bool(true), "all of it client-side");

    // The control: an inline script the policy does not list must be refused and reported.
    script(
        &browser.client,
        "const s = document.createElement('script'); s.textContent = 'window.__inline = 1';
         document.body.append(s); return null",
    )
    .await;
    let ran = script(&browser.client, "return typeof window.__inline").await;
    assert_eq!(ran, "undefined", "the policy is enforced");
    let seen = eventually("the refused script's report", PATIENCE, || async {
        let seen = script(&browser.client, "return window.__cspViolations").await;
        seen.as_array().filter(|list| !list.is_empty()).cloned()
    })
    .await;
    assert!(seen[0]
        .as_str()
        .unwrap_or_default()
        .starts_with("script-src"));
    browser.close().await;
}

/// Nothing but the page itself before the first paint: the stylesheets are inline in the
/// served page (one `<style>`, no stylesheet link), and the app's JS and wasm are preloaded at
/// low priority, so they do not compete with the page's first image.
#[test]
fn the_page_needs_no_other_file_to_paint() {
    let server = Server::start();
    for path in ["/", SEED] {
        let (status, html) = server.request("GET", path, "");
        assert_eq!(status, 200, "{path}");
        let (mut styles, mut stylesheet_links, mut preloads) = (0, 0, Vec::new());
        let settings = lol_html::RewriteStrSettings::new()
            .append_element_content_handler(lol_html::element!("style", |_| {
                styles += 1;
                Ok(())
            }))
            .append_element_content_handler(lol_html::element!("link[rel~=stylesheet]", |_| {
                stylesheet_links += 1;
                Ok(())
            }))
            .append_element_content_handler(lol_html::element!(
                "link[rel=preload], link[rel=modulepreload]",
                |link| {
                    preloads.push(link.get_attribute("fetchpriority"));
                    Ok(())
                }
            ));
        lol_html::rewrite_str(&html, settings).expect("the page parses");
        assert_eq!(styles, 1, "one inline stylesheet in {path}");
        assert_eq!(stylesheet_links, 0, "no stylesheet link in {path}");
        assert_eq!(
            preloads,
            [Some("low".to_string()), Some("low".to_string())],
            "the JS and wasm preloads of {path}, at low priority"
        );
    }
}
