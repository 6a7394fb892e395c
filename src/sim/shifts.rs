//! Handlers and the roster: shifts put on the calendar day by day, signing in and off (a
//! handler busy at the end of a shift finishes the call), breaks, training days, rotations,
//! and the books closed per shift and at the end of the run.

use super::calls::CallSink;
use super::engine::Engine;
use super::event::Ev;
use super::handler::Status;
use super::roster::shifts_on;
use super::units::DAY_S;

impl<S: CallSink> Engine<'_, S> {
    /// The shift is over (or the run is): record the handler's harrowing-call exposure for
    /// the part of the shift the run saw.
    pub(super) fn close_shift(&mut self, h: u32) {
        let hd = &mut self.handlers[h as usize];
        let n = std::mem::take(&mut hd.harrowing_this_shift);
        let share = hd.shift_share(self.start, self.now);
        self.tracker.shift_closed(hd.seat.group, self.now, n, share);
    }

    pub(super) fn sign_off(&mut self, h: u32) {
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

    pub(super) fn go_on_break(&mut self, h: u32, len: f64) {
        self.stop_available(h);
        let hd = &mut self.handlers[h as usize];
        self.signed_in[hd.seat.group] -= 1;
        hd.status = Status::Break;
        hd.idle_token = hd.idle_token.wrapping_add(1);
        self.events
            .push(self.now + len, Ev::BreakEnd { handler: h });
    }

    pub(super) fn sign_in(&mut self, h: u32) {
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
        if group.shrinkage > 0.0
            && rand::Rng::random::<f64>(&mut self.absence_rng[seat.group]) < group.shrinkage
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
        self.handlers[h as usize].shift = (start, end);
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

    /// Handlers of each group in post (and seconded to it, for a group with windows) at `t`.
    fn in_post_at(&self, t: f64) -> Vec<f64> {
        let mut n = vec![0.0; self.cfg.groups.len()];
        for hd in &self.handlers {
            let g = hd.seat.group;
            let windows = &self.cfg.groups[g].windows;
            let seconded =
                windows.is_empty() || windows.iter().any(|w| w.from_s <= t && t < w.until_s);
            if hd.in_post(t) && seconded {
                n[g] += 1.0;
            }
        }
        n
    }

    /// Close the books on every handler at the end of the run, and count who was in post
    /// in the middle of each month.
    pub(super) fn close_handlers(&mut self) {
        for m in 0..self.tracker.months.len() {
            let edges = &self.tracker.months.edges;
            let mid = (edges[m] + edges[m + 1].min(self.end)) / 2.0;
            for (g, n) in self.in_post_at(mid).into_iter().enumerate() {
                self.tracker.month_in_post[g][m] = n;
            }
        }
        for h in 0..self.handlers.len() as u32 {
            if self.handlers[h as usize].status != Status::Off {
                // A shift still running at the end counts for the part the run saw.
                self.close_shift(h);
            }
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
