//! Command-line options. Few and flat, so a hand-written parser stays clearer than a library.

use crate::faults::NewsletterFault;
use std::path::PathBuf;

pub const USAGE: &str = "\
usage: newsroom-server [OPTIONS]
       newsroom-server export [--database PATH]

  --root DIR               serve the built app from DIR (without it only /api/ is served)
  --content-dir DIR        answer /content/ from DIR first, then from the root's content/
  --port N                 port to listen on; 0 picks a free one (default 8081)
  --host ADDR              address to bind (default 127.0.0.1)
  --database PATH          subscriber database (default target/newsletter.sqlite3)
  --subscribers FILE       subscriber text file of earlier versions, imported when the
                           database is created (default target/newsletter-subscribers.txt)
  --outbox DIR             without NEWSROOM_SMTP_HOST, confirmation mails are written here
                           as .eml files (default target/newsletter-outbox)
  --public-url URL         the site's address in mailed links (default: the listening address)
  --site-name NAME         the name mails use (default Newsroom)
  --cors-origin ORIGIN     allow this origin to call /api/ from a browser; repeatable
                           (default: none, same origin only)
  --rate-limit N           sign-ups allowed per client address per minute; 0 disables the
                           limit (default 30)
  --header-timeout SECS    time a client has to send a request's head, also the keep-alive
                           idle time (default 10)
  --stall-timeout SECS     a connection that moves no byte for this long is closed (default 60)
  --max-requests N         requests handled at once; more get 503 (default 2048)
  --enable-test-controls   fault switches, the request counter and X-Newsletter-Fault; for
                           tests only, never on a public server
  --newsletter-fault KIND  start with a newsletter fault (needs --enable-test-controls):
                           400, 409, 429, 500, 503, hang, none
";

#[derive(Debug, PartialEq)]
pub struct Config {
    pub root: Option<PathBuf>,
    pub content_dir: Option<PathBuf>,
    pub host: String,
    pub port: u16,
    pub database: PathBuf,
    pub legacy_subscribers: PathBuf,
    pub outbox: PathBuf,
    pub public_url: Option<String>,
    pub site_name: String,
    pub cors_origins: Vec<String>,
    pub rate_limit: u32,
    pub header_timeout_seconds: u64,
    pub stall_timeout_seconds: u64,
    pub max_requests: usize,
    pub test_controls: bool,
    pub newsletter_fault: Option<NewsletterFault>,
}

impl Default for Config {
    /// Port 8081 because `trunk serve` takes 8080 and the two run side by side in development.
    fn default() -> Self {
        Config {
            root: None,
            content_dir: None,
            host: "127.0.0.1".to_string(),
            port: 8081,
            database: PathBuf::from(DEFAULT_DATABASE),
            legacy_subscribers: PathBuf::from("target/newsletter-subscribers.txt"),
            outbox: PathBuf::from("target/newsletter-outbox"),
            public_url: None,
            site_name: "Newsroom".to_string(),
            cors_origins: Vec::new(),
            rate_limit: 30,
            header_timeout_seconds: 10,
            stall_timeout_seconds: 60,
            max_requests: 2048,
            test_controls: false,
            newsletter_fault: None,
        }
    }
}

const DEFAULT_DATABASE: &str = "target/newsletter.sqlite3";

#[derive(Debug, PartialEq)]
pub enum Parsed {
    Serve(Box<Config>),
    Export { database: PathBuf },
    Help,
}

/// Accepts both `--flag value` and `--flag=value`.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut args = args.into_iter().peekable();
    if args.peek().map(String::as_str) == Some("export") {
        args.next();
        let mut database = PathBuf::from(DEFAULT_DATABASE);
        for_each_option(args, |flag, value| match flag {
            "--database" => {
                database = PathBuf::from(value()?);
                Ok(())
            }
            other => Err(format!("unknown option {other} for export")),
        })?;
        return Ok(Parsed::Export { database });
    }
    let mut config = Config::default();
    let mut help = false;
    for_each_option(args, |flag, value| {
        match flag {
            "-h" | "--help" => help = true,
            "--root" => config.root = Some(PathBuf::from(value()?)),
            "--content-dir" => config.content_dir = Some(PathBuf::from(value()?)),
            "--host" => config.host = value()?,
            "--port" => config.port = number(flag, &value()?)?,
            "--database" => config.database = PathBuf::from(value()?),
            "--subscribers" => config.legacy_subscribers = PathBuf::from(value()?),
            "--outbox" => config.outbox = PathBuf::from(value()?),
            "--public-url" => config.public_url = Some(value()?),
            "--site-name" => config.site_name = value()?,
            "--cors-origin" => config.cors_origins.push(origin(&value()?)?),
            "--rate-limit" => config.rate_limit = number(flag, &value()?)?,
            "--header-timeout" => config.header_timeout_seconds = positive(flag, &value()?)?,
            "--stall-timeout" => config.stall_timeout_seconds = positive(flag, &value()?)?,
            "--max-requests" => config.max_requests = positive(flag, &value()?)? as usize,
            "--enable-test-controls" => config.test_controls = true,
            "--newsletter-fault" => config.newsletter_fault = NewsletterFault::parse(&value()?)?,
            other => return Err(format!("unknown option {other}")),
        }
        Ok(())
    })?;
    if help {
        return Ok(Parsed::Help);
    }
    if config.newsletter_fault.is_some() && !config.test_controls {
        return Err("--newsletter-fault needs --enable-test-controls".to_string());
    }
    Ok(Parsed::Serve(Box::new(config)))
}

/// Calls `apply(flag, value)` for each option; `value()` takes the option's value.
fn for_each_option(
    args: impl Iterator<Item = String>,
    mut apply: impl FnMut(&str, &mut dyn FnMut() -> Result<String, String>) -> Result<(), String>,
) -> Result<(), String> {
    let mut args = args.peekable();
    while let Some(arg) = args.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg, None),
        };
        let mut inline = inline;
        let mut value = || {
            inline
                .take()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        apply(&flag, &mut value)?;
    }
    Ok(())
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} expects a number, got {value:?}"))
}

fn positive(flag: &str, value: &str) -> Result<u64, String> {
    match number(flag, value)? {
        0 => Err(format!("{flag} must be at least 1")),
        n => Ok(n),
    }
}

/// `scheme://host[:port]`, exactly as browsers send it in `Origin`.
fn origin(value: &str) -> Result<String, String> {
    let value = value.trim().trim_end_matches('/');
    let valid = ["http://", "https://"].iter().any(|scheme| {
        value
            .strip_prefix(scheme)
            .is_some_and(|rest| !rest.is_empty() && !rest.contains('/'))
    });
    if valid {
        Ok(value.to_string())
    } else {
        Err(format!(
            "--cors-origin expects an origin like https://example.org, got {value:?}"
        ))
    }
}

#[cfg(test)]
mod tests;
