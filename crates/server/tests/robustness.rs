//! The server under the kinds of load a public server meets: slow and idle clients, many
//! connections, bursts of sign-ups, a crash in the middle of one, and a stop signal.

mod common;

use common::{encode, exported, read_one, root_of, site, Server, TempDir};
use std::io::{BufReader, ErrorKind, Read, Write};
use std::net::TcpStream;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// Raises this process's soft descriptor limit towards `wanted` (the `ulimit -n` of a shell);
/// returns the limit now in force.
fn raise_descriptor_limit(wanted: u64) -> u64 {
    // SAFETY: getrlimit and setrlimit only read and write the struct passed to them.
    unsafe {
        let mut limit = std::mem::zeroed::<libc::rlimit>();
        if libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit) != 0 {
            return 1024;
        }
        let target = wanted.min(limit.rlim_max as u64) as libc::rlim_t;
        if limit.rlim_cur < target {
            limit.rlim_cur = target;
            libc::setrlimit(libc::RLIMIT_NOFILE, &limit);
            libc::getrlimit(libc::RLIMIT_NOFILE, &mut limit);
        }
        limit.rlim_cur as u64
    }
}

/// True once the server has closed `stream` (end of file or reset), false on a time-out.
fn closed_by_server(stream: &mut TcpStream, patience: Duration) -> bool {
    stream.set_read_timeout(Some(patience)).unwrap();
    let mut sink = [0u8; 64 * 1024];
    loop {
        match stream.read(&mut sink) {
            Ok(0) => return true,
            Ok(_) => continue,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return false
            }
            Err(_) => return true,
        }
    }
}

#[test]
fn six_hundred_idle_half_open_connections_do_not_keep_a_reader_waiting() {
    let site = site();
    let server = Server::in_dir(&site, &["--root", &root_of(&site), "--header-timeout", "2"]);
    let mut idle: Vec<TcpStream> = (0..600)
        .map(|_| {
            let mut stream = server.connect();
            stream.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").unwrap();
            stream
        })
        .collect();
    let started = Instant::now();
    let response = server.get("/");
    assert_eq!(response.status, 200);
    assert!(
        started.elapsed() < Duration::from_secs(1),
        "{:?}",
        started.elapsed()
    );
    // The head deadline then frees every one of them.
    let deadline = Instant::now() + Duration::from_secs(6);
    for stream in &mut idle {
        let left = deadline
            .saturating_duration_since(Instant::now())
            .max(Duration::from_millis(10));
        assert!(
            closed_by_server(stream, left),
            "a half-open connection outlived its deadline"
        );
    }
}

#[test]
fn a_client_that_stops_reading_a_large_file_does_not_hold_the_server() {
    let site = site();
    site.write("root/large.bin", vec![7u8; 64 * 1024 * 1024]);
    let server = Server::in_dir(&site, &["--root", &root_of(&site), "--stall-timeout", "2"]);
    let mut stalled = server.connect();
    stalled
        .write_all(&encode("GET", "/large.bin", &[], b"", false))
        .unwrap();
    std::thread::sleep(Duration::from_millis(300));
    let started = Instant::now();
    assert_eq!(server.get("/index.html").status, 200);
    assert!(started.elapsed() < Duration::from_secs(1));
    std::thread::sleep(Duration::from_secs(3));
    // What the kernel buffered still arrives; then the server is gone, long before 64 MB.
    let mut received = 0usize;
    stalled
        .set_read_timeout(Some(Duration::from_secs(5)))
        .unwrap();
    let mut chunk = vec![0u8; 1 << 20];
    let ended = loop {
        match stalled.read(&mut chunk) {
            Ok(0) => break true,
            Ok(n) => received += n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                break false
            }
            Err(_) => break true,
        }
    };
    assert!(ended, "the stalled connection is still open");
    assert!(received < 64 * 1024 * 1024, "{received} bytes");
}

#[test]
fn ten_thousand_keep_alive_connections_are_all_served_twice() {
    let wanted = 10_000u64;
    let limit = raise_descriptor_limit(wanted + 500);
    let connections = wanted.min(limit.saturating_sub(200)) as usize;
    if connections < wanted as usize {
        eprintln!("descriptor limit {limit}: testing {connections} connections, not {wanted}");
    }
    let site = site();
    let server = Server::in_dir(
        &site,
        &["--root", &root_of(&site), "--header-timeout", "120"],
    );
    let open: Mutex<Vec<BufReader<TcpStream>>> = Mutex::new(Vec::with_capacity(connections));
    let threads = 8;
    std::thread::scope(|scope| {
        for _ in 0..threads {
            scope.spawn(|| {
                let mut mine = Vec::new();
                for _ in 0..connections / threads {
                    let mut stream = server.connect();
                    stream
                        .write_all(&encode("GET", "/style.css", &[], b"", false))
                        .unwrap();
                    let mut reader = BufReader::new(stream);
                    assert_eq!(read_one(&mut reader, false).body, b"body{}");
                    mine.push(reader);
                }
                open.lock().unwrap().extend(mine);
            });
        }
    });
    let mut open = open.into_inner().unwrap();
    assert_eq!(open.len(), connections / threads * threads);
    for reader in &mut open {
        reader
            .get_mut()
            .write_all(&encode("HEAD", "/app.js", &[], b"", false))
            .unwrap();
    }
    for reader in &mut open {
        let second = read_one(reader, true);
        assert_eq!(second.status, 200, "a kept-alive connection was dropped");
    }
}

fn sign_up(addr: &str, email: &str) -> Option<u16> {
    let mut stream = TcpStream::connect(addr).ok()?;
    stream
        .set_read_timeout(Some(Duration::from_secs(20)))
        .ok()?;
    let body = format!(r#"{{"email": "{email}", "source": "/burst"}}"#);
    let request = encode(
        "POST",
        "/api/newsletter",
        &[("Content-Type", "application/json")],
        body.as_bytes(),
        true,
    );
    stream.write_all(&request).ok()?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).ok()?;
    let head = String::from_utf8_lossy(&raw);
    head.split(' ').nth(1)?.parse().ok()
}

#[test]
fn a_thousand_sign_ups_from_fifty_clients_are_all_stored_once() {
    let dir = TempDir::new("burst");
    let server = Server::in_dir(&dir, &[]);
    let statuses: Vec<Option<u16>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..50)
            .map(|client| {
                let server = &server;
                scope.spawn(move || {
                    (0..20)
                        .map(|n| sign_up(&server.addr, &format!("reader{client}-{n}@example.org")))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap())
            .collect()
    });
    assert!(statuses.iter().all(|s| *s == Some(201)), "{statuses:?}");
    let rows = exported(&dir);
    assert_eq!(rows.len(), 1000);
    let mut emails: Vec<&str> = rows.iter().map(|r| r.split(',').next().unwrap()).collect();
    emails.sort();
    emails.dedup();
    assert_eq!(emails.len(), 1000);
}

#[test]
fn a_kill_in_the_middle_of_a_burst_loses_no_acknowledged_sign_up() {
    let dir = TempDir::new("crash");
    let mut server = Server::in_dir(&dir, &[]);
    let addr = server.addr.clone();
    let acknowledged = Mutex::new(Vec::new());
    let stop = AtomicBool::new(false);
    std::thread::scope(|scope| {
        for client in 0..20 {
            let (addr, acknowledged, stop) = (&addr, &acknowledged, &stop);
            scope.spawn(move || {
                for n in 0.. {
                    if stop.load(Ordering::SeqCst) {
                        break;
                    }
                    let email = format!("crash{client}-{n}@example.org");
                    match sign_up(addr, &email) {
                        Some(201) => acknowledged.lock().unwrap().push(email),
                        Some(other) => panic!("{email}: {other}"),
                        None => break,
                    }
                }
            });
        }
        std::thread::sleep(Duration::from_millis(1500));
        server.kill_hard();
        stop.store(true, Ordering::SeqCst);
    });
    let acknowledged = acknowledged.into_inner().unwrap();
    assert!(
        acknowledged.len() > 20,
        "the burst was too short: {}",
        acknowledged.len()
    );

    let restarted = Server::in_dir(&dir, &[]);
    let stored: std::collections::HashSet<String> = exported(&dir)
        .iter()
        .map(|row| row.split(',').next().unwrap().to_string())
        .collect();
    let lost: Vec<&String> = acknowledged
        .iter()
        .filter(|e| !stored.contains(*e))
        .collect();
    assert!(
        lost.is_empty(),
        "{} of {} lost: {lost:?}",
        lost.len(),
        acknowledged.len()
    );
    assert_eq!(sign_up(&restarted.addr, "after@example.org"), Some(201));
    eprintln!(
        "{} acknowledged before the kill, all kept",
        acknowledged.len()
    );
}

#[test]
fn a_stop_signal_ends_the_server_cleanly() {
    let site = site();
    let mut server = Server::in_dir(&site, &["--root", &root_of(&site)]);
    assert_eq!(server.get("/").status, 200);
    // SAFETY: sends a signal to the child this test started.
    unsafe {
        libc::kill(server.pid() as libc::pid_t, libc::SIGTERM);
    }
    let status = server
        .wait_for_exit(Duration::from_secs(5))
        .expect("stopped");
    assert!(status.success(), "{status}");
    assert!(TcpStream::connect(&server.addr).is_err(), "still accepting");
}
