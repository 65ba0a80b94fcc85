//! What a reader downloads: the release .wasm and .js, raw and compressed as hosts serve them.

use std::io::Write;
use std::path::Path;

pub struct Sizes {
    pub raw: usize,
    pub gzip: usize,
    pub brotli: usize,
}

pub fn measure(bytes: &[u8]) -> Sizes {
    let mut gzip = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gzip.write_all(bytes)
        .expect("writing to memory cannot fail");
    let gzip = gzip.finish().expect("writing to memory cannot fail").len();
    let mut brotli = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut brotli, &params)
        .expect("compressing in memory cannot fail");
    Sizes {
        raw: bytes.len(),
        gzip,
        brotli: brotli.len(),
    }
}

/// The committed limit on what a reader downloads: brotli bytes of the .wasm plus the .js.
const BUDGET_FILE: &str = "size-budget.txt";

/// Prints the report, then fails when the brotli total exceeds the committed budget. The budget
/// is the measured size plus 3%: lower it whenever the size drops, so gains are kept.
pub fn report_and_check_budget(dist: &Path) -> Result<(), String> {
    let total = report(dist)?;
    let budget_path = crate::process::workspace_root().join(BUDGET_FILE);
    let budget_text = std::fs::read_to_string(&budget_path)
        .map_err(|error| format!("cannot read {BUDGET_FILE}: {error}"))?;
    let budget: usize = budget_text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with('#'))
        .and_then(|line| line.parse().ok())
        .ok_or_else(|| format!("{BUDGET_FILE} holds no number of bytes"))?;
    let percent = total.brotli as f64 * 100.0 / budget as f64;
    println!(
        "budget: {} of {budget} brotli bytes ({percent:.1}%)",
        total.brotli
    );
    if total.brotli > budget {
        return Err(format!(
            "the app's brotli size {} exceeds the budget of {budget} bytes in {BUDGET_FILE}",
            total.brotli
        ));
    }
    Ok(())
}

/// Prints one line per .wasm and .js file in `dist` and a total; fails when there are none.
pub fn report(dist: &Path) -> Result<Sizes, String> {
    let entries = std::fs::read_dir(dist).map_err(|error| {
        format!(
            "no build in {}: {error} (run a release build first)",
            dist.display()
        )
    })?;
    let mut files: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| {
            matches!(
                path.extension().and_then(|e| e.to_str()),
                Some("wasm" | "js")
            )
        })
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(format!("no .wasm or .js in {}", dist.display()));
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "file", "raw", "gzip", "brotli"
    );
    let mut total = Sizes {
        raw: 0,
        gzip: 0,
        brotli: 0,
    };
    for path in files {
        let bytes = std::fs::read(&path).map_err(|error| error.to_string())?;
        let sizes = measure(&bytes);
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        println!(
            "{name:<44} {:>10} {:>10} {:>10}",
            sizes.raw, sizes.gzip, sizes.brotli
        );
        total.raw += sizes.raw;
        total.gzip += sizes.gzip;
        total.brotli += sizes.brotli;
    }
    println!(
        "{:<44} {:>10} {:>10} {:>10}",
        "total (bytes)", total.raw, total.gzip, total.brotli
    );
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::measure;

    #[test]
    fn compression_shrinks_repetitive_input() {
        let input = "newsroom ".repeat(1000);
        let sizes = measure(input.as_bytes());
        assert_eq!(sizes.raw, 9000);
        assert!(sizes.gzip < 200, "gzip {}", sizes.gzip);
        assert!(sizes.brotli < 200, "brotli {}", sizes.brotli);
    }
}
