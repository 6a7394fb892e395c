//! A 20-variant sweep of a year of the default force, 30 replications each (plus the base:
//! 21 x 30 simulated years), on all cores, the way `controlroom sweep` runs it.
//!
//! One run takes over a minute, so this is timed once with a plain clock rather than sampled
//! by criterion: `cargo bench --bench sweep_year`.

use controlroom::plan::sweep::{self, Shard};
use std::path::Path;
use std::time::Instant;

fn main() {
    // `cargo bench` passes `--bench`; a filter that does not match skips the run.
    if std::env::args()
        .skip(1)
        .any(|a| !a.starts_with('-') && !"sweep_year".contains(&a))
    {
        return;
    }
    let file =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/planning/sweeps/year-grid.ron");
    let plan = match sweep::load(&file, None, None) {
        Ok(p) => p,
        Err(e) => panic!("{e}"),
    };
    let work = plan.shard_items(Shard::WHOLE);
    let started = Instant::now();
    let items = plan.run(&work, &|| {});
    let secs = started.elapsed().as_secs_f64();
    println!(
        "sweep_year: {} variants x {} replications x 365 days = {} simulated years in {secs:.1} s \
         ({:.2} s per simulated year, {} threads)",
        plan.variants.len(),
        plan.replications,
        items.len(),
        secs / items.len() as f64,
        rayon::current_num_threads()
    );
}
