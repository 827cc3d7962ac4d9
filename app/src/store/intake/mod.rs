//! The intake's reads and writes: what a file's rows are checked against (`context`), the
//! records each kind of file imports as the intake compares and writes them (`roster`,
//! `asesmen`, `skp`, `pelatihan`), and the batch every committed import records (`batches`).

pub mod asesmen;
pub mod batches;
pub mod context;
pub mod pelatihan;
pub mod roster;
pub mod skp;
