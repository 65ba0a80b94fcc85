use super::*;
use std::path::PathBuf;

fn fixture() -> String {
    let file = workspace_root().join("tests/import-fixtures/wordpress-posts.json");
    fs::read_to_string(file).unwrap()
}

/// A content folder not written yet, inside a temp folder removed on drop.
struct Scratch(PathBuf, #[allow(dead_code)] tempfile::TempDir);

impl Scratch {
    fn new(name: &str) -> Scratch {
        let folder = tempfile::tempdir().unwrap();
        Scratch(folder.path().join(name), folder)
    }
}

/// The files under `dir`, as `/`-separated paths relative to it.
fn files_under(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(Result::unwrap)
        .filter(|entry| entry.file_type().is_file())
        .map(|entry| {
            let relative = entry.path().strip_prefix(dir).unwrap();
            let parts: Vec<_> = relative.iter().map(|part| part.to_string_lossy()).collect();
            parts.join("/")
        })
        .collect()
}

#[test]
fn the_wordpress_fixture_imports_into_exactly_the_committed_content() {
    let scratch = Scratch::new("golden");
    let summary = import_into("wordpress", &fixture(), &scratch.0).unwrap();
    assert!(summary.check.is_clean(), "{}", summary.check);
    assert_eq!(
        summary.written,
        [
            "articles/harbour-clean-up-what-we-found.json",
            "articles/cafe-opens-by-the-pier.json"
        ]
    );
    let blocks: Vec<(&str, usize)> = summary.blocks.iter().map(|(k, v)| (*k, *v)).collect();
    assert_eq!(
        blocks,
        [
            ("heading", 2),
            ("image", 2),
            ("list", 1),
            ("paragraph", 5),
            ("quote", 2)
        ]
    );
    assert_eq!(
        summary.warnings[..3],
        [
            "post \"draft-post\": not imported: its status is \"draft\", not \"publish\"",
            "post \"harbour-clean-up-what-we-found\": dropped embed, 2 × empty paragraph, link \
             with a refused address (text kept), nested list (flattened), script, shortcode \
             [gallery]",
            "post \"caf%c3%a9-opens-by-the-pier\": dropped empty paragraph, shortcode \
             [contact-form-7], style",
        ]
    );
    assert!(summary.warnings[3].contains("had no site.json"));

    let committed = workspace_root().join("tests/content-fixtures/imported");
    let (mut expected, mut actual) = (files_under(&committed), files_under(&scratch.0));
    expected.retain(|file| file != "expected-report.txt");
    expected.sort();
    actual.sort();
    assert_eq!(actual, expected);
    for file in actual {
        let made = fs::read_to_string(scratch.0.join(&file)).unwrap();
        let kept = fs::read_to_string(committed.join(&file)).unwrap();
        assert_eq!(
            made, kept,
            "{file} differs from tests/content-fixtures/imported/{file}"
        );
    }
}

#[test]
fn an_import_never_overwrites_an_article_an_editor_changed() {
    let scratch = Scratch::new("overwrite");
    import_into("wordpress", &fixture(), &scratch.0).unwrap();
    // Importing the same export again changes nothing and succeeds.
    import_into("wordpress", &fixture(), &scratch.0).unwrap();
    let edited = scratch.0.join("articles/cafe-opens-by-the-pier.json");
    fs::write(&edited, "{\"edited\": true}").unwrap();
    let error = import_into("wordpress", &fixture(), &scratch.0)
        .err()
        .unwrap();
    assert!(
        error.contains("already exists with other content"),
        "{error}"
    );
    assert_eq!(fs::read_to_string(&edited).unwrap(), "{\"edited\": true}");
}

#[test]
fn bad_exports_and_unknown_systems_are_clear_errors() {
    let scratch = Scratch::new("bad");
    let error = import_into("ghost", "[]", &scratch.0).err().unwrap();
    assert_eq!(error, "unknown CMS \"ghost\"");
    let error = import_into("wordpress", "{\"posts\": []}", &scratch.0)
        .err()
        .unwrap();
    assert!(error.contains("expected an array of posts"), "{error}");
    let error = import_into("wordpress", "<html>", &scratch.0)
        .err()
        .unwrap();
    assert!(error.starts_with("not JSON"), "{error}");
    assert!(!scratch.0.exists(), "nothing written for a bad export");
}
