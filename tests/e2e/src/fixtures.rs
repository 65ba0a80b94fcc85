//! Content written by a test at run time and served over the real build with the server's
//! `--content-dir`: files that must never be committed (10 MB bodies, invalid UTF-8) or that
//! exist only to attack the app.

pub mod hostile;

use crate::{Browser, Server};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A folder of content files, removed on drop.
pub struct ContentDir(tempfile::TempDir);

impl ContentDir {
    pub fn new() -> ContentDir {
        let folder = tempfile::Builder::new()
            .prefix("newsroom-e2e-content-")
            .tempdir()
            .expect("create a content folder");
        ContentDir(folder)
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    /// Writes `relative` (like `articles/x.json`), creating its folders.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.path().join(relative);
        std::fs::create_dir_all(path.parent().expect("a file inside the folder"))
            .expect("create the file's folder");
        std::fs::write(&path, contents).expect("write a content file");
    }

    pub fn write_json(&self, relative: &str, value: &Value) {
        self.write(relative, serde_json::to_vec_pretty(value).expect("JSON"));
    }
}

impl Default for ContentDir {
    fn default() -> Self {
        ContentDir::new()
    }
}

impl Server {
    /// The server over the release build, answering `/content/` from `dir` first. The pages
    /// the build prerendered carry the sample's content, which `dir` replaces: they are served
    /// without it, as pages rendered from other content, so the app loads `dir`'s files.
    pub fn start_with_content(dir: &Path) -> Server {
        let dist = build_without_carried_content();
        Server::start_over(&dist, &["--content-dir".into(), dir.as_os_str().to_owned()])
    }

    /// The server over the release build with its pages prerendered from `dir`, which also
    /// answers `/content/`: a site built from that content.
    pub fn start_prerendered_from(dir: &Path) -> Server {
        let dist = build_prerendered_from(dir);
        Server::start_over(&dist, &["--content-dir".into(), dir.as_os_str().to_owned()])
    }
}

/// A copy of the release build whose pages carry no content files.
fn build_without_carried_content() -> PathBuf {
    let copy = crate::unique_temp_path("dist");
    copy_build(&release_build(), &copy, strip_carried_content);
    copy
}

/// A copy of the release build with every page the prerenderer renders from `content`
/// written over it: as `cargo xtask build` does, with other content.
fn build_prerendered_from(content: &Path) -> PathBuf {
    let copy = crate::unique_temp_path("dist");
    copy_build(&release_build(), &copy, str::to_string);
    let prerenderer = crate::env_build_path("NEWSROOM_PRERENDER_BIN", "debug/newsroom-prerender");
    let shell = crate::env_build_path("NEWSROOM_APP_SHELL", "app-shell.html");
    let output = std::process::Command::new(&prerenderer)
        .arg(&copy)
        .arg(content)
        .arg(&shell)
        .output()
        .unwrap_or_else(|error| panic!("cannot run {}: {error}", prerenderer.display()));
    assert!(
        output.status.success(),
        "the prerenderer failed on {}:\n{}",
        content.display(),
        String::from_utf8_lossy(&output.stderr)
    );
    copy
}

fn release_build() -> PathBuf {
    crate::env_path("NEWSROOM_DIST", "dist")
}

fn copy_build(from: &Path, to: &Path, html: fn(&str) -> String) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let target = to.join(entry.file_name());
        let path = entry.path();
        if path.is_dir() {
            copy_build(&path, &target, html);
        } else if path.extension().is_some_and(|ext| ext == "html") {
            let page = std::fs::read_to_string(&path).unwrap();
            std::fs::write(&target, html(&page)).unwrap();
        } else if !is_precompressed_html(&path) {
            std::fs::copy(&path, &target).unwrap();
        }
    }
}

/// `.html.br` and `.html.gz` may no longer match their page: left out, the plain file is served.
fn is_precompressed_html(path: &Path) -> bool {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    name.ends_with(".html.br") || name.ends_with(".html.gz")
}

fn strip_carried_content(html: &str) -> String {
    newsroom_harness::html::without(html, "script[data-content-path]").expect("a built page")
}

impl Browser {
    /// A desktop-sized browser whose server answers `/content/` from `content` first.
    pub async fn start_with_content(content: &ContentDir) -> Browser {
        Browser::start_on(Server::start_with_content(content.path()), 1280, 900).await
    }
}

/// A valid article in one of the sample's categories, so its Read More cards come from the
/// sample listings.
pub fn valid_article(slug: &str, title: &str) -> Value {
    json!({
        "slug": slug,
        "title": title,
        "lede": "A lede that is long enough to read as one.",
        "category": { "slug": "insights", "name": "Insights" },
        "published": "2024-05-01",
        "label": "PSN",
        "body": [{ "type": "paragraph", "text": "The first paragraph." }]
    })
}
