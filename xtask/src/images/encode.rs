//! One source image to its variants: decode, resize, encode as WebP and JPEG, all kept in a
//! cache folder keyed by the source's bytes, the settings and the widths written, so an
//! unchanged image costs one hash on the next build.

use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageReader, RgbImage};
use newsroom_core::model::ImageFormat;
use newsroom_core::picture::{scaled_height, variant_widths, STANDARD_WIDTHS};
use sha2::{Digest, Sha256};
use std::io::Cursor;
use std::path::{Path, PathBuf};

/// Lossy WebP at 75 and JPEG at 80 look alike on photographs; the WebP is about half the bytes.
const WEBP_QUALITY: f32 = 75.0;
const JPEG_QUALITY: u8 = 80;
/// Part of every cache key and file name: changing a setting above must change this.
const SETTINGS: &str = "webp-q75 jpeg-q80 lanczos3 v1";
const FORMATS: [ImageFormat; 2] = [ImageFormat::Webp, ImageFormat::Jpeg];

/// A written variant: its file name (in the cache and in the output folder) and size.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variant {
    pub file_name: String,
    pub width: u32,
    pub height: u32,
    pub format: ImageFormat,
}

/// What one source became.
#[derive(Debug)]
pub struct Encoded {
    pub width: u32,
    pub height: u32,
    pub variants: Vec<Variant>,
    /// The variants came from the cache, nothing was decoded.
    pub from_cache: bool,
    pub cache_dir: PathBuf,
}

/// The variants of the image in `source`, from `cache` when an earlier build made them.
/// Errors name the file.
pub fn variants_of(source: &Path, cache: &Path) -> Result<Encoded, String> {
    let bytes = std::fs::read(source)
        .map_err(|error| format!("cannot read image {}: {error}", source.display()))?;
    let key = cache_key(&bytes, &STANDARD_WIDTHS);
    let stem = file_stem(source);
    let cache_dir = cache.join(&key);
    let manifest = cache_dir.join("manifest.txt");
    if let Some((width, height, variants)) = read_manifest(&manifest) {
        if variants
            .iter()
            .all(|v| cache_dir.join(&v.file_name).is_file())
        {
            return Ok(Encoded {
                width,
                height,
                variants,
                from_cache: true,
                cache_dir,
            });
        }
    }
    let picture = decode(&bytes).map_err(|error| {
        format!(
            "cannot decode image {}: {error} (is it a JPEG or PNG file?)",
            source.display()
        )
    })?;
    let (width, height) = (picture.width(), picture.height());
    std::fs::create_dir_all(&cache_dir)
        .map_err(|error| format!("cannot create {}: {error}", cache_dir.display()))?;
    let mut variants = Vec::new();
    for target in variant_widths(width) {
        let target_height = scaled_height(width, height, target);
        let resized = if target == width {
            picture.clone()
        } else {
            picture.resize_exact(target, target_height, FilterType::Lanczos3)
        };
        for format in FORMATS {
            let file_name = format!("{stem}-{}-{target}.{}", &key[..12], format.extension());
            let encoded = encode(&resized, format)
                .map_err(|error| format!("cannot encode {}: {error}", source.display()))?;
            let path = cache_dir.join(&file_name);
            std::fs::write(&path, encoded)
                .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
            variants.push(Variant {
                file_name,
                width: target,
                height: target_height,
                format,
            });
        }
    }
    write_manifest(&manifest, width, height, &variants)?;
    Ok(Encoded {
        width,
        height,
        variants,
        from_cache: false,
        cache_dir,
    })
}

/// A new list of widths must not be served the old list's files from the cache.
fn cache_key(bytes: &[u8], widths: &[u32]) -> String {
    let mut hasher = Sha256::new().chain_update(SETTINGS);
    for width in widths {
        hasher.update(width.to_le_bytes());
    }
    let digest = hasher.chain_update([0]).chain_update(bytes).finalize();
    digest.iter().map(|byte| format!("{byte:02x}")).collect()
}

/// A lowercase, URL-safe version of the file's name, so variants stay recognisable.
fn file_stem(source: &Path) -> String {
    let stem: String = source
        .file_stem()
        .map(|stem| stem.to_string_lossy().to_lowercase())
        .unwrap_or_default()
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let stem = stem.trim_matches('-');
    if stem.is_empty() {
        "image".to_string()
    } else {
        stem.to_string()
    }
}

/// Decodes and turns the picture upright (cameras record rotation in EXIF instead of pixels).
fn decode(bytes: &[u8]) -> image::ImageResult<DynamicImage> {
    let mut decoder = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()?
        .into_decoder()?;
    let orientation = decoder.orientation()?;
    let mut picture = DynamicImage::from_decoder(decoder)?;
    picture.apply_orientation(orientation);
    Ok(picture)
}

fn encode(picture: &DynamicImage, format: ImageFormat) -> Result<Vec<u8>, String> {
    // Photographs: no transparency to keep, and both encoders take RGB.
    let rgb: RgbImage = picture.to_rgb8();
    match format {
        ImageFormat::Webp => {
            let encoder = webp::Encoder::from_rgb(rgb.as_raw(), rgb.width(), rgb.height());
            Ok(encoder.encode(WEBP_QUALITY).to_vec())
        }
        ImageFormat::Jpeg => {
            let mut out = Vec::new();
            image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(&rgb)
                .map_err(|error| error.to_string())?;
            Ok(out)
        }
        ImageFormat::Avif => Err("AVIF is not written by this build".to_string()),
    }
}

/// `width height` on the first line, then `file width height format` per variant.
fn write_manifest(
    path: &Path,
    width: u32,
    height: u32,
    variants: &[Variant],
) -> Result<(), String> {
    let mut text = format!("{width} {height}\n");
    for variant in variants {
        text.push_str(&format!(
            "{} {} {} {}\n",
            variant.file_name,
            variant.width,
            variant.height,
            variant.format.extension()
        ));
    }
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

fn read_manifest(path: &Path) -> Option<(u32, u32, Vec<Variant>)> {
    let text = std::fs::read_to_string(path).ok()?;
    let mut lines = text.lines();
    let mut size = lines.next()?.split(' ').map(str::parse::<u32>);
    let (width, height) = (size.next()?.ok()?, size.next()?.ok()?);
    let variants = lines
        .map(|line| {
            let fields: Vec<&str> = line.split(' ').collect();
            let [file_name, width, height, extension] = fields[..] else {
                return None;
            };
            let format = FORMATS
                .into_iter()
                .find(|format| format.extension() == extension)?;
            Some(Variant {
                file_name: file_name.to_string(),
                width: width.parse().ok()?,
                height: height.parse().ok()?,
                format,
            })
        })
        .collect::<Option<Vec<Variant>>>()?;
    (!variants.is_empty()).then_some((width, height, variants))
}

#[cfg(test)]
mod tests {
    use super::cache_key;

    #[test]
    fn the_cache_key_changes_with_the_bytes_and_with_the_widths() {
        let key = cache_key(b"photo", &[480, 800]);
        assert_eq!(key, cache_key(b"photo", &[480, 800]));
        assert_ne!(key, cache_key(b"photo", &[480, 680, 800]));
        assert_ne!(key, cache_key(b"photp", &[480, 800]));
    }
}
