//! One folder per user journey. Server functions sit beside the pages that call them.

pub mod public;
