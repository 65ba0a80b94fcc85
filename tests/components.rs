//! Component tests: views rendered from fixture data into a real DOM in headless Chromium.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use newsroom::components::article_body::{ArticleBody, Loading};
use newsroom::components::card::{ArticleCard, CardHeading};
use newsroom_core::model::{ArticleSummary, Block, Category, HeadingLevel, Image};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Renders `view` inside a router (in-app links need one) into a fresh container.
fn render<V: IntoView + 'static>(
    view: impl FnOnce() -> V + Send + 'static,
) -> web_sys::HtmlElement {
    let document = web_sys::window().unwrap().document().unwrap();
    let container: web_sys::HtmlElement = document.create_element("div").unwrap().unchecked_into();
    document.body().unwrap().append_child(&container).unwrap();
    let view = move || view! { <Router>{view()}</Router> };
    // The handle unmounts on drop; the test inspects the DOM afterwards, so keep it.
    std::mem::forget(leptos::mount::mount_to(container.clone(), view));
    container
}

fn select(root: &web_sys::HtmlElement, css: &str) -> web_sys::Element {
    root.query_selector(css)
        .unwrap()
        .unwrap_or_else(|| panic!("no {css} in {}", root.inner_html()))
}

fn text(root: &web_sys::HtmlElement, css: &str) -> String {
    select(root, css).text_content().unwrap_or_default()
}

fn summary(lede: &str) -> ArticleSummary {
    ArticleSummary {
        slug: "survivor-leader-invited-to-testify-at-senate-hearing".into(),
        title: "Survivor Leader Invited to Testify at Senate Hearing".into(),
        lede: lede.into(),
        category: Category {
            slug: "survivor-leadership".into(),
            name: "Survivor Leadership".into(),
        },
        published: "2025-04-07".into(),
        label: "PSN".into(),
        image: None,
    }
}

#[wasm_bindgen_test]
fn a_card_shows_label_category_title_excerpt_and_date_and_links_to_its_article() {
    let root = render(
        || view! { <ArticleCard summary=summary("A short lede.") heading=CardHeading::H3 /> },
    );
    assert_eq!(text(&root, ".card__label"), "PSN");
    assert_eq!(text(&root, ".card__category"), "Survivor Leadership");
    assert_eq!(
        text(&root, "h3.card__title"),
        "Survivor Leader Invited to Testify at Senate Hearing"
    );
    assert_eq!(text(&root, ".card__excerpt"), "A short lede.");
    assert_eq!(text(&root, "time"), "Mon Apr 07 2025");
    assert_eq!(
        select(&root, "time").get_attribute("datetime").as_deref(),
        Some("2025-04-07")
    );
    assert_eq!(
        select(&root, "a.card__link")
            .get_attribute("href")
            .as_deref(),
        Some("/articles/survivor-leader-invited-to-testify-at-senate-hearing")
    );
}

#[wasm_bindgen_test]
fn a_long_lede_is_cut_at_a_word_on_the_card() {
    let long = "word ".repeat(60);
    let root =
        render(move || view! { <ArticleCard summary=summary(&long) heading=CardHeading::H2 /> });
    let excerpt = text(&root, ".card__excerpt");
    assert!(excerpt.ends_with("..."), "{excerpt}");
    assert!(excerpt.chars().count() <= 113, "{excerpt}");
    assert!(
        excerpt.trim_end_matches("...").ends_with("word"),
        "{excerpt}"
    );
    select(&root, "h2.card__title");
}

#[wasm_bindgen_test]
fn the_body_renders_blocks_in_order_as_text() {
    let blocks = vec![
        Block::Paragraph {
            text: "First <b>not bold</b>".into(),
        },
        Block::Heading {
            level: HeadingLevel::H2,
            text: "A heading".into(),
        },
        Block::Image(Image {
            src: "/images/placeholder.svg".into(),
            alt: "A placeholder".into(),
            decorative: false,
            caption: Some("The caption".into()),
            width: 1200,
            height: 675,
            credit: None,
            variants: Vec::new(),
        }),
        Block::Quote {
            text: "Quoted words".into(),
            attribution: Some("Someone".into()),
        },
        Block::List {
            ordered: true,
            items: vec!["one".into(), "two".into()],
        },
        Block::Unsupported,
        Block::Image(Image {
            src: "javascript:alert(1)".into(),
            alt: "Hostile".into(),
            decorative: false,
            caption: Some("Second caption".into()),
            width: 10,
            height: 10,
            credit: None,
            variants: Vec::new(),
        }),
    ];
    let root = render(move || view! { <ArticleBody blocks first_image=Loading::Eager /> });
    let body = select(&root, ".article-body");
    let children: Vec<String> = (0..body.children().length())
        .map(|i| body.children().item(i).unwrap().tag_name().to_lowercase())
        .collect();
    assert_eq!(children, ["p", "h2", "figure", "figure", "ol", "figure"]);
    // Markup in content stays text.
    assert_eq!(text(&root, ".article-body > p"), "First <b>not bold</b>");
    assert!(root.query_selector(".article-body b").unwrap().is_none());
    let image = select(&root, ".figure img");
    assert_eq!(image.get_attribute("alt").as_deref(), Some("A placeholder"));
    assert_eq!(image.get_attribute("width").as_deref(), Some("1200"));
    assert_eq!(image.get_attribute("height").as_deref(), Some("675"));
    assert_eq!(image.get_attribute("loading").as_deref(), Some("eager"));
    assert_eq!(text(&root, ".figure figcaption"), "The caption");
    assert_eq!(text(&root, ".quote blockquote"), "Quoted words");
    assert_eq!(text(&root, ".quote figcaption"), "Someone");
    // The hostile image source is dropped; its caption stays.
    assert_eq!(root.query_selector_all("img").unwrap().length(), 1);
    assert!(root.text_content().unwrap().contains("Second caption"));
}

#[wasm_bindgen_test]
fn rich_text_renders_runs_as_elements_and_text_nodes_only() {
    let json = r#"[
        {"type": "paragraph", "text": ["Read ", {"type": "link", "href": "/articles/a",
            "text": ["the ", {"type": "em", "text": "whole"}]}, " <b>story</b>",
            {"type": "break"}, {"type": "strong", "text": "now"}, "H",
            {"type": "sub", "text": "2"}, "O", {"type": "sup", "text": "1"},
            {"type": "code", "text": "<script>"},
            {"type": "link", "href": "javascript:alert(1)", "text": "hostile"},
            {"type": "blink", "text": "unknown"}]},
        {"type": "list", "items": [[{"type": "em", "text": "item"}]]},
        {"type": "quote", "text": ["Said ", {"type": "strong", "text": "loudly"}]},
        {"type": "image", "src": "/images/placeholder.svg", "alt": "A", "width": 4,
            "height": 3, "caption": ["By ", {"type": "link", "href": "https://example.org",
            "text": "someone"}]}
    ]"#;
    let blocks: Vec<Block> = serde_json::from_str(json).unwrap();
    let root = render(move || view! { <ArticleBody blocks first_image=Loading::Lazy /> });
    let paragraph = select(&root, ".article-body > p");
    assert_eq!(
        paragraph.text_content().unwrap(),
        "Read the whole <b>story</b>nowH2O1<script>hostileunknown"
    );
    let link = select(&root, ".article-body > p > a");
    assert_eq!(link.get_attribute("href").as_deref(), Some("/articles/a"));
    assert_eq!(text(&root, "p > a > em"), "whole");
    assert_eq!(text(&root, "p > strong"), "now");
    assert_eq!(text(&root, "p > sub"), "2");
    assert_eq!(text(&root, "p > sup"), "1");
    assert_eq!(text(&root, "p > code"), "<script>");
    assert_eq!(root.query_selector_all("p > br").unwrap().length(), 1);
    // Only the safe link became a link; markup in text stayed text.
    assert_eq!(root.query_selector_all("p a").unwrap().length(), 1);
    assert!(root.query_selector("b, script, blink").unwrap().is_none());
    assert_eq!(text(&root, "li > em"), "item");
    assert_eq!(text(&root, ".quote blockquote strong"), "loudly");
    let caption_link = select(&root, ".figure figcaption a");
    assert_eq!(
        caption_link.get_attribute("href").as_deref(),
        Some("https://example.org")
    );
    assert_eq!(text(&root, ".figure figcaption"), "By someone");
}

#[wasm_bindgen_test]
fn a_figure_with_variants_is_a_picture_with_webp_first_and_the_credit_in_the_caption() {
    use newsroom::components::article_body::Figure;
    use newsroom_core::model::{ImageFormat, ImageVariant};
    let variant = |width: u32, format: ImageFormat| ImageVariant {
        src: format!("/images/variants/p-{width}.{}", format.extension()),
        width,
        height: width / 2,
        format,
    };
    let image = Image {
        src: "/images/p.jpg".into(),
        alt: "A photo".into(),
        decorative: false,
        caption: Some("The caption.".into()),
        width: 1000,
        height: 500,
        credit: Some("Jo Doe".into()),
        variants: vec![
            variant(480, ImageFormat::Webp),
            variant(1000, ImageFormat::Webp),
            variant(480, ImageFormat::Jpeg),
            variant(1000, ImageFormat::Jpeg),
        ],
    };
    let root = render(move || {
        view! { <Figure image field="hero.src".to_string() loading=Loading::Lazy /> }
    });
    let source = select(&root, ".figure picture > source:first-child");
    assert_eq!(source.get_attribute("type").as_deref(), Some("image/webp"));
    assert_eq!(
        source.get_attribute("srcset").as_deref(),
        Some("/images/variants/p-480.webp 480w, /images/variants/p-1000.webp 1000w")
    );
    let img = select(&root, ".figure picture > source + img");
    assert_eq!(
        img.get_attribute("src").as_deref(),
        Some("/images/variants/p-1000.jpg")
    );
    assert_eq!(
        img.get_attribute("srcset").as_deref(),
        Some("/images/variants/p-480.jpg 480w, /images/variants/p-1000.jpg 1000w")
    );
    assert_eq!(img.get_attribute("sizes"), source.get_attribute("sizes"));
    assert_eq!(img.get_attribute("loading").as_deref(), Some("lazy"));
    assert_eq!(img.get_attribute("width").as_deref(), Some("1000"));
    assert_eq!(
        text(&root, ".figure figcaption"),
        "The caption. Photo: Jo Doe"
    );
}
