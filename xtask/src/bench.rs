//! `cargo xtask bench`: the app against a zero-JavaScript static rendition of the same article.
//! It measures and prints; it never fails on a figure. See `docs/performance.md`.

use crate::process::{command, run, step, workspace_root};
use crate::{build, tools};

/// Builds what the bench measures (the release app, the server) and runs it. `args` go to the
/// bench as they are (`--quick`, `--runs N`).
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
    })
}
