//! One thread per connection, serving requests until the client closes, asks to close, or idles
//! out. Browsers reuse connections, so keep-alive matters for tests that count requests.

use crate::app::{Action, App};
use crate::faults;
use crate::http::{self, Persistence, ReadError, Request, Response, MAX_BODY};
use std::io::{self, BufReader, Read, Write};
use std::net::{Shutdown, TcpStream};
use std::time::Duration;

/// Idle keep-alive connections are dropped after this, which also bounds slow senders.
const IDLE_TIMEOUT: Duration = Duration::from_secs(30);

pub fn serve(stream: TcpStream, app: &App) {
    let Ok(peer) = stream.peer_addr().map(|a| a.ip()) else {
        return;
    };
    let _ = stream.set_read_timeout(Some(IDLE_TIMEOUT));
    let _ = stream.set_nodelay(true);
    let Ok(read_half) = stream.try_clone() else {
        return;
    };
    let mut reader = BufReader::new(read_half);
    let mut writer = stream;
    loop {
        let mut request = match http::read_head(&mut reader) {
            Ok(request) => request,
            Err(ReadError::Closed) => return,
            Err(error) => return refuse(&mut writer, &error),
        };
        let length = match request.content_length() {
            Ok(length) => length,
            Err(error) => return refuse(&mut writer, &error),
        };
        if length > MAX_BODY {
            let response = app.oversize(&request);
            let _ = http::write_response(&mut writer, &response, false, Persistence::Close);
            return linger_close(&mut reader, &writer);
        }
        if request.expects_continue()
            && length > 0
            && writer.write_all(b"HTTP/1.1 100 Continue\r\n\r\n").is_err()
        {
            return;
        }
        if http::read_body(&mut reader, &mut request, length).is_err() {
            return;
        }
        let persistence = persistence(&request);
        match app.handle(&request, peer) {
            Action::Respond(response) => {
                let head_only = request.method == "HEAD";
                if http::write_response(&mut writer, &response, head_only, persistence).is_err()
                    || persistence == Persistence::Close
                {
                    return;
                }
            }
            Action::Hang => return faults::hang(&writer),
            Action::Reset => return faults::reset(&writer),
        }
    }
}

fn persistence(request: &Request) -> Persistence {
    match (request.keep_alive(), request.http10) {
        (false, _) => Persistence::Close,
        (true, false) => Persistence::KeepAlive,
        (true, true) => Persistence::KeepAlive10,
    }
}

/// Answers a request that cannot be framed, then closes: after a framing error the next
/// request's start is unknowable.
fn refuse(writer: &mut TcpStream, error: &ReadError) {
    let response = match error {
        ReadError::Malformed(why) => Response::text(400, &format!("Bad request: {why}\n")),
        ReadError::HeadTooLarge => Response::text(431, "Request headers too large\n"),
        ReadError::Unsupported(why) => Response::text(501, &format!("{why}\n")),
        ReadError::Closed => return,
    };
    let _ = http::write_response(writer, &response, false, Persistence::Close);
    let _ = writer.shutdown(Shutdown::Write);
}

/// Closing with an unread body still arriving makes the kernel send a reset, which can destroy
/// the 413 before the client reads it. So stop writing, then drain a bounded amount first.
fn linger_close<R: Read>(reader: &mut R, writer: &TcpStream) {
    let _ = writer.shutdown(Shutdown::Write);
    let _ = writer.set_read_timeout(Some(Duration::from_secs(2)));
    let _ = io::copy(&mut reader.take(16 * MAX_BODY), &mut io::sink());
}
