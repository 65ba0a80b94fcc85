//! Pieces shared by several pages.

pub mod article_body;
pub mod card;
pub mod footer;
pub mod header;
pub mod link;
pub mod newsletter;
pub mod share;
pub mod status;
pub mod theme_toggle;
