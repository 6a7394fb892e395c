#![no_main]
//! A telephony history CSV (interval counts) and an observed-durations CSV, read through a
//! model that points at them.
use libfuzzer_sys::fuzz_target;
#[path = "common.rs"]
mod common;

const MODEL: &str = r#"(
    name: "csv fuzz",
    run: (horizon_days: 2, warmup_hours: 0, replications: 1, seed: 1, kpi_interval_minutes: 60),
    channels: [(
        id: "999", priority: 1,
        arrivals: (profile: Csv(path: "counts.csv", interval_minutes: 30)),
        talk: Empirical(path: "counts.csv", column: "count"),
        service_level: (threshold_s: 10, target: 0.9),
    )],
    staff: [(name: "all", skills: ["999"], handlers: 2,
             rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"))],
)"#;

fuzz_target!(|data: &[u8]| {
    common::file("counts.csv", data);
    let model_path = common::file("model.ron", MODEL.as_bytes());
    if let Ok(m) = controlroom::model::parse(MODEL, &model_path) {
        let _ = controlroom::model::validate(&m, &model_path);
    }
});
