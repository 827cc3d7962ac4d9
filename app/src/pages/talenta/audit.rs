//! `/talenta/audit`: who changed what, when, and why, newest first.

use super::{audit_log, AuditPageData};
use crate::components::loaded::Loaded;
use crate::talent::AuditEntry;
use leptos::prelude::*;
use leptos_meta::Title;
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
    let older = page
        .older
        .map(|seq| format!("/talenta/audit?instansi={}&sebelum={seq}", page.slug));
    view! {
        <Title text=format!("Log audit {} | Jenjang", page.instansi)/>
        <p class="remah"><a href=format!("/talenta?instansi={}", page.slug)>"← "{page.instansi.clone()}</a></p>
        <h1>"Log audit"</h1>
        <p class="pengantar">
            "Setiap perubahan data tercatat di sini dan tidak dapat diubah: setiap entri terkunci dengan hash entri sebelumnya."
        </p>
        <div class="tabel-gulir" tabindex="0">
            <table class="data log-audit">
                <caption>{format!("Log audit {}", page.instansi)}</caption>
                <thead>
                    <tr>
                        <th scope="col" class="angka">"No."</th>
                        <th scope="col">"Waktu (UTC)"</th>
                        <th scope="col">"Oleh"</th>
                        <th scope="col">"Tindakan"</th>
                        <th scope="col">"Data"</th>
                        <th scope="col">"Sebelum → sesudah, alasan"</th>
                    </tr>
                </thead>
                <tbody>{page.lines.into_iter().map(|line| view! { <Line line/> }).collect_view()}</tbody>
            </table>
        </div>
        {older.map(|href| view! { <p><a href=href>"Entri yang lebih lama"</a></p> })}
    }
}

#[component]
fn Line(line: AuditEntry) -> impl IntoView {
    let what = match &line.entity_id {
        Some(id) => format!("{} {id}", line.entity),
        None => line.entity.clone(),
    };
    view! {
        <tr>
            <td class="angka">{line.seq}</td>
            <td>{line.at}</td>
            <td>{line.actor}</td>
            <td>{line.action}</td>
            <td>{what}</td>
            <td class="sumber">
                {line.before.map(|b| view! { <span class="sebelum">{b}</span>" → " })}
                {line.after}
                {line.reason.map(|r| view! { <span class="alasan">{format!(" Alasan: {r}")}</span> })}
            </td>
        </tr>
    }
}
