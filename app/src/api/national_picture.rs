//! The national and provincial talent pictures (`/indeks-merit/nasional`,
//! `/indeks-merit/provinsi/{provinsi}`): the newest release of every instansi that publishes,
//! one row each. Every figure is one its release published, or a sum of such figures; a sum
//! with a withheld part is withheld, so these pages reveal nothing the releases do not.

use crate::api::talent_picture::sum;
use crate::domain::disclosure::Disclosed;
use serde::{Deserialize, Serialize};

/// One instansi's newest release, as its instansi-wide totals.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InstansiFigures {
    pub slug: String,
    pub name: String,
    /// Empty for a national body (kementerian, lembaga).
    pub province: String,
    pub period: i32,
    pub version: i64,
    pub published_at: String,
    pub figures: Figures,
}

/// Pegawai, their kotak 1-9, and those who reached the JP target.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Figures {
    pub pegawai: Disclosed,
    pub per_kotak: Vec<Disclosed>,
    pub reached: Disclosed,
}

impl Figures {
    pub fn mapped(&self) -> Disclosed {
        Disclosed::derived(sum(&self.per_kotak))
    }

    /// The talent pool, kotak 7-9.
    pub fn pool(&self) -> Disclosed {
        Disclosed::derived(self.per_kotak.get(6..9).and_then(sum))
    }

    /// The sum of `rows`, figure by figure; withheld wherever any part is.
    pub fn total<'a>(rows: impl Iterator<Item = &'a Figures> + Clone) -> Figures {
        let add = |pick: &dyn Fn(&Figures) -> Disclosed| {
            let parts: Vec<Disclosed> = rows.clone().map(pick).collect();
            Disclosed::derived(sum(&parts))
        };
        Figures {
            pegawai: add(&|f| f.pegawai),
            per_kotak: (0..9)
                .map(|k| add(&|f| f.per_kotak.get(k).copied().unwrap_or(Disclosed::Hidden)))
                .collect(),
            reached: add(&|f| f.reached),
        }
    }
}

/// A province with publishing instansi: its URL slug and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Province {
    pub slug: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NationalPicture {
    /// `None` for the whole nation.
    pub province: Option<Province>,
    pub provinces: Vec<Province>,
    pub rows: Vec<InstansiFigures>,
    pub total: Figures,
}

#[cfg(test)]
mod tests {
    use super::*;
    use Disclosed::*;

    fn figures(pegawai: Disclosed, first: Disclosed) -> Figures {
        let mut per_kotak = vec![Shown(10); 9];
        per_kotak[0] = first;
        Figures {
            pegawai,
            per_kotak,
            reached: Shown(7),
        }
    }

    #[test]
    fn a_total_with_a_withheld_part_is_withheld() {
        let rows = [
            figures(Shown(100), Shown(5)),
            figures(Shown(50), FewerThanFive),
        ];
        let total = Figures::total(rows.iter());
        assert_eq!(total.pegawai, Shown(150));
        assert_eq!(total.per_kotak[0], Hidden);
        assert_eq!(total.per_kotak[1], Shown(20));
        assert_eq!(total.reached, Shown(14));
        assert_eq!(total.mapped(), Hidden);
        assert_eq!(total.pool(), Shown(60));
    }
}
