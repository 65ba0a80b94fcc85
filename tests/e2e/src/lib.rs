//! What every end-to-end test needs: the real server over the release build, a real
//! ChromeDriver, and a headless Chromium session. The processes are started and guarded by
//! `newsroom-harness`: each dies with its process group when dropped, so a failing test leaves
//! nothing running.

pub mod a11y;
pub mod console;
pub mod devtools;
pub mod fixtures;
pub mod page;
pub mod readers;
pub mod seed;
pub mod smtp;

use fantoccini::Client;
use newsroom_harness::webdriver::ChromeDriver;
use newsroom_harness::{RunningServer, ServerCommand};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

pub use page::*;

/// The path `cargo xtask test` gives in `name`, else `fallback` in the checkout.
pub(crate) fn env_path(name: &str, fallback: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| workspace_root().join(fallback))
}

/// The path `cargo xtask test` gives in `name`, else `fallback` in cargo's build folder.
pub(crate) fn env_build_path(name: &str, fallback: &str) -> PathBuf {
    std::env::var_os(name)
        .map(PathBuf::from)
        .unwrap_or_else(|| newsroom_harness::workspace::target_dir().join(fallback))
}

fn workspace_root() -> PathBuf {
    newsroom_harness::workspace::root().to_path_buf()
}

/// The project's server over `dist/`, on a free loopback port, with its test controls on, its
/// own subscriber database, and confirmation mails written to its own outbox.
pub struct Server {
    process: RunningServer,
    pub origin: String,
    binary: PathBuf,
    pub database: PathBuf,
    pub outbox: PathBuf,
}

impl Server {
    pub fn start() -> Server {
        Server::start_with_args(&[])
    }

    /// The server sending its confirmation mails over SMTP to `127.0.0.1:port`.
    pub fn start_mailing_to(port: u16) -> Server {
        Server::launch(
            &[],
            &[
                ("NEWSROOM_SMTP_HOST", "127.0.0.1".to_string()),
                ("NEWSROOM_SMTP_PORT", port.to_string()),
                ("NEWSROOM_SMTP_TLS", "none".to_string()),
                (
                    "NEWSROOM_MAIL_FROM",
                    "Newsroom <newsletter@example.org>".to_string(),
                ),
            ],
        )
    }

    /// The server with extra command-line options after the ones every test needs.
    fn start_with_args(extra: &[std::ffi::OsString]) -> Server {
        Server::launch(extra, &[])
    }

    /// The server over `dist`, a build other than the release one.
    pub(crate) fn start_over(dist: &std::path::Path, extra: &[std::ffi::OsString]) -> Server {
        Server::launch_over(dist.to_path_buf(), extra, &[])
    }

    fn launch(extra: &[std::ffi::OsString], env: &[(&str, String)]) -> Server {
        Server::launch_over(env_path("NEWSROOM_DIST", "dist"), extra, env)
    }

    fn launch_over(dist: PathBuf, extra: &[std::ffi::OsString], env: &[(&str, String)]) -> Server {
        let binary = env_build_path("NEWSROOM_SERVER_BIN", "release/newsroom-server");
        assert!(
            dist.join("index.html").exists(),
            "no release build in {} (run `cargo xtask test`)",
            dist.display()
        );
        let database = unique_temp_path("subscribers.sqlite3");
        let outbox = unique_temp_path("outbox");
        let process = ServerCommand::new(&binary)
            .arg("--root")
            .arg(&dist)
            .args(["--rate-limit", "0", "--enable-test-controls"])
            .arg("--database")
            .arg(&database)
            .arg("--outbox")
            .arg(&outbox)
            .args(extra)
            .envs(env.iter().map(|(name, value)| (name, value)))
            .start()
            .unwrap_or_else(|error| panic!("{error}"));
        Server {
            origin: process.origin.clone(),
            process,
            binary,
            database,
            outbox,
        }
    }

    pub fn url(&self, path: &str) -> String {
        self.process.url(path)
    }
}

/// A path under the temp folder no other test uses.
pub fn unique_temp_path(name: &str) -> PathBuf {
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::Relaxed);
    std::env::temp_dir().join(format!("newsroom-e2e-{}-{n}-{name}", std::process::id()))
}

/// ChromeDriver on a free port, ready to accept sessions.
pub struct Driver(ChromeDriver);

impl Driver {
    pub async fn start() -> Driver {
        let binary = env_path("CHROMEDRIVER", "/usr/bin/chromedriver");
        Driver(
            ChromeDriver::start(&binary)
                .await
                .unwrap_or_else(|error| panic!("{error}")),
        )
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
        let chromium = env_path("CHROMIUM", "/usr/bin/chromium");
        let profile = unique_temp_path("profile");
        let args = [
            format!("--window-size={width},{height}"),
            format!("--user-data-dir={}", profile.display()),
        ];
        let serde_json::Value::Object(options) = serde_json::json!({
            "prefs": {
                "profile.managed_default_content_settings.javascript":
                    if javascript { 1 } else { 2 }
            }
        }) else {
            unreachable!("a JSON object literal")
        };
        // Keeps the console for `console::browser_log`.
        let serde_json::Value::Object(capabilities) =
            serde_json::json!({ "goog:loggingPrefs": { "browser": "ALL" } })
        else {
            unreachable!("a JSON object literal")
        };
        let client = driver
            .0
            .session(&chromium, &args, options, capabilities)
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

    /// The stored subscribers as `newsroom-server export` prints them for editors, one CSV
    /// row each (`email,status,subscribed_at,confirmed_at,source`), without the header.
    pub fn stored_subscribers(&self) -> Vec<String> {
        let output = Command::new(&self.binary)
            .arg("export")
            .arg("--database")
            .arg(&self.database)
            .output()
            .expect("run newsroom-server export");
        assert!(
            output.status.success(),
            "export: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .skip(1)
            .map(str::to_string)
            .collect()
    }
}
