//! The application root: the HTML shell in the reader's language and the routes of every
//! journey. Every page is a server component; only the islands inside some pages reach the
//! browser as code (`crate::islands`).

use crate::assets::{self, Asset};
use crate::components::layout::{SiteFooter, SiteHeader};
use crate::components::notice::NotFound;
use crate::i18n::{provide_lang, request_lang};
use crate::pages::akses::{ChangePasswordPage, SignInPage};
use crate::pages::akun::AccountsPage;
use crate::pages::data::ResultsDeskPage;
use crate::pages::pegawai::{PersonRecordPage, ReportIdpPage, TeamPage};
use crate::pages::public::landing::LandingPage;
use crate::pages::public::merit_index::{MeritDetailPage, MeritTrendPage};
use crate::pages::public::methodology::MethodologyPage;
use crate::pages::public::national::NationalPage;
use crate::pages::saya::{CareerPage, MyDataPage, MyIdpPage, MyKotakPage, TrainingPage};
use crate::pages::talenta::{
    AuditPage, CalibrationSessionPage, CalibrationSessionsPage, CorrectionsPage, ImportPage,
    OverviewPage, ReleasePage, SpreadPage, SuccessionPage, SuccessionPlanPage, TalentMapPage,
    TalentPoolPage, UnplacedListPage,
};
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, MetaTags};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{path, SsrMode};

/// The document around the app, rendered on the server only. It names no script: a page
/// with islands adds its own (`IslandScripts`), so a page without any loads none.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let lang = request_lang();
    // What `HydrationScripts` in the head would do in islands mode: outside islands, render
    // plain HTML without hydration markers.
    if let Some(context) = Owner::current_shared_context() {
        context.set_is_hydrating(false);
    }
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="description" content=lang.pick(
                    "Jenjang: manajemen talenta dan transparansi sistem merit ASN.",
                    "Jenjang: talent management and merit-system transparency for Indonesia's civil servants (ASN).",
                )/>
                <link rel="stylesheet" href=assets::href(&options, Asset::Css)/>
                <link rel="icon" href="/favicon.svg" type="image/svg+xml"/>
                <ContentSecurityPolicy/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Sends the page's Content-Security-Policy with the nonce Leptos put on its inline scripts:
/// scripts only from this site or with that nonce, WASM compilation allowed, no framing.
#[component]
fn ContentSecurityPolicy() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let (Some(nonce), Some(response)) = (
        leptos::nonce::use_nonce(),
        use_context::<leptos_axum::ResponseOptions>(),
    ) {
        let policy = crate::security::content_security_policy(&nonce.to_string());
        if let Ok(value) = http::HeaderValue::from_str(&policy) {
            response.insert_header(http::header::CONTENT_SECURITY_POLICY, value);
        }
    }
}

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    provide_lang();
    view! {
        <Router>
            <SiteHeader/>
            // Public pages wait for their data on the server (SsrMode::Async): the whole page,
            // chart included, arrives as one HTML document that works without JavaScript.
            <main id="isi">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=LandingPage ssr=SsrMode::Async/>
                    <Route path=path!("/indeks-merit") view=MeritTrendPage ssr=SsrMode::Async/>
                    <Route path=path!("/indeks-merit/nasional") view=NationalPage ssr=SsrMode::Async/>
                    <Route path=path!("/indeks-merit/provinsi/:provinsi") view=NationalPage ssr=SsrMode::Async/>
                    <Route path=path!("/indeks-merit/:slug") view=MeritDetailPage ssr=SsrMode::Async/>
                    <Route path=path!("/metodologi") view=MethodologyPage ssr=SsrMode::Async/>
                    <Route path=path!("/masuk") view=SignInPage/>
                    // Private pages: every one reads through a guarded server function.
                    <Route path=path!("/akun/sandi") view=ChangePasswordPage ssr=SsrMode::Async/>
                    <Route path=path!("/akun") view=AccountsPage ssr=SsrMode::Async/>
                    <Route path=path!("/data/indeks-merit") view=ResultsDeskPage ssr=SsrMode::Async/>
                    <Route path=path!("/saya") view=MyKotakPage ssr=SsrMode::Async/>
                    <Route path=path!("/saya/idp") view=MyIdpPage ssr=SsrMode::Async/>
                    <Route path=path!("/saya/karier") view=CareerPage ssr=SsrMode::Async/>
                    <Route path=path!("/saya/pelatihan") view=TrainingPage ssr=SsrMode::Async/>
                    <Route path=path!("/saya/data") view=MyDataPage ssr=SsrMode::Async/>
                    <Route path=path!("/pegawai/:nip") view=PersonRecordPage ssr=SsrMode::Async/>
                    <Route path=path!("/tim") view=TeamPage ssr=SsrMode::Async/>
                    <Route path=path!("/tim/idp/:nip") view=ReportIdpPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta") view=OverviewPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/audit") view=AuditPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/koreksi") view=CorrectionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/peta") view=TalentMapPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/belum-terpetakan") view=UnplacedListPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/sebaran") view=SpreadPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/impor") view=ImportPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/rilis") view=ReleasePage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/krs") view=TalentPoolPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/suksesi") view=SuccessionPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/suksesi/:kode") view=SuccessionPlanPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/kalibrasi") view=CalibrationSessionsPage ssr=SsrMode::Async/>
                    <Route path=path!("/talenta/kalibrasi/:id") view=CalibrationSessionPage ssr=SsrMode::Async/>
                </Routes>
            </main>
            <SiteFooter/>
        </Router>
    }
}
