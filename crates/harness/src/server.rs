//! The project's server (`newsroom-server`) as a child process on a free loopback port. It
//! prints `listening on http://ADDR` once it accepts connections: that line is readiness.

use crate::process::ProcessGuard;
use std::ffi::OsStr;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Command, Stdio};

/// What to start: the binary, `--port 0`, and whatever options the caller adds.
pub struct ServerCommand {
    command: Command,
}

impl ServerCommand {
    pub fn new(binary: &Path) -> ServerCommand {
        let mut command = Command::new(binary);
        command.args(["--port", "0"]).stdout(Stdio::piped());
        ServerCommand { command }
    }

    pub fn arg(mut self, arg: impl AsRef<OsStr>) -> ServerCommand {
        self.command.arg(arg);
        self
    }

    pub fn args<I, S>(mut self, args: I) -> ServerCommand
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        self.command.args(args);
        self
    }

    pub fn envs<I, K, V>(mut self, vars: I) -> ServerCommand
    where
        I: IntoIterator<Item = (K, V)>,
        K: AsRef<OsStr>,
        V: AsRef<OsStr>,
    {
        self.command.envs(vars);
        self
    }

    /// Starts the server and waits until it listens.
    pub fn start(mut self) -> Result<RunningServer, String> {
        let binary = self.command.get_program().to_string_lossy().into_owned();
        let mut process = ProcessGuard::spawn(&binary, &mut self.command)?;
        let stdout = process
            .child_mut()
            .stdout
            .take()
            .ok_or("the server's stdout is not piped")?;
        let mut stdout = BufReader::new(stdout);
        let mut first_line = String::new();
        stdout
            .read_line(&mut first_line)
            .map_err(|error| format!("reading the address {binary} listens on: {error}"))?;
        let origin = first_line
            .trim()
            .strip_prefix("listening on ")
            .ok_or_else(|| format!("unexpected first line from {binary}: {first_line:?}"))?
            .to_string();
        // Whatever it prints later is drained, so a full pipe never blocks the server.
        std::thread::spawn(move || std::io::copy(&mut stdout, &mut std::io::sink()));
        Ok(RunningServer {
            _process: process,
            origin,
        })
    }
}

/// A running server; stopped with its process group when dropped.
pub struct RunningServer {
    _process: ProcessGuard,
    /// `http://127.0.0.1:PORT`
    pub origin: String,
}

impl RunningServer {
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.origin)
    }
}
