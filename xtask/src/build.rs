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
    inline_stylesheets(&dist)?;
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
            .arg(workspace_root().join("public/content")),
    )
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

/// The server binary the end-to-end tests start (static files, SPA fallback, newsletter API).
pub fn build_server() -> Result<std::path::PathBuf, String> {
    run(
        "cargo build -p newsroom-server",
        command("cargo").args(["build", "--release", "-p", "newsroom-server"]),
    )?;
    Ok(workspace_root().join("target/release/newsroom-server"))
}
