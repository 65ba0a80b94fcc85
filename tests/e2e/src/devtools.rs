//! Chrome DevTools Protocol calls through ChromeDriver's `goog/cdp/execute` endpoint, for what
//! WebDriver itself cannot do (viewport emulation, garbage collection, DOM counters).

use fantoccini::wd::WebDriverCompatibleCommand;
use fantoccini::Client;
use serde_json::Value;

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

/// Runs one DevTools method and returns its result.
pub async fn devtools(
    client: &Client,
    method: &str,
    params: Value,
) -> Result<Value, fantoccini::error::CmdError> {
    client
        .issue_cmd(DevTools(
            serde_json::json!({ "cmd": method, "params": params }),
        ))
        .await
}
