//! Card text for listings and Read More cards.
//!
//! Cards sit side by side, so their text has to stay about the same length: a long lede would
//! make one card much taller than its neighbours. Cuts happen between words, because a word
//! chopped in half ("the prol...") reads as a glitch rather than as a shortened sentence.

/// Ledes up to this many characters are shown whole. The listing this app reproduces shows
/// ledes of up to 143 characters whole; cutting one just over the excerpt length would drop
/// only a word or two and make the card look truncated for nothing.
pub const WHOLE_LEDE_MAX_CHARS: usize = 160;

/// How much of a longer lede a card shows: the length the reference listing cuts to.
pub const CARD_EXCERPT_CHARS: usize = 110;

const ELLIPSIS: &str = "...";

/// A card-sized excerpt of rich text (a first paragraph, when an import has no lede): its
/// plain text with line breaks and runs of spaces as single spaces, cut at a word.
pub fn rich_excerpt(text: &crate::model::RichText, max_chars: usize) -> String {
    let plain = text.plain_text();
    let words: Vec<&str> = plain
        .split(is_break_space)
        .filter(|word| !word.is_empty())
        .collect();
    cut_at_word(&words.join(" "), max_chars)
}

/// The text of a card: the lede whole when it is already card-sized, otherwise cut to
/// [`CARD_EXCERPT_CHARS`] at a word boundary.
pub fn card_excerpt(lede: &str) -> String {
    let lede = lede.trim();
    if lede.chars().count() <= WHOLE_LEDE_MAX_CHARS {
        lede.to_string()
    } else {
        cut_at_word(lede, CARD_EXCERPT_CHARS)
    }
}

/// `text` without surrounding whitespace when it has at most `max_chars` characters (Unicode
/// scalar values); otherwise its longest prefix of whole words within `max_chars`, without
/// punctuation left dangling at the end, followed by "...". A first word longer than
/// `max_chars` is cut inside the word, but never inside a character nor between a character
/// and the combining marks that belong to it.
pub fn cut_at_word(text: &str, max_chars: usize) -> String {
    let text = text.trim();
    let Some((cut, first_char_dropped)) = text.char_indices().nth(max_chars) else {
        return text.to_string();
    };
    let head = &text[..cut];
    let whole_words = if is_break_space(first_char_dropped) {
        Some(head)
    } else {
        head.rfind(is_break_space).map(|space| &head[..space])
    };
    let kept = match whole_words.map(without_dangling_end) {
        Some(words) if !words.is_empty() => words,
        _ => without_dangling_end(cut_inside_word(text, cut)),
    };
    format!("{kept}{ELLIPSIS}")
}

/// Whitespace a line may break at. No-break spaces (U+00A0, U+202F narrow, U+2007 figure)
/// are how editors keep "10 km" or "Nov. 5" together, so a cut never falls on them.
fn is_break_space(c: char) -> bool {
    c.is_whitespace() && !matches!(c, '\u{00A0}' | '\u{202F}' | '\u{2007}')
}

/// Drops what would look odd right before "...": trailing spaces, separators such as
/// "," or "—", opening brackets or quotes whose content was cut away, and a joiner whose
/// second half was.
fn without_dangling_end(text: &str) -> &str {
    text.trim_end_matches(|c: char| c.is_whitespace() || DANGLING.contains(&c))
}

const DANGLING: [char; 17] = [
    ',',
    ';',
    ':',
    '.',
    '-',
    '–',
    '—',
    '/',
    '(',
    '[',
    '{',
    '“',
    '‘',
    '«',
    '…',
    '&',
    ZERO_WIDTH_JOINER,
];

/// `text[..cut]`, moved back so it does not separate a character from the marks that
/// combine with it or end on a zero-width joiner. If the whole prefix is one such cluster,
/// the plain character cut is kept, as something is better than nothing.
fn cut_inside_word(text: &str, cut: usize) -> &str {
    let mut end = cut;
    while end > 0 && splits_cluster(text, end) {
        end = text[..end]
            .char_indices()
            .next_back()
            .map_or(0, |(start, _)| start);
    }
    if end == 0 {
        &text[..cut]
    } else {
        &text[..end]
    }
}

/// Whether cutting `text` at byte `at` would separate characters that display as one.
fn splits_cluster(text: &str, at: usize) -> bool {
    let next_attaches = text[at..].chars().next().is_some_and(attaches_to_previous);
    let previous_joins = text[..at].ends_with(ZERO_WIDTH_JOINER);
    next_attaches || previous_joins
}

const ZERO_WIDTH_JOINER: char = '\u{200D}';

/// Combining marks, joiners, variation selectors and emoji skin tones: characters that
/// modify the one before them. Not the full Unicode grapheme rules, but the common cases
/// in Latin-script news text and emoji.
fn attaches_to_previous(c: char) -> bool {
    matches!(
        c,
        '\u{0300}'..='\u{036F}'
            | '\u{1AB0}'..='\u{1AFF}'
            | '\u{1DC0}'..='\u{1DFF}'
            | '\u{200C}'..='\u{200D}'
            | '\u{20D0}'..='\u{20FF}'
            | '\u{FE00}'..='\u{FE0F}'
            | '\u{FE20}'..='\u{FE2F}'
            | '\u{1F3FB}'..='\u{1F3FF}'
            | '\u{E0100}'..='\u{E01EF}'
    )
}

#[cfg(test)]
mod tests;
