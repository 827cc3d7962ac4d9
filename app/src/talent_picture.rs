//! The public talent picture of an instansi that maps its ASN with Jenjang, shown on
//! `/indeks-merit/{slug}`: aggregates only, and every count has passed disclosure control
//! (domain.md §8) on the server before it is put here.

use crate::domain::disclosure::{Disclosed, DisclosedTable, MIN_PEOPLE_FOR_AVERAGE};
use crate::export::{Cell, Sheet};
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The columns of [`TalentPicture::kotak`]: kotak 1-9, then the pegawai not mapped in the
/// period.
pub const NOT_MAPPED: usize = 9;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TalentPicture {
    pub slug: String,
    /// The instansi's name.
    pub instansi: String,
    /// The period shown per OPD, and every period with placements, newest first.
    pub period: i32,
    pub periods: Vec<i32>,
    /// The rows of `kotak` and `training`: the OPD (and "Tanpa unit kerja" if anyone is).
    pub opd: Vec<String>,
    /// Per OPD, the pegawai in kotak 1-9 and those not mapped (10 columns); the row totals
    /// are the OPD's pegawai.
    pub kotak: DisclosedTable,
    /// Per OPD, the pegawai who reached the JP target in the period's year, and those who
    /// did not. Protected together with `kotak`, whose row totals it shares.
    pub training: DisclosedTable,
    /// The yearly JP target (20 by default).
    pub jp_target: f64,
    /// The instansi's mapped pegawai per period, kotak 1-9, newest first.
    pub by_period: Vec<PeriodDistribution>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodDistribution {
    pub period: i32,
    pub per_kotak: Vec<Disclosed>,
    pub mapped: Disclosed,
}

/// `part` as a percentage of `whole`, only when both are published and at least
/// [`MIN_PEOPLE_FOR_AVERAGE`] people stand behind it.
pub fn share(part: Disclosed, whole: Disclosed) -> Option<f64> {
    match (part.shown(), whole.shown()) {
        (Some(part), Some(whole)) if whole as usize >= MIN_PEOPLE_FOR_AVERAGE => {
            Some(part as f64 * 100.0 / whole as f64)
        }
        _ => None,
    }
}

/// The sum of published counts, or `None` when any of them is not published: a sum of
/// hidden cells would give them away.
pub fn sum(counts: &[Disclosed]) -> Option<u64> {
    counts.iter().map(|c| c.shown()).sum()
}

impl TalentPicture {
    /// The mapped pegawai of row `r` (everyone but the not mapped), when it can be published.
    pub fn mapped(&self, r: usize) -> Option<u64> {
        let total = self.kotak.row_totals.get(r)?.shown()?;
        let not_mapped = self.kotak.cells.get(r)?.get(NOT_MAPPED)?.shown()?;
        Some(total - not_mapped)
    }

    /// The talent pool (kotak 7-9) of row `r`, when each of the three is published.
    pub fn pool(&self, r: usize) -> Option<u64> {
        sum(self.kotak.cells.get(r)?.get(6..9)?)
    }
}

impl From<Disclosed> for Cell {
    /// A published count as a number; "<5" and "–" as the text the page shows.
    fn from(count: Disclosed) -> Cell {
        match count {
            Disclosed::Shown(n) => Cell::Number(n as f64),
            hidden => Cell::Text(hidden.text(Lang::Id)),
        }
    }
}

impl TalentPicture {
    /// The download of the page's tables: the OPD rows of the period shown, then the
    /// instansi per period, with what they are, their source and the disclosure rules, in
    /// the reader's language.
    pub fn sheet(&self, generated_at: &str, lang: Lang) -> Sheet {
        let instansi = self.instansi.as_str();
        let target = lang.decimal(self.jp_target, 0);
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
        let period = self.period;
        let per_opd = lang.pick(
            format!("Per perangkat daerah, periode {period}"),
            format!("Per regional office (OPD), period {period}"),
        );
        let whole = lang.pick(
            "Seluruh instansi per periode",
            "Whole institution per period",
        );
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        for (r, name) in self.opd.iter().enumerate() {
            let kotak = self.kotak.cells.get(r).cloned().unwrap_or_default();
            let training = self.training.cells.get(r).cloned().unwrap_or_default();
            let mut row = vec![
                Cell::from(per_opd.as_str()),
                Cell::from(name.as_str()),
                self.kotak
                    .row_totals
                    .get(r)
                    .copied()
                    .map_or(Cell::Empty, Cell::from),
                Cell::from(Disclosed::derived(self.mapped(r))),
            ];
            row.extend(kotak.into_iter().map(Cell::from));
            row.push(Cell::from(Disclosed::derived(self.pool(r))));
            row.extend(training.into_iter().map(Cell::from));
            rows.push(row);
        }
        for d in &self.by_period {
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
            (lang.pick("Instansi", "Institution"), instansi.to_owned()),
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
            (lang.pick("Dibuat", "Generated"), generated_at.to_owned()),
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::disclosure::protect_linked;
    use Disclosed::*;

    #[test]
    fn shares_need_ten_people_and_published_counts() {
        assert_eq!(share(Shown(5), Shown(20)), Some(25.0));
        assert_eq!(share(Shown(5), Shown(9)), None);
        assert_eq!(share(FewerThanFive, Shown(20)), None);
        assert_eq!(share(Shown(5), Hidden), None);
    }

    #[test]
    fn a_sum_over_a_hidden_count_is_not_published() {
        assert_eq!(sum(&[Shown(5), Shown(0), Shown(7)]), Some(12));
        assert_eq!(sum(&[Shown(5), FewerThanFive, Shown(7)]), None);
        assert_eq!(sum(&[Shown(5), Hidden]), None);
    }

    fn picture(kotak: Vec<Vec<u64>>, training: Vec<Vec<u64>>) -> TalentPicture {
        let mut tables = protect_linked(&[&kotak, &training]).expect("rows agree");
        let training = tables.pop().expect("two tables");
        let kotak = tables.pop().expect("two tables");
        TalentPicture {
            slug: "uji".into(),
            instansi: "Pemerintah Kota Uji".into(),
            period: 2025,
            periods: vec![2025],
            opd: vec!["A".into(), "B".into()],
            kotak,
            training,
            jp_target: 20.0,
            by_period: Vec::new(),
        }
    }

    #[test]
    fn the_download_writes_what_the_page_shows() {
        let p = picture(
            vec![
                vec![0, 0, 0, 0, 10, 0, 6, 7, 8, 20],
                vec![0, 0, 0, 0, 10, 0, 2, 7, 8, 20],
            ],
            vec![vec![30, 21], vec![30, 17]],
        );
        let sheet = p.sheet("2026-11-23T10:00:00Z", Lang::Id);
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
            .any(|(label, value)| label == "Dibuat" && value.starts_with("2026")));
    }

    #[test]
    fn mapped_and_pool_come_only_from_published_counts() {
        let clean = picture(
            vec![
                vec![0, 0, 0, 0, 10, 0, 6, 7, 8, 20],
                vec![0, 0, 0, 0, 10, 0, 9, 7, 8, 20],
            ],
            vec![vec![30, 21], vec![30, 24]],
        );
        assert_eq!(clean.mapped(0), Some(31));
        assert_eq!(clean.pool(0), Some(21));
        assert_eq!(clean.pool(1), Some(24));
        // B's kotak 7 counts 2: B's pool is not published, nor anything that gives it away.
        let small = picture(
            vec![
                vec![0, 0, 0, 0, 10, 0, 6, 7, 8, 20],
                vec![0, 0, 0, 0, 10, 0, 2, 7, 8, 20],
            ],
            vec![vec![30, 21], vec![30, 17]],
        );
        assert_eq!(small.kotak.cells[1][6], FewerThanFive);
        assert_eq!(small.pool(1), None);
        assert_eq!(small.mapped(1), Some(27));
    }
}
