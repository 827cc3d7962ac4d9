//! The talent office's filters named in the reader's language, for captions and exports.

use super::{terms, Lang};
use crate::api::talent_map::{Distributions, MapFilter, UnitOption};

/// A sentence naming the filters in force, for captions and exports.
pub fn map_filter(filter: &MapFilter, units: &[UnitOption], lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(unit) = &filter.unit {
        let name = units
            .iter()
            .find(|u| &u.code == unit)
            .map_or(unit.as_str(), |u| u.name.as_str());
        parts.push(format!("unit {name}"));
    }
    if let Some(g) = filter.golongan_filter() {
        parts.push(terms::golongan_filter(g, lang));
    }
    if let Some(j) = filter.jenis_jabatan() {
        parts.push(format!("{} {}", lang.pick("jabatan", "post"), j.label()));
    }
    match filter.asn.as_deref() {
        Some("pns") => parts.push("PNS".to_owned()),
        Some("pppk") => parts.push("PPPK".to_owned()),
        _ => {}
    }
    if parts.is_empty() {
        lang.pick("semua pegawai", "all employees").to_owned()
    } else {
        parts.join(", ")
    }
}

/// What the rows of a spread are: "OPD", or "unit di bawah Dinas X".
pub fn grouping(spread: &Distributions, lang: Lang) -> String {
    match &spread.grouped_under {
        None => "OPD".to_owned(),
        Some(name) => lang.pick(
            format!("unit di bawah {name}"),
            format!("units under {name}"),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_filter_is_everyone() {
        assert_eq!(
            map_filter(&MapFilter::default(), &[], Lang::Id),
            "semua pegawai"
        );
        assert_eq!(
            map_filter(&MapFilter::default(), &[], Lang::En),
            "all employees"
        );
    }

    #[test]
    fn the_description_names_each_filter() {
        let filter = MapFilter {
            unit: Some("U1".into()),
            golongan: Some("III".into()),
            asn: Some("pns".into()),
            ..MapFilter::default()
        };
        let units = [UnitOption {
            code: "U1".into(),
            name: "Dinas Kesehatan".into(),
            depth: 0,
        }];
        assert_eq!(
            map_filter(&filter, &units, Lang::Id),
            "unit Dinas Kesehatan, Golongan III (semua ruang), PNS"
        );
        assert_eq!(
            map_filter(&filter, &units, Lang::En),
            "unit Dinas Kesehatan, Golongan III (every ruang), PNS"
        );
    }
}
