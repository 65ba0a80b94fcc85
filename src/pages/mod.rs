//! What each kind of page shows once its content is in (the routes are in `app`).

pub mod article;
pub mod listing;
pub mod not_found;
