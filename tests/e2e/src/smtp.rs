//! A real SMTP server for the newsletter's mails: aiosmtpd (from PyPI, installed by
//! `cargo xtask test` into `.tools/aiosmtpd`) on a free port, keeping each mail it accepts in a
//! Maildir the test reads.

use crate::{eventually, unique_temp_path, workspace_root, PATIENCE};
use newsroom_harness::{free_port, ProcessGuard};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

pub struct SmtpServer {
    _process: ProcessGuard,
    pub port: u16,
    maildir: PathBuf,
}

impl SmtpServer {
    pub fn start() -> SmtpServer {
        let python = std::env::var_os("AIOSMTPD_PYTHON")
            .map(PathBuf::from)
            .unwrap_or_else(|| workspace_root().join(".tools/aiosmtpd/bin/python"));
        let port = free_port().expect("a free port");
        let maildir = unique_temp_path("maildir");
        let process = ProcessGuard::spawn(
            "aiosmtpd",
            Command::new(&python)
                .args(["-m", "aiosmtpd", "--nosetuid", "--listen"])
                .arg(format!("127.0.0.1:{port}"))
                .args(["--class", "aiosmtpd.handlers.Mailbox"])
                .arg(&maildir)
                .stdout(Stdio::null()),
        )
        .unwrap_or_else(|error| {
            panic!(
                "{error} (with {}): run `cargo xtask test` once",
                python.display()
            )
        });
        let server = SmtpServer {
            _process: process,
            port,
            maildir,
        };
        let deadline = Instant::now() + Duration::from_secs(20);
        while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(Instant::now() < deadline, "aiosmtpd did not start");
            std::thread::sleep(Duration::from_millis(50));
        }
        server
    }

    /// Every mail received so far, as raw text with quoted-printable soft breaks undone.
    pub fn mails(&self) -> Vec<String> {
        let mut mails: Vec<(std::time::SystemTime, String)> =
            std::fs::read_dir(self.maildir.join("new"))
                .map(|entries| {
                    entries
                        .flatten()
                        .filter_map(|entry| {
                            let modified = entry.metadata().ok()?.modified().ok()?;
                            let raw = std::fs::read_to_string(entry.path()).ok()?;
                            Some((modified, unfold_quoted_printable(&raw)))
                        })
                        .collect()
                })
                .unwrap_or_default();
        mails.sort();
        mails.into_iter().map(|(_, mail)| mail).collect()
    }

    /// Waits for the `count`th mail to arrive and returns it.
    pub async fn wait_for_mail(&self, count: usize) -> String {
        eventually(&format!("mail number {count}"), PATIENCE, || async {
            self.mails().into_iter().nth(count - 1)
        })
        .await
    }
}

fn unfold_quoted_printable(raw: &str) -> String {
    raw.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// The first `http(s)://...` address in `mail` whose path starts with `path`.
pub fn link_in(mail: &str, path: &str) -> String {
    mail.split_whitespace()
        .map(|word| word.trim_matches(|c| c == '<' || c == '>'))
        .find(|word| word.starts_with("http") && word.contains(path))
        .unwrap_or_else(|| panic!("no {path} link in the mail:\n{mail}"))
        .to_string()
}
