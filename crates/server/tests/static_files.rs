mod common;

use common::{encode, read_one, root_of, site, Server, TempDir};
use std::io::{BufReader, Read, Write};

fn serve_site() -> (TempDir, Server) {
    let site = site();

    let server = Server::in_dir(&site, &["--root", &root_of(&site)]);
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
        assert!(
            response
                .header("vary")
                .is_some_and(|v| v.eq_ignore_ascii_case("accept-encoding")),
            "{path}"
        );
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
    assert!(br
        .header("vary")
        .is_some_and(|v| v.eq_ignore_ascii_case("accept-encoding")));
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
    let database = dir.path().join("nested/dir/subscribers.sqlite3");
    let server = Server::start(&[
        "--database",
        &database.display().to_string(),
        "--outbox",
        &dir.path().join("outbox").display().to_string(),
    ]);
    assert_eq!(server.get("/").status, 404);
    let signup = server.post_json("/api/newsletter", r#"{"email": "a@example.org"}"#);
    assert_eq!(signup.status, 201);
    assert!(database.exists(), "parent folders are created");
}

#[test]
fn validators_give_304s_and_each_kind_of_file_its_cache_rule() {
    let (site, server) = serve_site();
    site.write("root/newsroom-1a2b3c4d5e6f7081_bg.wasm", b"\0asm");
    let hashed = server.get("/newsroom-1a2b3c4d5e6f7081_bg.wasm");
    assert_eq!(hashed.status, 200);
    assert_eq!(
        hashed.header("cache-control"),
        Some("public, max-age=31536000, immutable")
    );
    for path in ["/", "/content/site.json", "/app.js"] {
        let response = server.get(path);
        assert_eq!(response.header("cache-control"), Some("no-cache"), "{path}");
        let etag = response.header("etag").expect("an ETag").to_string();
        let again = server.send("GET", path, &[("If-None-Match", &etag)], b"");
        assert_eq!(again.status, 304, "{path}");
        assert!(again.body.is_empty());
        assert_eq!(again.header("etag"), Some(etag.as_str()));
        assert_eq!(again.header("cache-control"), Some("no-cache"));
        let changed = server.send("GET", path, &[("If-None-Match", "\"other\"")], b"");
        assert_eq!(changed.status, 200, "{path}");
        let since = response.header("last-modified").expect("Last-Modified");
        let since = server.send("GET", path, &[("If-Modified-Since", since)], b"");
        assert_eq!(since.status, 304, "{path}");
    }
    // Each encoding is its own representation with its own tag.
    let plain = server.get("/app.js");
    let br = server.send("GET", "/app.js", &[("Accept-Encoding", "br")], b"");
    assert_ne!(plain.header("etag"), br.header("etag"));
    let stale = server.send(
        "GET",
        "/app.js",
        &[
            ("Accept-Encoding", "br"),
            ("If-None-Match", plain.header("etag").unwrap()),
        ],
        b"",
    );
    assert_eq!(stale.status, 200);
    // A fallback answers for another address: the client's validators never make it a 304.
    let etag_of_404 = server
        .get("/articles/missing")
        .header("etag")
        .map(str::to_string);
    let fallback = server.send(
        "GET",
        "/articles/missing",
        &[
            ("If-None-Match", "*"),
            ("If-Modified-Since", "Fri, 01 Jan 2100 00:00:00 GMT"),
        ],
        b"",
    );
    assert_eq!(fallback.status, 200, "{etag_of_404:?}");
    assert!(!fallback.body.is_empty());
}

#[test]
fn every_answer_carries_the_security_headers_with_the_builds_policy() {
    let site = TempDir::new("csp-site");
    site.write(
        "root/index.html",
        "<!doctype html><meta charset=\"utf-8\"><meta http-equiv=\"Content-Security-Policy\" \
         content=\"default-src 'self'; script-src 'self' 'sha256-abc='\"><title>x</title>",
    );
    let server = Server::in_dir(&site, &["--root", &root_of(&site)]);
    for path in ["/", "/articles/deep-link", "/missing.js", "/api/newsletter"] {
        let response = server.get(path);
        assert_eq!(
            response.header("content-security-policy"),
            Some("default-src 'self'; script-src 'self' 'sha256-abc='; frame-ancestors 'none'"),
            "{path}"
        );
        assert_eq!(response.header("x-content-type-options"), Some("nosniff"));
        assert_eq!(
            response.header("referrer-policy"),
            Some("strict-origin-when-cross-origin")
        );
    }
}
