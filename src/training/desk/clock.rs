//! The call clock a front-end runs: waiting for the answer, then call time from answer at a
//! replay's speed, paused or running, stepped by wall time in whole milliseconds.

/// The call clock.
#[derive(Debug, Clone, PartialEq)]
pub struct Clock {
    /// The call has been answered (the clock runs from answer).
    pub answered: bool,
    /// Call time, ms from answer.
    pub ms: u64,
    /// Sub-millisecond remainder.
    carry: f64,
    /// 1.0 is real time (replays may run faster).
    pub speed: f64,
    pub paused: bool,
}

impl Default for Clock {
    fn default() -> Self {
        Clock {
            answered: false,
            ms: 0,
            carry: 0.0,
            speed: 1.0,
            paused: false,
        }
    }
}

impl Clock {
    /// Let `dt_secs` of wall time pass (nothing happens before the answer, while paused or once
    /// the call is over); returns the call time.
    pub fn tick(&mut self, dt_secs: f64, call_over: bool) -> u64 {
        if !self.answered || self.paused || call_over {
            return self.ms;
        }
        let ms = dt_secs * 1000.0 * self.speed + self.carry;
        // A hair over, so that 0.1 s is 100 ms and not 99.999… (frames step the clock exactly).
        let whole = (ms + 1e-6).floor();
        self.carry = (ms - whole).max(0.0);
        self.ms = self.ms.saturating_add(whole as u64);
        self.ms
    }

    /// The call time at which the trainee acts now: never past the scenario's limit.
    pub fn act_ms(&self, limit_ms: u64) -> u64 {
        self.ms.min(limit_ms)
    }

    /// Pause at a given call time (a replay stopping on a decision).
    pub fn pause_at(&mut self, ms: u64) {
        self.paused = true;
        self.ms = ms;
        self.carry = 0.0;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_only_when_answered_and_not_paused() {
        let mut c = Clock::default();
        assert_eq!(c.tick(1.0, false), 0, "waits for the answer");
        c.answered = true;
        for _ in 0..10 {
            c.tick(0.1, false);
        }
        assert_eq!(c.ms, 1000, "ten frames of 0.1 s are a second exactly");
        c.paused = true;
        assert_eq!(c.tick(5.0, false), 1000);
        c.paused = false;
        c.speed = 10.0;
        assert_eq!(c.tick(0.5, false), 6000);
        assert_eq!(c.tick(0.5, true), 6000, "stops when the call is over");
        assert_eq!(c.act_ms(3000), 3000);
    }
}
