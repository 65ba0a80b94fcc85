//! Where the checkout and cargo's build folder are, asked of cargo once per process.
//!
//! Cargo's build folder is `target/` in the checkout unless `CARGO_TARGET_DIR`, a
//! `build.target-dir` setting or `--target-dir` puts it elsewhere (many developers share one
//! folder across projects), so it is never joined by hand. The checkout is asked at run time
//! too: a binary built into a shared folder by another checkout would otherwise carry that
//! checkout's path.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

pub struct Workspace {
    /// The folder of the workspace's `Cargo.toml`.
    pub root: PathBuf,
    /// Cargo's build folder, absolute.
    pub target_dir: PathBuf,
}

/// The workspace of the package cargo is running (`cargo run` and `cargo test` say which in
/// `CARGO_MANIFEST_DIR`), else of the current folder. Panics, naming cargo's error, when cargo
/// cannot tell: no command can work then.
pub fn workspace() -> &'static Workspace {
    static WORKSPACE: OnceLock<Workspace> = OnceLock::new();
    WORKSPACE.get_or_init(|| ask_cargo().unwrap_or_else(|error| panic!("{error}")))
}

pub fn root() -> &'static Path {
    &workspace().root
}

pub fn target_dir() -> &'static Path {
    &workspace().target_dir
}

fn ask_cargo() -> Result<Workspace, String> {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let mut command = Command::new(cargo);
    command.args([
        "metadata",
        "--format-version",
        "1",
        "--no-deps",
        "--offline",
    ]);
    if let Some(package) = std::env::var_os("CARGO_MANIFEST_DIR") {
        command
            .arg("--manifest-path")
            .arg(Path::new(&package).join("Cargo.toml"));
    }
    let output = command
        .output()
        .map_err(|error| format!("cannot run `cargo metadata`: {error}"))?;
    if !output.status.success() {
        return Err(format!(
            "`cargo metadata` failed ({}): {}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim()
        ));
    }
    parse_metadata(&output.stdout)
}

/// The two fields this project needs from `cargo metadata`'s JSON.
fn parse_metadata(json: &[u8]) -> Result<Workspace, String> {
    let metadata: serde_json::Value = serde_json::from_slice(json)
        .map_err(|error| format!("`cargo metadata` printed no JSON: {error}"))?;
    let field = |name: &str| {
        metadata[name]
            .as_str()
            .map(PathBuf::from)
            .ok_or_else(|| format!("`cargo metadata` gave no {name}"))
    };
    Ok(Workspace {
        root: field("workspace_root")?,
        target_dir: field("target_directory")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_workspace_root_and_target_directory() {
        let parsed = parse_metadata(
            br#"{"packages":[],"target_directory":"/builds/shared","workspace_root":"/src/newsroom","version":1}"#,
        )
        .unwrap();
        assert_eq!(parsed.root, Path::new("/src/newsroom"));
        assert_eq!(parsed.target_dir, Path::new("/builds/shared"));
        assert!(parse_metadata(br#"{"version":1}"#).is_err());
    }

    #[test]
    fn this_checkout_is_the_workspace_holding_this_crate() {
        let here = Path::new(env!("CARGO_MANIFEST_DIR"));
        assert_eq!(root(), here.parent().unwrap().parent().unwrap());
        assert!(target_dir().is_absolute());
    }
}
