use super::*;

#[test]
fn renders_every_part_and_never_markup_from_content() {
    let site: Site = serde_json::from_str(include_str!("../../../public/content/site.json"))
        .expect("the sample site.json");
    let article: Article = serde_json::from_value(serde_json::json!({
        "slug": "a", "title": "<script>alert(1)</script>", "lede": "Lede & more",
        "category": {"slug": "c", "name": "C"}, "published": "2021-04-29", "label": "PSN",
        "body": [
            {"type": "paragraph", "text": "First <b>not bold</b>"},
            {"type": "image", "src": "javascript:alert(1)", "alt": "x", "width": 2, "height": 1},
            {"type": "list", "ordered": true, "items": ["one"]},
            {"type": "quote", "text": "Q", "attribution": "Who"}
        ]
    }))
    .expect("a valid article");
    let card = ArticleSummary {
        slug: "b".into(),
        ..article.summary()
    };
    let frame = Frame {
        site: &site,
        css: "h1{color:red}",
        this_year: 2030,
    };
    let html = render(&frame, &article, &[card]);
    assert!(!html.contains("<script") && !html.contains("<b>"));
    assert!(
        !html.contains("javascript:"),
        "unsafe image URLs are dropped"
    );
    for part in [
        "<h1 class=\"article__title\">&lt;script&gt;",
        "<time datetime=\"2021-04-29\">Thu Apr 29 2021</time>",
        "min read</span>",
        "<ol><li>one</li></ol>",
        "<figcaption>Who</figcaption>",
        "href=\"/static/b.html\"",
        "<style>h1{color:red}</style>",
        "newsletter__form",
        "- 2030 International Justice Mission</p>",
    ] {
        assert!(html.contains(part), "missing {part:?}");
    }
}

#[test]
fn escapes_markup_in_text_and_attributes() {
    assert_eq!(
        escape("<b>\"A&B\"</b> it's"),
        "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt; it&#39;s"
    );
    assert_eq!(escape("“typographic” — kept"), "“typographic” — kept");
}
