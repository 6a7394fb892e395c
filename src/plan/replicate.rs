//! Replications: run the engine many times in parallel. Each replication has its own random
//! streams, and results are kept in replication order, so the outcome is the same whatever
//! the number of threads.

use crate::sim::{self, CallSink, Config, InitialState, NoRecords, Replication};
use rayon::prelude::*;

/// Run replications `0..cfg.replications` on the current rayon pool, calling `done` after each.
pub fn replicate(cfg: &Config, done: &(dyn Fn() + Sync)) -> Vec<Replication> {
    replicate_from(cfg, None, done)
}

/// Run replications, from a live state of the room if one is given (a look-ahead).
pub fn replicate_from(
    cfg: &Config,
    state: Option<&InitialState>,
    done: &(dyn Fn() + Sync),
) -> Vec<Replication> {
    (0..cfg.replications)
        .into_par_iter()
        .map(|r| {
            let out = sim::run_from(cfg, r, &mut NoRecords, state);
            done();
            out
        })
        .collect()
}

/// As [`replicate_from`], on a pool of `threads` threads (None: all cores).
pub fn replicate_with_threads(
    cfg: &Config,
    threads: Option<usize>,
    state: Option<&InitialState>,
    done: &(dyn Fn() + Sync),
) -> Vec<Replication> {
    let pool = threads.and_then(|n| {
        rayon::ThreadPoolBuilder::new()
            .num_threads(n.max(1))
            .build()
            .ok()
    });
    match pool {
        Some(pool) => pool.install(|| replicate_from(cfg, state, done)),
        None => replicate_from(cfg, state, done),
    }
}

/// Re-run one replication, handing each contact's record to `sink` (for an audit file).
pub fn audit<S: CallSink>(
    cfg: &Config,
    replication: u32,
    state: Option<&InitialState>,
    sink: &mut S,
) -> Replication {
    sim::run_from(cfg, replication, sink, state)
}
