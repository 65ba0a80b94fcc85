use super::*;

#[test]
fn values_are_percent_encoded_outside_the_unreserved_set() {
    assert_eq!(percent_encode("a-b_c.d~e"), "a-b_c.d~e");
    assert_eq!(
        percent_encode("https://x.org/a?b=1&c"),
        "https%3A%2F%2Fx.org%2Fa%3Fb%3D1%26c"
    );
    assert_eq!(
        percent_encode("U.S. & “PH”"),
        "U.S.%20%26%20%E2%80%9CPH%E2%80%9D"
    );
}

#[test]
fn every_link_carries_the_encoded_url_and_the_title_where_it_has_a_place() {
    let url = "https://newsroom.example.org/articles/a-b";
    let links = share_links(url, "A & B");
    let names: Vec<&str> = links.iter().map(|link| link.name).collect();
    assert_eq!(names, ["Facebook", "X", "LinkedIn", "WhatsApp", "Email"]);
    let encoded = "https%3A%2F%2Fnewsroom.example.org%2Farticles%2Fa-b";
    for link in &links {
        assert!(link.href.contains(encoded), "{link:?}");
        assert!(!link.href.contains(url), "{link:?} has the raw URL");
    }
    assert_eq!(
        links[1].href,
        format!("https://x.com/intent/post?url={encoded}&text=A%20%26%20B")
    );
    assert_eq!(
        links[3].href,
        format!("https://wa.me/?text=A%20%26%20B%20{encoded}")
    );
    assert_eq!(
        links[4].href,
        format!("mailto:?subject=A%20%26%20B&body={encoded}")
    );
}

#[test]
fn the_canonical_url_needs_a_base() {
    assert_eq!(
        canonical_url(Some("https://a.org/"), "/articles/x").as_deref(),
        Some("https://a.org/articles/x")
    );
    assert_eq!(canonical_url(None, "/articles/x"), None);
    assert_eq!(canonical_url(Some(" "), "/articles/x"), None);
}
