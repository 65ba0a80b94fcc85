//! `cargo xtask build`: the deployable `dist/`. The release app, its Content-Security-Policy,
//! and every page the content defines prerendered as HTML, with `404.html`, `feed.xml` and
//! `sitemap.xml`: any static host can serve it.

use crate::process::{command, run, target_dir, workspace_root};
use std::path::Path;

/// The same rules the server applies, compiled here from the server's own file (std only), so
/// the `_headers` file and the server can never disagree.
#[path = "../../crates/server/src/site_headers.rs"]
#[allow(dead_code)]
mod site_headers;

pub fn release_build() -> Result<(), String> {
    run(
        "trunk build --release",
        command("trunk").args(["build", "--release"]),
    )?;
    let dist = workspace_root().join("dist");
    inline_stylesheets(&dist)?;
    resize_images(&dist)?;
    let policy = crate::csp::apply(&dist)?;
    println!("Content-Security-Policy: {policy}");
    let shell = app_shell();
    std::fs::copy(dist.join("index.html"), &shell)
        .map_err(|error| format!("cannot keep the app shell in {}: {error}", shell.display()))?;
    let prerenderer = build_prerenderer()?;
    run(
        "prerender pages",
        command(&prerenderer.to_string_lossy())
            .arg(&dist)
            // The deployed copy: it has the image variants the pipeline recorded.
            .arg(dist.join("content"))
            .arg(&shell),
    )?;
    let written = write_headers_file(&dist)?;
    println!("wrote {}", written.display());
    Ok(())
}

/// `dist/_headers`: the security headers for every path (the policy the build just wrote into
/// `index.html`, plus `frame-ancestors`), and the cache rule of each hashed file.
pub fn write_headers_file(dist: &Path) -> Result<std::path::PathBuf, String> {
    let index = std::fs::read_to_string(dist.join("index.html"))
        .map_err(|error| format!("cannot read {}/index.html: {error}", dist.display()))?;
    let mut hashed: Vec<String> = std::fs::read_dir(dist)
        .map_err(|error| format!("cannot list {}: {error}", dist.display()))?
        .flatten()
        .filter(|entry| entry.path().is_file())
        .filter_map(|entry| entry.file_name().into_string().ok())
        .filter(|name| site_headers::is_hashed_asset(name))
        // Precompressed twins are served at their original's address.
        .filter(|name| !name.ends_with(".br") && !name.ends_with(".gz"))
        .collect();
    hashed.sort();
    let text = site_headers::headers_file(&site_headers::header_policy(Some(&index)), &hashed);
    let path = dist.join("_headers");
    std::fs::write(&path, text)
        .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    Ok(path)
}

/// The stylesheets inline and the app's preloads at low priority, before the policy is written
/// (it allows the inline stylesheet by its hash) and before pages are prerendered from it.
fn inline_stylesheets(dist: &std::path::Path) -> Result<(), String> {
    let inlined = crate::stylesheets::apply(dist)?;
    println!(
        "stylesheets: {} files inline ({} bytes), app preloads at low priority",
        inlined.files, inlined.bytes
    );
    Ok(())
}

/// Variants of every photograph the content uses, cached in cargo's build folder between builds.
fn resize_images(dist: &std::path::Path) -> Result<(), String> {
    let started = std::time::Instant::now();
    let cache = target_dir().join("image-cache");
    let report = crate::images::process(dist, &cache)?;
    println!(
        "images: {} sources, {} variants ({} encoded, {} from the cache), {} content files updated in {:.2} s",
        report.sources,
        report.variants,
        report.encoded,
        report.from_cache,
        report.content_files_updated,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// The release page before any page is prerendered into it (`dist/index.html` becomes the
/// home page): kept so a build can be prerendered again from other content.
pub fn app_shell() -> std::path::PathBuf {
    target_dir().join("app-shell.html")
}

/// The app's components rendered natively (Leptos server-side rendering), to write pages from
/// content. A debug build: it renders a few pages once, so compiling fast matters more than
/// running fast.
pub fn build_prerenderer() -> Result<std::path::PathBuf, String> {
    run(
        "cargo build --bin newsroom-prerender",
        command("cargo").args([
            "build",
            "--quiet",
            "--package",
            "newsroom",
            "--no-default-features",
            "--features",
            "ssr",
            "--bin",
            "newsroom-prerender",
        ]),
    )?;
    Ok(target_dir().join("debug/newsroom-prerender"))
}

/// The server binary the end-to-end tests start (static files, SPA fallback, newsletter API).
pub fn build_server() -> Result<std::path::PathBuf, String> {
    run(
        "cargo build -p newsroom-server",
        command("cargo").args(["build", "--release", "-p", "newsroom-server"]),
    )?;
    Ok(target_dir().join("release/newsroom-server"))
}
