use super::*;
use image::{ImageBuffer, Rgb};

/// A fresh `dist/` with one article whose body uses `/images/{name}` holding `bytes`, removed
/// when dropped.
fn dist_with_image(name: &str, bytes: &[u8]) -> tempfile::TempDir {
    let folder = tempfile::Builder::new()
        .prefix("newsroom-images-")
        .tempdir()
        .unwrap();
    let dist = folder.path();
    std::fs::create_dir_all(dist.join("content/articles")).unwrap();
    std::fs::create_dir_all(dist.join("images")).unwrap();
    std::fs::write(dist.join("images").join(name), bytes).unwrap();
    let article = json!({
        "slug": "a",
        "extra": "kept",
        "body": [
            { "type": "paragraph", "text": "x" },
            { "type": "image", "src": format!("/images/{name}"), "alt": "A", "width": 1, "height": 1 },
            { "type": "image", "src": "/images/logo.svg", "alt": "B", "width": 5, "height": 5 }
        ]
    });
    std::fs::write(dist.join("content/articles/a.json"), article.to_string()).unwrap();
    folder
}

/// A JPEG with enough texture to be a fair stand-in for a photograph.
fn photo_jpeg(width: u32, height: u32) -> Vec<u8> {
    let picture = ImageBuffer::from_fn(width, height, |x, y| {
        Rgb([(x % 251) as u8, (y % 241) as u8, ((x * y) % 239) as u8])
    });
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&picture)
        .unwrap();
    bytes
}

fn image_block(dist: &Path) -> Value {
    let text = std::fs::read_to_string(dist.join("content/articles/a.json")).unwrap();
    let document: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(document["extra"], "kept", "unknown fields survive");
    document["body"][1].clone()
}

fn widths_of(image: &Value, format: &str) -> Vec<u64> {
    image["variants"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|variant| variant["format"] == format)
        .map(|variant| variant["width"].as_u64().unwrap())
        .collect()
}

#[test]
fn a_wide_photo_gets_every_width_in_both_formats_and_its_real_size() {
    let dist_folder = dist_with_image("Wide Photo.jpg", &photo_jpeg(1700, 850));
    let dist = dist_folder.path();
    let report = process(dist, &dist.join("cache")).unwrap();
    assert_eq!(
        (report.sources, report.encoded, report.variants),
        (1, 1, 10)
    );
    let image = image_block(dist);
    assert_eq!(
        (image["width"].as_u64(), image["height"].as_u64()),
        (Some(1700), Some(850))
    );
    assert_eq!(widths_of(&image, "webp"), [480, 680, 800, 1200, 1600]);
    assert_eq!(widths_of(&image, "jpeg"), [480, 680, 800, 1200, 1600]);
    for variant in image["variants"].as_array().unwrap() {
        let src = variant["src"].as_str().unwrap();
        assert!(src.starts_with("/images/variants/wide-photo-"), "{src}");
        let bytes = std::fs::read(dist.join(src.trim_start_matches('/'))).unwrap();
        let size = if variant["format"] == "webp" {
            let decoded = webp::Decoder::new(&bytes).decode().expect("a WebP file");
            (decoded.width(), decoded.height())
        } else {
            let decoded = image::load_from_memory(&bytes).expect("a JPEG file");
            (decoded.width(), decoded.height())
        };
        let expected = (variant["width"].as_u64(), variant["height"].as_u64());
        assert_eq!(
            (Some(u64::from(size.0)), Some(u64::from(size.1))),
            expected,
            "{src}"
        );
    }
    let svg: Value = serde_json::from_str::<Value>(
        &std::fs::read_to_string(dist.join("content/articles/a.json")).unwrap(),
    )
    .unwrap()["body"][2]
        .clone();
    assert!(
        svg.get("variants").is_none(),
        "vector images are left alone"
    );
}

#[test]
fn a_narrow_photo_is_never_upscaled() {
    let dist_folder = dist_with_image("small.jpg", &photo_jpeg(640, 400));
    let dist = dist_folder.path();
    process(dist, &dist.join("cache")).unwrap();
    let image = image_block(dist);
    assert_eq!(widths_of(&image, "webp"), [480, 640]);
    assert_eq!(widths_of(&image, "jpeg"), [480, 640]);
}

#[test]
fn an_unchanged_photo_comes_from_the_cache_and_a_changed_one_does_not() {
    let cache_folder = tempfile::tempdir().unwrap();
    let cache = cache_folder.path();
    let first_folder = dist_with_image("p.jpg", &photo_jpeg(900, 600));
    let first = first_folder.path();
    assert_eq!(process(first, cache).unwrap().encoded, 1);
    let written_before = image_block(first);

    let second_folder = dist_with_image("p.jpg", &photo_jpeg(900, 600));

    let second = second_folder.path();
    let report = process(second, cache).unwrap();
    assert_eq!((report.encoded, report.from_cache), (0, 1));
    assert_eq!(image_block(second), written_before, "the same record");
    for variant in written_before["variants"].as_array().unwrap() {
        let src = variant["src"].as_str().unwrap().trim_start_matches('/');
        assert!(second.join(src).is_file(), "{src} copied from the cache");
    }

    let changed_folder = dist_with_image("p.jpg", &photo_jpeg(901, 600));

    let changed = changed_folder.path();
    let report = process(changed, cache).unwrap();
    assert_eq!((report.encoded, report.from_cache), (1, 0));
    assert_ne!(image_block(changed)["variants"], written_before["variants"]);
}

#[test]
fn a_corrupt_image_is_an_error_naming_the_file_and_the_content_using_it() {
    let dist_folder = dist_with_image("broken.jpg", b"\xFF\xD8\xFF\xE0 this is not really a JPEG");
    let dist = dist_folder.path();
    let error = process(dist, &dist.join("cache")).unwrap_err();
    assert!(error.contains("broken.jpg"), "{error}");
    assert!(error.contains("content/articles/a.json"), "{error}");
    assert!(error.contains("cannot decode"), "{error}");
}

#[test]
fn a_missing_image_is_an_error_naming_it() {
    let dist_folder = dist_with_image("here.jpg", &photo_jpeg(10, 10));
    let dist = dist_folder.path();
    std::fs::remove_file(dist.join("images/here.jpg")).unwrap();
    let error = process(dist, &dist.join("cache")).unwrap_err();
    assert!(
        error.contains("here.jpg") && error.contains("cannot read"),
        "{error}"
    );
}
