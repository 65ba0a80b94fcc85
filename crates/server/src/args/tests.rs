use super::*;

fn run(args: &[&str]) -> Result<Config, String> {
    match parse(args.iter().map(|s| s.to_string()))? {
        Parsed::Serve(config) => Ok(*config),
        Parsed::Help => Err("help".to_string()),
        Parsed::Export { .. } => Err("export".to_string()),
    }
}

#[test]
fn defaults() {
    assert_eq!(run(&[]).unwrap(), Config::default());
    assert!(!Config::default().test_controls);
    assert!(Config::default().cors_origins.is_empty());
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
        "--database=/tmp/s.sqlite3",
        "--subscribers",
        "/tmp/old.txt",
        "--outbox=/tmp/outbox",
        "--public-url",
        "https://news.example.org",
        "--cors-origin",
        "https://app.example.org/",
        "--cors-origin=http://127.0.0.1:8080",
        "--rate-limit",
        "0",
        "--header-timeout=3",
        "--stall-timeout=4",
        "--max-requests=5",
        "--enable-test-controls",
        "--newsletter-fault",
        "503",
    ])
    .unwrap();
    assert_eq!(config.root, Some(PathBuf::from("dist")));
    assert_eq!(config.content_dir, Some(PathBuf::from("fixtures")));
    assert_eq!(config.port, 0);
    assert_eq!(config.host, "0.0.0.0");
    assert_eq!(config.database, PathBuf::from("/tmp/s.sqlite3"));
    assert_eq!(config.legacy_subscribers, PathBuf::from("/tmp/old.txt"));
    assert_eq!(config.outbox, PathBuf::from("/tmp/outbox"));
    assert_eq!(
        config.public_url.as_deref(),
        Some("https://news.example.org")
    );
    assert_eq!(
        config.cors_origins,
        vec!["https://app.example.org", "http://127.0.0.1:8080"]
    );
    assert_eq!(config.rate_limit, 0);
    assert_eq!(
        (
            config.header_timeout_seconds,
            config.stall_timeout_seconds,
            config.max_requests
        ),
        (3, 4, 5)
    );
    assert!(config.test_controls);
    assert_eq!(config.newsletter_fault, Some(NewsletterFault::Status(503)));
}

#[test]
fn reads_the_export_command() {
    let parsed = parse(["export", "--database", "x.db"].map(String::from)).unwrap();
    assert_eq!(
        parsed,
        Parsed::Export {
            database: PathBuf::from("x.db")
        }
    );
    assert!(parse(["export", "--root", "dist"].map(String::from)).is_err());
}

#[test]
fn reports_mistakes() {
    assert!(run(&["--port"]).unwrap_err().contains("needs a value"));
    assert!(run(&["--port", "http"]).unwrap_err().contains("number"));
    assert!(run(&["--port", "70000"]).is_err());
    assert!(run(&["--header-timeout", "0"]).is_err());
    assert!(run(&["--cors-origin", "*"]).is_err());
    assert!(run(&["--cors-origin", "https://a.example/path"]).is_err());
    assert!(run(&["--enable-test-controls", "--newsletter-fault", "418"]).is_err());
    assert!(run(&["--newsletter-fault", "500"])
        .unwrap_err()
        .contains("--enable-test-controls"));
    assert!(run(&["--verbose"]).unwrap_err().contains("unknown option"));
    assert_eq!(run(&["--help"]).unwrap_err(), "help");
}
