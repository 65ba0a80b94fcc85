//! Listing files against the articles.

use super::{article, Scratch};
use serde_json::json;
use std::fs;

#[test]
fn missing_and_stale_listing_files_are_reported() {
    let scratch = Scratch::with_articles(&[article("a")]);
    fs::remove_file(scratch.path().join("categories/news/1.json")).unwrap();
    scratch.write_json("categories/gone/1.json", &scratch.read_json("pages/1.json"));
    scratch.write_json("pages/2.json", &scratch.read_json("pages/1.json"));
    let lines = scratch.report_lines();
    assert_eq!(
        lines,
        [
            "categories/gone/1.json: .: stale: the articles make no such listing; run `cargo \
             xtask content-index`",
            "categories/news/1.json: .: missing: run `cargo xtask content-index`",
            "pages/2.json: .: stale: the articles make no such listing; run `cargo xtask \
             content-index`",
        ]
    );
}

#[test]
fn a_card_that_differs_from_its_article_names_the_field() {
    let mut hero = article("b");
    hero["hero"] = json!({"src": "/b.jpg", "alt": "B", "width": 2, "height": 1});
    let scratch = Scratch::with_articles(&[article("a"), hero]);
    let mut page = scratch.read_json("pages/1.json");
    page["articles"][0]["title"] = json!("Edited by hand");
    page["articles"][0]["category"]["name"] = json!("Renamed");
    page["articles"][1]["image"] = json!(null);
    scratch.write_json("pages/1.json", &page);
    let lines = scratch.report_lines();
    assert_eq!(
        lines,
        [
            "pages/1.json: articles[0].title: does not match articles/a.json",
            "pages/1.json: articles[0].category: does not match articles/a.json",
            "pages/1.json: articles[1].image: does not match the hero of articles/b.json",
        ]
    );
}

#[test]
fn counts_category_and_card_order_are_compared() {
    let scratch = Scratch::with_articles(&[article("a"), article("b")]);
    let mut page = scratch.read_json("categories/news/1.json");
    page["total_articles"] = json!(3);
    page["category"]["slug"] = json!("other");
    let cards = page["articles"].as_array_mut().unwrap();
    cards.reverse();
    scratch.write_json("categories/news/1.json", &page);
    let mut home = scratch.read_json("pages/1.json");
    home["articles"].as_array_mut().unwrap().pop();
    home["articles"]
        .as_array_mut()
        .unwrap()
        .push(json!({"slug": "z", "title": "Z", "lede": "Z", "label": "Z",
            "published": "2024-01-01", "category": {"slug": "news", "name": "News"}}));
    scratch.write_json("pages/1.json", &home);
    let lines = scratch.report_lines();
    let run = "run `cargo xtask content-index`";
    assert_eq!(
        lines,
        [
            format!("categories/news/1.json: total_articles: is 3, but the articles make 2; {run}"),
            format!(
                "categories/news/1.json: category: does not match the articles, which make \
                 {{\"slug\":\"news\",\"name\":\"News\"}}; {run}"
            ),
            format!(
                "categories/news/1.json: articles: the cards are not in order (newest first, \
                 then by slug); {run}"
            ),
            format!("pages/1.json: articles: lacks \"b\"; should not list \"z\"; {run}"),
        ]
    );
}

#[test]
fn with_a_broken_article_cards_are_still_compared_one_by_one() {
    let scratch = Scratch::with_articles(&[article("a"), article("b")]);
    scratch.write("articles/b.json", b"{\"slug\": \"b\"");
    let mut home = scratch.read_json("pages/1.json");
    home["articles"][1]["lede"] = json!("Changed.");
    home["articles"][1]["slug"] = json!("a");
    home["articles"][0]["slug"] = json!("gone");
    scratch.write_json("pages/1.json", &home);
    // No "missing" or "stale" listings: which listings should exist is unknown until every
    // article loads. The broken article's own card is skipped.
    scratch.write_json("categories/ghost/1.json", &home);
    let lines = scratch.report_lines();
    assert_eq!(lines.len(), 5, "{lines:#?}");
    assert!(lines[0].starts_with("articles/b.json: .: EOF while parsing"));
    assert_eq!(
        lines[1..],
        [
            "categories/ghost/1.json: articles[0].slug: no article \"gone\": \
             articles/gone.json does not exist",
            "categories/ghost/1.json: articles[1].lede: does not match articles/a.json",
            "pages/1.json: articles[0].slug: no article \"gone\": articles/gone.json does not \
             exist",
            "pages/1.json: articles[1].lede: does not match articles/a.json",
        ]
    );
}
