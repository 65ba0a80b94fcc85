//! Command-line options, parsed by hand to keep the server free of dependencies.

use crate::faults::NewsletterFault;
use std::path::PathBuf;

pub const USAGE: &str = "\
usage: newsroom-server [--root DIR] [--content-dir DIR] [--port N] [--host ADDR]
                       [--subscribers FILE] [--rate-limit N] [--newsletter-fault KIND]

  --root DIR               serve the built app from DIR (without it only /api/ is served)
  --content-dir DIR        answer /content/ from DIR first, then from the root's content/
  --port N                 port to listen on; 0 picks a free one (default 8081)
  --host ADDR              address to bind (default 127.0.0.1)
  --subscribers FILE       subscriber list (default target/newsletter-subscribers.txt)
  --rate-limit N           newsletter POSTs allowed per client address per minute;
                           0 disables the limit (default 30)
  --newsletter-fault KIND  start with a newsletter fault: 400, 409, 429, 500, 503, hang, none
";

#[derive(Debug, PartialEq)]
pub struct Config {
    pub root: Option<PathBuf>,
    pub content_dir: Option<PathBuf>,
    pub host: String,
    pub port: u16,
    pub subscribers: PathBuf,
    pub rate_limit: u32,
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
            subscribers: PathBuf::from("target/newsletter-subscribers.txt"),
            rate_limit: 30,
            newsletter_fault: None,
        }
    }
}

#[derive(Debug, PartialEq)]
pub enum Parsed {
    Run(Config),
    Help,
}

/// Accepts both `--flag value` and `--flag=value`.
pub fn parse(args: impl IntoIterator<Item = String>) -> Result<Parsed, String> {
    let mut config = Config::default();
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        if arg == "-h" || arg == "--help" {
            return Ok(Parsed::Help);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((flag, value)) if flag.starts_with("--") => {
                (flag.to_string(), Some(value.to_string()))
            }
            _ => (arg, None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| args.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--root" => config.root = Some(PathBuf::from(value()?)),
            "--content-dir" => config.content_dir = Some(PathBuf::from(value()?)),
            "--host" => config.host = value()?,
            "--port" => config.port = number(&flag, &value()?)?,
            "--subscribers" => config.subscribers = PathBuf::from(value()?),
            "--rate-limit" => config.rate_limit = number(&flag, &value()?)?,
            "--newsletter-fault" => config.newsletter_fault = NewsletterFault::parse(&value()?)?,
            other => return Err(format!("unknown option {other}")),
        }
    }
    Ok(Parsed::Run(config))
}

fn number<T: std::str::FromStr>(flag: &str, value: &str) -> Result<T, String> {
    value
        .parse()
        .map_err(|_| format!("{flag} expects a number, got {value:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(args: &[&str]) -> Result<Config, String> {
        match parse(args.iter().map(|s| s.to_string()))? {
            Parsed::Run(config) => Ok(config),
            Parsed::Help => Err("help".to_string()),
        }
    }

    #[test]
    fn defaults() {
        assert_eq!(run(&[]).unwrap(), Config::default());
    }

    #[test]
    fn reads_every_option_in_both_spellings() {
        let config = run(&[
            "--root",
            "dist",
            "--content-dir=fixtures",
            "--port=0",
            "--host",
            "0.0.0.0",
            "--subscribers=/tmp/s.txt",
            "--rate-limit",
            "0",
            "--newsletter-fault",
            "503",
        ])
        .unwrap();
        assert_eq!(config.root, Some(PathBuf::from("dist")));
        assert_eq!(config.content_dir, Some(PathBuf::from("fixtures")));
        assert_eq!(config.port, 0);
        assert_eq!(config.host, "0.0.0.0");
        assert_eq!(config.subscribers, PathBuf::from("/tmp/s.txt"));
        assert_eq!(config.rate_limit, 0);
        assert_eq!(config.newsletter_fault, Some(NewsletterFault::Status(503)));
    }

    #[test]
    fn reports_mistakes() {
        assert!(run(&["--port"]).unwrap_err().contains("needs a value"));
        assert!(run(&["--port", "http"]).unwrap_err().contains("number"));
        assert!(run(&["--port", "70000"]).is_err());
        assert!(run(&["--newsletter-fault", "418"]).is_err());
        assert!(run(&["--verbose"]).unwrap_err().contains("unknown option"));
        assert_eq!(run(&["--help"]).unwrap_err(), "help");
    }
}
