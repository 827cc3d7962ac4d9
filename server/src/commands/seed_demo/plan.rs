//! The demo drawn before anything is stored: units, posts and people (with their talent,
//! which drives their records), and the cohort that was assessed.

use super::catalogue::{FIELDS, OPD, SETDA_BAGIAN};
use crate::synthetic::{self, day_of_year, Rng};
use app::domain::calendar::Date;
use app::domain::jabatan::{JenisJabatan, JenjangFungsional};
use app::domain::kompetensi::Kompetensi;
use app::domain::scoring::Education;
use std::collections::HashMap;

/// A post to be created, before it has an id.
pub(super) struct PostPlan {
    pub(super) code: String,
    pub(super) name: String,
    pub(super) unit: usize,
    pub(super) jenis: JenisJabatan,
    pub(super) jenjang: Option<JenjangFungsional>,
    pub(super) kelas: i64,
    pub(super) field: &'static str,
    pub(super) kritikal: bool,
    pub(super) target: bool,
}

impl PostPlan {
    /// The simulated requirements of a target post: minimum golongan, education and the
    /// leadership training of the level below (the demo's own choice, not a regulation).
    pub(super) fn requirements(&self) -> Option<(&'static str, &'static str, &'static str)> {
        if !self.target {
            return None;
        }
        match self.jenis {
            JenisJabatan::JptPratama => {
                Some(("IV/b", "s2", "Pelatihan Kepemimpinan Administrator"))
            }
            JenisJabatan::Administrator => Some(("III/d", "s1", "Pelatihan Kepemimpinan Pengawas")),
            _ => None,
        }
    }

    /// The competency a target post of this field asks one level more of, so that each key
    /// post has a standard of its own (the demo's choice, in the spirit of PermenPANRB
    /// 38/2017: a health office leads public service, a planning office results).
    fn emphasis(&self) -> Kompetensi {
        match self.field {
            "Kesehatan Masyarakat" | "Kedokteran" => Kompetensi::PelayananPublik,
            "Pendidikan" | "Manajemen Sumber Daya Manusia" => {
                Kompetensi::PengembanganDiriDanOrangLain
            }
            "Perencanaan Wilayah" | "Ekonomi" => Kompetensi::OrientasiPadaHasil,
            "Akuntansi" => Kompetensi::KerjaSama,
            "Teknik Sipil" | "Teknik Informatika" => Kompetensi::MengelolaPerubahan,
            "Ilmu Politik" | "Hukum" => Kompetensi::PerekatBangsa,
            _ => Kompetensi::Komunikasi,
        }
    }

    /// The competency standard: managerial posts need more, by level (PermenPANRB 38/2017),
    /// and a target post more of its field's [`emphasis`](Self::emphasis).
    pub(super) fn standard(&self) -> Vec<(Kompetensi, u8)> {
        let base = match (self.jenis, self.jenjang) {
            (JenisJabatan::JptUtama | JenisJabatan::JptMadya | JenisJabatan::JptPratama, _) => 4,
            (JenisJabatan::Administrator, _) => 3,
            (JenisJabatan::Fungsional, Some(j)) if j >= JenjangFungsional::AhliMadya => 3,
            (JenisJabatan::Pengawas | JenisJabatan::Fungsional, _) => 2,
            _ => 1,
        };
        Kompetensi::ALL
            .iter()
            .map(|k| {
                let bump = u8::from(
                    matches!(k, Kompetensi::Integritas | Kompetensi::PengambilanKeputusan)
                        && base >= 3,
                ) + u8::from(self.target && *k == self.emphasis());
                (*k, (base + bump).min(5))
            })
            .collect()
    }
}

/// A person to be created.
pub(super) struct PersonPlan {
    pub(super) nip: String,
    pub(super) kind: &'static str,
    pub(super) name: String,
    pub(super) female: bool,
    pub(super) birth: Date,
    pub(super) tmt_asn: Date,
    pub(super) golongan: String,
    pub(super) group: u8,
    pub(super) post: usize,
    pub(super) unit: usize,
    pub(super) tmt_jabatan: Date,
    /// Talent in 0-1: drives ratings, scores and assessment results together.
    pub(super) talent: f64,
    pub(super) education: Education,
    pub(super) field: &'static str,
    pub(super) atasan: Option<usize>,
}

pub(super) fn plan_units() -> Vec<(String, String, Option<usize>)> {
    let mut units: Vec<(String, String, Option<usize>)> = OPD
        .iter()
        .map(|o| (o.code.to_owned(), o.name.to_owned(), None))
        .collect();
    for (code, name) in SETDA_BAGIAN {
        units.push(((*code).to_owned(), (*name).to_owned(), Some(0)));
    }
    for (index, opd) in OPD.iter().enumerate().filter(|(_, o)| !o.jpt) {
        for n in 1..=2 {
            let place = opd.name.trim_start_matches("Kecamatan ");
            units.push((
                format!("{}-KEL{n}", opd.code),
                format!("Kelurahan {place} {n}"),
                Some(index),
            ));
        }
    }
    units
}

/// The posts of each OPD: head, secretary, three heads of division, six section heads,
/// fungsional posts at four levels, and pelaksana posts. The Sekda is the JPT madya.
pub(super) fn plan_posts() -> Vec<PostPlan> {
    let mut posts = Vec::new();
    for (unit, opd) in OPD.iter().enumerate() {
        let post = |suffix: &str, name: String, jenis, jenjang, kelas, kritikal, target| PostPlan {
            code: format!("{}-{suffix}", opd.code),
            name,
            unit,
            jenis,
            jenjang,
            kelas,
            field: opd.field,
            kritikal,
            target,
        };
        let head = match (unit, opd.jpt) {
            (0, _) => post(
                "KEPALA",
                "Sekretaris Daerah".into(),
                JenisJabatan::JptMadya,
                None,
                15,
                true,
                false,
            ),
            (_, true) => post(
                "KEPALA",
                format!("Kepala {}", opd.name),
                JenisJabatan::JptPratama,
                None,
                14,
                true,
                true,
            ),
            (_, false) => post(
                "KEPALA",
                format!("Camat {}", opd.name.trim_start_matches("Kecamatan ")),
                JenisJabatan::Administrator,
                None,
                12,
                false,
                true,
            ),
        };
        posts.push(head);
        posts.push(post(
            "SEK",
            format!("Sekretaris {}", opd.name),
            JenisJabatan::Administrator,
            None,
            12,
            opd.jpt,
            true,
        ));
        for n in 1..=3 {
            posts.push(post(
                &format!("KABID{n}"),
                format!("Kepala Bidang {n} {}", opd.name),
                JenisJabatan::Administrator,
                None,
                12,
                false,
                n == 1,
            ));
        }
        for n in 1..=6 {
            posts.push(post(
                &format!("KASI{n}"),
                format!("Kepala Subbagian/Seksi {n} {}", opd.name),
                JenisJabatan::Pengawas,
                None,
                9,
                false,
                false,
            ));
        }
        for (jenjang, kelas) in [
            (JenjangFungsional::AhliMadya, 11),
            (JenjangFungsional::AhliMuda, 9),
            (JenjangFungsional::AhliPertama, 8),
            (JenjangFungsional::Terampil, 6),
        ] {
            posts.push(post(
                &format!("JF-{}", jenjang.code().to_uppercase()),
                format!("Analis {} {} ({})", opd.field, jenjang.label(), opd.code),
                JenisJabatan::Fungsional,
                Some(jenjang),
                kelas,
                false,
                false,
            ));
        }
        posts.push(post(
            "PELAKSANA",
            format!("Pengadministrasi Umum {}", opd.name),
            JenisJabatan::Pelaksana,
            None,
            5,
            false,
            false,
        ));
    }
    posts
}

/// Index of a post in `posts` by OPD index and code suffix.
pub(super) fn post_index(posts: &[PostPlan], unit: usize, suffix: &str) -> Option<usize> {
    let code = format!("{}-{suffix}", OPD.get(unit)?.code);
    posts.iter().position(|p| p.code == code)
}

pub(super) fn education_for(rng: &mut Rng, group: u8) -> Education {
    match group {
        1 => Education::Sma,
        2 => *rng.pick(&[Education::Sma, Education::D3, Education::D3]),
        3 => *rng.pick(&[
            Education::S1D4,
            Education::S1D4,
            Education::S1D4,
            Education::S2,
        ]),
        _ => *rng.pick(&[Education::S1D4, Education::S2, Education::S2, Education::S3]),
    }
}

/// Draws the people: PNS and PPPK per OPD by weight; structural posts filled from the senior
/// PNS of the OPD (one in ten left vacant), everyone else fungsional or pelaksana.
pub(super) fn plan_people(rng: &mut Rng, posts: &[PostPlan], total: usize) -> Vec<PersonPlan> {
    let weights: Vec<u32> = OPD.iter().map(|o| o.weight).collect();
    let mut sequence: HashMap<(Date, i32, u8), u16> = HashMap::new();
    let mut people = Vec::with_capacity(total);
    for _ in 0..total {
        let unit = rng.weighted(&weights);
        let pns = rng.chance(0.63);
        let female = rng.chance(0.52);
        let talent = rng.unit();
        let (group, golongan, age_low, age_high) = if pns {
            let group = [1u8, 2, 3, 4][rng.weighted(&[3, 20, 55, 22])];
            let ruang = rng.below(if group == 4 { 3 } else { 4 }) as u8;
            let (low, high) = match group {
                1 => (25, 55),
                2 => (24, 57),
                3 => (26, 57),
                _ => (38, 58),
            };
            (group, synthetic::pns_golongan(group, ruang), low, high)
        } else {
            let number = *rng.pick(&[5u8, 7, 9, 9, 9, 10]);
            let group = if number >= 9 { 3 } else { 2 };
            (group, synthetic::pppk_golongan(number), 24, 50)
        };
        let age = rng.between(age_low, age_high) as i32;
        let birth = day_of_year(2025 - age, rng.below(365) as u32);
        let service = rng.between(1, i64::from((age - 21).max(1))) as i32;
        let (tmt_year, tmt_month) = if pns {
            (
                (2025 - service).max(birth.year() + 19),
                rng.between(1, 12) as u8,
            )
        } else {
            (*rng.pick(&[2022, 2023, 2024]), 3)
        };
        let key = (birth, tmt_year, u8::from(female));
        let counter = sequence.entry(key).or_insert(0);
        *counter += 1;
        let nip = if pns {
            synthetic::nip(birth, tmt_year, tmt_month, female, *counter)
        } else {
            synthetic::ni_pppk(birth, tmt_year, female, *counter)
        };
        let education = education_for(rng, group);
        let field = if rng.chance(0.7) {
            OPD[unit].field
        } else {
            *rng.pick(FIELDS)
        };
        let post = match (pns, group, rng.chance(0.8)) {
            (true, 4, _) => post_index(posts, unit, "JF-AHLI_MADYA"),
            (true, 3, _) if golongan.as_str() >= "III/c" => post_index(posts, unit, "JF-AHLI_MUDA"),
            (_, 3, true) => post_index(posts, unit, "JF-AHLI_PERTAMA"),
            (_, 2, true) => post_index(posts, unit, "JF-TERAMPIL"),
            _ => post_index(posts, unit, "PELAKSANA"),
        }
        .unwrap_or(0);
        let years_in_post = rng.between(0, i64::from(service.min(8))) as i32;
        people.push(PersonPlan {
            nip,
            kind: if pns { "pns" } else { "pppk" },
            name: synthetic::name(rng, female),
            female,
            birth,
            tmt_asn: Date::new(tmt_year, tmt_month, 1).unwrap_or(Date::end_of_year(tmt_year)),
            golongan,
            group,
            post,
            unit,
            tmt_jabatan: day_of_year(2025 - years_in_post, rng.below(300) as u32),
            talent,
            education,
            field,
            atasan: None,
        });
    }
    fill_structural_posts(rng, posts, &mut people);
    people
}

/// Gives each structural post a holder from its OPD's senior PNS (leaving about one in ten
/// vacant) and links everyone to a superior.
pub(super) fn fill_structural_posts(rng: &mut Rng, posts: &[PostPlan], people: &mut [PersonPlan]) {
    let mut holder: HashMap<usize, usize> = HashMap::new();
    for (post_id, post) in posts.iter().enumerate() {
        if !post.jenis.is_managerial() || (post_id > 0 && rng.chance(0.1)) {
            continue;
        }
        let wanted_group = if post.jenis == JenisJabatan::Pengawas {
            3
        } else {
            4
        };
        let candidate = people.iter().position(|p| {
            p.unit == post.unit
                && p.kind == "pns"
                && p.group >= wanted_group
                && !posts[p.post].jenis.is_managerial()
                && (wanted_group == 4 || p.golongan.as_str() >= "III/c")
        });
        if let Some(person) = candidate {
            people[person].post = post_id;
            people[person].education = people[person].education.max(Education::S1D4);
            holder.insert(post_id, person);
        }
    }
    let sekda = post_index(posts, 0, "KEPALA").and_then(|p| holder.get(&p).copied());
    let holder_of = |unit: usize, suffix: &str| {
        post_index(posts, unit, suffix).and_then(|p| holder.get(&p).copied())
    };
    for (index, person) in people.iter_mut().enumerate() {
        let (unit, post) = (person.unit, person.post);
        let suffix = posts[post].code.rsplit_once('-').map_or("", |(_, s)| s);
        let superior = match (posts[post].jenis, suffix) {
            (JenisJabatan::JptMadya, _) => None,
            (JenisJabatan::JptPratama, _) | (JenisJabatan::Administrator, "KEPALA") => sekda,
            (JenisJabatan::Administrator, _) => holder_of(unit, "KEPALA"),
            (JenisJabatan::Pengawas, _) => holder_of(unit, "KABID1"),
            _ => holder_of(unit, &format!("KASI{}", 1 + index % 6)),
        };
        person.atasan = superior.filter(|s| *s != index);
    }
}

/// The share of the assessed cohort outside golongan III, in percent: the November 2025
/// cohort is mostly golongan III (the seeds' focus), but not only, so that a golongan filter
/// has something to show.
const COHORT_OUTSIDE_III_PERCENT: usize = 15;

/// The assessed: PNS in structural and fungsional ahli posts, mostly golongan III and the
/// rest golongan IV; anyone else only when more are asked for than that. Golongan III come
/// first, in the order they were drawn.
pub(super) fn cohort(people: &[PersonPlan], posts: &[PostPlan], size: usize) -> Vec<usize> {
    let eligible = |p: &PersonPlan| {
        let post = &posts[p.post];
        p.kind == "pns"
            && p.group >= 3
            && (post.jenis.is_managerial() || post.jenjang.is_some_and(|j| j.is_keahlian()))
    };
    let mut order: Vec<usize> = (0..people.len()).collect();
    order.sort_by_key(|i| (!eligible(&people[*i]), people[*i].group != 3, *i));
    let (third, others): (Vec<usize>, Vec<usize>) = order
        .into_iter()
        .partition(|i| eligible(&people[*i]) && people[*i].group == 3);
    let (fourth, ineligible): (Vec<usize>, Vec<usize>) =
        others.into_iter().partition(|i| eligible(&people[*i]));
    let wanted_third = size - size * COHORT_OUTSIDE_III_PERCENT / 100;
    // Golongan III's share, then golongan IV, then more golongan III, then anyone.
    third
        .iter()
        .take(wanted_third)
        .chain(&fourth)
        .chain(third.iter().skip(wanted_third))
        .chain(&ineligible)
        .copied()
        .take(size)
        .collect()
}

/// Who of the cohort the assessment centre had already seen in November 2023: about four in
/// five of those in the service by then.
pub(super) fn assessed_earlier(people: &[PersonPlan], cohort: &[usize]) -> Vec<usize> {
    cohort
        .iter()
        .copied()
        .filter(|i| i % 5 != 0 && people[*i].tmt_asn.year() <= 2023)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::COHORT;
    use super::*;

    #[test]
    fn the_demo_is_shaped_like_balikpapan() {
        assert!((38..=42).contains(&OPD.len()));
        let posts = plan_posts();
        let people = plan_people(&mut Rng::new(1), &posts, 6_000);
        let mut per_group = [0usize; 5];
        for p in people.iter().filter(|p| p.kind == "pns") {
            per_group[usize::from(p.group)] += 1;
        }
        let largest = (1..=4).max_by_key(|g| per_group[*g]);
        assert_eq!(
            largest,
            Some(3),
            "golongan III is the largest group: {per_group:?}"
        );
        let nips: std::collections::HashSet<&str> = people.iter().map(|p| p.nip.as_str()).collect();
        assert_eq!(nips.len(), people.len(), "NIPs are unique");
        let cohort = cohort(&people, &posts, COHORT);
        assert_eq!(cohort.len(), COHORT);
        let third = cohort.iter().filter(|i| people[**i].group == 3).count();
        assert_eq!(third, COHORT * 85 / 100, "mostly golongan III");
        assert!(
            cohort.iter().all(|i| people[*i].kind == "pns" && people[*i].group == 4
                || people[*i].group == 3),
            "the rest golongan IV"
        );
        let earlier = assessed_earlier(&people, &cohort);
        assert!(earlier.len() > COHORT * 2 / 3 && earlier.len() < COHORT);
        let heads = posts.iter().filter(|p| p.kritikal).count();
        assert!(heads >= 30);
    }
}
