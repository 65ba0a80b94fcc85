//! Percent-decoding for URL paths and `application/x-www-form-urlencoded` bodies. Malformed
//! escapes are errors rather than passed through, so a request can never mean two things.

/// `plus_is_space` is true only for form bodies: in a path a `+` is a literal plus.
pub fn percent_decode(input: &str, plus_is_space: bool) -> Option<Vec<u8>> {
    let bytes = input.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hi = hex_value(*bytes.get(i + 1)?)?;
                let lo = hex_value(*bytes.get(i + 2)?)?;
                out.push(hi << 4 | lo);
                i += 3;
            }
            b'+' if plus_is_space => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(out)
}

fn hex_value(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

/// Decodes `a=1&b=2` into pairs, keeping order and duplicates; `None` if any part is not
/// valid percent-encoding or not UTF-8 once decoded.
pub fn parse_form(body: &str) -> Option<Vec<(String, String)>> {
    body.split('&')
        .filter(|pair| !pair.is_empty())
        .map(|pair| {
            let (name, value) = pair.split_once('=').unwrap_or((pair, ""));
            let name = String::from_utf8(percent_decode(name, true)?).ok()?;
            let value = String::from_utf8(percent_decode(value, true)?).ok()?;
            Some((name, value))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_escapes_and_keeps_plus_in_paths() {
        assert_eq!(percent_decode("/a%20b+c", false).unwrap(), b"/a b+c");
        assert_eq!(percent_decode("%2e%2E", false).unwrap(), b"..");
        assert_eq!(percent_decode("%C3%A9", false).unwrap(), "é".as_bytes());
    }

    #[test]
    fn rejects_broken_escapes() {
        assert_eq!(percent_decode("%", false), None);
        assert_eq!(percent_decode("%4", false), None);
        assert_eq!(percent_decode("%zz", false), None);
    }

    #[test]
    fn parses_forms_with_plus_and_escapes() {
        let pairs = parse_form("email=Ann+Lee%40Example.org&source=%2Farticles%2Fx&flag").unwrap();
        assert_eq!(
            pairs,
            vec![
                ("email".to_string(), "Ann Lee@Example.org".to_string()),
                ("source".to_string(), "/articles/x".to_string()),
                ("flag".to_string(), String::new()),
            ]
        );
        assert_eq!(parse_form("").unwrap(), vec![]);
        assert_eq!(
            parse_form("a=1&&b=%3D"),
            Some(vec![
                ("a".to_string(), "1".to_string()),
                ("b".to_string(), "=".to_string()),
            ])
        );
    }

    #[test]
    fn rejects_malformed_forms() {
        assert_eq!(parse_form("email=%zz"), None);
        assert_eq!(parse_form("email=%FF"), None);
    }
}
