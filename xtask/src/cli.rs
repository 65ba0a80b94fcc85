//! The command line of `cargo xtask`: each command and its options, parsed by clap. Each
//! command's work is in the file of its name (`build.rs`, `bench.rs`, `load.rs`...).

use clap::{Args, Parser, Subcommand};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "cargo xtask",
    bin_name = "cargo xtask",
    about = "The project's commands.",
    disable_version_flag = true
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Install what is missing, then serve the app with live reload and the sample content on
    /// http://127.0.0.1:8080 (the newsletter endpoint runs beside it)
    Dev,
    /// Install what is missing, then run every test tier; stops at the first failure
    Test,
    /// The deployable dist/: release app, CSP, prerendered pages, feed and sitemap
    Build,
    /// Build the release app and serve dist/ on http://127.0.0.1:8080
    Preview,
    /// Rebuild the listing pages under public/content/ from the article files
    ContentIndex,
    /// Report every problem in a content folder; fails when there is any
    CheckContent {
        /// The content folder [default: public/content/]
        dir: Option<PathBuf>,
    },
    /// Turn a CMS export into articles, rebuild the listings and check the content
    Import {
        /// The CMS the export comes from
        #[arg(value_parser = clap::builder::PossibleValuesParser::new(crate::import::cms_names()))]
        cms: String,
        /// The export (for WordPress, the REST API's posts?_embed JSON)
        file: PathBuf,
        /// The content folder to write into [default: public/content/]
        #[arg(long, value_name = "DIR")]
        out: Option<PathBuf>,
    },
    /// Build the release app and save PNGs of the home, article and category pages at 375,
    /// 768 and 1280 px wide, light and dark, into the screenshots folder of cargo's build folder
    Screenshots,
    /// Print the sizes of the release .wasm and .js in dist/ (raw, gzip, brotli)
    Size,
    /// Requests per second and latency percentiles of the release server over dist/, alone
    /// and beside idle half-open connections
    Load(LoadArgs),
    /// Time the app against a one-file static HTML rendition of the same article in headless
    /// Chromium, on a throttled phone and on loopback, and print the figures (about 6 minutes)
    Bench(BenchArgs),
    /// Report modules that import, directly or through others, a module that imports them
    Cycles,
    /// The Content-Security-Policy hashes of another dist folder (release builds run it)
    #[command(hide = true)]
    CspHash { dist: PathBuf },
}

/// Passed on to `newsroom-load`, which holds the defaults.
#[derive(Args)]
pub struct LoadArgs {
    /// Concurrent clients [default: 50]
    #[arg(long, value_name = "N")]
    pub clients: Option<u32>,
    /// Seconds each measurement lasts [default: 10]
    #[arg(long, value_name = "N")]
    pub seconds: Option<u32>,
    /// Idle half-open connections beside the clients [default: 600]
    #[arg(long, value_name = "N")]
    pub idle: Option<u32>,
}

impl LoadArgs {
    pub fn forwarded(&self) -> Vec<String> {
        let given = [
            ("--clients", self.clients),
            ("--seconds", self.seconds),
            ("--idle", self.idle),
        ];
        given
            .into_iter()
            .filter_map(|(flag, value)| value.map(|value| [flag.to_string(), value.to_string()]))
            .flatten()
            .collect()
    }
}

/// Passed on to `newsroom-bench`, which holds the defaults.
#[derive(Args)]
pub struct BenchArgs {
    /// 3 runs of each, for trying the bench out
    #[arg(long)]
    pub quick: bool,
    /// The phone profile alone
    #[arg(long)]
    pub phone_only: bool,
    /// Runs of the phone profile [default: 5]
    #[arg(long, value_name = "N")]
    pub phone_runs: Option<usize>,
    /// Interleaved runs per loopback figure [default: 15]
    #[arg(long, value_name = "N")]
    pub runs: Option<usize>,
}

impl BenchArgs {
    pub fn forwarded(&self) -> Vec<String> {
        let mut args = Vec::new();
        if self.quick {
            args.push("--quick".to_string());
        }
        if self.phone_only {
            args.push("--phone-only".to_string());
        }
        for (flag, value) in [("--phone-runs", self.phone_runs), ("--runs", self.runs)] {
            if let Some(value) = value {
                args.extend([flag.to_string(), value.to_string()]);
            }
        }
        args
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    fn parse(args: &[&str]) -> Result<Cli, clap::Error> {
        Cli::try_parse_from(std::iter::once("cargo xtask").chain(args.iter().copied()))
    }

    #[test]
    fn the_definition_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn bench_and_load_options_are_passed_on_as_given() {
        let Command::Bench(bench) = parse(&["bench", "--quick", "--runs", "4"]).unwrap().command
        else {
            panic!("not bench")
        };
        assert_eq!(bench.forwarded(), ["--quick", "--runs", "4"]);
        let Command::Load(load) = parse(&["load", "--idle", "0"]).unwrap().command else {
            panic!("not load")
        };
        assert_eq!(load.forwarded(), ["--idle", "0"]);
    }

    #[test]
    fn wrong_input_is_refused() {
        assert!(parse(&["import", "ghost", "posts.json"]).is_err());
        assert!(parse(&["bench", "--runs", "many"]).is_err());
        assert!(parse(&["deploy"]).is_err());
        let Command::Import { out, .. } = parse(&["import", "wordpress", "p.json", "--out", "x"])
            .unwrap()
            .command
        else {
            panic!("not import")
        };
        assert_eq!(out, Some(PathBuf::from("x")));
    }
}
