//! Calendar dates as readers see them.
//!
//! Content carries ISO 8601 dates or date-times; pages show only the day, in the shape
//! `Thu Apr 29 2021` that the original site printed. Only the date part matters, so the time
//! of day and its offset are checked for shape but otherwise ignored: an article published
//! at 23:30 in Manila shows the Manila date, wherever the reader is.

/// A day of the proleptic Gregorian calendar. Field order makes the derived `Ord`
/// chronological.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    pub year: i32,
    pub month: u8,
    pub day: u8,
}

const WEEKDAY_NAMES: [&str; 7] = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const MONTH_NAMES: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Days from 0000-03-01 to 1970-01-01, so that day zero of [`days_since_epoch`] is 1970-01-01.
const DAYS_FROM_YEAR_ZERO_MARCH_TO_EPOCH: i64 = 719_468;
const DAYS_PER_400_YEARS: i64 = 146_097;
/// 1970-01-01 was a Thursday.
const EPOCH_WEEKDAY: i64 = 4;

impl Date {
    /// The only way to build a `Date` that is guaranteed to exist on the calendar; the fields
    /// stay public so tests and callers can still write literals.
    pub fn new(year: i32, month: u8, day: u8) -> Option<Date> {
        let exists = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        exists.then_some(Date { year, month, day })
    }

    /// Accepts "YYYY-MM-DD" and ISO 8601 date-times starting with it
    /// ("2021-04-29T08:00:00+08:00", "...Z"); the date part is what readers see. Rejects
    /// impossible dates, wrong lengths and non-digits. Works on bytes, so non-ASCII input is
    /// refused rather than risking a slice inside a character.
    pub fn parse_iso(s: &str) -> Option<Date> {
        let bytes = s.as_bytes();
        let (date_part, time_part) = match bytes.len() {
            10 => (bytes, None),
            len if len > 10 => (&bytes[..10], Some(&bytes[10..])),
            _ => return None,
        };
        if date_part[4] != b'-' || date_part[7] != b'-' {
            return None;
        }
        let year = digits_value(&date_part[0..4])?;
        let month = digits_value(&date_part[5..7])?;
        let day = digits_value(&date_part[8..10])?;
        if let Some(time) = time_part {
            if !is_time_suffix(time) {
                return None;
            }
        }
        Date::new(
            i32::try_from(year).ok()?,
            u8::try_from(month).ok()?,
            u8::try_from(day).ok()?,
        )
    }

    /// 0 = Sunday ... 6 = Saturday.
    pub fn weekday(&self) -> u8 {
        let weekday = (days_since_epoch(*self) + EPOCH_WEEKDAY).rem_euclid(7);
        // rem_euclid(7) is always in 0..7.
        weekday as u8
    }

    /// "Thu Apr 29 2021": the shape of JavaScript's `Date.prototype.toDateString()`, which is
    /// what the original pages printed, so dates read the same after the rebuild.
    pub fn display(&self) -> String {
        let weekday = WEEKDAY_NAMES[usize::from(self.weekday())];
        let month = usize::from(self.month)
            .checked_sub(1)
            .and_then(|index| MONTH_NAMES.get(index))
            .copied()
            .unwrap_or("???");
        format!(
            "{weekday} {month} {:02} {}",
            self.day,
            padded_year(self.year)
        )
    }

    /// "2021-04-29": the machine-readable form for `<time datetime>`.
    pub fn iso(&self) -> String {
        format!(
            "{}-{:02}-{:02}",
            padded_year(self.year),
            self.month,
            self.day
        )
    }
}

/// The reader-facing date of an ISO date or date-time, or `None` when it is not one.
pub fn display_date(iso: &str) -> Option<String> {
    Date::parse_iso(iso).map(|date| date.display())
}

/// The `<time datetime>` value of an ISO date or date-time, or `None` when it is not one.
pub fn machine_date(iso: &str) -> Option<String> {
    Date::parse_iso(iso).map(|date| date.iso())
}

/// This year (UTC) by the system clock. For native code only: a browser build has no system
/// clock and reads the year from JavaScript's `Date` instead.
pub fn this_year_utc() -> i32 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    year_of_unix_seconds(seconds)
}

/// The calendar year (UTC) of a moment given as seconds since 1970-01-01T00:00:00Z: what the
/// footer's copyright range ends with, computed the same way wherever the page is rendered.
pub fn year_of_unix_seconds(seconds: u64) -> i32 {
    // u64 seconds / 86,400 always fits an i64.
    date_of_days_since_epoch((seconds / 86_400) as i64).year
}

pub fn is_leap_year(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// 0 for a month outside 1..=12, so no day of it is valid.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap_year(year) => 29,
        2 => 28,
        _ => 0,
    }
}

/// Days from 1970-01-01 (negative before it). Counts in years starting on March 1st so the
/// leap day falls at the end of a year and every month before it has a fixed offset; the
/// arithmetic never indexes a table, so even an out-of-range month cannot panic.
fn days_since_epoch(date: Date) -> i64 {
    let month = i64::from(date.month);
    let year = i64::from(date.year) - i64::from(month <= 2);
    let era = year.div_euclid(400);
    let year_of_era = year - era * 400;
    let month_from_march = (month + 9) % 12;
    let day_of_year = (153 * month_from_march + 2) / 5 + i64::from(date.day) - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * DAYS_PER_400_YEARS + day_of_era - DAYS_FROM_YEAR_ZERO_MARCH_TO_EPOCH
}

/// The day `days` after 1970-01-01 (before it, when negative): the inverse of
/// [`days_since_epoch`] (H. Hinnant's civil-from-days).
pub fn date_of_days_since_epoch(days: i64) -> Date {
    let days = days + DAYS_FROM_YEAR_ZERO_MARCH_TO_EPOCH;
    let era = days.div_euclid(DAYS_PER_400_YEARS);
    let day_of_era = days.rem_euclid(DAYS_PER_400_YEARS);
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_from_march = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_from_march + 2) / 5 + 1;
    let month = (month_from_march + 2) % 12 + 1;
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    // Each part is in range by construction: month 1..=12, day 1..=31.
    Date {
        year: year as i32,
        month: month as u8,
        day: day as u8,
    }
}

/// At least four digits, with a leading "-" before year 0, as JavaScript prints years.
fn padded_year(year: i32) -> String {
    let sign = if year < 0 { "-" } else { "" };
    format!("{sign}{:04}", year.unsigned_abs())
}

/// The value of a run of ASCII digits, or `None` if any byte is not one.
fn digits_value(digits: &[u8]) -> Option<u32> {
    digits.iter().try_fold(0u32, |value, &byte| {
        byte.is_ascii_digit()
            .then(|| value * 10 + u32::from(byte - b'0'))
    })
}

/// `THH:MM`, optional `:SS` and fraction, optional `Z` or `±HH:MM` (or `±HHMM`, `±HH`).
/// The time is ignored, but garbage after a date is more likely a broken field than a date.
fn is_time_suffix(time: &[u8]) -> bool {
    let Some((&separator, rest)) = time.split_first() else {
        return false;
    };
    if separator != b'T' && separator != b't' {
        return false;
    }
    let Some(rest) = two_digit_field(rest, 23) else {
        return false;
    };
    let Some(rest) = rest.strip_prefix(b":").and_then(|r| two_digit_field(r, 59)) else {
        return false;
    };
    let mut rest = rest;
    if let Some(after_colon) = rest.strip_prefix(b":") {
        // 60 allows a leap second.
        let Some(after_seconds) = two_digit_field(after_colon, 60) else {
            return false;
        };
        rest = after_seconds;
        if let Some(fraction) = rest.strip_prefix(b".").or_else(|| rest.strip_prefix(b",")) {
            let digit_count = fraction.iter().take_while(|b| b.is_ascii_digit()).count();
            if digit_count == 0 {
                return false;
            }
            rest = &fraction[digit_count..];
        }
    }
    is_offset(rest)
}

fn is_offset(offset: &[u8]) -> bool {
    match offset {
        [] | [b'Z'] | [b'z'] => true,
        [b'+' | b'-', rest @ ..] => {
            let Some(rest) = two_digit_field(rest, 23) else {
                return false;
            };
            let minutes = match rest {
                [] => return true,
                [b':', minutes @ ..] => minutes,
                minutes => minutes,
            };
            two_digit_field(minutes, 59).is_some_and(<[u8]>::is_empty)
        }
        _ => false,
    }
}

/// Reads two digits no greater than `max` and returns what follows them.
fn two_digit_field(bytes: &[u8], max: u32) -> Option<&[u8]> {
    let digits = bytes.get(..2)?;
    let value = digits_value(digits)?;
    (value <= max).then(|| &bytes[2..])
}

#[cfg(test)]
mod tests;
