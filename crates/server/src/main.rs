//! A small real HTTP server for Newsroom: previews a release build from `dist/`, backs the
//! end-to-end browser tests, and provides the newsletter endpoint next to `trunk serve`.
//! Std-only on purpose, so it builds fast and behaves the same on every machine.

mod app;
mod args;
mod conn;
mod decode;
mod faults;
mod http;
mod newsletter;
mod static_files;
mod subscribers;

use app::App;
use args::{Config, Parsed};
use faults::Faults;
use http::{Persistence, Response};
use newsletter::Newsletter;
use std::io::Write;
use std::net::{TcpListener, TcpStream};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::thread;

/// A thread per connection is simple but unbounded; past this many, new connections get a
/// quick 503 instead of exhausting the machine.
const MAX_CONNECTIONS: usize = 512;

fn main() -> ExitCode {
    let config = match args::parse(std::env::args().skip(1)) {
        Ok(Parsed::Run(config)) => config,
        Ok(Parsed::Help) => {
            print!("{}", args::USAGE);
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("newsroom-server: {message}\n\n{}", args::USAGE);
            return ExitCode::from(2);
        }
    };
    match run(config) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("newsroom-server: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(config: Config) -> Result<(), String> {
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
    let subscribers = subscribers::Subscribers::open(&config.subscribers).map_err(|e| {
        format!(
            "cannot open subscriber file {}: {e}",
            config.subscribers.display()
        )
    })?;
    let app = Arc::new(App {
        root: config.root,
        content_dir: config.content_dir,
        newsletter: Newsletter::new(subscribers, config.rate_limit),
        faults: Faults::new(config.newsletter_fault),
    });
    let listener = TcpListener::bind((config.host.as_str(), config.port))
        .map_err(|e| format!("cannot listen on {}:{}: {e}", config.host, config.port))?;
    let address = listener.local_addr().map_err(|e| e.to_string())?;
    // Tests wait for exactly this line to learn the port and that the server is ready.
    let mut stdout = std::io::stdout();
    writeln!(stdout, "listening on http://{address}").map_err(|e| e.to_string())?;
    stdout.flush().map_err(|e| e.to_string())?;

    let open = Arc::new(AtomicUsize::new(0));
    for stream in listener.incoming() {
        let Ok(stream) = stream else { continue };
        if open.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
            open.fetch_sub(1, Ordering::SeqCst);
            turn_away(stream);
            continue;
        }
        let app = Arc::clone(&app);
        let slot = Slot(Arc::clone(&open));
        let spawned = thread::Builder::new()
            .name("connection".to_string())
            .spawn(move || {
                let _slot = slot;
                conn::serve(stream, &app);
            });
        if let Err(e) = spawned {
            eprintln!("newsroom-server: cannot start a connection thread: {e}");
        }
    }
    Ok(())
}

/// Frees a connection slot however the thread ends, panics included.
struct Slot(Arc<AtomicUsize>);

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

fn turn_away(mut stream: TcpStream) {
    let response = Response::text(503, "Server busy, try again\n").header("Retry-After", "1");
    let _ = http::write_response(&mut stream, &response, false, Persistence::Close);
}
