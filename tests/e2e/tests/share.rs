//! Sharing the seed article: plain links carrying its canonical address and title, with and
//! without JavaScript, and the Copy link button writing the address and saying so.

use newsroom_e2e::readers::{clipboard_text, grant_clipboard};
use newsroom_e2e::seed::{SEED_SLUG, SEED_TITLE};
use newsroom_e2e::*;
use serde_json::Value;

/// The canonical address the page declares in its head: the share links must carry it.
fn canonical() -> String {
    format!("https://newsroom.example.org/articles/{SEED_SLUG}")
}

/// Each share link's name with the URL and title it carries, decoded by the browser.
async fn decoded_links(client: &fantoccini::Client) -> Value {
    script(
        client,
        "return [...document.querySelectorAll('.share__link')].map(a => {
           const href = a.getAttribute('href');
           const query = new URLSearchParams(href.slice(href.indexOf('?') + 1));
           return { name: a.textContent.trim(), host: href.split('?')[0],
             url: query.get('u') || query.get('url') || query.get('body') || query.get('text'),
             title: query.get('subject') || (query.has('url') ? query.get('text') : null),
             raw: href };
         })",
    )
    .await
}

fn assert_links_carry_the_article(links: &Value) {
    let links = links.as_array().expect("a list");
    let names: Vec<&str> = links.iter().map(|l| l["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["Facebook", "X", "LinkedIn", "WhatsApp", "Email"]);
    let whatsapp = format!("{SEED_TITLE} {}", canonical());
    for link in links {
        let url = link["url"].as_str().unwrap_or_default();
        match link["name"].as_str().unwrap() {
            "WhatsApp" => assert_eq!(url, whatsapp),
            _ => assert_eq!(url, canonical(), "{link}"),
        }
        let raw = link["raw"].as_str().unwrap();
        assert!(
            !raw.contains(' ') && !raw.contains("://newsroom"),
            "encoded: {raw}"
        );
    }
    for name in ["X", "Email"] {
        let link = links.iter().find(|l| l["name"] == name).unwrap();
        assert_eq!(link["title"], SEED_TITLE, "{link}");
    }
    let hosts: Vec<&str> = links.iter().map(|l| l["host"].as_str().unwrap()).collect();
    assert_eq!(
        hosts,
        [
            "https://www.facebook.com/sharer/sharer.php",
            "https://x.com/intent/post",
            "https://www.linkedin.com/sharing/share-offsite/",
            "https://wa.me/",
            "mailto:"
        ]
    );
}

#[tokio::test]
async fn share_links_carry_the_canonical_address_and_title() {
    let browser = Browser::start(1280, 900).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    find(&browser.client, ".share__link").await;
    let declared = script(
        &browser.client,
        "const link = document.querySelector('link[rel=canonical]');
         return link ? link.getAttribute('href') : null",
    )
    .await;
    assert_eq!(
        declared,
        Value::String(canonical()),
        "the page's canonical address"
    );
    assert_links_carry_the_article(&decoded_links(&browser.client).await);
    browser.close().await;
}

#[tokio::test]
async fn without_javascript_the_links_are_there_and_the_buttons_are_not() {
    let browser = Browser::start_without_javascript(1280, 900).await;
    browser
        .client
        .goto(&browser.server.url(&format!("/articles/{SEED_SLUG}")))
        .await
        .expect("navigation");
    find(&browser.client, ".share__link").await;
    for button in find_all(&browser.client, ".share__button").await {
        assert!(
            !button.is_displayed().await.unwrap(),
            "a button that needs script"
        );
    }
    let links = find_all(&browser.client, ".share__link").await;
    assert_eq!(links.len(), 5);
    let facebook = links[0].attr("href").await.unwrap().unwrap_or_default();
    assert!(facebook.ends_with(&format!(
        "u=https%3A%2F%2Fnewsroom.example.org%2Farticles%2F{SEED_SLUG}"
    )));
    browser.close().await;
}

#[tokio::test]
async fn copy_link_puts_the_address_on_the_clipboard_and_announces_it() {
    let browser = Browser::start(1280, 900).await;
    grant_clipboard(&browser.client, &browser.server.origin).await;
    browser.open(&format!("/articles/{SEED_SLUG}")).await;
    let status = find(&browser.client, ".share [role=status]").await;
    assert_eq!(
        status.text().await.unwrap(),
        "",
        "the live region starts empty"
    );
    let copy = eventually("the Copy link button", PATIENCE, || async {
        for button in find_all(&browser.client, ".share__button").await {
            if button.text().await.ok()? == "Copy link" {
                return Some(button);
            }
        }
        None
    })
    .await;
    copy.click().await.expect("click Copy link");
    eventually("the announcement", PATIENCE, || async {
        let text = status.text().await.ok()?;
        (text == "Link copied to the clipboard.").then_some(())
    })
    .await;
    assert_eq!(clipboard_text(&browser.client).await, canonical());
    browser.close().await;
}
