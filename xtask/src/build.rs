//! `cargo xtask build`: the deployable `dist/`. The release app, its Content-Security-Policy,
//! and every page the content defines prerendered as HTML, with `404.html`, `feed.xml` and
//! `sitemap.xml`: any static host can serve it.

use crate::process::{command, run, workspace_root};

pub fn release_build() -> Result<(), String> {
    run(
        "trunk build --release",
        command("trunk").args(["build", "--release"]),
    )?;
    let dist = workspace_root().join("dist");
    resize_images(&dist)?;
    let policy = crate::csp::apply(&dist)?;
    println!("Content-Security-Policy: {policy}");
    // The app's components rendered natively (Leptos server-side rendering). A debug build:
    // it renders a few pages once, so compiling fast matters more than running fast.
    run(
        "prerender pages",
        command("cargo")
            .args([
                "run",
                "--quiet",
                "--package",
                "newsroom",
                "--no-default-features",
                "--features",
                "ssr",
                "--bin",
                "newsroom-prerender",
                "--",
            ])
            .arg(&dist)
            // The deployed copy: it has the image variants the pipeline recorded.
            .arg(dist.join("content")),
    )
}

/// Variants of every photograph the content uses, cached under `target/` between builds.
fn resize_images(dist: &std::path::Path) -> Result<(), String> {
    let started = std::time::Instant::now();
    let cache = workspace_root().join("target/image-cache");
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

/// The server binary the end-to-end tests start (static files, SPA fallback, newsletter API).
pub fn build_server() -> Result<std::path::PathBuf, String> {
    run(
        "cargo build -p newsroom-server",
        command("cargo").args(["build", "--release", "-p", "newsroom-server"]),
    )?;
    Ok(workspace_root().join("target/release/newsroom-server"))
}
