#![no_main]
//! A course plan, and a trainee's progress through it with no results.
use controlroom::training::course::{Course, progress};
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let p = common::file("course.ron", data);
    if let Ok(c) = Course::load(&p) {
        let _ = progress(&c, &[], "trainee");
    }
});
