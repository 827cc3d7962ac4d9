//! Plain HTML forms post straight to their server function (`/api/...`). Leptos answers such
//! a post (one that accepts `text/html`, as a browser's form navigation does) with a redirect
//! back to the page it came from, any error encoded in that address (`__path`, `__err`); an
//! error status set by the function would turn that into a raw JSON page. This layer makes
//! every such answer a Post/Redirect/Get: `303 See Other` to the page's own, clean address
//! at the form that was sent (its id, from the hidden field `_formulir`), and the outcome in
//! a short-lived cookie the page reads once, in that form (`app::components::outcome`).

use super::security::BODY_LIMIT_BYTES;
use app::auth::session;
use app::form_outcome::{self as codec, FORM_FIELD};
use axum::body::Body;
use axum::extract::Request;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use http::header::{ACCEPT, CONTENT_LENGTH, CONTENT_TYPE, LOCATION, SET_COOKIE};
use http::{HeaderMap, HeaderValue, Method, StatusCode};

/// The address parameters Leptos encodes a form's error in.
const ERROR_PATH: &str = "__path";
const ERROR_VALUE: &str = "__err";

/// Whether the request is a browser's plain form post to a server function.
fn is_plain_form_post(request: &Request) -> bool {
    request.method() == Method::POST
        && request.uri().path().starts_with("/api/")
        && accepts_html(request.headers())
}

fn accepts_html(headers: &HeaderMap) -> bool {
    headers
        .get(ACCEPT)
        .and_then(|value| value.to_str().ok())
        .is_some_and(|accept| accept.contains("text/html"))
}

pub async fn come_back(request: Request, next: Next) -> Response {
    if !is_plain_form_post(&request) {
        return next.run(request).await;
    }
    let function = request.uri().path().to_owned();
    let secure = session::is_https(request.headers(), request.uri());
    let (parts, body) = request.into_parts();
    let Ok(fields) = axum::body::to_bytes(body, BODY_LIMIT_BYTES).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form = form_id(&fields);
    let response = next
        .run(Request::from_parts(parts, Body::from(fields.clone())))
        .await;
    let Some(location) = response
        .headers()
        .get(LOCATION)
        .and_then(|value| value.to_str().ok())
        .map(str::to_owned)
    else {
        return response;
    };
    let (page, error) = without_error(&location);
    let source = codec::Source {
        path: &function,
        form: &form,
        secure,
    };
    let (mut parts, body) = response.into_parts();
    let outcome = match error {
        // Back at the page, where the form's message takes the focus (`autofocus`, which a
        // browser skips when the address has a fragment: so none is added).
        Some(error) => Some(codec::refused(source, &error, &fields)),
        None => axum::body::to_bytes(body, codec::MAX_VALUE_BYTES)
            .await
            .ok()
            .map(|answer| codec::accepted(source, &answer)),
    };
    parts.status = StatusCode::SEE_OTHER;
    // Leptos' note for its own client, which this answer is not for.
    parts.headers.remove("serverfnerror");
    parts.headers.remove(CONTENT_TYPE);
    parts.headers.remove(CONTENT_LENGTH);
    match HeaderValue::from_str(&page) {
        Ok(page) => parts.headers.insert(LOCATION, page),
        Err(_) => parts
            .headers
            .insert(LOCATION, HeaderValue::from_static("/")),
    };
    if let Some(cookie) = outcome.and_then(|cookie| HeaderValue::from_str(&cookie).ok()) {
        parts.headers.append(SET_COOKIE, cookie);
    }
    Response::from_parts(parts, Body::empty())
}

/// The id of the form a submission came from (`_formulir`), when it is a plain id (letters,
/// digits, `-`, `_` and `.`), which its outcome cookie names.
fn form_id(fields: &[u8]) -> String {
    form_urlencoded::parse(fields)
        .find(|(name, _)| name == FORM_FIELD)
        .map(|(_, id)| id.into_owned())
        .filter(|id| {
            id.len() <= 64
                && id
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b))
        })
        .unwrap_or_default()
}

/// The address without Leptos' error parameters (nor an empty query), and the encoded
/// error if it had one.
fn without_error(location: &str) -> (String, Option<String>) {
    let Some((path, query)) = location.split_once('?') else {
        return (location.to_owned(), None);
    };
    let mut error = None;
    let kept: Vec<&str> = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .filter(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            match name {
                ERROR_VALUE => {
                    error = Some(value.replace("%3D", "="));
                    false
                }
                ERROR_PATH => false,
                _ => true,
            }
        })
        .collect();
    let page = if kept.is_empty() {
        path.to_owned()
    } else {
        format!("{path}?{}", kept.join("&"))
    };
    (page, error)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_plain_form_id_is_taken() {
        assert_eq!(
            form_id(b"nip=1&_formulir=kalibrasi-1990&alasan=x"),
            "kalibrasi-1990"
        );
        assert_eq!(form_id(b"_formulir=%22%3E%3Cscript%3E"), "");
        assert_eq!(form_id(b"nip=1"), "");
    }

    #[test]
    fn the_error_leaves_the_address_and_the_query_stays() {
        assert_eq!(
            without_error(
                "http://127.0.0.1:3000/saya/idp?tahun=2025&__path=%2Fapi%2Fx&__err=eyJ9%3D"
            ),
            (
                "http://127.0.0.1:3000/saya/idp?tahun=2025".to_owned(),
                Some("eyJ9=".to_owned())
            )
        );
        assert_eq!(
            without_error("http://127.0.0.1:3000/masuk?__path=%2Fapi%2Fmasuk&__err=eyJ9"),
            (
                "http://127.0.0.1:3000/masuk".to_owned(),
                Some("eyJ9".to_owned())
            )
        );
        assert_eq!(without_error("/saya"), ("/saya".to_owned(), None));
        // Leptos leaves a bare `?` where it took its parameters out.
        assert_eq!(
            without_error("http://127.0.0.1:3000/saya/data?"),
            ("http://127.0.0.1:3000/saya/data".to_owned(), None)
        );
        assert_eq!(
            without_error("/talenta/peta?kotak=5"),
            ("/talenta/peta?kotak=5".to_owned(), None)
        );
    }
}
