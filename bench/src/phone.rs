//! The phone profile: the seed article as built (prerendered, then taken over by the app)
//! against the one-file static page, on the slow 4G phone of Lighthouse's mobile profile, with
//! DevTools' own throttling (`newsroom_harness::webdriver::SLOW_4G_PHONE`). On loopback the
//! network costs nothing; here every request costs a round trip of 562.5 ms and every byte
//! its share of 180 KB/s, which is what readers on phones see.

use crate::browser::Driver;
use crate::probe::{self, number, run_async, Transfer};
use crate::progress;
use crate::results::{kept, PhoneLoad, Results, Target};
use crate::scripts::AWAIT_PHONE;
use crate::stats::{ratio, Table};
use newsroom_harness::webdriver::SLOW_4G_PHONE;
use serde_json::json;

/// Cold load of `page` on the phone; with `next`, the takeover is awaited and a card clicked.
pub async fn load(
    driver: &Driver,
    page: &Target,
    next: Option<&[String]>,
) -> Result<PhoneLoad, String> {
    let takeover = next.is_some();
    probe::in_fresh_browser(driver, &[], async |session| {
        session.emulate_phone(&SLOW_4G_PHONE).await?;
        session
            .on_new_document(&probe::watch(&page.texts, takeover))
            .await?;
        session.open(&page.url).await?;
        let result = run_async(session, AWAIT_PHONE, vec![json!(takeover)]).await?;
        let fcp = number(&result, "fcp");
        let ready = if takeover {
            number(&result, "appReady")
        } else {
            fcp.max(number(&result, "dcl"))
        };
        let click = match next {
            Some(texts) => Some(probe::click(session, 0, texts, None).await?.ms),
            None => None,
        };
        let transfer = Transfer::from(&result);
        Ok(PhoneLoad {
            app_arrived: transfer.last_end_of(|url| url.ends_with(".wasm") || url.ends_with(".js")),
            fcp,
            lcp: number(&result, "lcp"),
            text: number(&result, "ready"),
            ready,
            transfer,
            click,
        })
    })
    .await
}

/// `runs` interleaved pairs (static, then the built page when there is one).
pub async fn measure(
    driver: &Driver,
    static_page: &Target,
    built: Option<&Target>,
    next: &[String],
    runs: usize,
    results: &mut Results,
) -> Result<(), String> {
    progress("phone profile: warm-up pass (not counted)");
    load(driver, static_page, None).await?;
    for run in 1..=runs {
        progress(&format!("phone profile: run {run} of {runs}"));
        let outcome = load(driver, static_page, None).await;
        if let Some(load) = kept(results, "phone: static", outcome) {
            results.phone_static.push(load);
        }
        if let Some(built) = built {
            let outcome = load(driver, built, Some(next)).await;
            if let Some(load) = kept(results, "phone: as built", outcome) {
                results.phone_built.push(load);
            }
        }
    }
    Ok(())
}

fn of(loads: &[PhoneLoad], figure: impl Fn(&PhoneLoad) -> f64) -> Vec<f64> {
    loads.iter().map(figure).collect()
}

pub fn print(table: &mut Table, results: &Results, runs: usize) {
    let p = SLOW_4G_PHONE;
    table.section(&format!(
        "(0) phone profile, ms since navigation start (median of {runs})"
    ));
    table.note(&format!(
        "DevTools throttling: {} ms a request, {:.2} Kbit/s down, {:.0} Kbit/s up, CPU {}x \
         slower; {}x{} at DPR {}; brotli.",
        p.latency_ms,
        p.download_bytes_per_s * 8.0 / 1000.0,
        p.upload_bytes_per_s * 8.0 / 1000.0,
        p.cpu_slowdown,
        p.width,
        p.height,
        p.device_scale_factor
    ));
    let pages = [
        ("static (one file)", &results.phone_static),
        ("as built", &results.phone_built),
    ];
    let mut medians = Vec::new();
    for (name, loads) in pages {
        if loads.is_empty() {
            continue;
        }
        let fcp = table.row(
            &format!("{name}: first contentful paint"),
            &of(loads, |l| l.fcp),
            "ms",
        );
        let lcp = table.row(
            &format!("{name}: largest contentful paint"),
            &of(loads, |l| l.lcp),
            "ms",
        );
        let text = table.row(
            &format!("{name}: all text in the DOM"),
            &of(loads, |l| l.text),
            "ms",
        );
        let ready = table.row(&format!("{name}: app ready"), &of(loads, |l| l.ready), "ms");
        let before = |at: fn(&PhoneLoad) -> f64, bytes: bool| {
            of(loads, move |l| {
                let (b, r) = l.transfer.by(at(l));
                if bytes {
                    b
                } else {
                    r
                }
            })
        };
        table.row(
            &format!("{name}: bytes before first paint"),
            &before(|l| l.fcp, true),
            "B",
        );
        table.row(
            &format!("{name}: requests before first paint"),
            &before(|l| l.fcp, false),
            "",
        );
        table.row(
            &format!("{name}: bytes before app ready"),
            &before(|l| l.ready, true),
            "B",
        );
        table.row(
            &format!("{name}: requests before app ready"),
            &before(|l| l.ready, false),
            "",
        );
        if name == "as built" {
            table.row(
                &format!("{name}: JS and wasm arrived"),
                &of(loads, |l| l.app_arrived),
                "ms",
            );
            table.row(
                &format!("{name}: app ready after they arrived"),
                &of(loads, |l| l.ready - l.app_arrived),
                "ms",
            );
        }
        medians.push([fcp, lcp, text, ready]);
    }
    if let [stat, built] = medians[..] {
        let labels = [
            "first contentful paint",
            "largest contentful paint",
            "all text in the DOM",
            "app ready",
        ];
        for (index, label) in labels.iter().enumerate() {
            table.value(
                &format!("ratio as built / static: {label}"),
                ratio(built[index], stat[index]),
                "x",
            );
        }
        let label = "ratio as built app ready / static LCP";
        table.value(label, ratio(built[3], stat[1]), "x");
    }
    let clicks: Vec<f64> = results.phone_built.iter().filter_map(|l| l.click).collect();
    if !clicks.is_empty() {
        table.row(
            "as built: card click after app ready (in-app)",
            &clicks,
            "ms",
        );
    }
    table.note("\"app ready\": the prerendered markup replaced by the app's (a click on a card is");
    table.note("then an in-app navigation; the click row shows it was). Static: first paint after");
    table.note(
        "DOMContentLoaded. \"Before\": responses ended by then (transferSize, headers included).",
    );
}
