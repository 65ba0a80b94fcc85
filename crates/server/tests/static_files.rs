mod common;

use common::{encode, read_one, root_of, site, Server, TempDir};
use std::io::{BufReader, Read, Write};

fn serve_site() -> (TempDir, Server) {
    let site = site();
    let subscribers = site.path().join("subscribers.txt").display().to_string();
    let server = Server::start(&["--root", &root_of(&site), "--subscribers", &subscribers]);
    (site, server)
}

#[test]
fn serves_files_with_their_content_types() {
    let (_site, server) = serve_site();
    for (path, content_type) in [
        ("/", "text/html; charset=utf-8"),
        ("/index.html", "text/html; charset=utf-8"),
        ("/app.js", "text/javascript; charset=utf-8"),
        ("/app.wasm", "application/wasm"),
        ("/style.css", "text/css; charset=utf-8"),
        ("/content/site.json", "application/json"),
    ] {
        let response = server.get(path);
        assert_eq!(response.status, 200, "{path}");
        assert_eq!(
            response.header("content-type"),
            Some(content_type),
            "{path}"
        );
        assert_eq!(response.header("vary"), Some("Accept-Encoding"), "{path}");
    }
    let index = server.get("/");
    assert_eq!(index.text(), "<!doctype html><title>Newsroom</title>");
    assert_eq!(index.header("cache-control"), Some("no-cache"));
    assert_eq!(server.get("/app.js").text(), "console.log('app');");
    assert_eq!(server.get("/app.js").header("content-encoding"), None);
}

#[test]
fn deep_links_fall_back_to_the_app_shell() {
    let (_site, server) = serve_site();
    let response = server.get("/articles/some-slug");
    assert_eq!(response.status, 200);
    assert_eq!(response.text(), "<!doctype html><title>Newsroom</title>");
    assert_eq!(response.header("cache-control"), Some("no-cache"));

    let head = server.send("HEAD", "/category/world?page=2", &[], b"");
    assert_eq!(head.status, 200);
    assert!(head.body.is_empty());
    assert_eq!(head.header("content-length"), Some("38"));

    let navigation = server.send("GET", "/content/missing", &[("Accept", "text/html")], b"");
    assert_eq!(navigation.status, 200);
    let data_fetch = server.send("GET", "/content/missing", &[("Accept", "*/*")], b"");
    assert_eq!(data_fetch.status, 404);
}

#[test]
fn a_prerendered_build_falls_back_to_its_404_page_with_a_404_status() {
    let (site, server) = serve_site();
    site.write("root/404.html", "<!doctype html><title>Not found</title>");
    let response = server.get("/articles/not-prerendered");
    assert_eq!(response.status, 404);
    assert_eq!(response.text(), "<!doctype html><title>Not found</title>");
    assert_eq!(
        server.get("/").text(),
        "<!doctype html><title>Newsroom</title>",
        "real files still win"
    );
}

#[test]
fn missing_files_with_extensions_are_real_404s() {
    let (_site, server) = serve_site();
    for path in [
        "/content/x.json",
        "/content/articles/nope.json",
        "/missing.js",
    ] {
        let response = server.send("GET", path, &[("Accept", "text/html,*/*")], b"");
        assert_eq!(response.status, 404, "{path}");
    }
    assert_eq!(server.get("/api/unknown").status, 404);
}

#[test]
fn refuses_to_leave_the_root() {
    let (_site, server) = serve_site();
    for path in [
        "/../secret.txt",
        "/content/../../secret.txt",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2Fsecret.txt",
        "/a/..%5c..%5csecret.txt",
        "/index.html%00.js",
    ] {
        let response = server.get(path);
        assert!(
            response.status == 400 || response.status == 404,
            "{path} gave {}",
            response.status
        );
        assert!(!response.text().contains("outside the root"), "{path}");
    }
}

#[test]
fn serves_precompressed_variants_when_accepted() {
    let (_site, server) = serve_site();
    let br = server.send(
        "GET",
        "/app.js",
        &[("Accept-Encoding", "gzip, deflate, br")],
        b"",
    );
    assert_eq!(br.status, 200);
    assert_eq!(br.header("content-encoding"), Some("br"));
    assert_eq!(
        br.header("content-type"),
        Some("text/javascript; charset=utf-8")
    );
    assert_eq!(br.header("vary"), Some("Accept-Encoding"));
    assert_eq!(br.body, b"\x1b\x01fake-brotli");

    let gzip = server.send("GET", "/app.js", &[("Accept-Encoding", "gzip")], b"");
    assert_eq!(gzip.header("content-encoding"), Some("gzip"));
    assert_eq!(gzip.body, b"\x1f\x8bfake-gzip");

    let refused = server.send("GET", "/app.js", &[("Accept-Encoding", "br;q=0")], b"");
    assert_eq!(refused.header("content-encoding"), None);

    let no_variant = server.send("GET", "/style.css", &[("Accept-Encoding", "br")], b"");
    assert_eq!(no_variant.header("content-encoding"), None);
    assert_eq!(no_variant.text(), "body{}");
}

#[test]
fn keeps_connections_alive_until_asked_to_close() {
    let (_site, server) = serve_site();
    let stream = server.connect();
    let mut writer = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);

    writer
        .write_all(&encode("GET", "/app.js", &[], b"", false))
        .unwrap();
    let first = read_one(&mut reader, false);
    assert_eq!(first.status, 200);
    assert_eq!(first.header("connection"), None);

    writer
        .write_all(&encode("HEAD", "/style.css", &[], b"", false))
        .unwrap();
    let second = read_one(&mut reader, true);
    assert_eq!(second.header("content-length"), Some("6"));

    writer
        .write_all(&encode("GET", "/style.css", &[], b"", true))
        .unwrap();
    let third = read_one(&mut reader, false);
    assert_eq!(third.body, b"body{}");
    assert_eq!(third.header("connection"), Some("close"));
    let mut rest = Vec::new();
    reader.read_to_end(&mut rest).unwrap();
    assert!(
        rest.is_empty(),
        "server kept talking after Connection: close"
    );
}

#[test]
fn rejects_garbage_and_other_methods() {
    let (_site, server) = serve_site();
    let mut stream = server.connect();
    stream.write_all(b"NONSENSE\r\n\r\n").unwrap();
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).unwrap();
    assert_eq!(common::parse_response(&raw, false).status, 400);

    let delete = server.send("DELETE", "/index.html", &[], b"");
    assert_eq!(delete.status, 405);
    assert_eq!(delete.header("allow"), Some("GET, HEAD"));
}

#[test]
fn without_root_only_the_api_is_served() {
    let dir = TempDir::new("no-root");
    let subscribers = dir.path().join("nested/dir/subscribers.txt");
    let server = Server::start(&["--subscribers", &subscribers.display().to_string()]);
    assert_eq!(server.get("/").status, 404);
    let stats = server.get("/api/newsletter/stats");
    assert_eq!(stats.status, 200);
    assert_eq!(stats.json()["requests"], 0);
    assert!(subscribers.exists(), "parent folders are created");
}
