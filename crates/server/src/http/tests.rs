use super::*;
use std::io::Cursor;

fn parse(raw: &str) -> Result<Request, ReadError> {
    read_head(&mut Cursor::new(raw.as_bytes().to_vec()))
}

#[test]
fn parses_request_line_and_headers() {
    let request = parse(
        "GET /articles/x?ref=home HTTP/1.1\r\nHost: a\r\nAccept-Encoding:  br, gzip \r\n\r\n",
    )
    .unwrap();
    assert_eq!(request.method, "GET");
    assert_eq!(request.path, "/articles/x");
    assert!(!request.http10);
    assert_eq!(request.header("host"), Some("a"));
    assert_eq!(request.header("accept-encoding"), Some("br, gzip"));
    assert_eq!(request.content_length(), Ok(0));
    assert!(request.keep_alive());
}

#[test]
fn accepts_bare_newlines_and_leading_blank_lines() {
    let request = parse("\r\n\nPOST /api/newsletter HTTP/1.0\nContent-Length: 5\n\nhello").unwrap();
    assert_eq!(request.method, "POST");
    assert!(request.http10);
    assert_eq!(request.content_length(), Ok(5));
    assert!(!request.keep_alive());
}

#[test]
fn keep_alive_rules() {
    let close = parse("GET / HTTP/1.1\r\nConnection: Upgrade, close\r\n\r\n").unwrap();
    assert!(!close.keep_alive());
    let old = parse("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n").unwrap();
    assert!(old.keep_alive());
}

#[test]
fn reads_body_after_head() {
    let mut input = Cursor::new(b"POST / HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET".to_vec());
    let mut request = read_head(&mut input).unwrap();
    let length = request.content_length().unwrap();
    read_body(&mut input, &mut request, length).unwrap();
    assert_eq!(request.body, b"abc");
}

#[test]
fn empty_input_is_a_clean_close() {
    assert_eq!(parse("").unwrap_err(), ReadError::Closed);
    assert_eq!(
        parse("GET / HTTP/1.1\r\nHost").unwrap_err(),
        ReadError::Closed
    );
}

#[test]
fn rejects_malformed_requests() {
    for raw in [
        "GET /\r\n\r\n",
        "GET / HTTP/2.0\r\n\r\n",
        "GET  / HTTP/1.1\r\n\r\n",
        "GET http://x/ HTTP/1.1\r\n\r\n",
        "G(T / HTTP/1.1\r\n\r\n",
        "GET / HTTP/1.1\r\nNo colon here\r\n\r\n",
        "GET / HTTP/1.1\r\nBad Name: x\r\n\r\n",
        "GET / HTTP/1.1\r\nA: b\r\n folded\r\n\r\n",
    ] {
        assert!(
            matches!(parse(raw), Err(ReadError::Malformed(_))),
            "accepted {raw:?}"
        );
    }
}

#[test]
fn rejects_bad_or_conflicting_lengths_and_chunking() {
    let bad = parse("POST / HTTP/1.1\r\nContent-Length: -1\r\n\r\n").unwrap();
    assert!(matches!(bad.content_length(), Err(ReadError::Malformed(_))));
    let twice = parse("POST / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n").unwrap();
    assert!(matches!(
        twice.content_length(),
        Err(ReadError::Malformed(_))
    ));
    let chunked = parse("POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n").unwrap();
    assert!(matches!(
        chunked.content_length(),
        Err(ReadError::Unsupported(_))
    ));
}

#[test]
fn oversized_head_is_refused() {
    let raw = format!("GET / HTTP/1.1\r\nX: {}\r\n\r\n", "a".repeat(20_000));
    assert_eq!(parse(&raw).unwrap_err(), ReadError::HeadTooLarge);
}

#[test]
fn writes_length_and_connection_headers() {
    let mut out = Vec::new();
    let response = Response::text(404, "nope").header("X-A", "1");
    write_response(&mut out, &response, false, Persistence::Close).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"));
    assert!(text.contains("Content-Length: 4\r\n"));
    assert!(text.contains("X-A: 1\r\n"));
    assert!(text.contains("Connection: close\r\n"));
    assert!(text.ends_with("\r\n\r\nnope"));

    let mut out = Vec::new();
    write_response(&mut out, &response, true, Persistence::KeepAlive).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("Content-Length: 4\r\n"));
    assert!(!text.contains("Connection:"));
    assert!(text.ends_with("\r\n\r\n"));

    let mut out = Vec::new();
    write_response(&mut out, &Response::new(204), false, Persistence::KeepAlive).unwrap();
    let text = String::from_utf8(out).unwrap();
    assert_eq!(
        text,
        "HTTP/1.1 204 No Content\r\nServer: newsroom-server\r\n\r\n"
    );
}
