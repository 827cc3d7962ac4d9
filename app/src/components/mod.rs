//! Components shared by several pages.

pub mod layout;
pub mod loaded;
pub mod notice;
