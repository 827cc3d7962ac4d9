//! Components shared by several pages.

pub mod island_scripts;
pub mod layout;
pub mod loaded;
pub mod nine_box;
pub mod notice;
pub mod outcome;
pub mod page_title;
pub mod placement;
