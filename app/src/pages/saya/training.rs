//! "20 JP": this year's competency development hours against the target, the training
//! counted, and earlier years.

use super::{my_training, SayaNav};
use crate::components::loaded::Loaded;
use crate::format::decimal_id;
use crate::self_service::TrainingProgress;
use leptos::prelude::*;
use leptos_meta::Title;

#[component]
pub fn TrainingPage() -> impl IntoView {
    let progress = Resource::new(|| (), |_| my_training());
    view! {
        <Title text="20 JP saya | Jenjang"/>
        <SayaNav current="/saya/pelatihan"/>
        <Loaded resource=progress show=|p| view! { <Progress p/> }/>
    }
}

#[component]
fn Progress(p: TrainingProgress) -> impl IntoView {
    let met = p.attained >= p.target;
    let percent = if p.target > 0.0 {
        (p.attained / p.target * 100.0).min(100.0)
    } else {
        100.0
    };
    let summary = format!(
        "{} dari {} JP tahun {}",
        decimal_id(p.attained, 1),
        decimal_id(p.target, 1),
        p.year
    );
    view! {
        <h1>{format!("Pengembangan kompetensi {}", p.year)}</h1>
        <p class="kotak-kini">{summary.clone()}</p>
        <progress max="100" value=percent aria-label=summary></progress>
        <p>{if met {
            "Target jam pelajaran tahun ini sudah terpenuhi.".to_owned()
        } else {
            format!("Masih kurang {} JP. Rencanakan pelatihan atau e-learning di IDP Anda.", decimal_id(p.target - p.attained, 1))
        }}</p>
        {(!met).then(|| view! { <p><a href="/saya/idp#tambah">"Tambahkan ke IDP"</a></p> })}
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{format!("Pelatihan yang dihitung tahun {}", p.year)}</caption>
                <thead>
                    <tr>
                        <th scope="col">"Pelatihan"</th>
                        <th scope="col" class="angka">"JP"</th>
                    </tr>
                </thead>
                <tbody>
                    {p.trainings.is_empty().then(|| view! { <tr><td colspan="2">"Belum ada pelatihan tercatat tahun ini."</td></tr> })}
                    {p.trainings.into_iter().map(|t| view! {
                        <tr>
                            <th scope="row">
                                {t.name}
                                <small class="keterangan">{format!("{} · {}", t.organiser.unwrap_or_else(|| "penyelenggara tidak tercatat".into()), t.start)}</small>
                            </th>
                            <td class="angka">{decimal_id(t.jp, 1)}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>"Tahun sebelumnya"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Tahun"</th>
                        <th scope="col" class="angka">"JP"</th>
                        <th scope="col">"Target"</th>
                    </tr>
                </thead>
                <tbody>
                    {p.earlier.into_iter().map(|(year, jp)| view! {
                        <tr>
                            <th scope="row">{year}</th>
                            <td class="angka">{decimal_id(jp, 1)}</td>
                            <td>{if jp >= p.target { "Tercapai" } else { "Belum tercapai" }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><small>"Pelatihan yang belum tercatat? Ajukan koreksi di "<a href="/saya/data">"Data saya"</a>"."</small></p>
    }
}
