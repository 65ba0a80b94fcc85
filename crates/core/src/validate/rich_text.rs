//! The rules for rich text: each run that would render wrongly or not at all is reported at
//! its own path (`body[2].text[1].href`), and hostile sizes are refused before they cost a
//! reader's browser anything.

use super::fields::{check_url, quote};
use super::Sink;
use crate::model::{Inline, RichText, INLINE_TYPES, MAX_RUN_DEPTH as MAX_DEPTH};
use crate::url::UrlUse;

/// Runs in one field, counted at every depth. A paragraph with a link every other word stays
/// far below; a million-run paragraph would stall the page while it renders.
pub const MAX_RUNS: usize = 2_000;

/// Problems reported for one field; the rest are summed up in one line, so a field full of
/// the same mistake does not bury the rest of the report.
const MAX_PROBLEMS_PER_FIELD: usize = 10;

#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Presence {
    /// Paragraphs, quotes and list items: blank text renders an empty element.
    Required,
    /// Captions: present but blank still renders an empty caption.
    Optional,
}

pub(super) fn check(sink: &mut Sink, path: &str, text: &RichText, presence: Presence) {
    if text.plain_text().trim().is_empty() {
        let message = match presence {
            Presence::Required => "must not be empty",
            Presence::Optional => "is empty: leave the field out instead",
        };
        sink.push(path, message);
        return;
    }
    let runs = count_runs(text, MAX_RUNS + 1);
    if runs > MAX_RUNS {
        let message = format!(
            "holds more than {MAX_RUNS} runs: split it into several blocks, or check the export"
        );
        sink.push(path, message);
        return;
    }
    let mut found = Vec::new();
    let mut field_sink = Sink::new(sink.file(), &mut found);
    runs_of(&mut field_sink, path, text, 1);
    let hidden = found.len().saturating_sub(MAX_PROBLEMS_PER_FIELD);
    for problem in found.into_iter().take(MAX_PROBLEMS_PER_FIELD) {
        sink.push(problem.path, problem.message);
    }
    if hidden > 0 {
        sink.push(path, format!("and {hidden} more problems in this field"));
    }
}

/// Runs at every depth, counting no further than `stop`.
fn count_runs(text: &RichText, stop: usize) -> usize {
    let mut count = 0;
    let mut pending = vec![text];
    while let Some(text) = pending.pop() {
        for run in &text.0 {
            count += 1;
            if count >= stop {
                return count;
            }
            if let Some(inner) = inner_text(run) {
                pending.push(inner);
            }
        }
    }
    count
}

fn inner_text(run: &Inline) -> Option<&RichText> {
    match run {
        Inline::Link { text, .. } | Inline::Mark { text, .. } | Inline::Unknown { text, .. } => {
            Some(text)
        }
        Inline::Text(_) | Inline::Code(_) | Inline::Break => None,
    }
}

/// A field of one plain run is reported at the field itself, as a plain string would be.
fn runs_of(sink: &mut Sink, path: &str, text: &RichText, depth: usize) {
    if text.as_plain().is_some() {
        return;
    }
    for (index, run) in text.0.iter().enumerate() {
        run_of(sink, &format!("{path}[{index}]"), run, depth);
    }
}

fn run_of(sink: &mut Sink, path: &str, run: &Inline, depth: usize) {
    match run {
        Inline::Text(text) => {
            if text.is_empty() {
                sink.push(path, "is an empty run: remove it");
            }
        }
        Inline::Break => {}
        Inline::Code(code) => {
            if code.trim().is_empty() {
                sink.push(format!("{path}.text"), "must not be empty");
            }
        }
        Inline::Link { href, text } => {
            check_url(sink, &format!("{path}.href"), href, UrlUse::Link);
            if text.plain_text().trim().is_empty() {
                let message = "a link needs text a reader can see and a screen reader can say";
                sink.push(format!("{path}.text"), message);
            }
            inner(sink, path, text, depth);
        }
        Inline::Mark { mark, text } => {
            if text.plain_text().trim().is_empty() {
                let message = format!("has no text: remove the {:?} run", mark.name());
                sink.push(format!("{path}.text"), message);
            }
            inner(sink, path, text, depth);
        }
        Inline::Unknown { kind, text } => {
            let message = format!(
                "unknown run type {}: its text is shown unstyled; use one of {}",
                quote(kind),
                INLINE_TYPES.join(", ")
            );
            sink.push(format!("{path}.type"), message);
            inner(sink, path, text, depth);
        }
    }
}

fn inner(sink: &mut Sink, path: &str, text: &RichText, depth: usize) {
    if depth >= MAX_DEPTH {
        let message = format!(
            "runs are nested more than {MAX_DEPTH} deep: the app shows the rest as plain text"
        );
        sink.push(format!("{path}.text"), message);
        return;
    }
    runs_of(sink, &format!("{path}.text"), text, depth + 1);
}
