use super::*;
use crate::fixtures;

fn char_count(text: &str) -> usize {
    text.chars().count()
}

#[test]
fn short_text_is_returned_whole_without_surrounding_whitespace() {
    assert_eq!(cut_at_word("Short lede.", 110), "Short lede.");
    assert_eq!(cut_at_word("  Short lede.\n", 110), "Short lede.");
    assert_eq!(cut_at_word("", 10), "");
    assert_eq!(cut_at_word(" \t\n ", 10), "");
    assert_eq!(cut_at_word(" \t\n ", 0), "");
}

#[test]
fn text_exactly_at_the_limit_is_not_cut() {
    assert_eq!(cut_at_word("abcde", 5), "abcde");
    assert_eq!(cut_at_word("abc de", 6), "abc de");
    assert_eq!(cut_at_word("abc de", 5), "abc...");
    assert_eq!(cut_at_word("ééééé", 5), "ééééé");
}

#[test]
fn cuts_fall_between_words() {
    assert_eq!(cut_at_word("The quick brown fox jumps", 12), "The quick...");
    assert_eq!(cut_at_word("abc def ghi", 7), "abc def...");
    assert_eq!(cut_at_word("abc def ghi", 8), "abc def...");
    assert_eq!(cut_at_word("abc def ghi", 6), "abc...");
    assert_eq!(cut_at_word("abc   def", 5), "abc...");
}

#[test]
fn dangling_punctuation_is_dropped_before_the_ellipsis() {
    assert_eq!(cut_at_word("Hello, world of news", 8), "Hello...");
    assert_eq!(
        cut_at_word("Manila, April 29, 2021 — On April 29", 23),
        "Manila, April 29, 2021..."
    );
    assert_eq!(
        cut_at_word("Manila, April 29, 2021 — On April 29", 24),
        "Manila, April 29, 2021..."
    );
    assert_eq!(
        cut_at_word("Steps: one; two - three", 16),
        "Steps: one; two..."
    );
    assert_eq!(
        cut_at_word("Steps: one; two - three", 17),
        "Steps: one; two..."
    );
    assert_eq!(cut_at_word("Steps: one; two - three", 13), "Steps: one...");
    assert_eq!(
        cut_at_word("End of sentence. Next one", 17),
        "End of sentence..."
    );
    assert_eq!(cut_at_word("He said “ quoted words", 10), "He said...");
    assert_eq!(
        cut_at_word("Closing (remark) stays here", 17),
        "Closing (remark)..."
    );
}

#[test]
fn a_first_word_longer_than_the_limit_is_cut_at_a_character() {
    assert_eq!(cut_at_word("Supercalifragilistic is long", 5), "Super...");
    assert_eq!(cut_at_word("U.S.-Philippines", 5), "U.S...");
    assert_eq!(cut_at_word("abc", 0), "...");
}

#[test]
fn multi_byte_characters_are_never_split() {
    assert_eq!(cut_at_word("café crème brûlée", 6), "café...");
    assert_eq!(cut_at_word("éééééé", 3), "ééé...");
    assert_eq!(cut_at_word("😀😀😀😀", 2), "😀😀...");
    assert_eq!(cut_at_word("Smile 😀 then 🎉 party", 9), "Smile 😀...");
    assert_eq!(cut_at_word("儿童保护契约伙伴关系", 4), "儿童保护...");
    assert_eq!(cut_at_word("儿童 保护契约伙伴关系", 4), "儿童...");
}

#[test]
fn combining_marks_stay_with_their_character() {
    let accented = "e\u{301}e\u{301}e\u{301}";
    assert_eq!(cut_at_word(accented, 3), "e\u{301}...");
    assert_eq!(cut_at_word(accented, 4), "e\u{301}e\u{301}...");
    assert_eq!(cut_at_word("xa\u{308}bc", 2), "x...");
    let family = "👨\u{200D}👩\u{200D}👧 and more";
    assert_eq!(cut_at_word(family, 2), "👨...");
    // The whole family is one cluster, so the fallback cut keeps what fits, minus the joiner.
    assert_eq!(cut_at_word(family, 3), "👨\u{200D}👩...");
    assert_eq!(cut_at_word(family, 4), "👨\u{200D}👩...");
    assert_eq!(cut_at_word("👍\u{1F3FD}👍\u{1F3FD}", 3), "👍\u{1F3FD}...");
}

#[test]
fn a_lone_cluster_longer_than_the_limit_still_shows_something() {
    let stacked = "a\u{301}\u{302}\u{303}\u{304}";
    assert_eq!(cut_at_word(stacked, 2), "a\u{301}...");
}

#[test]
fn output_is_a_prefix_of_the_text_and_never_much_longer_than_the_limit() {
    let samples = [
        fixtures::ARTICLE_LEDE,
        "café — “quoted”, (brackets) e\u{301}e\u{301} 😀\u{200D}😀 儿童保护 ; : - end",
        "   padded    with   runs   of   spaces   ",
        "x",
    ];
    for sample in samples {
        let trimmed = sample.trim();
        for max_chars in 0..=char_count(trimmed) + 2 {
            let cut = cut_at_word(sample, max_chars);
            let kept = cut.strip_suffix("...").unwrap_or(&cut);
            assert!(
                trimmed.starts_with(kept),
                "{sample:?} at {max_chars}: {cut:?}"
            );
            assert!(
                char_count(&cut) <= max_chars.max(1) + 3,
                "{cut:?} for {max_chars}"
            );
            if char_count(trimmed) <= max_chars {
                assert_eq!(cut, trimmed);
            }
        }
    }
}

#[test]
fn the_reference_article_lede_is_cut_for_its_card() {
    let excerpt = card_excerpt(fixtures::ARTICLE_LEDE);
    assert!(char_count(fixtures::ARTICLE_LEDE) > WHOLE_LEDE_MAX_CHARS);
    assert!(excerpt.ends_with("..."));
    assert!(char_count(&excerpt) <= CARD_EXCERPT_CHARS + 3);
    assert_eq!(
        excerpt,
        "On April 29, senior U.S. and Philippine government officials conducted the final \
         high-level dialogue to mark..."
    );
}

#[test]
fn the_reference_cards_whole_ledes_are_unchanged() {
    let whole_ledes = [
        "PLDT and Smart’s continued partnership with IJM underscores their keen commitment to safeguarding Filipino children in the digital space.",
        "Safety-by-design approaches are urgently needed to protect children against the threats of OSAEC.",
        "Celebrating answered prayers and praying expectantly for greater success in the fight against OSAEC in the year to come",
        "The work of the IACAT-OPG-OSG Legal Task Force expedites the journey toward justice for OSAEC and TIP survivors and casework teams nationwide.",
    ];
    for lede in whole_ledes {
        assert_eq!(card_excerpt(lede), lede);
    }
}

#[test]
fn ledes_just_over_the_excerpt_length_stay_whole_and_longer_ones_are_cut() {
    let words_of_length = |chars: usize| {
        "word ".repeat(chars / 5 + 1)[..chars]
            .trim_end()
            .to_string()
    };
    let at_limit = words_of_length(WHOLE_LEDE_MAX_CHARS - 1) + ".";
    assert_eq!(char_count(&at_limit), WHOLE_LEDE_MAX_CHARS);
    assert_eq!(card_excerpt(&at_limit), at_limit);
    let over = format!("{at_limit} More");
    let cut = card_excerpt(&over);
    assert!(cut.ends_with("..."));
    assert!(char_count(&cut) <= CARD_EXCERPT_CHARS + 3);
    assert_eq!(card_excerpt("  Padded lede.  "), "Padded lede.");
}

#[test]
fn a_cut_never_falls_on_a_no_break_space() {
    let text = "The survey covered 10\u{a0}km of coast";
    // The cut would land right after "10" if the no-break space were a break.
    assert_eq!(cut_at_word(text, 22), "The survey covered...");
    assert_eq!(cut_at_word(text, 25), "The survey covered 10\u{a0}km...");
    let narrow = "Pay 5\u{202f}000\u{202f}PHP now";
    assert_eq!(cut_at_word(narrow, 12), "Pay...");
}

#[test]
fn rich_excerpts_cut_the_plain_text_of_the_runs() {
    use crate::model::{Inline, Mark, RichText};
    let text = RichText(vec![
        Inline::Text("Volunteers walked ".into()),
        Inline::Mark {
            mark: Mark::Emphasis,
            text: "10\u{a0}km".into(),
        },
        Inline::Break,
        Inline::Link {
            href: "/a".into(),
            text: "of   beach".into(),
        },
        Inline::Text(" before noon.".into()),
    ]);
    assert_eq!(
        rich_excerpt(&text, 200),
        "Volunteers walked 10\u{a0}km of beach before noon."
    );
    assert_eq!(rich_excerpt(&text, 20), "Volunteers walked...");
}
