//! `cargo xtask screenshots`: PNGs of the main pages at phone, tablet and desktop widths, for
//! reviewing the design by eye after a change to `style/` or the views. Headless Chromium's own
//! `--screenshot` is enough for this: no WebDriver, no test harness.

use crate::process::workspace_root;
use crate::test::{build_server, release_build};
use crate::tools;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// Phone, tablet and desktop widths, each with a window tall enough for the longest page (the
/// article with its Read More cards) so one shot shows it whole. Shorter pages end in blank
/// space: the layout keeps the footer at least 60 % of the window height down.
const SIZES: [(u32, u32); 3] = [(375, 9000), (768, 6000), (1280, 5000)];

const PAGES: [(&str, &str); 3] = [
    ("home", "/"),
    (
        "article",
        "/articles/us-and-philippines-conclude-child-protection-compact-partnership",
    ),
    ("category", "/category/justice-system"),
];

/// Each page in the light theme and, with the system preferring dark, in the dark theme.
const THEMES: [(&str, &[&str]); 2] = [("", &[]), ("-dark", &["--force-dark-mode"])];

pub fn run() -> Result<(), String> {
    tools::ensure_all(true)?;
    release_build()?;
    build_server()?;
    let root = workspace_root();
    // Where the builds above wrote (`release_build` always writes `dist/`).
    let server_binary = target_dir(&root).join("release/newsroom-server");
    let dist = root.join("dist");
    let out_dir = target_dir(&root).join("screenshots");
    std::fs::create_dir_all(&out_dir)
        .map_err(|error| format!("cannot create {}: {error}", out_dir.display()))?;
    let (_server, origin) = start_server(&server_binary, &dist)?;
    for (name, path) in PAGES {
        for (width, height) in SIZES {
            for (suffix, flags) in THEMES {
                let file = out_dir.join(format!("{name}-{width}{suffix}.png"));
                shoot(&format!("{origin}{path}"), width, height, flags, &file)?;
                println!("wrote {}", file.display());
            }
        }
    }
    Ok(())
}

fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| root.join("target"))
}

/// Stops the server when the command ends, however it ends.
struct Running(Child);

impl Drop for Running {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// The server over `dist/` on a port the system picks; its first line says where it listens.
fn start_server(binary: &Path, dist: &Path) -> Result<(Running, String), String> {
    let mut child = Command::new(binary)
        .arg("--root")
        .arg(dist)
        .args(["--port", "0"])
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start {}: {error}", binary.display()))?;
    let stdout = child.stdout.take();
    let server = Running(child);
    let mut first_line = String::new();
    if let Some(stdout) = stdout {
        BufReader::new(stdout)
            .read_line(&mut first_line)
            .map_err(|error| format!("reading the server's address: {error}"))?;
    }
    let origin = first_line
        .trim()
        .strip_prefix("listening on ")
        .ok_or_else(|| format!("unexpected first line from the server: {first_line:?}"))?
        .to_string();
    Ok((server, origin))
}

/// One screenshot. A fresh profile each time, so no cache or storage from an earlier shot
/// changes what the page shows; the virtual time budget lets the app fetch and render first.
fn shoot(url: &str, width: u32, height: u32, flags: &[&str], file: &Path) -> Result<(), String> {
    let profile = std::env::temp_dir().join(format!(
        "newsroom-screenshot-{}-{width}",
        std::process::id()
    ));
    let status = Command::new(tools::CHROMIUM)
        .args(newsroom_headless::FLAGS)
        .args(["--hide-scrollbars", "--virtual-time-budget=5000"])
        .args(flags)
        .arg(format!("--window-size={width},{height}"))
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", file.display()))
        .arg(url)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status()
        .map_err(|error| format!("could not start {}: {error}", tools::CHROMIUM))?;
    let _ = std::fs::remove_dir_all(&profile);
    if status.success() && file.exists() {
        Ok(())
    } else {
        Err(format!("chromium could not capture {url} ({status})"))
    }
}
