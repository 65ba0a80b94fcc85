//! The processes a measurement needs (the project's server, ChromeDriver) and browser sessions.
//! Every process is owned by a guard that kills it on drop, so an error or a panic mid-run
//! leaves nothing behind; readiness is awaited, never assumed after a sleep.

use crate::site::TempDir;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub struct ProcessGuard(Child);

impl Drop for ProcessGuard {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The project's static server over one folder.
pub struct Server {
    _process: ProcessGuard,
    pub origin: String,
    _subscribers: TempDir,
}

impl Server {
    pub fn start(binary: &Path, root: &Path, name: &str) -> Result<Server, String> {
        let subscribers = TempDir::new(&format!("{name}-subscribers"))?;
        let mut child = Command::new(binary)
            .arg("--root")
            .arg(root)
            .args(["--port", "0", "--rate-limit", "0", "--subscribers"])
            .arg(subscribers.path().join("subscribers.txt"))
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", binary.display()))?;
        let stdout = child.stdout.take().expect("stdout is piped");
        let process = ProcessGuard(child);
        // The first line names the address once the server accepts connections.
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .map_err(|error| format!("reading the server's address: {error}"))?;
        let origin = line
            .trim()
            .strip_prefix("listening on ")
            .ok_or_else(|| format!("unexpected first line from the server: {line:?}"))?
            .to_string();
        Ok(Server {
            _process: process,
            origin,
            _subscribers: subscribers,
        })
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }
}

pub struct Driver {
    _process: ProcessGuard,
    url: String,
    chromium: PathBuf,
}

impl Driver {
    pub async fn start(chromedriver: &Path, chromium: &Path) -> Result<Driver, String> {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .and_then(|listener| listener.local_addr())
            .map_err(|error| format!("no free port: {error}"))?
            .port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", chromedriver.display()))?;
        let driver = Driver {
            _process: ProcessGuard(child),
            url: format!("http://127.0.0.1:{port}"),
            chromium: chromium.to_path_buf(),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err("chromedriver did not start within 20 s".to_string());
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(driver)
    }

    /// A new headless Chromium with its own empty profile: nothing cached from earlier runs.
    /// `extra` adds flags (the memory figures need a callable GC and unrounded heap sizes).
    pub async fn session(&self, extra: &[&str]) -> Result<Session, String> {
        let profile = TempDir::new(&format!("profile-{}", unique()))?;
        let mut args: Vec<String> = newsroom_headless::FLAGS
            .iter()
            .chain(&["--window-size=1280,900"])
            .chain(extra)
            .map(|flag| flag.to_string())
            .collect();
        args.push(format!("--user-data-dir={}", profile.path().display()));
        let capabilities = serde_json::json!({
            "goog:chromeOptions": { "binary": self.chromium, "args": args }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&self.url)
            .await
            .map_err(|error| format!("cannot open a Chromium session: {error}"))?;
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

    async fn devtools(
        &self,
        method: &'static str,
        params: serde_json::Value,
    ) -> Result<(), String> {
        self.client
            .issue_cmd(DevTools { method, params })
            .await
            .map(drop)
            .map_err(|error| format!("DevTools call {method} failed: {error}"))
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

/// A Chrome DevTools Protocol call, passed through ChromeDriver's `goog/cdp/execute`.
#[derive(Debug)]
struct DevTools {
    method: &'static str,
    params: serde_json::Value,
}

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base: &url::Url,
        session: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base.join(&format!(
            "session/{}/goog/cdp/execute",
            session.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _: &url::Url) -> (http::Method, Option<String>) {
        let body = serde_json::json!({ "cmd": self.method, "params": self.params });
        (http::Method::POST, Some(body.to_string()))
    }
}
