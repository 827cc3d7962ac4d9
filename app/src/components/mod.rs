//! Components shared by several pages.

pub mod islands;
pub mod layout;
pub mod loaded;
pub mod nine_box;
pub mod notice;
pub mod outcome;
