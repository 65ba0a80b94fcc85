//! `cargo xtask dev` and `cargo xtask preview`: the app for people, with every process they
//! need, all stopped together on Ctrl-C.

use crate::process::{command, spawn_guarded, step};
use crate::{test, tools};
use std::sync::mpsc;

const APP_URL: &str = "http://127.0.0.1:8080/";
/// Where `trunk serve` proxies `/api/` in development (see Trunk.toml).
const DEV_API_PORT: &str = "8081";
const DEV_API_URL: &str = "http://127.0.0.1:8081";

pub fn dev() -> Result<(), String> {
    step("check and install tools", || tools::ensure_all(false))?;
    let server = step("build the newsletter endpoint", test::build_server)?;
    let data = dev_data_dir();
    let outbox = data.join("outbox");
    let _api = spawn_guarded(
        "newsletter endpoint",
        command(&server.to_string_lossy())
            // Mailed links go straight to this server: trunk proxies only /api/ to it.
            .args(["--port", DEV_API_PORT, "--public-url", DEV_API_URL])
            .arg("--database")
            .arg(data.join("newsletter.sqlite3"))
            .arg("--outbox")
            .arg(&outbox),
    )?;
    let _trunk = spawn_guarded("trunk serve", command("trunk").arg("serve"))?;
    println!("\nNewsroom: {APP_URL} (first build takes about a minute; Ctrl-C stops everything)");
    println!("Confirmation mails are written to {}\n", outbox.display());
    wait_for_ctrl_c()
}

/// Development subscribers and mails live outside the checkout: `trunk serve` rebuilds on any
/// change in the project folder, `target/` included, so a sign-up there would reload the page.
fn dev_data_dir() -> std::path::PathBuf {
    let base = std::env::var_os("XDG_DATA_HOME")
        .map(std::path::PathBuf::from)
        .or_else(|| {
            std::env::var_os("HOME").map(|home| std::path::Path::new(&home).join(".local/share"))
        })
        .unwrap_or_else(std::env::temp_dir);
    base.join("newsroom-dev")
}

pub fn preview() -> Result<(), String> {
    step("check and install tools", || tools::ensure_all(false))?;
    step("release build into dist/", test::release_build)?;
    let server = step("build the server", test::build_server)?;
    let _server = spawn_guarded(
        "server",
        command(&server.to_string_lossy()).args(["--root", "dist", "--port", "8080"]),
    )?;
    println!("\nRelease preview: {APP_URL} (Ctrl-C stops it)\n");
    wait_for_ctrl_c()
}

/// Blocks until Ctrl-C (or SIGTERM, or the terminal closing); the guards then stop the children
/// as they drop.
fn wait_for_ctrl_c() -> Result<(), String> {
    let (sender, receiver) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = sender.send(());
    })
    .map_err(|error| format!("cannot handle Ctrl-C: {error}"))?;
    let _ = receiver.recv();
    println!("\nstopping");
    Ok(())
}
