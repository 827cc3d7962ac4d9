//! "Kotak saya": the latest placement of a person with every component, where it came from,
//! the parameter version, the recommendations, and what could move the person up.

use super::SelfServiceError;
use crate::api::self_service::{ComponentLine, KotakExplanation, RulesVersion};
use crate::auth::guard::PersonScope;
use crate::domain::advancement::{advancement, Scored};
use crate::domain::nine_box::Kotak;
use crate::domain::scoring::ParameterSet;
use crate::services::scoring::{decode_components, PlacedComponent};
use crate::store::{idp, placements};

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
    let (nip, name) = placements::nip_and_name(pool, scope.pegawai_id()).await?;
    let placements::ExplainedHistory {
        history,
        latest: basis,
    } = placements::explained_history(pool, scope.pegawai_id()).await?;
    let idp_goals = idp::goal_components(pool, scope.pegawai_id(), year).await?;
    let mut explanation = KotakExplanation {
        name,
        nip,
        latest: history.first().cloned(),
        rules: None,
        computed_at: None,
        components: Vec::new(),
        recommendations: Vec::new(),
        advancement: None,
        history,
        idp_goals,
    };
    let Some(basis) = basis else {
        return Ok(explanation);
    };
    let rules: ParameterSet = serde_json::from_str(&basis.rules)?;
    let placed = decode_components(&basis.components, &rules)?;
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
        // The step up starts from the kotak that counts, as the recommendations do.
        let in_force = latest.final_kotak().and_then(Kotak::from_number);
        if let (Some(kinerja), Some(potensial), Some(in_force)) =
            (latest.kinerja, latest.potensial, in_force)
        {
            explanation.advancement = Some(advancement(
                &rules.thresholds,
                kinerja,
                potensial,
                in_force,
                &scored,
            ));
        }
        // The recommendations follow the kotak that counts: a calibration changes them.
        explanation.recommendations = in_force
            .map(|k| k.recommendations().to_vec())
            .unwrap_or_default();
    }
    explanation.rules = Some(RulesVersion {
        name: basis.rules_name,
        version: basis.version,
        high: rules.thresholds.high,
        middle: rules.thresholds.middle,
        jp_target: rules.score_maps.jp_target,
    });
    explanation.computed_at = Some(basis.computed_at);
    explanation.components = placed.into_iter().map(line).collect();
    Ok(explanation)
}
