use super::*;

/// A crate on disk from `(path, text)` pairs, in a folder removed when the test ends.
fn crate_of(files: &[(&str, &str)]) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    for (path, text) in files {
        let file = dir.path().join(path);
        std::fs::create_dir_all(file.parent().unwrap()).unwrap();
        std::fs::write(file, text).unwrap();
    }
    let root = dir.path().join("src/lib.rs");
    (dir, root)
}

fn circles(files: &[(&str, &str)]) -> Vec<Vec<(String, String)>> {
    let (_dir, root) = crate_of(files);
    let graph = read_crate(&root).unwrap();
    cycles(&graph)
        .into_iter()
        .map(|cycle| cycle.into_iter().map(|i| (i.from, i.to)).collect())
        .collect()
}

fn pair(from: &str, to: &str) -> (String, String) {
    (from.to_string(), to.to_string())
}

#[test]
fn two_siblings_importing_each_other_are_a_circle() {
    let found = circles(&[
        ("src/lib.rs", "mod a;\nmod b;\n"),
        ("src/a.rs", "use crate::b::helper;\npub struct Shared;\n"),
        ("src/b.rs", "use super::a::Shared;\npub fn helper() {}\n"),
    ]);
    assert_eq!(
        found,
        vec![vec![
            pair("crate::a", "crate::b"),
            pair("crate::b", "crate::a")
        ]]
    );
}

#[test]
fn the_shared_part_moved_down_leaves_no_circle() {
    let found = circles(&[
        ("src/lib.rs", "mod a;\nmod b;\nmod shared;\n"),
        (
            "src/a.rs",
            "use crate::shared::Shared;\nuse crate::b::helper;\n",
        ),
        (
            "src/b.rs",
            "use super::shared::Shared;\npub fn helper() {}\n",
        ),
        ("src/shared.rs", "pub struct Shared;\n"),
    ]);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_circle_through_three_modules_inline_paths_and_macros_is_found() {
    let found = circles(&[
        ("src/lib.rs", "mod v;\n"),
        ("src/v/mod.rs", "mod a;\nmod b;\nmod c;\n"),
        // Through a plain path in code.
        ("src/v/a.rs", "fn f() { self::super::b::g(); }\n"),
        // Through a path inside a macro call.
        (
            "src/v/b.rs",
            "pub fn g() { println!(\"{}\", crate::v::c::NAME); }\n",
        ),
        // Through a grouped use.
        (
            "src/v/c.rs",
            "use crate::{v::{a::{self}}};\npub const NAME: &str = \"\";\n",
        ),
    ]);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].len(), 3, "{found:?}");
}

#[test]
fn comments_strings_other_crates_and_bare_child_names_are_not_imports() {
    let found = circles(&[
        ("src/lib.rs", "mod a;\nuse a::Thing;\nfn f() { a::go() }\n"),
        (
            "src/a.rs",
            "// crate::a\n/// [`crate::Thing`]\nuse ::crate_b::x;\nconst S: &str = \"super::f\";\n\
             pub struct Thing;\npub fn go() { super::f() }\n",
        ),
    ]);
    // a imports the root; the root reaching its child `a` by name is the tree, not an import.
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_module_and_its_inline_tests_module_resolve_super_from_inside() {
    let (_dir, root) = crate_of(&[
        ("src/lib.rs", "mod a;\n"),
        (
            "src/a.rs",
            "fn f() {}\n#[cfg(test)]\nmod tests {\n    use super::f;\n}\n",
        ),
    ]);
    let graph = read_crate(&root).unwrap();
    assert!(graph.modules.contains("crate::a::tests"));
    let import = &graph.imports[0];
    assert_eq!(
        (import.from.as_str(), import.to.as_str(), import.line),
        ("crate::a::tests", "crate::a", 4)
    );
}

#[test]
fn a_missing_module_file_is_an_error_naming_it() {
    let (_dir, root) = crate_of(&[("src/lib.rs", "mod gone;\n")]);
    let error = read_crate(&root).unwrap_err();
    assert!(error.contains("mod gone;"), "{error}");
}
