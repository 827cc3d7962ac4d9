//! "20 JP": this year's competency development hours against the target, the training
//! counted, and earlier years.

use super::{my_training, SayaNav};
use crate::api::self_service::TrainingProgress;
use crate::components::loaded::Loaded;
use crate::components::page_title::PageTitle;
use crate::i18n::use_lang;
use leptos::prelude::*;

#[component]
pub fn TrainingPage() -> impl IntoView {
    let lang = use_lang();
    let progress = Resource::new(|| (), |_| my_training());
    view! {
        <PageTitle text=lang.pick("20 JP saya | Jenjang", "My 20 JP | Jenjang")/>
        <SayaNav current="/saya/pelatihan"/>
        <Loaded resource=progress show=|p| view! { <Progress p/> }/>
    }
}

#[component]
fn Progress(p: TrainingProgress) -> impl IntoView {
    let lang = use_lang();
    let met = p.attained >= p.target;
    let percent = if p.target > 0.0 {
        (p.attained / p.target * 100.0).min(100.0)
    } else {
        100.0
    };
    let (attained, target, year) = (
        lang.decimal(p.attained, 1),
        lang.decimal(p.target, 1),
        p.year,
    );
    let summary = lang.pick(
        format!("{attained} dari {target} JP tahun {year}"),
        format!("{attained} of {target} JP in {year}"),
    );
    let short = lang.decimal(p.target - p.attained, 1);
    view! {
        <h1>{lang.pick(format!("Pengembangan kompetensi {year}"), format!("Competency development {year}"))}</h1>
        <p class="kotak-kini">{summary.clone()}</p>
        <progress max="100" value=percent aria-label=summary></progress>
        <p>{if met {
            lang.pick(
                "Target jam pelajaran tahun ini sudah terpenuhi.",
                "This year's target of learning hours is met.",
            )
            .to_owned()
        } else {
            lang.pick(
                format!("Masih kurang {short} JP. Rencanakan pelatihan atau e-learning di IDP Anda."),
                format!("{short} JP still to go. Plan training or e-learning in your IDP."),
            )
        }}</p>
        {(!met).then(|| view! { <p><a href="/saya/idp#tambah">{lang.pick("Tambahkan ke IDP", "Add to my IDP")}</a></p> })}
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick(format!("Pelatihan yang dihitung tahun {year}"), format!("Training counted in {year}"))}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Pelatihan", "Training")}</th>
                        <th scope="col" class="angka">"JP"</th>
                    </tr>
                </thead>
                <tbody>
                    {p.trainings.is_empty().then(|| view! {
                        <tr><td colspan="2">{lang.pick(
                            "Belum ada pelatihan tercatat tahun ini.",
                            "No training on record this year yet.",
                        )}</td></tr>
                    })}
                    {p.trainings.into_iter().map(|t| {
                        let organiser = t.organiser.unwrap_or_else(|| {
                            lang.pick("penyelenggara tidak tercatat", "organiser not recorded").to_owned()
                        });
                        view! {
                            <tr>
                                <th scope="row">
                                    {t.name}
                                    <small class="keterangan">{format!("{organiser} · {}", t.start)}</small>
                                </th>
                                <td class="angka">{lang.decimal(t.jp, 1)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <div class="tabel-gulir" tabindex="0">
            <table class="data">
                <caption>{lang.pick("Tahun sebelumnya", "Earlier years")}</caption>
                <thead>
                    <tr>
                        <th scope="col">{lang.pick("Tahun", "Year")}</th>
                        <th scope="col" class="angka">"JP"</th>
                        <th scope="col">{lang.pick("Target", "Target reached")}</th>
                    </tr>
                </thead>
                <tbody>
                    {p.earlier.into_iter().map(|(year, jp)| view! {
                        <tr>
                            <th scope="row">{year}</th>
                            <td class="angka">{lang.decimal(jp, 1)}</td>
                            <td>{if jp >= p.target {
                                lang.pick("Tercapai", "Reached")
                            } else {
                                lang.pick("Belum tercapai", "Not reached")
                            }}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
        </div>
        <p><small>
            {lang.pick("Pelatihan yang belum tercatat? Ajukan koreksi di ", "Training missing? Ask for a correction in ")}
            <a href="/saya/data">{lang.pick("Data saya", "My data")}</a>
            "."
        </small></p>
    }
}
