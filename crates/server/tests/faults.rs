mod common;

use common::{exported, root_of, site, Server, TempDir};
use std::io::{ErrorKind, Read, Write};
use std::time::{Duration, Instant};

const SIGNUP: &[u8] = br#"{"email": "fault@example.org", "source": "/"}"#;

fn start(dir: &TempDir, extra: &[&str]) -> Server {
    let root = root_of(dir);
    let mut args = vec!["--root", &root, "--enable-test-controls"];
    args.extend_from_slice(extra);
    Server::in_dir(dir, &args)
}

fn signup(server: &Server, headers: &[(&str, &str)]) -> common::HttpResponse {
    let mut all = vec![("Content-Type", "application/json")];
    all.extend_from_slice(headers);
    server.send("POST", "/api/newsletter", &all, SIGNUP)
}

fn switch(server: &Server, which: &str, kind: &str) {
    let response = server.send(
        "POST",
        &format!("/api/faults/{which}"),
        &[],
        kind.as_bytes(),
    );
    assert_eq!(
        response.status,
        204,
        "{which} fault {kind}: {}",
        response.text()
    );
}

/// True when the server sends nothing at all within `wait`.
fn stays_silent(server: &Server, request: &[u8], wait: Duration) -> bool {
    let mut stream = server.connect();
    stream.set_read_timeout(Some(wait)).unwrap();
    stream.write_all(request).unwrap();
    let mut byte = [0u8; 1];
    match stream.read_exact(&mut byte) {
        Err(e) => matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut),
        Ok(_) => false,
    }
}

#[test]
fn header_faults_answer_without_storing() {
    let site = site();
    let server = start(&site, &[]);
    let rejected = signup(&server, &[("X-Newsletter-Fault", "400")]);
    assert_eq!(rejected.status, 400);
    assert_eq!(
        rejected.json()["error"],
        "The newsletter service rejected this address."
    );
    let failed = signup(&server, &[("X-Newsletter-Fault", "500")]);
    assert_eq!(failed.status, 500);
    assert!(failed.json()["error"].is_string());
    let conflict = signup(&server, &[("X-Newsletter-Fault", "409")]);
    assert_eq!(conflict.json()["status"], "already_subscribed");
    assert_eq!(
        signup(&server, &[("X-Newsletter-Fault", "503")]).status,
        503
    );
    assert_eq!(
        signup(&server, &[("X-Newsletter-Fault", "429")]).status,
        429
    );
    assert!(exported(&site).is_empty());
    assert_eq!(signup(&server, &[]).status, 201);
}

#[test]
fn runtime_switch_fails_then_recovers() {
    let site = site();
    let server = start(&site, &[]);
    switch(&server, "newsletter", "500");
    assert_eq!(signup(&server, &[]).status, 500);
    switch(&server, "newsletter", "400");
    assert_eq!(signup(&server, &[]).status, 400);
    assert!(exported(&site).is_empty());
    // A per-request header overrides the switch in both directions.
    assert_eq!(
        signup(&server, &[("X-Newsletter-Fault", "none")]).status,
        201
    );
    switch(&server, "newsletter", "none");
    // The address is stored, pending its confirmation.
    assert_eq!(signup(&server, &[]).status, 200);
    assert_eq!(exported(&site).len(), 1);

    let unknown = server.send("POST", "/api/faults/newsletter", &[], b"teapot");
    assert_eq!(unknown.status, 400);
    assert!(unknown.json()["error"].as_str().unwrap().contains("teapot"));
    let stats = server.get("/api/newsletter/stats").json();
    assert_eq!(stats["requests"], 4);
}

#[test]
fn command_line_fault_applies_from_the_start() {
    let site = site();
    let server = start(&site, &["--newsletter-fault", "503"]);
    assert_eq!(signup(&server, &[]).status, 503);
    switch(&server, "newsletter", "none");
    assert_eq!(signup(&server, &[]).status, 201);
    assert_eq!(exported(&site).len(), 1);
}

#[test]
fn hang_never_answers_and_stores_nothing() {
    let site = site();
    let server = start(&site, &[]);
    let request = common::encode(
        "POST",
        "/api/newsletter",
        &[("X-Newsletter-Fault", "hang")],
        SIGNUP,
        true,
    );
    assert!(stays_silent(&server, &request, Duration::from_millis(700)));
    assert!(exported(&site).is_empty());
    assert_eq!(server.get("/api/newsletter/stats").json()["requests"], 1);
}

#[test]
fn content_faults_apply_to_content_only() {
    let site = site();
    let server = start(&site, &[]);
    let article = "/content/articles/hello.json";

    switch(&server, "content", "404");
    assert_eq!(server.get(article).status, 404);
    assert_eq!(server.get("/app.js").status, 200);
    switch(&server, "content", "500");
    assert_eq!(server.get(article).status, 500);

    switch(&server, "content", "reset");
    let mut stream = server.connect();
    stream
        .write_all(&common::encode("GET", article, &[], b"", true))
        .unwrap();
    let mut raw = Vec::new();
    let _ = stream.read_to_end(&mut raw);
    assert!(raw.is_empty(), "reset sent {} bytes", raw.len());

    switch(&server, "content", "hang");
    let request = common::encode("GET", article, &[], b"", true);
    assert!(stays_silent(&server, &request, Duration::from_millis(700)));
    assert_eq!(server.get("/index.html").status, 200);

    switch(&server, "content", "none");
    assert_eq!(server.get(article).status, 200);
}

#[test]
fn trickle_sends_the_real_file_slowly() {
    let site = site();
    let server = start(&site, &[]);
    let article = "/content/articles/hello.json";
    let expected = server.get(article).body;
    switch(&server, "content", "trickle");
    let started = Instant::now();
    let response = server.get(article);
    assert_eq!(response.status, 200);
    assert_eq!(response.header("content-type"), Some("application/json"));
    assert_eq!(response.body, expected);
    // 48 bytes in 16-byte steps, one step every 100 ms.
    assert!(started.elapsed() >= Duration::from_millis(250));
}

#[test]
fn test_controls_are_absent_without_the_flag() {
    let site = site();
    let server = Server::in_dir(&site, &["--root", &root_of(&site)]);
    for (path, body) in [
        ("/api/faults/newsletter", "500"),
        ("/api/faults/content", "404"),
    ] {
        let response = server.send("POST", path, &[], body.as_bytes());
        assert_eq!(response.status, 404, "{path}");
    }
    assert_eq!(server.get("/api/newsletter/stats").status, 404);
    // The per-request header is ignored too: the sign-up is stored.
    assert_eq!(
        signup(&server, &[("X-Newsletter-Fault", "500")]).status,
        201
    );
    assert_eq!(server.get("/content/site.json").status, 200);
    assert_eq!(exported(&site).len(), 1);

    let refused = std::process::Command::new(env!("CARGO_BIN_EXE_newsroom-server"))
        .args(["--port", "0", "--newsletter-fault", "500"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
    assert!(String::from_utf8_lossy(&refused.stderr).contains("--enable-test-controls"));
}
