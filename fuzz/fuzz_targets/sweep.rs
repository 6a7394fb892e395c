#![no_main]
//! A sweep file: read, resolve every variant (overrides applied, each validated).
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let p = common::file("sweep.ron", data);
    let _ = controlroom::plan::sweep::load(&p, None, None);
});
