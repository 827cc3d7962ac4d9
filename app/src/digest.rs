//! SHA-256 digests, written as lowercase hex: of a session token (only its digest is stored),
//! of an audit entry (the chain of the audit log), of an imported file and of a scoring run's
//! inputs; and HMAC-SHA-256, which signs the audit log's checkpoints with a key kept outside
//! the database. Server only.

use hmac::{Hmac, Mac};
use sha2::{Digest, Sha256};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The SHA-256 digest of `bytes`, as 64 lowercase hex digits.
pub fn sha256_hex(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

/// The HMAC-SHA-256 of `bytes` under `key`, as 64 lowercase hex digits. (HMAC takes keys
/// of any length; the error is the `hmac` crate's type, never produced for HMAC.)
pub fn hmac_sha256_hex(key: &[u8], bytes: &[u8]) -> Result<String, hmac::digest::InvalidLength> {
    let mut mac = <Hmac<Sha256> as Mac>::new_from_slice(key)?;
    mac.update(bytes);
    Ok(hex(&mac.finalize().into_bytes()))
}

#[cfg(test)]
mod tests {
    use super::sha256_hex;

    #[test]
    fn digests_are_the_standard_sha256_in_lowercase_hex() {
        assert_eq!(
            sha256_hex(b""),
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        assert_eq!(
            sha256_hex(b"abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[test]
    fn hmacs_are_the_standard_hmac_sha256() {
        // RFC 4231, test case 2.
        assert_eq!(
            super::hmac_sha256_hex(b"Jefe", b"what do ya want for nothing?").expect("hmac"),
            "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
        );
    }
}
