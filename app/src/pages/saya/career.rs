//! "Jalur karier": choose a target post; see the eligibility checklist, the competency gaps
//! and JPM against its standard, and an estimated readiness. The choice lives in the URL
//! (`?jabatan=KODE`), so the page works as a plain form without JavaScript.

use super::{my_career_path, GapsToIdp, SayaNav};
use crate::api::self_service::{CareerPath, PostOption, TargetAssessment};
use crate::components::loaded::Loaded;
use crate::components::outcome::{form_outcome, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::career::CheckOutcome;
use crate::i18n::count::SASARAN;
use crate::i18n::{checklist, terms, use_lang};
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn CareerPage() -> impl IntoView {
    let query = use_query_map();
    let target = Memo::new(move |_| query.with(|q| q.get("jabatan")));
    let path = Resource::new(move || target.get(), my_career_path);
    let lang = use_lang();
    view! {
        <PageTitle text=lang.pick("Jalur karier | Jenjang", "Career path | Jenjang")/>
        <SayaNav current="/saya/karier"/>
        <h1>{lang.pick("Jalur karier", "Career path")}</h1>
        <Loaded resource=path show=|path| view! { <Career path/> }/>
    }
}

#[component]
fn Career(path: CareerPath) -> impl IntoView {
    let lang = use_lang();
    let chosen = path.target.as_ref().map(|t| t.post.code.clone());
    view! {
        <p class="pengantar">{match &path.current_post {
            Some(post) => lang.pick(format!("Jabatan sekarang: {post}."), format!("Current post: {post}.")),
            None => lang.pick("Jabatan sekarang belum tercatat.", "The current post is not on record.").to_owned(),
        }}</p>
        <form method="get" action="/saya/karier" class="formulir">
            <label for="jabatan-target">{lang.pick("Jabatan target", "Target post")}</label>
            <select id="jabatan-target" name="jabatan">
                <option value="">{lang.pick("— pilih jabatan —", "— choose a post —")}</option>
                {path.options.iter().map(|o| view! { <PostChoice option=o.clone() chosen=chosen.clone()/> }).collect_view()}
            </select>
            <button type="submit">{lang.pick("Lihat kesiapan", "See my readiness")}</button>
        </form>
        <p><small>{lang.pick(
            "Saran: jabatan satu tingkat di atas dalam bidang Anda (ditandai ★), serta jabatan kritikal dan jabatan target instansi.",
            "Suggested: posts one level up in your field (marked ★), and the instansi's critical and target posts.",
        )}</small></p>
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

/// The form that adds the target post's gaps to the IDP.
const GAPS_FORM: &str = "kesenjangan-ke-idp";

#[component]
fn Target(target: TargetAssessment) -> impl IntoView {
    let lang = use_lang();
    let added = form_outcome::<GapsToIdp>(Some(GAPS_FORM))
        .and_then(Result::ok)
        .map(|added| {
            let goals = lang.count(added, SASARAN);
            lang.pick(
                format!("{goals} ditambahkan ke IDP Anda (kesenjangan yang sudah ada di IDP tidak diulang). Lengkapi kegiatannya di halaman IDP."),
                format!("{goals} added to your IDP (gaps already in it are not repeated). Plan their activities on the IDP page."),
            )
        });
    let readiness = target.readiness.map_or_else(
        || {
            lang.pick(
                "Belum dapat diperkirakan: sebagian data belum tercatat (lihat tanda ?).",
                "Cannot be estimated yet: some data is not on record (see the ? marks).",
            )
        },
        |r| terms::readiness(r, lang),
    );
    let source = if target.requirements_set {
        lang.pick(
            "Syarat ditetapkan BKPSDM untuk jabatan ini.",
            "BKPSDM set the requirements of this post.",
        )
    } else {
        lang.pick(
            "BKPSDM belum menetapkan syarat khusus; yang diperiksa adalah ketentuan umum jenis jabatan ini.",
            "BKPSDM has not set requirements of its own; these are the general rules for this kind of post.",
        )
    };
    view! {
        <section class="kartu">
            <h2>{target.post.name.clone()}</h2>
            <p class="kotak-kini">{lang.pick("Perkiraan kesiapan: ", "Estimated readiness: ")}{readiness}</p>
            <p><small>{source}</small></p>
            <div class="tabel-gulir" tabindex="0">
                <table class="data syarat">
                    <caption>{lang.pick("Syarat jabatan", "Requirements of the post")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Syarat", "Requirement")}</th>
                            <th scope="col">{lang.pick("Hasil", "Result")}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {target.checks.into_iter().map(|c| {
                            let (mark, class) = match c.outcome {
                                CheckOutcome::Pass => (lang.pick("✓ Memenuhi", "✓ Met"), "lulus"),
                                CheckOutcome::Fail => (lang.pick("✗ Belum", "✗ Not yet"), "gagal"),
                                CheckOutcome::Unknown => (lang.pick("? Data belum ada", "? No data yet"), "tidak-tahu"),
                            };
                            view! {
                                <tr class=class>
                                    <th scope="row">
                                        {terms::criterion(c.criterion, lang)}
                                        <span class="keterangan">{lang.pick("Dibutuhkan: ", "Required: ")}{checklist::required(&c.required, lang)}</span>
                                        <span class="keterangan">{lang.pick("Anda: ", "You: ")}{checklist::attained(&c.attained, lang)}</span>
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
            <h2>{lang.pick("Kesenjangan kompetensi", "Competency gaps")}</h2>
            {match target.jpm {
                Some((percent, mapping, selection)) => {
                    let (percent, mapping, selection) = (
                        lang.decimal(percent, 1),
                        terms::mapping_category(mapping, lang),
                        terms::selection_category(selection, lang),
                    );
                    Either::Left(view! {
                        <p>{lang.pick(
                            format!("JPM terhadap standar jabatan ini: {percent} % ({mapping}; untuk seleksi: {selection})."),
                            format!("JPM against this post's standard: {percent} % ({mapping}; for selection: {selection})."),
                        )}</p>
                    })
                }
                None => Either::Right(view! { <p>{lang.pick(
                    "JPM belum dapat dihitung: hasil asesmen Anda belum mencakup semua kompetensi jabatan ini.",
                    "JPM cannot be computed yet: your assessment does not cover every competency of this post.",
                )}</p> }),
            }}
            <div class="tabel-gulir" tabindex="0">
                <table class="data ringkas">
                    <caption>{lang.pick("Standar kompetensi jabatan target dan level Anda", "The target post's competency standard and your levels")}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{lang.pick("Kompetensi", "Competency")}</th>
                            <th scope="col" class="angka">{lang.pick("Standar", "Standard")}</th>
                            <th scope="col" class="angka">{lang.pick("Anda", "You")}</th>
                            <th scope="col" class="angka">{lang.pick("Kurang", "Short by")}</th>
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
                                    <th scope="row">{g.known.map_or(g.kompetensi, |k| terms::kompetensi(k, lang).to_owned())}</th>
                                    <td class="angka">{g.required}</td>
                                    <td class="angka">{g.attained.map_or_else(|| "—".to_owned(), |a| a.to_string())}</td>
                                    <td class="angka">{gap}</td>
                                </tr>
                            }
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {added.map(|text| view! { <p class="pemberitahuan" role="status">{text}</p> })}
            <PostForm<GapsToIdp> id=GAPS_FORM class="formulir">
                <input type="hidden" name="jabatan" value=target.post.code.clone()/>
                <button type="submit">{lang.pick("Tambahkan kesenjangan ini ke IDP", "Add these gaps to my IDP")}</button>
            </PostForm<GapsToIdp>>
            <p><a href="/saya/idp">{lang.pick("Buka IDP saya", "Open my IDP")}</a></p>
        </section>
    }
}
