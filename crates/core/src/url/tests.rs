use super::*;

fn allowed_for_both(url: &str) -> bool {
    safe_url(url, UrlUse::Link).is_some() && safe_url(url, UrlUse::Image).is_some()
}

#[test]
fn web_urls_are_allowed_for_links_and_images() {
    for url in [
        "https://example.org/articles/a",
        "http://example.org",
        "HTTPS://EXAMPLE.ORG/Photo.JPG",
        "HtTp://example.org",
        "https://example.org/search?q=a:b#c",
        "https://example.org/a%20b",
        "https:example.org",
    ] {
        assert_eq!(safe_url(url, UrlUse::Link).as_deref(), Some(url), "{url:?}");
        assert_eq!(
            safe_url(url, UrlUse::Image).as_deref(),
            Some(url),
            "{url:?}"
        );
    }
}

#[test]
fn relative_urls_are_allowed_for_links_and_images() {
    for url in [
        "/articles/a",
        "./a",
        "../a",
        "#top",
        "?page=2",
        "images/photo.jpg",
        "photo.jpg",
        "//cdn.example/photo.jpg",
        "/search?q=x&y=z",
        "a/b:c",
        "/a b",
    ] {
        assert!(allowed_for_both(url), "{url:?}");
    }
}

#[test]
fn mail_links_are_allowed_but_not_as_images() {
    assert_eq!(
        safe_url("mailto:news@example.org", UrlUse::Link).as_deref(),
        Some("mailto:news@example.org")
    );
    assert_eq!(
        safe_url("MAILTO:news@example.org?subject=Hi", UrlUse::Link).as_deref(),
        Some("MAILTO:news@example.org?subject=Hi")
    );
    assert_eq!(safe_url("mailto:news@example.org", UrlUse::Image), None);
}

#[test]
fn phone_links_are_allowed_but_not_as_images() {
    assert_eq!(
        safe_url("tel:+63-2-8123-4567", UrlUse::Link).as_deref(),
        Some("tel:+63-2-8123-4567")
    );
    assert_eq!(safe_url("tel:+6328123", UrlUse::Image), None);
}

#[test]
fn surrounding_whitespace_is_trimmed_from_the_result() {
    assert_eq!(
        safe_url("  https://example.org/a \n", UrlUse::Link).as_deref(),
        Some("https://example.org/a")
    );
    assert_eq!(
        safe_url("\u{a0}/a\u{a0}", UrlUse::Image).as_deref(),
        Some("/a")
    );
}

#[test]
fn empty_urls_are_refused() {
    for url in ["", " ", "\t\n", "\u{0}"] {
        assert_eq!(safe_url(url, UrlUse::Link), None, "{url:?}");
        assert_eq!(safe_url(url, UrlUse::Image), None, "{url:?}");
    }
}

#[test]
fn hostile_urls_are_refused() {
    let hostile = [
        "javascript:alert(1)",
        "JaVaScRiPt:alert(1)",
        "JAVASCRIPT:alert(1)",
        " javascript:alert(1)",
        "\tjavascript:alert(1)",
        "\u{a0}javascript:alert(1)",
        "\u{1}\u{2}javascript:alert(1)",
        "\u{7f}javascript:alert(1)",
        "java\tscript:alert(1)",
        "java\nscript:alert(1)",
        "java\rscript:alert(1)",
        "java\u{0}script:alert(1)",
        "javascript\u{85}:alert(1)",
        "java script:alert(1)",
        "javascript :alert(1)",
        "java\u{200B}script:alert(1)",
        "\u{FEFF}javascript:alert(1)",
        "javascript&#58;alert(1)",
        "javascript&#x3A;alert(1)",
        "javascript&colon;alert(1)",
        "&#106;avascript:alert(1)",
        "&#x6A;avascript&#x3A;alert(1)",
        "%6Aavascript:alert(1)",
        "javascript://example.org/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
        "DATA:image/svg+xml,<svg onload=alert(1)>",
        "vbscript:msgbox(1)",
        "VBScript:msgbox(1)",
        "file:///etc/passwd",
        "blob:https://example.org/0f0f",
        "filesystem:https://example.org/temporary/x",
        "jar:http://example.org!/x",
        "intent://scan/#Intent;scheme=zxing;end",
        "ftp://example.org/file",
        "x-unknown:payload",
        ":javascript:alert(1)",
        "https\u{0}:example.org",
        "https://example.org/\u{0}x",
        "https://example.org/\nnext",
        "ｊａｖａｓｃｒｉｐｔ:alert(1)",
    ];
    assert!(hostile.len() >= 25);
    for url in hostile {
        assert_eq!(safe_url(url, UrlUse::Link), None, "link {url:?}");
        assert_eq!(safe_url(url, UrlUse::Image), None, "image {url:?}");
    }
}

/// These look like scripts but no URL parser reads a scheme in them: the colon is escaped,
/// full-width, or comes after the first "/", "?" or "#", so the browser resolves them as
/// paths, queries or fragments of this site.
#[test]
fn lookalikes_without_a_real_scheme_stay_relative() {
    for url in [
        "javascript%3Aalert(1)",
        "javascript：alert(1)",
        "/javascript:alert(1)",
        "./javascript:alert(1)",
        "?javascript:alert(1)",
        "#javascript:alert(1)",
        "/redirect?to=javascript:alert(1)",
    ] {
        assert!(allowed_for_both(url), "{url:?}");
    }
}
