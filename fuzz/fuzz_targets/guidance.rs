#![no_main]
//! A guidance checklist, mapped against no scenarios.
use controlroom::training::{coverage, guidance::Guidance};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let p = common::file("guidance.ron", data);
    if let Ok(g) = Guidance::load(&p) {
        let _ = coverage::coverage(&g, &[], None);
    }
});
