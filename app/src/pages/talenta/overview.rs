//! `/talenta`: the instansi (or the viewer's part of it) at a glance.

use super::get_instansi_overview;
use crate::components::loaded::Loaded;
use crate::format::decimal_id;
use crate::talent::InstansiOverview;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn OverviewPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let overview = Resource::new(move || instansi.get(), get_instansi_overview);
    view! {
        <Loaded resource=overview show=|overview| view! { <Overview overview/> }/>
    }
}

#[component]
fn Overview(overview: InstansiOverview) -> impl IntoView {
    let placed: i64 = overview.per_kotak.iter().sum();
    let scope = if overview.whole_instansi {
        "Seluruh instansi".to_owned()
    } else {
        "Unit kerja dalam lingkup tugas Anda".to_owned()
    };
    let period = overview.period.map_or_else(
        || "belum ada periode yang dipetakan".to_owned(),
        |p| format!("periode {p}"),
    );
    let share = |n: i64| {
        if placed == 0 {
            "—".to_owned()
        } else {
            format!("{} %", decimal_id(n as f64 * 100.0 / placed as f64, 1))
        }
    };
    view! {
        <Title text=format!("Talenta {} | Jenjang", overview.name)/>
        <h1>{overview.name.clone()}</h1>
        <p class="pengantar">{format!("{scope}: {} pegawai; {period}.", decimal_id(overview.pegawai as f64, 0))}</p>
        <p>
            <a href=format!("/talenta/audit?instansi={}", overview.slug)>"Log audit"</a>
            " · "
            <a href=format!("/akun?instansi={}", overview.slug)>"Akun dan peran"</a>
            " · "
            <a href=format!("/talenta/koreksi?instansi={}", overview.slug)>"Koreksi data"</a>
        </p>
        <div class="tabel-gulir">
            <table class="data">
                <caption>{format!("Sebaran 9 kotak, {period}")}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Kotak"</th>
                        <th scope="col" class="angka">"Pegawai"</th>
                        <th scope="col" class="angka">"Persentase"</th>
                    </tr>
                </thead>
                <tbody>
                    {(1..=9usize)
                        .rev()
                        .map(|k| {
                            let n = overview.per_kotak[k - 1];
                            view! {
                                <tr>
                                    <th scope="row">{format!("Kotak {k}")}</th>
                                    <td class="angka">{decimal_id(n as f64, 0)}</td>
                                    <td class="angka">{share(n)}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                    <tr>
                        <th scope="row">"Belum terpetakan"</th>
                        <td class="angka">{decimal_id(overview.not_placed as f64, 0)}</td>
                        <td class="angka">"—"</td>
                    </tr>
                </tbody>
            </table>
        </div>
    }
}
