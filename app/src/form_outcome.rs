//! How the outcome of a plain form's submission travels from the post to the page it comes
//! back to (`components::outcome` shows it, `server::http::form` sets it): a cookie that
//! lives a minute and is read once.
//!
//! The cookie's text: `{path}.{form}.{e|o}.{payload}`, each part URL-safe base64, so that
//! it is a valid cookie value whatever it holds. An error's payload is the one Leptos
//! already put in the redirect's address (`__err`), then `.` and what the form held (its
//! fields URL-encoded, secrets left out), so that a refused form comes back as it was
//! typed; a value's payload is the function's JSON answer.

/// The cookie that carries the outcome from the post to the page.
pub const COOKIE: &str = "jenjang_hasil";

/// The hidden field that names the form a submission came from: its element id, so that the
/// page shows the outcome in that form (of several for one function) and scrolls to it.
pub const FORM_FIELD: &str = "_formulir";

#[cfg(feature = "ssr")]
pub use codec::*;

#[cfg(feature = "ssr")]
mod codec {
    use super::COOKIE;
    use crate::error::AppError;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;
    use base64::Engine;
    use leptos::server_fn::error::ServerFnUrlError;
    use serde::de::DeserializeOwned;

    /// How long the outcome waits for its page: a redirect is followed at once.
    const MAX_AGE_SECONDS: u32 = 60;

    /// The largest answer carried over; a larger one is left out (no page shows one).
    pub const MAX_VALUE_BYTES: usize = 2048;

    /// Clears the cookie once read.
    pub const CLEARED: &str = "jenjang_hasil=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";

    /// Where a submission came from: the function's path and the form's id.
    #[derive(Debug, Clone, Copy)]
    pub struct Source<'a> {
        pub path: &'a str,
        pub form: &'a str,
        /// Whether the request came over https: the cookie is then `Secure`.
        pub secure: bool,
    }

    /// The most the whole cookie may take, under the 4096 bytes browsers (and proxies'
    /// default header buffers) keep: a form too long for it (a pasted sheet) comes back
    /// empty, with its message.
    const MAX_COOKIE_BYTES: usize = 3800;

    /// A refused submission, from the `__err` Leptos encoded, with the form's `fields` as
    /// posted (URL-encoded): all but its secrets come back to the form.
    pub fn refused(source: Source<'_>, encoded_error: &str, fields: &[u8]) -> String {
        let kept: Vec<(String, String)> = form_urlencoded::parse(fields)
            .filter(|(name, _)| !is_secret(name) && name != super::FORM_FIELD)
            .map(|(name, value)| (name.into_owned(), value.into_owned()))
            .collect();
        let typed = URL_SAFE_NO_PAD.encode(
            form_urlencoded::Serializer::new(String::new())
                .extend_pairs(&kept)
                .finish(),
        );
        let with_fields = cookie(source, 'e', &format!("{encoded_error}.{typed}"));
        if with_fields.len() <= MAX_COOKIE_BYTES {
            with_fields
        } else {
            cookie(source, 'e', encoded_error)
        }
    }

    /// Fields never written into a cookie: passwords.
    fn is_secret(name: &str) -> bool {
        name.contains("sandi") || name.contains("password")
    }

    /// An accepted submission and the function's JSON answer.
    pub fn accepted(source: Source<'_>, answer: &[u8]) -> String {
        cookie(source, 'o', &URL_SAFE_NO_PAD.encode(answer))
    }

    fn cookie(source: Source<'_>, kind: char, payload: &str) -> String {
        format!(
            "{}={}.{}.{kind}.{payload}; Path=/; HttpOnly; SameSite=Strict; Max-Age={MAX_AGE_SECONDS}{}",
            COOKIE,
            URL_SAFE_NO_PAD.encode(source.path),
            URL_SAFE_NO_PAD.encode(source.form),
            if source.secure { "; Secure" } else { "" }
        )
    }

    /// What a refused form held, field by field, as the cookie's value carries it back.
    pub type Typed = Vec<(String, String)>;

    /// The outcome in a cookie's value, when it belongs to the function at `path` (and to
    /// its form `form`, when one is named).
    pub fn decode<T: DeserializeOwned>(
        value: &str,
        path: &str,
        form: Option<&str>,
    ) -> Option<Result<T, AppError>> {
        decode_with_fields(value, path, form).map(|(outcome, _)| outcome)
    }

    /// The outcome in a cookie's value and, for a refusal, what the form held.
    pub fn decode_with_fields<T: DeserializeOwned>(
        value: &str,
        path: &str,
        form: Option<&str>,
    ) -> Option<(Result<T, AppError>, Typed)> {
        let mut parts = value.splitn(4, '.');
        let (from, in_form, kind, payload) =
            (parts.next()?, parts.next()?, parts.next()?, parts.next()?);
        if URL_SAFE_NO_PAD.decode(from).ok()? != path.as_bytes()
            || form.is_some_and(|form| URL_SAFE_NO_PAD.decode(in_form).ok() != Some(form.into()))
        {
            return None;
        }
        match kind {
            "e" => {
                let (error, typed) = payload.split_once('.').unwrap_or((payload, ""));
                let typed = URL_SAFE_NO_PAD
                    .decode(typed)
                    .map(|fields| {
                        form_urlencoded::parse(&fields)
                            .map(|(name, value)| (name.into_owned(), value.into_owned()))
                            .collect()
                    })
                    .unwrap_or_default();
                Some((Err(ServerFnUrlError::<AppError>::decode_err(error)), typed))
            }
            "o" => {
                let answer = URL_SAFE_NO_PAD.decode(payload).ok()?;
                serde_json::from_slice(&answer)
                    .ok()
                    .map(|answer| (Ok(answer), Vec::new()))
            }
            _ => None,
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use leptos::server_fn::error::FromServerFnError;

        fn value_of(cookie: &str) -> &str {
            cookie
                .split(';')
                .next()
                .and_then(|pair| pair.split_once('='))
                .map(|(_, value)| value)
                .unwrap_or_default()
        }

        #[test]
        fn a_refusal_reaches_only_its_own_form() {
            let error = AppError::BadRequest("Isi JP lebih dari 0.".to_owned());
            let encoded = base64::engine::general_purpose::URL_SAFE.encode(error.ser());
            let source = Source {
                path: "/api/saya/idp/sasaran",
                form: "sasaran-3",
                secure: false,
            };
            let cookie = refused(
                source,
                &encoded,
                b"_formulir=sasaran-3&jp=&metode=pelatihan&sandi_baru=rahasia&catatan=Rp+5.000%2C-",
            );
            assert!(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));
            assert!(!cookie.contains("rahasia"));
            assert!(!cookie.contains("Secure"));
            let value = value_of(&cookie);
            assert_eq!(
                decode::<()>(value, "/api/saya/idp/sasaran", Some("sasaran-3")),
                Some(Err(error.clone()))
            );
            assert_eq!(
                decode::<()>(value, "/api/saya/idp/sasaran", Some("sasaran-4")),
                None
            );
            assert!(decode::<()>(value, "/api/saya/idp/sasaran", None).is_some());
            // What was typed comes back, but never a password nor the form's own id.
            let (_, typed) =
                decode_with_fields::<()>(value, "/api/saya/idp/sasaran", None).expect("decoded");
            assert_eq!(
                typed,
                vec![
                    ("jp".to_owned(), String::new()),
                    ("metode".to_owned(), "pelatihan".to_owned()),
                    ("catatan".to_owned(), "Rp 5.000,-".to_owned()),
                ]
            );
            // A form too long for a cookie comes back with its message only.
            let long = format!("alasan={}", "x".repeat(2900));
            let cookie = refused(source, &encoded, long.as_bytes());
            assert!(cookie.len() <= MAX_COOKIE_BYTES);
            assert_eq!(
                decode_with_fields::<()>(value_of(&cookie), "/api/saya/idp/sasaran", None),
                Some((Err(error.clone()), Vec::new()))
            );
            assert_eq!(
                decode::<()>(value, "/api/saya/koreksi", Some("sasaran-3")),
                None
            );
        }

        #[test]
        fn an_answer_round_trips_and_garbage_is_ignored() {
            let source = Source {
                path: "/api/kalibrasi/buka",
                form: "",
                secure: true,
            };
            let cookie = accepted(source, b"42");
            assert!(cookie.ends_with("; Secure"));
            assert_eq!(
                decode::<i64>(value_of(&cookie), "/api/kalibrasi/buka", Some("")),
                Some(Ok(42))
            );
            for garbage in ["", "x", "a.b", "L2FwaQ..o.!!!", "L2FwaQ..z.MQ"] {
                assert_eq!(decode::<i64>(garbage, "/api", None), None, "{garbage}");
            }
        }
    }
}
