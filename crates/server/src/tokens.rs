//! Link tokens: 32 random bytes from the operating system, as 64 hex digits.

use sha2::{Digest, Sha256};

pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    // Without the system's randomness no link can be trusted: stopping is the only safe answer.
    getrandom::fill(&mut bytes).expect("the operating system's random number generator");
    hex(&bytes)
}

/// What the database keeps of a confirmation token.
pub fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

/// Tokens are only ever 64 lower-case hex digits: anything else is refused before a lookup.
pub fn looks_like_token(candidate: &str) -> bool {
    candidate.len() == 64
        && candidate
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_random_hex_and_digests_differ_from_them() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(looks_like_token(&a) && looks_like_token(&b));
        assert!(looks_like_token(&digest(&a)));
        assert_ne!(digest(&a), a);
        assert!(!looks_like_token("../etc"));
        assert!(!looks_like_token(&a.to_uppercase()));
    }
}
