//! What an import left out of a post, by kind: written by the HTML conversion and the
//! shortcode filter alike, and reported by the importer.

use std::collections::BTreeMap;

/// What a conversion left out, by kind ("script", "empty paragraph"), with counts.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Dropped(pub BTreeMap<String, usize>);

impl Dropped {
    pub fn add(&mut self, what: impl Into<String>) {
        *self.0.entry(what.into()).or_default() += 1;
    }

    /// "2 scripts, 1 iframe, shortcode [gallery]" or `None` when nothing was dropped.
    pub fn describe(&self) -> Option<String> {
        let parts: Vec<String> = self
            .0
            .iter()
            .map(|(what, count)| match count {
                1 => what.clone(),
                n => format!("{n} × {what}"),
            })
            .collect();
        (!parts.is_empty()).then(|| parts.join(", "))
    }
}
