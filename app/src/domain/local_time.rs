//! Indonesia's three time zones (domain.md §10): an instansi keeps the time of its province,
//! and every time stamp is shown in it, with its label ("14.05 WITA"). Stored time stamps
//! are UTC (`2025-11-03T08:15:00Z`); this module only reads them.

use super::calendar::Date;
use serde::{Deserialize, Serialize};

/// Waktu Indonesia Barat, Tengah or Timur.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Zone {
    /// UTC+7: Sumatra, Java, West and Central Kalimantan; a K/L in Jakarta.
    #[default]
    Wib,
    /// UTC+8: Bali, Nusa Tenggara, South, East and North Kalimantan, Sulawesi.
    Wita,
    /// UTC+9: Maluku and Papua.
    Wit,
}

/// Provinces on WITA, as their names read once lower-cased with spaces removed.
const WITA: [&str; 12] = [
    "bali",
    "nusatenggarabarat",
    "nusatenggaratimur",
    "kalimantanselatan",
    "kalimantantimur",
    "kalimantanutara",
    "sulawesiutara",
    "sulawesitengah",
    "sulawesiselatan",
    "sulawesitenggara",
    "sulawesibarat",
    "gorontalo",
];

impl Zone {
    /// The zone of a province by its name ("Kalimantan Timur", "PAPUA BARAT DAYA"). A name
    /// that is no province on WITA or WIT is on WIB, the zone of the capital.
    pub fn of_province(province: &str) -> Zone {
        let key: String = province
            .chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect();
        let key = key.strip_prefix("provinsi").unwrap_or(&key);
        if key.starts_with("papua") || key.starts_with("maluku") {
            Zone::Wit
        } else if WITA.contains(&key) || matches!(key, "ntb" | "ntt") {
            Zone::Wita
        } else {
            Zone::Wib
        }
    }

    /// Hours ahead of UTC.
    pub fn offset_hours(self) -> i64 {
        match self {
            Zone::Wib => 7,
            Zone::Wita => 8,
            Zone::Wit => 9,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Zone::Wib => "WIB",
            Zone::Wita => "WITA",
            Zone::Wit => "WIT",
        }
    }
}

/// A stored UTC time stamp as read in a zone: its date and time to the minute.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocalTime {
    pub date: Date,
    pub hour: u8,
    pub minute: u8,
    pub zone: Zone,
}

/// Reads `2025-11-03T08:15:00Z` (seconds optional) in `zone`; `None` for anything else.
pub fn in_zone(iso_utc: &str, zone: Zone) -> Option<LocalTime> {
    let stamp = iso_utc.strip_suffix('Z')?;
    let (date, time) = stamp.split_once('T')?;
    let date = Date::parse(date)?;
    let mut parts = time.split(':');
    let hour: i64 = parts.next()?.parse().ok()?;
    let minute: i64 = parts.next()?.parse().ok()?;
    if !(0..24).contains(&hour) || !(0..60).contains(&minute) {
        return None;
    }
    let shifted = hour + zone.offset_hours();
    let (date, hour) = if shifted >= 24 {
        (date.next_day(), shifted - 24)
    } else {
        (date, shifted)
    };
    Some(LocalTime {
        date,
        hour: u8::try_from(hour).ok()?,
        minute: u8::try_from(minute).ok()?,
        zone,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_province_keeps_its_own_time() {
        assert_eq!(Zone::of_province("Kalimantan Timur"), Zone::Wita);
        assert_eq!(Zone::of_province("KALIMANTAN  BARAT"), Zone::Wib);
        assert_eq!(Zone::of_province("Kalimantan Tengah"), Zone::Wib);
        assert_eq!(Zone::of_province("Provinsi Bali"), Zone::Wita);
        assert_eq!(Zone::of_province("Nusa Tenggara Timur"), Zone::Wita);
        assert_eq!(Zone::of_province("Gorontalo"), Zone::Wita);
        assert_eq!(Zone::of_province("Papua Barat Daya"), Zone::Wit);
        assert_eq!(Zone::of_province("Maluku Utara"), Zone::Wit);
        assert_eq!(Zone::of_province("DKI Jakarta"), Zone::Wib);
        assert_eq!(Zone::of_province("Daerah Istimewa Yogyakarta"), Zone::Wib);
        assert_eq!(Zone::of_province(""), Zone::Wib);
    }

    #[test]
    fn a_time_stamp_moves_into_the_next_day_past_midnight() {
        let late = in_zone("2025-12-31T20:05:09Z", Zone::Wita).expect("read");
        assert_eq!(late.date, Date::new(2026, 1, 1).expect("date"));
        assert_eq!((late.hour, late.minute), (4, 5));
        let early = in_zone("2025-11-03T08:15Z", Zone::Wib).expect("read");
        assert_eq!(early.date, Date::new(2025, 11, 3).expect("date"));
        assert_eq!((early.hour, early.minute), (15, 15));
        let leap = in_zone("2024-02-28T16:00:00Z", Zone::Wit).expect("read");
        assert_eq!(leap.date, Date::new(2024, 2, 29).expect("date"));
    }

    #[test]
    fn anything_but_a_utc_time_stamp_is_not_read() {
        assert_eq!(in_zone("2025-11-03", Zone::Wib), None);
        assert_eq!(in_zone("2025-11-03T08:15:00+07:00", Zone::Wib), None);
        assert_eq!(in_zone("2025-11-03T24:15:00Z", Zone::Wib), None);
        assert_eq!(in_zone("", Zone::Wib), None);
    }
}
