//! Chrome DevTools Protocol calls, for what WebDriver itself cannot do (viewport emulation,
//! garbage collection, DOM counters): the harness's, shared with the bench.

pub use newsroom_harness::webdriver::devtools;
