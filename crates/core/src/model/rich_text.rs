//! Text with inline runs: links, emphasis, strong, superscript, subscript, code and line
//! breaks, as every CMS exports them.
//!
//! A plain JSON string is rich text of one run, so content written before runs existed reads
//! unchanged, and rich text of one plain run is written back as a plain string. Otherwise the
//! value is a list whose items are strings or objects with a `type`:
//!
//! ```json
//! ["Read ", {"type": "link", "href": "/a", "text": ["the ", {"type": "em", "text": "report"}]}, "."]
//! ```
//!
//! Reading is hand-written, like body blocks (see `raw_block`): one pass, no buffering of
//! serde's generic tree, which keeps the browser build small. The parser's own nesting limit
//! (serde_json stops at 128 levels) bounds recursion; `validate` reports deeper nesting than
//! any editor writes long before that.

use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// Runs inside runs that the app styles. Real content nests two or three deep (a link inside
/// emphasis inside strong); past this, a broken or hostile export shows as plain text and
/// `check-content` reports it.
pub const MAX_RUN_DEPTH: usize = 8;

/// Inline runs in order. Empty only when the source was an empty list.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RichText(pub Vec<Inline>);

/// One inline run.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(String),
    /// The address goes through `url::safe_url` before it becomes a link.
    Link {
        href: String,
        text: RichText,
    },
    Mark {
        mark: Mark,
        text: RichText,
    },
    /// Code is shown in a monospace font and holds no further runs.
    Code(String),
    Break,
    /// A run type this app does not know (written for a newer one): its text is shown
    /// without the styling, so no words go missing.
    Unknown {
        kind: String,
        text: RichText,
    },
}

/// Styling a run may carry, each the HTML element of the same meaning.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mark {
    Emphasis,
    Strong,
    Superscript,
    Subscript,
}

impl Mark {
    pub const ALL: [Mark; 4] = [
        Mark::Emphasis,
        Mark::Strong,
        Mark::Superscript,
        Mark::Subscript,
    ];

    /// The run's `type` in JSON, which is also its HTML element's name.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Emphasis => "em",
            Mark::Strong => "strong",
            Mark::Superscript => "sup",
            Mark::Subscript => "sub",
        }
    }

    fn from_name(name: &str) -> Option<Mark> {
        Mark::ALL.into_iter().find(|mark| mark.name() == name)
    }
}

/// Every run `type` this app renders, for messages and the schema test.
pub const INLINE_TYPES: [&str; 7] = ["link", "em", "strong", "sup", "sub", "code", "break"];

impl RichText {
    pub fn plain(text: impl Into<String>) -> RichText {
        RichText(vec![Inline::Text(text.into())])
    }

    /// The text when it is a single plain run (or nothing at all).
    pub fn as_plain(&self) -> Option<&str> {
        match self.0.as_slice() {
            [] => Some(""),
            [Inline::Text(text)] => Some(text),
            _ => None,
        }
    }

    /// What a reader reads, without styling: a line break counts as a newline, so words on
    /// either side stay apart.
    pub fn plain_text(&self) -> String {
        let mut out = String::new();
        self.write_plain(&mut out);
        out
    }

    fn write_plain(&self, out: &mut String) {
        for run in &self.0 {
            match run {
                Inline::Text(text) | Inline::Code(text) => out.push_str(text),
                Inline::Break => out.push('\n'),
                Inline::Link { text, .. }
                | Inline::Mark { text, .. }
                | Inline::Unknown { text, .. } => text.write_plain(out),
            }
        }
    }
}

impl From<&str> for RichText {
    fn from(text: &str) -> RichText {
        RichText::plain(text)
    }
}

impl From<String> for RichText {
    fn from(text: String) -> RichText {
        RichText::plain(text)
    }
}

impl<'de> Deserialize<'de> for RichText {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(RunsVisitor { run: false })
    }
}

/// One visitor reads both the field (a string or a list) and each run in the list (a string
/// or an object), so the parser's "any value" code is compiled once for rich text; a run is
/// read as rich text of that one run.
struct RunsVisitor {
    run: bool,
}

impl<'de> Visitor<'de> for RunsVisitor {
    type Value = RichText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("text, or a list of text runs")
    }

    fn visit_str<E: de::Error>(self, text: &str) -> Result<RichText, E> {
        Ok(RichText::plain(text))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<RichText, A::Error> {
        if self.run {
            return Err(de::Error::invalid_type(de::Unexpected::Seq, &self));
        }
        // The hint comes from the document, which may lie about its size.
        let mut runs = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(run) = seq.next_element_seed(RunSeed)? {
            runs.extend(run.0);
        }
        Ok(RichText(runs))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RichText, A::Error> {
        if !self.run {
            return Err(de::Error::invalid_type(de::Unexpected::Map, &self));
        }
        let mut raw = RawInline::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                "type" => raw.kind = Some(map.next_value()?),
                "href" => raw.href = Some(map.next_value()?),
                "text" => raw.text = Some(map.next_value()?),
                _ => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        Ok(RichText(vec![raw.into_inline()?]))
    }
}

struct RunSeed;

impl<'de> de::DeserializeSeed<'de> for RunSeed {
    type Value = RichText;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<RichText, D::Error> {
        deserializer.deserialize_any(RunsVisitor { run: true })
    }
}

/// Every field any run may have; `into_inline` then requires what the run's type needs.
#[derive(Default)]
struct RawInline {
    kind: Option<String>,
    text: Option<RichText>,
    href: Option<String>,
}

impl RawInline {
    fn into_inline<E: de::Error>(self) -> Result<Inline, E> {
        let RawInline { kind, text, href } = self;
        let kind = kind.ok_or_else(|| E::missing_field("type"))?;
        let required = |text: Option<RichText>| text.ok_or_else(|| E::missing_field("text"));
        if let Some(mark) = Mark::from_name(&kind) {
            return Ok(Inline::Mark {
                mark,
                text: required(text)?,
            });
        }
        Ok(match kind.as_str() {
            "link" => Inline::Link {
                href: href.ok_or_else(|| E::missing_field("href"))?,
                text: required(text)?,
            },
            "code" => Inline::Code(required(text)?.plain_text()),
            "break" => Inline::Break,
            _ => Inline::Unknown {
                text: text.unwrap_or_default(),
                kind,
            },
        })
    }
}

impl Serialize for RichText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        if let [Inline::Text(text)] = self.0.as_slice() {
            return serializer.serialize_str(text);
        }
        let mut seq = serializer.serialize_seq(Some(self.0.len()))?;
        for run in &self.0 {
            seq.serialize_element(run)?;
        }
        seq.end()
    }
}

impl Serialize for Inline {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (kind, href, text): (&str, Option<&str>, Option<&RichText>) = match self {
            Inline::Text(text) => return serializer.serialize_str(text),
            Inline::Code(code) => {
                let mut map = serializer.serialize_map(Some(2))?;
                map.serialize_entry("type", "code")?;
                map.serialize_entry("text", code)?;
                return map.end();
            }
            Inline::Break => ("break", None, None),
            Inline::Link { href, text } => ("link", Some(href), Some(text)),
            Inline::Mark { mark, text } => (mark.name(), None, Some(text)),
            Inline::Unknown { kind, text } => (kind, None, Some(text).filter(|t| !t.0.is_empty())),
        };
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", kind)?;
        if let Some(href) = href {
            map.serialize_entry("href", href)?;
        }
        if let Some(text) = text {
            map.serialize_entry("text", text)?;
        }
        map.end()
    }
}

#[cfg(test)]
mod tests;
