//! `/talenta/audit`: who changed what, when, and why, newest first.

use super::audit_log;
use crate::api::audit::{AuditEntry, AuditPageData};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::domain::local_time::Zone;
use crate::i18n::{audit, use_lang};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AuditPage() -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| {
        query.with(|q| {
            (
                q.get("instansi"),
                q.get("sebelum").and_then(|s| s.parse::<i64>().ok()),
            )
        })
    });
    let page = Resource::new(
        move || request.get(),
        |(instansi, before)| audit_log(instansi, before),
    );
    view! {
        <Loaded resource=page show=|page| view! { <Log page/> }/>
    }
}

#[component]
fn Log(page: AuditPageData) -> impl IntoView {
    let lang = use_lang();
    let older = page
        .older
        .map(|seq| format!("/talenta/audit?instansi={}&sebelum={seq}", page.slug));
    view! {
        <PageTitle text=format!("{} {} | Jenjang", audit_log_title(lang), page.instansi)/>
        <p class="remah"><a href=format!("/talenta?instansi={}", page.slug)>"← "{page.instansi.clone()}</a></p>
        <h1>{audit_log_title(lang)}</h1>
        <p class="pengantar">{lang.pick(
            "Setiap perubahan data tercatat di sini dan tidak dapat diubah: setiap entri terkunci dengan hash entri sebelumnya.",
            "Every change of data is recorded here and cannot be altered: each entry is locked to the hash of the one before.",
        )}</p>
        <div class="tabel-gulir" tabindex="0">
            <table class="data log-audit">
                <caption>{format!("{} {}", audit_log_title(lang), page.instansi)}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="angka">"No."</th>
                        <th scope="col">{lang.pick("Waktu", "Time")}</th>
                        <th scope="col">{lang.pick("Oleh", "By")}</th>
                        <th scope="col">{lang.pick("Tindakan", "Action")}</th>
                        <th scope="col">"Data"</th>
                        <th scope="col">{lang.pick("Alasan dan rincian", "Reason and details")}</th>
                    </tr>
                </thead>
                <tbody>{page.lines.into_iter().map(|line| view! { <Line line actors=page.actors.clone() zone=page.zone/> }).collect_view()}</tbody>
            </table>
        </div>
        {older.map(|href| view! { <p><a href=href>{lang.pick("Entri yang lebih lama", "Older entries")}</a></p> })}
    }
}

/// One entry: when (local time), who by name, what as a phrase, on which record, the reason;
/// the recorded data (JSON) on request.
#[component]
fn Line(line: AuditEntry, actors: Vec<(String, String)>, zone: Zone) -> impl IntoView {
    let lang = use_lang();
    let what = match &line.entity_id {
        Some(id) => format!("{} {id}", line.entity),
        None => line.entity.clone(),
    };
    let details = (line.before.is_some() || line.after.is_some()).then(|| {
        view! {
            <details>
                <summary>{lang.pick("Data tercatat", "Recorded data")}</summary>
                {line.before.map(|b| view! { <p><span class="sebelum">{lang.pick("Sebelum: ", "Before: ")}</span><code>{b}</code></p> })}
                {line.after.map(|a| view! { <p>{lang.pick("Sesudah: ", "After: ")}<code>{a}</code></p> })}
            </details>
        }
    });
    view! {
        <tr>
            <td class="angka">{line.seq}</td>
            <td>{lang.timestamp_in(&line.at, zone)}</td>
            <td>{audit::actor(&line.actor, &actors, lang)}</td>
            <td>{audit::action(&line.action, lang)}</td>
            <td>{what}</td>
            <td class="sumber">
                {line.reason.map(|r| view! { <p class="alasan">{format!("{} {r}", lang.pick("Alasan:", "Reason:"))}</p> })}
                {details}
            </td>
        </tr>
    }
}

fn audit_log_title(lang: crate::i18n::Lang) -> &'static str {
    lang.pick("Log audit", "Audit log")
}
