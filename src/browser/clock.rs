//! The current year, for the footer's copyright range. Plain time, no DOM: the same call works
//! in the browser and when pages are rendered natively.

#[cfg(target_arch = "wasm32")]
pub fn current_year() -> i32 {
    js_sys::Date::new_0().get_full_year() as i32
}

#[cfg(not(target_arch = "wasm32"))]
pub fn current_year() -> i32 {
    newsroom_core::date::this_year_utc()
}
