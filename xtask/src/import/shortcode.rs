//! WordPress shortcodes (`[gallery ids="1,2"]`, `[contact-form-7 id="5"]`) that a plugin no
//! longer expands are left in the rendered HTML as text. They mean nothing to a reader, so
//! they are removed; bracketed words an editor wrote (`[sic]`, footnote marks like `[1]`)
//! stay.

use super::dropped::Dropped;

/// Shortcodes WordPress itself and the most common plugins register.
const KNOWN: [&str; 10] = [
    "caption",
    "wp_caption",
    "gallery",
    "audio",
    "video",
    "playlist",
    "embed",
    "soundcloud",
    "youtube",
    "instagram",
];

/// `text` without its shortcodes, each noted in `dropped`.
pub fn strip(text: &str, dropped: &mut Dropped) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        out.push_str(&rest[..open]);
        let candidate = &rest[open..];
        match shortcode_len(candidate) {
            Some((len, name, closing)) => {
                if !closing {
                    dropped.add(format!("shortcode [{name}]"));
                }
                rest = &candidate[len..];
            }
            None => {
                out.push('[');
                rest = &candidate[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The byte length and name of the shortcode `text` starts with, if it starts with one, and
/// whether it is a closing one (`[/caption]`).
fn shortcode_len(text: &str) -> Option<(usize, &str, bool)> {
    let end = text.find(']')?;
    let inner = &text[1..end];
    if inner.len() > 500 || inner.contains('[') {
        return None;
    }
    let closing = inner.starts_with('/');
    let inner = inner.trim_start_matches('/');
    let name_end = inner
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
        .unwrap_or(inner.len());
    let (name, attributes) = inner.split_at(name_end);
    let starts_with_letter = name.starts_with(|c: char| c.is_ascii_alphabetic());
    let attributes_ok = attributes.is_empty() || attributes.starts_with(char::is_whitespace);
    if !starts_with_letter || !attributes_ok {
        return None;
    }
    let is_shortcode = closing
        || attributes.contains('=')
        || name.contains(['-', '_'])
        || KNOWN.contains(&name.to_ascii_lowercase().as_str());
    is_shortcode.then_some((end + 1, name, closing))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shortcodes_go_and_bracketed_words_stay() {
        let mut dropped = Dropped::default();
        let text = "Before [gallery ids=\"1,2\"] mid [contact-form-7] [sic] [1] \
                    [caption id=\"x\"]Inner[/caption] after [ unclosed";
        assert_eq!(
            strip(text, &mut dropped),
            "Before  mid  [sic] [1] Inner after [ unclosed"
        );
        assert_eq!(
            dropped.describe().as_deref(),
            Some("shortcode [caption], shortcode [contact-form-7], shortcode [gallery]")
        );
    }
}
