//! "Kotak saya": the latest placement of a person with every component, where it came from,
//! the parameter version, the recommendations, and what could move the person up.

use super::{component_from_code, SelfServiceError};
use crate::api::self_service::{ComponentLine, KotakExplanation, RulesVersion};
use crate::auth::guard::PersonScope;
use crate::domain::advancement::{advancement, Scored};
use crate::domain::nine_box::Kotak;
use crate::domain::scoring::ParameterSet;
use crate::services::people::placement_view;
use crate::services::scoring::{decode_components, PlacedComponent};
use sqlx::Row;

fn line(c: PlacedComponent) -> ComponentLine {
    ComponentLine {
        component: c.component,
        score: c.score,
        weight: c.weight,
        source_table: c.source_table.to_owned(),
        record_ids: c.record_ids,
        note: c.note,
    }
}

/// The explanation of `scope`'s latest placement, with every period for the history.
pub async fn explain(
    scope: &PersonScope<'_>,
    year: i32,
) -> Result<KotakExplanation, SelfServiceError> {
    let pool = scope.pool();
    let person = sqlx::query("SELECT nip, name FROM pegawai WHERE id = $1")
        .bind(scope.pegawai_id())
        .fetch_one(pool)
        .await?;
    let rows = sqlx::query(
        "SELECT f.period, f.status, f.kotak, f.kinerja, f.potensial, f.reason, f.components, \
         f.calibrated_kotak, f.calibration_reason, f.computed_at, ps.name AS rules_name, \
         ps.version, ps.rules FROM placement_calibrated f \
         JOIN parameter_set ps ON ps.id = f.parameter_set_id \
         WHERE f.pegawai_id = $1 ORDER BY f.period DESC",
    )
    .bind(scope.pegawai_id())
    .fetch_all(pool)
    .await?;
    let history = rows
        .iter()
        .map(placement_view)
        .collect::<Result<Vec<_>, _>>()?;
    let idp_goals = sqlx::query(
        "SELECT g.component, g.id FROM idp_item g JOIN idp i ON i.id = g.idp_id \
         WHERE i.pegawai_id = $1 AND i.year = $2 AND g.component IS NOT NULL ORDER BY g.id",
    )
    .bind(scope.pegawai_id())
    .bind(i64::from(year))
    .fetch_all(pool)
    .await?
    .iter()
    .filter_map(|row| {
        let code: String = row.try_get("component").ok()?;
        Some((
            component_from_code(&code)?,
            row.try_get::<i64, _>("id").ok()?,
        ))
    })
    .collect();
    let mut explanation = KotakExplanation {
        name: person.try_get("name")?,
        nip: person.try_get("nip")?,
        latest: history.first().cloned(),
        rules: None,
        computed_at: None,
        components: Vec::new(),
        recommendations: Vec::new(),
        advancement: None,
        history,
        idp_goals,
    };
    let Some(row) = rows.first() else {
        return Ok(explanation);
    };
    let rules: ParameterSet = serde_json::from_str(&row.try_get::<String, _>("rules")?)?;
    let placed = decode_components(&row.try_get::<String, _>("components")?, &rules)?;
    let scored: Vec<Scored> = placed
        .iter()
        .filter_map(|c| {
            c.score.map(|score| Scored {
                component: c.component,
                score,
                weight: c.weight,
            })
        })
        .collect();
    if let Some(latest) = &explanation.latest {
        if let (Some(kinerja), Some(potensial)) = (latest.kinerja, latest.potensial) {
            explanation.advancement =
                Some(advancement(&rules.thresholds, kinerja, potensial, &scored));
        }
        // The recommendations follow the kotak that counts: a calibration changes them.
        explanation.recommendations = latest
            .final_kotak()
            .and_then(Kotak::from_number)
            .map(|k| k.recommendations().to_vec())
            .unwrap_or_default();
    }
    explanation.rules = Some(RulesVersion {
        name: row.try_get("rules_name")?,
        version: row.try_get("version")?,
        high: rules.thresholds.high,
        middle: rules.thresholds.middle,
        jp_target: rules.score_maps.jp_target,
    });
    explanation.computed_at = Some(row.try_get("computed_at")?);
    explanation.components = placed.into_iter().map(line).collect();
    Ok(explanation)
}
