//! Handlers at work: taking and finishing contacts, putting digital work aside for a waiting
//! 999 call, moving between desks, and the busy/available time accounts.

use super::calls::{CallSink, NONE, Outcome, State};
use super::engine::Engine;
use super::event::Ev;
use super::handler::{Status, Suspended};

impl<S: CallSink> Engine<'_, S> {
    /// The longest-idle handler who takes channel `c` whenever one waits, specialists first.
    pub(super) fn idle_taker(&mut self, c: usize) -> Option<u32> {
        // Groups come specialists first; among groups with as many skills, the handler who
        // has been idle longest answers.
        let mut best: Option<(f64, usize)> = None;
        let mut tier = usize::MAX;
        for gi in 0..self.takers[c].len() {
            let g = self.takers[c][gi];
            let skills = self.cfg.groups[g].skills.len();
            if best.is_some() && skills != tier {
                break;
            }
            tier = skills;
            if let Some(since) = self.longest_idle(g)
                && best.is_none_or(|(b, _)| since < b)
            {
                best = Some((since, g));
            }
        }
        let (_, g) = best?;
        self.idle[g].pop_front().map(|(h, _)| h)
    }

    /// Since when group `g`'s longest-idle handler has been idle (stale entries, handlers who
    /// went on a break or off since, are dropped on the way).
    fn longest_idle(&mut self, g: usize) -> Option<f64> {
        while let Some(&(h, token)) = self.idle[g].front() {
            let hd = &self.handlers[h as usize];
            if hd.idle_token == token && hd.status == Status::Idle {
                return Some(hd.idle_since);
            }
            self.idle[g].pop_front();
        }
        None
    }

    /// More wait on `c` than an overflow group's routing allows: an idle handler of that group
    /// takes the first in the queue.
    pub(super) fn overflow_to(&mut self, c: usize) {
        for k in 0..self.overflow[c].len() {
            let (g, over) = self.overflow[c][k];
            if self.ch[c].queue.waiting() > over && self.longest_idle(g).is_some() {
                let h = self.idle[g].pop_front().map(|(h, _)| h);
                if let (Some(h), Some(slot)) = (h, self.dequeue(c)) {
                    self.begin(h, slot);
                }
            }
        }
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
                && self.takers[c].contains(&hd.seat.group)
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

    pub(super) fn become_idle(&mut self, h: u32) {
        let hd = &mut self.handlers[h as usize];
        hd.status = Status::Idle;
        hd.idle_since = self.now;
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
        let hd = &self.handlers[h as usize];
        let group = &self.cfg.groups[hd.seat.group];
        let mut duration = (call.talk + call.wrap) * group.handling_multiplier;
        if let Some((m0, fade_s)) = group.learning {
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
                let (bin, in_sl) = (
                    self.tracker.at(call.bin as usize, call.arrival),
                    wait <= cfg.sl_threshold_s && call.arrival + cfg.sl_threshold_s <= self.end,
                );
                match reached {
                    Some(ok) => self.tracker.callback_made(c, bin, wait, ok, in_sl),
                    None => self.tracker.answered(c, bin, wait, in_sl),
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
    pub(super) fn next_work(&mut self, h: u32) {
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
                let (c, over) = self.serve_order[g][i];
                if self.ch[c].interrupts.contains(&own)
                    && self.ch[c].queue.waiting() > over
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
            let (c, over) = self.serve_order[g][i];
            if self.ch[c].queue.waiting() > over
                && let Some(slot) = self.dequeue(c)
            {
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
            self.tracker.busy(hd.seat.group, hd.busy_since, self.now);
        }
    }

    /// Close an available span in the staffed-hours accounts.
    pub(super) fn stop_available(&mut self, h: u32) {
        let hd = &self.handlers[h as usize];
        self.tracker
            .staffed(hd.seat.group, hd.available_since, self.now);
    }

    /// Put any set-aside digital item back at the head of its queue.
    pub(super) fn requeue_suspended(&mut self, h: u32) {
        if let Some(s) = self.handlers[h as usize].suspended.take() {
            let call = self.calls.get_mut(s.call);
            call.state = State::Waiting;
            call.talk = s.remaining;
            call.wrap = 0.0;
            let (c, generation) = (call.channel as usize, call.generation);
            self.enqueue(c, s.call, generation, true);
        }
    }

    /// Move a signed-in handler to group `to` now: their time so far counts to the old group;
    /// they finish any contact in hand, then work as one of the new group.
    pub(super) fn move_handler(&mut self, h: u32, to: usize) {
        let now = self.now;
        self.stop_available(h);
        let hd = &mut self.handlers[h as usize];
        let from = hd.seat.group;
        if hd.status == Status::Busy {
            self.tracker.busy(from, hd.busy_since, now);
            hd.busy_since = now;
        }
        hd.available_since = now;
        hd.seat.group = to;
        if hd.status != Status::Break {
            self.signed_in[from] -= 1;
            self.signed_in[to] += 1;
        }
        if hd.status == Status::Idle {
            // They may take a call already waiting for the new group, or wait idle in it.
            self.next_work(h);
        }
    }
}
