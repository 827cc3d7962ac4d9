//! Public pages and downloads served from memory. What they show changes only when someone
//! publishes a release, records a merit-index result or adds a parameter version, so each
//! answer (per address, language and scheme) is kept until the data moves. Visitors with a
//! session are never served from here. A page kept is served with a fresh nonce in its
//! scripts and policy, as if rendered anew.
//!
//! Freshness: a write through this process (any request other than GET or HEAD) makes the
//! next visit look again at once; writes by other processes on the same database are seen
//! within [`RECHECK`], when the newest release and merit-index result are read again.

use super::security::is_public;
use app::auth::session;
use app::i18n::Lang;
use app::security::content_security_policy;
use app::store::{self, Pool};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::middleware::Next;
use axum::response::Response;
use http::header::{CONTENT_SECURITY_POLICY, SET_COOKIE};
use http::{HeaderMap, HeaderValue, Method, StatusCode};
use leptos::nonce::Nonce;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long another process's publication may go unseen.
const RECHECK: Duration = Duration::from_secs(1);
/// Bounds on what is kept: past either, everything is dropped and kept afresh.
const MAX_ENTRIES: usize = 2_000;
const MAX_BYTES: usize = 64 * 1024 * 1024;
/// The largest answer kept (a download of a large instansi).
const MAX_ANSWER_BYTES: usize = 16 * 1024 * 1024;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Key {
    address: String,
    lang: Lang,
    /// Answers over https carry a header plain http does not.
    https: bool,
}

struct Answer {
    status: StatusCode,
    headers: HeaderMap,
    body: Bytes,
    /// The nonce a page's scripts and policy carry, replaced on every visit.
    nonce: Option<String>,
}

/// The nonce named by a page's policy (`'nonce-…'`).
fn nonce_of(headers: &HeaderMap) -> Option<String> {
    let policy = headers.get(CONTENT_SECURITY_POLICY)?.to_str().ok()?;
    let (_, rest) = policy.split_once("'nonce-")?;
    let (nonce, _) = rest.split_once('\'')?;
    Some(nonce.to_owned())
}

struct Entries {
    answers: HashMap<Key, Arc<Answer>>,
    bytes: usize,
    /// The data generation the answers were made at, and when it was last read.
    generation: Option<i64>,
    /// `None` until the generation was first read.
    checked: Option<Instant>,
}

/// The cache, shared by every request of the process.
#[derive(Clone)]
pub struct PublicCache {
    pool: Pool,
    entries: Arc<Mutex<Entries>>,
    /// Set by a write through this process: the next visit reads the generation again.
    written: Arc<AtomicBool>,
}

impl PublicCache {
    pub fn new(pool: Pool) -> PublicCache {
        PublicCache {
            pool,
            entries: Arc::new(Mutex::new(Entries {
                answers: HashMap::new(),
                bytes: 0,
                generation: None,
                checked: None,
            })),
            written: Arc::new(AtomicBool::new(false)),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Entries> {
        // A panic while holding the lock leaves nothing half-done worth keeping.
        self.entries.lock().unwrap_or_else(|poisoned| {
            let mut entries = poisoned.into_inner();
            entries.answers.clear();
            entries.bytes = 0;
            entries
        })
    }

    /// Drops every answer when the data moved since they were made.
    async fn refresh(&self) {
        let due = {
            let entries = self.lock();
            self.written.swap(false, Ordering::AcqRel)
                || entries.checked.is_none_or(|at| at.elapsed() >= RECHECK)
        };
        if !due {
            return;
        }
        let generation = match store::releases::generation(&self.pool).await {
            Ok(generation) => generation,
            Err(error) => {
                tracing::warn!(%error, "public cache: generation unreadable, cache dropped");
                let mut entries = self.lock();
                entries.answers.clear();
                entries.bytes = 0;
                entries.generation = None;
                return;
            }
        };
        let mut entries = self.lock();
        entries.checked = Some(Instant::now());
        if entries.generation != Some(generation) {
            entries.answers.clear();
            entries.bytes = 0;
            entries.generation = Some(generation);
        }
    }

    fn get(&self, key: &Key) -> Option<Arc<Answer>> {
        self.lock().answers.get(key).cloned()
    }

    fn keep(&self, key: Key, answer: Answer) {
        let mut entries = self.lock();
        if entries.answers.len() >= MAX_ENTRIES || entries.bytes + answer.body.len() > MAX_BYTES {
            entries.answers.clear();
            entries.bytes = 0;
        }
        entries.bytes += answer.body.len();
        entries.answers.insert(key, Arc::new(answer));
    }
}

/// The key of a request the cache may answer: a GET of a public address by a visitor
/// without a session.
fn key_of(request: &Request) -> Option<Key> {
    let path = request.uri().path();
    let cacheable = request.method() == Method::GET
        && is_public(path)
        && !path.starts_with("/pkg/")
        && path != "/healthz"
        && session::token(request.headers()).is_none()
        && session::cookie_value(request.headers(), app::form_outcome::COOKIE).is_none();
    if !cacheable {
        return None;
    }
    Some(Key {
        address: request.uri().to_string(),
        lang: Lang::from_headers(request.headers()),
        https: session::is_https(request.headers(), request.uri()),
    })
}

/// The kept answer, its nonce (if any) replaced by a fresh one.
fn respond(answer: &Answer) -> Response {
    let mut headers = answer.headers.clone();
    let body = match (&answer.nonce, std::str::from_utf8(&answer.body)) {
        (Some(old), Ok(html)) => {
            let fresh = Nonce::new().to_string();
            let policy = content_security_policy(&fresh);
            match HeaderValue::from_str(&policy) {
                Ok(value) => {
                    headers.insert(CONTENT_SECURITY_POLICY, value);
                    Bytes::from(
                        html.replace(&format!("nonce=\"{old}\""), &format!("nonce=\"{fresh}\"")),
                    )
                }
                Err(_) => answer.body.clone(),
            }
        }
        _ => answer.body.clone(),
    };
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = answer.status;
    *response.headers_mut() = headers;
    response
}

pub async fn serve(State(cache): State<PublicCache>, request: Request, next: Next) -> Response {
    if !matches!(*request.method(), Method::GET | Method::HEAD) {
        let response = next.run(request).await;
        cache.written.store(true, Ordering::Release);
        return response;
    }
    let Some(key) = key_of(&request) else {
        return next.run(request).await;
    };
    cache.refresh().await;
    if let Some(answer) = cache.get(&key) {
        return respond(&answer);
    }
    let response = next.run(request).await;
    if response.status() != StatusCode::OK || response.headers().contains_key(SET_COOKIE) {
        return response;
    }
    let (parts, body) = response.into_parts();
    match axum::body::to_bytes(body, MAX_ANSWER_BYTES).await {
        Ok(body) => {
            let answer = Answer {
                status: parts.status,
                nonce: nonce_of(&parts.headers),
                headers: parts.headers,
                body,
            };
            let response = respond(&answer);
            cache.keep(key, answer);
            response
        }
        Err(error) => {
            tracing::warn!(%error, "public answer too large to keep");
            let mut response = Response::new(Body::empty());
            *response.status_mut() = StatusCode::INTERNAL_SERVER_ERROR;
            response
        }
    }
}
