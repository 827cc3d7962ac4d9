//! The two languages of the interface: Bahasa Indonesia, the default, and English. A page
//! writes every text it shows as a pair, `lang.pick("Beranda", "Home")`, so a text cannot
//! exist in one language only; `coverage` (a test) reads the page sources and fails on any
//! text written outside such a pair.
//!
//! The choice is a cookie set by `/bahasa/{id,en}`, which sends the reader back to the page
//! they were on. The server renders the page in that language and writes it into
//! `<html lang>`, which the browser build reads back when it hydrates, so both render alike.
//!
//! A number before a countable noun is worded by [`count`], never by hand: English has
//! "1 person" and "2 people", Indonesian "1 orang" and "2 orang".
//!
//! # Glossary: the official terms in English
//!
//! One English rendering per term, on every page, refusal and download:
//!
//! - **instansi**: "instansi", in English too, singular and plural alike ("an instansi",
//!   "3 instansi", "per instansi"); never "institution" or "agency".
//! - **kotak**: "box" ("box 5", "boxes 7-9", "the 9-box"); never "kotak" in English text.
//! - **kinerja** and **potensial**: "performance" (Y axis) and "potential" (X axis).
//! - **pegawai**: "employee"; a head count is "person"/"people" (`count::ORANG`).
//! - **golongan**: "golongan" ("Grade (golongan)" as a heading).
//! - **OPD** (perangkat daerah): "regional office (OPD)"; **unit kerja**: "work unit".
//! - **KRS**: "succession pool (KRS)", "the national KRS".
//! - **NIP**, **SKP**, **JP**, **JPM**, **ASN**, **PNS**, **PPPK**, **IDP**, **BKPSDM**: as
//!   they are ("20 JP" has no plural); an SKP **predikat** keeps its Indonesian name beside
//!   its translation (see [`terms`]).
//! - **lembaga**, a kind of instansi like kementerian or kota: "Agency" (Ministry, City, …).

pub mod audit;
pub mod checklist;
pub mod count;
#[cfg(test)]
mod coverage;
pub mod filters;
pub mod notes;
pub mod refusals;
pub mod releases;
pub mod terms;

use crate::domain::local_time::Zone;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The cookie that carries the reader's choice.
pub const COOKIE: &str = "bahasa";

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// The BCP 47 code, as in `<html lang>` and the switch's address.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Lang> {
        Self::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The language's name in itself, as the switch offers it.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }

    /// The text of this language out of a pair written Indonesian first.
    pub fn pick<T>(self, id: T, en: T) -> T {
        match self {
            Lang::Id => id,
            Lang::En => en,
        }
    }

    /// The language chosen in a `Cookie` header; the default when none (or an unknown one) is.
    pub fn from_cookie_header(header: &str) -> Lang {
        header
            .split(';')
            .filter_map(|pair| pair.trim().split_once('='))
            .find(|(name, _)| *name == COOKIE)
            .and_then(|(_, value)| Lang::from_code(value.trim()))
            .unwrap_or_default()
    }

    /// The language a request's headers choose (its `Cookie`).
    #[cfg(feature = "ssr")]
    pub fn from_headers(headers: &http::HeaderMap) -> Lang {
        headers
            .get(http::header::COOKIE)
            .and_then(|value| value.to_str().ok())
            .map(Lang::from_cookie_header)
            .unwrap_or_default()
    }

    /// A number as this language writes it: "263,5" and "4.041", or "263.5" and "4,041".
    pub fn decimal(self, value: f64, max_fraction_digits: usize) -> String {
        match self {
            Lang::Id => crate::format::decimal_id(value, max_fraction_digits),
            Lang::En => crate::format::decimal_en(value, max_fraction_digits),
        }
    }

    /// A 0-100 score with two decimals, or "—" when there is none.
    pub fn score(self, value: Option<f64>) -> String {
        value.map_or_else(|| "—".to_owned(), |v| self.decimal(v, 2))
    }

    /// A stored UTC time as this language writes it, in the reader's zone
    /// ([`request_zone`]): "2026-11-23 14.05 WITA" or "… 14:05 WITA".
    pub fn timestamp(self, iso: &str) -> String {
        self.timestamp_in(iso, request_zone())
    }

    /// A stored UTC time as this language writes it in `zone`: for what belongs to an
    /// instansi other than the reader's (a public page, the minutes of a session).
    pub fn timestamp_in(self, iso: &str, zone: Zone) -> String {
        crate::format::timestamp(iso, zone, self.pick('.', ':'))
    }
}

/// The address that switches to `lang` and comes back to `page` (path and query).
pub fn switch_href(lang: Lang, page: &str) -> String {
    format!(
        "/bahasa/{}?kembali={}",
        lang.code(),
        crate::format::url_component(page)
    )
}

/// Where the switch may send the reader back to: a path on this site, or the home page. Never
/// another site (`//host`, `/\\host`, `https://…`), so the switch is no open redirect. What is
/// not visible ASCII (spaces, letters like "é", control characters) is percent-encoded again,
/// so the address is a valid `Location` and cannot split the response.
pub fn return_path(requested: &str) -> String {
    let same_site =
        requested.starts_with('/') && !requested.starts_with("//") && !requested.starts_with("/\\");
    if !same_site {
        return "/".to_owned();
    }
    requested
        .bytes()
        .map(|b| {
            if b.is_ascii_graphic() {
                char::from(b).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The language of the page being rendered, for the whole app: from the request's cookie on
/// the server, from `<html lang>` (which the server wrote) in the browser.
pub fn provide_lang() {
    provide_context(request_lang());
}

/// The language of the page being rendered. Inside an island in the browser, where the
/// app's context does not reach, the language the server wrote into `<html lang>`.
pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_else(request_lang)
}

/// The time zone of the signed-in reader's instansi, which the server puts in the request
/// (`server::http::zone`); WIB, the capital's, for anyone else and in the browser.
pub fn request_zone() -> Zone {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .and_then(|parts| parts.extensions.get::<Zone>().copied())
            .unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        Zone::default()
    }
}

/// The language the request asks for (server) or the page was rendered in (browser).
pub fn request_lang() -> Lang {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|parts| Lang::from_headers(&parts.headers))
            .unwrap_or_default()
    }
    #[cfg(all(feature = "hydrate", not(feature = "ssr")))]
    {
        document()
            .document_element()
            .and_then(|root| root.get_attribute("lang"))
            .and_then(|code| Lang::from_code(&code))
            .unwrap_or_default()
    }
    #[cfg(not(any(feature = "ssr", feature = "hydrate")))]
    {
        Lang::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_chooses_and_anything_else_means_indonesian() {
        assert_eq!(Lang::from_cookie_header("bahasa=en"), Lang::En);
        assert_eq!(
            Lang::from_cookie_header("jenjang_sesi=abc; bahasa=en ; x=1"),
            Lang::En
        );
        assert_eq!(Lang::from_cookie_header("bahasa=id"), Lang::Id);
        assert_eq!(Lang::from_cookie_header("bahasa=fr"), Lang::Id);
        assert_eq!(Lang::from_cookie_header("nobahasa=en"), Lang::Id);
        assert_eq!(Lang::from_cookie_header(""), Lang::Id);
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN"), None);
    }

    #[test]
    fn the_switch_comes_back_to_the_same_page_and_query() {
        assert_eq!(
            switch_href(Lang::En, "/indeks-merit?instansi=kota-bontang&tahun=2023"),
            "/bahasa/en?kembali=/indeks-merit%3Finstansi%3Dkota-bontang%26tahun%3D2023"
        );
    }

    #[test]
    fn the_switch_never_leaves_the_site() {
        assert_eq!(
            return_path("/indeks-merit?tahun=2023"),
            "/indeks-merit?tahun=2023"
        );
        for elsewhere in [
            "//jahat.example",
            "/\\jahat.example",
            "https://jahat.example",
            "",
            "indeks-merit",
        ] {
            assert_eq!(return_path(elsewhere), "/", "{elsewhere:?}");
        }
        assert_eq!(
            return_path("/talenta/peta?cari=Ayu é\r\nSet-Cookie: a=b"),
            "/talenta/peta?cari=Ayu%20%C3%A9%0D%0ASet-Cookie:%20a=b"
        );
    }

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(Lang::Id.decimal(4041.5, 1), "4.041,5");
        assert_eq!(Lang::En.decimal(4041.5, 1), "4,041.5");
        assert_eq!(Lang::En.decimal(-0.004, 2), "0");
        assert_eq!(Lang::En.pick("Beranda", "Home"), "Home");
        assert_eq!(Lang::Id.score(Some(87.126)), "87,13");
        assert_eq!(Lang::En.score(Some(87.126)), "87.13");
        assert_eq!(Lang::En.score(None), "—");
    }

    #[test]
    fn times_follow_the_language_and_the_zone() {
        let at = "2026-11-23T14:05:09Z";
        // Outside a request: the capital's zone.
        assert_eq!(Lang::Id.timestamp(at), "2026-11-23 21.05 WIB");
        assert_eq!(
            Lang::En.timestamp_in(at, Zone::Wita),
            "2026-11-23 22:05 WITA"
        );
        assert_eq!(Lang::Id.timestamp_in(at, Zone::Wit), "2026-11-23 23.05 WIT");
        assert_eq!(Lang::En.timestamp("kemarin"), "kemarin");
    }
}
