//! Documents built from a schema alone, to hold the Rust types against it: the smallest
//! document the schema allows (required fields only) and the largest (every property).

use super::validator::resolve;
use serde_json::{Map, Value};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// Required fields only; arrays get one item so the items' required fields are covered.
    Smallest,
    /// Every property, never `null` where something else is allowed.
    Largest,
}

/// A required field of the generated document: where its object is, and its name.
pub struct RequiredField {
    /// JSON path of the object holding the field, as the parser names it (`.` for the root).
    pub object_path: String,
    /// The same location as a JSON pointer, to find the object in a copy of the document.
    pub pointer: String,
    pub name: String,
}

pub struct Generated {
    pub document: Value,
    pub required: Vec<RequiredField>,
}

/// Builds a document from `schema` (inside `root`). `branch` picks the alternative wherever
/// the schema offers `oneOf`; `anyOf` always takes its first non-null alternative.
pub fn generate(root: &Value, schema: &Value, size: Size, branch: usize) -> Generated {
    let mut required = Vec::new();
    let document = value(root, schema, size, branch, (".", ""), &mut required);
    Generated { document, required }
}

fn value(
    root: &Value,
    schema: &Value,
    size: Size,
    branch: usize,
    at: (&str, &str),
    required: &mut Vec<RequiredField>,
) -> Value {
    let merged = flatten(root, schema, branch);
    if let Some(constant) = merged.get("const") {
        return constant.clone();
    }
    if let Some(first) = merged.get("enum").and_then(|values| values.get(0)) {
        return first.clone();
    }
    if let Some(example) = merged.get("examples").and_then(|values| values.get(0)) {
        return example.clone();
    }
    let kind = match merged.get("type") {
        Some(Value::Array(types)) => types
            .iter()
            .filter_map(Value::as_str)
            .find(|name| *name != "null")
            .unwrap_or("null"),
        Some(Value::String(name)) => name.as_str(),
        _ => panic!("no type to generate at {}", at.0),
    };
    match kind {
        "object" => object(root, &merged, size, branch, at, required),
        "array" => {
            let item_schema = merged.get("items").expect("arrays declare their items");
            let item_path = format!("{}[0]", at.0.trim_start_matches('.'));
            let item_pointer = format!("{}/0", at.1);
            let item = value(
                root,
                item_schema,
                size,
                branch,
                (&item_path, &item_pointer),
                required,
            );
            Value::Array(vec![item])
        }
        "string" => Value::from("Text"),
        "integer" => merged.get("minimum").cloned().unwrap_or(Value::from(1)),
        "boolean" => Value::Bool(size == Size::Largest),
        "null" => Value::Null,
        other => panic!("cannot generate type {other}"),
    }
}

fn object(
    root: &Value,
    merged: &Map<String, Value>,
    size: Size,
    branch: usize,
    at: (&str, &str),
    required: &mut Vec<RequiredField>,
) -> Value {
    let names: Vec<&str> = merged
        .get("required")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let mut out = Map::new();
    let properties = merged.get("properties").and_then(Value::as_object);
    for (name, sub_schema) in properties.into_iter().flatten() {
        let is_required = names.contains(&name.as_str());
        if !is_required && size == Size::Smallest {
            continue;
        }
        if is_required {
            required.push(RequiredField {
                object_path: at.0.to_string(),
                pointer: at.1.to_string(),
                name: name.clone(),
            });
        }
        let sub_path = match at.0 {
            "." => name.clone(),
            parent => format!("{parent}.{name}"),
        };
        let sub_pointer = format!("{}/{name}", at.1);
        let sub = value(
            root,
            sub_schema,
            size,
            branch,
            (&sub_path, &sub_pointer),
            required,
        );
        out.insert(name.clone(), sub);
    }
    for name in names {
        assert!(out.contains_key(name), "required {name} is not a property");
    }
    Value::Object(out)
}

/// One schema object with `$ref`, `allOf`, the chosen `oneOf` branch and the first non-null
/// `anyOf` branch folded in. Later `properties` and `required` add to earlier ones.
pub fn flatten(root: &Value, schema: &Value, branch: usize) -> Map<String, Value> {
    let mut merged = Map::new();
    let mut parts: Vec<&Value> = vec![schema];
    while let Some(part) = parts.pop() {
        let object = part.as_object().expect("schema object");
        for (keyword, argument) in object {
            match keyword.as_str() {
                "$ref" => parts.push(resolve(root, argument.as_str().unwrap())),
                "allOf" => parts.extend(argument.as_array().unwrap()),
                "oneOf" => {
                    let branches = argument.as_array().unwrap();
                    parts.push(&branches[branch % branches.len()]);
                }
                "anyOf" => {
                    let branches = argument.as_array().unwrap();
                    let is_null = |b: &&Value| b.get("type") == Some(&Value::from("null"));
                    parts.push(branches.iter().find(|b| !is_null(b)).unwrap());
                }
                "properties" => {
                    let target = merged
                        .entry("properties")
                        .or_insert(Value::Object(Map::new()));
                    let target = target.as_object_mut().unwrap();
                    for (name, sub) in argument.as_object().unwrap() {
                        target.insert(name.clone(), sub.clone());
                    }
                }
                "required" => {
                    let target = merged.entry("required").or_insert(Value::Array(Vec::new()));
                    let target = target.as_array_mut().unwrap();
                    for name in argument.as_array().unwrap() {
                        if !target.contains(name) {
                            target.push(name.clone());
                        }
                    }
                }
                _ => {
                    merged.entry(keyword.clone()).or_insert(argument.clone());
                }
            }
        }
    }
    merged
}
