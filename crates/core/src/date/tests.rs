use super::*;

/// A days-in-month rule written separately from the one under test, so the calendar walk
/// below checks the implementation against something it does not share code with.
fn reference_month_length(year: i32, month: u8) -> u8 {
    const LENGTHS: [u8; 12] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    let divisible = |n: i32| year.rem_euclid(n) == 0;
    let leap = divisible(400) || (divisible(4) && !divisible(100));
    if month == 2 && leap {
        29
    } else {
        LENGTHS[usize::from(month - 1)]
    }
}

/// A date literal without validation: the walks build only real dates, and some tests need
/// impossible ones.
const fn ymd(year: i32, month: u8, day: u8) -> Date {
    Date { year, month, day }
}

fn next_day(Date { year, month, day }: Date) -> Date {
    if day < reference_month_length(year, month) {
        ymd(year, month, day + 1)
    } else if month < 12 {
        ymd(year, month + 1, 1)
    } else {
        ymd(year + 1, 1, 1)
    }
}

fn previous_day(Date { year, month, day }: Date) -> Date {
    if day > 1 {
        ymd(year, month, day - 1)
    } else if month > 1 {
        ymd(year, month - 1, reference_month_length(year, month - 1))
    } else {
        ymd(year - 1, 12, 31)
    }
}

const EPOCH: Date = ymd(1970, 1, 1);
const THURSDAY: u8 = 4;

#[test]
fn weekday_matches_a_day_by_day_walk_from_1970_to_2100() {
    let last = ymd(2100, 12, 31);
    let mut date = EPOCH;
    let mut expected_weekday = THURSDAY;
    let mut days_checked = 0;
    loop {
        assert_eq!(date.weekday(), expected_weekday, "{date:?}");
        assert_eq!(Date::parse_iso(&date.iso()), Some(date));
        days_checked += 1;
        if date == last {
            break;
        }
        date = next_day(date);
        expected_weekday = (expected_weekday + 1) % 7;
    }
    assert_eq!(days_checked, 47_847);
}

#[test]
fn weekday_matches_a_walk_backwards_to_1583() {
    let first = ymd(1583, 1, 1);
    let mut date = EPOCH;
    let mut expected_weekday = THURSDAY;
    while date != first {
        date = previous_day(date);
        expected_weekday = (expected_weekday + 6) % 7;
        assert_eq!(date.weekday(), expected_weekday, "{date:?}");
    }
}

#[test]
fn dates_from_the_reference_page_read_as_it_printed_them() {
    let cases = [
        ("2021-04-29", "Thu Apr 29 2021"),
        ("2025-04-24", "Thu Apr 24 2025"),
        ("2025-04-14", "Mon Apr 14 2025"),
        ("2025-04-07", "Mon Apr 07 2025"),
        ("2025-04-03", "Thu Apr 03 2025"),
        ("2025-03-20", "Thu Mar 20 2025"),
        ("2025-03-19", "Wed Mar 19 2025"),
        ("2025-03-04", "Tue Mar 04 2025"),
        ("2025-02-27", "Thu Feb 27 2025"),
        ("2025-02-26", "Wed Feb 26 2025"),
    ];
    for (iso, shown) in cases {
        assert_eq!(display_date(iso).as_deref(), Some(shown), "{iso}");
        assert_eq!(machine_date(iso).as_deref(), Some(iso));
    }
}

#[test]
fn date_times_show_their_own_date_whatever_the_offset() {
    for iso in [
        "2021-04-29T08:00:00+08:00",
        "2021-04-29T23:59:59Z",
        "2021-04-29T00:00:00-05:00",
        "2021-04-29T08:00Z",
        "2021-04-29T08:00",
        "2021-04-29T08:00:00.123456+0800",
        "2021-04-29t08:00:00z",
        "2021-04-29T08:00:60+08",
    ] {
        assert_eq!(
            display_date(iso).as_deref(),
            Some("Thu Apr 29 2021"),
            "{iso}"
        );
        assert_eq!(machine_date(iso).as_deref(), Some("2021-04-29"), "{iso}");
    }
}

#[test]
fn leap_years_follow_the_gregorian_rule() {
    assert!(is_leap_year(2000));
    assert!(is_leap_year(2024));
    assert!(is_leap_year(1600));
    assert!(!is_leap_year(2100));
    assert!(!is_leap_year(1900));
    assert!(!is_leap_year(2023));
    assert!(Date::parse_iso("2000-02-29").is_some());
    assert!(Date::parse_iso("2024-02-29").is_some());
    assert!(Date::parse_iso("2100-02-29").is_none());
    assert!(Date::parse_iso("2023-02-29").is_none());
    assert_eq!(
        display_date("2024-02-29").as_deref(),
        Some("Thu Feb 29 2024")
    );
    assert_eq!(
        display_date("2000-02-29").as_deref(),
        Some("Tue Feb 29 2000")
    );
}

#[test]
fn impossible_or_malformed_dates_are_refused() {
    let rejected = [
        "",
        "2021",
        "2021-04",
        "2021-4-29",
        "2021-04-9",
        "21-04-29",
        "02021-04-29",
        "2021/04/29",
        "2021-04-29 ",
        " 2021-04-29",
        "2021-02-30",
        "2021-04-31",
        "2021-13-01",
        "2021-00-10",
        "2021-04-00",
        "2021-04-32",
        "+021-04-29",
        "-021-04-29",
        "2O21-04-29",
        "2021-04-2x",
        "２０２１-04-29",
        "2021-04-29T",
        "2021-04-29T08",
        "2021-04-29T24:00",
        "2021-04-29T08:60",
        "2021-04-29T08:00:61",
        "2021-04-29T08:00:00.",
        "2021-04-29T08:00:00+08:",
        "2021-04-29T08:00:00+8",
        "2021-04-29T08:00:00+08:00junk",
        "2021-04-29Tomorrow",
        "2021-04-29é",
        "2021-04-2é",
        "é021-04-29",
        "2021-04-29\u{0}",
    ];
    for input in rejected {
        assert_eq!(Date::parse_iso(input), None, "{input:?}");
    }
}

#[test]
fn parsing_never_panics_on_any_short_input() {
    let alphabet = ["2", "0", "-", "T", ":", "+", "Z", "é", "😀", "9", "\u{301}"];
    let mut inputs = vec![String::new()];
    for _ in 0..4 {
        let longer: Vec<String> = inputs
            .iter()
            .flat_map(|prefix| alphabet.iter().map(move |piece| format!("{prefix}{piece}")))
            .collect();
        inputs.extend(longer);
    }
    for input in &inputs {
        let _ = Date::parse_iso(input);
        let _ = Date::parse_iso(&format!("2021-04-29{input}"));
        let _ = Date::parse_iso(&format!("{input}2021-04-29"));
    }
}

#[test]
fn constructor_refuses_days_off_the_calendar() {
    assert!(Date::new(2021, 4, 30).is_some());
    assert!(Date::new(2021, 4, 31).is_none());
    assert!(Date::new(2021, 0, 1).is_none());
    assert!(Date::new(2021, 1, 0).is_none());
    assert_eq!(days_in_month(2021, 13), 0);
}

#[test]
fn years_print_with_at_least_four_digits_like_javascript() {
    assert_eq!(ymd(33, 4, 3).display(), "Sun Apr 03 0033");
    assert_eq!(ymd(0, 1, 1).display(), "Sat Jan 01 0000");
    assert_eq!(ymd(-1, 12, 31).display(), "Fri Dec 31 -0001");
    assert_eq!(ymd(12345, 1, 1).iso(), "12345-01-01");
    assert_eq!(ymd(5, 6, 7).iso(), "0005-06-07");
}

#[test]
fn hand_built_out_of_range_dates_do_not_panic() {
    for month in [0, 13, 255] {
        let date = Date {
            year: 2021,
            month,
            day: 255,
        };
        assert!(date.weekday() < 7);
        assert!(date.display().contains("???"));
    }
    let extremes = [ymd(i32::MIN, 1, 1), ymd(i32::MAX, 12, 31)];
    for date in extremes {
        assert!(date.weekday() < 7);
        assert!(!date.display().is_empty());
    }
}

#[test]
fn dates_order_chronologically() {
    let parse = |iso| Date::parse_iso(iso).unwrap();
    assert!(parse("2025-02-26") < parse("2025-02-27"));
    assert!(parse("2024-12-31") < parse("2025-01-01"));
    assert!(parse("2025-01-31") < parse("2025-02-01"));
}

#[test]
fn the_year_of_a_unix_time_turns_over_at_midnight_utc_on_new_years_day() {
    // Seconds since the epoch, worked out independently for these instants.
    assert_eq!(year_of_unix_seconds(0), 1970);
    assert_eq!(year_of_unix_seconds(951_782_400), 2000); // 2000-02-29T00:00:00Z
    assert_eq!(year_of_unix_seconds(1_798_761_599), 2026); // 2026-12-31T23:59:59Z
    assert_eq!(year_of_unix_seconds(1_798_761_600), 2027); // 2027-01-01T00:00:00Z
    assert_eq!(year_of_unix_seconds(13_601_087_999), 2400); // 2400-12-31T23:59:59Z
}

#[test]
fn days_since_epoch_and_back_agree_across_four_centuries_and_before_1970() {
    assert_eq!(date_of_days_since_epoch(0), Date::new(1970, 1, 1).unwrap());
    assert_eq!(
        date_of_days_since_epoch(11_016),
        Date::new(2000, 2, 29).unwrap()
    );
    assert_eq!(
        date_of_days_since_epoch(-1),
        Date::new(1969, 12, 31).unwrap()
    );
    for days in (-150_000..150_000).step_by(37) {
        let date = date_of_days_since_epoch(days);
        assert!(
            Date::new(date.year, date.month, date.day).is_some(),
            "{date:?}"
        );
        assert_eq!(days_since_epoch(date), days);
    }
}
