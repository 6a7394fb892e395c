//! Handlers at work: signing in and off with the roster, breaks, taking and finishing
//! contacts, and putting digital work aside for a waiting 999 call.

use super::calls::{CallSink, Outcome, State};
use super::config::DAY_S;
use super::config::GroupConfig;
use super::dist::Sampler;
use super::engine::{Engine, NONE};
use super::event::Ev;
use super::roster::{Seat, shifts_on};
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
    call: u32,
    remaining: f64,
}

/// One handler's state.
#[derive(Debug, Clone)]
pub(super) struct Handler {
    pub(super) seat: Seat,
    pub(super) status: Status,
    /// The shift has ended; leave when the current contact is done.
    leaving: bool,
    /// A break is due; take it when the current contact is done.
    break_due: Option<f64>,
    call: u32,
    epoch: u32,
    idle_token: u32,
    /// When the handler last became available (signed in, not on a break).
    available_since: f64,
    busy_since: f64,
    finish_at: f64,
    suspended: Option<Suspended>,
    /// Employed and trained: takes calls from this time (recruits: after vetting and course).
    in_post_from: f64,
    /// Leaves the service at this time (attrition).
    leaves_at: f64,
    /// When the handler started taking calls, for the learning curve (-inf: experienced).
    learning_from: f64,
    shifts_worked: u32,
    harrowing_this_shift: u32,
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
            available_since: t,
            busy_since: t,
            finish_at: t,
            suspended: None,
            in_post_from: f64::NEG_INFINITY,
            leaves_at: f64::INFINITY,
            learning_from: f64::NEG_INFINITY,
            shifts_worked: 0,
            harrowing_this_shift: 0,
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

    /// Is this the current Finish event for the handler?
    pub(super) fn current(&self, epoch: u32) -> bool {
        self.epoch == epoch
    }
}

impl<S: CallSink> Engine<'_, S> {
    /// The longest-idle handler who takes channel `c`, specialists first.
    pub(super) fn idle_taker(&mut self, c: usize) -> Option<u32> {
        for gi in 0..self.takers[c].len() {
            let g = self.takers[c][gi];
            while let Some((h, token)) = self.idle[g].pop_front() {
                let hd = &self.handlers[h as usize];
                if hd.idle_token == token && hd.status == Status::Idle {
                    return Some(h);
                }
            }
        }
        None
    }

    /// A handler on interruptible deferrable work who can take a waiting call on `c`.
    pub(super) fn interruptible(&self, c: usize) -> Option<u32> {
        if self.ch[c].interrupts.is_empty() {
            return None;
        }
        self.handlers.iter().enumerate().find_map(|(h, hd)| {
            let ok = hd.status == Status::Busy
                && hd.call != NONE
                && hd.suspended.is_none()
                && self.cfg.groups[hd.seat.group].skills.contains(&c)
                && self.ch[c]
                    .interrupts
                    .contains(&(self.calls.get(hd.call).channel as usize));
            ok.then_some(h as u32)
        })
    }

    /// Put the handler's digital item aside and answer `slot`.
    pub(super) fn interrupt(&mut self, h: u32, slot: u32) {
        let now = self.now;
        let hd = &mut self.handlers[h as usize];
        hd.suspended = Some(Suspended {
            call: hd.call,
            remaining: (hd.finish_at - now).max(0.0),
        });
        self.begin(h, slot);
    }

    fn become_idle(&mut self, h: u32) {
        let hd = &mut self.handlers[h as usize];
        hd.status = Status::Idle;
        hd.idle_token = hd.idle_token.wrapping_add(1);
        self.idle[hd.seat.group].push_back((h, hd.idle_token));
    }

    /// Handler `h` takes contact `slot` now (answering it, unless it is resumed work).
    pub(super) fn begin(&mut self, h: u32, slot: u32) {
        let now = self.now;
        let call = self.calls.get_mut(slot);
        call.state = State::InService;
        call.handler = h;
        let c = call.channel as usize;
        let mut duration = call.talk + call.wrap;
        let hd = &self.handlers[h as usize];
        if let Some((m0, fade_s)) = self.cfg.groups[hd.seat.group].learning {
            let since = now - hd.learning_from;
            if since < fade_s {
                duration *= 1.0 + (m0 - 1.0) * (1.0 - since.max(0.0) / fade_s);
            }
        }
        let call = self.calls.get_mut(slot);
        if !call.resumed {
            call.resumed = true;
            call.answered_at = now;
            let wait = now - call.arrival;
            let cfg = &self.cfg.channels[c];
            let reached = match (&cfg.callback, call.callback) {
                (Some(cb), true) => {
                    let ok = (call.u_callback_success as f64) < cb.success;
                    if !ok {
                        duration = cb.failed_attempt_s;
                        call.talk = cb.failed_attempt_s;
                        call.wrap = 0.0;
                    }
                    Some(ok)
                }
                _ => None,
            };
            if call.counted {
                let b = &mut self.tracker.channels[c][call.bin as usize];
                b.resolved += 1;
                b.queued += (wait > 0.0) as u64;
                b.queue_time_sum += wait;
                if reached.is_some() {
                    b.callbacks_made += 1;
                }
                if reached == Some(false) {
                    b.abandoned += 1;
                } else {
                    b.answered += 1;
                    b.callbacks_successful += (reached == Some(true)) as u64;
                    b.wait_sum += wait;
                    b.answered_in_sl += (wait <= cfg.sl_threshold_s) as u64;
                    b.waits.add(wait);
                }
            }
        }
        let hd = &mut self.handlers[h as usize];
        if hd.status != Status::Busy {
            hd.busy_since = now;
        }
        hd.status = Status::Busy;
        hd.call = slot;
        hd.epoch = hd.epoch.wrapping_add(1);
        hd.finish_at = now + duration;
        let epoch = hd.epoch;
        self.events
            .push(now + duration, Ev::Finish { handler: h, epoch });
    }

    /// Handler `h` finishes the contact in hand.
    pub(super) fn finish_work(&mut self, h: u32) {
        let slot = self.handlers[h as usize].call;
        let call = self.calls.get(slot).clone();
        let failed = match (
            &self.cfg.channels[call.channel as usize].callback,
            call.callback,
        ) {
            (Some(cb), true) => Some((call.u_callback_success as f64) >= cb.success),
            _ => None,
        };
        let outcome = match failed {
            Some(true) => Outcome::CallbackFailed,
            Some(false) => Outcome::CallbackAnswered,
            None => Outcome::Answered,
        };
        self.record(&call, outcome, call.answered_at - call.arrival, Some(h));
        self.calls.release(slot);
        let decompression = self.cfg.decompression_s;
        let hd = &mut self.handlers[h as usize];
        hd.call = NONE;
        if call.harrowing {
            hd.harrowing_this_shift += 1;
            if decompression > 0.0 {
                hd.break_due = Some(hd.break_due.unwrap_or(0.0) + decompression);
            }
        }
        self.next_work(h);
    }

    /// The handler is free: leave, take a due break, resume put-aside work, or take the
    /// highest-priority waiting contact; otherwise wait idle.
    fn next_work(&mut self, h: u32) {
        let hd = &self.handlers[h as usize];
        let g = hd.seat.group;
        if hd.leaving {
            self.stop_busy(h);
            self.sign_off(h);
            return;
        }
        if let Some(len) = hd.break_due {
            self.stop_busy(h);
            self.handlers[h as usize].break_due = None;
            self.go_on_break(h, len);
            return;
        }
        if let Some(s) = hd.suspended {
            let own = self.calls.get(s.call).channel as usize;
            for i in 0..self.serve_order[g].len() {
                let c = self.serve_order[g][i];
                if self.ch[c].interrupts.contains(&own)
                    && let Some(slot) = self.dequeue(c)
                {
                    self.begin(h, slot);
                    return;
                }
            }
            let now = self.now;
            let hd = &mut self.handlers[h as usize];
            hd.suspended = None;
            if hd.status != Status::Busy {
                hd.busy_since = now;
            }
            hd.call = s.call;
            hd.status = Status::Busy;
            hd.epoch = hd.epoch.wrapping_add(1);
            hd.finish_at = now + s.remaining;
            let epoch = hd.epoch;
            self.events
                .push(now + s.remaining, Ev::Finish { handler: h, epoch });
            return;
        }
        for i in 0..self.serve_order[g].len() {
            let c = self.serve_order[g][i];
            if let Some(slot) = self.dequeue(c) {
                self.begin(h, slot);
                return;
            }
        }
        self.stop_busy(h);
        self.become_idle(h);
    }

    /// Close a busy span in the occupancy accounts.
    pub(super) fn stop_busy(&mut self, h: u32) {
        let hd = &mut self.handlers[h as usize];
        if hd.status == Status::Busy {
            hd.status = Status::Idle;
            let bins = self.tracker.bins;
            let acc = &mut self.tracker.groups[hd.seat.group];
            bins.spread(hd.busy_since, self.now, |i, dt| acc[i].busy_s += dt);
        }
    }

    /// Close an available span in the staffed-hours accounts.
    pub(super) fn stop_available(&mut self, h: u32) {
        let hd = &self.handlers[h as usize];
        let bins = self.tracker.bins;
        let acc = &mut self.tracker.groups[hd.seat.group];
        bins.spread(hd.available_since, self.now, |i, dt| acc[i].staffed_s += dt);
        let (g, since) = (hd.seat.group, hd.available_since);
        self.tracker.add_monthly(g, since, self.now);
    }

    /// The shift is over: record the handler's harrowing-call exposure.
    fn close_shift(&mut self, h: u32) {
        let hd = &mut self.handlers[h as usize];
        let n = std::mem::take(&mut hd.harrowing_this_shift);
        if self.now >= self.tracker.bins.count_from {
            let e = &mut self.tracker.exposure[hd.seat.group];
            e.shifts += 1;
            e.harrowing += n as u64;
            e.max = e.max.max(n);
        }
    }

    /// Put any set-aside digital item back at the head of its queue.
    fn requeue_suspended(&mut self, h: u32) {
        if let Some(s) = self.handlers[h as usize].suspended.take() {
            let call = self.calls.get_mut(s.call);
            call.state = State::Waiting;
            call.talk = s.remaining;
            call.wrap = 0.0;
            let (c, generation) = (call.channel as usize, call.generation);
            self.enqueue(c, s.call, generation, true);
        }
    }

    fn sign_off(&mut self, h: u32) {
        self.stop_available(h);
        self.close_shift(h);
        let hd = &mut self.handlers[h as usize];
        self.signed_in[hd.seat.group] -= 1;
        hd.status = Status::Off;
        hd.leaving = false;
        hd.break_due = None;
        hd.idle_token = hd.idle_token.wrapping_add(1);
        self.requeue_suspended(h);
    }

    fn go_on_break(&mut self, h: u32, len: f64) {
        self.stop_available(h);
        let hd = &mut self.handlers[h as usize];
        self.signed_in[hd.seat.group] -= 1;
        hd.status = Status::Break;
        hd.idle_token = hd.idle_token.wrapping_add(1);
        self.events
            .push(self.now + len, Ev::BreakEnd { handler: h });
    }

    fn sign_in(&mut self, h: u32) {
        let hd = &mut self.handlers[h as usize];
        self.signed_in[hd.seat.group] += 1;
        hd.available_since = self.now;
        hd.status = Status::Idle;
        self.next_work(h);
    }

    /// Put the shifts that start on `day` on the calendar (and those of the day before that
    /// are still running when the run starts).
    pub(super) fn roster_day(&mut self, day: i32) {
        let day_start = day as f64 * DAY_S;
        for h in 0..self.handlers.len() {
            let seat = self.handlers[h].seat;
            let shifts = shifts_on(&self.cfg.groups[seat.group], seat, day as i64);
            for (index, s) in shifts.iter().enumerate() {
                let start = day_start + s.start_s;
                if start + s.length_s > self.now {
                    let ev = Ev::ShiftStart {
                        handler: h as u32,
                        day,
                        index: index as u16,
                    };
                    self.events.push(start.max(self.now), ev);
                }
            }
        }
        let next = (day + 1) as f64 * DAY_S;
        if next < self.end {
            self.events.push(next.max(self.now), Ev::RosterDay(day + 1));
        }
    }

    pub(super) fn shift_start(&mut self, h: u32, day: i32, index: u16) {
        let seat = self.handlers[h as usize].seat;
        let group = &self.cfg.groups[seat.group];
        let shifts = shifts_on(group, seat, day as i64);
        let Some(shift) = shifts.get(index as usize) else {
            return;
        };
        let now = self.now;
        let hd = &mut self.handlers[h as usize];
        if !hd.in_post(now) {
            return; // not yet joined, or left
        }
        if !group.windows.is_empty() {
            // Seconded officers work only during a rotation, after its course.
            match group
                .windows
                .iter()
                .find(|w| w.from_s <= now && now < w.until_s)
            {
                Some(w) if now >= w.course_until_s => hd.learning_from = w.course_until_s,
                _ => return,
            }
        }
        let k = group.training_every_shifts;
        if k > 0 {
            hd.shifts_worked += 1;
            let stagger = seat.member * k / group.handlers.max(1);
            if (hd.shifts_worked + stagger).is_multiple_of(k) {
                return; // a training day
            }
        }
        if group.shrinkage > 0.0 && rand::Rng::random::<f64>(&mut self.roster_rng) < group.shrinkage
        {
            return; // absent this shift
        }
        let start = day as f64 * DAY_S + shift.start_s;
        let end = start + shift.length_s;
        for b in &group.breaks {
            let at =
                start + b.after_s + b.stagger_s * seat.member as f64 / group.handlers.max(1) as f64;
            if at > self.now && at < end {
                self.events.push(
                    at,
                    Ev::BreakStart {
                        handler: h,
                        length_s: b.length_s as f32,
                    },
                );
            }
        }
        self.events.push(end, Ev::ShiftEnd { handler: h });
        match self.handlers[h as usize].status {
            Status::Off => self.sign_in(h),
            // Still on from the previous shift (finishing a contact, or back to back): stay on,
            // and close the previous shift's books.
            _ => {
                self.handlers[h as usize].leaving = false;
                self.close_shift(h);
            }
        }
    }

    pub(super) fn shift_end(&mut self, h: u32) {
        match self.handlers[h as usize].status {
            Status::Idle => self.sign_off(h),
            Status::Busy => self.handlers[h as usize].leaving = true,
            Status::Break => {
                // The break runs past the end of the shift: they are done for the day.
                self.handlers[h as usize].status = Status::Off;
                self.close_shift(h);
                self.requeue_suspended(h);
            }
            Status::Off => {}
        }
    }

    pub(super) fn break_start(&mut self, h: u32, len: f64) {
        match self.handlers[h as usize].status {
            Status::Idle => self.go_on_break(h, len),
            Status::Busy => self.handlers[h as usize].break_due = Some(len),
            _ => {}
        }
    }

    pub(super) fn break_end(&mut self, h: u32) {
        if self.handlers[h as usize].status == Status::Break {
            self.sign_in(h);
        }
    }

    /// Close the books on every handler at the end of the run, and count who was in post
    /// in the middle of each month.
    pub(super) fn close_handlers(&mut self) {
        for m in 0..self.tracker.in_post.first().map_or(0, Vec::len) {
            let mid = (m as f64 + 0.5) * super::tracker::MONTH_S;
            for hd in &self.handlers {
                let g = hd.seat.group;
                let windows = &self.cfg.groups[g].windows;
                let seconded = windows.is_empty()
                    || windows.iter().any(|w| w.from_s <= mid && mid < w.until_s);
                if hd.in_post(mid) && seconded {
                    self.tracker.in_post[g][m] += 1.0;
                }
            }
        }
        for h in 0..self.handlers.len() as u32 {
            match self.handlers[h as usize].status {
                Status::Busy => {
                    self.stop_busy(h);
                    self.stop_available(h);
                }
                Status::Idle => self.stop_available(h),
                _ => {}
            }
        }
    }
}
