//! `cargo xtask screenshots`: PNGs of the main pages at phone, tablet and desktop widths, for
//! reviewing the design by eye after a change to `style/` or the views. Headless Chromium's own
//! `--screenshot` is enough for this: no WebDriver; the server and the browser are started and
//! guarded by `newsroom-harness`.

use crate::process::{target_dir, workspace_root};
use crate::test::{build_server, release_build};
use crate::tools;
use newsroom_harness::{ProcessGuard, ServerCommand};
use std::path::Path;
use std::process::{Command, Stdio};

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
    // Where the builds above wrote (`release_build` always writes `dist/`).
    let server_binary = target_dir().join("release/newsroom-server");
    let dist = workspace_root().join("dist");
    let out_dir = target_dir().join("screenshots");
    std::fs::create_dir_all(&out_dir)
        .map_err(|error| format!("cannot create {}: {error}", out_dir.display()))?;
    // Stopped with its process group when the command ends, however it ends.
    let server = ServerCommand::new(&server_binary)
        .arg("--root")
        .arg(&dist)
        .start()?;
    for (name, path) in PAGES {
        for (width, height) in SIZES {
            for (suffix, flags) in THEMES {
                let file = out_dir.join(format!("{name}-{width}{suffix}.png"));
                shoot(&server.url(path), width, height, flags, &file)?;
                println!("wrote {}", file.display());
            }
        }
    }
    Ok(())
}

/// One screenshot. A fresh profile each time, so no cache or storage from an earlier shot
/// changes what the page shows; the virtual time budget lets the app fetch and render first.
fn shoot(url: &str, width: u32, height: u32, flags: &[&str], file: &Path) -> Result<(), String> {
    let profile = std::env::temp_dir().join(format!(
        "newsroom-screenshot-{}-{width}",
        std::process::id()
    ));
    // Guarded too: Chromium's helper processes go with it even if it crashes.
    let mut chromium = ProcessGuard::spawn(
        "chromium",
        Command::new(tools::CHROMIUM)
            .args(newsroom_harness::FLAGS)
            .args(flags)
            .args(["--hide-scrollbars", "--virtual-time-budget=5000"])
            .arg(format!("--window-size={width},{height}"))
            .arg(format!("--user-data-dir={}", profile.display()))
            .arg(format!("--screenshot={}", file.display()))
            .arg(url)
            .stdout(Stdio::null())
            .stderr(Stdio::null()),
    )?;
    let status = chromium
        .child_mut()
        .wait()
        .map_err(|error| format!("waiting for {}: {error}", tools::CHROMIUM))?;
    drop(chromium);
    let _ = std::fs::remove_dir_all(&profile);
    if status.success() && file.exists() {
        Ok(())
    } else {
        Err(format!("chromium could not capture {url} ({status})"))
    }
}
