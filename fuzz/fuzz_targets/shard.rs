#![no_main]
//! A sweep shard file: read, then merge it alone (as `controlroom merge` would).
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let p = common::file("shard-1-of-1.csv", data);
    if let Ok(f) = controlroom::plan::sweep::shard::read(&p) {
        let _ = controlroom::plan::sweep::shard::merge(vec![f]);
    }
});
