//! The staffing search for a week of the default model (`controlroom staff` with its default
//! options: 10 replications per round), on all cores.
//!
//! Run with `cargo bench --bench staffing`. Each sample is one whole search (an Erlang A start,
//! a simulation of the model's own staff, then rounds of simulation up and down), so the
//! measurement is kept to ten samples.
//!
//! Recorded 2026-11-23 on the shared 2-core build machine (release profile): 980 ms per search
//! (criterion 971–985 ms), 43 rounds of 10 eight-day replications; the command takes 0.9 s
//! wall on 2 threads and 1.75 s on 1 thread, with the same answer (2,248 on-duty
//! handler-hours a week).

use controlroom::model;
use controlroom::plan::staffing::{self, StaffingOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use std::time::Duration;

fn staffing(c: &mut Criterion) {
    let cfg = match model::load(None) {
        Ok(l) => l.config,
        Err(e) => panic!("{e}"),
    };
    let opts = StaffingOptions::default();
    let mut g = c.benchmark_group("staffing search");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(30));
    g.bench_function("default model, one week, 10 replications per round", |b| {
        b.iter(|| match staffing::search(&cfg, &opts, &|_| {}) {
            Ok(r) => r.rounds.len(),
            Err(e) => panic!("{e}"),
        })
    });
    g.finish();
}

criterion_group!(benches, staffing);
criterion_main!(benches);
