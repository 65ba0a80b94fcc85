//! Broken article files, served over the real build: each must end in the error state with a
//! Retry button (or not-found, or the article where the file is odd but readable), never in a
//! blank page or a panic. A panic would abort the wasm, so after every file the header's home
//! link must still navigate client-side.

use newsroom_e2e::console::browser_log;
use newsroom_e2e::fixtures::{valid_article, ContentDir};
use newsroom_e2e::*;
use serde_json::{json, Value};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Expect {
    /// `.load-failure` with role=alert and Retry; a console warning names the file and says
    /// what is wrong (the release build gives a position, not a field path, to stay small).
    Failure(&'static str),
    NotFound,
    /// The article renders with this title.
    Renders(&'static str),
}

struct Case {
    slug: &'static str,
    body: Vec<u8>,
    expect: Expect,
}

fn article_with(slug: &'static str, change: impl FnOnce(&mut Value)) -> Vec<u8> {
    let mut article = valid_article(slug, "A readable title");
    change(&mut article);
    serde_json::to_vec(&article).unwrap()
}

fn malformed() -> Vec<Case> {
    use Expect::Failure;
    let case = |slug, body: Vec<u8>, names| Case {
        slug,
        body,
        expect: Failure(names),
    };
    let valid = valid_article("x", "x").to_string();
    let mut ten_megabytes = br#"{"slug":"ten-megabytes","title":"Big","lede":""#.to_vec();
    ten_megabytes.resize(10 * 1024 * 1024, b'a');
    vec![
        case(
            "truncated",
            valid.as_bytes()[..valid.len() / 2].to_vec(),
            "",
        ),
        case("empty-file", Vec::new(), ""),
        case("only-whitespace", b" \n\t ".to_vec(), ""),
        case("json-null", b"null".to_vec(), ""),
        case("json-array", b"[1, 2, 3]".to_vec(), ""),
        case("json-number", b"42".to_vec(), ""),
        case("json-string", b"\"an article\"".to_vec(), ""),
        case("empty-object", b"{}".to_vec(), ""),
        case(
            "html-error-page",
            b"<!doctype html><html><body><h1>502 Bad Gateway</h1></body></html>".to_vec(),
            "",
        ),
        case(
            "title-is-number",
            article_with("title-is-number", |a| a["title"] = json!(7)),
            "invalid type: integer `7`, expected a string",
        ),
        case(
            "slug-is-array",
            article_with("slug-is-array", |a| a["slug"] = json!(["a"])),
            "invalid type: sequence, expected a string",
        ),
        case(
            "lede-is-object",
            article_with("lede-is-object", |a| a["lede"] = json!({ "text": "x" })),
            "invalid type: map, expected a string",
        ),
        case(
            "category-is-string",
            article_with("category-is-string", |a| a["category"] = json!("Insights")),
            "expected struct Category",
        ),
        case(
            "published-is-number",
            article_with("published-is-number", |a| a["published"] = json!(20240501)),
            "invalid type: integer `20240501`, expected a string",
        ),
        case(
            "label-is-null",
            article_with("label-is-null", |a| a["label"] = Value::Null),
            "invalid type: null, expected a string",
        ),
        case(
            "body-is-object",
            article_with("body-is-object", |a| {
                a["body"] = json!({ "type": "paragraph" })
            }),
            "invalid type: map, expected a sequence",
        ),
        case(
            "paragraph-text-is-number",
            article_with("paragraph-text-is-number", |a| {
                a["body"][0]["text"] = json!(1)
            }),
            "invalid type: integer `1`",
        ),
        case(
            "hero-is-string",
            article_with("hero-is-string", |a| a["hero"] = json!("/images/a.jpg")),
            "expected struct Image",
        ),
        case(
            "missing-title",
            article_with("missing-title", |a| {
                drop(a.as_object_mut().unwrap().remove("title"))
            }),
            "missing field `title`",
        ),
        case(
            "missing-body",
            article_with("missing-body", |a| {
                drop(a.as_object_mut().unwrap().remove("body"))
            }),
            "missing field `body`",
        ),
        case(
            "missing-category-name",
            article_with("missing-category-name", |a| {
                a["category"] = json!({ "slug": "insights" })
            }),
            "missing field `name`",
        ),
        case(
            "heading-level-seven",
            article_with("heading-level-seven", |a| {
                a["body"] = json!([{ "type": "heading", "level": 7, "text": "Too deep" }])
            }),
            "heading level must be 2 or 3",
        ),
        case(
            "negative-image-width",
            article_with("negative-image-width", |a| {
                a["hero"] = json!({ "src": "/a.jpg", "alt": "A", "width": -640, "height": 360 })
            }),
            "invalid value: integer `-640`",
        ),
        case(
            "duplicate-title",
            br#"{"slug":"duplicate-title","title":"One","title":"Two"}"#.to_vec(),
            "duplicate field",
        ),
        case(
            "invalid-utf8-between-tokens",
            b"{\"slug\": \xff\xfe, \"title\": \"x\"}".to_vec(),
            "",
        ),
        case("deeply-nested", "[".repeat(100_000).into_bytes(), ""),
        case(
            "deeply-nested-body",
            format!(
                r#"{{"slug":"deeply-nested-body","body":{}"#,
                "[".repeat(100_000)
            )
            .into_bytes(),
            "",
        ),
        case("ten-megabytes", ten_megabytes, ""),
    ]
}

fn readable_or_missing() -> Vec<Case> {
    use Expect::{NotFound, Renders};
    let mut bom = "\u{FEFF}".as_bytes().to_vec();
    bom.extend(article_with("bom-prefixed", |a| {
        a["title"] = json!("Starts with a BOM")
    }));
    let mut bad_bytes = article_with("invalid-utf8-in-text", |a| {
        a["title"] = json!("Bad @@ bytes")
    });
    let at = bad_bytes.windows(2).position(|w| w == b"@@").unwrap();
    bad_bytes.splice(at..at + 2, [0xff, 0xfe]);
    let case = |slug, body, expect| Case { slug, body, expect };
    let future_block = article_with("unknown-block-type", |a| {
        a["title"] = json!("Has a block from the future");
        a["body"] = json!([
            { "type": "hologram", "src": "/x.holo" },
            { "type": "paragraph", "text": "Still readable." }
        ]);
    });
    let huge = article_with("huge-string", |a| {
        a["title"] = json!("A very long lede");
        a["lede"] = json!("word ".repeat(200_000));
    });
    vec![
        case(
            "unknown-block-type",
            future_block,
            Renders("Has a block from the future"),
        ),
        // Fetch's text() drops a UTF-8 byte order mark, as JSON parsers may.
        case("bom-prefixed", bom, Renders("Starts with a BOM")),
        // Decoding replaces the bytes with U+FFFD: the text survives, marked.
        case(
            "invalid-utf8-in-text",
            bad_bytes,
            Renders("Bad \u{FFFD}\u{FFFD} bytes"),
        ),
        case("huge-string", huge, Renders("A very long lede")),
        case("not-in-any-folder", Vec::new(), NotFound),
        case("Not_A_Slug", Vec::new(), NotFound),
    ]
}

/// Checks one file; returns what the console failed to say, so one run reports every gap.
async fn check(browser: &Browser, case: &Case) -> Option<String> {
    browser.open(&format!("/articles/{}", case.slug)).await;
    let slug = case.slug;
    let mut unsaid = None;
    match case.expect {
        Expect::Failure(names) => {
            find(&browser.client, ".load-failure[role='alert']").await;
            let retry = text_of(&browser.client, ".load-failure button").await;
            assert_eq!(retry, "Retry", "{slug}");
            let file = format!("articles/{slug}.json");
            let log = browser_log(&browser.client).await;
            let said = |needle: &str| log.iter().any(|entry| entry.message.contains(needle));
            if !said(&file) || !said(names) {
                unsaid = Some(format!("{slug}: wanted {file} and {names:?} in {log:#?}"));
            }
        }
        Expect::NotFound => {
            find(&browser.client, ".not-found").await;
        }
        Expect::Renders(title) => {
            eventually(&format!("{slug} to render"), PATIENCE, || async {
                (text_of(&browser.client, ".article__title").await == title).then_some(())
            })
            .await;
        }
    }
    let main = script(
        &browser.client,
        "return document.querySelector('main').textContent.trim()",
    )
    .await;
    assert!(
        !main.as_str().unwrap_or_default().is_empty(),
        "{slug}: blank <main>"
    );
    // A panic would have aborted the app: the header link would then load nothing.
    script(&browser.client, "window.__sameDocument = true; return null").await;
    find(&browser.client, ".site-header__home")
        .await
        .click()
        .await
        .unwrap();
    find(&browser.client, ".listing .card").await;
    let same = script(&browser.client, "return window.__sameDocument === true").await;
    assert_eq!(
        same,
        Value::Bool(true),
        "{slug}: the app still navigates client-side"
    );
    unsaid
}

async fn run(cases: Vec<Case>) {
    let content = ContentDir::new();
    for case in cases
        .iter()
        .filter(|case| !case.body.is_empty() || case.slug == "empty-file")
    {
        content.write(&format!("articles/{}.json", case.slug), &case.body);
    }
    let browser = Browser::start_with_content(&content).await;
    let mut unsaid = Vec::new();
    for case in &cases {
        unsaid.extend(check(&browser, case).await);
    }
    browser.close().await;
    assert!(unsaid.is_empty(), "console gaps:\n{}", unsaid.join("\n"));
}

#[tokio::test]
async fn malformed_article_files_show_the_error_state_and_the_app_survives() {
    let cases = malformed();
    assert!(cases.len() >= 20, "{} broken files", cases.len());
    run(cases).await;
}

#[tokio::test]
async fn odd_but_readable_files_render_and_missing_ones_are_not_found() {
    run(readable_or_missing()).await;
}
