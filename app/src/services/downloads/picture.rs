//! The public talent picture's download: the tables of `/indeks-merit/{slug}`, in the
//! reader's language, with what they are, their source and the disclosure rules.

use crate::api::talent_picture::{sum, TalentPicture};
use crate::domain::disclosure::Disclosed;
use crate::export::{Cell, Sheet};
use crate::i18n::Lang;

impl From<Disclosed> for Cell {
    /// A published count as a number; "<5" and "–" as the text the page shows.
    fn from(count: Disclosed) -> Cell {
        match count {
            Disclosed::Shown(n) => Cell::Number(n as f64),
            hidden => Cell::Text(hidden.text(Lang::Id)),
        }
    }
}

/// The download of the page's tables: the OPD rows of the release shown, then the
/// instansi per period, with what they are, which release, their source and the disclosure
/// rules, in the reader's language. The same release always gives the same file.
pub fn picture_sheet(picture: &TalentPicture, lang: Lang) -> Sheet {
    let instansi = picture.instansi.as_str();
    let target = lang.decimal(picture.jp_target, 0);
    let mut columns: Vec<String> = [
        lang.pick("Bagian", "Part"),
        lang.pick("Baris", "Row"),
        lang.pick("Pegawai", "Employees"),
        lang.pick("Dipetakan", "Placed"),
    ]
    .map(str::to_owned)
    .to_vec();
    columns.extend((1..=9).map(|k| lang.pick(format!("Kotak {k}"), format!("Box {k}"))));
    columns.extend([
        lang.pick("Belum dipetakan", "Not placed").to_owned(),
        lang.pick("KRS (kotak 7-9)", "Succession pool (boxes 7-9)")
            .to_owned(),
        lang.pick(
            format!("Mencapai {target} JP"),
            format!("Reached {target} JP"),
        ),
        lang.pick(
            format!("Belum mencapai {target} JP"),
            format!("Below {target} JP"),
        ),
    ]);
    let (period, release) = (picture.period, &picture.release);
    let per_opd = lang.pick(
        format!("Per perangkat daerah, periode {period}"),
        format!("Per regional office (OPD), period {period}"),
    );
    let whole = lang.pick("Seluruh instansi per periode", "Whole instansi per period");
    let mut rows: Vec<Vec<Cell>> = Vec::new();
    for (r, name) in picture.opd.iter().enumerate() {
        let kotak = picture.kotak.cells.get(r).cloned().unwrap_or_default();
        let training = picture.training.cells.get(r).cloned().unwrap_or_default();
        let mut row = vec![
            Cell::from(per_opd.as_str()),
            Cell::from(name.as_str()),
            picture
                .kotak
                .row_totals
                .get(r)
                .copied()
                .map_or(Cell::Empty, Cell::from),
            Cell::from(Disclosed::derived(picture.mapped(r))),
        ];
        row.extend(kotak.into_iter().map(Cell::from));
        row.push(Cell::from(Disclosed::derived(picture.pool(r))));
        row.extend(training.into_iter().map(Cell::from));
        rows.push(row);
    }
    for d in &picture.by_period {
        let mut row = vec![
            Cell::from(whole),
            Cell::from(d.period.to_string()),
            Cell::Empty,
            Cell::from(d.mapped),
        ];
        row.extend(d.per_kotak.iter().copied().map(Cell::from));
        row.extend([
            Cell::Empty,
            Cell::from(Disclosed::derived(d.per_kotak.get(6..9).and_then(sum))),
            Cell::Empty,
            Cell::Empty,
        ]);
        rows.push(row);
    }
    let about = [
        ("Instansi", instansi.to_owned()),
        (lang.pick("Periode", "Period"), period.to_string()),
        (
            lang.pick("Sumber", "Source"),
            lang.pick(
                "Jenjang: penempatan 9 kotak (setelah kalibrasi komite talenta) dan riwayat pelatihan yang tercatat",
                "Jenjang: 9-box placements (after the talent committee's calibration) and the training on record",
            )
            .to_owned(),
        ),
        (
            lang.pick("Kendali pengungkapan", "Disclosure control"),
            lang.pick(
                "Hanya agregat. 1-4 orang ditulis <5; angka yang dapat dipakai untuk menghitungnya ditulis –.",
                "Aggregates only. 1-4 people are written <5; a figure that would let them be worked out is written –.",
            )
            .to_owned(),
        ),
        (lang.pick("Target JP per tahun", "JP target per year"), target),
        (lang.pick("Rilis", "Release"), release.version.to_string()),
        (lang.pick("Diterbitkan", "Published"), release.published_at.clone()),
        (lang.pick("Oleh", "By"), release.publisher.clone()),
        (lang.pick("Data per", "Data as of"), release.data_as_of.clone()),
        (
            lang.pick("Versi parameter", "Parameter version"),
            release.parameter_version.to_string(),
        ),
    ];
    Sheet {
        title: lang.pick(
            format!("Gambaran manajemen talenta {instansi}"),
            format!("Talent-management picture, {instansi}"),
        ),
        about: about
            .into_iter()
            .map(|(label, value)| (label.to_owned(), value))
            .collect(),
        columns,
        rows,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::talent_picture::tests::picture;

    #[test]
    fn the_download_writes_what_the_page_shows() {
        let p = picture(
            vec![
                vec![0, 0, 0, 0, 10, 0, 6, 7, 8, 20],
                vec![0, 0, 0, 0, 10, 0, 2, 7, 8, 20],
            ],
            vec![vec![30, 21], vec![30, 17]],
        );
        let sheet = picture_sheet(&p, Lang::Id);
        assert_eq!(sheet.columns.len(), 4 + 9 + 4);
        assert!(sheet.rows.iter().all(|r| r.len() == sheet.columns.len()));
        let b = &sheet.rows[1];
        assert_eq!(b[1], Cell::from("B"));
        assert_eq!(b[4 + 6], Cell::from("<5"));
        assert_eq!(b[4 + 10], Cell::from("–"), "B's pool is not published");
        assert_eq!(sheet.rows[0][2], Cell::Number(51.0));
        assert!(sheet
            .about
            .iter()
            .any(|(label, value)| label == "Diterbitkan" && value.starts_with("2026")));
    }
}
