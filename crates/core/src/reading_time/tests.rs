use super::*;
use crate::fixtures;
use crate::model::{Category, HeadingLevel, Image};

fn empty_article() -> Article {
    Article {
        slug: "empty".to_string(),
        title: String::new(),
        lede: String::new(),
        category: Category {
            slug: "news".to_string(),
            name: "News".to_string(),
        },
        published: "2025-01-01".to_string(),
        updated: None,
        label: String::new(),
        hero: None,
        reading_time_minutes: None,
        body: Vec::new(),
    }
}

fn image(caption: Option<&str>) -> Image {
    Image {
        src: "/a.jpg".to_string(),
        alt: "A photo".to_string(),
        decorative: false,
        caption: caption.map(RichText::from),
        width: 10,
        height: 10,
        credit: None,
        variants: Vec::new(),
    }
}

fn words(count: usize) -> String {
    vec!["word"; count].join(" ")
}

fn article_with_body(body: Vec<Block>) -> Article {
    Article {
        body,
        ..empty_article()
    }
}

#[test]
fn the_reference_article_reads_in_three_minutes() {
    let article = fixtures::article();
    assert_eq!(article_words(&article), 560);
    assert_eq!(article_images(&article), 1);
    assert_eq!(minutes(&article), 3);
}

#[test]
fn the_reference_article_stays_at_three_minutes_if_its_image_becomes_the_hero() {
    let mut article = fixtures::article();
    let position = article
        .body
        .iter()
        .position(|b| matches!(b, Block::Image(_)))
        .unwrap();
    let Block::Image(hero) = article.body.remove(position) else {
        unreachable!()
    };
    article.hero = Some(hero);
    assert_eq!(article_words(&article), 560);
    assert_eq!(minutes(&article), 3);
}

#[test]
fn an_explicit_reading_time_wins() {
    let article = Article {
        reading_time_minutes: Some(7),
        ..fixtures::article()
    };
    assert_eq!(minutes(&article), 7);
    let empty = Article {
        reading_time_minutes: Some(0),
        ..empty_article()
    };
    assert_eq!(minutes(&empty), 0, "an explicit value is taken as written");
}

#[test]
fn an_empty_article_takes_one_minute() {
    assert_eq!(article_words(&empty_article()), 0);
    assert_eq!(minutes(&empty_article()), 1);
    assert_eq!(estimate_minutes(0, 0), 1);
}

#[test]
fn words_scale_linearly() {
    assert_eq!(estimate_minutes(200, 0), 1);
    assert_eq!(estimate_minutes(2_000, 0), 10);
    assert_eq!(estimate_minutes(20_000, 0), 100);
    for minutes in 1..50u32 {
        assert_eq!(estimate_minutes(minutes as usize * 200, 0), minutes);
    }
}

#[test]
fn rounding_is_to_the_nearest_minute_with_halves_up() {
    assert_eq!(estimate_minutes(299, 0), 1);
    assert_eq!(estimate_minutes(300, 0), 2);
    assert_eq!(estimate_minutes(499, 0), 2);
    assert_eq!(estimate_minutes(500, 0), 3);
}

#[test]
fn images_add_time_tapering_to_three_seconds_each() {
    assert_eq!(image_seconds(0), 0);
    assert_eq!(image_seconds(1), 12);
    assert_eq!(image_seconds(2), 23);
    assert_eq!(image_seconds(10), 75);
    assert_eq!(image_seconds(11), 78);
    assert_eq!(image_seconds(20), 105);
    // 480 words is 2.4 minutes; one image (0.2 minutes) tips it to 2.6, so 3.
    assert_eq!(estimate_minutes(480, 0), 2);
    assert_eq!(estimate_minutes(480, 1), 3);
    // 100 images alone: 75 s + 90 * 3 s = 345 s, 5.75 minutes.
    assert_eq!(estimate_minutes(0, 100), 6);
    assert!(image_seconds(usize::MAX) > 0);
}

#[test]
fn huge_counts_saturate_instead_of_overflowing() {
    assert_eq!(estimate_minutes(usize::MAX, usize::MAX), u32::MAX);
}

#[test]
fn every_kind_of_readable_text_counts() {
    let article = Article {
        title: words(1),
        lede: words(2),
        hero: Some(image(Some(&words(3)))),
        body: vec![
            Block::Paragraph {
                text: words(4).into(),
            },
            Block::Heading {
                level: HeadingLevel::H2,
                text: words(5),
            },
            Block::Quote {
                text: words(6).into(),
                attribution: Some(words(7)),
            },
            Block::List {
                ordered: false,
                items: vec![words(8).into(), words(9).into()],
            },
            Block::Image(image(Some(&words(10)))),
            Block::Image(image(None)),
            Block::Unsupported,
        ],
        ..empty_article()
    };
    assert_eq!(article_words(&article), (1..=10).sum::<usize>());
    assert_eq!(article_images(&article), 3);
}

#[test]
fn alt_text_is_not_read_and_does_not_count() {
    let mut photo = image(None);
    photo.alt = words(500);
    let article = article_with_body(vec![Block::Image(photo)]);
    assert_eq!(article_words(&article), 0);
}

#[test]
fn only_tokens_with_a_letter_or_digit_are_words() {
    assert_eq!(count_words(""), 0);
    assert_eq!(count_words("   \n\t "), 0);
    assert_eq!(count_words("Manila, April 29, 2021 — On"), 5);
    assert_eq!(count_words("“ ” - — ... !"), 0);
    assert_eq!(count_words("($4.9 million) Php44.6"), 3);
    assert_eq!(count_words("café naïve Chargé d’Affaires"), 4);
    assert_eq!(count_words("U.S.-Philippines\u{a0}partnership"), 2);
}

#[test]
fn rich_text_counts_the_words_of_its_runs() {
    let json = r#"{"type":"paragraph","text":["One ",{"type":"link","href":"/a",
        "text":["two ",{"type":"em","text":"three"}]},{"type":"break"},"four"]}"#;
    let block: Block = crate::model::parse("a.json", json).unwrap();
    let article = article_with_body(vec![block]);
    assert_eq!(
        article_words(&article),
        count_words(&article.title) + count_words(&article.lede) + 4
    );
}
