//! Test harness: runs the real binary on a free port and talks to it over plain sockets, so the
//! tests exercise exactly what a browser would hit.

#![allow(dead_code)]

use std::fs;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A scratch folder removed on drop, unique per test so tests can run in parallel.
pub struct TempDir(tempfile::TempDir);

impl TempDir {
    pub fn new(label: &str) -> Self {
        let folder = tempfile::Builder::new()
            .prefix(&format!("newsroom-server-test-{label}-"))
            .tempdir()
            .expect("create temp dir");
        TempDir(folder)
    }

    pub fn path(&self) -> &Path {
        self.0.path()
    }

    pub fn write(&self, relative: &str, contents: impl AsRef<[u8]>) -> PathBuf {
        let path = self.path().join(relative);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, contents).unwrap();
        path
    }
}

/// The running server; killed and reaped on drop so a failing test leaves no process behind.
pub struct Server {
    child: Child,
    pub addr: String,
}

impl Server {
    /// The server with its database and outbox in `dir`, no rate limit, and `extra` options.
    pub fn in_dir(dir: &TempDir, extra: &[&str]) -> Server {
        let database = dir.path().join("subscribers.sqlite3");
        let outbox = dir.path().join("outbox");
        let mut args = vec![
            "--database".to_string(),
            database.display().to_string(),
            "--outbox".to_string(),
            outbox.display().to_string(),
            "--rate-limit".to_string(),
            "0".to_string(),
        ];
        args.extend(extra.iter().map(|s| s.to_string()));
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        Server::start(&args)
    }

    pub fn start(args: &[&str]) -> Server {
        Server::start_with_env(args, &[])
    }

    pub fn start_with_env(args: &[&str], env: &[(&str, &str)]) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsroom-server"))
            .args(["--port", "0"])
            .args(args)
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start newsroom-server");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .expect("read the listening line");
        let mut server = Server {
            child,
            addr: String::new(),
        };
        server.addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_string();
        server
    }

    pub fn get(&self, path: &str) -> HttpResponse {
        self.send("GET", path, &[], b"")
    }

    pub fn send(
        &self,
        method: &str,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> HttpResponse {
        let mut stream = self.connect();
        stream
            .write_all(&encode(method, path, headers, body, true))
            .unwrap();
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).unwrap();
        parse_response(&raw, method == "HEAD")
    }

    pub fn post_json(&self, path: &str, body: &str) -> HttpResponse {
        self.send(
            "POST",
            path,
            &[("Content-Type", "application/json")],
            body.as_bytes(),
        )
    }

    pub fn connect(&self) -> TcpStream {
        let stream = TcpStream::connect(&self.addr).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(10)))
            .unwrap();
        stream
    }
}

impl Server {
    /// SIGKILL, as a crash or the OOM killer would: no chance to finish anything.
    pub fn kill_hard(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Waits for the process to end by itself, up to `patience`.
    pub fn wait_for_exit(&mut self, patience: Duration) -> Option<std::process::ExitStatus> {
        let deadline = std::time::Instant::now() + patience;
        while std::time::Instant::now() < deadline {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(20));
        }
        None
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn encode(
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    close: bool,
) -> Vec<u8> {
    let mut head = format!("{method} {path} HTTP/1.1\r\nHost: localhost\r\n");
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    if !body.is_empty() {
        head.push_str(&format!("Content-Length: {}\r\n", body.len()));
    }
    if close {
        head.push_str("Connection: close\r\n");
    }
    head.push_str("\r\n");
    let mut out = head.into_bytes();
    out.extend_from_slice(body);
    out
}

#[derive(Debug)]
pub struct HttpResponse {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl HttpResponse {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("body is not JSON ({e}): {}", self.text()))
    }
}

/// Reads exactly one response off a kept-alive connection, framed by Content-Length.
pub fn read_one(reader: &mut BufReader<TcpStream>, head_only: bool) -> HttpResponse {
    let mut raw = Vec::new();
    loop {
        let before = raw.len();
        reader.read_until(b'\n', &mut raw).unwrap();
        assert!(raw.len() > before, "connection closed mid-response");
        if raw.ends_with(b"\r\n\r\n") {
            break;
        }
    }
    let mut response = parse_response(&raw, true);
    if !head_only && response.status != 304 {
        let length: usize = response.header("content-length").unwrap().parse().unwrap();
        response.body = vec![0; length];
        reader.read_exact(&mut response.body).unwrap();
    }
    response
}

pub fn parse_response(raw: &[u8], head_only: bool) -> HttpResponse {
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response head in {:?}", String::from_utf8_lossy(raw)));
    let head = String::from_utf8_lossy(&raw[..split]);
    let mut lines = head.split("\r\n");
    let status_line = lines.next().unwrap();
    let status = status_line.split(' ').nth(1).unwrap().parse().unwrap();
    let headers = lines
        .map(|l| {
            let (n, v) = l.split_once(':').unwrap();
            (n.to_string(), v.trim().to_string())
        })
        .collect();
    let body = if head_only {
        Vec::new()
    } else {
        raw[split + 4..].to_vec()
    };
    HttpResponse {
        status,
        headers,
        body,
    }
}

/// A small built site: shell, assets, content, plus a file just outside the root that no
/// request may reach.
pub fn site() -> TempDir {
    let dir = TempDir::new("site");
    dir.write("secret.txt", "outside the root");
    dir.write("root/index.html", "<!doctype html><title>Newsroom</title>");
    dir.write("root/app.js", "console.log('app');");
    dir.write("root/app.js.br", b"\x1b\x01fake-brotli");
    dir.write("root/app.js.gz", b"\x1f\x8bfake-gzip");
    dir.write("root/app.wasm", b"\0asm\x01\0\0\0");
    dir.write("root/style.css", "body{}");
    dir.write("root/content/site.json", r#"{"title":"Newsroom"}"#);
    dir.write(
        "root/content/articles/hello.json",
        r#"{"slug":"hello","title":"Hello, trickling world"}"#,
    );
    dir
}

pub fn root_of(site: &TempDir) -> String {
    site.path().join("root").display().to_string()
}

/// The data rows of `newsroom-server export` for the database in `dir`, as printed.
pub fn exported(dir: &TempDir) -> Vec<String> {
    let output = Command::new(env!("CARGO_BIN_EXE_newsroom-server"))
        .arg("export")
        .arg("--database")
        .arg(dir.path().join("subscribers.sqlite3"))
        .output()
        .expect("run newsroom-server export");
    assert!(
        output.status.success(),
        "export failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let text = String::from_utf8(output.stdout).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("email,status,subscribed_at,confirmed_at,source")
    );
    lines.map(str::to_string).collect()
}

/// The mails in the outbox of `dir`, quoted-printable undone, oldest first.
pub fn outbox(dir: &TempDir) -> Vec<String> {
    let mut mails: Vec<(SystemTime, String)> = fs::read_dir(dir.path().join("outbox"))
        .map(|entries| {
            entries
                .flatten()
                .filter(|e| e.path().extension().is_some_and(|x| x == "eml"))
                .map(|e| {
                    let modified = e
                        .metadata()
                        .and_then(|m| m.modified())
                        .unwrap_or(UNIX_EPOCH);
                    let raw = fs::read_to_string(e.path()).unwrap();
                    (modified, decode_quoted_printable(&raw))
                })
                .collect()
        })
        .unwrap_or_default();
    mails.sort();
    mails.into_iter().map(|(_, mail)| mail).collect()
}

pub fn decode_quoted_printable(raw: &str) -> String {
    raw.replace("=\r\n", "")
        .replace("=\n", "")
        .replace("=3D", "=")
}

/// The path and query of the first link in `mail` to `/newsletter/{kind}`.
pub fn link(mail: &str, kind: &str) -> String {
    let marker = format!("/newsletter/{kind}?token=");
    let at = mail
        .find(&marker)
        .unwrap_or_else(|| panic!("no {kind} link in {mail}"));
    let end = mail[at..]
        .find(|c: char| !(c.is_ascii_alphanumeric() || "/?=".contains(c)))
        .map_or(mail.len(), |n| at + n);
    mail[at..end].to_string()
}
