//! Where each content file lives, relative to the content base URL. One place, so the app,
//! the index builder and the checks cannot disagree.

/// Articles per listing page (home and category listings).
pub const PAGE_SIZE: usize = 12;

pub fn site() -> String {
    "site.json".to_string()
}

pub fn article(slug: &str) -> String {
    format!("articles/{slug}.json")
}

/// Page `page` (from 1) of every article, newest first.
pub fn listing(page: u32) -> String {
    format!("pages/{page}.json")
}

/// Page `page` (from 1) of one category's articles, newest first.
pub fn category_listing(category_slug: &str, page: u32) -> String {
    format!("categories/{category_slug}/{page}.json")
}

/// Slugs become URL path segments and file names, so only lowercase ASCII letters, digits and
/// single inner hyphens are allowed: nothing that could climb out of a folder or need escaping.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 200
        && slug
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_paths() {
        assert_eq!(article("a-b"), "articles/a-b.json");
        assert_eq!(listing(2), "pages/2.json");
        assert_eq!(
            category_listing("justice-system", 1),
            "categories/justice-system/1.json"
        );
    }

    #[test]
    fn slugs_that_could_escape_or_need_escaping_are_refused() {
        assert!(is_valid_slug(
            "us-and-philippines-conclude-child-protection-compact-partnership"
        ));
        assert!(is_valid_slug("2-traffickers-convicted"));
        for bad in [
            "", "..", "../site", "a/b", "A", "a b", "-a", "a-", "a--b", "é", "a.json", "a%2e",
        ] {
            assert!(!is_valid_slug(bad), "{bad:?} should be refused");
        }
    }
}
