//! Preparing what the server serves: a private copy of the build, the static rendition beside
//! it, and precompressed variants of every text asset, as a production host would have them.

use crate::content;
use crate::static_page::{self, Frame};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use walkdir::WalkDir;

pub use tempfile::TempDir;

/// A folder removed when dropped, so an interrupted run leaves no copies of the build behind.
pub fn temp_dir(name: &str) -> Result<TempDir, String> {
    tempfile::Builder::new()
        .prefix(&format!("newsroom-bench-{name}-"))
        .tempdir()
        .map_err(|error| format!("cannot create a folder for {name}: {error}"))
}

pub fn copy_tree(from: &Path, to: &Path) -> Result<(), String> {
    let fail = |error: &dyn std::fmt::Display| format!("copying {}: {error}", from.display());
    for entry in WalkDir::new(from) {
        let entry = entry.map_err(|error| fail(&error))?;
        let relative = entry.path().strip_prefix(from).expect("walked from `from`");
        let target = to.join(relative);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).map_err(|error| fail(&error))?;
        } else {
            std::fs::copy(entry.path(), &target).map_err(|error| fail(&error))?;
        }
    }
    Ok(())
}

/// Writes `static/<slug>.html` for every article under `root/content`; returns how many.
pub fn write_static_pages(root: &Path, this_year: i32) -> Result<usize, String> {
    let index = std::fs::read_to_string(root.join("index.html"))
        .map_err(|error| format!("no index.html in {}: {error}", root.display()))?;
    let css = crate::one_file::stylesheet_text(root, &index)?;
    let content_dir = root.join("content");
    let site = content::site(&content_dir)?;
    let frame = Frame {
        site: &site,
        css: &css,
        this_year,
    };
    let out = root.join("static");
    std::fs::create_dir_all(&out).map_err(|error| error.to_string())?;
    let slugs = content::slugs(&content_dir)?;
    for slug in &slugs {
        let article = content::article(&content_dir, slug)?;
        let related = content::related(&content_dir, &article);
        let html = static_page::render(&frame, &article, &related);
        std::fs::write(out.join(format!("{slug}.html")), html)
            .map_err(|error| format!("writing the static page of {slug}: {error}"))?;
    }
    Ok(slugs.len())
}

/// The marker a prerendered page carries around its server-rendered content.
const PRERENDERED: &str = "id=\"prerendered\"";

/// Sets aside the build's prerendered pages so every route gets the bare app shell and the
/// page is rendered in the browser, as in a build without prerendering. Subfolder pages are
/// deleted (the server then falls back to the shell), and the root page loses its
/// server-rendered body. Returns how many pages were prerendered.
pub fn client_only(root: &Path) -> Result<usize, String> {
    let fail = |error: &dyn std::fmt::Display| format!("setting prerendered pages aside: {error}");
    let index = root.join("index.html");
    let html = std::fs::read_to_string(&index).map_err(|error| fail(&error))?;
    if !html.contains(PRERENDERED) {
        return Ok(0);
    }
    let shell = newsroom_harness::html::without(&html, "#prerendered, script[data-content-path]")?;
    let mut count = 0;
    // The pages in subfolders: the root page is rewritten below, not deleted.
    for entry in WalkDir::new(root).min_depth(2) {
        let entry = entry.map_err(|error| fail(&error))?;
        let path = entry.path();
        if entry.file_type().is_file()
            && entry.file_name() == "index.html"
            && std::fs::read_to_string(path)
                .map_err(|error| fail(&error))?
                .contains(PRERENDERED)
        {
            std::fs::remove_file(path).map_err(|error| fail(&error))?;
            count += 1;
        }
    }
    std::fs::write(&index, shell).map_err(|error| fail(&error))?;
    Ok(count + 1)
}

const COMPRESSIBLE: [&str; 6] = ["html", "js", "wasm", "css", "json", "svg"];

fn compressible_files(
    dir: &Path,
    skip: &dyn Fn(&Path) -> bool,
    found: &mut Vec<PathBuf>,
) -> std::io::Result<()> {
    for entry in WalkDir::new(dir) {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type().is_file()
            && !skip(path)
            && path
                .extension()
                .and_then(|ext| ext.to_str())
                .is_some_and(|ext| COMPRESSIBLE.contains(&ext))
        {
            found.push(path.to_path_buf());
        }
    }
    Ok(())
}

pub fn brotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        // A window no larger than the file: same output size, far less work for small files.
        lgwin: (bytes.len().max(1 << 10).ilog2() as i32 + 1).clamp(10, 22),
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("compressing in memory cannot fail");
    out
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder
        .write_all(bytes)
        .expect("compressing in memory cannot fail");
    encoder.finish().expect("compressing in memory cannot fail")
}

/// Writes `FILE.br` (quality 11) and `FILE.gz` beside every text asset under `root` for which
/// `skip` is false, on all cores. Returns how many were compressed.
pub fn precompress(root: &Path, skip: &dyn Fn(&Path) -> bool) -> Result<usize, String> {
    let mut files = Vec::new();
    compressible_files(root, skip, &mut files).map_err(|error| error.to_string())?;
    let next = AtomicUsize::new(0);
    let workers = std::thread::available_parallelism().map_or(2, usize::from);
    let results: Vec<Result<(), String>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| loop {
                    let Some(path) = files.get(next.fetch_add(1, Ordering::Relaxed)) else {
                        return Ok(());
                    };
                    compress_one(path)?;
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().unwrap_or(Err("a worker panicked".into())))
            .collect()
    });
    results.into_iter().collect::<Result<(), String>>()?;
    Ok(files.len())
}

fn compress_one(path: &Path) -> Result<(), String> {
    let fail = |error: std::io::Error| format!("compressing {}: {error}", path.display());
    let bytes = std::fs::read(path).map_err(fail)?;
    let with_suffix = |suffix: &str, data: Vec<u8>| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::fs::write(PathBuf::from(name), data).map_err(fail)
    };
    with_suffix(".br", brotli(&bytes))?;
    with_suffix(".gz", gzip(&bytes))
}

/// Size of a URL path's file under `root` as served raw, brotli and gzip.
pub fn served_sizes(root: &Path, url_path: &str) -> Option<[u64; 3]> {
    let relative = url_path.split(['?', '#']).next()?.trim_start_matches('/');
    let mut path = root.join(relative);
    if path.is_dir() {
        path.push("index.html");
    }
    let size = |suffix: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        std::fs::metadata(PathBuf::from(name)).ok().map(|m| m.len())
    };
    let raw = size("")?;
    Some([raw, size(".br").unwrap_or(raw), size(".gz").unwrap_or(raw)])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn client_only_leaves_the_bare_shell() {
        let root = temp_dir("client-only-test").unwrap();
        let page = "<html><head><script>x</script></head><body><div id=\"prerendered\">T</div>\
            <script type=application/json data-content-path=site.json>{}</script></body></html>";
        std::fs::create_dir_all(root.path().join("articles/a")).unwrap();
        std::fs::write(root.path().join("index.html"), page).unwrap();
        std::fs::write(root.path().join("articles/a/index.html"), page).unwrap();
        assert_eq!(client_only(root.path()), Ok(2));
        let shell = std::fs::read_to_string(root.path().join("index.html")).unwrap();
        assert_eq!(
            shell,
            "<html><head><script>x</script></head><body></body></html>"
        );
        assert!(!root.path().join("articles/a/index.html").exists());
    }
}
