//! The processes a measurement needs (the project's server, ChromeDriver) and browser sessions.
//! `newsroom-harness` starts them and owns each under a guard that ends its process group on
//! drop, so an error or a panic mid-run leaves nothing behind; readiness is awaited, never
//! assumed after a sleep.

use crate::site::{temp_dir, TempDir};
use fantoccini::Client;
use newsroom_harness::webdriver::{self, ChromeDriver, PhoneProfile};
use newsroom_harness::{RunningServer, ServerCommand};
use serde_json::Map;
use std::path::{Path, PathBuf};

/// The project's static server over one folder.
pub struct Server {
    process: RunningServer,
    _subscribers: TempDir,
}

impl Server {
    pub fn start(binary: &Path, root: &Path, name: &str) -> Result<Server, String> {
        let subscribers = temp_dir(&format!("{name}-subscribers"))?;
        let process = ServerCommand::new(binary)
            .arg("--root")
            .arg(root)
            .args(["--rate-limit", "0", "--subscribers"])
            .arg(subscribers.path().join("subscribers.txt"))
            .start()?;
        Ok(Server {
            process,
            _subscribers: subscribers,
        })
    }

    pub fn url(&self, path: &str) -> String {
        self.process.url(path)
    }
}

pub struct Driver {
    driver: ChromeDriver,
    chromium: PathBuf,
}

impl Driver {
    pub async fn start(chromedriver: &Path, chromium: &Path) -> Result<Driver, String> {
        Ok(Driver {
            driver: ChromeDriver::start(chromedriver).await?,
            chromium: chromium.to_path_buf(),
        })
    }

    /// A new headless Chromium with its own empty profile: nothing cached from earlier runs.
    /// `extra` adds flags (the memory figures need a callable GC and unrounded heap sizes).
    pub async fn session(&self, extra: &[&str]) -> Result<Session, String> {
        let profile = temp_dir(&format!("profile-{}", unique()))?;
        let mut args: Vec<String> = ["--window-size=1280,900"]
            .iter()
            .chain(extra)
            .map(|flag| flag.to_string())
            .collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let client = self
            .driver
            .session(&self.chromium, &args, Map::new(), Map::new())
            .await?;
        Ok(Session {
            client,
            _profile: profile,
        })
    }
}

fn unique() -> u32 {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// One browser; its profile folder is removed after the browser is closed.
pub struct Session {
    pub client: Client,
    _profile: TempDir,
}

impl Session {
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }

    /// Runs `source` in every document this browser opens from now on, before the page's own
    /// scripts: the only way to observe a page from its very first byte.
    pub async fn on_new_document(&self, source: &str) -> Result<(), String> {
        let params = serde_json::json!({ "source": source });
        self.devtools("Page.addScriptToEvaluateOnNewDocument", params)
            .await
    }

    /// A full garbage collection, the one DevTools' memory panel runs before a heap snapshot:
    /// more thorough than `window.gc()`, which leaves some caches that hold old pages' nodes.
    pub async fn collect_garbage(&self) -> Result<(), String> {
        self.devtools("HeapProfiler.collectGarbage", serde_json::json!({}))
            .await
    }

    /// A phone on a slow connection for every page this browser opens from now on.
    pub async fn emulate_phone(&self, profile: &PhoneProfile) -> Result<(), String> {
        webdriver::emulate_phone(&self.client, profile).await
    }

    async fn devtools(
        &self,
        method: &'static str,
        params: serde_json::Value,
    ) -> Result<(), String> {
        webdriver::devtools(&self.client, method, params)
            .await
            .map(drop)
    }

    pub async fn run_async(
        &self,
        script: &str,
        args: Vec<serde_json::Value>,
    ) -> Result<serde_json::Value, String> {
        self.client
            .execute_async(script, args)
            .await
            .map_err(|error| format!("async script failed: {error}"))
    }

    pub async fn open(&self, url: &str) -> Result<(), String> {
        self.client
            .goto(url)
            .await
            .map_err(|error| format!("opening {url}: {error}"))
    }
}
