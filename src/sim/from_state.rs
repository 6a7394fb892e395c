//! Setting the engine to a live state ([`InitialState`]) at the start of a look-ahead:
//! handlers on duty and busy, people moved, calls already waiting.

use super::calls::{Call, CallSink, NONE, State};
use super::engine::Engine;
use super::event::Ev;
use super::handler::Status;
use super::live::InitialState;

impl<S: CallSink> Engine<'_, S> {
    /// Set the room to `state` (called once, at the start time, after the roster's sign-ins).
    pub(super) fn apply(&mut self, state: &InitialState) {
        for &(g, want) in &state.on_duty {
            self.set_on_duty(g, want);
        }
        for &(g, c, n) in &state.busy {
            for _ in 0..n {
                let h = match self.idle_in(g) {
                    Some(h) => h,
                    None => match self.bring_on(g) {
                        Some(h) => h,
                        None => break,
                    },
                };
                self.start_in_progress(h, c);
            }
        }
        for &(from, to, n) in &state.moves {
            let mut on: Vec<u32> = self.on_duty_in(from);
            // Prefer idle handlers, then those on a contact (they finish it first).
            on.sort_by_key(|&h| self.handlers[h as usize].status != Status::Idle);
            for h in on.into_iter().take(n as usize) {
                self.move_handler(h, to);
            }
        }
        for &(c, waited) in &state.waiting {
            self.arrive_at(c, false, self.now - waited.max(0.0));
        }
    }

    /// Handlers of group `g` signed in now (idle, busy or on a break).
    fn on_duty_in(&self, g: usize) -> Vec<u32> {
        (0..self.handlers.len() as u32)
            .filter(|&h| {
                let hd = &self.handlers[h as usize];
                hd.seat.group == g && hd.status != Status::Off
            })
            .collect()
    }

    fn idle_in(&self, g: usize) -> Option<u32> {
        self.on_duty_in(g)
            .into_iter()
            .find(|&h| self.handlers[h as usize].status == Status::Idle)
    }

    /// Sign on an off-duty handler of group `g` for the rest of the look-ahead.
    fn bring_on(&mut self, g: usize) -> Option<u32> {
        let now = self.now;
        let h = (0..self.handlers.len() as u32).find(|&h| {
            let hd = &self.handlers[h as usize];
            hd.seat.group == g && hd.status == Status::Off && hd.in_post(now)
        })?;
        self.events.push(self.end, Ev::ShiftEnd { handler: h });
        self.sign_in(h);
        Some(h)
    }

    fn set_on_duty(&mut self, g: usize, want: u32) {
        let mut on = self.on_duty_in(g);
        while on.len() as u32 > want {
            let Some(h) = on.pop() else { break };
            self.sign_off(h);
        }
        for _ in on.len() as u32..want {
            if self.bring_on(g).is_none() {
                break;
            }
        }
    }

    /// Handler `h` is part-way through a contact on channel `c` (not counted: it arrived
    /// before the look-ahead).
    fn start_in_progress(&mut self, h: u32, c: usize) {
        let run = &mut self.ch[c];
        let remaining =
            run.talk.sample(&mut run.fresh.handling) + run.wrap.sample(&mut run.fresh.handling);
        let (slot, _) = self.calls.insert(Call {
            id: 0,
            generation: 0,
            state: State::Waiting,
            channel: c as u16,
            bin: self.tracker.bins.interval(self.now) as u16,
            counted: false,
            redial: false,
            callback: false,
            resumed: true,
            harrowing: false,
            arrival: self.now,
            talk: remaining,
            wrap: 0.0,
            u_callback_take: 1.0,
            u_callback_success: 1.0,
            u_redial: 1.0,
            redial_delay: 0.0,
            handler: NONE,
            answered_at: self.now,
        });
        self.begin(h, slot);
    }
}
