mod common;

use common::{exported, link, outbox, Server, TempDir};
use serde_json::json;

const INVALID: &str = "Please enter a valid email address, like name@example.org.";

fn status_of(row: &str) -> &str {
    row.split(',').nth(1).unwrap_or("")
}

#[test]
fn a_sign_up_is_stored_pending_and_confirmed_only_by_its_link() {
    let dir = TempDir::new("subscribe");
    let server = Server::in_dir(&dir, &[]);
    let created = server.post_json(
        "/api/newsletter",
        r#"{"email": "Reader@Example.org", "source": "/articles/hello"}"#,
    );
    assert_eq!(created.status, 201);
    assert_eq!(created.json(), json!({"status": "pending"}));
    assert_eq!(created.header("access-control-allow-origin"), None);
    let rows = exported(&dir);
    assert_eq!(rows.len(), 1, "{rows:?}");
    let fields: Vec<&str> = rows[0].split(',').collect();
    assert_eq!(fields[0], "Reader@Example.org");
    assert_eq!(fields[1], "pending");
    assert!(
        fields[2].ends_with('Z') && fields[2].len() == 20,
        "{}",
        fields[2]
    );
    assert_eq!(fields[3], "");
    assert_eq!(fields[4], "/articles/hello");

    let mails = outbox(&dir);
    assert_eq!(mails.len(), 1);
    let mail = &mails[0];
    assert!(mail.contains("To: Reader@Example.org"), "{mail}");
    let unsubscribe = link(mail, "unsubscribe");
    assert!(mail.contains(&format!(
        "List-Unsubscribe: <http://{}{unsubscribe}>",
        server.addr
    )));
    assert!(mail.contains("List-Unsubscribe-Post: List-Unsubscribe=One-Click"));

    // Signing up again while pending sends nothing new within ten minutes.
    let again = server.post_json("/api/newsletter", r#"{"email": "  reader@EXAMPLE.org "}"#);
    assert_eq!(again.status, 200);
    assert_eq!(again.json(), json!({"status": "pending"}));
    assert_eq!(outbox(&dir).len(), 1);
    assert_eq!(status_of(&exported(&dir)[0]), "pending");

    let confirm = link(mail, "confirm");
    let page = server.get(&confirm);
    assert_eq!(page.status, 200);
    assert!(page.text().contains("Subscription confirmed"));
    assert!(page.text().contains("Reader@Example.org"));
    assert_eq!(page.header("cache-control"), Some("no-store"));
    let rows = exported(&dir);
    assert_eq!(status_of(&rows[0]), "confirmed");
    assert!(!rows[0].split(',').nth(3).unwrap().is_empty());

    let used = server.get(&confirm);
    assert_eq!(used.status, 404, "a link works once");
    let conflict = server.post_json("/api/newsletter", r#"{"email": "reader@example.org"}"#);
    assert_eq!(conflict.status, 409);
    assert_eq!(conflict.json(), json!({"status": "already_subscribed"}));
    assert_eq!(exported(&dir).len(), 1);
}

#[test]
fn forged_or_malformed_tokens_confirm_nobody() {
    let dir = TempDir::new("forged");
    let server = Server::in_dir(&dir, &[]);
    server.post_json("/api/newsletter", r#"{"email": "a@example.org"}"#);
    for path in [
        "/newsletter/confirm",
        "/newsletter/confirm?token=",
        "/newsletter/confirm?token=../../etc",
        &format!("/newsletter/confirm?token={}", "0".repeat(64)),
    ] {
        assert_eq!(server.get(path).status, 404, "{path}");
    }
    // The unsubscribe token is no confirmation token.
    let mail = &outbox(&dir)[0];
    let wrong = link(mail, "unsubscribe").replace("unsubscribe", "confirm");
    assert_eq!(server.get(&wrong).status, 404);
    assert_eq!(status_of(&exported(&dir)[0]), "pending");
}

#[test]
fn the_unsubscribe_link_asks_first_and_one_click_posts_unsubscribe() {
    let dir = TempDir::new("unsubscribe");
    let server = Server::in_dir(&dir, &[]);
    server.post_json("/api/newsletter", r#"{"email": "leaving@example.org"}"#);
    let mail = outbox(&dir).remove(0);
    server.get(&link(&mail, "confirm"));
    let unsubscribe = link(&mail, "unsubscribe");

    let asked = server.get(&unsubscribe);
    assert_eq!(asked.status, 200);
    assert!(asked.text().contains("<form method=\"post\""));
    assert_eq!(
        status_of(&exported(&dir)[0]),
        "confirmed",
        "a GET changes nothing"
    );

    let done = server.send(
        "POST",
        &unsubscribe,
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"List-Unsubscribe=One-Click",
    );
    assert_eq!(done.status, 200);
    assert!(done.text().contains("You are unsubscribed"));
    assert_eq!(status_of(&exported(&dir)[0]), "unsubscribed");

    // Coming back starts over with a new confirmation.
    let back = server.post_json("/api/newsletter", r#"{"email": "leaving@example.org"}"#);
    assert_eq!(back.status, 201);
    assert_eq!(status_of(&exported(&dir)[0]), "pending");
    assert_eq!(outbox(&dir).len(), 2);
}

#[test]
fn invalid_or_malformed_requests_store_nothing() {
    let dir = TempDir::new("invalid");
    let server = Server::in_dir(&dir, &[]);
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
    // 255 characters: refused whole rather than cut and stored wrong.
    let long = format!("{}@example.org", "a".repeat(255 - "@example.org".len()));
    let response = server.post_json("/api/newsletter", &format!(r#"{{"email": "{long}"}}"#));
    assert_eq!(response.status, 400);
    assert!(response.json()["error"].as_str().unwrap().contains("254"));
    let xml = server.send(
        "POST",
        "/api/newsletter",
        &[("Content-Type", "text/xml")],
        b"<email/>",
    );
    assert_eq!(xml.status, 415);
    assert!(exported(&dir).is_empty());
    assert!(outbox(&dir).is_empty());
}

#[test]
fn accepts_form_encoded_signups() {
    let dir = TempDir::new("form");
    let server = Server::in_dir(&dir, &[]);
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
    let rows = exported(&dir);
    assert!(rows[0].starts_with("form.reader+tag@example.org,pending,"));
    assert!(rows[0].ends_with(",/articles/a b"));
    let broken = server.send(
        "POST",
        "/api/newsletter",
        &[("Content-Type", "application/x-www-form-urlencoded")],
        b"email=%zz",
    );
    assert_eq!(broken.status, 400);
}

#[test]
fn the_old_subscriber_file_is_imported_once_as_pending() {
    let dir = TempDir::new("import");
    let old = dir.write(
        "subscribers.txt",
        "kept@example.org\t/articles/a\t1745478000\nnot an address\t/\t1\nKEPT@example.org\t/b\t2\ntorn@example.org\t/x",
    );
    let old = old.display().to_string();
    let server = Server::in_dir(&dir, &["--subscribers", &old]);
    let rows = exported(&dir);
    assert_eq!(
        rows,
        vec![
            "torn@example.org,pending,1970-01-01T00:00:00Z,,/x",
            "kept@example.org,pending,2025-04-24T07:00:00Z,,/articles/a",
        ]
    );
    // Signing up again sends the confirmation the old version never did.
    let again = server.post_json("/api/newsletter", r#"{"email": "kept@example.org"}"#);
    assert_eq!(again.status, 200);
    assert_eq!(outbox(&dir).len(), 1);
    drop(server);
    let _server = Server::in_dir(&dir, &["--subscribers", &old]);
    assert_eq!(exported(&dir).len(), 2, "imported on the first start only");
}

#[test]
fn rate_limits_per_client_when_enabled() {
    let dir = TempDir::new("rate");
    let server = Server::in_dir(&dir, &["--rate-limit", "2"]);
    let post =
        |email: &str| server.post_json("/api/newsletter", &format!(r#"{{"email": "{email}"}}"#));
    assert_eq!(post("a@example.org").status, 201);
    assert_eq!(post("b@example.org").status, 201);
    let limited = post("c@example.org");
    assert_eq!(limited.status, 429);
    assert_eq!(limited.header("retry-after"), Some("60"));
    assert!(limited.json()["error"]
        .as_str()
        .unwrap()
        .starts_with("Too many requests"));
    assert_eq!(exported(&dir).len(), 2);
}

#[test]
fn cors_only_for_configured_origins() {
    let dir = TempDir::new("cors");
    let server = Server::in_dir(&dir, &["--cors-origin", "https://app.example.org"]);
    let preflight = |origin: &str| {
        server.send(
            "OPTIONS",
            "/api/newsletter",
            &[
                ("Origin", origin),
                ("Access-Control-Request-Method", "POST"),
                ("Access-Control-Request-Headers", "content-type"),
            ],
            b"",
        )
    };
    let allowed = preflight("https://app.example.org");
    assert!(allowed.status < 300, "{}", allowed.status);
    assert_eq!(
        allowed.header("access-control-allow-origin"),
        Some("https://app.example.org")
    );
    let foreign = preflight("https://evil.example");
    assert_eq!(foreign.header("access-control-allow-origin"), None);
    let post = server.send(
        "POST",
        "/api/newsletter",
        &[
            ("Origin", "https://evil.example"),
            ("Content-Type", "application/json"),
        ],
        br#"{"email": "x@example.org"}"#,
    );
    assert_eq!(post.header("access-control-allow-origin"), None);

    let default = Server::in_dir(&TempDir::new("cors-none"), &[]);
    let response = default.send(
        "OPTIONS",
        "/api/newsletter",
        &[
            ("Origin", "https://app.example.org"),
            ("Access-Control-Request-Method", "POST"),
        ],
        b"",
    );
    assert_eq!(response.status, 405);
    assert_eq!(response.header("access-control-allow-origin"), None);
    for method in ["GET", "PUT", "DELETE"] {
        let response = default.send(method, "/api/newsletter", &[], b"");
        assert_eq!(response.status, 405, "{method}");
        assert_eq!(response.header("allow"), Some("POST"));
        assert_eq!(response.json()["error"], "Method not allowed.");
    }
}

#[test]
fn oversized_bodies_are_refused_unread() {
    let dir = TempDir::new("oversize");
    let server = Server::in_dir(&dir, &["--enable-test-controls"]);
    let email = format!("{}@example.org", "a".repeat(70 * 1024));
    let body = format!(r#"{{"email": "{email}"}}"#);
    let response = server.post_json("/api/newsletter", &body);
    assert_eq!(response.status, 413);
    assert_eq!(response.json()["error"], "The request was too large.");
    assert!(exported(&dir).is_empty());
    assert_eq!(server.get("/api/newsletter/stats").json()["requests"], 1);
}

#[test]
fn counts_every_post_in_stats_with_test_controls() {
    let dir = TempDir::new("stats");
    let server = Server::in_dir(&dir, &["--enable-test-controls"]);
    let stats = server.get("/api/newsletter/stats");
    assert_eq!(stats.json(), json!({"requests": 0, "subscribers": 0}));
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
    assert_eq!(stats.json(), json!({"requests": 3, "subscribers": 1}));
}

#[test]
fn simultaneous_signups_store_an_address_once() {
    let dir = TempDir::new("race");
    let server = Server::in_dir(&dir, &[]);
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
        statuses.iter().filter(|s| **s == 200).count(),
        11,
        "{statuses:?}"
    );
    assert_eq!(exported(&dir).len(), 1);
    assert_eq!(outbox(&dir).len(), 1, "one confirmation mail");
}

#[test]
fn a_mail_that_cannot_leave_is_an_error_and_the_address_is_kept() {
    let dir = TempDir::new("smtp-down");
    // A port nothing listens on: the SMTP connection is refused.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = closed.local_addr().unwrap().port().to_string();
    drop(closed);
    let database = dir.path().join("subscribers.sqlite3").display().to_string();
    let server = Server::start_with_env(
        &["--database", &database],
        &[
            ("NEWSROOM_SMTP_HOST", "127.0.0.1"),
            ("NEWSROOM_SMTP_PORT", &port),
            ("NEWSROOM_SMTP_TLS", "none"),
        ],
    );
    let failed = server.post_json("/api/newsletter", r#"{"email": "a@example.org"}"#);
    assert_eq!(failed.status, 500);
    assert!(failed.json()["error"]
        .as_str()
        .unwrap()
        .contains("could not be sent"));
    assert_eq!(
        status_of(&exported(&dir)[0]),
        "pending",
        "kept, to send again"
    );
}
