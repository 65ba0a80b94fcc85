use super::*;

fn variant(src: &str, width: u32, format: ImageFormat) -> ImageVariant {
    ImageVariant {
        src: src.to_string(),
        width,
        height: width / 2,
        format,
    }
}

fn image(variants: Vec<ImageVariant>) -> Image {
    Image {
        src: "/images/photo.jpg".to_string(),
        alt: "A photo".to_string(),
        decorative: false,
        caption: None,
        width: 1920,
        height: 960,
        credit: None,
        variants,
    }
}

#[test]
fn a_wide_source_gets_every_standard_width() {
    assert_eq!(variant_widths(1920), vec![480, 680, 800, 1200, 1600]);
    assert_eq!(variant_widths(1600), vec![480, 680, 800, 1200, 1600]);
}

#[test]
fn a_narrower_source_is_never_upscaled_and_keeps_its_own_width() {
    assert_eq!(variant_widths(1000), vec![480, 680, 800, 1000]);
    assert_eq!(variant_widths(800), vec![480, 680, 800]);
    assert_eq!(variant_widths(700), vec![480, 680, 700]);
    assert_eq!(variant_widths(300), vec![300]);
    assert!(variant_widths(0).is_empty());
}

#[test]
fn heights_keep_the_ratio() {
    assert_eq!(scaled_height(1920, 1280, 480), 320);
    assert_eq!(scaled_height(1680, 1050, 800), 500);
    assert_eq!(scaled_height(3, 1, 1), 1, "never zero");
}

#[test]
fn srcset_lists_one_format() {
    let image = image(vec![
        variant("/v/a-480.avif", 480, ImageFormat::Avif),
        variant("/v/a-800.avif", 800, ImageFormat::Avif),
        variant("/v/a-480.jpg", 480, ImageFormat::Jpeg),
    ]);
    assert_eq!(
        srcset(&image, ImageFormat::Avif).as_deref(),
        Some("/v/a-480.avif 480w, /v/a-800.avif 800w")
    );
    assert_eq!(
        srcset(&image, ImageFormat::Jpeg).as_deref(),
        Some("/v/a-480.jpg 480w")
    );
    assert_eq!(srcset(&image, ImageFormat::Webp), None);
    assert_eq!(modern_formats(&image), vec![ImageFormat::Avif]);
}

#[test]
fn unsafe_or_list_breaking_addresses_are_left_out() {
    let image = image(vec![
        variant("javascript:alert(1)", 480, ImageFormat::Jpeg),
        variant("/v/a b.jpg", 800, ImageFormat::Jpeg),
        variant("/v/a,b.jpg", 1000, ImageFormat::Jpeg),
        variant("/v/ok.jpg", 1200, ImageFormat::Jpeg),
    ]);
    assert_eq!(
        srcset(&image, ImageFormat::Jpeg).as_deref(),
        Some("/v/ok.jpg 1200w")
    );
}

#[test]
fn the_fallback_is_a_desktop_sized_jpeg_or_the_original() {
    let with = image(vec![
        variant("/v/a-1600.jpg", 1600, ImageFormat::Jpeg),
        variant("/v/a-480.jpg", 480, ImageFormat::Jpeg),
        variant("/v/a-800.jpg", 800, ImageFormat::Jpeg),
        variant("/v/a-800.avif", 800, ImageFormat::Avif),
    ]);
    assert_eq!(fallback_src(&with), "/v/a-800.jpg");
    assert_eq!(fallback_src(&image(Vec::new())), "/images/photo.jpg");
    let small = image(vec![variant("/v/a-300.jpg", 300, ImageFormat::Jpeg)]);
    assert_eq!(fallback_src(&small), "/v/a-300.jpg");
}

#[test]
fn link_previews_get_a_jpeg_of_about_1200_px() {
    let with = image(vec![
        variant("/v/a-800.jpg", 800, ImageFormat::Jpeg),
        variant("/v/a-1200.jpg", 1200, ImageFormat::Jpeg),
        variant("/v/a-1200.avif", 1200, ImageFormat::Avif),
    ]);
    assert_eq!(
        share_preview(&with).map(|v| v.src.as_str()),
        Some("/v/a-1200.jpg")
    );
    assert_eq!(share_preview(&image(Vec::new())), None);
}
