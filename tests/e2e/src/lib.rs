//! What every end-to-end test needs: the real server over the release build, a real
//! ChromeDriver, and a headless Chromium session. Each process is owned by a guard that kills
//! it on drop, so a failing test leaves nothing running.

pub mod a11y;
pub mod console;
pub mod devtools;
pub mod fixtures;
pub mod page;
pub mod readers;
pub mod seed;

use fantoccini::{Client, ClientBuilder};
use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub use page::*;

/// Kills its process when dropped, and with it the process group the process leads (see
/// `Driver::start`), so a browser whose session a failing test never closed dies too.
pub struct ProcessGuard(Child);

impl Drop for ProcessGuard {
    fn drop(&mut self) {
        let group = format!("-{}", self.0.id());
        let _ = Command::new("kill")
            .args(["-KILL", "--", &group])
            .stderr(Stdio::null())
            .status();
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn env_path(name: &str, fallback: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(fallback))
}

fn workspace_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The project's server over `dist/`, on a free loopback port.
pub struct Server {
    _process: ProcessGuard,
    pub origin: String,
    pub subscribers: PathBuf,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with_args(&[])
    }

    /// The server with extra command-line options after the ones every test needs.
    fn start_with_args(extra: &[std::ffi::OsString]) -> Server {
        let binary = env_path("NEWSROOM_SERVER_BIN", "target/release/newsroom-server");
        let dist = env_path("NEWSROOM_DIST", "dist");
        assert!(
            dist.join("index.html").exists(),
            "no release build in {} (run `cargo xtask test`)",
            dist.display()
        );
        let subscribers = unique_temp_path("subscribers.txt");
        let mut child = Command::new(&binary)
            .arg("--root")
            .arg(&dist)
            .args(["--port", "0", "--rate-limit", "0", "--subscribers"])
            .arg(&subscribers)
            .args(extra)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", binary.display()));
        let stdout = child.stdout.take().expect("stdout is piped");
        let process = ProcessGuard(child);
        // The server prints its address once it accepts connections: that is readiness.
        let mut first_line = String::new();
        BufReader::new(stdout)
            .read_line(&mut first_line)
            .expect("server prints its address");
        let origin = first_line
            .trim()
            .strip_prefix("listening on ")
            .unwrap_or_else(|| panic!("unexpected first line from the server: {first_line:?}"))
            .to_string();
        Server {
            _process: process,
            origin,
            subscribers,
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }
}

/// A path under the temp folder no other test uses.
pub fn unique_temp_path(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("newsroom-e2e-{}-{n}-{name}", std::process::id()))
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free loopback port")
}

/// ChromeDriver on a free port, ready to accept sessions.
pub struct Driver {
    _process: ProcessGuard,
    pub url: String,
}

impl Driver {
    pub async fn start() -> Driver {
        let binary = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
        let port = free_port();
        // Its own process group: Chromium's processes join it and are killed with it.
        let child = Command::new(&binary)
            .process_group(0)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start {}: {error}", binary.display()));
        let driver = Driver {
            _process: ProcessGuard(child),
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "chromedriver did not start");
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
        driver
    }
}

/// A browser session with everything it depends on; drop order closes the browser first.
pub struct Browser {
    pub client: Client,
    pub server: Server,
    _driver: Driver,
}

impl Browser {
    /// A headless Chromium of the given window size, against a fresh server.
    pub async fn start(width: u32, height: u32) -> Browser {
        Browser::start_on(Server::start(), width, height).await
    }

    /// A headless Chromium of the given window size, against `server`.
    pub async fn start_on(server: Server, width: u32, height: u32) -> Browser {
        Browser::launch(server, width, height, true).await
    }

    /// A headless Chromium that runs no JavaScript, as some readers and most crawlers do.
    pub async fn start_without_javascript(width: u32, height: u32) -> Browser {
        Browser::launch(Server::start(), width, height, false).await
    }

    async fn launch(server: Server, width: u32, height: u32, javascript: bool) -> Browser {
        let driver = Driver::start().await;
        let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
        let profile = unique_temp_path("profile");
        let mut args: Vec<String> = newsroom_headless::FLAGS
            .iter()
            .map(|flag| flag.to_string())
            .collect();
        args.push(format!("--window-size={width},{height}"));
        args.push(format!("--user-data-dir={}", profile.display()));
        let capabilities = serde_json::json!({
            "goog:chromeOptions": {
                "binary": chromium,
                "args": args,
                "prefs": {
                    "profile.managed_default_content_settings.javascript":
                        if javascript { 1 } else { 2 }
                }
            },
            // Keeps the console for `console::browser_log`.
            "goog:loggingPrefs": { "browser": "ALL" }
        });
        let serde_json::Value::Object(capabilities) = capabilities else {
            unreachable!("a JSON object literal")
        };
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        let client = ClientBuilder::new(connector)
            .capabilities(capabilities)
            .connect(&driver.url)
            .await
            .expect("a Chromium session");
        Browser {
            client,
            server,
            _driver: driver,
        }
    }

    /// Loads `path` and waits until the app runs and, on a prerendered page, has taken over.
    /// (A page whose content fails to load keeps its prerendered markup, so that wait is
    /// bounded and not an error.)
    pub async fn open(&self, path: &str) {
        self.client
            .goto(&self.server.url(path))
            .await
            .expect("navigation");
        self.wait_for_app().await;
        let deadline = Instant::now() + Duration::from_secs(10);
        while Instant::now() < deadline {
            let prerendered = self
                .client
                .execute(
                    "return document.getElementById('prerendered') !== null",
                    vec![],
                )
                .await
                .unwrap_or(serde_json::Value::Bool(false));
            if prerendered != serde_json::Value::Bool(true) {
                break;
            }
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    /// Waits until the wasm app has started (Trunk's loader sets `window.wasmBindings`).
    pub async fn wait_for_app(&self) {
        eventually("the app to start", PATIENCE, || async {
            let started = self
                .client
                .execute("return window.wasmBindings !== undefined", vec![])
                .await
                .ok()?;
            (started == serde_json::Value::Bool(true)).then_some(())
        })
        .await;
    }

    /// Ends the WebDriver session (the guards then stop the processes).
    pub async fn close(self) {
        let _ = self.client.clone().close().await;
    }
}

impl Server {
    /// A plain HTTP request to the server, for its test controls (fault switches, counters).
    pub fn request(&self, method: &str, path: &str, body: &str) -> (u16, String) {
        use std::io::{Read, Write};
        let address = self.origin.trim_start_matches("http://");
        let mut stream = std::net::TcpStream::connect(address).expect("connect to the server");
        write!(
            stream,
            "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\
             Content-Type: text/plain\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )
        .expect("send the request");
        let mut response = String::new();
        stream
            .read_to_string(&mut response)
            .expect("read the response");
        let status = response
            .split_whitespace()
            .nth(1)
            .and_then(|code| code.parse().ok())
            .unwrap_or(0);
        let body = response
            .split_once("\r\n\r\n")
            .map(|(_, body)| body.to_string())
            .unwrap_or_default();
        (status, body)
    }

    /// Makes the newsletter endpoint fail (`400`, `500`, `hang`, ...) or work again (`none`).
    pub fn set_newsletter_fault(&self, fault: &str) {
        let (status, _) = self.request("POST", "/api/faults/newsletter", fault);
        assert_eq!(status, 204, "setting the newsletter fault {fault}");
    }

    /// How many sign-up requests reached the endpoint, and how many addresses it stores.
    pub fn newsletter_stats(&self) -> (u64, u64) {
        let (_, body) = self.request("GET", "/api/newsletter/stats", "");
        let stats: serde_json::Value = serde_json::from_str(&body).expect("stats JSON");
        (
            stats["requests"].as_u64().unwrap_or(0),
            stats["subscribers"].as_u64().unwrap_or(0),
        )
    }

    /// The lines of the subscribers file, as stored on disk.
    pub fn stored_subscribers(&self) -> Vec<String> {
        std::fs::read_to_string(&self.subscribers)
            .unwrap_or_default()
            .lines()
            .map(str::to_string)
            .collect()
    }
}
