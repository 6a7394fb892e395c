#![no_main]
//! A model file: parse and validate (never simulate).
use libfuzzer_sys::fuzz_target;
use std::path::Path;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let path = Path::new("/nonexistent/fuzz.ron");
    if let Ok(m) = controlroom::model::parse(text, path) {
        let _ = controlroom::model::validate(&m, path);
    }
});
