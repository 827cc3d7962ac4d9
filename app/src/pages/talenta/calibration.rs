//! `/talenta/kalibrasi`: the komite's calibration sessions. Inside an open session
//! (`/talenta/kalibrasi/{id}`) a person is moved to another kotak by dragging them onto it
//! or with the form under their name (keyboard and no-JavaScript alike), always with a
//! written reason. Closing records the members present, locks the session and makes the
//! minutes (berita acara) available as a PDF.

use super::map::{FilterForm, MapGrid};
use super::{
    calibration_session, calibration_sessions, get_talent_map, map_people, Calibrate,
    CloseCalibration, OpenCalibration,
};
use crate::components::loaded::Loaded;
use crate::domain::calibration::{MAX_REASON_CHARS, MIN_REASON_CHARS};
use crate::domain::nine_box::Kotak;
use crate::format::timestamp;
use crate::pages::akses::ActionError;
use crate::talent::kotak_with_calibration;
use crate::talent_map::{MapFilter, MapPerson, PeopleQuery, SessionList, SessionView, SortKey};
use leptos::either::Either;
use leptos::form::ActionForm;
use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

#[component]
pub fn CalibrationSessionsPage() -> impl IntoView {
    let query = use_query_map();
    let instansi = Memo::new(move |_| query.with(|q| q.get("instansi")));
    let open = ServerAction::<OpenCalibration>::new();
    let list = Resource::new(
        move || (instansi.get(), open.version().get()),
        |(instansi, _)| calibration_sessions(instansi),
    );
    view! {
        <Title text="Sesi kalibrasi | Jenjang"/>
        <ActionError action=open/>
        {move || open.value().get().and_then(Result::ok).map(|id| view! {
            <p class="pemberitahuan" role="status">"Sesi dibuka. "<a href=format!("/talenta/kalibrasi/{id}")>"Masuk ke sesi"</a></p>
        })}
        <Loaded resource=list show=move |list| view! { <Sessions list open/> }/>
    }
}

#[component]
fn Sessions(list: SessionList, open: ServerAction<OpenCalibration>) -> impl IntoView {
    let slug = list.slug.clone();
    view! {
        <h1>"Sesi kalibrasi komite talenta"</h1>
        <p class="pengantar">{format!(
            "{}. Dalam sesi yang terbuka, komite dapat memindahkan pegawai ke kotak lain dengan alasan tertulis. Kotak hasil perhitungan tetap terlihat di samping kotak hasil kalibrasi. Sesi yang ditutup terkunci dan menghasilkan berita acara.",
            list.instansi
        )}</p>
        {list.may_calibrate.then({
            let slug = slug.clone();
            move || view! {
            <ActionForm action=open attr:class="formulir kartu">
                <h2>"Buka sesi baru"</h2>
                <input type="hidden" name="instansi" value=slug/>
                <label for="sesi-periode">"Periode"</label>
                <select id="sesi-periode" name="periode" required>
                    {list.periods.iter().map(|p| view! { <option value=p.to_string()>{p.to_string()}</option> }).collect_view()}
                </select>
                <label for="sesi-nama">"Nama sesi"</label>
                <input id="sesi-nama" name="nama" required placeholder="Rapat komite talenta, 24 November 2026"/>
                <button type="submit">"Buka sesi"</button>
            </ActionForm>
        }})}
        {list.sessions.is_empty().then(|| view! { <p>"Belum ada sesi kalibrasi."</p> })}
        <ul class="sesi">
            {list.sessions.into_iter().map(|s| view! {
                <li>
                    <a href=format!("/talenta/kalibrasi/{}?instansi={slug}", s.id)>{s.name.clone()}</a>
                    {format!(
                        " — periode {}, {} perubahan, dibuka {} oleh {}; {}",
                        s.period,
                        s.moves,
                        timestamp(&s.opened_at),
                        s.opened_by,
                        s.closed_at.as_deref().map_or_else(|| "terbuka".to_owned(), |c| format!("ditutup {}", timestamp(c)))
                    )}
                </li>
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
    let done = RwSignal::new(0u32);
    let close = ServerAction::<CloseCalibration>::new();
    let session = Resource::new(
        move || (instansi.get(), id.get(), done.get(), close.version().get()),
        |(instansi, id, _, _)| calibration_session(instansi, id),
    );
    view! {
        <Title text="Sesi kalibrasi | Jenjang"/>
        <Loaded resource=session show=move |s| view! { <Session s done close/> }/>
    }
}

#[component]
fn Session(
    s: SessionView,
    done: RwSignal<u32>,
    close: ServerAction<CloseCalibration>,
) -> impl IntoView {
    let open = s.summary.closed_at.is_none();
    let id = s.summary.id;
    let slug = s.slug.clone();
    view! {
        <h1>{s.summary.name.clone()}</h1>
        <p class="pengantar">{format!(
            "{}, periode {}. Dibuka {} oleh {}. {}",
            s.instansi,
            s.summary.period,
            timestamp(&s.summary.opened_at),
            s.summary.opened_by,
            match &s.summary.closed_at {
                Some(at) => format!("Ditutup {} oleh {}; sesi terkunci.", timestamp(at), s.closed_by.clone().unwrap_or_default()),
                None => "Sesi terbuka.".to_owned(),
            }
        )}</p>
        <p><a href=format!("/talenta/kalibrasi?instansi={slug}")>"Semua sesi"</a></p>
        {open.then(|| view! { <Workspace session=id period=s.summary.period slug=slug.clone() done/> })}
        <Moves s=s.clone()/>
        {if open {
            Either::Left(view! {
                <ActionForm action=close attr:class="formulir kartu">
                    <h2>"Tutup sesi"</h2>
                    <p>"Setelah ditutup, sesi terkunci: tidak ada perubahan lagi. Berita acara memuat setiap perubahan dengan alasannya dan anggota yang hadir."</p>
                    <input type="hidden" name="instansi" value=slug/>
                    <input type="hidden" name="sesi" value=id/>
                    <label for="anggota-hadir">"Anggota komite yang hadir (satu nama per baris)"</label>
                    <textarea id="anggota-hadir" name="anggota" rows="4" required></textarea>
                    <ActionError action=close/>
                    <button type="submit">"Tutup sesi dan buat berita acara"</button>
                </ActionForm>
            })
        } else {
            Either::Right(view! {
                <section class="kartu">
                    <h2>"Berita acara"</h2>
                    <p>"Anggota yang hadir: "{s.members.join(", ")}</p>
                    <p><a href=format!("/talenta/kalibrasi/{id}/berita-acara.pdf") download rel="external">"Unduh berita acara (PDF)"</a></p>
                </section>
            })
        }}
    }
}

#[component]
fn Moves(s: SessionView) -> impl IntoView {
    view! {
        <section>
            <h2>{format!("Perubahan dalam sesi ini ({})", s.moves.len())}</h2>
            {s.moves.is_empty().then(|| view! { <p>"Belum ada perubahan."</p> })}
            <ol class="riwayat-kalibrasi">
                {s.moves.into_iter().map(|m| view! {
                    <li>
                        <a href=format!("/pegawai/{}", m.nip)>{m.name.clone()}</a>
                        {format!(" ({}): kotak {} → {} (hasil perhitungan: kotak {}); oleh {}, {}", m.nip, m.from, m.to, m.computed, m.decided_by, timestamp(&m.decided_at))}
                        <br/>"Alasan: "<q>{m.reason}</q>
                    </li>
                }).collect_view()}
            </ol>
        </section>
    }
}

/// The open session's map: filters, the grid (each box a drop target and a link to its
/// people) and the people of the chosen box, each with the calibration form.
#[component]
fn Workspace(session: i64, period: i32, slug: String, done: RwSignal<u32>) -> impl IntoView {
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
    let map = Resource::new(
        move || (request.get().filter, done.get()),
        |(filter, _)| get_talent_map(filter),
    );
    let people = Resource::new(
        move || (request.get(), done.get()),
        |(query, _)| async move {
            match query.kotak {
                Some(_) => map_people(query).await.map(Some),
                None => Ok(None),
            }
        },
    );
    let dragging = RwSignal::new(None::<String>);
    let dropped = RwSignal::new(None::<(String, u8)>);
    let slug = StoredValue::new(slug);
    view! {
        <section class="ruang-kalibrasi">
            <h2>"Peta periode sesi"</h2>
            <p>"Pilih kotak untuk melihat pegawainya. Seret seorang pegawai ke kotak lain, atau buka formulir di bawah namanya, lalu tulis alasannya."</p>
            <Loaded resource=map show=move |map| {
                let filter = request.get_untracked().filter;
                let action = format!("/talenta/kalibrasi/{session}");
                let link_filter = filter.clone();
                let base = action.clone();
                let link = move |kotak: u8| format!(
                    "{base}?{}#daftar",
                    link_filter.query(&[("kotak", kotak.to_string())])
                );
                view! {
                    <FilterForm slug=map.slug.clone() units=map.units.clone() filter=filter.clone() action/>
                    <MapGrid map filter selected=request.get_untracked().kotak link
                        on_drop=Callback::new(move |kotak: u8| {
                            if let Some(nip) = dragging.get_untracked() {
                                dropped.set(Some((nip, kotak)));
                            }
                        })/>
                }
            }/>
            <Loaded resource=people show=move |page| page.map(|page| {
                let slug = slug.get_value();
                view! {
                    <ul class="kalibrasi-daftar" id="daftar">
                        {page.people.into_iter().map(|p| view! {
                            <Candidate p session slug=slug.clone() dragging dropped done/>
                        }).collect_view()}
                    </ul>
                }
            })/>
        </section>
    }
}

/// A person in the open session: draggable onto a box, with the form under their name.
#[component]
fn Candidate(
    p: MapPerson,
    session: i64,
    slug: String,
    dragging: RwSignal<Option<String>>,
    dropped: RwSignal<Option<(String, u8)>>,
    done: RwSignal<u32>,
) -> impl IntoView {
    let target = RwSignal::new(None::<u8>);
    let open = RwSignal::new(false);
    let nip = p.nip.clone();
    let mine = nip.clone();
    Effect::new(move |_| {
        if let Some((who, kotak)) = dropped.get() {
            if who == mine {
                target.set(Some(kotak));
                open.set(true);
            }
        }
    });
    let drag_nip = nip.clone();
    view! {
        <li class="kandidat" draggable="true"
            on:dragstart=move |ev| {
                dragging.set(Some(drag_nip.clone()));
                if let Some(data) = ev.data_transfer() {
                    // Some browsers start a drag only with data attached.
                    let _ = data.set_data("text/plain", &drag_nip);
                }
            }
            on:dragend=move |_| dragging.set(None)>
            <details prop:open=move || open.get() on:toggle=move |ev| {
                open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open());
            }>
                <summary>
                    <strong>{p.name.clone()}</strong>
                    {format!(" · {} · {} · kotak {}", p.nip, p.unit.clone().unwrap_or_default(), kotak_with_calibration(p.kotak, p.calibrated_kotak))}
                </summary>
                <CalibrateForm session nip slug target done/>
            </details>
        </li>
    }
}

/// Moves one person to another kotak in an open session, with a written reason. `target`
/// preselects the box (after a drop); `done` ticks after each saved move.
#[component]
pub fn CalibrateForm(
    session: i64,
    nip: String,
    target: RwSignal<Option<u8>>,
    done: RwSignal<u32>,
    #[prop(optional)] slug: Option<String>,
) -> impl IntoView {
    let action = ServerAction::<Calibrate>::new();
    Effect::new(move |_| {
        if matches!(action.value().get(), Some(Ok(()))) {
            done.update(|n| *n += 1);
        }
    });
    let kotak_id = format!("ke-{nip}");
    let reason_id = format!("alasan-{nip}");
    view! {
        <ActionForm action attr:class="formulir kalibrasi">
            {slug.map(|slug| view! { <input type="hidden" name="instansi" value=slug/> })}
            <input type="hidden" name="sesi" value=session/>
            <input type="hidden" name="nip" value=nip.clone()/>
            <label for=kotak_id.clone()>"Pindahkan ke kotak"</label>
            <select id=kotak_id name="ke" required
                prop:value=move || target.get().map(|k| k.to_string()).unwrap_or_default()
                on:change=move |ev| target.set(event_target_value(&ev).parse().ok())>
                <option value="">"Pilih kotak"</option>
                {Kotak::all().map(|k| view! { <option value=k.number().to_string()>{format!("Kotak {}", k.number())}</option> }).collect_view()}
            </select>
            <label for=reason_id.clone()>{format!("Alasan kalibrasi (sekurang-kurangnya {MIN_REASON_CHARS} karakter)")}</label>
            <textarea id=reason_id name="alasan" rows="3" required
                minlength=MIN_REASON_CHARS.to_string() maxlength=MAX_REASON_CHARS.to_string()></textarea>
            <ActionError action/>
            <button type="submit">"Simpan kalibrasi"</button>
        </ActionForm>
    }
}
