//! "Jalur karier": choose a target post; see the eligibility checklist, the competency gaps
//! and JPM against its standard, and an estimated readiness. The choice lives in the URL
//! (`?jabatan=KODE`), so the page works as a plain form without JavaScript.

use super::{my_career_path, SayaNav};
use crate::components::loaded::Loaded;
use crate::domain::career::CheckOutcome;
use crate::format::decimal_id;
use crate::self_service::{CareerPath, PostOption, TargetAssessment};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CareerPage() -> impl IntoView {
    let query = use_query_map();
    let target = Memo::new(move |_| query.with(|q| q.get("jabatan")));
    let path = Resource::new(move || target.get(), my_career_path);
    view! {
        <Title text="Jalur karier | Jenjang"/>
        <SayaNav current="/saya/karier"/>
        <h1>"Jalur karier"</h1>
        <Loaded resource=path show=|path| view! { <Career path/> }/>
    }
}

#[component]
fn Career(path: CareerPath) -> impl IntoView {
    let chosen = path.target.as_ref().map(|t| t.post.code.clone());
    view! {
        <p class="pengantar">{match &path.current_post {
            Some(post) => format!("Jabatan sekarang: {post}."),
            None => "Jabatan sekarang belum tercatat.".to_owned(),
        }}</p>
        <form method="get" action="/saya/karier" class="formulir">
            <label for="jabatan-target">"Jabatan target"</label>
            <select id="jabatan-target" name="jabatan">
                <option value="">"— pilih jabatan —"</option>
                {path.options.iter().map(|o| view! { <PostChoice option=o.clone() chosen=chosen.clone()/> }).collect_view()}
            </select>
            <button type="submit">"Lihat kesiapan"</button>
        </form>
        <p><small>"Saran: jabatan satu tingkat di atas dalam bidang Anda (ditandai ★), serta jabatan kritikal dan jabatan target instansi."</small></p>
        {path.target.map(|target| view! { <Target target/> })}
    }
}

#[component]
fn PostChoice(option: PostOption, chosen: Option<String>) -> impl IntoView {
    let label = format!(
        "{}{}{}",
        if option.suggested { "★ " } else { "" },
        option.name,
        option.unit.map(|u| format!(" — {u}")).unwrap_or_default()
    );
    let selected = chosen.as_deref() == Some(option.code.as_str());
    view! { <option value=option.code selected=selected>{label}</option> }
}

#[component]
fn Target(target: TargetAssessment) -> impl IntoView {
    let readiness = target.readiness.map_or_else(
        || "Belum dapat diperkirakan: sebagian data belum tercatat (lihat tanda ?).".to_owned(),
        |r| r.label().to_owned(),
    );
    let source = if target.requirements_set {
        "Syarat ditetapkan BKPSDM untuk jabatan ini."
    } else {
        "BKPSDM belum menetapkan syarat khusus; yang diperiksa adalah ketentuan umum jenis jabatan ini."
    };
    view! {
        <section class="kartu">
            <h2>{target.post.name.clone()}</h2>
            <p class="kotak-kini">"Perkiraan kesiapan: "{readiness}</p>
            <p><small>{source}</small></p>
            <div class="tabel-gulir" tabindex="0">
                <table class="data syarat">
                    <caption>"Syarat jabatan"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Syarat"</th>
                            <th scope="col">"Hasil"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {target.checks.into_iter().map(|c| {
                            let (mark, class) = match c.outcome {
                                CheckOutcome::Pass => ("✓ Memenuhi", "lulus"),
                                CheckOutcome::Fail => ("✗ Belum", "gagal"),
                                CheckOutcome::Unknown => ("? Data belum ada", "tidak-tahu"),
                            };
                            view! {
                                <tr class=class>
                                    <th scope="row">
                                        {c.criterion.label()}
                                        <span class="keterangan">{format!("Dibutuhkan: {}", c.required)}</span>
                                        <span class="keterangan">{format!("Anda: {}", c.actual)}</span>
                                    </th>
                                    <td>{mark}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </section>
        <section>
            <h2>"Kesenjangan kompetensi"</h2>
            {match target.jpm {
                Some((percent, mapping, selection)) => Either::Left(view! {
                    <p>{format!("JPM terhadap standar jabatan ini: {} % ({mapping}; untuk seleksi: {selection}).", decimal_id(percent, 1))}</p>
                }),
                None => Either::Right(view! { <p>"JPM belum dapat dihitung: hasil asesmen Anda belum mencakup semua kompetensi jabatan ini."</p> }),
            }}
            <div class="tabel-gulir" tabindex="0">
                <table class="data ringkas">
                    <caption>"Standar kompetensi jabatan target dan level Anda"</caption>
                    <thead>
                        <tr>
                            <th scope="col">"Kompetensi"</th>
                            <th scope="col" class="angka">"Standar"</th>
                            <th scope="col" class="angka">"Anda"</th>
                            <th scope="col" class="angka">"Kurang"</th>
                        </tr>
                    </thead>
                    <tbody>
                        {target.gaps.into_iter().map(|g| {
                            let gap = g.attained.map_or_else(
                                || "—".to_owned(),
                                |a| i16::from(g.required).saturating_sub(i16::from(a)).max(0).to_string(),
                            );
                            view! {
                                <tr>
                                    <th scope="row">{g.kompetensi}</th>
                                    <td class="angka">{g.required}</td>
                                    <td class="angka">{g.attained.map_or_else(|| "—".to_owned(), |a| a.to_string())}</td>
                                    <td class="angka">{gap}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            <p><a href="/saya/idp#tambah">"Tambahkan kesenjangan ini ke IDP"</a></p>
        </section>
    }
}
