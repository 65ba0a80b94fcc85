//! How the project starts headless Chromium: the end-to-end tests, the bench and
//! `cargo xtask screenshots` must see the same browser.

/// Headless, in a container (no sandbox, no GPU, no /dev/shm), and quiet: nothing the browser
/// would fetch or sync on its own competes with the page being tested or measured.
pub const FLAGS: &[&str] = &[
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
];
