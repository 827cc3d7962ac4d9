//! Synthetic people for the demo instansi and the national-scale generator: deterministic
//! (seeded), plausible (Indonesian names, valid NIPs, golongan that fit age and service) and
//! never real. Every instansi they create is flagged `demo`.

pub mod names;

use app::domain::calendar::Date;
use app::domain::golongan::{PnsGolongan, PppkGolongan};

/// SplitMix64: small, fast and good enough for synthetic data; seeded so that every run
/// produces the same people.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// Uniform in `low..=high`.
    pub fn between(&mut self, low: i64, high: i64) -> i64 {
        low + self.below((high - low + 1).max(1) as u64) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }

    /// An index drawn with the given weights.
    pub fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u64 = weights.iter().map(|w| u64::from(*w)).sum();
        let mut target = self.below(total);
        for (index, weight) in weights.iter().enumerate() {
            if target < u64::from(*weight) {
                return index;
            }
            target -= u64::from(*weight);
        }
        weights.len().saturating_sub(1)
    }

    /// A roughly normal score around `mean` (sum of uniforms), clamped to 0-100 and rounded
    /// to one decimal.
    pub fn score(&mut self, mean: f64, spread: f64) -> f64 {
        let noise = (self.unit() + self.unit() + self.unit() - 1.5) * 2.0 * spread;
        ((mean + noise).clamp(0.0, 100.0) * 10.0).round() / 10.0
    }
}

/// A date `days` after 1 January of `year` (no more than a year later).
pub fn day_of_year(year: i32, days: u32) -> Date {
    let mut date = Date::new(year, 1, 1).unwrap_or(Date::end_of_year(year - 1));
    for _ in 0..days.min(364) {
        date = next_day(date);
    }
    date
}

fn next_day(date: Date) -> Date {
    Date::new(date.year(), date.month(), date.day() + 1)
        .unwrap_or_else(|| date.first_of_next_month())
}

/// A NIP for a PNS: birth date, TMT CPNS (year, month), gender digit, sequence.
pub fn nip(birth: Date, tmt_year: i32, tmt_month: u8, female: bool, sequence: u16) -> String {
    format!(
        "{:04}{:02}{:02}{:04}{:02}{}{:03}",
        birth.year(),
        birth.month(),
        birth.day(),
        tmt_year,
        tmt_month,
        if female { 2 } else { 1 },
        sequence
    )
}

/// An NI PPPK: birth date, year of appointment, a fixed 2-digit code, gender digit, sequence.
pub fn ni_pppk(birth: Date, year: i32, female: bool, sequence: u16) -> String {
    format!(
        "{:04}{:02}{:02}{:04}21{}{:03}",
        birth.year(),
        birth.month(),
        birth.day(),
        year,
        if female { 2 } else { 1 },
        sequence
    )
}

/// A PNS golongan in group 1-4, ruang index 0-3 (0-4 in IV).
pub fn pns_golongan(group: u8, ruang: u8) -> String {
    let text = format!("{}{}", group, char::from(b'a' + ruang));
    PnsGolongan::parse(&text)
        .map(|g| g.code())
        .unwrap_or_else(|_| "III/a".to_owned())
}

pub fn pppk_golongan(number: u8) -> String {
    PppkGolongan::parse(&number.to_string())
        .map(|g| g.code().to_owned())
        .unwrap_or_else(|_| "IX".to_owned())
}

/// A synthetic name for the gender.
pub fn name(rng: &mut Rng, female: bool) -> String {
    let (given, family) = if female {
        (names::GIVEN_FEMALE, names::FAMILY_FEMALE)
    } else {
        (names::GIVEN_MALE, names::FAMILY_MALE)
    };
    let first = rng.pick(given);
    if rng.chance(0.35) {
        format!("{first} {} {}", rng.pick(given), rng.pick(family))
    } else {
        format!("{first} {}", rng.pick(family))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use app::domain::nip::{NiPppk, Nip};

    #[test]
    fn generated_identity_numbers_are_valid() {
        let mut rng = Rng::new(7);
        for sequence in 1..200u16 {
            let birth = day_of_year(rng.between(1966, 2000) as i32, rng.below(365) as u32);
            let tmt = birth.year() + rng.between(22, 35) as i32;
            let number = nip(
                birth,
                tmt,
                rng.between(1, 12) as u8,
                rng.chance(0.5),
                sequence,
            );
            assert!(Nip::parse(&number).is_ok(), "{number}");
            assert!(NiPppk::parse(&ni_pppk(birth, 2023, true, sequence)).is_ok());
        }
    }

    #[test]
    fn the_generator_is_deterministic_and_within_bounds() {
        let (mut a, mut b) = (Rng::new(42), Rng::new(42));
        for _ in 0..1000 {
            assert_eq!(a.next_u64(), b.next_u64());
            let score = a.score(70.0, 20.0);
            assert!((0.0..=100.0).contains(&score));
            assert!((3..=5).contains(&a.between(3, 5)));
            b.score(70.0, 20.0);
            b.between(3, 5);
        }
        assert_eq!(pns_golongan(3, 0), "III/a");
        assert_eq!(pns_golongan(4, 4), "IV/e");
        assert_eq!(pppk_golongan(9), "IX");
        assert_eq!(day_of_year(2024, 59).to_string(), "2024-02-29");
    }
}
