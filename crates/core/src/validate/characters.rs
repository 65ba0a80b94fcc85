//! Characters no feed, sitemap or page can carry. A stray U+0001 pasted into a title makes
//! `feed.xml` ill-formed XML, and feed readers then drop the whole feed, not just that item.
//! The writers in `publish` leave such characters out anyway; this tells the editor where
//! they are so the text is fixed at its source.

use super::Sink;
use crate::publish::is_forbidden_in_markup;
use serde_json::Value;

/// Reports every string in the file (at any depth, fields the app ignores included) holding
/// a forbidden character, once per string, at the string's JSON path.
pub(super) fn check(value: &Value, sink: &mut Sink) {
    let mut pending: Vec<(String, &Value)> = vec![(String::new(), value)];
    // Depth-first, array items in order and object keys alphabetically (serde_json's map).
    while let Some((path, value)) = pending.pop() {
        match value {
            Value::String(text) => {
                if let Some(bad) = text.chars().find(|&c| is_forbidden_in_markup(c)) {
                    let shown = if path.is_empty() { "." } else { &path };
                    let message = format!(
                        "contains the control character U+{:04X}, which XML and HTML forbid: \
                         delete it (it is invisible, so retype the text around it)",
                        u32::from(bad)
                    );
                    sink.push(shown, message);
                }
            }
            Value::Array(items) => {
                for (index, item) in items.iter().enumerate().rev() {
                    pending.push((format!("{path}[{index}]"), item));
                }
            }
            Value::Object(fields) => {
                let children: Vec<_> = fields.iter().collect();
                for (name, field) in children.into_iter().rev() {
                    let child = if path.is_empty() {
                        name.clone()
                    } else {
                        format!("{path}.{name}")
                    };
                    pending.push((child, field));
                }
            }
            Value::Null | Value::Bool(_) | Value::Number(_) => {}
        }
    }
}
