use super::*;
use crate::model::{ArticleSummary, Category, ListingPage, Newsletter};

fn site(base_url: Option<&str>) -> Site {
    Site {
        name: "International Justice Mission".into(),
        description: "News & notes".into(),
        copyright_start_year: 1997,
        base_url: base_url.map(str::to_string),
        header_links: Vec::new(),
        newsletter: Newsletter::default(),
    }
}

fn article(title: &str) -> Article {
    Article {
        slug: "a-story".into(),
        title: title.into(),
        lede: "The lede.".into(),
        category: Category {
            slug: "justice-system".into(),
            name: "Justice System".into(),
        },
        published: "2021-04-29".into(),
        updated: None,
        label: "PSN".into(),
        hero: None,
        reading_time_minutes: None,
        body: Vec::new(),
    }
}

fn article_head(site: &Site, article: Article) -> String {
    head_tags(
        site,
        &PageHead {
            title: page_title(&article.title, &site.name),
            description: article.lede.clone(),
            path: format!("/articles/{}", article.slug),
            kind: PageKind::Article(Box::new(article)),
        },
    )
}

#[test]
fn escaping_covers_every_special_character() {
    assert_eq!(
        escape_html(r#"<a href="x">Tom & 'Jerry'</a>"#),
        "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
    );
    assert_eq!(escape_xml("it's"), "it&apos;s");
}

#[test]
fn an_article_head_has_canonical_open_graph_and_json_ld() {
    let tags = article_head(
        &site(Some("https://news.example.org/")),
        article("U.S. & Philippines"),
    );
    assert!(tags.contains("<title>U.S. &amp; Philippines | International Justice Mission</title>"));
    assert!(
        tags.contains(r#"<link rel="canonical" href="https://news.example.org/articles/a-story">"#)
    );
    assert!(tags.contains(r#"<meta property="og:type" content="article">"#));
    assert!(tags.contains(r#"<meta property="article:published_time" content="2021-04-29">"#));
    assert!(tags.contains(r#"<meta name="twitter:card" content="summary">"#));
    let scripts: Vec<&str> = tags
        .split("<script type=\"application/ld+json\">")
        .skip(1)
        .map(|rest| rest.split("</script>").next().unwrap())
        .collect();
    assert_eq!(scripts.len(), 2);
    let article_ld: serde_json::Value = serde_json::from_str(scripts[0]).unwrap();
    assert_eq!(article_ld["@type"], "NewsArticle");
    assert_eq!(article_ld["headline"], "U.S. & Philippines");
    assert_eq!(article_ld["datePublished"], "2021-04-29");
    assert_eq!(
        article_ld["publisher"]["name"],
        "International Justice Mission"
    );
    let crumbs: serde_json::Value = serde_json::from_str(scripts[1]).unwrap();
    assert_eq!(
        crumbs["itemListElement"][1]["item"],
        "https://news.example.org/category/justice-system"
    );
}

#[test]
fn json_ld_cannot_close_its_script_element() {
    let tags = article_head(&site(None), article("</script><script>alert(1)</script>"));
    let inside = tags.split("application/ld+json\">").nth(1).unwrap();
    let json = inside.split("</script>").next().unwrap();
    assert!(!json.contains('<'), "{json}");
    let parsed: serde_json::Value = serde_json::from_str(json).unwrap();
    assert_eq!(parsed["headline"], "</script><script>alert(1)</script>");
}

#[test]
fn without_a_base_url_no_absolute_links_are_made_up() {
    let tags = article_head(&site(None), article("T"));
    assert!(!tags.contains("canonical"));
    assert!(!tags.contains("og:url"));
}

#[test]
fn the_feed_and_sitemap_list_every_given_article() {
    let summary = |slug: &str, date: &str| ArticleSummary {
        slug: slug.into(),
        title: format!("Title of {slug} <b>"),
        lede: "Lede & more".into(),
        category: Category {
            slug: "c".into(),
            name: "C".into(),
        },
        published: date.into(),
        label: "PSN".into(),
        image: None,
    };
    let page = ListingPage {
        page: 1,
        total_pages: 1,
        total_articles: 2,
        category: None,
        articles: vec![summary("b", "2025-04-24"), summary("a", "2021-04-29")],
    };
    let site = site(Some("https://news.example.org"));
    let feed = rss_feed(&site, &page, &[]).unwrap();
    assert_eq!(feed.matches("<item>").count(), 2);
    assert!(feed.contains("<link>https://news.example.org/articles/b</link>"));
    assert!(feed.contains("<title>Title of b &lt;b&gt;</title>"));
    assert!(feed.contains("<pubDate>Thu, 29 Apr 2021 00:00:00 GMT</pubDate>"));
    let map = sitemap(&site, &["/".to_string(), "/articles/a".to_string()]).unwrap();
    assert!(map.contains("<loc>https://news.example.org/articles/a</loc>"));
    assert_eq!(map.matches("<url>").count(), 2);
}

#[test]
fn without_a_base_url_the_feed_and_sitemap_say_they_need_one() {
    let page = ListingPage {
        page: 1,
        total_pages: 1,
        total_articles: 0,
        category: None,
        articles: vec![],
    };
    let error = rss_feed(&site(None), &page, &[]).unwrap_err();
    assert_eq!(
        error.to_string(),
        "feed.xml needs \"base_url\" in site.json (such as \"https://example.org\"): RSS and \
         sitemaps only allow absolute links, so it was not written"
    );
    let error: String = sitemap(&site(Some(" ")), &[]).unwrap_err().into();
    assert!(
        error.starts_with("sitemap.xml needs \"base_url\""),
        "{error}"
    );
}

#[test]
fn feed_items_carry_the_whole_body_with_absolute_links() {
    let json = r##"[
        {"type": "paragraph", "text": ["Read ", {"type": "link", "href": "/articles/b",
            "text": [{"type": "em", "text": "this"}]}, " & ",
            {"type": "link", "href": "javascript:alert(1)", "text": "not this"},
            {"type": "break"}, {"type": "link", "href": "#part", "text": "part"},
            {"type": "link", "href": "//cdn.example.org/x", "text": "cdn"},
            {"type": "link", "href": "mailto:a@example.org", "text": "mail"}]},
        {"type": "heading", "level": 2, "text": "<Heading>"},
        {"type": "quote", "text": "Said.", "attribution": "Someone"},
        {"type": "list", "ordered": true, "items": ["one", [{"type": "strong", "text": "two"}]]},
        {"type": "image", "src": "/images/a.jpg", "alt": "A \"quoted\" alt", "width": 4,
            "height": 3, "caption": ["By ", {"type": "sup", "text": "1"}]},
        {"type": "video", "src": "x"}
    ]"##;
    let mut full = article("T");
    full.body = crate::model::parse("a.json", json).unwrap();
    let html = article_html(&full, "https://news.example.org", "/articles/a-story");
    assert_eq!(
        html,
        "<p>Read <a href=\"https://news.example.org/articles/b\"><em>this</em></a> &amp; \
         not this<br /><a href=\"https://news.example.org/articles/a-story#part\">part</a>\
         <a href=\"https://cdn.example.org/x\">cdn</a><a href=\"mailto:a@example.org\">mail</a></p>\
         <h2>&lt;Heading&gt;</h2>\
         <figure><blockquote><p>Said.</p></blockquote><figcaption>Someone</figcaption></figure>\
         <ol><li>one</li><li><strong>two</strong></li></ol>\
         <figure><img src=\"https://news.example.org/images/a.jpg\" alt=\"A &quot;quoted&quot; alt\" \
         width=\"4\" height=\"3\" /><figcaption>By <sup>1</sup></figcaption></figure>"
    );

    let page = ListingPage {
        page: 1,
        total_pages: 1,
        total_articles: 1,
        category: None,
        articles: vec![full.summary()],
    };
    let feed = rss_feed(&site(Some("https://news.example.org")), &page, &[full]).unwrap();
    assert!(feed.contains("xmlns:content=\"http://purl.org/rss/1.0/modules/content/\""));
    let document = roxmltree::Document::parse(&feed).unwrap();
    let encoded = document
        .descendants()
        .find(|node| node.tag_name().name() == "encoded")
        .and_then(|node| node.text())
        .unwrap();
    assert_eq!(encoded, html);
}

#[test]
fn control_characters_never_reach_the_markup() {
    assert_eq!(escape_html("a\u{1}b\u{7f}c\u{fffe}d\te\n"), "abcd\te\n");
    for c in [
        '\u{0}',
        '\u{8}',
        '\u{b}',
        '\u{1f}',
        '\u{85}',
        '\u{fdd0}',
        '\u{1fffe}',
        '\u{10ffff}',
    ] {
        assert!(is_forbidden_in_markup(c), "{c:?}");
    }
    for c in [
        '\t',
        '\n',
        '\r',
        ' ',
        'é',
        '\u{a0}',
        '\u{fffd}',
        '\u{1f600}',
    ] {
        assert!(!is_forbidden_in_markup(c), "{c:?}");
    }
}

fn photo(variants: Vec<crate::model::ImageVariant>) -> crate::model::Image {
    crate::model::Image {
        src: "/images/storm.jpg".into(),
        alt: "Clouds over a field".into(),
        decorative: false,
        caption: None,
        width: 1920,
        height: 1280,
        credit: None,
        variants,
    }
}

#[test]
fn the_preview_image_is_the_built_jpeg_near_1200_px_in_open_graph_and_json_ld() {
    use crate::model::{Block, ImageFormat, ImageVariant};
    let variant = |width: u32, format: ImageFormat| ImageVariant {
        src: format!("/images/v/storm-{width}.{}", format.extension()),
        width,
        height: width * 2 / 3,
        format,
    };
    let mut story = article("A story");
    story.body = vec![Block::Image(photo(vec![
        variant(800, ImageFormat::Jpeg),
        variant(1200, ImageFormat::Avif),
        variant(1200, ImageFormat::Jpeg),
        variant(1600, ImageFormat::Jpeg),
    ]))];
    let tags = article_head(&site(Some("https://news.example.org")), story);
    let url = "https://news.example.org/images/v/storm-1200.jpg";
    assert!(tags.contains(&format!(r#"<meta property="og:image" content="{url}">"#)));
    assert!(tags.contains(r#"<meta property="og:image:width" content="1200">"#));
    assert!(tags.contains(r#"<meta property="og:image:height" content="800">"#));
    assert!(tags.contains(r#"<meta name="twitter:card" content="summary_large_image">"#));
    assert!(tags.contains(&format!(
        r#""image":[{{"@type":"ImageObject","height":800,"url":"{url}","width":1200}}]"#
    )));
}

#[test]
fn without_variants_the_preview_is_the_file_itself_and_only_from_this_site() {
    let mut story = article("A story");
    story.hero = Some(photo(Vec::new()));
    let tags = article_head(&site(Some("https://news.example.org")), story.clone());
    assert!(tags.contains(
        r#"<meta property="og:image" content="https://news.example.org/images/storm.jpg">"#
    ));
    assert!(tags.contains(r#"<meta property="og:image:width" content="1920">"#));
    story.hero.as_mut().unwrap().src = "https://cdn.example.com/storm.jpg".into();
    let tags = article_head(&site(Some("https://news.example.org")), story);
    assert!(!tags.contains("og:image"));
}

#[test]
fn data_for_the_page_cannot_leave_its_script_element() {
    let hostile = serde_json::json!({
        "title": "</script><script>alert(1)</script><!-- </SCRIPT > <\u{2028}",
        "nested": ["<!--", "-->", "</sCrIpT"],
    });
    let element = json_script(
        &[("data-content-path", "a\"><b.json")],
        &hostile.to_string(),
    );
    let inside = element
        .strip_prefix(
            "<script type=\"application/json\" data-content-path=\"a&quot;&gt;&lt;b.json\">",
        )
        .and_then(|rest| rest.strip_suffix("</script>"))
        .unwrap_or_else(|| panic!("one element: {element}"));
    assert!(!inside.contains('<'), "{inside}");
    let back: serde_json::Value = serde_json::from_str(inside).unwrap();
    assert_eq!(back, hostile, "the data reads back unchanged");
}
