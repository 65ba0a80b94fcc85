use super::*;
use crate::fixtures::{self, summary};

const CURRENT: &str = "current-article";
const TOPIC: &str = "Topic";
const TOPIC_SLUG: &str = "topic";

fn card(slug: &str, category_name: &str, published: &str) -> ArticleSummary {
    summary(slug, slug, category_name, published, "A lede.")
}

fn slugs(cards: &[ArticleSummary]) -> Vec<&str> {
    cards.iter().map(|card| card.slug.as_str()).collect()
}

/// Seventeen articles from another category, one a day from 2025-01-01, the newest last.
fn newer_others() -> Vec<ArticleSummary> {
    (1..=17)
        .map(|day| {
            card(
                &format!("other-{day:02}"),
                "Elsewhere",
                &format!("2025-01-{day:02}"),
            )
        })
        .collect()
}

fn older_same_category() -> Vec<ArticleSummary> {
    ["2020-03-01", "2020-02-01", "2020-01-01"]
        .iter()
        .enumerate()
        .map(|(index, date)| card(&format!("same-{index}"), TOPIC, date))
        .collect()
}

#[test]
fn the_current_article_is_never_included() {
    let current = card(CURRENT, TOPIC, "2025-06-01");
    let same = vec![current.clone(), card("a", TOPIC, "2025-01-01")];
    let recent = vec![current, card("b", "Elsewhere", "2025-02-01")];
    let chosen = select_related(CURRENT, TOPIC_SLUG, &same, &recent, 10);
    assert_eq!(slugs(&chosen), ["b", "a"]);
}

#[test]
fn same_category_articles_win_over_newer_ones_from_elsewhere() {
    let same = older_same_category();
    let mut recent = newer_others();
    recent.reverse();
    let chosen = select_related(CURRENT, TOPIC_SLUG, &same, &recent, 9);
    assert_eq!(
        slugs(&chosen),
        [
            "other-17", "other-16", "other-15", "other-14", "other-13", "other-12", "same-0",
            "same-1", "same-2"
        ]
    );
}

#[test]
fn same_category_fills_every_place_when_it_has_enough() {
    let same: Vec<_> = (1..=12)
        .map(|n| card(&format!("s{n:02}"), TOPIC, "2019-01-01"))
        .collect();
    let chosen = select_related(CURRENT, TOPIC_SLUG, &same, &newer_others(), 9);
    assert_eq!(chosen.len(), 9);
    assert!(chosen.iter().all(|card| card.category.slug == TOPIC_SLUG));
    assert_eq!(chosen[0].slug, "s01", "equal dates fall back to slug order");
}

#[test]
fn recent_articles_of_the_same_category_count_as_same_category() {
    let mut recent = newer_others();
    recent.push(card("topic-in-recent", TOPIC, "2010-01-01"));
    let chosen = select_related(CURRENT, TOPIC_SLUG, &[], &recent, 3);
    assert_eq!(slugs(&chosen), ["other-17", "other-16", "topic-in-recent"]);
}

#[test]
fn an_article_in_both_listings_appears_once() {
    let shared = card("shared", TOPIC, "2025-05-01");
    let same = vec![
        shared.clone(),
        shared.clone(),
        card("a", TOPIC, "2025-04-01"),
    ];
    let recent = vec![
        shared,
        card("b", "Elsewhere", "2025-03-01"),
        card("a", TOPIC, "2025-04-01"),
    ];
    let chosen = select_related(CURRENT, TOPIC_SLUG, &same, &recent, 10);
    assert_eq!(slugs(&chosen), ["shared", "a", "b"]);
}

#[test]
fn fewer_candidates_than_places_returns_them_all() {
    let recent = vec![card("only", "Elsewhere", "2025-01-01")];
    assert_eq!(
        slugs(&select_related(CURRENT, TOPIC_SLUG, &[], &recent, 9)),
        ["only"]
    );
    assert!(select_related(CURRENT, TOPIC_SLUG, &[], &[], 9).is_empty());
    assert!(select_related(
        CURRENT,
        TOPIC_SLUG,
        &older_same_category(),
        &newer_others(),
        0
    )
    .is_empty());
}

#[test]
fn the_chosen_cards_are_shown_newest_first() {
    let chosen = select_related(
        CURRENT,
        TOPIC_SLUG,
        &older_same_category(),
        &newer_others(),
        9,
    );
    let dates: Vec<Date> = chosen
        .iter()
        .map(|card| Date::parse_iso(&card.published).unwrap())
        .collect();
    assert!(dates.windows(2).all(|pair| pair[0] >= pair[1]), "{dates:?}");
}

#[test]
fn input_order_does_not_matter() {
    let same = older_same_category();
    let recent = newer_others();
    let expected = select_related(CURRENT, TOPIC_SLUG, &same, &recent, 9);
    for rotation in 0..recent.len() {
        let mut shuffled_recent = recent.clone();
        shuffled_recent.rotate_left(rotation);
        let mut shuffled_same = same.clone();
        shuffled_same.rotate_left(rotation % same.len());
        let chosen = select_related(CURRENT, TOPIC_SLUG, &shuffled_same, &shuffled_recent, 9);
        assert_eq!(chosen, expected);
    }
}

#[test]
fn unreadable_dates_sort_last_and_lose_places_to_dated_articles() {
    let recent = vec![
        card("undated", "Elsewhere", "soon"),
        card("old", "Elsewhere", "1999-01-01"),
        card("new", "Elsewhere", "2025-01-01"),
    ];
    let all = select_related(CURRENT, TOPIC_SLUG, &[], &recent, 3);
    assert_eq!(slugs(&all), ["new", "old", "undated"]);
    let two = select_related(CURRENT, TOPIC_SLUG, &[], &recent, 2);
    assert_eq!(slugs(&two), ["new", "old"]);
}

#[test]
fn date_times_compare_by_their_date_then_slug() {
    let recent = vec![
        card("b", "Elsewhere", "2025-01-01T23:00:00Z"),
        card("a", "Elsewhere", "2025-01-01T01:00:00Z"),
        card("c", "Elsewhere", "2025-01-02"),
    ];
    assert_eq!(
        slugs(&select_related(CURRENT, TOPIC_SLUG, &[], &recent, 3)),
        ["c", "a", "b"]
    );
}

#[test]
fn the_reference_page_read_more_block_is_reproduced() {
    let article = fixtures::article();
    let cards = fixtures::read_more_cards();
    let mut same_category: Vec<ArticleSummary> = cards
        .iter()
        .filter(|card| card.category.slug == fixtures::ARTICLE_CATEGORY_SLUG)
        .cloned()
        .collect();
    same_category.push(article.summary());
    same_category.reverse();
    let mut recent = cards.clone();
    recent.reverse();
    recent.extend([
        card("older-one", "Justice System", "2025-02-20"),
        card("older-two", "Insights", "2025-02-10"),
        card("older-three", "Justice System", "2025-01-30"),
    ]);

    let chosen = select_related(
        &article.slug,
        &article.category.slug,
        &same_category,
        &recent,
        9,
    );

    assert_eq!(chosen, cards);
    let shown_dates: Vec<String> = chosen
        .iter()
        .map(|card| crate::date::display_date(&card.published).unwrap())
        .collect();
    assert_eq!(
        shown_dates,
        [
            "Thu Apr 24 2025",
            "Mon Apr 14 2025",
            "Mon Apr 07 2025",
            "Thu Apr 03 2025",
            "Thu Mar 20 2025",
            "Wed Mar 19 2025",
            "Tue Mar 04 2025",
            "Thu Feb 27 2025",
            "Wed Feb 26 2025",
        ]
    );
}
