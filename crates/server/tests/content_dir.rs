//! `--content-dir`: browser tests serve hostile or broken content over a real build without
//! copying or touching that build.

mod common;

use common::{root_of, site, Server, TempDir};

fn serve_with_overlay() -> (TempDir, TempDir, Server) {
    let site = site();
    let overlay = TempDir::new("overlay");
    overlay.write(
        "articles/hello.json",
        r#"{"slug":"hello","title":"Overlaid"}"#,
    );
    overlay.write("articles/extra.json", "{\"truncated\":");
    overlay.write("index.html", "<!doctype html><title>Not the app</title>");

    let server = Server::in_dir(
        &site,
        &[
            "--root",
            &root_of(&site),
            "--content-dir",
            &overlay.path().display().to_string(),
            "--enable-test-controls",
        ],
    );
    (site, overlay, server)
}

#[test]
fn the_overlay_wins_and_the_root_fills_in() {
    let (_site, _overlay, server) = serve_with_overlay();
    let overlaid = server.get("/content/articles/hello.json");
    assert_eq!(overlaid.status, 200);
    assert_eq!(overlaid.header("content-type"), Some("application/json"));
    assert!(overlaid.text().contains("Overlaid"));

    assert_eq!(
        server.get("/content/articles/extra.json").text(),
        "{\"truncated\":"
    );
    let from_root = server.get("/content/site.json");
    assert_eq!(from_root.status, 200);
    assert_eq!(from_root.text(), r#"{"title":"Newsroom"}"#);
    assert_eq!(server.get("/content/articles/missing.json").status, 404);
}

#[test]
fn only_content_is_overlaid_and_traversal_is_still_refused() {
    let (_site, _overlay, server) = serve_with_overlay();
    assert_eq!(
        server.get("/index.html").text(),
        "<!doctype html><title>Newsroom</title>"
    );
    assert_eq!(server.get("/content/../index.html").status, 400);
    assert_eq!(server.get("/content/%2e%2e/secret.txt").status, 400);
}

#[test]
fn content_faults_apply_to_overlaid_files() {
    let (_site, _overlay, server) = serve_with_overlay();
    let switched = server.send("POST", "/api/faults/content", &[], b"500");
    assert_eq!(switched.status, 204);
    assert_eq!(server.get("/content/articles/hello.json").status, 500);
    server.send("POST", "/api/faults/content", &[], b"none");
    assert_eq!(server.get("/content/articles/hello.json").status, 200);
}

#[test]
fn a_content_dir_that_is_not_a_folder_stops_the_server() {
    let output = std::process::Command::new(env!("CARGO_BIN_EXE_newsroom-server"))
        .args(["--port", "0", "--content-dir", "/no/such/folder"])
        .output()
        .expect("run newsroom-server");
    assert!(!output.status.success());
    assert!(String::from_utf8_lossy(&output.stderr).contains("--content-dir"));
}
