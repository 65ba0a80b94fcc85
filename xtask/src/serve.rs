//! `cargo xtask dev` and `cargo xtask preview`: the app for people, with every process they
//! need, all stopped together on Ctrl-C.

use crate::process::{command, spawn_guarded, step};
use crate::{test, tools};
use std::sync::mpsc;

const APP_URL: &str = "http://127.0.0.1:8080/";
/// Where `trunk serve` proxies `/api/` in development (see Trunk.toml).
const DEV_API_PORT: &str = "8081";

pub fn dev() -> Result<(), String> {
    step("check and install tools", || tools::ensure_all(false))?;
    let server = step("build the newsletter endpoint", test::build_server)?;
    let _api = spawn_guarded(
        "newsletter endpoint",
        command(&server.to_string_lossy()).args(["--port", DEV_API_PORT]),
    )?;
    let _trunk = spawn_guarded("trunk serve", command("trunk").arg("serve"))?;
    println!("\nNewsroom: {APP_URL} (first build takes about a minute; Ctrl-C stops everything)\n");
    wait_for_ctrl_c()
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

/// Blocks until Ctrl-C; the guards then stop the children as they drop.
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
