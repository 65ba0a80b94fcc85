//! A validator for exactly the part of JSON Schema (draft 2020-12) that the content schemas
//! use. Any other keyword stops the test, so a schema can never lean on a rule that this
//! validator silently skips. Regular expressions are not interpreted: each `pattern` the
//! schemas use has a hand-written matcher below, and an unknown pattern stops the test too.

use serde_json::Value;

/// Keywords that only describe and never constrain.
const ANNOTATIONS: [&str; 6] = [
    "$schema",
    "title",
    "description",
    "examples",
    "default",
    "$defs",
];

/// Every way `value` breaks `schema`, as "path: what" lines. `root` resolves `$ref`s.
pub fn errors(root: &Value, value: &Value) -> Vec<String> {
    let mut found = Vec::new();
    check(root, root, value, ".", &mut found);
    found
}

pub fn resolve<'a>(root: &'a Value, reference: &str) -> &'a Value {
    let name = reference
        .strip_prefix("#/$defs/")
        .unwrap_or_else(|| panic!("only local $defs references are supported: {reference}"));
    root.get("$defs")
        .and_then(|defs| defs.get(name))
        .unwrap_or_else(|| panic!("no $defs entry {name}"))
}

fn check(root: &Value, schema: &Value, value: &Value, path: &str, found: &mut Vec<String>) {
    let keywords = schema
        .as_object()
        .unwrap_or_else(|| panic!("a schema must be an object at {path}"));
    for (keyword, argument) in keywords {
        let mut fail = |what: String| found.push(format!("{path}: {what}"));
        match keyword.as_str() {
            "$ref" => check(root, resolve(root, text(argument)), value, path, found),
            "type" => {
                let allowed: Vec<&str> = match argument {
                    Value::Array(types) => types.iter().map(text).collect(),
                    single => vec![text(single)],
                };
                if !allowed.iter().any(|name| has_type(value, name)) {
                    fail(format!("is not of type {allowed:?}"));
                }
            }
            "enum" => {
                if !list(argument).contains(value) {
                    fail(format!("{value} is not one of {argument}"));
                }
            }
            "const" => {
                if value != argument {
                    fail(format!("{value} is not {argument}"));
                }
            }
            "required" => {
                if let Value::Object(object) = value {
                    for field in list(argument).iter().map(text) {
                        if !object.contains_key(field) {
                            fail(format!("missing required field {field}"));
                        }
                    }
                }
            }
            "properties" => {
                if let (Value::Object(object), Value::Object(properties)) = (value, argument) {
                    for (field, sub_schema) in properties {
                        if let Some(sub_value) = object.get(field) {
                            let sub_path = join(path, field);
                            check(root, sub_schema, sub_value, &sub_path, found);
                        }
                    }
                }
            }
            "items" => {
                for (index, item) in value.as_array().into_iter().flatten().enumerate() {
                    let sub_path = format!("{}[{index}]", path.trim_end_matches('.'));
                    check(root, argument, item, &sub_path, found);
                }
            }
            "maxItems" => {
                if value
                    .as_array()
                    .is_some_and(|items| items.len() as u64 > number(argument))
                {
                    fail(format!("has more than {argument} items"));
                }
            }
            "minimum" | "maximum" => {
                if let Some(actual) = value.as_f64() {
                    let bound = argument.as_f64().expect("numeric bound");
                    let broken = if keyword == "minimum" {
                        actual < bound
                    } else {
                        actual > bound
                    };
                    if broken {
                        fail(format!("{value} is outside the {keyword} {argument}"));
                    }
                }
            }
            "maxLength" => {
                if value
                    .as_str()
                    .is_some_and(|s| s.chars().count() as u64 > number(argument))
                {
                    fail(format!("is longer than {argument} characters"));
                }
            }
            "pattern" => {
                if let Some(s) = value.as_str() {
                    if !matches_pattern(text(argument), s) {
                        fail(format!("{value} does not match {argument}"));
                    }
                }
            }
            "anyOf" | "oneOf" | "allOf" => {
                let branches = list(argument);
                let passing = branches
                    .iter()
                    .filter(|branch| {
                        let mut ignored = Vec::new();
                        check(root, branch, value, path, &mut ignored);
                        ignored.is_empty()
                    })
                    .count();
                let ok = match keyword.as_str() {
                    "anyOf" => passing >= 1,
                    "oneOf" => passing == 1,
                    _ => passing == branches.len(),
                };
                if !ok {
                    fail(format!(
                        "{passing} of {} {keyword} branches match",
                        branches.len()
                    ));
                }
            }
            other if ANNOTATIONS.contains(&other) => {}
            other => panic!("keyword {other:?} at {path} is not supported by this validator"),
        }
    }
}

fn join(path: &str, field: &str) -> String {
    if path == "." {
        field.to_string()
    } else {
        format!("{path}.{field}")
    }
}

fn has_type(value: &Value, name: &str) -> bool {
    match name {
        "object" => value.is_object(),
        "array" => value.is_array(),
        "string" => value.is_string(),
        "boolean" => value.is_boolean(),
        "null" => value.is_null(),
        "number" => value.is_number(),
        // JSON Schema counts 2.0 as an integer; serde does not, and neither do our files.
        "integer" => value.is_i64() || value.is_u64(),
        other => panic!("unknown type {other:?}"),
    }
}

fn text(value: &Value) -> &str {
    value.as_str().expect("a string in the schema")
}

fn list(value: &Value) -> &Vec<Value> {
    value.as_array().expect("an array in the schema")
}

fn number(value: &Value) -> u64 {
    value
        .as_u64()
        .expect("a non-negative integer in the schema")
}

/// What JavaScript's `.` refuses: the schemas are read by editors' tools, which use
/// ECMAScript regular expressions.
fn is_line_terminator(c: char) -> bool {
    matches!(c, '\n' | '\r' | '\u{2028}' | '\u{2029}')
}

/// ECMAScript's `\s`.
pub fn is_js_space(c: char) -> bool {
    matches!(
        c,
        '\t' | '\n' | '\u{b}' | '\u{c}' | '\r' | ' ' | '\u{a0}' | '\u{1680}' | '\u{2000}'
            ..='\u{200a}'
                | '\u{2028}'
                | '\u{2029}'
                | '\u{202f}'
                | '\u{205f}'
                | '\u{3000}'
                | '\u{feff}'
    )
}

pub const SLUG_PATTERN: &str = "^[a-z0-9]+(-[a-z0-9]+)*$";
pub const DATE_PATTERN: &str = "^[0-9]{4}-[0-9]{2}-[0-9]{2}([Tt].*)?$";
pub const TEXT_PATTERN: &str = "\\S";
pub const BASE_URL_PATTERN: &str = "^[Hh][Tt][Tt][Pp][Ss]?://.*[^/]$";

/// The meaning of each pattern the schemas use, written out by hand.
pub fn matches_pattern(pattern: &str, s: &str) -> bool {
    match pattern {
        SLUG_PATTERN => {
            let alnum = |c: char| c.is_ascii_lowercase() || c.is_ascii_digit();
            s.split('-')
                .all(|run| !run.is_empty() && run.chars().all(alnum))
        }
        DATE_PATTERN => {
            let digit_at = |i: usize| s.as_bytes().get(i).is_some_and(u8::is_ascii_digit);
            let shape = [0, 1, 2, 3, 5, 6, 8, 9].into_iter().all(digit_at)
                && s.as_bytes().get(4) == Some(&b'-')
                && s.as_bytes().get(7) == Some(&b'-');
            let rest = s.get(10..).unwrap_or("x");
            let mut chars = rest.chars();
            shape
                && match chars.next() {
                    None => true,
                    Some('T' | 't') => !chars.any(is_line_terminator),
                    Some(_) => false,
                }
        }
        TEXT_PATTERN => s.chars().any(|c| !is_js_space(c)),
        BASE_URL_PATTERN => {
            let lower = s.to_ascii_lowercase();
            let rest = lower
                .strip_prefix("https://")
                .or_else(|| lower.strip_prefix("http://"));
            rest.is_some_and(|rest| {
                !rest.chars().any(is_line_terminator)
                    && rest.chars().last().is_some_and(|last| last != '/')
            })
        }
        other => panic!("pattern {other:?} has no matcher in this validator"),
    }
}
