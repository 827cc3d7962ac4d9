//! Reading server-function answers in the access tests.

use crate::support::TestResponse;
use http::StatusCode;
use serde::de::DeserializeOwned;

/// The JSON of a 200 answer.
pub fn json<T: DeserializeOwned>(response: &TestResponse) -> T {
    assert_eq!(response.status, StatusCode::OK, "{}", response.body);
    serde_json::from_str(&response.body).expect(&response.body)
}

/// A 400 answer whose message contains `message`.
pub fn bad_request(response: &TestResponse, message: &str) {
    assert_eq!(
        response.status,
        StatusCode::BAD_REQUEST,
        "{}",
        response.body
    );
    assert!(
        response.message().contains(message),
        "{}",
        response.message()
    );
}

/// A 403 answer.
pub fn refused(response: &TestResponse) {
    assert_eq!(response.status, StatusCode::FORBIDDEN, "{}", response.body);
}
