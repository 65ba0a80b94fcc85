//! The bench's command line, parsed by clap. `cargo xtask bench` passes the paths of what it
//! built and the options it was given.

use clap::Parser;
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "newsroom-bench",
    about = "The app against a zero-JavaScript static rendition of the same article.",
    disable_version_flag = true
)]
struct Cli {
    /// A release build (with content/) to measure
    #[arg(long, value_name = "DIR")]
    dist: PathBuf,
    /// The newsroom-server binary
    #[arg(long, value_name = "BIN")]
    server: PathBuf,
    #[arg(long, value_name = "PATH", default_value = "/usr/bin/chromedriver")]
    chromedriver: PathBuf,
    #[arg(long, value_name = "PATH", default_value = "/usr/bin/chromium")]
    chromium: PathBuf,
    /// Interleaved runs per loopback figure [default: 15; 3 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    runs: Option<u32>,
    /// Runs of the phone profile [default: 5; 3 with --quick]
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u32).range(1..))]
    phone_runs: Option<u32>,
    /// The phone profile alone
    #[arg(long)]
    phone_only: bool,
    /// 3 runs of each, for trying the bench out
    #[arg(long)]
    quick: bool,
}

pub struct Args {
    pub dist: PathBuf,
    pub server: PathBuf,
    pub chromedriver: PathBuf,
    pub chromium: PathBuf,
    pub runs: usize,
    pub phone_runs: usize,
    pub phone_only: bool,
}

/// The options given on the command line; exits with clap's message (status 2) on bad ones.
pub fn parse() -> Args {
    from(Cli::parse())
}

fn from(cli: Cli) -> Args {
    let (runs, phone_runs) = if cli.quick { (3, 3) } else { (15, 5) };
    Args {
        dist: cli.dist,
        server: cli.server,
        chromedriver: cli.chromedriver,
        chromium: cli.chromium,
        runs: cli.runs.map_or(runs, |n| n as usize),
        phone_runs: cli.phone_runs.map_or(phone_runs, |n| n as usize),
        phone_only: cli.phone_only,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Args, clap::Error> {
        let given = ["newsroom-bench", "--dist", "d", "--server", "s"];
        Cli::try_parse_from(given.iter().chain(args)).map(from)
    }

    #[test]
    fn defaults_quick_and_explicit_counts() {
        let args = parse(&[]).unwrap();
        assert_eq!(
            (args.runs, args.phone_runs, args.phone_only),
            (15, 5, false)
        );
        let quick = parse(&["--quick"]).unwrap();
        assert_eq!((quick.runs, quick.phone_runs), (3, 3));
        let given = parse(&["--quick", "--runs", "7", "--phone-only"]).unwrap();
        assert_eq!(
            (given.runs, given.phone_runs, given.phone_only),
            (7, 3, true)
        );
        assert_eq!(given.chromium, PathBuf::from("/usr/bin/chromium"));
    }

    #[test]
    fn bad_options_are_refused() {
        assert!(parse(&["--runs", "0"]).is_err());
        assert!(parse(&["--phone-runs", "x"]).is_err());
        assert!(parse(&["--fast"]).is_err());
        assert!(Cli::try_parse_from(["newsroom-bench", "--dist", "d"]).is_err());
    }
}
