#![no_main]
//! A training results CSV: read and summarised (as `controlroom cohort` does).
use controlroom::training::{cohort, results};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let p = common::file("results.csv", data);
    if let Ok(read) = results::read(&p) {
        let _ = cohort::summarise(&read.rows);
    }
});
