//! E-mail addresses for the newsletter form.
//!
//! The rule is the one browsers apply to `<input type="email">` (the HTML Living Standard's
//! "valid e-mail address"), so the app accepts exactly what the browser's own validation
//! accepts, and the server can apply the same check to requests that bypass the form. It is
//! deliberately simpler than RFC 5322: no quoted local parts, comments or IP literals, and
//! only ASCII (internationalized domains must be entered in their `xn--` form).

const MAX_LABEL_LEN: usize = 63;

/// Whether `s` is a valid e-mail address. No surrounding whitespace is allowed; pass the
/// output of [`normalize_email`], which strips it the way the browser does.
pub fn is_valid_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    is_valid_local_part(local) && is_valid_domain(domain)
}

/// The address as typed, minus surrounding whitespace (a frequent paste artefact).
pub fn normalize_email(s: &str) -> String {
    s.trim().to_string()
}

/// A key for spotting the same subscriber twice. Domains are case-insensitive; local parts
/// technically are not, but every real mail provider treats them so, and a reader who types
/// their address with a capital letter is the same reader.
pub fn email_key(s: &str) -> String {
    s.trim().to_ascii_lowercase()
}

fn is_valid_local_part(local: &str) -> bool {
    !local.is_empty() && local.bytes().all(is_local_part_byte)
}

fn is_local_part_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&byte)
}

fn is_valid_domain(domain: &str) -> bool {
    domain.split('.').all(is_valid_label)
}

/// 1 to 63 letters, digits and hyphens, starting and ending with a letter or digit.
fn is_valid_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    let (Some(first), Some(last)) = (bytes.first(), bytes.last()) else {
        return false;
    };
    bytes.len() <= MAX_LABEL_LEN
        && first.is_ascii_alphanumeric()
        && last.is_ascii_alphanumeric()
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_addresses_are_valid() {
        for address in [
            "reader@example.org",
            "first.last@news.example.co.uk",
            "a@b",
            "user@localhost",
            "x@x.x",
            "user+newsletter@example.com",
            "o'brien@example.ie",
            "UPPER.Case@Example.COM",
            "1234567890@123.example",
            "!#$%&'*+/=?^_`{|}~-@example.com",
            "user@xn--bcher-kva.example",
            "user@a-b.c-d.e",
            "user@sub-1.example",
        ] {
            assert!(is_valid_email(address), "{address:?} should be valid");
        }
    }

    #[test]
    fn dots_anywhere_in_the_local_part_are_accepted_as_browsers_do() {
        for address in [
            ".user@example.com",
            "user.@example.com",
            "a..b@example.com",
            ".@a",
        ] {
            assert!(is_valid_email(address), "{address:?} should be valid");
        }
    }

    #[test]
    fn labels_may_be_63_characters_but_not_64() {
        let label_63 = "a".repeat(63);
        let label_64 = "a".repeat(64);
        assert!(is_valid_email(&format!("user@{label_63}.com")));
        assert!(is_valid_email(&format!("user@{label_63}")));
        assert!(!is_valid_email(&format!("user@{label_64}.com")));
        assert!(!is_valid_email(&format!("user@example.{label_64}")));
        let long_local = "l".repeat(300);
        assert!(is_valid_email(&format!("{long_local}@example.com")));
    }

    #[test]
    fn malformed_addresses_are_invalid() {
        for address in [
            "",
            "@",
            "plainaddress",
            "@example.com",
            "user@",
            "user@@example.com",
            "user@exa@mple.com",
            "us er@example.com",
            "user@exa mple.com",
            " user@example.com",
            "user@example.com ",
            "user@example.com\n",
            "\tuser@example.com",
            "user@example..com",
            "user@.example.com",
            "user@example.com.",
            "user@.",
            "user@-example.com",
            "user@example-.com",
            "user@example.-com",
            "user@exam_ple.com",
            "user@example.com/",
            "user@[192.168.0.1]",
            "\"quoted\"@example.com",
            "user(comment)@example.com",
            "us,er@example.com",
            "us;er@example.com",
            "us:er@example.com",
            "us<er>@example.com",
            "us\\er@example.com",
            "user@example.com\0",
        ] {
            assert!(!is_valid_email(address), "{address:?} should be invalid");
        }
    }

    #[test]
    fn non_ascii_addresses_are_invalid() {
        for address in [
            "josé@example.com",
            "user@bücher.example",
            "用户@例子.广告",
            "user@example.com\u{a0}",
            "user\u{ff20}example.com",
            "user@exa\u{200B}mple.com",
            "😀@example.com",
        ] {
            assert!(!is_valid_email(address), "{address:?} should be invalid");
        }
    }

    #[test]
    fn normalizing_strips_surrounding_whitespace_only() {
        assert_eq!(
            normalize_email("  reader@example.org \n"),
            "reader@example.org"
        );
        assert_eq!(normalize_email("Reader@Example.org"), "Reader@Example.org");
        assert_eq!(normalize_email("a b@c"), "a b@c");
        assert!(is_valid_email(&normalize_email("\treader@example.org  ")));
        assert!(!is_valid_email(&normalize_email("  ")));
    }

    #[test]
    fn keys_ignore_case_and_surrounding_whitespace() {
        assert_eq!(email_key(" Reader@Example.ORG "), "reader@example.org");
        assert_eq!(
            email_key("reader@example.org"),
            email_key("READER@EXAMPLE.ORG")
        );
        assert_ne!(
            email_key("reader1@example.org"),
            email_key("reader2@example.org")
        );
        assert_eq!(
            email_key("JOSÉ@example.com"),
            "josÉ@example.com",
            "only ASCII is folded"
        );
    }
}
