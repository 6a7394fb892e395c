#![no_main]
//! A force profile file.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let p = common::file("force.ron", data);
    let _ = controlroom::training::ForceProfile::load(&p);
});
