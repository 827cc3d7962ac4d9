//! `/tim`: an atasan's direct reports, each linked to their record.

use super::my_team;
use crate::components::loaded::Loaded;
use crate::talent::{kotak_label, PersonSummary};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TeamPage() -> impl IntoView {
    let team = Resource::new(|| (), |_| my_team());
    view! {
        <Title text="Tim saya | Jenjang"/>
        <h1>"Tim saya"</h1>
        <p class="pengantar">"Pegawai yang melapor langsung kepada Anda dan kotak terakhirnya."</p>
        <p><a href="/saya">"Lihat data saya sendiri"</a></p>
        <Loaded resource=team show=|people| view! { <PeopleTable people caption="Anggota tim"/> }/>
    }
}

/// People with their post and latest kotak, each name a link to their record.
#[component]
pub fn PeopleTable(people: Vec<PersonSummary>, caption: &'static str) -> impl IntoView {
    if people.is_empty() {
        return Either::Left(view! { <p>"Belum ada pegawai yang tercatat."</p> });
    }
    Either::Right(view! {
        <div class="tabel-gulir">
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
