//! `newsroom-bench`: the app against a zero-JavaScript static rendition of the same article,
//! both served precompressed by the project's server and loaded cold in headless Chromium.
//! It prints figures; it asserts nothing. `cargo xtask bench` builds what it needs and runs it.

mod args;
mod browser;
mod content;
mod one_file;
mod phone;
mod plan;
mod probe;
mod report;
mod results;
mod scripts;
mod site;
mod static_page;
mod stats;
mod synth;

use args::Args;
use browser::{Driver, Server};
use site::TempDir;
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

/// The article every figure starts from.
pub const SEED: &str = "us-and-philippines-conclude-child-protection-compact-partnership";
/// Size of the large generated catalog, long articles included.
const CATALOG_SIZE: usize = 10_000;
/// Lengths of the generated long articles, in paragraphs.
pub const LONG: [usize; 3] = [500, 1000, 2000];
/// Client-side navigations before the second heap reading.
pub const WALK: usize = 50;

#[tokio::main]
async fn main() -> ExitCode {
    let args = args::parse();
    match run(&args).await {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("newsroom-bench: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Progress on stderr, with the time since start, so stdout holds only the figures.
fn progress(message: &str) {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    let elapsed = START.get_or_init(Instant::now).elapsed().as_secs_f64();
    eprintln!("bench [{elapsed:6.1} s]: {message}");
}

/// The sample content with the app rendering every page in the browser (prerendered pages set
/// aside, so the app and the large catalog are measured alike), plus the static rendition of
/// each article.
fn prepare_sample(dist: &Path) -> Result<TempDir, String> {
    let started = Instant::now();
    let dir = site::temp_dir("sample")?;
    site::copy_tree(dist, dir.path())?;
    let set_aside = site::client_only(dir.path())?;
    let pages = site::write_static_pages(dir.path(), newsroom_core::date::this_year_utc())?;
    // The seed's static page: the build's own prerendered markup made one self-contained file,
    // when the build prerenders it (otherwise the rendition written above stands).
    let prerendered = dist.join(format!("articles/{SEED}/index.html"));
    if let Ok(html) = std::fs::read_to_string(&prerendered) {
        let index = std::fs::read_to_string(dist.join("index.html")).map_err(|e| e.to_string())?;
        let css = one_file::stylesheet_text(dist, &index)?;
        let page = one_file::from_prerendered(&html, &css)?;
        std::fs::write(
            dir.path()
                .join(static_page::static_href(SEED).trim_start_matches('/')),
            page,
        )
        .map_err(|error| format!("writing the one-file page of {SEED}: {error}"))?;
    }
    let files = site::precompress(dir.path(), &|_| false)?;
    progress(&format!(
        "sample site: {set_aside} prerendered pages set aside, {pages} static pages, \
         {files} files precompressed ({:.1} s)",
        started.elapsed().as_secs_f64()
    ));
    Ok(dir)
}

/// The build exactly as made, when it prerenders the seed article: what a reader of the
/// deployed site gets first.
fn prepare_built(dist: &Path) -> Result<Option<TempDir>, String> {
    if !dist.join(format!("articles/{SEED}/index.html")).is_file() {
        return Ok(None);
    }
    let dir = site::temp_dir("built")?;
    site::copy_tree(dist, dir.path())?;
    site::precompress(dir.path(), &|_| false)?;
    Ok(Some(dir))
}

/// The build with a generated catalog of `CATALOG_SIZE` articles (the sample's among them)
/// and its listings rebuilt by the same code as `cargo xtask content-index`. It starts from the
/// prepared sample so the build's assets, already compressed there, are not compressed again.
fn prepare_catalog(sample: &Path) -> Result<TempDir, String> {
    let started = Instant::now();
    let dir = site::temp_dir("catalog")?;
    site::copy_tree(sample, dir.path())?;
    let content_dir = dir.path().join("content");
    let existing = content::slugs(&content_dir)?.len();
    let generated = CATALOG_SIZE
        .checked_sub(existing + LONG.len())
        .ok_or("the sample already has more articles than the catalog size")?;
    synth::add_catalog(&content_dir, generated)?;
    for paragraphs in LONG {
        synth::add_long_article(&content_dir, paragraphs)?;
    }
    let listings = newsroom_core::catalog::write_listings(&content_dir)
        .map_err(|error| format!("building the catalog's listings: {error}"))?;
    // Brotli at quality 11 costs about 8 ms a file here. The generated articles are never
    // opened by any measurement, so compressing them would add minutes and change no figure.
    let files = site::precompress(&content_dir, &synth::is_generated)?;
    progress(&format!(
        "catalog site: {} articles, {} listing pages, {files} files precompressed ({:.1} s)",
        content::slugs(&content_dir)?.len(),
        listings.len(),
        started.elapsed().as_secs_f64()
    ));
    Ok(dir)
}

async fn run(args: &Args) -> Result<(), String> {
    if !args.dist.join("index.html").is_file() {
        return Err(format!("no build in {}", args.dist.display()));
    }
    progress("preparing the sites");
    let sample = prepare_sample(&args.dist)?;
    let catalog = prepare_catalog(sample.path())?;
    let built = prepare_built(&args.dist)?;
    let sample_server = Server::start(&args.server, sample.path(), "sample")?;
    let catalog_server = Server::start(&args.server, catalog.path(), "catalog")?;
    let built_server = match &built {
        Some(dir) => Some(Server::start(&args.server, dir.path(), "built")?),
        None => None,
    };
    let driver = Driver::start(&args.chromedriver, &args.chromium).await?;
    let servers = plan::Servers {
        sample: &sample_server,
        catalog: &catalog_server,
        built: built_server.as_ref(),
    };
    let plan = plan::Plan::new(sample.path(), catalog.path(), &servers)?;
    let results = plan
        .measure(&driver, args.runs, args.phone_runs, args.phone_only)
        .await?;
    report::print(&results, &plan, args);
    Ok(())
}
