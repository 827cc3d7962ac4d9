//! `/talenta/kalibrasi`: the komite's calibration sessions. Inside an open session
//! (`/talenta/kalibrasi/{id}`) a person is moved to another kotak with the form under their
//! name (keyboard and no-JavaScript alike) or, once the board's island has hydrated, by
//! dragging them onto the box, always with a written reason. Closing records the members
//! present, locks the session and makes the minutes (berita acara) available as a PDF.

use super::nav::{filter_query, people_query, Pager, PeopleSearch};
use super::widgets::{people_title, FilterForm, MapGrid};
use super::{
    calibration_session, calibration_sessions, get_talent_map, map_people, Calibrate,
    CloseCalibration, OpenCalibration,
};
use crate::api::calibration::{SessionList, SessionView};
use crate::api::talent::kotak_with_calibration;
use crate::api::talent_map::{MapFilter, MapPerson, PeoplePage, PeopleQuery, SortKey};
use crate::components::island_scripts::IslandScripts;
use crate::components::loaded::Loaded;
use crate::components::outcome::{form_outcome, typed_value, was_refused, PostForm};
use crate::components::page_title::PageTitle;
use crate::domain::calibration::{MAX_REASON_CHARS, MAX_REFERENCE_CHARS, MIN_REASON_CHARS};
use crate::domain::nine_box::Kotak;
use crate::i18n::count::{ORANG, PERUBAHAN};
use crate::i18n::{use_lang, Lang};
use crate::islands::calibration_board::CalibrationBoard;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CalibrationSessionsPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let list = Resource::new(move || instansi.get(), calibration_sessions);
    let lang = use_lang();
    let opened = form_outcome::<OpenCalibration>(Some(OPEN_FORM))
        .and_then(Result::ok)
        .map(|id| view! {
            <p class="pemberitahuan" role="status">
                {lang.pick("Sesi dibuka. ", "Session opened. ")}
                <a href=format!("/talenta/kalibrasi/{id}")>{lang.pick("Masuk ke sesi", "Enter the session")}</a>
            </p>
        });
    view! {
        <PageTitle text=page_title(lang)/>
        {opened}
        <Loaded resource=list show=move |list| view! { <Sessions list/> }/>
    }
}

/// The id of the form that opens a session.
const OPEN_FORM: &str = "buka-sesi";

#[component]
fn Sessions(list: SessionList) -> impl IntoView {
    let lang = use_lang();
    let slug = list.slug.clone();
    view! {
        <h1>{lang.pick("Sesi kalibrasi komite talenta", "Calibration sessions of the talent committee")}</h1>
        <p class="pengantar">{list.instansi.clone()}". "{lang.pick(
            "Dalam sesi yang terbuka, komite dapat memindahkan pegawai ke kotak lain dengan alasan tertulis. Kotak hasil perhitungan tetap terlihat di samping kotak hasil kalibrasi. Sesi yang ditutup terkunci dan menghasilkan berita acara.",
            "In an open session the committee may move an employee to another box with a written reason. The computed box stays visible beside the calibrated one. A closed session is locked and yields the minutes (berita acara).",
        )}</p>
        {list.may_calibrate.then({
            let slug = slug.clone();
            move || view! {
            <PostForm<OpenCalibration> id=OPEN_FORM class="formulir kartu">
                <h2>{lang.pick("Buka sesi baru", "Open a new session")}</h2>
                <input type="hidden" name="instansi" value=slug/>
                <label for="sesi-periode">{lang.pick("Periode", "Period")}</label>
                <select id="sesi-periode" name="periode" required>
                    {list.periods.iter().map(|p| view! { <option value=p.to_string()>{p.to_string()}</option> }).collect_view()}
                </select>
                <label for="sesi-nama">{lang.pick("Nama sesi", "Name of the session")}</label>
                <input id="sesi-nama" name="nama" required value=typed_value("nama")
                    placeholder=lang.pick("Rapat komite talenta, 24 November 2026", "Talent committee meeting, 24 November 2026")/>
                <button type="submit">{lang.pick("Buka sesi", "Open the session")}</button>
            </PostForm<OpenCalibration>>
        }})}
        {list.sessions.is_empty().then(|| view! { <p>{lang.pick("Belum ada sesi kalibrasi.", "No calibration sessions yet.")}</p> })}
        <ul class="sesi">
            {list.sessions.into_iter().map(|s| {
                let zone = list.zone;
                let (period, moves, by) = (s.period, lang.count(s.moves, PERUBAHAN), &s.opened_by);
                let opened = lang.timestamp_in(&s.opened_at, zone);
                let state = match s.closed_at.as_deref() {
                    None => lang.pick("terbuka", "open").to_owned(),
                    Some(at) => format!("{} {}", lang.pick("ditutup", "closed"), lang.timestamp_in(at, zone)),
                };
                view! {
                    <li>
                        <a href=format!("/talenta/kalibrasi/{}?instansi={slug}", s.id)>{s.name.clone()}</a>
                        {lang.pick(
                            format!(" — periode {period}, {moves}, dibuka {opened} oleh {by}; {state}"),
                            format!(" — period {period}, {moves}, opened {opened} by {by}; {state}"),
                        )}
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}

#[component]
pub fn CalibrationSessionPage() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = Memo::new(move |_| {
        params.with(|p| {
            p.get("id")
                .and_then(|id| id.parse::<i64>().ok())
                .unwrap_or_default()
        })
    });
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let session = Resource::new(
        move || (instansi.get(), id.get()),
        |(instansi, id)| calibration_session(instansi, id),
    );
    let lang = use_lang();
    view! {
        <PageTitle text=page_title(lang)/>
        <Loaded resource=session show=move |s| view! { <Session s/> }/>
    }
}

#[component]
fn Session(s: SessionView) -> impl IntoView {
    let lang = use_lang();
    let open = s.summary.closed_at.is_none();
    let id = s.summary.id;
    let slug = s.slug.clone();
    let (instansi, period, by) = (&s.instansi, s.summary.period, &s.summary.opened_by);
    let opened = lang.timestamp_in(&s.summary.opened_at, s.zone);
    let state = match &s.summary.closed_at {
        Some(at) => {
            let (at, closer) = (
                lang.timestamp_in(at, s.zone),
                s.closed_by.clone().unwrap_or_default(),
            );
            lang.pick(
                format!("Ditutup {at} oleh {closer}; sesi terkunci."),
                format!("Closed {at} by {closer}; the session is locked."),
            )
        }
        None => lang
            .pick("Sesi terbuka.", "The session is open.")
            .to_owned(),
    };
    let intro = lang.pick(
        format!("{instansi}, periode {period}. Dibuka {opened} oleh {by}. {state}"),
        format!("{instansi}, period {period}. Opened {opened} by {by}. {state}"),
    );
    view! {
        <h1>{s.summary.name.clone()}</h1>
        <p class="pengantar">{intro}</p>
        <p><a href=format!("/talenta/kalibrasi?instansi={slug}")>{lang.pick("Semua sesi", "All sessions")}</a></p>
        {open.then(|| view! { <Workspace session=id period=s.summary.period slug=slug.clone()/> })}
        <Moves s=s.clone()/>
        {if open {
            Either::Left(view! {
                <PostForm<CloseCalibration> id="tutup-sesi" class="formulir kartu">
                    <h2>{lang.pick("Tutup sesi", "Close the session")}</h2>
                    <p>{lang.pick(
                        "Setelah ditutup, sesi terkunci: tidak ada perubahan lagi. Berita acara memuat setiap perubahan dengan alasannya dan anggota yang hadir.",
                        "Once closed, the session is locked: no more changes. The minutes list every change with its reason and the members present.",
                    )}</p>
                    <input type="hidden" name="instansi" value=slug/>
                    <input type="hidden" name="sesi" value=id/>
                    <label for="anggota-hadir">{lang.pick(
                        "Anggota komite yang hadir (satu nama per baris)",
                        "Committee members present (one name per line)",
                    )}</label>
                    <textarea id="anggota-hadir" name="anggota" rows="4" required>{typed_value("anggota")}</textarea>
                    <label for="nomor-ba">{lang.pick(
                        "Nomor berita acara (boleh dikosongkan dan ditulis tangan pada cetakan)",
                        "Reference number of the minutes (may be left empty and written by hand on the print)",
                    )}</label>
                    <input id="nomor-ba" name="nomor" maxlength=MAX_REFERENCE_CHARS value=typed_value("nomor")/>
                    <button type="submit">{lang.pick("Tutup sesi dan buat berita acara", "Close the session and make the minutes")}</button>
                </PostForm<CloseCalibration>>
                <IslandScripts/>
            })
        } else {
            Either::Right(view! {
                <section class="kartu">
                    <h2>{lang.pick("Berita acara", "Minutes (berita acara)")}</h2>
                    {s.reference.clone().map(|nomor| view! {
                        <p>{lang.pick("Nomor berita acara: ", "Reference number: ")}{nomor}</p>
                    })}
                    <p>{lang.pick("Anggota yang hadir: ", "Members present: ")}{s.members.join(", ")}</p>
                    <p><a href=format!("/talenta/kalibrasi/{id}/berita-acara.pdf") download rel="external">
                        {lang.pick("Unduh berita acara (PDF)", "Download the minutes (PDF, in Indonesian)")}
                    </a></p>
                </section>
            })
        }}
    }
}

#[component]
fn Moves(s: SessionView) -> impl IntoView {
    let lang = use_lang();
    let zone = s.zone;
    view! {
        <section>
            <h2>{format!("{} ({})", lang.pick("Perubahan dalam sesi ini", "Changes in this session"), s.moves.len())}</h2>
            {s.moves.is_empty().then(|| view! { <p>{lang.pick("Belum ada perubahan.", "No changes yet.")}</p> })}
            <ol class="riwayat-kalibrasi">
                {s.moves.into_iter().map(|m| {
                    let (nip, from, to, computed, by) = (&m.nip, m.from, m.to, m.computed, &m.decided_by);
                    let at = lang.timestamp_in(&m.decided_at, zone);
                    let line = lang.pick(
                        format!(" ({nip}): kotak {from} → {to} (hasil perhitungan: kotak {computed}); oleh {by}, {at}"),
                        format!(" ({nip}): box {from} → {to} (computed: box {computed}); by {by}, {at}"),
                    );
                    view! {
                        <li>
                            <a href=format!("/pegawai/{}", m.nip)>{m.name.clone()}</a>
                            {line}
                            <br/>{lang.pick("Alasan: ", "Reason: ")}<q>{m.reason}</q>
                        </li>
                    }
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The open session's map: filters, the grid (each box a link to its people) and the people
/// of the chosen box, each with the calibration form; on the board, a person can also be
/// dragged onto a box.
#[component]
fn Workspace(session: i64, period: i32, slug: String) -> impl IntoView {
    let query = use_query_map();
    let request = Memo::new(move |_| {
        query.with(|q| {
            let mut filter = MapFilter::from_params(|key| q.get(key));
            filter.periode = Some(period);
            PeopleQuery {
                filter,
                kotak: q.get("kotak").and_then(|k| k.parse().ok()),
                cari: q.get("cari").filter(|c| !c.trim().is_empty()),
                urut: SortKey::Nama,
                halaman: q.get("halaman").and_then(|h| h.parse().ok()).unwrap_or(1),
            }
        })
    });
    let map = Resource::new(move || request.get().filter, get_talent_map);
    let people = Resource::new(
        move || request.get(),
        |query| async move {
            if query.kotak.is_some() || query.cari.is_some() {
                map_people(query).await.map(Some)
            } else {
                Ok(None)
            }
        },
    );
    let slug = StoredValue::new(slug);
    let lang = use_lang();
    view! {
        <section class="ruang-kalibrasi">
            <h2>{lang.pick("Peta periode sesi", "The map of the session's period")}</h2>
            <p>{lang.pick(
                "Pilih kotak untuk melihat pegawainya. Seret seorang pegawai ke kotak lain, atau buka formulir di bawah namanya, lalu tulis alasannya.",
                "Choose a box to see its people. Drag a person onto another box, or open the form under their name, then write the reason.",
            )}</p>
            <CalibrationBoard>
                <Loaded resource=map show=move |map| {
                    let filter = request.get_untracked().filter;
                    let action = format!("/talenta/kalibrasi/{session}");
                    let link_filter = filter.clone();
                    let base = action.clone();
                    let link = move |kotak: u8| format!(
                        "{base}?{}#daftar",
                        filter_query(&link_filter, &[("kotak", kotak.to_string())])
                    );
                    view! {
                        <FilterForm slug=map.slug.clone() units=map.units.clone() filter=filter.clone() action/>
                        <MapGrid map filter selected=request.get_untracked().kotak link/>
                    }
                }/>
                <Loaded resource=people show=move |page| page.map(|page| view! {
                    <SessionPeople page query=request.get_untracked() session slug=slug.get_value()/>
                })/>
            </CalibrationBoard>
        </section>
    }
}

/// The people of the chosen kotak (or search) in the open session, a page at a time, with the
/// search that reaches anyone of the period under the filters.
#[component]
fn SessionPeople(
    page: PeoplePage,
    query: PeopleQuery,
    session: i64,
    slug: String,
) -> impl IntoView {
    let lang = use_lang();
    let action = format!("/talenta/kalibrasi/{session}");
    let title = people_title(query.kotak, lang);
    let link = {
        let (action, query) = (action.clone(), query.clone());
        move |halaman: u32| {
            let pairs = [("halaman", halaman.to_string())];
            format!("{action}?{}#daftar", people_query(&query, &pairs))
        }
    };
    view! {
        <section id="daftar" class="daftar-sesi">
            <h3>{format!("{title} ({})", lang.count(page.total, ORANG))}</h3>
            // The komite looks for a person by name across every box of the period.
            <PeopleSearch action filter=query.filter.clone() kotak=None cari=query.cari.clone()/>
            <ul class="kalibrasi-daftar">
                {page.people.into_iter().map(|p| view! {
                    <Candidate p session slug=slug.clone()/>
                }).collect_view()}
            </ul>
            <Pager halaman=page.halaman pages=page.pages link/>
        </section>
    }
}

/// A person in the open session, with the calibration form under their name; on the board,
/// draggable onto a box.
#[component]
fn Candidate(p: MapPerson, session: i64, slug: String) -> impl IntoView {
    let lang = use_lang();
    let handle = p.nip.clone();
    // Open when its form comes back refused, so that the message is seen.
    let open = was_refused::<Calibrate>(&calibrate_form_id(&p.nip));
    view! {
        <li class="kandidat" draggable="true" data-nip=handle>
            <details open=open>
                <summary>
                    <strong>{p.name.clone()}</strong>
                    {format!(
                        " · {} · {} · {} {}",
                        p.nip,
                        p.unit.clone().unwrap_or_default(),
                        lang.pick("kotak", "box"),
                        kotak_with_calibration(p.kotak, p.calibrated_kotak)
                    )}
                </summary>
                <CalibrateForm session nip=p.nip slug/>
            </details>
        </li>
    }
}

/// The id of the calibration form of the person `nip`.
fn calibrate_form_id(nip: &str) -> String {
    format!("kalibrasi-{nip}")
}

/// Moves one person to another kotak in an open session, with a written reason.
#[component]
pub fn CalibrateForm(
    session: i64,
    nip: String,
    #[prop(optional, into)] slug: Option<String>,
) -> impl IntoView {
    let kotak_id = format!("ke-{nip}");
    let reason_id = format!("alasan-{nip}");
    let lang = use_lang();
    view! {
        <PostForm<Calibrate> id=calibrate_form_id(&nip) class="formulir kalibrasi">
            {slug.map(|slug| view! { <input type="hidden" name="instansi" value=slug/> })}
            <input type="hidden" name="sesi" value=session/>
            <input type="hidden" name="nip" value=nip.clone()/>
            <label for=kotak_id.clone()>{lang.pick("Pindahkan ke kotak", "Move to box")}</label>
            <select id=kotak_id name="ke" required>
                <option value="">{lang.pick("Pilih kotak", "Choose a box")}</option>
                {Kotak::all().map(|k| {
                    let chosen = typed_value("ke") == Some(k.number().to_string());
                    view! {
                        <option value=k.number().to_string() selected=chosen>{format!("{} {}", lang.pick("Kotak", "Box"), k.number())}</option>
                    }
                }).collect_view()}
            </select>
            <label for=reason_id.clone()>{lang.pick(
                format!("Alasan kalibrasi (sekurang-kurangnya {MIN_REASON_CHARS} karakter)"),
                format!("Reason for the calibration (at least {MIN_REASON_CHARS} characters)"),
            )}</label>
            <textarea id=reason_id name="alasan" rows="3" required
                minlength=MIN_REASON_CHARS.to_string() maxlength=MAX_REASON_CHARS.to_string()>{typed_value("alasan")}</textarea>
            <button type="submit">{lang.pick("Simpan kalibrasi", "Save the calibration")}</button>
        </PostForm<Calibrate>>
    }
}

fn page_title(lang: Lang) -> &'static str {
    lang.pick("Sesi kalibrasi | Jenjang", "Calibration sessions | Jenjang")
}
