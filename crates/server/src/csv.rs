//! The editors' export: `email,status,subscribed_at,confirmed_at,source`, RFC 4180 quoting.

use crate::clock::iso_utc;

pub const HEADER: &str = "email,status,subscribed_at,confirmed_at,source";

pub struct Row {
    pub email: String,
    pub status: String,
    pub subscribed_at: i64,
    pub confirmed_at: Option<i64>,
    pub source: String,
}

impl Row {
    pub fn line(&self) -> String {
        [
            cell(&self.email),
            cell(&self.status),
            iso_utc(self.subscribed_at),
            self.confirmed_at.map(iso_utc).unwrap_or_default(),
            cell(&self.source),
        ]
        .join(",")
    }
}

/// Quotes when needed. A value a spreadsheet would run as a formula (`=`, `+`, `-`, `@` first:
/// the source is whatever a client sent) gets a leading apostrophe, as OWASP advises.
fn cell(value: &str) -> String {
    let value = if value.starts_with(['=', '+', '-', '@']) {
        format!("'{value}")
    } else {
        value.to_string()
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quotes_and_defuses_cells() {
        let row = Row {
            email: "a@example.org".into(),
            status: "confirmed".into(),
            subscribed_at: 0,
            confirmed_at: Some(60),
            source: "=HYPERLINK(\"x\",\"y\")".into(),
        };
        assert_eq!(
            row.line(),
            "a@example.org,confirmed,1970-01-01T00:00:00Z,1970-01-01T00:01:00Z,\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\""
        );
        let pending = Row {
            confirmed_at: None,
            source: "/a,b".into(),
            ..row
        };
        assert!(pending.line().ends_with("1970-01-01T00:00:00Z,,\"/a,b\""));
    }
}
