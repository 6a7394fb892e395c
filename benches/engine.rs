//! Engine throughput: events per second on the default model and at national scale, calls per
//! second on a plain M/M/n+M queue, and the wall-clock time of a simulated year of the default
//! force with 30 replications on one thread and on all cores (the scaling figure).
//!
//! Run with `cargo bench --bench engine`. Throughput is reported per replication on one
//! thread (events or offered calls per second per core).

use controlroom::model;
use controlroom::plan::replicate::replicate;
use controlroom::sim::{self, Config, NoRecords};
use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

fn load(path: Option<&str>) -> Config {
    match model::load(path.map(Path::new)) {
        Ok(l) => l.config,
        Err(e) => panic!("{e}"),
    }
}

fn throughput(c: &mut Criterion, name: &str, cfg: &Config) {
    let events = sim::run(cfg, 0, &mut NoRecords).events;
    let mut g = c.benchmark_group(name);
    g.throughput(Throughput::Elements(events));
    g.sample_size(10).measurement_time(Duration::from_secs(8));
    g.bench_function("one replication, one thread", |b| {
        b.iter(|| sim::run(cfg, 0, &mut NoRecords).events)
    });
    g.finish();
}

/// An M/M/n+M queue: 300 calls an hour, exponential 3-minute handling, exponential 1-minute
/// patience, 17 agents on duty all the time, no warm-up, so every offered call is counted.
const MMN: &str = r#"(
    name: "M/M/n+M bench",
    run: (horizon_days: 30, warmup_hours: 0, replications: 1, seed: 7, kpi_interval_minutes: 60),
    channels: [(
        id: "999",
        priority: 1,
        arrivals: (profile: Constant(per_hour: 300)),
        talk: Exponential(mean_s: 180),
        patience: Some(Exponential(mean_s: 60)),
        service_level: (threshold_s: 20, target: 0.9),
    )],
    staff: [(
        name: "all",
        skills: ["999"],
        handlers: 17,
        rota: (shifts: [(code: "A", start: "00:00", hours: 24)], pattern: "A"),
    )],
)"#;

fn mmn(c: &mut Criterion) {
    let path = Path::new("mmn.ron");
    let m = model::parse(MMN, path).unwrap_or_else(|e| panic!("{e}"));
    let cfg = model::validate(&m, path).unwrap_or_else(|e| panic!("{e}"));
    let offered =
        |r: &sim::Replication| -> u64 { r.tracker.channels[0].iter().map(|b| b.offered).sum() };
    let calls = offered(&sim::run(&cfg, 0, &mut NoRecords));
    let mut g = c.benchmark_group("M/M/n+M (300/h, 3 min, 1 min patience, 17 agents, 30 days)");
    g.throughput(Throughput::Elements(calls));
    g.sample_size(20).measurement_time(Duration::from_secs(8));
    g.bench_function("offered calls, one thread", |b| {
        b.iter(|| offered(&sim::run(&cfg, 0, &mut NoRecords)))
    });
    g.finish();
}

fn engine(c: &mut Criterion) {
    let default = load(None);
    throughput(c, "default model (8 days)", &default);
    let national = load(Some(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/scenarios/planning/national.ron"
    )));
    throughput(
        c,
        "national scale (20,000 calls/h, 1,100 handlers, 24 h)",
        &national,
    );

    let mut year = default.clone();
    year.horizon_s = 365.0 * 86_400.0;
    year.replications = 30;
    let mut g = c.benchmark_group("year of the default force");
    g.sample_size(10).measurement_time(Duration::from_secs(40));
    g.bench_function("365 days x 30 replications, all cores", |b| {
        b.iter(|| replicate(&year, &|| {}).len())
    });
    // The same work on one thread: the ratio of the two is the scaling figure.
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap_or_else(|e| panic!("{e}"));
    g.bench_function("365 days x 30 replications, one thread", |b| {
        b.iter(|| one.install(|| replicate(&year, &|| {}).len()))
    });
    g.finish();
}

criterion_group!(benches, mmn, engine);
criterion_main!(benches);
