//! The seed: the article page as a reader sees it, flattened to text. Our page must show it all.

pub const SEED_SLUG: &str = "us-and-philippines-conclude-child-protection-compact-partnership";
pub const SEED_TITLE: &str = "U.S. and Philippines conclude Child Protection Compact Partnership";

const SEED_PAGE: &str = include_str!("../fixtures/seed-page.txt");

/// The seed's lines, adjusted where flattening glued or prefixed them, with the footer's
/// copyright range ending in `current_year`.
pub fn expected_lines(current_year: i32) -> Vec<String> {
    SEED_PAGE
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .flat_map(|line| {
            if line == "Thu Apr 29 20213 min read" {
                // Two elements side by side: the date and the reading time.
                vec!["Thu Apr 29 2021".to_string(), "3 min read".to_string()]
            } else if let Some(caption) = line.strip_prefix("Image ") {
                // "Image" was the flattened picture; the caption follows it.
                vec![caption.to_string()]
            } else if line.starts_with("© 1997 - ") {
                vec![format!(
                    "© 1997 - {current_year} International Justice Mission"
                )]
            } else {
                vec![line.to_string()]
            }
        })
        .collect()
}

/// The lines of the seed that `page_text` lacks.
pub fn missing_seed_lines(page_text: &str) -> Vec<String> {
    expected_lines(current_year())
        .into_iter()
        .filter(|line| !page_text.contains(line.as_str()))
        .collect()
}

/// This year (UTC), counted from the system clock.
pub fn current_year() -> i32 {
    newsroom_core::date::this_year_utc()
}
