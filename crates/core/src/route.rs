//! The app's pages and their addresses. Which view an address shows is leptos_router's route
//! table (`src/routes.rs`); this is the typed value a matched route becomes (page numbers
//! checked) and the one place addresses are built, so the app, the prerenderer and the feed
//! cannot disagree.

use crate::model::ListingPage;

/// A page of the site.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `/` and `/page/{page}`: every article, newest first.
    Home { page: u32 },
    /// `/articles/{slug}`.
    Article { slug: String },
    /// `/category/{slug}` and `/category/{slug}/page/{page}`.
    Category { slug: String, page: u32 },
    /// A matched address whose parameters cannot name a page (`/page/0`).
    NotFound,
}

impl Route {
    /// `/page/{page}` as the router matched it: a page that cannot exist is not found.
    pub fn home_page(page: &str) -> Route {
        page_number(page).map_or(Route::NotFound, |page| Route::Home { page })
    }

    pub fn article(slug: &str) -> Route {
        Route::Article {
            slug: slug.to_string(),
        }
    }

    /// `/category/{slug}/page/{page}` as the router matched it.
    pub fn category_page(slug: &str, page: &str) -> Route {
        page_number(page).map_or(Route::NotFound, |page| Route::Category {
            slug: slug.to_string(),
            page,
        })
    }

    /// The canonical address of the route (`/404` for a page that does not exist).
    pub fn path(&self) -> String {
        match self {
            Route::Home { page: 1 } => "/".to_string(),
            Route::Home { page } => format!("/page/{page}"),
            Route::Article { slug } => article_path(slug),
            Route::Category { slug, page: 1 } => format!("/category/{slug}"),
            Route::Category { slug, page } => format!("/category/{slug}/page/{page}"),
            Route::NotFound => "/404".to_string(),
        }
    }

    /// Page `page` of the listing `listing` belongs to (home or its category).
    pub fn of_listing(listing: &ListingPage, page: u32) -> Route {
        match &listing.category {
            Some(category) => Route::Category {
                slug: category.slug.clone(),
                page,
            },
            None => Route::Home { page },
        }
    }
}

pub fn article_path(slug: &str) -> String {
    format!("/articles/{slug}")
}

pub fn category_path(slug: &str) -> String {
    Route::Category {
        slug: slug.to_string(),
        page: 1,
    }
    .path()
}

/// A page number from an address: plain digits from 1 ("+2" or " 2" would be another address
/// for page 2, and `/page/0` cannot exist).
pub fn page_number(segment: &str) -> Option<u32> {
    if !segment.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    segment.parse().ok().filter(|&page| page >= 1)
}

/// The page numbers a pager shows for page `current` of `total`: the first, the last, and two
/// on each side of the current one, with `None` where numbers are left out; so a long listing
/// still has a short pager.
pub fn pager_numbers(current: u32, total: u32) -> Vec<Option<u32>> {
    let near = |number: u32| number == 1 || number == total || number.abs_diff(current) <= 2;
    let mut shown = Vec::new();
    for number in 1..=total {
        if near(number) {
            shown.push(Some(number));
        } else if shown.last() != Some(&None) {
            shown.push(None);
        }
    }
    shown
}

#[cfg(test)]
mod tests {
    use super::*;

    fn category(slug: &str, page: u32) -> Route {
        Route::Category {
            slug: slug.to_string(),
            page,
        }
    }

    #[test]
    fn matched_parameters_name_their_pages() {
        assert_eq!(Route::home_page("3"), Route::Home { page: 3 });
        assert_eq!(Route::article("a-b").path(), "/articles/a-b");
        assert_eq!(Route::category_page("news", "2"), category("news", 2));
    }

    #[test]
    fn page_numbers_that_cannot_exist_are_not_found() {
        for page in ["", "0", "two", "+2", " 2", "2 ", "99999999999", "-1", "1.0"] {
            assert_eq!(Route::home_page(page), Route::NotFound, "{page:?}");
            assert_eq!(Route::category_page("news", page), Route::NotFound);
        }
        assert_eq!(page_number("007"), Some(7));
    }

    #[test]
    fn every_page_has_one_address() {
        assert_eq!(Route::Home { page: 1 }.path(), "/");
        assert_eq!(Route::Home { page: 4 }.path(), "/page/4");
        assert_eq!(category("news", 1).path(), "/category/news");
        assert_eq!(category("news", 7).path(), "/category/news/page/7");
        assert_eq!(Route::NotFound.path(), "/404");
        assert_eq!(category_path("news"), "/category/news");
        assert_eq!(article_path("x"), "/articles/x");
    }

    #[test]
    fn a_pager_shows_the_ends_and_the_neighbourhood_of_the_current_page() {
        let shown = |current, total| -> Vec<String> {
            pager_numbers(current, total)
                .iter()
                .map(|number| number.map_or("…".to_string(), |n| n.to_string()))
                .collect()
        };
        assert_eq!(shown(1, 1), ["1"]);
        assert_eq!(shown(2, 4), ["1", "2", "3", "4"]);
        assert_eq!(shown(1, 9), ["1", "2", "3", "…", "9"]);
        assert_eq!(shown(5, 9), ["1", "…", "3", "4", "5", "6", "7", "…", "9"]);
        assert_eq!(shown(9, 9), ["1", "…", "7", "8", "9"]);
        assert_eq!(shown(4, 9), ["1", "2", "3", "4", "5", "6", "…", "9"]);
        assert!(pager_numbers(1, 0).is_empty());
    }

    #[test]
    fn a_listing_page_links_to_the_pages_of_its_own_listing() {
        let mut listing = ListingPage {
            page: 2,
            total_pages: 3,
            total_articles: 30,
            category: None,
            articles: vec![],
        };
        assert_eq!(Route::of_listing(&listing, 1).path(), "/");
        assert_eq!(Route::of_listing(&listing, 3).path(), "/page/3");
        listing.category = Some(crate::model::Category {
            slug: "news".to_string(),
            name: "News".to_string(),
        });
        assert_eq!(Route::of_listing(&listing, 1).path(), "/category/news");
        assert_eq!(
            Route::of_listing(&listing, 2).path(),
            "/category/news/page/2"
        );
    }
}
