//! One folder per user journey. Server functions sit beside the pages that call them.

pub mod akses;
pub mod akun;
pub mod data;
pub mod pegawai;
pub mod public;
pub mod saya;
pub mod talenta;
