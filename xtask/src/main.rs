//! `cargo xtask <command>`: the project's commands, in Rust so they run the same everywhere
//! without a shell-script dialect to learn.

mod bench;
mod build;
mod check_content;
mod cli;
mod csp;
mod cycles;
mod images;
mod import;
mod load;
mod module_graph;
mod process;
mod screenshots;
mod serve;
mod size;
mod stylesheets;
mod target_dir_check;
mod test;
mod tools;

use clap::Parser;
use cli::{Cli, Command};
use std::process::ExitCode;

fn main() -> ExitCode {
    let result = match Cli::parse().command {
        Command::Dev => serve::dev(),
        Command::Test => test::run_all(),
        Command::Build => tools::ensure_all(false).and_then(|()| build::release_build()),
        Command::Preview => serve::preview(),
        Command::ContentIndex => content_index(),
        Command::CheckContent { dir } => check_content::run(dir.as_deref()),
        Command::Import { cms, file, out } => import::run(&cms, &file, out),
        Command::Screenshots => screenshots::run(),
        Command::CspHash { dist } => csp_hash(&dist),
        Command::Bench(args) => bench::run_bench(&args.forwarded()),
        Command::Load(args) => load::run_load(&args.forwarded()),
        Command::Size => size::report(&process::workspace_root().join("dist")).map(|_| ()),
        Command::Cycles => cycles::check().map(|_| ()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("\nerror: {message}");
            ExitCode::FAILURE
        }
    }
}

fn content_index() -> Result<(), String> {
    let content = process::workspace_root().join("public/content");
    let written = newsroom_core::catalog::write_listings(&content)
        .map_err(|error| format!("could not rebuild the listings: {error}"))?;
    for path in written {
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn csp_hash(dist: &std::path::Path) -> Result<(), String> {
    let policy = csp::apply(dist)?;
    println!(
        "{}/index.html: Content-Security-Policy: {policy}",
        dist.display()
    );
    Ok(())
}
