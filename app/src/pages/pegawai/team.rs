//! `/tim`: an atasan's direct reports, each linked to their record.

use super::{my_team, pending_idps};
use crate::components::loaded::Loaded;
use crate::format::timestamp;
use crate::self_service::PendingIdp;
use crate::talent::{kotak_label, PersonSummary};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TeamPage() -> impl IntoView {
    let team = Resource::new(|| (), |_| my_team());
    let pending = Resource::new(|| (), |_| pending_idps());
    view! {
        <Title text="Tim saya | Jenjang"/>
        <h1>"Tim saya"</h1>
        <p class="pengantar">"Pegawai yang melapor langsung kepada Anda dan kotak terakhirnya."</p>
        <p><a href="/saya">"Lihat data saya sendiri"</a></p>
        <Loaded resource=pending show=|plans| view! { <PendingPlans plans/> }/>
        <Loaded resource=team show=|people| view! { <PeopleTable people caption="Anggota tim"/> }/>
    }
}

/// The IDPs waiting for the atasan, each linked to its decision page.
#[component]
fn PendingPlans(plans: Vec<PendingIdp>) -> impl IntoView {
    view! {
        <section class="kartu">
            <h2>{format!("IDP menunggu persetujuan ({})", plans.len())}</h2>
            {plans.is_empty().then(|| view! { <p>"Tidak ada IDP yang menunggu keputusan Anda."</p> })}
            <ul>
                {plans.into_iter().map(|p| view! {
                    <li>
                        <a href=format!("/tim/idp/{}", p.nip)>{p.name}</a>
                        {format!(" — IDP {}, {} sasaran, diajukan {}", p.year, p.goals, p.submitted_at.as_deref().map(timestamp).unwrap_or_default())}
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// People with their post and latest kotak, each name a link to their record.
#[component]
pub fn PeopleTable(people: Vec<PersonSummary>, caption: &'static str) -> impl IntoView {
    if people.is_empty() {
        return Either::Left(view! { <p>"Belum ada pegawai yang tercatat."</p> });
    }
    Either::Right(view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Nama"</th>
                        <th scope="col">"Jabatan"</th>
                        <th scope="col">"Golongan"</th>
                        <th scope="col" class="angka">"Kotak"</th>
                    </tr>
                </thead>
                <tbody>
                    {people
                        .into_iter()
                        .map(|p| {
                            view! {
                                <tr>
                                    <th scope="row"><a href=format!("/pegawai/{}", p.nip)>{p.name.clone()}</a></th>
                                    <td>{p.jabatan.clone().unwrap_or_else(|| "—".into())}</td>
                                    <td>{p.golongan.clone()}</td>
                                    <td class="angka">{kotak_label(p.kotak)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    })
}
