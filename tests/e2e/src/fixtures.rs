//! Content written by a test at run time and served over the real build with the server's
//! `--content-dir`: files that must never be committed (10 MB bodies, invalid UTF-8) or that
//! exist only to attack the app.

pub mod hostile;

use crate::{unique_temp_path, Browser, Server};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

/// A folder of content files, removed on drop.
pub struct ContentDir(PathBuf);

impl ContentDir {
    pub fn new() -> ContentDir {
        let path = unique_temp_path("content");
        std::fs::create_dir_all(&path).expect("create a content folder");
        ContentDir(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }

    /// Writes `relative` (like `articles/x.json`), creating its folders.
    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) {
        let path = self.0.join(relative);
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

impl Drop for ContentDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

impl Server {
    /// The server over the release build, answering `/content/` from `dir` first.
    pub fn start_with_content(dir: &Path) -> Server {
        Server::start_with_args(&["--content-dir".into(), dir.as_os_str().to_owned()])
    }
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
