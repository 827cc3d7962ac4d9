//! `/tim`: an atasan's direct reports, each linked to their record.

use super::{my_team, pending_idps};
use crate::api::self_service::PendingIdp;
use crate::api::talent::{kotak_label, PersonSummary};
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::count::SASARAN;
use crate::i18n::use_lang;
use leptos::either::Either;
use leptos::prelude::*;

#[component]
pub fn TeamPage() -> impl IntoView {
    let team = Resource::new(|| (), |_| my_team());
    let pending = Resource::new(|| (), |_| pending_idps());
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Tim saya | Jenjang", "My team | Jenjang")/>
        <h1>{lang.pick("Tim saya", "My team")}</h1>
        <p class="pengantar">{lang.pick(
            "Pegawai yang melapor langsung kepada Anda dan kotak terakhirnya.",
            "The employees who report to you directly, with their latest box.",
        )}</p>
        <p><a href="/saya">{lang.pick("Lihat data saya sendiri", "See my own data")}</a></p>
        <Loaded resource=pending show=|plans| view! { <PendingPlans plans/> }/>
        <Loaded resource=team show=move |people| view! { <PeopleTable people caption=lang.pick("Anggota tim", "Team members")/> }/>
    }
}

/// The IDPs waiting for the atasan, each linked to its decision page.
#[component]
fn PendingPlans(plans: Vec<PendingIdp>) -> impl IntoView {
    let lang = use_lang();
    view! {
        <section class="kartu">
            <h2>{format!("{} ({})", lang.pick("IDP menunggu persetujuan", "IDPs waiting for approval"), plans.len())}</h2>
            {plans.is_empty().then(|| view! { <p>{lang.pick("Tidak ada IDP yang menunggu keputusan Anda.", "No IDP is waiting for your decision.")}</p> })}
            <ul>
                {plans.into_iter().map(|p| {
                    let (year, goals) = (p.year, lang.count(p.goals, SASARAN));
                    let sent = p.submitted_at.as_deref().map(|at| lang.timestamp(at)).unwrap_or_default();
                    view! {
                        <li>
                            <a href=format!("/tim/idp/{}", p.nip)>{p.name}</a>
                            {lang.pick(
                                format!(" — IDP {year}, {goals}, diajukan {sent}"),
                                format!(" — IDP {year}, {goals}, sent {sent}"),
                            )}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// People with their post and latest kotak, each name a link to their record.
#[component]
pub fn PeopleTable(people: Vec<PersonSummary>, caption: &'static str) -> impl IntoView {
    let lang = use_lang();
    if people.is_empty() {
        return Either::Left(
            view! { <p>{lang.pick("Belum ada pegawai yang tercatat.", "No employees on record yet.")}</p> },
        );
    }
    Either::Right(view! {
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{caption}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Nama", "Name")}</th>
                        <th scope="col">{lang.pick("Jabatan", "Post")}</th>
                        <th scope="col">{lang.pick("Golongan", "Grade (golongan)")}</th>
                        <th scope="col" class="angka">{lang.pick("Kotak", "Box")}</th>
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
