//! What each kind of page shows once its content is in, and the page of a route that loads it
//! (the routes themselves are in `routes`).

pub mod article;
pub mod listing;
pub mod not_found;
mod route_page;

pub use route_page::RoutePage;
