//! The zero-JavaScript rendition of an article: the same content, markup and CSS as the app,
//! written out as one self-contained HTML file (the CSS inline). It is the yardstick the app is measured against, so it carries
//! everything the app shows on first load and nothing the app does not.

use newsroom_core::date::{display_date, machine_date};
use newsroom_core::excerpt::card_excerpt;
use newsroom_core::model::{Article, ArticleSummary, Block, HeadingLevel, Image, Site};
use newsroom_core::reading_time;
use newsroom_core::url::{safe_url, UrlUse};
use std::fmt::Write;

/// Everything one page needs besides the article itself.
pub struct Frame<'a> {
    pub site: &'a Site,
    /// The app's stylesheets' text, put inline: the page costs one request before it paints.
    pub css: &'a str,
    pub this_year: i32,
}

/// Content is plain text by contract, so every character that means something in HTML is
/// escaped, in text and in attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// Links between static pages stay within the static rendition, so a reader of it never
/// lands in the app.
pub fn static_href(slug: &str) -> String {
    format!("/static/{slug}.html")
}

pub fn render(frame: &Frame, article: &Article, related: &[ArticleSummary]) -> String {
    let mut html = String::with_capacity(16 * 1024);
    head(&mut html, frame, article);
    html.push_str("<body>\n<a class=\"skip-link\" href=\"#main\">Skip to main content</a>\n");
    site_header(&mut html, frame.site);
    html.push_str("<main id=\"main\" tabindex=\"-1\">\n");
    article_block(&mut html, article);
    read_more(&mut html, related);
    newsletter(&mut html, frame.site);
    let _ = write!(
        html,
        "</main>\n<footer class=\"site-footer\"><p>© {} - {} {}</p></footer>\n</body>\n</html>\n",
        frame.site.copyright_start_year,
        frame.this_year,
        escape(&frame.site.name)
    );
    html
}

fn head(html: &mut String, frame: &Frame, article: &Article) {
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <title>{} | {}</title>\n<meta name=\"description\" content=\"{}\">\n",
        escape(&article.title),
        escape(&frame.site.name),
        escape(&article.lede)
    );
    // The CSS is the build's own, not content, so it goes in as it is.
    let _ = write!(html, "<style>{}</style>\n</head>\n", frame.css);
}

fn site_header(html: &mut String, site: &Site) {
    let _ = write!(
        html,
        "<header class=\"site-header\"><div class=\"site-header__inner\">\
         <a class=\"site-header__home\" href=\"/\"><span class=\"site-header__mark\" \
         aria-hidden=\"true\">IJM</span><span class=\"visually-hidden\">{} home</span></a>\
         <nav class=\"site-header__nav\" aria-label=\"Site\"><ul>",
        escape(&site.name)
    );
    for link in &site.header_links {
        html.push_str("<li>");
        link_or_text(html, &link.href, &link.label, "site-header__link");
        html.push_str("</li>");
    }
    html.push_str("</ul></nav></div></header>\n");
}

/// A link whose URL fails the content URL rule shows as plain text, as it does in the app.
fn link_or_text(html: &mut String, href: &str, label: &str, class: &str) {
    match safe_url(href, UrlUse::Link) {
        Some(url) => {
            let class = if class.is_empty() {
                String::new()
            } else {
                format!(" class=\"{class}\"")
            };
            let _ = write!(
                html,
                "<a{class} href=\"{}\">{}</a>",
                escape(&url),
                escape(label)
            );
        }
        None => html.push_str(&escape(label)),
    }
}

fn date_line(html: &mut String, iso: &str) {
    if let Some(shown) = display_date(iso) {
        let machine = machine_date(iso).unwrap_or_default();
        let _ = write!(
            html,
            "<time datetime=\"{machine}\">{}</time>",
            escape(&shown)
        );
    }
}

fn article_block(html: &mut String, article: &Article) {
    let _ = write!(
        html,
        "<article class=\"article\">\n<header class=\"article__header\">\
         <a class=\"tag\" href=\"/category/{}\">{}</a>\n<h1 class=\"article__title\">{}</h1>\n\
         <p class=\"article__lede\">{}</p>\n<p class=\"article__meta\">",
        escape(&article.category.slug),
        escape(&article.category.name),
        escape(&article.title),
        escape(&article.lede)
    );
    date_line(html, &article.published);
    let _ = write!(
        html,
        "<span class=\"article__reading-time\">{} min read</span></p>\n</header>\n",
        reading_time::minutes(article)
    );
    // The first image on the page is likely the largest paint: it alone loads eagerly.
    let mut eager = true;
    if let Some(hero) = &article.hero {
        figure(html, hero, std::mem::take(&mut eager));
    }
    html.push_str("<div class=\"article-body\">\n");
    for block in &article.body {
        body_block(html, block, &mut eager);
    }
    html.push_str("</div>\n</article>\n");
}

fn body_block(html: &mut String, block: &Block, eager: &mut bool) {
    match block {
        Block::Paragraph { text } => {
            let _ = writeln!(html, "<p>{}</p>", escape(&text.plain_text()));
        }
        Block::Heading { level, text } => {
            let n = match level {
                HeadingLevel::H2 => 2,
                HeadingLevel::H3 => 3,
            };
            let _ = writeln!(html, "<h{n}>{}</h{n}>", escape(text));
        }
        Block::Quote { text, attribution } => {
            let _ = write!(
                html,
                "<figure class=\"quote\"><blockquote><p>{}</p></blockquote>",
                escape(&text.plain_text())
            );
            if let Some(who) = attribution {
                let _ = write!(html, "<figcaption>{}</figcaption>", escape(who));
            }
            html.push_str("</figure>\n");
        }
        Block::List { ordered, items } => {
            let tag = if *ordered { "ol" } else { "ul" };
            let _ = write!(html, "<{tag}>");
            for item in items {
                let _ = write!(html, "<li>{}</li>", escape(&item.plain_text()));
            }
            let _ = writeln!(html, "</{tag}>");
        }
        Block::Image(image) => figure(html, image, std::mem::take(eager)),
        Block::Unsupported => {}
    }
}

fn figure(html: &mut String, image: &Image, eager: bool) {
    html.push_str("<figure class=\"figure\">");
    if let Some(src) = safe_url(&image.src, UrlUse::Image) {
        let alt = if image.decorative { "" } else { &image.alt };
        let (loading, priority) = if eager {
            ("eager", "high")
        } else {
            ("lazy", "auto")
        };
        let _ = write!(
            html,
            "<img src=\"{}\" alt=\"{}\" width=\"{}\" height=\"{}\" loading=\"{loading}\" \
             decoding=\"async\" fetchpriority=\"{priority}\">",
            escape(&src),
            escape(alt),
            image.width,
            image.height
        );
    }
    if let Some(caption) = &image.caption {
        let _ = write!(
            html,
            "<figcaption>{}</figcaption>",
            escape(&caption.plain_text())
        );
    }
    html.push_str("</figure>\n");
}

fn read_more(html: &mut String, related: &[ArticleSummary]) {
    if related.is_empty() {
        return;
    }
    html.push_str(
        "<section class=\"read-more\" aria-labelledby=\"read-more-heading\">\n\
         <h2 id=\"read-more-heading\" class=\"read-more__heading\">Read More</h2>\n\
         <ul class=\"card-grid\" role=\"list\">\n",
    );
    for card in related {
        let _ = write!(
            html,
            "<li><article class=\"card\"><p class=\"card__label\">{}</p>\
             <p class=\"card__category\">{}</p><h3 class=\"card__title\">\
             <a class=\"card__link\" href=\"{}\">{}</a></h3><p class=\"card__excerpt\">{}</p>",
            escape(&card.label),
            escape(&card.category.name),
            static_href(&card.slug),
            escape(&card.title),
            escape(&card_excerpt(&card.lede))
        );
        date_line(html, &card.published);
        html.push_str("</article></li>\n");
    }
    html.push_str("</ul>\n</section>\n");
}

/// The sign-up block as a plain form: without script it posts form-encoded to the endpoint,
/// which is what a zero-JavaScript page can do.
fn newsletter(html: &mut String, site: &Site) {
    let n = &site.newsletter;
    let action = safe_url(&n.endpoint, UrlUse::Link).unwrap_or_default();
    let _ = write!(
        html,
        "<section class=\"newsletter\" aria-labelledby=\"newsletter-heading\">\
         <h2 id=\"newsletter-heading\" class=\"visually-hidden\">Newsletter</h2>\
         <form class=\"newsletter__form\" method=\"post\" action=\"{}\">\
         <p id=\"newsletter-intro\" class=\"newsletter__intro\">{} ",
        escape(&action),
        escape(&n.intro)
    );
    link_or_text(html, &n.privacy_url, &n.privacy_label, "");
    let _ = write!(
        html,
        ".</p><div class=\"newsletter__field\"><label for=\"newsletter-email\" \
         class=\"newsletter__label\">Email address</label><div class=\"newsletter__row\">\
         <input id=\"newsletter-email\" class=\"newsletter__input\" type=\"email\" name=\"email\" \
         autocomplete=\"email\" spellcheck=\"false\" required aria-describedby=\"newsletter-intro\">\
         <button type=\"submit\" class=\"button newsletter__button\">{}</button></div></div>\
         </form><p class=\"newsletter__archive\">{} ",
        escape(&n.button_label),
        escape(&n.archive_text)
    );
    link_or_text(html, &n.archive_url, &n.archive_label, "");
    html.push_str(".</p></section>\n");
}

#[cfg(test)]
mod tests;
