//! Replications: run the engine many times in parallel. Each replication has its own random
//! streams, and results are kept in replication order, so the outcome is the same whatever
//! the number of threads.

use crate::sim::{self, CallSink, Config, NoRecords, Replication};
use rayon::prelude::*;

/// Run replications `0..cfg.replications` on the current rayon pool, calling `done` after each.
pub fn replicate(cfg: &Config, done: &(dyn Fn() + Sync)) -> Vec<Replication> {
    (0..cfg.replications)
        .into_par_iter()
        .map(|r| {
            let out = sim::run(cfg, r, &mut NoRecords);
            done();
            out
        })
        .collect()
}

/// Run on a pool of `threads` threads (None: all cores).
pub fn replicate_with_threads(
    cfg: &Config,
    threads: Option<usize>,
    done: &(dyn Fn() + Sync),
) -> Vec<Replication> {
    match threads {
        Some(n) => match rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
        {
            Ok(pool) => pool.install(|| replicate(cfg, done)),
            Err(_) => replicate(cfg, done),
        },
        None => replicate(cfg, done),
    }
}

/// Re-run one replication, handing each contact's record to `sink` (for an audit file).
pub fn audit<S: CallSink>(cfg: &Config, replication: u32, sink: &mut S) -> Replication {
    sim::run(cfg, replication, sink)
}
