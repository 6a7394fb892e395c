#![no_main]
//! A training scenario: parse, check, and sweep every branch of its script.
use controlroom::training::{Scenario, check, sweep};
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(sc) = Scenario::parse(Path::new("fuzz.ron"), text) {
        if check::check(&sc, None).is_empty() {
            let _ = sweep::sweep(&sc);
        }
    }
});
