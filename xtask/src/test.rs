//! `cargo xtask test`: every test tier in order, stopping at the first that fails.

use crate::process::{command, step, workspace_root};
use crate::{size, tools};
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::Instant;

/// Test counts of one tier, read from the runners' "test result:" lines.
#[derive(Default, Clone, Copy)]
struct Counts {
    passed: u32,
    failed: u32,
    ignored: u32,
}

impl Counts {
    fn add(&mut self, other: Counts) {
        self.passed += other.passed;
        self.failed += other.failed;
        self.ignored += other.ignored;
    }
}

type Tier = (&'static str, fn() -> Result<Counts, String>);

const TIERS: [Tier; 7] = [
    (
        "static checks (fmt, clippy native + wasm32, import cycles)",
        static_checks,
    ),
    ("native unit tests", native_tests),
    (
        "content checks (sample content, broken fixtures)",
        content_checks,
    ),
    ("component tests in headless Chromium", component_tests),
    ("end-to-end tests in headless Chromium", end_to_end_tests),
    (
        "the same dist/ with CARGO_TARGET_DIR outside the checkout",
        other_target_dir,
    ),
    ("size report and budget", size_report),
];

pub fn run_all() -> Result<(), String> {
    step("check and install tools", || tools::ensure_all(true))?;
    step("fetch crates (builds run offline)", || {
        crate::process::run("cargo fetch", command("cargo").arg("fetch"))
    })?;
    let mut report = Vec::new();
    let mut total = Counts::default();
    let mut failure = None;
    for (name, tier) in TIERS {
        let started = Instant::now();
        let result = step(name, tier);
        let seconds = started.elapsed().as_secs_f64();
        match result {
            Ok(counts) => {
                total.add(counts);
                report.push(format!(
                    "  PASS  {name}: {} passed, {} failed, {} ignored ({seconds:.0} s)",
                    counts.passed, counts.failed, counts.ignored
                ));
            }
            Err(message) => {
                report.push(format!("  FAIL  {name} ({seconds:.0} s): {message}"));
                failure = Some(format!("tier \"{name}\" failed: {message}"));
                break;
            }
        }
    }
    println!("\nTest tiers:");
    for line in &report {
        println!("{line}");
    }
    println!("{} passed, {} failed", total.passed, total.failed);
    match failure {
        Some(message) => Err(message),
        None => Ok(()),
    }
}

/// Runs a test command, echoing its output while summing its "test result:" lines.
fn run_counting(what: &str, command: &mut Command) -> Result<Counts, String> {
    let mut child = command
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("{what}: could not start: {error}"))?;
    let mut counts = Counts::default();
    let stdout = child.stdout.take().expect("stdout is piped");
    for line in BufReader::new(stdout).lines().map_while(Result::ok) {
        println!("{line}");
        if let Some(result) = parse_test_result(&line) {
            counts.add(result);
        }
    }
    let status = child.wait().map_err(|error| format!("{what}: {error}"))?;
    if !status.success() || counts.failed > 0 {
        return Err(format!("{what}: {} failed ({status})", counts.failed));
    }
    if counts.passed == 0 {
        return Err(format!("{what}: no test ran"));
    }
    Ok(counts)
}

/// Reads "test result: ok. 12 passed; 0 failed; 1 ignored; ..." as printed by libtest and by
/// wasm-bindgen-test-runner.
fn parse_test_result(line: &str) -> Option<Counts> {
    let rest = line.trim().strip_prefix("test result: ")?;
    let number_before = |label: &str| -> u32 {
        rest.split(';')
            .find_map(|part| {
                let part = part
                    .trim()
                    .trim_start_matches("ok. ")
                    .trim_start_matches("FAILED. ");
                part.strip_suffix(label)?.trim().parse().ok()
            })
            .unwrap_or(0)
    };
    Some(Counts {
        passed: number_before("passed"),
        failed: number_before("failed"),
        ignored: number_before("ignored"),
    })
}

fn cargo(args: &[&str]) -> Command {
    let mut cargo = command("cargo");
    cargo.args(args);
    cargo
}

fn static_checks() -> Result<Counts, String> {
    let checks: [(&str, Vec<&str>); 4] = [
        ("cargo fmt --check", vec!["fmt", "--all", "--", "--check"]),
        (
            "cargo clippy (native)",
            vec![
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ],
        ),
        (
            "cargo clippy (wasm32)",
            vec![
                "clippy",
                "--package",
                "newsroom",
                "--package",
                "stack-floor",
                "--all-targets",
                "--target",
                "wasm32-unknown-unknown",
                "--",
                "-D",
                "warnings",
            ],
        ),
        (
            "cargo clippy (prerenderer, ssr)",
            vec![
                "clippy",
                "--package",
                "newsroom",
                "--no-default-features",
                "--features",
                "ssr",
                "--",
                "-D",
                "warnings",
            ],
        ),
    ];
    let mut counts = Counts::default();
    for (what, args) in checks {
        crate::process::run(what, &mut cargo(&args))?;
        counts.passed += 1;
    }
    crate::cycles::check()?;
    counts.passed += 1;
    Ok(counts)
}

fn native_tests() -> Result<Counts, String> {
    run_counting(
        "cargo test (native)",
        &mut cargo(&[
            "test",
            "-p",
            "newsroom-core",
            "-p",
            "newsroom-server",
            "-p",
            "newsroom-harness",
            "-p",
            "newsroom-bench",
            "-p",
            "xtask",
        ]),
    )
}

fn content_checks() -> Result<Counts, String> {
    let passed = crate::check_content::tier()?;
    Ok(Counts {
        passed,
        ..Counts::default()
    })
}

fn component_tests() -> Result<Counts, String> {
    run_counting(
        "cargo test --target wasm32-unknown-unknown",
        cargo(&[
            "test",
            "-p",
            "newsroom",
            "--target",
            "wasm32-unknown-unknown",
        ])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .env("CHROMEDRIVER", tools::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "60"),
    )
}

// Other commands reach the builds through here too.
pub use crate::build::{app_shell, build_prerenderer, build_server, release_build};

fn end_to_end_tests() -> Result<Counts, String> {
    release_build()?;
    let server = build_server()?;
    let prerenderer = build_prerenderer()?;
    run_counting(
        "cargo test -p newsroom-e2e",
        cargo(&["test", "-p", "newsroom-e2e", "--", "--test-threads=2"])
            .env("NEWSROOM_SERVER_BIN", server)
            .env("NEWSROOM_PRERENDER_BIN", prerenderer)
            .env("NEWSROOM_APP_SHELL", app_shell())
            .env("NEWSROOM_DIST", workspace_root().join("dist"))
            .env("CHROMEDRIVER", tools::CHROMEDRIVER)
            .env("CHROMIUM", tools::CHROMIUM)
            .env("AXE_CORE_JS", tools::axe_core_js())
            .env("AIOSMTPD_PYTHON", tools::aiosmtpd_python()),
    )
}

fn other_target_dir() -> Result<Counts, String> {
    crate::target_dir_check::same_dist_from_another_target_dir()?;
    Ok(Counts {
        passed: 1,
        ..Counts::default()
    })
}

fn size_report() -> Result<Counts, String> {
    size::report_and_check_budget(&workspace_root().join("dist"))?;
    Ok(Counts::default())
}

#[cfg(test)]
mod tests {
    use super::parse_test_result;

    #[test]
    fn reads_libtest_summary_lines() {
        let counts = parse_test_result(
            "test result: ok. 12 passed; 0 failed; 3 ignored; 0 measured; 0 filtered out",
        )
        .unwrap();
        assert_eq!((counts.passed, counts.failed, counts.ignored), (12, 0, 3));
        let failed =
            parse_test_result("test result: FAILED. 4 passed; 2 failed; 0 ignored").unwrap();
        assert_eq!((failed.passed, failed.failed), (4, 2));
        assert!(parse_test_result("running 3 tests").is_none());
    }
}
