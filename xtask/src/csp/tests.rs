use super::*;

/// As Trunk's minifier writes it: no `<head>` tag, the loader among the head's elements.
const BUILT: &str = "<!doctype html><html lang=en><meta charset=utf-8><title>T</title>\
<meta content=/content/ name=newsroom-content-base>\
<script type=module>import init from '/app-1.js';await init('/app-1_bg.wasm')</script>\
<link rel=modulepreload href=/app-1.js integrity=sha384-abc></head>\
<body><script src=/other.js></script></body></html>";

#[test]
fn hashes_each_inline_script_exactly_and_skips_external_ones() {
    let hashes = inline_script_hashes(BUILT).unwrap();
    let expected = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(
        "import init from '/app-1.js';await init('/app-1_bg.wasm')",
    ));
    assert_eq!(hashes, vec![format!("sha256-{expected}")]);
    // The digest of "" is a well-known value: checks the encoding end to end.
    assert_eq!(
        inline_script_hashes("<script></script>").unwrap(),
        vec!["sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=".to_string()]
    );
}

#[test]
fn the_policy_allows_no_inline_or_eval_script() {
    let policy = policy(&["sha256-x".to_string()], &[], &[]);
    assert!(policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-x';"));
    assert!(!policy.contains("unsafe-inline"));
    assert!(!policy.contains("'unsafe-eval'"));
    assert!(policy.contains("object-src 'none'"));
    assert!(policy.contains("connect-src 'self';"));
}

#[test]
fn writes_the_policy_after_the_charset_once_however_often_it_runs() {
    let folder = tempfile::tempdir().unwrap();
    let dist = folder.path();
    std::fs::write(dist.join("index.html"), BUILT).unwrap();
    apply(dist).unwrap();
    let policy = apply(dist).unwrap();
    let html = std::fs::read_to_string(dist.join("index.html")).unwrap();
    assert_eq!(html.matches(MARKER).count(), 1);
    assert!(html.contains(&format!(
        "<meta charset=utf-8>{MARKER} content=\"{policy}\"><title>"
    )));
}

#[test]
fn without_a_charset_the_policy_goes_first_in_the_head() {
    assert_eq!(
        with_first_in_head("<!doctype html><html lang=en><head><title>T</title>", "<P>").as_deref(),
        Some("<!doctype html><html lang=en><head><P><title>T</title>")
    );
    assert_eq!(
        with_first_in_head("<html><title>T</title>", "<P>").as_deref(),
        Some("<html><P><title>T</title>")
    );
    // A script before the charset would run before the policy: never after it.
    assert_eq!(
        with_first_in_head("<script>x</script><meta charset=utf-8>", "<P>"),
        None
    );
}

#[test]
fn absolute_content_and_endpoint_addresses_extend_connect_src() {
    assert_eq!(
        origin_of("https://cms.example.org/export/"),
        Some("https://cms.example.org".to_string())
    );
    assert_eq!(
        origin_of("HTTP://localhost:8081/api/newsletter"),
        Some("http://localhost:8081".to_string())
    );
    assert_eq!(origin_of("/content/"), None);
    assert_eq!(
        origin_of("//api.example.org/newsletter").as_deref(),
        Some("api.example.org")
    );
    assert_eq!(
        origin_of("//API.example.org:8443").as_deref(),
        Some("api.example.org:8443")
    );
    assert_eq!(origin_of("//"), None);
    assert_eq!(origin_of("//evil.example;script-src *"), None);
    assert_eq!(origin_of("javascript://x"), None);
    let html = "<head><meta name=\"newsroom-content-base\" content=\"https://cms.example.org/c/\">";
    let dist = Path::new("/no/such/dist");
    if std::env::var_os("NEWSROOM_CONTENT_BASE").is_none() {
        assert_eq!(
            extra_connect_origins(dist, html),
            vec!["https://cms.example.org".to_string()]
        );
    }
}
