//! The words of public releases: what changed between versions, and where an audited cell
//! sits.

use super::Lang;
use crate::api::talent_picture::AuditedCell;
use crate::domain::release::ReleaseChange;

/// One change since the previous version of a release, as a sentence.
pub fn release_change(change: &ReleaseChange, lang: Lang) -> String {
    use ReleaseChange as C;
    match change {
        C::First => lang.pick("Rilis pertama periode ini.", "The period's first release.").to_owned(),
        C::Parameters { from, to } => lang.pick(
            format!("Diskor dengan parameter versi {to} (sebelumnya versi {from})."),
            format!("Scored under parameter version {to} (before: version {from})."),
        ),
        C::OpdAdded(opd) => lang.pick(format!("Baris baru: {opd}."), format!("New row: {opd}.")),
        C::OpdRemoved(opd) => lang.pick(
            format!("Baris tidak ada lagi: {opd}."),
            format!("Row no longer present: {opd}."),
        ),
        C::Kotak { kotak, from, to } => lang.pick(
            format!("Kotak {kotak} seluruh instansi: {} menjadi {}.", lang.decimal(*from as f64, 0), lang.decimal(*to as f64, 0)),
            format!("Box {kotak}, whole instansi: {} became {}.", lang.decimal(*from as f64, 0), lang.decimal(*to as f64, 0)),
        ),
        C::KotakWithheld { kotak } => lang.pick(
            format!("Kotak {kotak} seluruh instansi kini ditampilkan atau disamarkan berbeda dari versi sebelumnya."),
            format!("Box {kotak}, whole instansi, is now shown or masked differently from the previous version."),
        ),
        C::NoPublishedChange => lang
            .pick("Tidak ada angka terbit yang berubah.", "No published figure changed.")
            .to_owned(),
    }
}

/// Where an audited cell sits, as the public tables name it.
pub fn audited_cell(cell: &AuditedCell, lang: Lang) -> String {
    let row = cell
        .opd
        .clone()
        .unwrap_or_else(|| lang.pick("Seluruh instansi", "Whole instansi").to_owned());
    let column = match (cell.table, cell.column) {
        (Some(0), Some(9)) => lang.pick("belum dipetakan", "not placed").to_owned(),
        (Some(0), Some(c)) => lang.pick(format!("kotak {}", c + 1), format!("box {}", c + 1)),
        (Some(1), Some(0)) => lang
            .pick("mencapai target JP", "reached the JP target")
            .to_owned(),
        (Some(1), Some(_)) => lang
            .pick("belum mencapai target JP", "below the JP target")
            .to_owned(),
        _ => lang.pick("jumlah", "total").to_owned(),
    };
    let earlier = cell.earlier_version.map_or(String::new(), |v| {
        lang.pick(format!(" (versi {v})"), format!(" (version {v})"))
    });
    format!("{row}, {column}{earlier}")
}
