//! The browser console, read through ChromeDriver's log endpoint. WebDriver has no standard way
//! to see console messages, yet they are where the app names bad content fields and where
//! Chromium reports Content-Security-Policy violations, including those of the very first load,
//! before any script of ours could listen.

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;

#[derive(Debug)]
struct ReadBrowserLog;

impl WebDriverCompatibleCommand for ReadBrowserLog {
    fn endpoint(
        &self,
        base_url: &url::Url,
        session_id: Option<&str>,
    ) -> Result<url::Url, url::ParseError> {
        base_url.join(&format!(
            "session/{}/se/log",
            session_id.unwrap_or_default()
        ))
    }

    fn method_and_body(&self, _request_url: &url::Url) -> (http::Method, Option<String>) {
        (
            http::Method::POST,
            Some(r#"{"type":"browser"}"#.to_string()),
        )
    }
}

/// One console line: `level` is Chromium's ("SEVERE", "WARNING", "INFO", ...).
#[derive(Clone, Debug)]
pub struct LogEntry {
    pub level: String,
    pub message: String,
}

/// The console lines since the previous call: ChromeDriver hands out each line once.
pub async fn browser_log(client: &Client) -> Vec<LogEntry> {
    let entries = client
        .issue_cmd(ReadBrowserLog)
        .await
        .unwrap_or_else(|error| panic!("reading the browser console: {error}"));
    entries
        .as_array()
        .map(|entries| {
            entries
                .iter()
                .map(|entry| LogEntry {
                    level: entry["level"].as_str().unwrap_or_default().to_string(),
                    message: entry["message"].as_str().unwrap_or_default().to_string(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The lines in which Chromium reports a Content-Security-Policy violation.
pub fn csp_violations(entries: &[LogEntry]) -> Vec<&LogEntry> {
    entries
        .iter()
        .filter(|entry| entry.message.contains("Content Security Policy"))
        .collect()
}
