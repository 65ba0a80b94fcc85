//! Installs what the build and the tests need, skipping what is already there. Every tool
//! comes from a package registry (crates.io, npm, Debian): nothing is downloaded from elsewhere.

use crate::process::{command, run, step, tools_dir, workspace_root};
use std::path::Path;
use std::process::Command;

pub const TRUNK_VERSION: &str = "0.21.14";
/// binaryen 132 from npm. Debian's wasm-opt 108 breaks wasm-bindgen's externref table.
const BINARYEN_NPM: &str = "binaryen@132";
const WASM_OPT_VERSION: &str = "version 132";
/// The accessibility rules engine the end-to-end tests inject into pages.
const AXE_CORE_NPM: &str = "axe-core@4";
pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Everything `dev` and `test` need.
pub fn ensure_all(with_browser: bool) -> Result<(), String> {
    ensure_wasm_target()?;
    ensure_trunk()?;
    ensure_wasm_bindgen()?;
    ensure_wasm_opt()?;
    if with_browser {
        ensure_chromium()?;
        ensure_axe_core()?;
        ensure_aiosmtpd()?;
    }
    Ok(())
}

/// First line a tool prints for `--version`, or None when it is not installed.
fn version_of(program: &str) -> Option<String> {
    let output = command(program).arg("--version").output().ok()?;
    output.status.success().then(|| {
        String::from_utf8_lossy(&output.stdout)
            .lines()
            .next()
            .unwrap_or_default()
            .trim()
            .to_string()
    })
}

fn ensure_wasm_target() -> Result<(), String> {
    let installed = command("rustup")
        .args(["target", "list", "--installed"])
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).contains("wasm32-unknown-unknown"))
        .unwrap_or(false);
    if installed {
        println!("ok  wasm32-unknown-unknown target");
        return Ok(());
    }
    step("install the wasm32-unknown-unknown target", || {
        run(
            "rustup target add wasm32-unknown-unknown",
            command("rustup").args(["target", "add", "wasm32-unknown-unknown"]),
        )
    })
}

fn ensure_trunk() -> Result<(), String> {
    let wanted = format!("trunk {TRUNK_VERSION}");
    if version_of("trunk").as_deref() == Some(wanted.as_str()) {
        println!("ok  {wanted}");
        return Ok(());
    }
    // Trunk 0.22 needs a newer rustc than stable 1.95; 0.21.14 builds and works offline.
    step(&format!("install {wanted} (about 11 minutes cold)"), || {
        run(
            "cargo install trunk",
            command("cargo").args([
                "install",
                "trunk",
                "--locked",
                "--force",
                "--version",
                TRUNK_VERSION,
            ]),
        )
    })
}

/// The wasm-bindgen version Cargo.lock resolved: the CLI must match it exactly.
pub fn locked_wasm_bindgen_version() -> Result<String, String> {
    let lock = std::fs::read_to_string(workspace_root().join("Cargo.lock"))
        .map_err(|error| format!("cannot read Cargo.lock: {error}"))?;
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line == "name = \"wasm-bindgen\"" {
            if let Some(version) = lines.next().and_then(|l| l.strip_prefix("version = \"")) {
                return Ok(version.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock has no wasm-bindgen package".to_string())
}

fn ensure_wasm_bindgen() -> Result<(), String> {
    let version = locked_wasm_bindgen_version()?;
    check_trunk_pin(&version)?;
    let wanted = format!("wasm-bindgen {version}");
    if version_of("wasm-bindgen").as_deref() == Some(wanted.as_str()) {
        println!("ok  {wanted} (the version in Cargo.lock)");
        return Ok(());
    }
    // Without --locked: one of its locked dependency versions is no longer on crates.io.
    step(
        &format!("install wasm-bindgen-cli {version} (about 3 minutes cold)"),
        || {
            run(
                "cargo install wasm-bindgen-cli",
                command("cargo").args([
                    "install",
                    "wasm-bindgen-cli",
                    "--force",
                    "--version",
                    &version,
                ]),
            )
        },
    )
}

/// Trunk refuses (offline) a wasm-bindgen whose version differs from its pin, so a bump of
/// Cargo.lock must bump Trunk.toml too; say so plainly instead of failing inside Trunk.
fn check_trunk_pin(version: &str) -> Result<(), String> {
    let trunk_toml = std::fs::read_to_string(workspace_root().join("Trunk.toml"))
        .map_err(|error| format!("cannot read Trunk.toml: {error}"))?;
    let pin = format!("wasm_bindgen = \"{version}\"");
    if trunk_toml.contains(&pin) {
        Ok(())
    } else {
        Err(format!(
            "Trunk.toml must pin the wasm-bindgen of Cargo.lock: set `{pin}` under [tools]"
        ))
    }
}

fn ensure_wasm_opt() -> Result<(), String> {
    let local = tools_dir().join("node_modules/.bin/wasm-opt");
    if local.exists() && version_of("wasm-opt").is_some_and(|v| v.contains(WASM_OPT_VERSION)) {
        println!("ok  wasm-opt {WASM_OPT_VERSION} in .tools/");
        return Ok(());
    }
    if version_of("npm").is_none() {
        return Err(
            "npm is needed to install wasm-opt (binaryen from the npm registry): \
                    install Node.js and npm (apt-get install -y nodejs npm), then run again"
                .to_string(),
        );
    }
    step(
        &format!("install wasm-opt ({BINARYEN_NPM} from npm) into .tools/"),
        || {
            std::fs::create_dir_all(tools_dir()).map_err(|error| error.to_string())?;
            run(
                "npm install binaryen",
                command("npm")
                    .args(["install", "--no-audit", "--no-fund", "--prefix"])
                    .arg(tools_dir())
                    .arg(BINARYEN_NPM),
            )
        },
    )
}

/// The script the end-to-end tests read; `end_to_end_tests` passes this path on.
pub fn axe_core_js() -> std::path::PathBuf {
    tools_dir().join("node_modules/axe-core/axe.min.js")
}

fn ensure_axe_core() -> Result<(), String> {
    if axe_core_js().exists() {
        println!("ok  axe-core in .tools/");
        return Ok(());
    }
    if version_of("npm").is_none() {
        return Err(
            "npm is needed to install axe-core for the accessibility tests: \
                    install Node.js and npm (apt-get install -y nodejs npm), then run again"
                .to_string(),
        );
    }
    step(
        &format!("install {AXE_CORE_NPM} from npm into .tools/"),
        || {
            std::fs::create_dir_all(tools_dir()).map_err(|error| error.to_string())?;
            run(
                "npm install axe-core",
                command("npm")
                    .args(["install", "--no-audit", "--no-fund", "--prefix"])
                    .arg(tools_dir())
                    .arg(AXE_CORE_NPM),
            )
        },
    )
}

/// aiosmtpd from PyPI: the real SMTP server the newsletter's end-to-end test mails to.
const AIOSMTPD_PYPI: &str = "aiosmtpd==1.4.6";

/// The Python of the virtual environment that holds aiosmtpd; the end-to-end tests run
/// `python -m aiosmtpd` with it.
pub fn aiosmtpd_python() -> std::path::PathBuf {
    tools_dir().join("aiosmtpd/bin/python")
}

fn ensure_aiosmtpd() -> Result<(), String> {
    let installed = Command::new(aiosmtpd_python())
        .args(["-c", "import aiosmtpd"])
        .output()
        .is_ok_and(|out| out.status.success());
    if installed {
        println!("ok  {AIOSMTPD_PYPI} in .tools/aiosmtpd");
        return Ok(());
    }
    if version_of("python3").is_none() {
        return Err(
            "python3 is needed for the SMTP server of the newsletter test: \
             apt-get install -y python3 python3-venv, then run again"
                .to_string(),
        );
    }
    // Debian's pip refuses system-wide installs: a virtual environment of our own.
    step(
        &format!("install {AIOSMTPD_PYPI} from PyPI into .tools/aiosmtpd"),
        || {
            let venv = tools_dir().join("aiosmtpd");
            run(
                "python3 -m venv",
                command("python3").args(["-m", "venv"]).arg(&venv),
            )?;
            run(
                "pip install aiosmtpd",
                Command::new(venv.join("bin/pip")).args([
                    "install",
                    "--quiet",
                    "--disable-pip-version-check",
                    AIOSMTPD_PYPI,
                ]),
            )
        },
    )
}

fn ensure_chromium() -> Result<(), String> {
    if Path::new(CHROMIUM).exists() && Path::new(CHROMEDRIVER).exists() {
        println!("ok  chromium and chromedriver");
        return Ok(());
    }
    let apt =
        "apt-get update && apt-get install -y --no-install-recommends chromium chromium-driver";
    if !is_root() {
        return Err(format!(
            "Chromium and ChromeDriver are missing. Run as root:\n    {apt}"
        ));
    }
    step("install chromium and chromium-driver from Debian", || {
        run("apt-get update", Command::new("apt-get").arg("update"))?;
        run(
            "apt-get install chromium chromium-driver",
            Command::new("apt-get")
                .args([
                    "install",
                    "-y",
                    "--no-install-recommends",
                    "chromium",
                    "chromium-driver",
                ])
                .env("DEBIAN_FRONTEND", "noninteractive"),
        )
    })
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .map(|out| String::from_utf8_lossy(&out.stdout).trim() == "0")
        .unwrap_or(false)
}
