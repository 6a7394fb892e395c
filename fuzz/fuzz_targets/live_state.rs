#![no_main]
//! A live-state file against the embedded default model.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let Ok(mut loaded) = controlroom::model::load(None) else { return };
    let p = common::file("state.ron", data);
    let _ = controlroom::model::state::load_state(&p, &loaded.model, &mut loaded.config);
});
