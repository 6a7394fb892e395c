#![no_main]
//! An action log, replayed against a shipped scenario (as `controlroom score` does).
use controlroom::training::{ActionLog, Scenario, replay};
use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
#[path = "common.rs"]
mod common;

fn scenario() -> &'static Scenario {
    static SC: OnceLock<Scenario> = OnceLock::new();
    SC.get_or_init(|| {
        let p = concat!(env!("CARGO_MANIFEST_DIR"), "/../scenarios/training/rtc-999.ron");
        Scenario::load(std::path::Path::new(p)).expect("shipped scenario")
    })
}

fuzz_target!(|data: &[u8]| {
    let p = common::file("log.ron", data);
    if let Ok(log) = ActionLog::load(&p) {
        let _ = replay::replay(scenario(), &log);
    }
});
