//! HTTP/1.1 framing done by hand. The server only ever talks to browsers, test clients and
//! `trunk serve`'s proxy on a trusted machine, so a small strict parser is enough; anything it
//! does not understand is refused rather than guessed at.

use std::io::{self, BufRead, Read};

mod response;

pub use response::{write_response, Persistence, Response};

/// Request bodies are tiny JSON or form payloads; anything bigger is a mistake or abuse.
pub const MAX_BODY: u64 = 64 * 1024;

/// Bounds the request line plus headers so a client cannot make a thread buffer forever.
const MAX_HEAD: u64 = 16 * 1024;
const MAX_HEADERS: usize = 100;

#[derive(Debug)]
pub struct Request {
    pub method: String,
    /// Still percent-encoded: API routes compare it literally, static files decode it.
    pub path: String,
    pub http10: bool,
    /// Names are lower-cased once here so every lookup can compare exactly.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

#[derive(Debug, PartialEq, Eq)]
pub enum ReadError {
    /// The peer went away or idled out; there is nobody left to answer.
    Closed,
    Malformed(&'static str),
    HeadTooLarge,
    /// Chunked uploads are never sent by the app, so they are refused instead of half-supported.
    Unsupported(&'static str),
}

impl Request {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }

    /// HTTP/1.1 keeps the connection by default, 1.0 only when asked; `close` always wins.
    pub fn keep_alive(&self) -> bool {
        let tokens = |t: &str| {
            self.header("connection")
                .is_some_and(|v| v.split(',').any(|x| x.trim().eq_ignore_ascii_case(t)))
        };
        if tokens("close") {
            false
        } else {
            !self.http10 || tokens("keep-alive")
        }
    }

    pub fn content_length(&self) -> Result<u64, ReadError> {
        if self.header("transfer-encoding").is_some() {
            return Err(ReadError::Unsupported("Transfer-Encoding is not supported"));
        }
        let mut length = None;
        for (_, value) in self.headers.iter().filter(|(n, _)| n == "content-length") {
            if value.is_empty() || !value.bytes().all(|b| b.is_ascii_digit()) {
                return Err(ReadError::Malformed("invalid Content-Length"));
            }
            let parsed: u64 = value
                .parse()
                .map_err(|_| ReadError::Malformed("invalid Content-Length"))?;
            // Conflicting lengths are the classic request-smuggling shape.
            if length.is_some_and(|l| l != parsed) {
                return Err(ReadError::Malformed("conflicting Content-Length"));
            }
            length = Some(parsed);
        }
        Ok(length.unwrap_or(0))
    }

    pub fn expects_continue(&self) -> bool {
        self.header("expect")
            .is_some_and(|v| v.eq_ignore_ascii_case("100-continue"))
    }
}

/// Reads the request line and headers; the body is left for the caller, which first decides
/// whether it is small enough to accept.
pub fn read_head<R: BufRead>(reader: &mut R) -> Result<Request, ReadError> {
    let mut budget = MAX_HEAD;
    let mut line = Vec::new();
    // Stray empty lines between keep-alive requests are tolerated, as RFC 9112 suggests.
    loop {
        line.clear();
        if read_line(reader, &mut line, &mut budget)? == 0 {
            return Err(ReadError::Closed);
        }
        if !trim_eol(&line).is_empty() {
            break;
        }
    }
    let request_line = std::str::from_utf8(trim_eol(&line))
        .map_err(|_| ReadError::Malformed("request line is not UTF-8"))?;
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed("bad request line"));
    };
    if method.is_empty() || !method.bytes().all(is_token_byte) {
        return Err(ReadError::Malformed("bad method"));
    }
    let http10 = match version {
        "HTTP/1.1" => false,
        "HTTP/1.0" => true,
        _ => return Err(ReadError::Malformed("unsupported HTTP version")),
    };
    if !target.starts_with('/') {
        return Err(ReadError::Malformed("request target must be a path"));
    }
    let path = target.split(['?', '#']).next().unwrap_or("/").to_string();
    let method = method.to_string();

    let mut headers = Vec::new();
    loop {
        line.clear();
        if read_line(reader, &mut line, &mut budget)? == 0 {
            return Err(ReadError::Closed);
        }
        let raw = trim_eol(&line);
        if raw.is_empty() {
            break;
        }
        if headers.len() == MAX_HEADERS {
            return Err(ReadError::HeadTooLarge);
        }
        headers.push(parse_header(raw)?);
    }
    Ok(Request {
        method,
        path,
        http10,
        headers,
        body: Vec::new(),
    })
}

pub fn read_body<R: Read>(reader: &mut R, request: &mut Request, length: u64) -> io::Result<()> {
    if length > MAX_BODY {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "body too large",
        ));
    }
    request.body = vec![0; length as usize];
    reader.read_exact(&mut request.body)
}

fn parse_header(raw: &[u8]) -> Result<(String, String), ReadError> {
    if raw[0] == b' ' || raw[0] == b'\t' {
        return Err(ReadError::Malformed(
            "folded header lines are not supported",
        ));
    }
    let colon = raw
        .iter()
        .position(|&b| b == b':')
        .ok_or(ReadError::Malformed("header without colon"))?;
    let name = &raw[..colon];
    if name.is_empty() || !name.iter().copied().all(is_token_byte) {
        return Err(ReadError::Malformed("bad header name"));
    }
    let value = String::from_utf8_lossy(&raw[colon + 1..]);
    Ok((
        String::from_utf8_lossy(name).to_ascii_lowercase(),
        value.trim_matches([' ', '\t']).to_string(),
    ))
}

fn read_line<R: BufRead>(
    reader: &mut R,
    line: &mut Vec<u8>,
    budget: &mut u64,
) -> Result<usize, ReadError> {
    let n = reader
        .by_ref()
        .take(*budget)
        .read_until(b'\n', line)
        .map_err(|_| ReadError::Closed)?;
    *budget -= n as u64;
    if n > 0 && !line.ends_with(b"\n") {
        return Err(if *budget == 0 {
            ReadError::HeadTooLarge
        } else {
            ReadError::Closed
        });
    }
    Ok(n)
}

fn trim_eol(line: &[u8]) -> &[u8] {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    line.strip_suffix(b"\r").unwrap_or(line)
}

fn is_token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b)
}

#[cfg(test)]
mod tests;
