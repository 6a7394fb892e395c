#![no_main]
//! A telephony (ACD) interval export, as `forecast` imports it: CSV with any timestamp form,
//! queues, blank and total rows; then the forecast's daily totals are built from it.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let path = common::file("export.csv", data);
    let opts = controlroom::model::import::Options::default();
    let _ = controlroom::model::import::read(&path, &opts);
});
