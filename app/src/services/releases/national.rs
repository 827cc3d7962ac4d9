//! The national and provincial pictures: the newest release of every instansi that
//! publishes, as the instansi-wide totals it published. Nothing here is computed from live
//! rows, and a sum is shown only when every part of it was.

use super::{published_kotak, ReleaseError};
use crate::api::national_picture::{Figures, InstansiFigures, NationalPicture, Province};
use crate::api::talent_picture::ReleaseTables;
use crate::domain::disclosure::Disclosed;
use crate::domain::instansi::instansi_slug;
use crate::store::{self, Pool};

/// The picture of the nation, or of the province whose slug is `province` (`None` when no
/// instansi of that province publishes).
pub async fn picture(
    pool: &Pool,
    province: Option<&str>,
) -> Result<Option<NationalPicture>, ReleaseError> {
    let mut conn = store::acquire(pool).await?;
    let newest = store::releases::newest_of_every_instansi(&mut conn).await?;
    let mut provinces: Vec<Province> = Vec::new();
    let mut rows = Vec::new();
    for instansi in newest {
        let slug = instansi_slug(&instansi.province);
        if !instansi.province.is_empty() && provinces.last().is_none_or(|p| p.slug != slug) {
            provinces.push(Province {
                slug: slug.clone(),
                name: instansi.province.clone(),
            });
        }
        if province.is_some_and(|wanted| wanted != slug || instansi.province.is_empty()) {
            continue;
        }
        let tables: ReleaseTables = serde_json::from_str(&instansi.release.tables)?;
        rows.push(InstansiFigures {
            slug: instansi.slug,
            name: instansi.name,
            province: instansi.province,
            period: instansi.release.period,
            version: instansi.release.version,
            published_at: instansi.release.published_at,
            figures: Figures {
                pegawai: tables.kotak.total,
                per_kotak: published_kotak(&tables).to_vec(),
                reached: tables
                    .training
                    .column_totals
                    .first()
                    .copied()
                    .unwrap_or(Disclosed::Hidden),
            },
        });
    }
    let province = match province {
        Some(wanted) => match provinces.iter().find(|p| p.slug == wanted) {
            Some(found) => Some(found.clone()),
            None => return Ok(None),
        },
        None => None,
    };
    let total = Figures::total(rows.iter().map(|r| &r.figures));
    Ok(Some(NationalPicture {
        province,
        provinces,
        rows,
        total,
    }))
}
