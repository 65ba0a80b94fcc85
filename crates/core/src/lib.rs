//! Pure logic of Newsroom, free of any browser API so it runs and is tested natively.

pub mod catalog;
pub mod date;
pub mod email;
pub mod excerpt;
#[cfg(test)]
mod fixtures;
pub mod model;
pub mod paths;
pub mod picture;
pub mod publish;
pub mod reading_time;
pub mod related;
pub mod route;
pub mod share;
pub mod url;
/// The editors' checker needs JSON paths, so it comes with them.
#[cfg(feature = "field-paths")]
pub mod validate;
