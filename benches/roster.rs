//! Rostering the default force (`controlroom roster` with its default options, per desk, and
//! with `--pooled`): the staffing search for the requirement, then rounds of the integer
//! programmes (microlp, at most 2,000 branch-and-bound nodes each) and a ten-replication
//! simulation of the roster with a fresh seed.
//!
//! Run with `cargo bench --bench roster`. The first benchmark is one solve of the desks'
//! programmes for the default force's requirement; the others are the whole command's work.
//! Figures are recorded in README ("Rostering").

use controlroom::model;
use controlroom::plan::roster::{self, verify};
use controlroom::plan::staffing::{self, StaffingOptions};
use criterion::{Criterion, criterion_group, criterion_main};
use std::time::Duration;

fn rostering(c: &mut Criterion) {
    let loaded = match model::load(None) {
        Ok(l) => l,
        Err(e) => panic!("{e}"),
    };
    let opts = StaffingOptions::default();
    let rules = match roster::rules_for(&loaded.model) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let requirement = match staffing::search(&loaded.config, &opts, &|_| {}) {
        Ok(r) => r,
        Err(e) => panic!("{e}"),
    };
    let needs: Vec<(String, Vec<f64>)> = requirement
        .desks
        .iter()
        .map(|d| {
            (
                d.name.clone(),
                d.required.iter().map(|&r| f64::from(r)).collect(),
            )
        })
        .collect();

    let mut g = c.benchmark_group("roster");
    g.sample_size(10)
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(60));
    g.bench_function(
        "integer programmes, default force requirement per desk",
        |b| {
            b.iter(
                || match roster::roster_desks(&rules, &needs, requirement.interval_s) {
                    Ok(r) => r.solved.paid_hours,
                    Err(e) => panic!("{e}"),
                },
            )
        },
    );
    let pooled = StaffingOptions {
        pooled: true,
        ..opts.clone()
    };
    for (name, opts) in [("per desk", &opts), ("pooled", &pooled)] {
        g.bench_function(
            format!("default force {name}: search, solve, verify (12 rounds at most)"),
            |b| {
                b.iter(|| {
                    let req = match staffing::search(&loaded.config, opts, &|_| {}) {
                        Ok(r) => r,
                        Err(e) => panic!("{e}"),
                    };
                    match verify::verified(
                        &loaded.model,
                        None,
                        &loaded.config,
                        &rules,
                        &req,
                        opts,
                        12,
                        &|_| {},
                    ) {
                        Ok(v) => v.rounds.len(),
                        Err(e) => panic!("{e}"),
                    }
                })
            },
        );
    }
    g.finish();
}

criterion_group!(benches, rostering);
criterion_main!(benches);
