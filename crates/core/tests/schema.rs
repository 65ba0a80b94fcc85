//! Keeps the JSON Schemas under `public/content/schema/` in step with the Rust content model.
//!
//! Editors' tools validate against the schemas, while the app and the checks parse with the
//! Rust types, so the two must describe the same files. Documents generated from each schema
//! are fed to `model::parse`: the required fields must be exactly the ones serde requires,
//! and the properties exactly the fields the types have. A field added on one side only
//! fails here. The sample content must also pass the schemas.

#[path = "schema/definitions.rs"]
mod definitions;
#[path = "schema/generate.rs"]
mod generate;
#[path = "schema/validator.rs"]
mod validator;

use generate::{generate, Size};
use newsroom_core::model::{self, Article, ContentError, ListingPage, Site};
use serde::de::DeserializeOwned;
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

fn repository(relative: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .join(relative)
}

fn schema(name: &str) -> Value {
    let file = repository("public/content/schema").join(format!("{name}.schema.json"));
    serde_json::from_str(&fs::read_to_string(&file).unwrap()).unwrap()
}

/// The schemas, each with the parser for the files it describes: the parsed document
/// serialized back, so keys can be compared with the schema's.
type Parser = fn(&str) -> Result<Value, ContentError>;

fn typed<T: DeserializeOwned + Serialize>(json: &str) -> Result<Value, ContentError> {
    let parsed: T = model::parse("generated.json", json)?;
    Ok(serde_json::to_value(parsed).unwrap())
}

const KINDS: [(&str, Parser); 3] = [
    ("article", typed::<Article>),
    ("site", typed::<Site>),
    ("listing", typed::<ListingPage>),
];

/// How many body block types the article schema offers; the block tests walk every one.
fn block_branches(article: &Value) -> usize {
    article["$defs"]["Block"]["oneOf"].as_array().unwrap().len()
}

fn branches_of(kind: &str, root: &Value) -> usize {
    if kind == "article" {
        block_branches(root)
    } else {
        1
    }
}

/// Which schema a content file follows, by where it sits.
fn schema_for(relative: &str) -> &'static str {
    match relative.split('/').next() {
        Some("articles") => "article",
        Some("pages" | "categories") => "listing",
        _ => "site",
    }
}

fn content_files(dir: &Path, relative: &str, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir.join(relative)).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().to_string_lossy().into_owned();
        let child = if relative.is_empty() {
            name.clone()
        } else {
            format!("{relative}/{name}")
        };
        if entry.path().is_dir() && name != "schema" {
            content_files(dir, &child, out);
        } else if name.ends_with(".json") {
            out.push(child);
        }
    }
}

#[test]
fn every_sample_and_valid_fixture_file_passes_its_schema() {
    let mut checked = 0;
    for folder in [
        "public/content",
        "tests/content-fixtures/stale-listings",
        "tests/content-fixtures/imported",
    ] {
        let dir = repository(folder);
        let mut files = Vec::new();
        content_files(&dir, "", &mut files);
        for file in files {
            let root = schema(schema_for(&file));
            let value: Value = serde_json::from_slice(&fs::read(dir.join(&file)).unwrap()).unwrap();
            let errors = validator::errors(&root, &value);
            assert!(errors.is_empty(), "{folder}/{file}: {errors:#?}");
            checked += 1;
        }
    }
    assert!(checked > 20, "only {checked} files found");
}

#[test]
fn files_the_parser_refuses_are_refused_by_the_schema_too() {
    let dir = repository("tests/content-fixtures/broken");
    let mut files = Vec::new();
    content_files(&dir, "", &mut files);
    let mut refused = 0;
    for file in files {
        let Ok(value) = serde_json::from_slice::<Value>(&fs::read(dir.join(&file)).unwrap()) else {
            continue;
        };
        let kind = schema_for(&file);
        let parser = KINDS.iter().find(|(name, _)| *name == kind).unwrap().1;
        if parser(&value.to_string()).is_err() {
            let errors = validator::errors(&schema(kind), &value);
            assert!(
                !errors.is_empty(),
                "{file} parses badly but passes the schema"
            );
            refused += 1;
        }
    }
    assert!(
        refused >= 2,
        "the fixture should hold files of the wrong shape"
    );
}

#[test]
fn the_smallest_documents_parse_and_lose_exactly_their_required_fields() {
    for (kind, parse) in KINDS {
        let root = schema(kind);
        for branch in 0..branches_of(kind, &root) {
            let generated = generate(&root, &root, Size::Smallest, branch);
            let json = generated.document.to_string();
            if let Err(error) = parse(&json) {
                panic!("{kind}: the schema's required fields are not enough: {error}\n{json}");
            }
            assert!(
                validator::errors(&root, &generated.document).is_empty(),
                "{json}"
            );
            for field in &generated.required {
                let mut document = generated.document.clone();
                let holder = document.pointer_mut(&field.pointer).unwrap();
                holder.as_object_mut().unwrap().remove(&field.name);
                let error = parse(&document.to_string()).err().unwrap_or_else(|| {
                    panic!(
                        "{kind}: {} is required by the schema at {} but not by the types",
                        field.name, field.object_path
                    )
                });
                let missing = format!("missing field `{}`", field.name);
                assert!(error.message.starts_with(&missing), "{kind}: {error}");
                assert_eq!(error.path, field.object_path, "{kind}: {error}");
            }
        }
    }
}

/// Every key of `generated` must be in `round_trip` and the other way round, at every level:
/// the schema's properties against the fields the types serialize.
fn same_keys(generated: &Value, round_trip: &Value, path: &str) {
    match (generated, round_trip) {
        (Value::Object(a), Value::Object(b)) => {
            let a_keys: BTreeSet<&String> = a.keys().collect();
            let b_keys: BTreeSet<&String> = b.keys().collect();
            assert_eq!(a_keys, b_keys, "schema properties vs type fields at {path}");
            for (key, value) in a {
                same_keys(value, &b[key], &format!("{path}.{key}"));
            }
        }
        (Value::Array(a), Value::Array(b)) => {
            assert_eq!(a.len(), b.len(), "at {path}");
            for (index, (x, y)) in a.iter().zip(b).enumerate() {
                same_keys(x, y, &format!("{path}[{index}]"));
            }
        }
        _ => {}
    }
}

#[test]
fn the_largest_documents_have_exactly_the_fields_of_the_types() {
    for (kind, parse) in KINDS {
        let root = schema(kind);
        let mut document = generate(&root, &root, Size::Largest, 0).document;
        if kind == "article" {
            let blocks: Vec<Value> = (0..block_branches(&root))
                .map(|branch| {
                    let block = &root["$defs"]["Block"];
                    generate(&root, block, Size::Largest, branch).document
                })
                .collect();
            document["body"] = Value::Array(blocks);
        }
        assert!(validator::errors(&root, &document).is_empty(), "{document}");
        let round_trip = parse(&document.to_string()).unwrap_or_else(|e| panic!("{kind}: {e}"));
        same_keys(&document, &round_trip, kind);
        assert_eq!(
            document, round_trip,
            "{kind}: values change in a round trip"
        );
    }
}
