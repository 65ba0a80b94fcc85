//! `cargo xtask load`: requests per second and latency percentiles of the release server over
//! `dist/`, alone and beside a flood of idle half-open connections. Prints figures; never fails
//! on them.

use crate::process::{command, run, step, workspace_root, ChildGuard};
use crate::{build, tools};
use std::io::{BufRead, BufReader};
use std::process::Stdio;

pub fn run_load(args: &[String]) -> Result<(), String> {
    let dist = workspace_root().join("dist");
    if !dist.join("index.html").exists() {
        step("check and install tools", || tools::ensure_all(false))?;
        step("release build into dist/", build::release_build)?;
    }
    let server = step("build the server", build::build_server)?;
    let database = std::env::temp_dir().join(format!("newsroom-load-{}", std::process::id()));
    let mut guard = ChildGuard::spawn(
        "server",
        command(&server.to_string_lossy())
            .arg("--root")
            .arg(&dist)
            .args(["--port", "0", "--rate-limit", "0"])
            .arg("--database")
            .arg(database.join("subscribers.sqlite3"))
            .arg("--outbox")
            .arg(database.join("outbox"))
            .stdout(Stdio::piped())
            .stderr(Stdio::null()),
    )?;
    let stdout = guard.stdout().ok_or("the server's output is not piped")?;
    let mut line = String::new();
    BufReader::new(stdout)
        .read_line(&mut line)
        .map_err(|error| format!("reading the server's address: {error}"))?;
    let address = line
        .trim()
        .strip_prefix("listening on http://")
        .ok_or_else(|| format!("unexpected first line from the server: {line:?}"))?
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
    drop(guard);
    let _ = std::fs::remove_dir_all(&database);
    result
}
