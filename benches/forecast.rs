//! Import + forecast of the shipped example history: two years of 15-minute intervals for
//! 999, 101 and digital (`scenarios/planning/history/calls-2023-2025.csv`, 190,171 rows), then a
//! 31-day forecast of all three channels with the events file (what
//! `controlroom forecast ... --start 2025-12-01 --days 31` does before writing). Aim: under 5 s.
//!
//! Run with `cargo bench --bench forecast`. Recorded 2026-12-02 on the shared, loaded 2-core
//! machine (release profile): import 419 ms, import + forecast 574 ms.

use controlroom::model::import;
use controlroom::plan::forecast::{self, Method, events};
use criterion::{Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

fn import_and_forecast(c: &mut Criterion) {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/planning/history");
    let history = dir.join("calls-2023-2025.csv");
    let ev = match events::read(&dir.join("events.csv")) {
        Ok(e) => e,
        Err(e) => panic!("{e}"),
    };
    let start = chrono::NaiveDate::from_ymd_opt(2025, 12, 1).unwrap_or_default();
    let mut g = c.benchmark_group("forecast");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(20));
    g.bench_function("import two years x 3 channels", |b| {
        b.iter(
            || match import::read(&history, &import::Options::default()) {
                Ok(h) => h.rows,
                Err(e) => panic!("{e}"),
            },
        )
    });
    g.bench_function("import + forecast 31 days, 3 channels", |b| {
        b.iter(|| {
            let h = match import::read(&history, &import::Options::default()) {
                Ok(h) => h,
                Err(e) => panic!("{e}"),
            };
            match forecast::forecast_all(&h, Method::MstlEts, start, 31, &ev) {
                Ok(f) => f.channels.len(),
                Err(e) => panic!("{e}"),
            }
        })
    });
    g.finish();
}

criterion_group!(benches, import_and_forecast);
criterion_main!(benches);
