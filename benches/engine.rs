//! Engine throughput: events per second on the default model and at national scale, and the
//! wall-clock time of a simulated year of the default force with 30 replications.
//!
//! Run with `cargo bench --bench engine`. Throughput is reported per replication on one
//! thread (events per second per core); the year is run in parallel on all cores.

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
    g.finish();
}

criterion_group!(benches, engine);
criterion_main!(benches);
