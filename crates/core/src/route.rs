//! The app's addresses: which page an address shows, and the address of each page. One place,
//! so the browser app, the prerenderer and the feed cannot disagree.

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
    /// Any other address.
    NotFound,
}

/// Which kind of page a route shows, without its parameters: moving between two articles keeps
/// the article page (and what the reader typed into it) and only changes what it shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageKind {
    Home,
    Article,
    Category,
    NotFound,
}

impl Route {
    /// The route of a URL path (without query or fragment). One trailing slash is ignored. A
    /// page number must be a positive number: `/page/0` or `/page/two` cannot exist. Slugs are
    /// not checked here; an article that does not exist is the article page's "not found".
    pub fn from_path(path: &str) -> Route {
        let trimmed = path
            .strip_suffix('/')
            .filter(|rest| !rest.is_empty() && !rest.ends_with('/'));
        let path = trimmed.unwrap_or(path);
        let Some(rest) = path.strip_prefix('/') else {
            return Route::NotFound;
        };
        let segments: Vec<&str> = if rest.is_empty() {
            Vec::new()
        } else {
            rest.split('/').collect()
        };
        if segments.iter().any(|segment| segment.is_empty()) {
            return Route::NotFound;
        }
        let home = |page| Route::Home { page };
        let category = |slug: &str, page| Route::Category {
            slug: slug.to_string(),
            page,
        };
        match segments.as_slice() {
            [] => home(1),
            ["page", page] => page_number(page).map_or(Route::NotFound, home),
            ["articles", slug] => Route::Article {
                slug: slug.to_string(),
            },
            ["category", slug] => category(slug, 1),
            ["category", slug, "page", page] => {
                page_number(page).map_or(Route::NotFound, |page| category(slug, page))
            }
            _ => Route::NotFound,
        }
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

    pub fn kind(&self) -> PageKind {
        match self {
            Route::Home { .. } => PageKind::Home,
            Route::Article { .. } => PageKind::Article,
            Route::Category { .. } => PageKind::Category,
            Route::NotFound => PageKind::NotFound,
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

fn page_number(segment: &str) -> Option<u32> {
    // Only plain digits: "+2" or " 2" would be another address for page 2.
    if !segment.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    segment.parse().ok().filter(|&page| page >= 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(slug: &str) -> Route {
        Route::Article {
            slug: slug.to_string(),
        }
    }

    fn category(slug: &str, page: u32) -> Route {
        Route::Category {
            slug: slug.to_string(),
            page,
        }
    }

    #[test]
    fn addresses_map_to_their_pages() {
        assert_eq!(Route::from_path("/"), Route::Home { page: 1 });
        assert_eq!(Route::from_path("/page/3"), Route::Home { page: 3 });
        assert_eq!(Route::from_path("/articles/a-b"), article("a-b"));
        assert_eq!(Route::from_path("/category/news"), category("news", 1));
        assert_eq!(
            Route::from_path("/category/news/page/2"),
            category("news", 2)
        );
    }

    #[test]
    fn one_trailing_slash_is_the_same_page() {
        assert_eq!(Route::from_path("/articles/a-b/"), article("a-b"));
        assert_eq!(Route::from_path("/page/2/"), Route::Home { page: 2 });
        assert_eq!(Route::from_path("/articles/a-b//"), Route::NotFound);
    }

    #[test]
    fn addresses_that_cannot_exist_are_not_found() {
        for path in [
            "",
            "articles/a",
            "/page",
            "/page/0",
            "/page/two",
            "/page/+2",
            "/page/99999999999",
            "/articles",
            "/articles/a/b",
            "/articles//a",
            "/category/news/page",
            "/category/news/page/0",
            "/category/news/extra",
            "/404",
            "//",
        ] {
            assert_eq!(Route::from_path(path), Route::NotFound, "{path:?}");
        }
    }

    #[test]
    fn every_page_has_an_address_that_leads_back_to_it() {
        for route in [
            Route::Home { page: 1 },
            Route::Home { page: 4 },
            article("seed"),
            category("news", 1),
            category("news", 7),
        ] {
            assert_eq!(Route::from_path(&route.path()), route, "{}", route.path());
        }
        assert_eq!(category_path("news"), "/category/news");
        assert_eq!(article_path("x"), "/articles/x");
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

    #[test]
    fn the_kind_ignores_parameters() {
        assert_eq!(article("a").kind(), article("b").kind());
        assert_ne!(Route::Home { page: 1 }.kind(), category("a", 1).kind());
    }
}
