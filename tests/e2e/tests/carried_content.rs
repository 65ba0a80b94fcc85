//! A prerendered page carries the content files it was rendered from, for the app to start
//! from without a request. Those files are the editors' text, so here every field holds a
//! payload that would close the element (`</script>`, `<!--`) or run as script: the build must
//! still prerender the page, the carried elements must come out of the HTML parser as the same
//! files, and nothing may run, before or after the takeover.

use newsroom_e2e::fixtures::hostile::{self, assert_nothing_ran, text_content};
use newsroom_e2e::fixtures::ContentDir;
use newsroom_e2e::*;
use serde_json::{json, Value};
use std::collections::BTreeSet;

/// The served page parsed by the browser's own HTML parser (`DOMParser` runs no script):
/// each `<script>` as [type, data-content-path, text], every event-handler attribute, and the
/// prerendered heading.
const PARSE_PAGE: &str = "
    const page = new DOMParser().parseFromString(arguments[0], 'text/html');
    return {
        scripts: [...page.querySelectorAll('script')].map(s =>
            [s.getAttribute('type') ?? '', s.getAttribute('data-content-path') ?? '', s.textContent]),
        handlers: [...page.querySelectorAll('*')].flatMap(e =>
            [...e.attributes].filter(a => a.name.startsWith('on')).map(a => e.tagName + ' ' + a.name)),
        heading: page.querySelector('#prerendered h1')?.textContent ?? null,
    }";

fn content_file(content: &ContentDir, path: &str) -> Value {
    let text = std::fs::read_to_string(content.path().join(path)).expect("a content file");
    serde_json::from_str(&text).expect("JSON")
}

#[tokio::test]
async fn hostile_text_in_the_carried_content_stays_data() {
    let content = ContentDir::new();
    let placed = hostile::write_site(&content);
    // A build writes the feed and sitemap too, which need the site's address.
    let mut site = content_file(&content, "site.json");
    site["base_url"] = json!("https://newsroom.example.org");
    content.write_json("site.json", &site);
    let server = Server::start_prerendered_from(content.path());
    let path = format!("/articles/{}", hostile::ARTICLE_SLUG);
    let (status, html) = server.request("GET", &path, "");
    assert_eq!(status, 200, "the hostile article was prerendered");

    let browser = Browser::start_on(server, 1280, 900).await;
    browser.open("/not-a-page").await;
    let parsed = browser
        .client
        .execute(PARSE_PAGE, vec![json!(html)])
        .await
        .expect("the page parses");
    assert_eq!(
        parsed["handlers"],
        json!([]),
        "no event handler in the markup"
    );
    assert_eq!(
        parsed["heading"],
        json!(placed.title),
        "the heading is the title, as text"
    );

    let scripts: Vec<(String, String, String)> =
        serde_json::from_value(parsed["scripts"].clone()).expect("scripts");
    let mut carried = BTreeSet::new();
    let mut headlines = Vec::new();
    for (kind, carried_path, text) in &scripts {
        match kind.as_str() {
            "application/json" => {
                let data: Value = serde_json::from_str(text).unwrap_or_else(|error| {
                    panic!("{carried_path} does not parse back: {error}\n{text}")
                });
                if carried_path == "site.json" || carried_path.starts_with("articles/") {
                    assert_eq!(data, content_file(&content, carried_path), "{carried_path}");
                } else {
                    let titles = data["articles"].as_array().expect("a listing page");
                    assert_eq!(titles[0]["title"], json!(placed.title), "{carried_path}");
                }
                carried.insert(carried_path.clone());
            }
            "application/ld+json" => {
                let data: Value = serde_json::from_str(text).expect("JSON-LD parses back");
                headlines.extend(data["headline"].as_str().map(str::to_string));
            }
            // The loader and the theme script: the page's own code, with no content in it.
            _ => assert!(
                !text.contains("__xss") && !text.contains("alert("),
                "content became script: <script type={kind:?}>{text}</script>"
            ),
        }
    }
    let expected: BTreeSet<String> = [
        "site.json".to_string(),
        format!("articles/{}.json", hostile::ARTICLE_SLUG),
        "pages/1.json".to_string(),
        format!("categories/{}/1.json", hostile::CATEGORY_SLUG),
    ]
    .into();
    assert_eq!(carried, expected, "one element for each file, each whole");
    assert_eq!(
        headlines,
        [placed.title],
        "the structured data names the article"
    );

    // The app starts from those elements: nothing runs, and it asks for no content.
    browser.open(&path).await;
    wait_for_takeover(&browser.client, PATIENCE).await;
    assert_nothing_ran(&browser, "the takeover").await;
    assert_eq!(text_content(&browser, "h1").await, placed.title);
    assert_eq!(text_content(&browser, ".article__lede").await, placed.lede);
    assert_eq!(
        content_requests(&browser.client).await,
        Vec::<String>::new(),
        "the page carried its content"
    );
    browser.close().await;
}
