//! The real content files the mutations start from, and the mutations' building blocks.

use serde_json::{json, Value};
use std::fs;
use std::path::Path;
use std::sync::OnceLock;

/// Real content files, made to use every optional field and block type so mutations reach
/// every part of the model.
pub struct Samples {
    pub values: [Value; 3],
    pub texts: [String; 3],
}

pub const FILES: [&str; 3] = ["articles/sample.json", "site.json", "pages/1.json"];

fn content(relative: &str) -> Value {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../public/content");
    serde_json::from_slice(&fs::read(dir.join(relative)).unwrap()).unwrap()
}

pub fn samples() -> &'static Samples {
    static SAMPLES: OnceLock<Samples> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let hero = json!({"src": "/images/a.jpg", "alt": "A", "decorative": false,
            "caption": "C", "width": 1200, "height": 675});
        let mut article = content(
            "articles/us-and-philippines-conclude-child-protection-compact-partnership.json",
        );
        article["hero"] = hero.clone();
        article["updated"] = json!("2021-05-02T10:00:00+08:00");
        article["reading_time_minutes"] = json!(4);
        let body = article["body"].as_array_mut().unwrap();
        body.truncate(6);
        body.push(json!({"type": "heading", "level": 2, "text": "Next steps"}));
        body.push(json!({"type": "list", "ordered": true, "items": ["One", "Two"]}));
        let mut site = content("site.json");
        site["base_url"] = json!("https://example.org");
        let mut listing = content("categories/insights/1.json");
        listing["articles"][0]["image"] = hero;
        let values = [article, site, listing];
        let texts = values
            .clone()
            .map(|value| serde_json::to_string_pretty(&value).unwrap());
        Samples { values, texts }
    })
}

/// Every JSON pointer into `value`, parents before children.
fn pointers(value: &Value, at: String, out: &mut Vec<String>) {
    let children: Vec<(String, &Value)> = match value {
        Value::Object(map) => map.iter().map(|(k, v)| (format!("{at}/{k}"), v)).collect(),
        Value::Array(items) => items
            .iter()
            .enumerate()
            .map(|(i, v)| (format!("{at}/{i}"), v))
            .collect(),
        _ => Vec::new(),
    };
    out.push(at);
    for (pointer, child) in children {
        pointers(child, pointer, out);
    }
}

pub fn all_pointers(value: &Value) -> Vec<String> {
    let mut out = Vec::new();
    pointers(value, String::new(), &mut out);
    out
}

/// Values of every JSON type, plus numbers no content field can hold.
pub fn replacement(kind: usize) -> Value {
    match kind % 9 {
        0 => Value::Null,
        1 => json!(true),
        2 => json!(-1),
        3 => json!(u64::MAX),
        4 => json!(2.5),
        5 => json!("text"),
        6 => json!(""),
        7 => json!([1, "a", null]),
        _ => json!({"type": "paragraph", "level": 9}),
    }
}

pub fn same_type(a: &Value, b: &Value) -> bool {
    std::mem::discriminant(a) == std::mem::discriminant(b)
}
