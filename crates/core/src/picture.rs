//! Responsive images: which widths the build writes, and what the views and the page head
//! make of them (`srcset`, `sizes`, the fallback `src`, the Open Graph image).

use crate::model::{Image, ImageFormat, ImageVariant};
use crate::url::{safe_url, UrlUse};

/// The widths written for every raster image: 480 for a phone at 1×; 680 for a budget Android
/// (412 px at 1.75×, a 665 px column) or a 360 px phone at 2×, readers on slow links who would
/// otherwise get the 800 (Chromium takes the narrowest file at least as dense as the screen;
/// 9 KB less for the seed's photograph); 800 for a phone at 2×; 1200 for a tablet; 1600 for a
/// desktop at 2×.
pub const STANDARD_WIDTHS: [u32; 5] = [480, 680, 800, 1200, 1600];

/// How wide an article image is laid out: the article column (at most `--measure`, 68ch, about
/// 43rem in the body font) inside `main`'s 1rem side padding. Slightly generous above the
/// column's width, so a browser never picks a variant too small.
pub const ARTICLE_SIZES: &str = "(min-width: 47rem) 45rem, calc(100vw - 2rem)";

/// The widths to write for a source `source_width` pixels wide: every standard width it
/// covers, and its own width when it falls short of the widest one. Never wider than the
/// source: upscaling costs bytes and adds nothing.
pub fn variant_widths(source_width: u32) -> Vec<u32> {
    let mut widths: Vec<u32> = STANDARD_WIDTHS
        .into_iter()
        .filter(|&width| width <= source_width)
        .collect();
    if source_width > 0 && widths.last() != Some(&source_width) && source_width < 1600 {
        widths.push(source_width);
    }
    widths
}

/// The height of a `width`-wide copy of a `source_width` × `source_height` image, rounded,
/// at least one pixel.
pub fn scaled_height(source_width: u32, source_height: u32, width: u32) -> u32 {
    let exact = u64::from(source_height) * u64::from(width);
    let rounded = (exact + u64::from(source_width) / 2) / u64::from(source_width.max(1));
    u32::try_from(rounded).unwrap_or(u32::MAX).max(1)
}

/// Variants of `format` whose address is safe and can stand in a `srcset` list (no spaces or
/// commas, which separate its entries), in the content's order (a `srcset`'s order does not
/// matter; the build writes them narrowest first).
fn usable(image: &Image, format: ImageFormat) -> impl Iterator<Item = &ImageVariant> {
    image
        .variants
        .iter()
        .filter(move |variant| variant.format == format && variant.width > 0)
        .filter(|variant| !variant.src.contains([' ', ',']))
        .filter(|variant| safe_url(&variant.src, UrlUse::Image).is_some())
}

/// `"a-480.avif 480w, a-800.avif 800w"`, or None when the image has no usable variant of
/// `format`.
pub fn srcset(image: &Image, format: ImageFormat) -> Option<String> {
    let entries: Vec<String> = usable(image, format)
        .map(|variant| format!("{} {}w", variant.src, variant.width))
        .collect();
    (!entries.is_empty()).then(|| entries.join(", "))
}

/// The modern formats with variants, in the order a `<picture>` should offer them.
pub fn modern_formats(image: &Image) -> Vec<ImageFormat> {
    [ImageFormat::Avif, ImageFormat::Webp]
        .into_iter()
        .filter(|&format| usable(image, format).next().is_some())
        .collect()
}

/// The JPEG variant of width closest to `target` from above (the widest one when none is that
/// wide).
fn jpeg_at_least(image: &Image, target: u32) -> Option<&ImageVariant> {
    let wide_enough = usable(image, ImageFormat::Jpeg)
        .filter(|variant| variant.width >= target)
        .min_by_key(|variant| variant.width);
    wide_enough.or_else(|| usable(image, ImageFormat::Jpeg).max_by_key(|variant| variant.width))
}

/// The `src` of the `<img>`, for browsers without `srcset`: a JPEG variant fit for a desktop
/// column, or the original file when the build wrote none.
pub fn fallback_src(image: &Image) -> &str {
    jpeg_at_least(image, 800).map_or(image.src.as_str(), |variant| variant.src.as_str())
}

/// The image link previews show: a JPEG (every crawler reads it) about 1200 px wide, as
/// Facebook and LinkedIn recommend. None when the build wrote no JPEG variant.
pub fn share_preview(image: &Image) -> Option<&ImageVariant> {
    jpeg_at_least(image, 1200)
}

#[cfg(test)]
mod tests;
