//! Whatever strings the content holds (control characters, markup, entities, stray `]]>`),
//! `feed.xml` and `sitemap.xml` parse as XML, list every article, and each item's
//! `content:encoded` is markup made only of the elements the body may use.

use newsroom_core::catalog::build_listings;
use newsroom_core::model::{
    Article, Block, Category, Image, Inline, Mark, Newsletter, RichText, Site,
};
use newsroom_core::publish::{rss_feed, sitemap};
use proptest::prelude::*;

/// Any text, weighted towards what breaks XML: controls, markup and entity starts.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        proptest::collection::vec(
            prop_oneof![
                Just("<".to_string()),
                Just("&".to_string()),
                Just("]]>".to_string()),
                Just("\"'".to_string()),
                Just("&#1;".to_string()),
                (0u32..0x20).prop_map(|c| char::from_u32(c).unwrap().to_string()),
                Just("\u{7f}\u{85}\u{fffe}\u{ffff}\u{fdd0}".to_string()),
                "[a-z ]{0,8}",
            ],
            0..12
        )
        .prop_map(|parts| parts.concat()),
    ]
}

fn run(depth: u32) -> BoxedStrategy<Inline> {
    let leaf = prop_oneof![
        text().prop_map(Inline::Text),
        text().prop_map(Inline::Code),
        Just(Inline::Break),
    ];
    if depth == 0 {
        return leaf.boxed();
    }
    let inner = || proptest::collection::vec(run(depth - 1), 0..4).prop_map(RichText);
    prop_oneof![
        leaf,
        (text(), inner()).prop_map(|(href, text)| Inline::Link { href, text }),
        (proptest::sample::select(Mark::ALL.to_vec()), inner())
            .prop_map(|(mark, text)| Inline::Mark { mark, text }),
        (text(), inner()).prop_map(|(kind, text)| Inline::Unknown { kind, text }),
    ]
    .boxed()
}

fn rich() -> impl Strategy<Value = RichText> {
    proptest::collection::vec(run(3), 0..6).prop_map(RichText)
}

fn image() -> impl Strategy<Value = Image> {
    (
        text(),
        text(),
        proptest::option::of(rich()),
        proptest::option::of(text()),
    )
        .prop_map(|(src, alt, caption, credit)| Image {
            src,
            alt,
            decorative: false,
            caption,
            width: 4,
            height: 3,
            credit,
            variants: Vec::new(),
        })
}

fn block() -> impl Strategy<Value = Block> {
    prop_oneof![
        rich().prop_map(|text| Block::Paragraph { text }),
        (rich(), proptest::option::of(text()))
            .prop_map(|(text, attribution)| Block::Quote { text, attribution }),
        (any::<bool>(), proptest::collection::vec(rich(), 0..3))
            .prop_map(|(ordered, items)| Block::List { ordered, items }),
        image().prop_map(Block::Image),
        text().prop_map(|text| Block::Heading {
            level: newsroom_core::model::HeadingLevel::H2,
            text
        }),
    ]
}

fn article() -> impl Strategy<Value = Article> {
    (
        prop_oneof!["[a-z]{1,8}", text()],
        (text(), text(), text(), text()),
        proptest::option::of(image()),
        proptest::collection::vec(block(), 0..6),
    )
        .prop_map(
            |(slug, (title, lede, category, label), hero, body)| Article {
                slug,
                title,
                lede,
                category: Category {
                    slug: "news".into(),
                    name: category,
                },
                published: "2024-05-01".into(),
                updated: None,
                label,
                hero,
                reading_time_minutes: None,
                body,
            },
        )
}

fn site(name: String, description: String, base_url: String) -> Site {
    Site {
        name,
        description,
        copyright_start_year: 1997,
        base_url: Some(format!("https://{base_url}")),
        header_links: Vec::new(),
        newsletter: Newsletter::default(),
    }
}

const BODY_ELEMENTS: [&str; 18] = [
    "div",
    "p",
    "h2",
    "h3",
    "figure",
    "blockquote",
    "figcaption",
    "ol",
    "ul",
    "li",
    "img",
    "a",
    "em",
    "strong",
    "sup",
    "sub",
    "code",
    "br",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn the_feed_and_sitemap_are_well_formed_xml_whatever_the_content(
        articles in proptest::collection::vec(article(), 1..4),
        (name, description, base) in (text(), text(), text()),
    ) {
        let mut articles = articles;
        for (index, article) in articles.iter_mut().enumerate() {
            article.slug = format!("{}{index}", article.slug);
        }
        let site = site(name, description, base);
        let listings = build_listings(&articles);
        let newest = &listings.iter().find(|(path, _)| path == "pages/1.json").unwrap().1;

        let feed = rss_feed(&site, newest, &articles).unwrap();
        let document = roxmltree::Document::parse(&feed)
            .map_err(|error| TestCaseError::fail(format!("{error}\n{feed}")))?;
        let items = document.descendants().filter(|n| n.has_tag_name("item")).count();
        prop_assert_eq!(items, newest.articles.len());
        for encoded in document.descendants().filter(|n| n.tag_name().name() == "encoded") {
            let html = format!("<div>{}</div>", encoded.text().unwrap_or_default());
            let body = roxmltree::Document::parse(&html)
                .map_err(|error| TestCaseError::fail(format!("{error}\n{html}")))?;
            for element in body.descendants().filter(|n| n.is_element()) {
                let tag = element.tag_name().name();
                prop_assert!(BODY_ELEMENTS.contains(&tag), "<{}> in {}", tag, html);
                for attribute in element.attributes() {
                    prop_assert!(
                        ["href", "src", "alt", "width", "height"].contains(&attribute.name()),
                        "{} on <{}>", attribute.name(), tag
                    );
                }
            }
        }

        let paths: Vec<String> = articles
            .iter()
            .map(|article| newsroom_core::route::article_path(&article.slug))
            .collect();
        let map = sitemap(&site, &paths).unwrap();
        let document = roxmltree::Document::parse(&map)
            .map_err(|error| TestCaseError::fail(format!("{error}\n{map}")))?;
        let locations = document.descendants().filter(|n| n.has_tag_name("loc")).count();
        prop_assert_eq!(locations, paths.len());
    }
}
