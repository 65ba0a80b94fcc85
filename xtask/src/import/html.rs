//! HTML from a CMS into the block model, with html5ever (through scraper) doing the parsing,
//! entity decoding and error recovery exactly as a browser would.
//!
//! Kept: paragraphs, `h1`–`h6` (h1 and h2 become level 2, the rest level 3: the page has its
//! own h1), lists, block quotes with their `cite`/`figcaption`/`footer` as the attribution,
//! figures and images that give their size, preformatted text as code runs, and inline links,
//! emphasis (`em`, `i`), strong (`strong`, `b`), `sup`, `sub`, code and line breaks. Containers
//! (`div`, `section`, WordPress groups) are read through. Everything else is dropped and
//! counted in [`Dropped`], so the importer can say what each post lost.

use super::dropped::Dropped;
use newsroom_core::model::{Block, HeadingLevel, Inline, Mark, RichText, MAX_RUN_DEPTH};
use newsroom_core::url::{safe_url, UrlUse};
use scraper::node::Node;
use scraper::{ElementRef, Html};

/// Elements whose content is never text for a reader: dropped whole, wherever they are.
const DROPPED_ELEMENTS: [&str; 20] = [
    "script", "style", "iframe", "object", "embed", "video", "audio", "canvas", "svg", "form",
    "input", "button", "select", "textarea", "noscript", "template", "table", "hr", "link", "meta",
];

/// Containers read through, block by block.
const CONTAINERS: [&str; 8] = [
    "div", "section", "article", "main", "aside", "header", "footer", "center",
];

/// Nested containers deeper than any theme makes are read as plain text, so a hostile
/// document cannot make the walk recurse without end.
const MAX_CONTAINER_DEPTH: usize = 32;

/// The body blocks of an HTML fragment.
pub fn blocks(html: &str, dropped: &mut Dropped) -> Vec<Block> {
    let fragment = Html::parse_fragment(html);
    let mut out = Vec::new();
    block_children(fragment.root_element(), &mut out, dropped, 0);
    out
}

/// The plain text of an HTML fragment (a title, an excerpt): tags gone, entities decoded,
/// whitespace collapsed, shortcodes removed.
pub fn plain_text(html: &str, dropped: &mut Dropped) -> String {
    let fragment = Html::parse_fragment(html);
    let mut rich = RichText(Vec::new());
    inline_children(fragment.root_element(), &mut rich, dropped, 1);
    let rich = tidy(rich, dropped);
    collapse(&rich.plain_text()).trim().to_string()
}

/// Rich text of an HTML fragment (a caption).
pub fn rich_text(html: &str, dropped: &mut Dropped) -> RichText {
    let fragment = Html::parse_fragment(html);
    let mut rich = RichText(Vec::new());
    inline_children(fragment.root_element(), &mut rich, dropped, 1);
    tidy(rich, dropped)
}

fn block_children(parent: ElementRef, out: &mut Vec<Block>, dropped: &mut Dropped, depth: usize) {
    // Inline content between blocks (text a theme left unwrapped) becomes a paragraph.
    let mut loose = RichText(Vec::new());
    for child in parent.children() {
        let element = ElementRef::wrap(child);
        let is_inline = match &element {
            Some(element) => is_inline(element.value().name()),
            None => matches!(child.value(), Node::Text(_)),
        };
        if is_inline {
            inline_node(child, &mut loose, dropped, 1);
            continue;
        }
        flush_paragraph(&mut loose, out, dropped);
        if let Some(element) = element {
            block(element, out, dropped, depth);
        }
    }
    flush_paragraph(&mut loose, out, dropped);
}

fn flush_paragraph(loose: &mut RichText, out: &mut Vec<Block>, dropped: &mut Dropped) {
    let text = tidy(std::mem::take(loose), dropped);
    if !text.0.is_empty() {
        out.push(Block::Paragraph { text });
    }
}

fn is_inline(name: &str) -> bool {
    !(CONTAINERS.contains(&name)
        || DROPPED_ELEMENTS.contains(&name)
        || matches!(
            name,
            "p" | "h1"
                | "h2"
                | "h3"
                | "h4"
                | "h5"
                | "h6"
                | "ul"
                | "ol"
                | "li"
                | "blockquote"
                | "figure"
                | "figcaption"
                | "pre"
                | "img"
                | "dl"
        ))
}

fn block(element: ElementRef, out: &mut Vec<Block>, dropped: &mut Dropped, depth: usize) {
    let name = element.value().name();
    match name {
        "p" => {
            // The classic editor wraps images in paragraphs.
            for image in element.children().filter_map(ElementRef::wrap) {
                if image.value().name() == "img" {
                    out.extend(image_block(image, None, dropped));
                }
            }
            let mut text = RichText(Vec::new());
            for child in element.children().filter(|child| !is_img(*child)) {
                inline_node(child, &mut text, dropped, 1);
            }
            let text = tidy(text, dropped);
            if text.0.is_empty() {
                if !element.children().any(is_img) {
                    dropped.add("empty paragraph");
                }
            } else {
                out.push(Block::Paragraph { text });
            }
        }
        "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
            let level = if matches!(name, "h1" | "h2") {
                HeadingLevel::H2
            } else {
                HeadingLevel::H3
            };
            let text = collapse(&inline_of(element, dropped).plain_text())
                .trim()
                .to_string();
            if text.is_empty() {
                dropped.add("empty heading");
            } else {
                out.push(Block::Heading { level, text });
            }
        }
        "ul" | "ol" => {
            let mut items = Vec::new();
            list_items(element, &mut items, dropped, depth);
            if items.is_empty() {
                dropped.add("empty list");
            } else {
                out.push(Block::List {
                    ordered: name == "ol",
                    items,
                });
            }
        }
        "blockquote" => quote(element, None, out, dropped),
        "figure" => figure(element, out, dropped, depth),
        "img" => out.extend(image_block(element, None, dropped)),
        "pre" => {
            let mut runs = Vec::new();
            for line in element.text().collect::<String>().lines() {
                if !runs.is_empty() {
                    runs.push(Inline::Break);
                }
                if !line.trim().is_empty() {
                    runs.push(Inline::Code(line.to_string()));
                }
            }
            if runs.iter().any(|run| matches!(run, Inline::Code(_))) {
                out.push(Block::Paragraph {
                    text: RichText(runs),
                });
            }
        }
        _ if DROPPED_ELEMENTS.contains(&name) => dropped.add(name),
        _ if depth >= MAX_CONTAINER_DEPTH => {
            let text = collapse(&element.text().collect::<String>());
            if !text.trim().is_empty() {
                out.push(Block::Paragraph {
                    text: RichText::plain(text.trim()),
                });
            }
            dropped.add("markup nested too deep (kept as plain text)");
        }
        _ => block_children(element, out, dropped, depth + 1),
    }
}

fn is_img(node: ego_tree::NodeRef<Node>) -> bool {
    ElementRef::wrap(node).is_some_and(|element| element.value().name() == "img")
}

fn list_items(list: ElementRef, items: &mut Vec<RichText>, dropped: &mut Dropped, depth: usize) {
    for item in list.children().filter_map(ElementRef::wrap) {
        if item.value().name() != "li" {
            continue;
        }
        let mut text = RichText(Vec::new());
        let mut nested = Vec::new();
        for child in item.children() {
            match ElementRef::wrap(child) {
                Some(sub) if matches!(sub.value().name(), "ul" | "ol") => nested.push(sub),
                _ => inline_node(child, &mut text, dropped, 1),
            }
        }
        let text = tidy(text, dropped);
        if !text.0.is_empty() {
            items.push(text);
        }
        for sub in nested {
            if depth < MAX_CONTAINER_DEPTH {
                dropped.add("nested list (flattened)");
                list_items(sub, items, dropped, depth + 1);
            }
        }
    }
}

/// A quote: its paragraphs joined by line breaks, its `cite` or `footer` (or the enclosing
/// figure's caption) as the attribution.
fn quote(
    element: ElementRef,
    caption: Option<String>,
    out: &mut Vec<Block>,
    dropped: &mut Dropped,
) {
    let mut runs = Vec::new();
    let mut attribution = caption;
    for child in element.children() {
        match ElementRef::wrap(child) {
            Some(part) if matches!(part.value().name(), "cite" | "footer" | "figcaption") => {
                let who = collapse(&inline_of(part, dropped).plain_text());
                let who = who.trim().trim_start_matches(['—', '–', '-']).trim();
                if !who.is_empty() {
                    attribution = Some(who.to_string());
                }
            }
            Some(part) if part.value().name() == "p" => {
                let text = inline_of(part, dropped);
                if !text.0.is_empty() {
                    if !runs.is_empty() {
                        runs.push(Inline::Break);
                    }
                    runs.extend(text.0);
                }
            }
            _ => {
                let mut loose = RichText(Vec::new());
                inline_node(child, &mut loose, dropped, 1);
                let loose = tidy(loose, dropped);
                if !loose.0.is_empty() {
                    if !runs.is_empty() {
                        runs.push(Inline::Break);
                    }
                    runs.extend(loose.0);
                }
            }
        }
    }
    if runs.is_empty() {
        dropped.add("empty quote");
        return;
    }
    out.push(Block::Quote {
        text: RichText(runs),
        attribution,
    });
}

/// WordPress image, quote and embed blocks are all figures; the caption goes with what the
/// figure holds.
fn figure(element: ElementRef, out: &mut Vec<Block>, dropped: &mut Dropped, depth: usize) {
    let children: Vec<ElementRef> = element.children().filter_map(ElementRef::wrap).collect();
    let caption = children
        .iter()
        .find(|child| child.value().name() == "figcaption")
        .map(|caption| inline_of(*caption, dropped))
        .filter(|caption| !caption.0.is_empty());
    let image = element
        .descendants()
        .filter_map(ElementRef::wrap)
        .find(|child| child.value().name() == "img");
    if let Some(quoted) = children.iter().find(|c| c.value().name() == "blockquote") {
        let caption = caption.map(|caption| collapse(&caption.plain_text()).trim().to_string());
        quote(*quoted, caption, out, dropped);
    } else if let Some(image) = image {
        out.extend(image_block(image, caption, dropped));
    } else if element
        .value()
        .classes()
        .any(|class| class == "wp-block-embed")
    {
        dropped.add("embed");
    } else {
        for child in children {
            if child.value().name() != "figcaption" {
                block(child, out, dropped, depth + 1);
            }
        }
    }
}

fn image_block(img: ElementRef, caption: Option<RichText>, dropped: &mut Dropped) -> Option<Block> {
    let size = |name: &str| {
        img.attr(name)
            .and_then(|value| value.trim().parse::<u32>().ok())
    };
    let src = img.attr("src").map(str::trim).unwrap_or_default();
    let (Some(width), Some(height)) = (size("width"), size("height")) else {
        dropped.add("image without width and height");
        return None;
    };
    if safe_url(src, UrlUse::Image).is_none() || width == 0 || height == 0 {
        dropped.add("image with an unusable address or size");
        return None;
    }
    let alt = img.attr("alt").map(collapse).unwrap_or_default();
    Some(Block::Image(super::cms_image(
        src,
        alt.trim().to_string(),
        caption,
        (width, height),
    )))
}

fn inline_of(element: ElementRef, dropped: &mut Dropped) -> RichText {
    let mut rich = RichText(Vec::new());
    inline_children(element, &mut rich, dropped, 1);
    tidy(rich, dropped)
}

fn inline_children(element: ElementRef, out: &mut RichText, dropped: &mut Dropped, depth: usize) {
    for child in element.children() {
        inline_node(child, out, dropped, depth);
    }
}

fn inline_node(
    node: ego_tree::NodeRef<Node>,
    out: &mut RichText,
    dropped: &mut Dropped,
    depth: usize,
) {
    let element = match node.value() {
        Node::Text(text) => {
            out.0.push(Inline::Text(text.to_string()));
            return;
        }
        Node::Element(_) => ElementRef::wrap(node).expect("an element node"),
        // Comments (Gutenberg's block markers among them) and the rest are not content.
        _ => return,
    };
    let name = element.value().name();
    let nested = |dropped: &mut Dropped| {
        let mut inner = RichText(Vec::new());
        inline_children(element, &mut inner, dropped, depth + 1);
        inner
    };
    if DROPPED_ELEMENTS.contains(&name) || name == "img" {
        dropped.add(if name == "img" { "inline image" } else { name });
        return;
    }
    if depth >= MAX_RUN_DEPTH {
        out.0.push(Inline::Text(element.text().collect()));
        return;
    }
    match name {
        "br" => out.0.push(Inline::Break),
        "code" | "kbd" | "samp" | "tt" => {
            out.0
                .push(Inline::Code(collapse(&element.text().collect::<String>())));
        }
        "a" => {
            let text = nested(dropped);
            match element.attr("href").map(str::trim) {
                Some(href) if safe_url(href, UrlUse::Link).is_some() => {
                    out.0.push(Inline::Link {
                        href: href.to_string(),
                        text,
                    });
                }
                Some(_) => {
                    dropped.add("link with a refused address (text kept)");
                    out.0.extend(text.0);
                }
                None => out.0.extend(text.0),
            }
        }
        _ => {
            let text = nested(dropped);
            match mark_of(name) {
                Some(mark) => out.0.push(Inline::Mark { mark, text }),
                None => out.0.extend(text.0),
            }
        }
    }
}

fn mark_of(name: &str) -> Option<Mark> {
    Some(match name {
        "em" | "i" => Mark::Emphasis,
        "strong" | "b" => Mark::Strong,
        "sup" => Mark::Superscript,
        "sub" => Mark::Subscript,
        _ => return None,
    })
}

/// Whitespace as a browser shows it: runs of ASCII whitespace as one space. No-break spaces
/// are kept: they hold "10 km" together.
fn collapse(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_ascii_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Runs as the model wants them: shortcodes removed, whitespace collapsed, neighbouring text
/// merged, leading and trailing spaces and breaks trimmed. Empty when nothing readable is left.
fn tidy(text: RichText, dropped: &mut Dropped) -> RichText {
    let mut runs = tidy_runs(text, dropped);
    trim_runs(&mut runs);
    if RichText(runs.clone()).plain_text().trim().is_empty() {
        return RichText(Vec::new());
    }
    RichText(runs)
}

/// Inside links and marks spaces at the edges stay: they separate words.
fn tidy_runs(text: RichText, dropped: &mut Dropped) -> Vec<Inline> {
    let mut runs: Vec<Inline> = Vec::new();
    for run in text.0 {
        let run = match run {
            Inline::Text(text) => Inline::Text(collapse(&super::shortcode::strip(&text, dropped))),
            Inline::Link { href, text } => Inline::Link {
                href,
                text: RichText(tidy_runs(text, dropped)),
            },
            Inline::Mark { mark, text } => Inline::Mark {
                mark,
                text: RichText(tidy_runs(text, dropped)),
            },
            other => other,
        };
        let run = match run {
            Inline::Link { text, .. } | Inline::Mark { text, .. }
                if text.plain_text().trim().is_empty() =>
            {
                // Styling around nothing but a space: keep the space, lose the styling.
                Inline::Text(if text.0.is_empty() {
                    String::new()
                } else {
                    " ".into()
                })
            }
            Inline::Code(code) if code.trim().is_empty() => Inline::Text(String::new()),
            run => run,
        };
        match (runs.last_mut(), run) {
            (_, Inline::Text(next)) if next.is_empty() => {}
            (Some(Inline::Text(previous)), Inline::Text(next)) => {
                if previous.ends_with(' ') && next.starts_with(' ') {
                    previous.push_str(&next[1..]);
                } else {
                    previous.push_str(&next);
                }
            }
            (_, run) => runs.push(run),
        }
    }
    runs
}

fn trim_runs(runs: &mut Vec<Inline>) {
    while matches!(runs.first(), Some(Inline::Break)) {
        runs.remove(0);
    }
    while matches!(runs.last(), Some(Inline::Break)) {
        runs.pop();
    }
    if let Some(Inline::Text(first)) = runs.first_mut() {
        *first = first.trim_start_matches(' ').to_string();
    }
    if let Some(Inline::Text(last)) = runs.last_mut() {
        *last = last.trim_end_matches(' ').to_string();
    }
    runs.retain(|run| !matches!(run, Inline::Text(text) if text.is_empty()));
}

#[cfg(test)]
mod tests;
