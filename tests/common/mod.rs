//! Shared helpers for integration tests: small models written as RON text.
#![allow(dead_code)]

use controlroom::model;
use controlroom::sim::Config;
use std::path::Path;

/// One channel, Poisson arrivals at `per_hour`, exponential handling with mean `aht_s` and no
/// wrap-up, `agents` handlers on duty round the clock, optional exponential patience.
pub fn single_queue(per_hour: f64, aht_s: f64, agents: u32, patience_s: Option<f64>) -> String {
    let patience = match patience_s {
        Some(p) => format!("Some(Exponential(mean_s: {p}))"),
        None => "None".into(),
    };
    format!(
        r#"(
    name: "M/M/n test",
    run: (horizon_days: 10, warmup_hours: 24, replications: 30, seed: 4242, kpi_interval_minutes: 60),
    channels: [(
        id: "999",
        priority: 1,
        arrivals: (profile: Constant(per_hour: {per_hour})),
        talk: Exponential(mean_s: {aht_s}),
        patience: {patience},
        service_level: (threshold_s: 20, target: 0.9),
    )],
    staff: [(
        name: "all",
        skills: ["999"],
        handlers: {agents},
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    )],
)"#
    )
}

/// Parse and validate model text.
pub fn config(text: &str) -> Config {
    let m = model::parse(text, Path::new("test.ron")).unwrap_or_else(|e| panic!("{e}"));
    model::validate(&m, Path::new("test.ron")).unwrap_or_else(|e| panic!("{e}"))
}

/// The embedded default model's config.
pub fn default_config() -> Config {
    model::load(None).unwrap_or_else(|e| panic!("{e}")).config
}
