//! Common random numbers, mechanism by mechanism: every random decision has its own stream, so
//! switching one optional mechanism (call-back, redial, decompression, harrowing share, surges,
//! interruption of digital work, shrinkage) never shifts the draws of another.
//!
//! Two checks per mechanism, on the default model:
//! - switched on at a setting that changes nothing (call-back take-up 0, redial probability 0,
//!   a surge of ×1, ...) the run is identical to the mechanism switched off, in every count
//!   except the mechanism's own;
//! - switched on for real, the first-time callers are the same people: the same arrival times and
//!   the same talk and wrap-up times on every channel.

mod common;

use controlroom::sim::config::{Callback, Dist, Redial, Surge};
use controlroom::sim::tracker::Tracker;
use controlroom::sim::{self, CallRecord, Config, Outcome};

const REPLICATIONS: u32 = 3;

/// The default model, shortened to four days (one of warm-up) to keep the test quick.
fn base() -> Config {
    let mut cfg = common::default_config();
    cfg.horizon_s = 4.0 * 86_400.0;
    cfg
}

fn channel(cfg: &Config, name: &str) -> usize {
    cfg.channels
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no channel {name}"))
}

/// What each replication counted and the contacts it saw.
fn run(cfg: &Config) -> Vec<(Tracker, Vec<CallRecord>)> {
    (0..REPLICATIONS)
        .map(|r| {
            let mut records = vec![];
            let rep = sim::run(cfg, r, &mut records);
            (rep.tracker, records)
        })
        .collect()
}

/// Everything counted except call-back offers (counted only when call-back is on) and, when
/// `exposure` is false, harrowing exposure. Floats by their bits: identical means identical.
fn counts(t: &Tracker, exposure: bool) -> Vec<u64> {
    let mut v = vec![];
    for bins in &t.channels {
        for b in bins {
            v.extend([
                b.offered,
                b.answered,
                b.abandoned,
                b.waiting_at_end,
                b.answered_in_sl,
            ]);
            v.extend([b.resolved, b.queued, b.redials, b.callbacks_made]);
            v.extend([b.callbacks_successful, b.waits.count()]);
            v.extend([b.wait_sum, b.queue_time_sum, b.queue_area].map(f64::to_bits));
        }
    }
    for bins in &t.groups {
        for b in bins {
            v.extend([b.staffed_s.to_bits(), b.busy_s.to_bits()]);
        }
    }
    for e in &t.exposure {
        v.push(e.shifts.to_bits());
        if exposure {
            v.extend([e.harrowing, e.max as u64]);
        }
    }
    v
}

/// The first-time callers: channel, arrival time, and (on call channels) the drawn talk and
/// wrap-up times. A failed call-back and resumed digital work carry the time actually spent,
/// so those have no drawn times.
type Caller = (usize, u64, Option<(u64, u64)>);

fn callers(cfg: &Config, records: &[CallRecord]) -> Vec<Caller> {
    let mut v: Vec<Caller> = records
        .iter()
        .filter(|r| !r.redial)
        .map(|r| {
            let drawn = !cfg.channels[r.channel].deferrable && r.outcome != Outcome::CallbackFailed;
            let times = drawn.then(|| (r.talk_s.to_bits(), r.wrap_s.to_bits()));
            (r.channel, r.arrival_s.to_bits(), times)
        })
        .collect();
    v.sort_unstable_by_key(|c| (c.0, c.1));
    v
}

/// The same callers: the same arrivals, and the same drawn times wherever both runs kept them.
fn same_callers(a: &[Caller], b: &[Caller]) -> bool {
    a.len() == b.len()
        && a.iter().zip(b).all(|(x, y)| {
            (x.0, x.1) == (y.0, y.1) && (x.2.is_none() || y.2.is_none() || x.2 == y.2)
        })
}

fn assert_same_counts(off: &Config, on: &Config, exposure: bool, what: &str) {
    for (r, (a, b)) in run(off).iter().zip(run(on)).enumerate() {
        assert!(
            counts(&a.0, exposure) == counts(&b.0, exposure),
            "{what}: replication {r} differs from the mechanism switched off"
        );
    }
}

fn assert_same_callers(off: &Config, on: &Config, what: &str) {
    let (a, b) = (run(off), run(on));
    let mut changed = false;
    for (r, (a, b)) in a.iter().zip(&b).enumerate() {
        assert!(
            same_callers(&callers(off, &a.1), &callers(on, &b.1)),
            "{what}: replication {r} has different first-time callers"
        );
        changed |= counts(&a.0, true) != counts(&b.0, true);
    }
    assert!(changed, "{what}: the mechanism switched on changes the run");
}

#[test]
fn call_back_at_take_up_zero_is_call_back_off() {
    let off = {
        let mut c = base();
        for ch in &mut c.channels {
            ch.callback = None;
        }
        c
    };
    let mut on = off.clone();
    let c101 = channel(&on, "101");
    on.channels[c101].callback = Some(Callback {
        offer_over_s: 0.0,
        take_up: 0.0,
        success: 0.965,
        failed_attempt_s: 60.0,
    });
    assert_same_counts(&off, &on, true, "call-back at take-up 0");
    on.channels[c101].callback = Some(Callback {
        offer_over_s: 120.0,
        take_up: 0.5,
        success: 0.8,
        failed_attempt_s: 60.0,
    });
    assert_same_callers(&off, &on, "call-back at take-up 0.5");
}

#[test]
fn redial_at_probability_zero_is_redial_off() {
    for name in ["999", "101"] {
        let mut off = base();
        let c = channel(&off, name);
        off.channels[c].redial = None;
        let mut on = off.clone();
        on.channels[c].redial = Some(Redial {
            probability: 0.0,
            delay: Dist::Exponential { mean: 300.0 },
        });
        assert_same_counts(&off, &on, true, &format!("{name} redial at probability 0"));
        on.channels[c].redial = Some(Redial {
            probability: 0.9,
            delay: Dist::Exponential { mean: 60.0 },
        });
        assert_same_callers(&off, &on, &format!("{name} redial at probability 0.9"));
    }
}

#[test]
fn harrowing_share_without_decompression_changes_only_exposure() {
    let mut off = base();
    off.decompression_s = 0.0;
    for ch in &mut off.channels {
        ch.harrowing_share = 0.0;
    }
    let mut on = off.clone();
    for ch in &mut on.channels {
        ch.harrowing_share = 0.3;
    }
    assert_same_counts(&off, &on, false, "harrowing share 0.3, no decompression");
}

#[test]
fn decompression_keeps_the_same_callers() {
    let mut off = base();
    off.decompression_s = 0.0;
    let mut on = off.clone();
    on.decompression_s = 15.0 * 60.0;
    assert_same_callers(&off, &on, "15 minutes' decompression");
    // Decompression with no harrowing contacts is no decompression.
    for cfg in [&mut off, &mut on] {
        for ch in &mut cfg.channels {
            ch.harrowing_share = 0.0;
        }
    }
    assert_same_counts(&off, &on, true, "decompression, nothing harrowing");
}

#[test]
fn a_surge_of_one_is_no_surge_and_a_real_one_keeps_the_callers() {
    let off = base();
    let mut on = off.clone();
    let c101 = channel(&on, "101");
    let surge = |multiplier| Surge {
        start_s: 2.0 * 86_400.0 + 9.5 * 3600.0,
        end_s: 2.0 * 86_400.0 + 13.25 * 3600.0,
        multiplier,
    };
    on.channels[c101].surges = vec![surge(1.0)];
    assert_same_counts(&off, &on, true, "a surge of ×1");
    on.channels[c101].surges = vec![surge(2.5)];
    let (a, b) = (run(&off), run(&on));
    for (r, (a, b)) in a.iter().zip(&b).enumerate() {
        // The other channels' callers are the same people; 101 has more of them in the window.
        let others = |cfg: &Config, rec: &[CallRecord]| {
            let mut v = callers(cfg, rec);
            v.retain(|x| x.0 != c101);
            v
        };
        assert!(
            same_callers(&others(&off, &a.1), &others(&on, &b.1)),
            "replication {r}: a 101 surge changed another channel's callers"
        );
        let n101 = |rec: &[CallRecord]| rec.iter().filter(|x| x.channel == c101).count();
        assert!(
            n101(&b.1) > n101(&a.1) + 100,
            "replication {r}: the surge adds calls"
        );
    }
}

#[test]
fn interruption_of_digital_work_keeps_the_same_callers() {
    let on = base();
    let digital = channel(&on, "digital");
    assert!(!on.channels[digital].interrupted_by.is_empty());
    let mut off = on.clone();
    off.channels[digital].interrupted_by.clear();
    assert_same_callers(&off, &on, "interruption");
}

#[test]
fn one_groups_shrinkage_never_moves_anothers_absences() {
    let mut off = base();
    for g in &mut off.groups {
        g.shrinkage = 0.2;
    }
    let last = off.groups.len() - 1;
    off.groups[last].shrinkage = 0.0;
    let mut on = off.clone();
    on.groups[last].shrinkage = 0.5;
    let (a, b) = (run(&off), run(&on));
    for (r, (a, b)) in a.iter().zip(&b).enumerate() {
        for g in 0..last {
            assert_eq!(
                a.0.exposure[g].shifts, b.0.exposure[g].shifts,
                "replication {r}: group {g}'s shifts worked moved with group {last}'s shrinkage"
            );
        }
        assert!(b.0.exposure[last].shifts < a.0.exposure[last].shifts);
    }
    assert_same_callers(&off, &on, "shrinkage in one group");
}
