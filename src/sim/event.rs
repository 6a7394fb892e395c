//! The event queue: a 4-ary heap ordered by time, ties broken by insertion order so runs are
//! deterministic.

use dary_heap::QuaternaryHeap;
use std::cmp::Ordering;

/// What happens at an event.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Ev {
    /// An abandoned caller tries again.
    Redial(u16),
    /// A queued caller's patience runs out (stale if answered first).
    Abandon {
        call: u32,
        generation: u32,
    },
    /// A handler finishes their current work (stale if the epoch moved on).
    Finish {
        handler: u32,
        epoch: u32,
    },
    /// Put the shifts starting on this day on the calendar.
    RosterDay(i32),
    /// A handler's `index`-th shift of `day` starts.
    ShiftStart {
        handler: u32,
        day: i32,
        index: u16,
    },
    ShiftEnd {
        handler: u32,
    },
    BreakStart {
        handler: u32,
        length_s: f32,
    },
    BreakEnd {
        handler: u32,
    },
}

/// A queued event. The key packs the time's bits (times are never negative, so their IEEE
/// bits order like the numbers) above the insertion sequence: one integer comparison orders
/// by time, then first in first out.
#[derive(Debug, Clone, Copy)]
struct Entry {
    key: u128,
    ev: Ev,
}

impl Entry {
    fn time(&self) -> f64 {
        f64::from_bits((self.key >> 64) as u64)
    }
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.key == o.key
    }
}
impl Eq for Entry {}
impl PartialOrd for Entry {
    fn partial_cmp(&self, o: &Self) -> Option<Ordering> {
        Some(self.cmp(o))
    }
}
impl Ord for Entry {
    /// Reversed, so the max-heap pops the earliest event.
    fn cmp(&self, o: &Self) -> Ordering {
        o.key.cmp(&self.key)
    }
}

/// The future event list.
#[derive(Debug, Default)]
pub struct EventQueue {
    heap: QuaternaryHeap<Entry>,
    seq: u64,
}

impl EventQueue {
    #[inline]
    pub fn push(&mut self, t: f64, ev: Ev) {
        debug_assert!(t >= 0.0, "event times are never negative");
        self.seq += 1;
        // `-0.0` (and NaN, which validation keeps out) must not take the sign bit to the top.
        let t = if t > 0.0 { t } else { 0.0 };
        let key = ((t.to_bits() as u128) << 64) | self.seq as u128;
        self.heap.push(Entry { key, ev });
    }

    /// The time of the earliest event.
    #[inline]
    pub fn peek_time(&self) -> Option<f64> {
        self.heap.peek().map(Entry::time)
    }

    /// The earliest event if it happens before `end`.
    #[inline]
    pub fn pop_before(&mut self, end: f64) -> Option<(f64, Ev)> {
        match self.heap.peek() {
            Some(e) if e.time() < end => self.heap.pop().map(|e| (e.time(), e.ev)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pops_in_time_order_with_ties_first_in_first_out() {
        let mut q = EventQueue::default();
        q.push(5.0, Ev::Redial(0));
        q.push(1.0, Ev::Redial(1));
        q.push(5.0, Ev::Redial(2));
        q.push(9.0, Ev::Redial(3));
        let mut got = vec![];
        while let Some((t, ev)) = q.pop_before(9.0) {
            got.push((t, ev));
        }
        assert_eq!(
            got,
            vec![
                (1.0, Ev::Redial(1)),
                (5.0, Ev::Redial(0)),
                (5.0, Ev::Redial(2))
            ]
        );
    }
}
