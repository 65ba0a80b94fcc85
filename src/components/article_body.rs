use crate::components::link::{safe_image_src, SafeLink};
use leptos::html::{br, custom};
use leptos::prelude::*;
use newsroom_core::model::{
    Block, HeadingLevel, Image, ImageFormat, Inline, RichText, MAX_RUN_DEPTH,
};
use newsroom_core::picture;

/// Whether an image may be loaded late. The first image on the page is likely on the first
/// screen (and often the largest paint), so it loads eagerly with high priority.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Loading {
    Eager,
    Lazy,
}

/// The article body, block by block, in order. Text always renders as text, never as markup.
#[component]
pub fn ArticleBody(blocks: Vec<Block>, first_image: Loading) -> impl IntoView {
    let mut next_image_loading = first_image;
    let views = blocks
        .into_iter()
        .enumerate()
        .map(|(index, block)| match block {
            Block::Paragraph { text } => {
                view! { <p>{rich_text(text, &format!("body[{index}].text"))}</p> }.into_any()
            }
            Block::Heading {
                level: HeadingLevel::H2,
                text,
            } => view! { <h2>{text}</h2> }.into_any(),
            Block::Heading {
                level: HeadingLevel::H3,
                text,
            } => view! { <h3>{text}</h3> }.into_any(),
            Block::Quote { text, attribution } => view! {
                <figure class="quote">
                    <blockquote>
                        <p>{rich_text(text, &format!("body[{index}].text"))}</p>
                    </blockquote>
                    {attribution.map(|who| view! { <figcaption>{who}</figcaption> })}
                </figure>
            }
            .into_any(),
            Block::List { ordered, items } => {
                let items = items
                    .into_iter()
                    .enumerate()
                    .map(|(item_index, item)| {
                        let field = format!("body[{index}].items[{item_index}]");
                        view! { <li>{rich_text(item, &field)}</li> }
                    })
                    .collect_view();
                if ordered {
                    view! { <ol>{items}</ol> }.into_any()
                } else {
                    view! { <ul>{items}</ul> }.into_any()
                }
            }
            Block::Image(image) => {
                let loading = std::mem::replace(&mut next_image_loading, Loading::Lazy);
                view! { <Figure image field=format!("body[{index}].src") loading /> }.into_any()
            }
            Block::Unsupported => ().into_any(),
        })
        .collect_view();
    view! { <div class="article-body">{views}</div> }
}

/// An image with its reserved size and optional caption and credit. When the build wrote
/// resized variants, a `<picture>` offers the modern format first and JPEG to every other
/// browser; `sizes` follows the article column, so a phone fetches a phone-sized file.
#[component]
pub fn Figure(image: Image, field: String, loading: Loading) -> impl IntoView {
    let original = safe_image_src(&image.src, &field);
    let caption_field = format!("{}.caption", field.strip_suffix(".src").unwrap_or(&field));
    let (loading_attr, priority) = match loading {
        Loading::Eager => ("eager", "high"),
        Loading::Lazy => ("lazy", "auto"),
    };
    let media = original.map(|_| {
        let alt = if image.decorative {
            String::new()
        } else {
            image.alt.clone()
        };
        let jpeg_srcset = picture::srcset(&image, ImageFormat::Jpeg);
        let sizes = jpeg_srcset.as_ref().map(|_| picture::ARTICLE_SIZES);
        let img = view! {
            <img
                src=picture::fallback_src(&image).to_string()
                srcset=jpeg_srcset
                sizes=sizes
                alt=alt
                width=image.width
                height=image.height
                loading=loading_attr
                decoding="async"
                fetchpriority=priority
            />
        };
        let modern = picture::modern_formats(&image);
        if modern.is_empty() {
            return img.into_any();
        }
        let sources = modern
            .into_iter()
            .map(|format| {
                view! {
                    <source
                        type=format.mime_type()
                        srcset=picture::srcset(&image, format)
                        sizes=picture::ARTICLE_SIZES
                    />
                }
            })
            .collect_view();
        view! { <picture>{sources}{img}</picture> }.into_any()
    });
    let credit = image
        .credit
        .map(|credit| view! { <span class="figure__credit">{format!(" Photo: {credit}")}</span> });
    let caption = (image.caption.is_some() || credit.is_some())
        .then(|| view! { <figcaption>{image.caption.map(|caption| rich_text(caption, &caption_field))}{credit}</figcaption> });
    view! { <figure class="figure">{media}{caption}</figure> }
}

/// Rich text as DOM nodes: every piece of text a text node, styling as the element of the
/// same meaning, links through [`SafeLink`] (so a refused address shows as text, with a console
/// warning naming `field` and the run, as in `body[2].text[1].href`). Runs nested past
/// [`MAX_RUN_DEPTH`] show as plain text, so no content can make rendering recurse without end.
pub fn rich_text(text: RichText, field: &str) -> AnyView {
    runs(text, field, 1)
}

fn runs(text: RichText, field: &str, depth: usize) -> AnyView {
    let mut runs = text.0;
    if let [Inline::Text(_)] = runs.as_slice() {
        if let Some(Inline::Text(text)) = runs.pop() {
            return text.into_any();
        }
    }
    runs.into_iter()
        .enumerate()
        .map(|(index, run)| run_view(run, field, index, depth))
        .collect::<Vec<_>>()
        .into_any()
}

fn run_view(run: Inline, field: &str, index: usize, depth: usize) -> AnyView {
    match run {
        Inline::Text(text) => text.into_any(),
        Inline::Break => br().into_any(),
        // The same element type as the marks: one less view type in the wasm.
        Inline::Code(code) => custom("code").child(code.into_any()).into_any(),
        run if depth >= MAX_RUN_DEPTH => RichText(vec![run]).plain_text().into_any(),
        Inline::Mark { mark, text } => {
            let inner = runs(text, &format!("{field}[{index}].text"), depth + 1);
            custom(mark.name()).child(inner).into_any()
        }
        Inline::Link { href, text } => {
            let inner = runs(text, &format!("{field}[{index}].text"), depth + 1);
            let field = format!("{field}[{index}].href");
            view! { <SafeLink href field>{inner}</SafeLink> }.into_any()
        }
        Inline::Unknown { text, .. } => runs(text, &format!("{field}[{index}].text"), depth + 1),
    }
}
