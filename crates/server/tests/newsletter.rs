mod common;

use common::{lines_of, Server, TempDir};
use std::path::PathBuf;

const INVALID: &str = "Please enter a valid email address, like name@example.org.";

fn start(dir: &TempDir, extra: &[&str]) -> (Server, PathBuf) {
    let file = dir.path().join("subscribers.txt");
    let mut args = vec!["--subscribers", file.to_str().unwrap(), "--rate-limit", "0"];
    args.extend_from_slice(extra);
    (Server::start(&args), file)
}

#[test]
fn stores_a_new_subscriber_once() {
    let dir = TempDir::new("subscribe");
    let (server, file) = start(&dir, &[]);
    let created = server.post_json(
        "/api/newsletter",
        r#"{"email": "Reader@Example.org", "source": "/articles/hello"}"#,
    );
    assert_eq!(created.status, 201);
    assert_eq!(created.json(), serde_json::json!({"status": "subscribed"}));
    assert_eq!(created.header("access-control-allow-origin"), Some("*"));
    let lines = lines_of(&file);
    assert_eq!(lines.len(), 1);
    let fields: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(fields.len(), 3, "{lines:?}");
    assert_eq!(fields[1], "/articles/hello");
    assert!(fields[2].parse::<u64>().unwrap() > 1_600_000_000);

    let again = server.post_json("/api/newsletter", r#"{"email": "  reader@EXAMPLE.org "}"#);
    assert_eq!(again.status, 409);
    assert_eq!(
        again.json(),
        serde_json::json!({"status": "already_subscribed"})
    );
    assert_eq!(lines_of(&file).len(), 1);
}

#[test]
fn invalid_or_malformed_requests_store_nothing() {
    let dir = TempDir::new("invalid");
    let (server, file) = start(&dir, &[]);
    for body in [r#"{"email": "not-an-address"}"#, r#"{"email": "a@b@c"}"#] {
        let response = server.post_json("/api/newsletter", body);
        assert_eq!(response.status, 400, "{body}");
        assert_eq!(response.json()["error"], INVALID, "{body}");
    }
    for body in [r#"{"email": ""}"#, r#"{}"#, r#"{"source": "/x"}"#] {
        let response = server.post_json("/api/newsletter", body);
        assert_eq!(response.status, 400, "{body}");
        assert!(response.json()["error"].as_str().unwrap().contains("email"));
    }
    for body in ["{not json", "[1,2]", r#"{"email": 42}"#, ""] {
        let response = server.post_json("/api/newsletter", body);
        assert_eq!(response.status, 400, "{body:?}");
        assert!(response.json()["error"].is_string(), "{body:?}");
    }
    let xml = server.send(
        "POST",
        "/api/newsletter",
        &[("Content-Type", "text/xml")],
        b"<email/>",
    );
    assert_eq!(xml.status, 415);
    assert!(lines_of(&file).is_empty());
}

#[test]
fn accepts_form_encoded_signups() {
    let dir = TempDir::new("form");
    let (server, file) = start(&dir, &[]);
    let response = server.send(
        "POST",
        "/api/newsletter",
        &[(
            "Content-Type",
            "application/x-www-form-urlencoded; charset=UTF-8",
        )],
        b"email=form.reader%2Btag%40example.org&source=%2Farticles%2Fa+b",
    );
    assert_eq!(response.status, 201, "{}", response.text());
    let lines = lines_of(&file);
    assert_eq!(lines.len(), 1);
    assert!(lines[0].starts_with("form.reader+tag@example.org\t/articles/a b\t"));

    let broken = server.send(
        "POST",
        "/api/newsletter",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"email=%zz",
    );
    assert_eq!(broken.status, 400);
}

#[test]
fn counts_every_post_in_stats() {
    let dir = TempDir::new("stats");
    let (server, _file) = start(&dir, &[]);
    let stats = server.get("/api/newsletter/stats");
    assert_eq!(
        stats.json(),
        serde_json::json!({"requests": 0, "subscribers": 0})
    );
    server.post_json("/api/newsletter", r#"{"email": "one@example.org"}"#);
    server.post_json("/api/newsletter", r#"{"email": "bad"}"#);
    server.send(
        "POST",
        "/api/newsletter",
        &[("X-Newsletter-Fault", "500")],
        br#"{"email": "two@example.org"}"#,
    );
    server.get("/api/newsletter");
    let stats = server.get("/api/newsletter/stats");
    assert_eq!(
        stats.json(),
        serde_json::json!({"requests": 3, "subscribers": 1})
    );
}

#[test]
fn subscribers_survive_a_restart() {
    let dir = TempDir::new("restart");
    let (server, file) = start(&dir, &[]);
    let body = r#"{"email": "kept@example.org", "source": "/"}"#;
    assert_eq!(server.post_json("/api/newsletter", body).status, 201);
    drop(server);

    // A torn final line from a crash must not glue onto the next record.
    let mut contents = std::fs::read_to_string(&file).unwrap();
    contents.push_str("torn@example.org\t/x");
    std::fs::write(&file, contents).unwrap();

    let (server, file) = start(&dir, &[]);
    let stats = server.get("/api/newsletter/stats").json();
    assert_eq!(stats["subscribers"], 2);
    assert_eq!(server.post_json("/api/newsletter", body).status, 409);
    let torn = r#"{"email": "TORN@example.org"}"#;
    assert_eq!(server.post_json("/api/newsletter", torn).status, 409);
    let fresh = r#"{"email": "fresh@example.org"}"#;
    assert_eq!(server.post_json("/api/newsletter", fresh).status, 201);
    let lines = lines_of(&file);
    assert_eq!(lines.len(), 3, "{lines:?}");
    assert!(lines[2].starts_with("fresh@example.org\t"));
}

#[test]
fn rate_limits_per_client_when_enabled() {
    let dir = TempDir::new("rate");
    let (server, file) = start(&dir, &["--rate-limit", "2"]);
    let post =
        |email: &str| server.post_json("/api/newsletter", &format!(r#"{{"email": "{email}"}}"#));
    assert_eq!(post("a@example.org").status, 201);
    assert_eq!(post("b@example.org").status, 201);
    let limited = post("c@example.org");
    assert_eq!(limited.status, 429);
    assert!(limited.json()["error"]
        .as_str()
        .unwrap()
        .starts_with("Too many requests"));
    assert_eq!(lines_of(&file).len(), 2);
}

#[test]
fn answers_cors_preflight_and_refuses_other_methods() {
    let dir = TempDir::new("cors");
    let (server, _file) = start(&dir, &[]);
    let preflight = server.send(
        "OPTIONS",
        "/api/newsletter",
        &[
            ("Origin", "http://127.0.0.1:8080"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "content-type"),
        ],
        b"",
    );
    assert_eq!(preflight.status, 204);
    assert_eq!(preflight.header("access-control-allow-origin"), Some("*"));
    assert_eq!(
        preflight.header("access-control-allow-methods"),
        Some("POST, OPTIONS")
    );
    assert_eq!(
        preflight.header("access-control-allow-headers"),
        Some("content-type, x-newsletter-fault")
    );
    for method in ["GET", "PUT", "DELETE"] {
        let response = server.send(method, "/api/newsletter", &[], b"");
        assert_eq!(response.status, 405, "{method}");
        assert_eq!(response.header("access-control-allow-origin"), Some("*"));
    }
}

#[test]
fn oversized_bodies_are_refused_unread() {
    let dir = TempDir::new("oversize");
    let (server, file) = start(&dir, &[]);
    let email = format!("{}@example.org", "a".repeat(70 * 1024));
    let body = format!(r#"{{"email": "{email}"}}"#);
    let response = server.post_json("/api/newsletter", &body);
    assert_eq!(response.status, 413);
    assert!(lines_of(&file).is_empty());
    assert_eq!(server.get("/api/newsletter/stats").json()["requests"], 1);
}

#[test]
fn simultaneous_signups_store_an_address_once() {
    let dir = TempDir::new("race");
    let (server, file) = start(&dir, &[]);
    let statuses: Vec<u16> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..12)
            .map(|i| {
                let server = &server;
                scope.spawn(move || {
                    let email = if i % 2 == 0 {
                        "Same@Example.org"
                    } else {
                        "same@example.ORG"
                    };
                    let body = format!(r#"{{"email": "{email}"}}"#);
                    server.post_json("/api/newsletter", &body).status
                })
            })
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    assert_eq!(
        statuses.iter().filter(|s| **s == 201).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        11,
        "{statuses:?}"
    );
    assert_eq!(lines_of(&file).len(), 1);
}
