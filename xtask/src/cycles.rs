//! `cargo xtask cycles` (and a static check of `cargo xtask test`): no module of the checked
//! crates imports, directly or through others, a module that imports it. Every circle found is
//! reported, with the imports that close it.

use crate::module_graph::{self, Import};
use crate::process::workspace_root;
use std::path::{Path, PathBuf};

/// The crates checked, by folder. `crates/server` is not listed yet: its modules still form
/// one ring (`routes`, `newsletter`, `pages`, `static_files`, `store`, `import`, `mail`); it is
/// added here once that ring is broken.
const CRATES: [&str; 5] = [
    "crates/core",
    "crates/harness",
    "bench",
    "xtask",
    "tests/e2e",
];

/// Checks every crate root (`lib.rs`, `main.rs`, `bin/*.rs`) of [`CRATES`]; the number of
/// roots checked, or the report of every circle.
pub fn check() -> Result<u32, String> {
    let root = workspace_root();
    let mut checked = 0;
    let mut report = Vec::new();
    for folder in CRATES {
        for crate_root in crate_roots(&root.join(folder).join("src"))? {
            let graph = module_graph::read_crate(&crate_root)?;
            let cycles = module_graph::cycles(&graph);
            let name = crate_root.strip_prefix(&root).unwrap_or(&crate_root);
            println!(
                "{}: {} modules, {} imports, {} circles",
                name.display(),
                graph.modules.len(),
                graph.imports.len(),
                cycles.len()
            );
            for cycle in cycles {
                report.push(describe(name, &cycle, &root));
            }
            checked += 1;
        }
    }
    if report.is_empty() {
        Ok(checked)
    } else {
        Err(format!(
            "modules that import each other (move the shared part into a module below them):\n{}",
            report.join("\n")
        ))
    }
}

fn crate_roots(src: &Path) -> Result<Vec<PathBuf>, String> {
    let mut roots: Vec<PathBuf> = ["lib.rs", "main.rs"]
        .iter()
        .map(|file| src.join(file))
        .filter(|file| file.is_file())
        .collect();
    if let Ok(entries) = std::fs::read_dir(src.join("bin")) {
        let mut bins: Vec<PathBuf> = entries
            .flatten()
            .map(|entry| entry.path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "rs"))
            .collect();
        bins.sort();
        roots.extend(bins);
    }
    if roots.is_empty() {
        return Err(format!("no crate root in {}", src.display()));
    }
    Ok(roots)
}

/// "crates/core/src/lib.rs: a, b import each other:" and one line per import inside the circle.
fn describe(crate_root: &Path, cycle: &[Import], root: &Path) -> String {
    let mut members: Vec<&str> = cycle.iter().map(|import| import.from.as_str()).collect();
    members.dedup();
    let mut text = format!(
        "  {}: {} import each other:",
        crate_root.display(),
        members.join(", ")
    );
    for import in cycle {
        let file = import.file.strip_prefix(root).unwrap_or(&import.file);
        text.push_str(&format!(
            "\n    {} -> {} ({}:{})",
            import.from,
            import.to,
            file.display(),
            import.line
        ));
    }
    text
}
