//! ChromeDriver, headless Chromium sessions through it, and Chrome DevTools Protocol calls
//! (through ChromeDriver's `goog/cdp/execute`) for what WebDriver itself cannot do: network and
//! CPU throttling, viewport emulation, garbage collection, DOM counters, scripts that run
//! before a page's own.

use crate::process::ProcessGuard;
use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::{Client, ClientBuilder};
use serde_json::{json, Map, Value};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// ChromeDriver on a free port, ready to accept sessions. Chromium's processes join its
/// process group, so a browser whose session was never closed dies with the driver.
pub struct ChromeDriver {
    _process: ProcessGuard,
    pub url: String,
}

impl ChromeDriver {
    pub async fn start(binary: &Path) -> Result<ChromeDriver, String> {
        let port = crate::free_port()?;
        let process = ProcessGuard::spawn(
            "chromedriver",
            Command::new(binary)
                .arg(format!("--port={port}"))
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        )?;
        let driver = ChromeDriver {
            _process: process,
            url: format!("http://127.0.0.1:{port}"),
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            if Instant::now() > deadline {
                return Err(format!("{} did not start within 20 s", binary.display()));
            }
            tokio::time::sleep(Duration::from_millis(20)).await;
        }
        Ok(driver)
    }

    /// A new headless Chromium with the project's flags plus `args` (window size, profile
    /// folder...). `options` adds to `goog:chromeOptions` (prefs), `capabilities` to the top
    /// level (logging).
    pub async fn session(
        &self,
        chromium: &Path,
        args: &[String],
        options: Map<String, Value>,
        capabilities: Map<String, Value>,
    ) -> Result<Client, String> {
        let args: Vec<String> = crate::FLAGS
            .iter()
            .map(|flag| flag.to_string())
            .chain(args.iter().cloned())
            .collect();
        let mut chrome_options = Map::new();
        chrome_options.insert("binary".into(), json!(chromium));
        chrome_options.insert("args".into(), json!(args));
        chrome_options.extend(options);
        let mut all = capabilities;
        all.insert("goog:chromeOptions".into(), Value::Object(chrome_options));
        let connector = hyper_util::client::legacy::connect::HttpConnector::new();
        ClientBuilder::new(connector)
            .capabilities(all)
            .connect(&self.url)
            .await
            .map_err(|error| format!("cannot open a Chromium session: {error}"))
    }
}

/// Runs one DevTools method in the session's page and returns its result.
pub async fn devtools(client: &Client, method: &str, params: Value) -> Result<Value, String> {
    client
        .issue_cmd(DevTools(json!({ "cmd": method, "params": params })))
        .await
        .map_err(|error| format!("DevTools call {method} failed: {error}"))
}

#[derive(Debug)]
struct DevTools(Value);

impl WebDriverCompatibleCommand for DevTools {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        let session = session_id.unwrap_or_default();
        base_url.join(&format!("session/{session}/goog/cdp/execute"))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (http::Method::POST, Some(self.0.to_string()))
    }
}

/// A phone on a slow mobile connection, as Lighthouse's mobile profile with DevTools
/// throttling has it: Moto G Power's screen, "slow 4G" and a CPU four times slower.
pub struct PhoneProfile {
    pub latency_ms: f64,
    pub download_bytes_per_s: f64,
    pub upload_bytes_per_s: f64,
    pub cpu_slowdown: f64,
    pub width: u32,
    pub height: u32,
    pub device_scale_factor: f64,
}

/// 562.5 ms a request, 1,474.56 Kbit/s down, 675 Kbit/s up (bytes per second below), 4x CPU.
pub const SLOW_4G_PHONE: PhoneProfile = PhoneProfile {
    latency_ms: 562.5,
    download_bytes_per_s: 184_320.0,
    upload_bytes_per_s: 84_375.0,
    cpu_slowdown: 4.0,
    width: 412,
    height: 823,
    device_scale_factor: 1.75,
};

/// Applies `profile` to the session's page; it holds for the pages it opens from then on.
pub async fn emulate_phone(client: &Client, profile: &PhoneProfile) -> Result<(), String> {
    devtools(client, "Network.enable", json!({})).await?;
    let network = json!({
        "offline": false,
        "latency": profile.latency_ms,
        "downloadThroughput": profile.download_bytes_per_s,
        "uploadThroughput": profile.upload_bytes_per_s,
    });
    devtools(client, "Network.emulateNetworkConditions", network).await?;
    let cpu = json!({ "rate": profile.cpu_slowdown });
    devtools(client, "Emulation.setCPUThrottlingRate", cpu).await?;
    let screen = json!({
        "width": profile.width,
        "height": profile.height,
        "deviceScaleFactor": profile.device_scale_factor,
        "mobile": true,
    });
    devtools(client, "Emulation.setDeviceMetricsOverride", screen).await?;
    Ok(())
}
