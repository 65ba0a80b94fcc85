//! What the end-to-end tests, the bench and `cargo xtask screenshots` share: child processes
//! that die with their process group, the project's server and ChromeDriver started on free
//! ports and awaited, headless Chromium's flags, Chrome DevTools Protocol calls, reading and
//! rewriting the built pages, and where the checkout and cargo's build folder are.

pub mod chromium;
#[cfg(feature = "html")]
pub mod html;
pub mod process;
pub mod server;
#[cfg(feature = "webdriver")]
pub mod webdriver;
#[cfg(feature = "workspace")]
pub mod workspace;

pub use chromium::FLAGS;
pub use process::ProcessGuard;
pub use server::{RunningServer, ServerCommand};

/// A loopback port nobody listens on right now.
pub fn free_port() -> Result<u16, String> {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .map_err(|error| format!("no free loopback port: {error}"))
}
