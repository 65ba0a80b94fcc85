//! Share links that need no script of the networks': each is a plain address carrying the
//! article's canonical URL and title, percent-encoded.

/// One way to share: the visible name and where the link goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShareLink {
    pub name: &'static str,
    pub href: String,
}

/// Percent-encodes everything but RFC 3986's unreserved characters, so a value is safe in any
/// query (spaces become `%20`, which mail clients read too, unlike `+`).
pub fn percent_encode(text: &str) -> String {
    let mut encoded = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
            encoded.push(char::from(byte));
        } else {
            const HEX: &[u8; 16] = b"0123456789ABCDEF";
            encoded.push('%');
            encoded.push(char::from(HEX[usize::from(byte >> 4)]));
            encoded.push(char::from(HEX[usize::from(byte & 15)]));
        }
    }
    encoded
}

/// Facebook, X, LinkedIn, WhatsApp and email, in that order.
pub fn share_links(url: &str, title: &str) -> Vec<ShareLink> {
    let url = percent_encode(url);
    let title = percent_encode(title);
    vec![
        ShareLink {
            name: "Facebook",
            href: format!("https://www.facebook.com/sharer/sharer.php?u={url}"),
        },
        ShareLink {
            name: "X",
            href: format!("https://x.com/intent/post?url={url}&text={title}"),
        },
        ShareLink {
            name: "LinkedIn",
            href: format!("https://www.linkedin.com/sharing/share-offsite/?url={url}"),
        },
        ShareLink {
            name: "WhatsApp",
            href: format!("https://wa.me/?text={title}%20{url}"),
        },
        ShareLink {
            name: "Email",
            href: format!("mailto:?subject={title}&body={url}"),
        },
    ]
}

/// The absolute address of `path` on the public site, when the site names its base URL.
pub fn canonical_url(base_url: Option<&str>, path: &str) -> Option<String> {
    base_url
        .map(str::trim)
        .filter(|base| !base.is_empty())
        .map(|base| format!("{}{path}", base.trim_end_matches('/')))
}

#[cfg(test)]
mod tests;
