//! The national or provincial picture's download: the table of `/indeks-merit/nasional`
//! (or a province's), one row per instansi's newest release and their sum.

use crate::api::national_picture::{Figures, NationalPicture};
use crate::export::{Cell, Sheet};
use crate::i18n::Lang;

fn figure_cells(f: &Figures) -> Vec<Cell> {
    let mut cells = vec![Cell::from(f.pegawai), Cell::from(f.mapped())];
    cells.extend(f.per_kotak.iter().copied().map(Cell::from));
    cells.extend([Cell::from(f.pool()), Cell::from(f.reached)]);
    cells
}

pub fn national_sheet(picture: &NationalPicture, lang: Lang) -> Sheet {
    let mut columns: Vec<String> = [
        "Instansi",
        lang.pick("Provinsi", "Province"),
        lang.pick("Periode", "Period"),
        lang.pick("Versi rilis", "Release version"),
        lang.pick("Pegawai", "Employees"),
        lang.pick("Dipetakan", "Placed"),
    ]
    .map(str::to_owned)
    .to_vec();
    columns.extend((1..=9).map(|k| lang.pick(format!("Kotak {k}"), format!("Box {k}"))));
    columns.extend([
        lang.pick("KRS (kotak 7-9)", "Succession pool (boxes 7-9)")
            .to_owned(),
        lang.pick("Mencapai target JP", "Reached the JP target")
            .to_owned(),
    ]);
    let mut rows: Vec<Vec<Cell>> = picture
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![
                Cell::from(r.name.as_str()),
                Cell::from(r.province.as_str()),
                Cell::from(r.period.to_string()),
                Cell::from(r.version.to_string()),
            ];
            row.extend(figure_cells(&r.figures));
            row
        })
        .collect();
    let mut total = vec![
        Cell::from(lang.pick("Jumlah", "Total")),
        Cell::Empty,
        Cell::Empty,
        Cell::Empty,
    ];
    total.extend(figure_cells(&picture.total));
    rows.push(total);
    let place = picture.province.as_ref().map_or_else(
        || {
            lang.pick("Seluruh Indonesia", "All of Indonesia")
                .to_owned()
        },
        |p| p.name.clone(),
    );
    Sheet {
        title: lang.pick(
            format!("Gambaran talenta: {place}"),
            format!("Talent picture: {place}"),
        ),
        about: vec![
            (lang.pick("Wilayah", "Area").to_owned(), place),
            (
                lang.pick("Sumber", "Source").to_owned(),
                lang.pick(
                    "Rilis terbaru tiap instansi yang menerbitkan di Jenjang",
                    "The newest release of every instansi that publishes with Jenjang",
                )
                .to_owned(),
            ),
            (
                lang.pick("Kendali pengungkapan", "Disclosure control").to_owned(),
                lang.pick(
                    "Hanya angka yang sudah terbit dalam rilis, dan jumlahnya; jumlah dengan bagian tersamar ditulis –.",
                    "Only figures the releases published, and their sums; a sum with a masked part is written –.",
                )
                .to_owned(),
            ),
        ],
        columns,
        rows,
    }
}
