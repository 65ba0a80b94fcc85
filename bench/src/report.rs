//! Turns the measurements into the printed table.

use crate::plan::Plan;
use crate::probe::WARM_UP;
use crate::probe::{Heap, Load, Transfer};
use crate::results::Results;
use crate::site::served_sizes;
use crate::stats::{ratio, Table};
use crate::{Args, WALK};
use std::path::Path;

fn ready(loads: &[Load]) -> Vec<f64> {
    loads.iter().map(|l| l.ready_ms).collect()
}

fn lcp(loads: &[Load]) -> Vec<f64> {
    loads.iter().map(|l| l.lcp_ms).collect()
}

fn bytes<'a>(transfers: impl Iterator<Item = &'a Transfer>) -> Vec<f64> {
    transfers.map(|t| t.bytes).collect()
}

fn requests<'a>(transfers: impl Iterator<Item = &'a Transfer>) -> Vec<f64> {
    transfers.map(|t| t.requests).collect()
}

/// Raw, brotli and gzip body sizes of the files behind `urls`. A path without an extension
/// and without a file is a deep link the server answers with the app shell; any other missing
/// file was a 404 (the favicon) and counts as nothing.
fn bodies(root: &Path, urls: &[String]) -> [u64; 3] {
    let mut total = [0; 3];
    for url in urls {
        let is_route = !url.rsplit('/').next().unwrap_or("").contains('.');
        let sizes = served_sizes(root, url).or_else(|| {
            is_route
                .then(|| served_sizes(root, "/index.html"))
                .flatten()
        });
        for (sum, size) in total.iter_mut().zip(sizes.unwrap_or_default()) {
            *sum += size;
        }
    }
    total
}

pub fn print(results: &Results, plan: &Plan, args: &Args) {
    let runs = args.runs;
    let mut table = Table::default();
    println!("\nNewsroom bench: the app against its zero-JavaScript static rendition");
    println!("\"static\": one self-contained HTML file, CSS inline, no script.");
    let loopback = if args.phone_only {
        String::new()
    } else {
        format!(", {runs} interleaved runs on loopback")
    };
    println!(
        "{} runs of the phone profile{loopback}, each in a fresh headless Chromium (empty \
         profile and cache).",
        args.phone_runs
    );
    if !args.phone_only {
        println!("\"app\": rendered in the browser (any prerendered pages set aside).");
    }
    if plan.built.is_some() {
        println!("\"as built\": the build's prerendered page, then the app takes over.");
    }
    if !results.failures.is_empty() {
        println!("Left out after failing: {}", results.failures.join("; "));
    }

    crate::phone::print(&mut table, results, args.phone_runs);
    if args.phone_only {
        table.print();
        return;
    }

    table.section("(1) cold load of the seed article, ms since navigation start");
    let app = table.row("app: article text in the DOM", &ready(&results.app), "ms");
    let stat = table.row(
        "static: article text in the DOM",
        &ready(&results.static_page),
        "ms",
    );
    table.value("ratio app / static (medians)", ratio(app, stat), "x");
    let app_lcp = table.row("app: largest contentful paint", &lcp(&results.app), "ms");
    let stat_lcp = table.row(
        "static: largest contentful paint",
        &lcp(&results.static_page),
        "ms",
    );
    table.value(
        "ratio app / static (medians)",
        ratio(app_lcp, stat_lcp),
        "x",
    );
    if !results.built.is_empty() {
        let label = "app as built: article text in the DOM";
        let built = table.row(label, &ready(&results.built), "ms");
        table.value(
            "ratio app as built / static (medians)",
            ratio(built, stat),
            "x",
        );
        let label = "app as built: largest contentful paint";
        let built_lcp = table.row(label, &lcp(&results.built), "ms");
        let label = "ratio app as built / static (medians)";
        table.value(label, ratio(built_lcp, stat_lcp), "x");
    }

    table.section("(2) click on a Read More card (app, client-side navigation)");
    let clicks = [
        (
            "app: scrolled to the cards, click until the article is in the DOM",
            &results.click,
        ),
        (
            "app: unwarned click (nothing prefetched), same measure",
            &results.click_unwarned,
        ),
    ];
    for (label, clicks) in clicks {
        let times: Vec<f64> = clicks.iter().map(|c| c.ms).collect();
        let median = table.row(label, &times, "ms");
        let label = "ratio to the static cold load (medians)";
        table.value(label, ratio(median, stat), "x");
    }
    table.note(&format!(
        "  \"Scrolled\": the card is scrolled into view and clicked {} ms later.",
        crate::probe::DWELL_MS
    ));

    table.section("(3) transferred (sum of transferSize) and requests");
    let transfers = [
        (
            "app: cold load",
            results.app.iter().map(|l| &l.transfer).collect::<Vec<_>>(),
        ),
        (
            "static: cold load",
            results.static_page.iter().map(|l| &l.transfer).collect(),
        ),
        (
            "app: click (requests after the click)",
            results.click.iter().map(|c| &c.transfer).collect(),
        ),
        (
            "app: unwarned click (requests after the click)",
            results.click_unwarned.iter().map(|c| &c.transfer).collect(),
        ),
    ];
    for (label, list) in &transfers {
        table.row(
            &format!("{label}, bytes"),
            &bytes(list.iter().copied()),
            "B",
        );
        table.row(
            &format!("{label}, requests"),
            &requests(list.iter().copied()),
            "",
        );
    }
    table.note("Bodies of those requests as stored (raw / brotli q11 / gzip -9), first run:");
    let sample = &plan.sample_root;
    let firsts = [
        (
            "app: cold load",
            results.app.first().map(|l| &l.transfer),
            sample,
        ),
        (
            "static: cold load",
            results.static_page.first().map(|l| &l.transfer),
            sample,
        ),
        (
            "app: click",
            results.click.first().map(|c| &c.transfer),
            sample,
        ),
        (
            "app: cold load, 10,000 articles",
            results.catalog.first().map(|l| &l.transfer),
            &plan.catalog_root,
        ),
    ];
    for (label, transfer, root) in firsts {
        if let Some(transfer) = transfer {
            let [raw, br, gz] = bodies(root, &transfer.urls);
            table.note(&format!(
                "{label:<34} raw {raw:>8} B   br {br:>7} B   gz {gz:>7} B"
            ));
        }
    }
    if let Some(first) = results.app.first() {
        table.note("Files of the app's cold load (raw / brotli):");
        for url in &first.transfer.urls {
            let [raw, br, _] = bodies(sample, std::slice::from_ref(url));
            table.note(&format!("  {url:<70} {raw:>8} {br:>7}"));
        }
    }
    if let Some(first) = results.click.first() {
        table.note("Files requested after the click (raw / brotli):");
        for url in &first.transfer.urls {
            let [raw, br, _] = bodies(sample, std::slice::from_ref(url));
            table.note(&format!("  {url:<70} {raw:>8} {br:>7}"));
        }
    }

    table.section("(4) scaling: the seed article in a catalog of 10,000 articles");
    table.row(
        "app, 10 articles: article text in the DOM",
        &ready(&results.app),
        "ms",
    );
    table.row(
        "app, 10,000 articles: article text in the DOM",
        &ready(&results.catalog),
        "ms",
    );
    table.row(
        "app, 10,000 articles: largest contentful paint",
        &lcp(&results.catalog),
        "ms",
    );
    let sample_bytes = bytes(results.app.iter().map(|l| &l.transfer));
    let catalog_bytes = bytes(results.catalog.iter().map(|l| &l.transfer));
    table.row(
        "app, 10 articles: bytes per article page",
        &sample_bytes,
        "B",
    );
    table.row(
        "app, 10,000 articles: bytes per article page",
        &catalog_bytes,
        "B",
    );
    table.row(
        "app, 10,000 articles: requests",
        &requests(results.catalog.iter().map(|l| &l.transfer)),
        "",
    );

    long_articles(&mut table, plan, results);
    memory(&mut table, results);
    table.print();
}

fn long_articles(table: &mut Table, plan: &Plan, results: &Results) {
    table.section("(4) scaling: render time of long articles (app, cold load)");
    let mut medians = Vec::new();
    for ((paragraphs, target), loads) in plan.long.iter().zip(&results.long) {
        let ms = ready(loads);
        let label = format!("{paragraphs} paragraphs: last paragraph in the DOM");
        let summary = table.row(&label, &ms, "ms");
        let per: Vec<f64> = ms.iter().map(|m| m / *paragraphs as f64).collect();
        table.row(
            &format!("{paragraphs} paragraphs: per paragraph"),
            &per,
            "ms",
        );
        let file = format!("/content/articles/{}.json", target.slug);
        let after: Vec<f64> = loads
            .iter()
            .map(|l| {
                l.transfer
                    .end_of(&file)
                    .map_or(f64::NAN, |end| l.ready_ms - end)
            })
            .collect();
        let label = format!("{paragraphs} paragraphs: after its file arrived");
        table.row(&label, &after, "ms");
        medians.push((*paragraphs, summary.map(|s| s.median)));
    }
    for pair in medians.windows(2) {
        if let [(n1, Some(m1)), (n2, Some(m2))] = pair {
            let slope = (m2 - m1) / (n2 - n1) as f64;
            let label = format!("added cost per paragraph, {n1} -> {n2}");
            table.value(&label, slope, "ms");
        }
    }
    table.note("\"after its file arrived\": parsing, the two listing requests, rendering.");
}

fn memory(table: &mut Table, results: &Results) {
    table.section("(5) memory after client-side navigations (full GC through DevTools)");
    let Some([first, warm, last, control]) = &results.heap else {
        return;
    };
    table.value("JS heap (usedJSHeapSize) after 1 navigation", first.js, "B");
    table.value(
        &format!("JS heap after {WARM_UP} navigations"),
        warm.js,
        "B",
    );
    table.value(&format!("JS heap after {WALK} navigations"), last.js, "B");
    let per = (last.js - first.js) / (WALK - 1) as f64;
    table.value(
        &format!("JS heap growth per navigation, 1 -> {WALK}"),
        per,
        "B",
    );
    let per = (last.js - warm.js) / (WALK - WARM_UP) as f64;
    let label = format!("JS heap growth per navigation, {WARM_UP} -> {WALK}");
    table.value(&label, per, "B");
    let label = format!("JS heap after {WALK} more measuring scripts, no navigation");
    table.value(&label, control.js, "B");
    let wasm = |heap: &Heap| heap.wasm.unwrap_or(f64::NAN);
    table.value("wasm linear memory after 1 navigation", wasm(first), "B");
    table.value(
        &format!("wasm linear memory after {WALK} navigations"),
        wasm(last),
        "B",
    );
    table.value(
        "elements in the document after 1 navigation",
        first.nodes,
        "",
    );
    let label = format!("elements in the document after {WALK} navigations");
    table.value(&label, last.nodes, "");
}
