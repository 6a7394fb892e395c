//! A handler's state: what they are doing, their shift's obligations, their working life
//! (joining, leaving, learning) and the counters kept per shift.

use super::calls::NONE;
use super::config::GroupConfig;
use super::dist::Sampler;
use super::roster::Seat;
use super::streams::Rng;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Status {
    Off,
    Idle,
    Busy,
    Break,
}

/// Digital work put aside for a 999 call, resumed afterwards.
#[derive(Debug, Clone, Copy)]
pub(super) struct Suspended {
    pub(super) call: u32,
    pub(super) remaining: f64,
}

/// One handler's state.
#[derive(Debug, Clone)]
pub(super) struct Handler {
    pub(super) seat: Seat,
    pub(super) status: Status,
    /// The shift has ended; leave when the current contact is done.
    pub(super) leaving: bool,
    /// A break is due; take it when the current contact is done.
    pub(super) break_due: Option<f64>,
    pub(super) call: u32,
    pub(super) epoch: u32,
    pub(super) idle_token: u32,
    /// When the handler last became idle (longest idle answers first).
    pub(super) idle_since: f64,
    /// When the handler last became available (signed in, not on a break).
    pub(super) available_since: f64,
    pub(super) busy_since: f64,
    pub(super) finish_at: f64,
    pub(super) suspended: Option<Suspended>,
    /// Employed and trained: takes calls from this time (recruits: after vetting and course).
    pub(super) in_post_from: f64,
    /// Leaves the service at this time (attrition).
    pub(super) leaves_at: f64,
    /// When the handler started taking calls, for the learning curve (-inf: experienced).
    pub(super) learning_from: f64,
    pub(super) shifts_worked: u32,
    pub(super) harrowing_this_shift: u32,
    /// The current shift as rostered (start, end).
    pub(super) shift: (f64, f64),
}

impl Handler {
    pub(super) fn new(seat: Seat, t: f64) -> Self {
        Handler {
            seat,
            status: Status::Off,
            leaving: false,
            break_due: None,
            call: NONE,
            epoch: 0,
            idle_token: 0,
            idle_since: t,
            available_since: t,
            busy_since: t,
            finish_at: t,
            suspended: None,
            in_post_from: f64::NEG_INFINITY,
            leaves_at: f64::INFINITY,
            learning_from: f64::NEG_INFINITY,
            shifts_worked: 0,
            harrowing_this_shift: 0,
            shift: (t, t),
        }
    }

    /// Draw the handler's working life: when a recruit starts (or never, after dropping out)
    /// and when anyone leaves.
    pub(super) fn hire(&mut self, group: &GroupConfig, rng: &mut Rng) {
        if let Some(k) = self.seat.intake {
            let intake = &group.intakes[k];
            let vetting = Sampler::new(&intake.vetting).sample(rng);
            let dropped = rand::Rng::random::<f64>(rng) < intake.dropout;
            self.in_post_from = if dropped {
                f64::INFINITY
            } else {
                intake.offer_s + vetting + intake.course_s
            };
            self.learning_from = self.in_post_from;
        }
        if group.leave_rate_per_s > 0.0 {
            let e: f64 = rand_distr::Distribution::sample(&rand_distr::Exp1, rng);
            self.leaves_at = self.in_post_from.max(0.0) + e / group.leave_rate_per_s;
        }
    }

    /// In post at `t` (joined, not yet left)?
    pub(super) fn in_post(&self, t: f64) -> bool {
        self.in_post_from <= t && t < self.leaves_at
    }

    /// The part of the current shift a run that began at `run_start` has seen by `t` (1 for
    /// a whole shift, even one worked past its end to finish a contact).
    pub(super) fn shift_share(&self, run_start: f64, t: f64) -> f64 {
        let (start, end) = self.shift;
        let length = end - start;
        if length <= 0.0 {
            return 0.0;
        }
        ((t.min(end) - start.max(run_start)) / length).clamp(0.0, 1.0)
    }

    /// Is this the current Finish event for the handler?
    pub(super) fn current(&self, epoch: u32) -> bool {
        self.epoch == epoch
    }
}
