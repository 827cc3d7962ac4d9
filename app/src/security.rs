//! Response-header policies the pages need (the rest of the baseline is the server's
//! middleware).

/// The Content-Security-Policy of an HTML page whose inline scripts carry `nonce`. Styles
/// allow inline attributes: charts place their markers with `style`, and a style attribute
/// cannot run code.
pub fn content_security_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; \
         style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; \
         object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    )
}

/// The policy of every other response (data, downloads, errors): nothing runs, nothing frames.
pub const STRICT_CONTENT_SECURITY_POLICY: &str =
    "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_policy_names_the_nonce_and_forbids_framing() {
        let policy = content_security_policy("abc123");
        assert!(policy.contains("'nonce-abc123'"));
        assert!(policy.contains("frame-ancestors 'none'"));
        assert!(policy.contains("'wasm-unsafe-eval'"));
        assert!(!policy.contains("script-src 'self' 'unsafe-inline'"));
    }
}
