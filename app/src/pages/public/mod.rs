//! The public journey: no sign-in, aggregates and published figures only.

pub mod landing;
pub mod merit_index;
pub mod methodology;
pub mod national;
