//! `cargo xtask load`: requests per second and latency percentiles of the release server over
//! `dist/`, alone and beside a flood of idle half-open connections. Prints figures; never fails
//! on them.

use crate::process::{command, run, step, workspace_root};
use crate::{build, tools};
use newsroom_harness::ServerCommand;

pub fn run_load(args: &[String]) -> Result<(), String> {
    let dist = workspace_root().join("dist");
    if !dist.join("index.html").exists() {
        step("check and install tools", || tools::ensure_all(false))?;
        step("release build into dist/", build::release_build)?;
    }
    let server = step("build the server", build::build_server)?;
    let database = std::env::temp_dir().join(format!("newsroom-load-{}", std::process::id()));
    let server = ServerCommand::new(&server)
        .arg("--root")
        .arg(&dist)
        .args(["--rate-limit", "0"])
        .arg("--database")
        .arg(database.join("subscribers.sqlite3"))
        .arg("--outbox")
        .arg(database.join("outbox"))
        .start()?;
    let address = server
        .origin
        .strip_prefix("http://")
        .ok_or_else(|| format!("unexpected server address: {}", server.origin))?
        .to_string();
    let result = run(
        "newsroom-load",
        command("cargo")
            .args([
                "run",
                "--quiet",
                "--release",
                "-p",
                "newsroom-server",
                "--bin",
                "newsroom-load",
                "--",
            ])
            .args([
                "--address",
                &address,
                "--path",
                "/",
                "--path",
                "/content/site.json",
            ])
            .args(args),
    );
    drop(server);
    let _ = std::fs::remove_dir_all(&database);
    result
}
