//! The current year, for the footer's copyright range. Plain time, no DOM: the same call works
//! in the browser and when pages are rendered natively.

#[cfg(target_arch = "wasm32")]
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

#[cfg(not(target_arch = "wasm32"))]
pub fn current_year() -> i32 {
    let seconds = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|elapsed| elapsed.as_secs())
        .unwrap_or(0);
    // Days since 1970 to a civil year: good enough for a copyright line (UTC).
    let mut remaining = seconds / 86_400;
    let mut year: i32 = 1970;
    loop {
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let length = if leap { 366 } else { 365 };
        if remaining < length {
            return year;
        }
        remaining -= length;
        year += 1;
    }
}
