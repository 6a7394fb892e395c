//! Scoring long logs: a practice session (feedback after every action) and an assessment of 450,
//! 900 and 1,800 THRIVE assessments, replayed and scored, on da-whisper-999 with its time limit raised to an
//! hour. The cost must grow about linearly in the log's length (a 20,000-action log once took
//! 25 s, growing with the square); logs longer than `MAX_ACTIONS` are refused before they play.
//!
//! Run with `cargo bench --bench scoring`. Figures are in README (Trainer, "How a score is made").

use controlroom::training::thrive::{Judgement, Thrive};
use controlroom::training::{Action, ActionLog, Mode, Scenario, Step, replay};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use std::path::Path;
use std::time::Duration;

fn long_log(sc: &Scenario, n: usize, mode: Mode) -> ActionLog {
    let actions = (0..n)
        .map(|i| Step {
            t_ms: 2_000 * i as u64,
            action: Action::Assess {
                element: Thrive::ALL[i % 6],
                // Each element's judgement changes every time: every assessment is news.
                judgement: Judgement::ALL[(i / 6) % 3],
                facts: vec![],
            },
        })
        .collect();
    ActionLog {
        scenario: sc.id.clone(),
        version: sc.version,
        mode,
        trainee: "bench".into(),
        typed: false,
        actions,
    }
}

fn scoring(c: &mut Criterion) {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training/da-whisper-999.ron");
    let mut sc = match Scenario::load(&path) {
        Ok(s) => s,
        Err(e) => panic!("{e}"),
    };
    sc.time_limit_ms = 3_600_000;
    for (name, mode) in [
        ("score a practice log", Mode::Practice),
        ("score an assessment log", Mode::Assessment),
    ] {
        let mut g = c.benchmark_group(name);
        g.sample_size(10)
            .warm_up_time(Duration::from_secs(1))
            .measurement_time(Duration::from_secs(5));
        for n in [450usize, 900, 1_800] {
            let log = long_log(&sc, n, mode);
            g.bench_with_input(BenchmarkId::from_parameter(n), &log, |b, log| {
                b.iter(|| match replay::replay(&sc, log) {
                    Ok(o) => o.score,
                    Err(e) => panic!("{e}"),
                })
            });
        }
        g.finish();
    }
}

criterion_group!(benches, scoring);
criterion_main!(benches);
