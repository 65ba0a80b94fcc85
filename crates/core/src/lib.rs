//! Pure logic of Newsroom, free of any browser API so it runs and is tested natively.

pub mod model;
pub mod paths;
