use super::*;
use crate::model::{ArticleSummary, Category, Newsletter, NewsletterEncoding};

fn site(base_url: Option<&str>) -> Site {
    Site {
        name: "International Justice Mission".into(),
        description: "News & notes".into(),
        copyright_start_year: 1997,
        base_url: base_url.map(str::to_string),
        header_links: Vec::new(),
        newsletter: Newsletter {
            intro: String::new(),
            privacy_label: String::new(),
            privacy_url: String::new(),
            button_label: String::new(),
            archive_text: String::new(),
            archive_label: String::new(),
            archive_url: String::new(),
            endpoint: String::new(),
            encoding: NewsletterEncoding::Json,
            success_message: String::new(),
        },
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
    let feed = rss_feed(&site, &page);
    assert_eq!(feed.matches("<item>").count(), 2);
    assert!(feed.contains("<link>https://news.example.org/articles/b</link>"));
    assert!(feed.contains("<title>Title of b &lt;b&gt;</title>"));
    assert!(feed.contains("<pubDate>Thu, 29 Apr 2021 00:00:00 GMT</pubDate>"));
    let map = sitemap(&site, &["/".to_string(), "/articles/a".to_string()]);
    assert!(map.contains("<loc>https://news.example.org/articles/a</loc>"));
    assert_eq!(map.matches("<url>").count(), 2);
}
