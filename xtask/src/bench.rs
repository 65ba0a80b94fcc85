//! `cargo xtask bench`: the app against a zero-JavaScript static rendition of the same article,
//! and the app's size against the stack's floor. It measures and prints; it never fails on a
//! figure. See `docs/performance.md`.

use crate::process::{command, run, step, target_dir, workspace_root};
use crate::{build, size, tools};
use std::path::{Path, PathBuf};

/// Builds what the bench measures (the release app, the server, the stack floor) and runs it.
/// `args` go to the bench as they are (`--quick`, `--runs N`).
pub fn run_bench(args: &[String]) -> Result<(), String> {
    step("check and install tools", || tools::ensure_all(true))?;
    step("release build", build::release_build)?;
    let server = step("build the server", build::build_server)?;
    let dist = workspace_root().join("dist");
    step("bench", || {
        run(
            "cargo run -p newsroom-bench",
            command("cargo")
                .args(["run", "--release", "-p", "newsroom-bench", "--"])
                .arg("--dist")
                .arg(&dist)
                .arg("--server")
                .arg(&server)
                .args(["--chromedriver", tools::CHROMEDRIVER])
                .args(["--chromium", tools::CHROMIUM])
                .args(args),
        )
    })?;
    let floor = step("build the stack floor (bench/floor)", build_stack_floor)?;
    step("size against the stack floor", || {
        compare_with_floor(&dist, &floor)
    })
}

/// `bench/floor` built as the app is (Trunk, the release profile, wasm-opt -Oz), into its own
/// folder.
fn build_stack_floor() -> Result<PathBuf, String> {
    let out = target_dir().join("stack-floor");
    run(
        "trunk build bench/floor",
        command("trunk")
            .args(["build", "--release", "--config", "Trunk.toml", "--dist"])
            .arg(&out)
            .arg("bench/floor/index.html"),
    )?;
    Ok(out)
}

/// Prints both builds' JS and wasm and what the app adds to the floor, in brotli bytes: the
/// part of the download that this project's code decides.
fn compare_with_floor(dist: &Path, floor: &Path) -> Result<(), String> {
    println!("the stack floor (bench/floor):");
    let floor = size::report(floor)?;
    println!("the app:");
    let app = size::report(dist)?;
    let own = app.brotli.saturating_sub(floor.brotli);
    println!(
        "the app's own part: {own} brotli bytes above the floor's {} ({:.0}% of the app)",
        floor.brotli,
        own as f64 * 100.0 / app.brotli.max(1) as f64
    );
    Ok(())
}
