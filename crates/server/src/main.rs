//! Newsroom's server: serves a release build from `dist/` the way a production host does, and
//! runs the newsletter (subscribers in SQLite, double opt-in by mail). Built on axum, tower-http
//! and hyper; fit to put on the internet (see docs/newsletter.md).

mod args;
mod clock;
mod csv;
mod decode;
mod faults;
mod import;
mod listen;
mod mail;
mod newsletter;
mod pages;
mod paths;
mod rate_limit;
mod routes;
mod site_headers;
mod static_files;
mod store;
mod tokens;

use args::{Config, Parsed};
use routes::App;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

fn main() -> ExitCode {
    let result = match args::parse(std::env::args().skip(1)) {
        Ok(Parsed::Serve(config)) => serve(*config),
        Ok(Parsed::Export { database }) => export(&database),
        Ok(Parsed::Help) => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("newsroom-server: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("newsroom-server: {message}");
            ExitCode::FAILURE
        }
    }
}

/// `newsroom-server export`: the subscribers as CSV on standard output.
fn export(database: &std::path::Path) -> Result<(), String> {
    if !database.is_file() {
        return Err(format!("no subscriber database at {}", database.display()));
    }
    let (store, _) = store::Store::open(database, None)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    store.export_csv(&mut out)?;
    out.flush().map_err(|e| e.to_string())
}

fn serve(config: Config) -> Result<(), String> {
    for (flag, dir) in [
        ("--root", &config.root),
        ("--content-dir", &config.content_dir),
    ] {
        if let Some(dir) = dir {
            if !dir.is_dir() {
                return Err(format!("{flag} {} is not a directory", dir.display()));
            }
        }
    }
    listen::raise_descriptor_limit();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("cannot start the runtime: {e}"))?;
    runtime.block_on(run(config))
}

async fn run(config: Config) -> Result<(), String> {
    let (store, imported) = store::Store::open(&config.database, Some(&config.legacy_subscribers))?;
    if imported > 0 {
        eprintln!(
            "newsroom-server: imported {imported} subscribers from {} (pending: they confirm by signing up again)",
            config.legacy_subscribers.display()
        );
    }
    let listener = bind(&config.host, config.port).await?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    let public_url = config
        .public_url
        .clone()
        .or_else(|| std::env::var("NEWSROOM_PUBLIC_URL").ok())
        .unwrap_or_else(|| format!("http://{address}"));
    let mailer = mail::Mailer::from_env(mail::MailConfig {
        outbox: config.outbox.clone(),
        public_url,
        site_name: config.site_name.clone(),
    })?;
    let index = config
        .root
        .as_ref()
        .and_then(|root| std::fs::read_to_string(root.join("index.html")).ok());
    let csp = site_headers::header_policy(index.as_deref());
    let app = Arc::new(App {
        root: config.root.clone(),
        content_dir: config.content_dir.clone(),
        store: Arc::new(store),
        limiter: rate_limit::RateLimiter::new(config.rate_limit),
        test: config
            .test_controls
            .then(|| faults::TestControls::new(config.newsletter_fault)),
        security_headers: App::headers_for(&csp),
        mailer,
    });
    eprintln!(
        "newsroom-server: confirmation mail goes to {}",
        app.mailer.description
    );
    if app.test.is_some() {
        eprintln!("newsroom-server: test controls are on: never expose this server");
    }
    let router = routes::router(app, &config.cors_origins, config.max_requests);
    // Tests and scripts wait for exactly this line to learn the port and that the server is ready.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{address}").map_err(|e| e.to_string())?;
    stdout.flush().map_err(|e| e.to_string())?;
    listen::serve(
        listener,
        router,
        listen::Limits {
            header_timeout: Duration::from_secs(config.header_timeout_seconds),
            stall_timeout: Duration::from_secs(config.stall_timeout_seconds),
        },
    )
    .await;
    Ok(())
}

/// A listening socket with a long backlog, so a burst of connections waits instead of failing.
async fn bind(host: &str, port: u16) -> Result<tokio::net::TcpListener, String> {
    let cannot = |e: std::io::Error| format!("cannot listen on {host}:{port}: {e}");
    let address = tokio::net::lookup_host((host, port))
        .await
        .map_err(cannot)?
        .next()
        .ok_or_else(|| format!("cannot listen on {host}:{port}: no such address"))?;
    let socket = if address.is_ipv4() {
        tokio::net::TcpSocket::new_v4()
    } else {
        tokio::net::TcpSocket::new_v6()
    }
    .map_err(cannot)?;
    socket.set_reuseaddr(true).map_err(cannot)?;
    socket.bind(address).map_err(cannot)?;
    socket.listen(4096).map_err(cannot)
}
