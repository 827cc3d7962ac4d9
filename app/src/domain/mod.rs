//! Pure rules of ASN talent management and merit-system transparency, as written in
//! `shared/domain.md`. Nothing here does I/O: the same code runs on the server and in the
//! browser, and it is the most heavily tested code in the project.

pub mod access;
pub mod advancement;
pub mod calendar;
pub mod calibration;
pub mod career;
pub mod correction;
pub mod disclosure;
pub mod duties;
pub mod golongan;
pub mod idp;
pub mod instansi;
pub mod jabatan;
pub mod jpm;
pub mod kompetensi;
pub mod local_time;
pub mod merit_index;
pub mod merit_result;
pub mod nine_box;
pub mod nip;
pub mod placement;
pub mod placement_note;
pub mod release;
pub mod scoring;
pub mod sign_in_limits;
pub mod skp;
pub mod succession;
pub mod talent_pool;
pub mod unit_tree;
