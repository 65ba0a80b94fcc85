//! Running commands and owning child processes.

use std::path::PathBuf;
use std::process::Command;
use std::time::Instant;

/// The checkout, asked of cargo at run time (see `newsroom_harness::workspace`).
pub fn workspace_root() -> PathBuf {
    newsroom_harness::workspace::root().to_path_buf()
}

/// Cargo's build folder: `target/` in the checkout unless `CARGO_TARGET_DIR` (or cargo's
/// settings) put it elsewhere. Every command's build products are found through here.
pub fn target_dir() -> PathBuf {
    newsroom_harness::workspace::target_dir().to_path_buf()
}

/// Project-local tools (wasm-opt from npm) live here, git-ignored.
pub fn tools_dir() -> PathBuf {
    workspace_root().join(".tools")
}

/// PATH with the project-local tools and cargo's bin folder first, so the pinned wasm-opt wins
/// over any other on the machine (Debian's older one silently corrupts the output).
pub fn tool_path() -> String {
    let mut entries = vec![tools_dir().join("node_modules/.bin")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        entries.push(PathBuf::from(home).join("bin"));
    } else if let Some(home) = std::env::var_os("HOME") {
        entries.push(PathBuf::from(home).join(".cargo/bin"));
    }
    let rest = std::env::var_os("PATH").unwrap_or_default();
    entries.extend(std::env::split_paths(&rest));
    std::env::join_paths(entries)
        .expect("PATH entries contain no separator")
        .to_string_lossy()
        .into_owned()
}

/// A command in the workspace root with the tool PATH.
pub fn command(program: &str) -> Command {
    let mut command = Command::new(program);
    command
        .current_dir(workspace_root())
        .env("PATH", tool_path())
        .env("TRUNK_SKIP_VERSION_CHECK", "true");
    command
}

/// Runs to completion, failing with `what` when the command cannot start or exits non-zero.
pub fn run(what: &str, command: &mut Command) -> Result<(), String> {
    let status = command.status().map_err(|error| {
        format!(
            "{what}: could not start {:?}: {error}",
            command.get_program()
        )
    })?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Prints a step's name, runs it and prints how long it took.
pub fn step<T>(name: &str, body: impl FnOnce() -> Result<T, String>) -> Result<T, String> {
    println!("==> {name}");
    let started = Instant::now();
    let result = body();
    let seconds = started.elapsed().as_secs_f64();
    match &result {
        Ok(_) => println!("<== {name}: done in {seconds:.1} s"),
        Err(_) => println!("<== {name}: FAILED after {seconds:.1} s"),
    }
    result
}

/// The guard of the processes `dev` and `preview` start: each leads a process group of its
/// own, so stopping it also stops what it started (Trunk's cargo and rustc).
pub use newsroom_harness::ProcessGuard;

/// Starts `command` under a guard that says so when it stops it.
pub fn spawn_guarded(name: &str, command: &mut Command) -> Result<ProcessGuard, String> {
    Ok(ProcessGuard::spawn(name, command)?.announced())
}
