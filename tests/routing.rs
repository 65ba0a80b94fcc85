//! The pieces that face the router, in a real page under a real `<Router>`: the pager and the
//! header mark the current page, the not-found pages say so, and the router takes only the
//! clicks a page load would have followed in this tab.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use leptos_router::components::Router;
use newsroom::components::header::SiteHeader;
use newsroom::pages::article::ArticleNotFound;
use newsroom::pages::listing::ListingContent;
use newsroom::pages::not_found::NotFoundPage;
use newsroom::site::provide_site_value;
use newsroom_core::model::{ArticleSummary, Category, ListingPage, Site};
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn window() -> web_sys::Window {
    web_sys::window().unwrap()
}

fn document() -> web_sys::Document {
    window().document().unwrap()
}

/// Puts `path` in the address bar (as a page load there would), then renders `view` under a
/// router into a fresh container.
fn render_at<V: IntoView + 'static>(
    path: &str,
    view: impl FnOnce() -> V + Send + 'static,
) -> web_sys::HtmlElement {
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(path))
        .unwrap();
    let container: web_sys::HtmlElement =
        document().create_element("div").unwrap().unchecked_into();
    document().body().unwrap().append_child(&container).unwrap();
    let view = move || view! { <Router>{view()}</Router> };
    std::mem::forget(leptos::mount::mount_to(container.clone(), view));
    container
}

fn all(root: &web_sys::HtmlElement, css: &str) -> Vec<web_sys::Element> {
    let found = root.query_selector_all(css).unwrap();
    (0..found.length())
        .map(|i| found.item(i).unwrap().unchecked_into())
        .collect()
}

fn sample_site() -> Rc<Site> {
    let json = include_str!("../public/content/site.json");
    Rc::new(serde_json::from_str(json).unwrap())
}

fn listing(page: u32, total_pages: u32) -> Rc<ListingPage> {
    let category = Category {
        slug: "justice-system".into(),
        name: "Justice System".into(),
    };
    let card = ArticleSummary {
        slug: "a-story".into(),
        title: "A story".into(),
        lede: "What happened.".into(),
        category: category.clone(),
        published: "2025-04-07".into(),
        label: "PSN".into(),
        image: None,
    };
    Rc::new(ListingPage {
        page,
        total_pages,
        total_articles: total_pages * 10,
        category: Some(category),
        articles: vec![card],
    })
}

#[wasm_bindgen_test]
fn the_pager_links_every_page_and_marks_the_current_one() {
    let root = render_at("/category/justice-system/page/2", || {
        provide_site_value(Some(sample_site()));
        view! { <ListingContent page=listing(2, 3) /> }
    });
    let numbers: Vec<(String, Option<String>, Option<String>)> = all(&root, ".pager__number")
        .iter()
        .map(|link| {
            (
                link.text_content().unwrap_or_default(),
                link.get_attribute("href"),
                link.get_attribute("aria-current"),
            )
        })
        .collect();
    assert_eq!(
        numbers,
        [
            ("1".into(), Some("/category/justice-system".into()), None),
            (
                "2".into(),
                Some("/category/justice-system/page/2".into()),
                Some("page".into())
            ),
            (
                "3".into(),
                Some("/category/justice-system/page/3".into()),
                None
            ),
        ]
    );
    let prev = all(&root, ".pager__link[rel='prev']");
    assert_eq!(
        prev[0].get_attribute("href").as_deref(),
        Some("/category/justice-system")
    );
    let next = all(&root, ".pager__link[rel='next']");
    assert_eq!(
        next[0].get_attribute("href").as_deref(),
        Some("/category/justice-system/page/3")
    );
}

#[wasm_bindgen_test]
fn the_header_marks_home_only_on_the_home_page_and_shows_the_site_links() {
    let home = render_at("/", || {
        provide_site_value(Some(sample_site()));
        view! { <SiteHeader /> }
    });
    let link = &all(&home, ".site-header__home")[0];
    assert_eq!(link.get_attribute("aria-current").as_deref(), Some("page"));
    let site_link = &all(&home, ".site-header__link")[0];
    assert_eq!(
        site_link.text_content().as_deref(),
        Some("Report Exploitation")
    );
    assert_eq!(
        site_link.get_attribute("href").as_deref(),
        Some("/report-exploitation")
    );

    let elsewhere = render_at("/page/2", || {
        provide_site_value(Some(sample_site()));
        view! { <SiteHeader /> }
    });
    let link = &all(&elsewhere, ".site-header__home")[0];
    assert_eq!(link.get_attribute("aria-current"), None);
}

#[wasm_bindgen_test]
async fn the_not_found_pages_say_so_and_name_themselves_in_the_title() {
    let page = render_at("/no-such-page", || view! { <NotFoundPage /> });
    assert_eq!(
        all(&page, "h1")[0].text_content().as_deref(),
        Some("Page not found")
    );
    let home = &all(&page, "a")[0];
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
    leptos::task::tick().await;
    assert_eq!(document().title(), "Page not found");

    let article = render_at("/articles/gone", || view! { <ArticleNotFound /> });
    assert_eq!(
        all(&article, "h1")[0].text_content().as_deref(),
        Some("Page not found")
    );
    leptos::task::tick().await;
    assert_eq!(document().title(), "Article not found");
}

thread_local! {
    static TAKEN_OVER: Cell<bool> = const { Cell::new(false) };
}

/// Runs after the router's listener (added later to the same target): records whether the
/// router took the click, then prevents it, so a click left to the browser does not take the
/// test page away.
fn record_after_router() {
    let record = Closure::<dyn Fn(web_sys::Event)>::new(|event: web_sys::Event| {
        TAKEN_OVER.with(|taken| taken.set(event.default_prevented()));
        event.prevent_default();
    });
    window()
        .add_event_listener_with_callback("click", record.as_ref().unchecked_ref())
        .unwrap();
    record.forget();
}

fn link(href: &str, attributes: &[(&str, &str)]) -> web_sys::Element {
    let link = document().create_element("a").unwrap();
    link.set_attribute("href", href).unwrap();
    for (name, value) in attributes {
        link.set_attribute(name, value).unwrap();
    }
    let label = document().create_element("span").unwrap();
    label.set_text_content(Some("label"));
    link.append_child(&label).unwrap();
    document().body().unwrap().append_child(&link).unwrap();
    link
}

fn click(target: &web_sys::Element, init: &web_sys::MouseEventInit) -> bool {
    init.set_bubbles(true);
    init.set_cancelable(true);
    let event = web_sys::MouseEvent::new_with_mouse_event_init_dict("click", init).unwrap();
    target.dispatch_event(&event).unwrap();
    TAKEN_OVER.with(Cell::get)
}

#[wasm_bindgen_test]
fn the_router_takes_plain_same_site_clicks_and_leaves_the_rest_to_the_browser() {
    let start = window().location().href().unwrap();
    render_at("/", || view! { <p>"app"</p> });
    record_after_router();
    let plain = web_sys::MouseEventInit::new;

    let article = link("/articles/first", &[]);
    assert!(
        click(&article.first_element_child().unwrap(), &plain()),
        "a plain click on a link's text"
    );

    let other = link("/articles/second", &[]);
    let ctrl = plain();
    ctrl.set_ctrl_key(true);
    let meta = plain();
    meta.set_meta_key(true);
    let shift = plain();
    shift.set_shift_key(true);
    let middle = plain();
    middle.set_button(1);
    for (what, init) in [
        ("ctrl", ctrl),
        ("meta", meta),
        ("shift", shift),
        ("middle", middle),
    ] {
        assert!(!click(&other, &init), "{what}-click is the browser's");
    }
    for (what, element) in [
        ("new tab", link("/articles/second", &[("target", "_blank")])),
        ("download", link("/articles/second", &[("download", "")])),
        (
            "rel=external",
            link("/articles/second", &[("rel", "external")]),
        ),
        (
            "other site",
            link("https://example.org/articles/second", &[]),
        ),
    ] {
        assert!(!click(&element, &plain()), "{what}");
    }
    window()
        .history()
        .unwrap()
        .replace_state_with_url(&JsValue::NULL, "", Some(&start))
        .unwrap();
}
