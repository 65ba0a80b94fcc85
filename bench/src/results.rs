//! What the measurements produce and what they load: shared by the plan that runs them, the
//! phone profile and the report, below all three.

use crate::probe::{Click, Heap, Load, Transfer};
use crate::progress;

/// One page to load cold: where, and which texts mean it is fully rendered.
pub struct Target {
    pub slug: String,
    pub url: String,
    pub texts: Vec<String>,
}

/// One cold load on the phone, in ms since navigation start.
#[derive(Clone, Debug)]
pub struct PhoneLoad {
    pub fcp: f64,
    pub lcp: f64,
    /// All the article's text in the DOM.
    pub text: f64,
    /// The takeover done; for a page without an app, the first paint after DOMContentLoaded
    /// (links work as soon as they are shown).
    pub ready: f64,
    pub transfer: Transfer,
    /// When the last of the app's own files (its JS glue and wasm) had arrived.
    pub app_arrived: f64,
    /// A click on a Read More card once ready, until the next article is in the DOM: only
    /// measured when it must be an in-app navigation (the script would not survive a page load).
    pub click: Option<f64>,
}

#[derive(Default)]
pub struct Results {
    pub app: Vec<Load>,
    pub static_page: Vec<Load>,
    pub built: Vec<Load>,
    /// Clicks after the reader scrolled to the cards (see `probe::DWELL_MS`).
    pub click: Vec<Click>,
    /// Clicks with no warning: nothing prefetched.
    pub click_unwarned: Vec<Click>,
    pub catalog: Vec<Load>,
    pub long: Vec<Vec<Load>>,
    pub heap: Option<[Heap; 4]>,
    /// The phone profile: the one-file static page, and the seed article as built.
    pub phone_static: Vec<PhoneLoad>,
    pub phone_built: Vec<PhoneLoad>,
    /// Measurements that failed (a time-out on an overloaded machine) and were left out.
    pub failures: Vec<String>,
}

/// A failed measurement is reported and left out rather than ending the bench: on a shared
/// machine one page can miss a deadline while the others are fine.
pub fn kept<T>(results: &mut Results, what: &str, outcome: Result<T, String>) -> Option<T> {
    match outcome {
        Ok(value) => Some(value),
        Err(error) => {
            progress(&format!(
                "{what}: measurement failed and is left out: {error}"
            ));
            results.failures.push(format!("{what}: {error}"));
            None
        }
    }
}
