//! The image pipeline of `cargo xtask build`: every raster image the content uses gets resized
//! variants (WebP and JPEG, see `encode`) in `dist/images/variants/`, and the copy of the
//! content in `dist/content/` records them with the file's own width and height. The app and
//! the prerenderer both read that copy, so they render the same `<picture>`.
//!
//! WebP rather than AVIF: measured here (2 cores), ravif 0.13 added about 190 s to a cold
//! compile and took 10–20 s to encode one photograph's four widths, lossy WebP under 1 s, for
//! files about a third larger; and every browser in use reads WebP.

mod encode;

use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Where variants go, under `dist/` and as the site's path.
const OUTPUT: &str = "images/variants";

/// What a run did, for the build's log and the tests.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Report {
    pub sources: usize,
    pub encoded: usize,
    pub from_cache: usize,
    pub variants: usize,
    pub content_files_updated: usize,
}

/// Processes every content file under `dist/content/`, keeping encoded variants in `cache`.
pub fn process(dist: &Path, cache: &Path) -> Result<Report, String> {
    let content = dist.join("content");
    let mut files = Vec::new();
    json_files(&content, &mut files)?;
    files.sort();
    let mut report = Report::default();
    let mut done: BTreeMap<String, Value> = BTreeMap::new();
    for file in files {
        let text = std::fs::read_to_string(&file)
            .map_err(|error| format!("cannot read {}: {error}", file.display()))?;
        // Files that are not JSON are the content checks' business, not this step's.
        let Ok(mut document) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let mut changed = false;
        let mut failure = None;
        visit_images(&mut document, &mut |image| {
            if failure.is_some() {
                return;
            }
            let Some(src) = local_raster_src(image) else {
                return;
            };
            if !done.contains_key(&src) {
                match variants_for(dist, &src, cache, &mut report) {
                    Ok(record) => {
                        done.insert(src.clone(), record);
                    }
                    Err(error) => {
                        failure = Some(format!("{} uses {src}: {error}", relative(dist, &file)));
                        return;
                    }
                }
            }
            if let (Some(object), Value::Object(record)) = (image.as_object_mut(), &done[&src]) {
                for (key, value) in record {
                    object.insert(key.clone(), value.clone());
                }
                changed = true;
            }
        });
        if let Some(error) = failure {
            return Err(error);
        }
        if changed {
            let text = serde_json::to_string(&document).map_err(|error| error.to_string())?;
            std::fs::write(&file, text)
                .map_err(|error| format!("cannot write {}: {error}", file.display()))?;
            report.content_files_updated += 1;
        }
    }
    Ok(report)
}

/// Encodes (or takes from the cache) one source and copies its variants into `dist`; returns
/// the fields the image's JSON object gets.
fn variants_for(
    dist: &Path,
    src: &str,
    cache: &Path,
    report: &mut Report,
) -> Result<Value, String> {
    let source = dist.join(src.trim_start_matches('/'));
    let encoded = encode::variants_of(&source, cache)?;
    let output = dist.join(OUTPUT);
    std::fs::create_dir_all(&output)
        .map_err(|error| format!("cannot create {}: {error}", output.display()))?;
    let mut variants = Vec::new();
    for variant in &encoded.variants {
        let target = output.join(&variant.file_name);
        std::fs::copy(encoded.cache_dir.join(&variant.file_name), &target)
            .map_err(|error| format!("cannot write {}: {error}", target.display()))?;
        variants.push(json!({
            "src": format!("/{OUTPUT}/{}", variant.file_name),
            "width": variant.width,
            "height": variant.height,
            "format": variant.format,
        }));
    }
    report.sources += 1;
    report.variants += variants.len();
    if encoded.from_cache {
        report.from_cache += 1;
    } else {
        report.encoded += 1;
    }
    Ok(json!({ "width": encoded.width, "height": encoded.height, "variants": variants }))
}

/// Calls `found` for every object that looks like an image: a string `src` with a `width`.
fn visit_images(value: &mut Value, found: &mut dyn FnMut(&mut Value)) {
    match value {
        Value::Object(object) => {
            if object.get("src").is_some_and(Value::is_string) && object.contains_key("width") {
                found(value);
                return;
            }
            for child in object.values_mut() {
                visit_images(child, found);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(|item| visit_images(item, found)),
        _ => {}
    }
}

/// The image's path on this site when it is a JPEG or PNG the build can resize: other hosts'
/// images and vector or already modern files are left as they are.
fn local_raster_src(image: &Value) -> Option<String> {
    let src = image.get("src")?.as_str()?.trim();
    let is_local = src.starts_with('/') && !src.starts_with("//");
    let lower = src.to_ascii_lowercase();
    let raster = [".jpg", ".jpeg", ".png"]
        .iter()
        .any(|extension| lower.ends_with(extension));
    let climbs = src.split('/').any(|segment| segment == "..");
    (is_local && raster && !climbs).then(|| src.to_string())
}

fn json_files(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir)
        .map_err(|error| format!("cannot read {}: {error}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            if entry.file_name() != "schema" {
                json_files(&path, out)?;
            }
        } else if path
            .extension()
            .is_some_and(|extension| extension == "json")
        {
            out.push(path);
        }
    }
    Ok(())
}

fn relative(dist: &Path, file: &Path) -> String {
    file.strip_prefix(dist)
        .unwrap_or(file)
        .display()
        .to_string()
}

#[cfg(test)]
mod tests;
