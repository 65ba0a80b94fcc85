//! The response side: status, headers and body written with an explicit length, so
//! keep-alive clients always know where one response ends.

use std::io::{self, Write};

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: Vec<(&'static str, String)>,
    pub body: Vec<u8>,
    /// Drip the body out slowly; set only by the `trickle` content fault.
    pub trickle: bool,
}

impl Response {
    pub fn new(status: u16) -> Self {
        Response {
            status,
            headers: Vec::new(),
            body: Vec::new(),
            trickle: false,
        }
    }

    pub fn header(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.headers.push((name, value.into()));
        self
    }

    pub fn text(status: u16, body: &str) -> Self {
        let mut response =
            Response::new(status).header("Content-Type", "text/plain; charset=utf-8");
        response.body = body.as_bytes().to_vec();
        response
    }

    pub fn json(status: u16, body: &serde_json::Value) -> Self {
        let mut response = Response::new(status).header("Content-Type", "application/json");
        response.body = body.to_string().into_bytes();
        response
    }
}

/// How the `Connection` header should read, decided by the connection loop.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Persistence {
    KeepAlive,
    /// HTTP/1.0 clients need the keep-alive acknowledged explicitly.
    KeepAlive10,
    Close,
}

pub fn write_response<W: Write>(
    out: &mut W,
    response: &Response,
    head_only: bool,
    persistence: Persistence,
) -> io::Result<()> {
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nServer: newsroom-server\r\n",
        response.status,
        reason(response.status),
    );
    // A 204 has no body by definition, and RFC 9110 forbids a length on it.
    let has_body = response.status != 204;
    if has_body {
        head.push_str(&format!("Content-Length: {}\r\n", response.body.len()));
    }
    for (name, value) in &response.headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    match persistence {
        Persistence::KeepAlive => {}
        Persistence::KeepAlive10 => head.push_str("Connection: keep-alive\r\n"),
        Persistence::Close => head.push_str("Connection: close\r\n"),
    }
    head.push_str("\r\n");
    out.write_all(head.as_bytes())?;
    if head_only || !has_body {
        return out.flush();
    }
    if response.trickle {
        out.flush()?;
        return crate::faults::trickle(out, &response.body);
    }
    out.write_all(&response.body)?;
    out.flush()
}

fn reason(status: u16) -> &'static str {
    match status {
        100 => "Continue",
        200 => "OK",
        201 => "Created",
        204 => "No Content",
        400 => "Bad Request",
        404 => "Not Found",
        405 => "Method Not Allowed",
        409 => "Conflict",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        429 => "Too Many Requests",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        501 => "Not Implemented",
        503 => "Service Unavailable",
        _ => "Unknown",
    }
}
