//! `newsroom-load`: requests per second and latency percentiles of a running server, with and
//! without a flood of idle half-open connections beside the readers. Run by `cargo xtask load`;
//! it prints figures and never fails on them.

use http_body_util::{BodyExt, Empty};
use hyper::body::Bytes;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const USAGE: &str = "usage: newsroom-load --address HOST:PORT [--path /] [--clients 50] \
                     [--seconds 10] [--idle 600]";

struct Options {
    address: String,
    paths: Vec<String>,
    clients: usize,
    seconds: u64,
    idle: usize,
}

fn options() -> Result<Options, String> {
    let mut options = Options {
        address: String::new(),
        paths: Vec::new(),
        clients: 50,
        seconds: 10,
        idle: 600,
    };
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<usize>().map_err(|_| format!("not a number: {v}"));
        match flag.as_str() {
            "--address" => options.address = value()?,
            "--path" => options.paths.push(value()?),
            "--clients" => options.clients = number(value()?)?.max(1),
            "--seconds" => options.seconds = number(value()?)?.max(1) as u64,
            "--idle" => options.idle = number(value()?)?,
            _ => return Err(USAGE.to_string()),
        }
    }
    if options.address.is_empty() {
        return Err(USAGE.to_string());
    }
    if options.paths.is_empty() {
        options.paths.push("/".to_string());
    }
    Ok(options)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let options = match options() {
        Ok(options) => options,
        Err(message) => {
            eprintln!("{message}");
            return std::process::ExitCode::from(2);
        }
    };
    println!(
        "{} keep-alive clients for {} s each run, paths {:?}",
        options.clients, options.seconds, options.paths
    );
    report("no idle connections", measure(&options).await);
    let stop = Arc::new(AtomicBool::new(false));
    let held = Arc::new(AtomicU64::new(0));
    for _ in 0..options.idle {
        tokio::spawn(hold_half_open(
            options.address.clone(),
            stop.clone(),
            held.clone(),
        ));
    }
    // Let the flood connect before measuring beside it.
    tokio::time::sleep(Duration::from_millis(500)).await;
    let figures = measure(&options).await;
    report(
        &format!(
            "{} idle half-open connections ({} held at the end)",
            options.idle,
            held.load(Ordering::Relaxed)
        ),
        figures,
    );
    stop.store(true, Ordering::Relaxed);
    std::process::ExitCode::SUCCESS
}

struct Figures {
    latencies: Vec<Duration>,
    errors: u64,
    elapsed: Duration,
}

async fn measure(options: &Options) -> Figures {
    let started = Instant::now();
    let deadline = started + Duration::from_secs(options.seconds);
    let workers: Vec<_> = (0..options.clients)
        .map(|n| {
            let address = options.address.clone();
            let path = options.paths[n % options.paths.len()].clone();
            tokio::spawn(client(address, path, deadline))
        })
        .collect();
    let mut latencies = Vec::new();
    let mut errors = 0;
    for worker in workers {
        if let Ok((mine, failed)) = worker.await {
            latencies.extend(mine);
            errors += failed;
        }
    }
    Figures {
        latencies,
        errors,
        elapsed: started.elapsed(),
    }
}

/// One keep-alive connection sending requests back to back until the deadline; reconnects
/// when the server closes it.
async fn client(address: String, path: String, deadline: Instant) -> (Vec<Duration>, u64) {
    let mut latencies = Vec::new();
    let mut errors = 0;
    while Instant::now() < deadline {
        let Ok(stream) = TcpStream::connect(&address).await else {
            errors += 1;
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let io = hyper_util::rt::TokioIo::new(stream);
        let Ok((mut sender, connection)) = hyper::client::conn::http1::handshake(io).await else {
            errors += 1;
            continue;
        };
        tokio::spawn(connection);
        while Instant::now() < deadline {
            let request = hyper::Request::get(path.as_str())
                .header("host", address.as_str())
                .header("accept-encoding", "br, gzip")
                .body(Empty::<Bytes>::new())
                .expect("a valid request");
            let sent = Instant::now();
            let answered = match sender.send_request(request).await {
                Ok(response) => {
                    let ok = response.status().is_success();
                    ok && response.into_body().collect().await.is_ok()
                }
                Err(_) => false,
            };
            if answered {
                latencies.push(sent.elapsed());
            } else {
                errors += 1;
                break;
            }
        }
    }
    (latencies, errors)
}

/// `GET / HTTP/1.1` and one header, then silence, as long as the server keeps it; again when
/// the server drops it at the head deadline.
async fn hold_half_open(address: String, stop: Arc<AtomicBool>, held: Arc<AtomicU64>) {
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut stream) = TcpStream::connect(&address).await else {
            tokio::time::sleep(Duration::from_millis(100)).await;
            continue;
        };
        if stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
            .await
            .is_err()
        {
            continue;
        }
        held.fetch_add(1, Ordering::Relaxed);
        let mut sink = [0u8; 512];
        while !matches!(stream.read(&mut sink).await, Ok(0) | Err(_)) {}
        held.fetch_sub(1, Ordering::Relaxed);
    }
}

fn report(label: &str, mut figures: Figures) {
    figures.latencies.sort();
    let count = figures.latencies.len();
    let at = |p: f64| -> String {
        if count == 0 {
            return "-".to_string();
        }
        let index = ((count as f64 * p).ceil() as usize).clamp(1, count) - 1;
        format!("{:.2} ms", figures.latencies[index].as_secs_f64() * 1000.0)
    };
    println!("\n{label}:");
    println!(
        "  {count} responses in {:.1} s: {:.0} requests/s, {} errors",
        figures.elapsed.as_secs_f64(),
        count as f64 / figures.elapsed.as_secs_f64(),
        figures.errors
    );
    println!(
        "  latency p50 {}  p90 {}  p99 {}  max {}",
        at(0.50),
        at(0.90),
        at(0.99),
        at(1.0)
    );
}
