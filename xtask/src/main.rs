//! `cargo xtask <command>`: the project's commands, in Rust so they run the same everywhere
//! without a shell-script dialect to learn.

mod bench;
mod build;
mod check_content;
mod csp;
mod images;
mod import;
mod load;
mod process;
mod screenshots;
mod serve;
mod size;
mod stylesheets;
mod test;
mod tools;

use std::process::ExitCode;

const USAGE: &str = "\
usage: cargo xtask <command>

  dev            install what is missing, then serve the app with live reload and the sample
                 content on http://127.0.0.1:8080 (the newsletter endpoint runs beside it)
  test           install what is missing, then run every test tier; stops at the first failure
  build          the deployable dist/: release app, CSP, prerendered pages, feed and sitemap
  preview        build the release app and serve dist/ on http://127.0.0.1:8080
  content-index  rebuild the listing pages under public/content/ from the article files
  check-content [DIR]
                 report every problem in a content folder (default public/content/);
                 fails when there is any
  import wordpress FILE [--out DIR]
                 turn a WordPress REST export (posts?_embed JSON) into articles in DIR
                 (default public/content/), rebuild the listings and check the content
  screenshots    build the release app and save PNGs of the home, article and category pages
                 at 375, 768 and 1280 px wide, light and dark, into target/screenshots/
  size           print the sizes of the release .wasm and .js in dist/ (raw, gzip, brotli)
  load [--clients N] [--seconds N] [--idle N]
                 requests per second and latency percentiles of the release server over dist/,
                 alone and beside N idle half-open connections (default 50 clients, 10 s, 600)
  bench [--quick] [--phone-only] [--phone-runs N] [--runs N]
                 time the app against a one-file static HTML rendition of the same article in
                 headless Chromium, on a throttled phone and on loopback, and print the figures
                 (about 6 minutes; --quick: 3 runs of each)
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("dev") => serve::dev(),
        Some("test") => test::run_all(),
        Some("build") => tools::ensure_all(false).and_then(|()| build::release_build()),
        Some("preview") => serve::preview(),
        Some("content-index") => content_index(),
        Some("check-content") => check_content::run(args.get(1).map(String::as_str)),
        Some("import") => import::run(&args[1..]),
        Some("screenshots") => screenshots::run(),
        // Not in the usage: release builds run it; by hand only to check another dist folder.
        Some("csp-hash") => csp_hash(args.get(1)),
        Some("bench") => bench::run_bench(&args[1..]),
        Some("load") => load::run_load(&args[1..]),
        Some("size") => size::report(&process::workspace_root().join("dist")).map(|_| ()),
        _ => {
            eprint!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

fn content_index() -> Result<(), String> {
    let content = process::workspace_root().join("public/content");
    let written = newsroom_core::catalog::write_listings(&content)
        .map_err(|error| format!("could not rebuild the listings: {error}"))?;
    for path in written {
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn csp_hash(dist: Option<&String>) -> Result<(), String> {
    let dist = dist.ok_or("usage: cargo xtask csp-hash DIST_DIR")?;
    let policy = csp::apply(std::path::Path::new(dist))?;
    println!("{dist}/index.html: Content-Security-Policy: {policy}");
    Ok(())
}
