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

/// A queued event, 24 bytes: the time's bits (times are never negative, so their IEEE bits
/// order like the numbers) and an insertion sequence for ties, first in first out.
///
/// The sequence is 32 bits and compared by wrapping difference, so it stays first in first
/// out across a wrap as long as no event waits in the queue while 2^31 others are pushed
/// (events are scheduled at most a day or so ahead; a day at national scale is about a
/// million).
#[derive(Debug, Clone, Copy)]
struct Entry {
    time: u64,
    seq: u32,
    ev: Ev,
}

impl Entry {
    #[inline]
    fn time(&self) -> f64 {
        f64::from_bits(self.time)
    }
}

impl PartialEq for Entry {
    fn eq(&self, o: &Self) -> bool {
        self.time == o.time && self.seq == o.seq
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
    #[inline]
    fn cmp(&self, o: &Self) -> Ordering {
        match o.time.cmp(&self.time) {
            Ordering::Equal => (o.seq.wrapping_sub(self.seq) as i32).cmp(&0),
            unequal => unequal,
        }
    }
}

/// The future event list.
#[derive(Debug, Default)]
pub struct EventQueue {
    heap: QuaternaryHeap<Entry>,
    seq: u32,
}

impl EventQueue {
    #[inline]
    pub fn push(&mut self, t: f64, ev: Ev) {
        debug_assert!(t >= 0.0, "event times are never negative");
        self.seq = self.seq.wrapping_add(1);
        self.heap.push(Entry {
            time: if t > 0.0 { t } else { 0.0 }.to_bits(),
            seq: self.seq,
            ev,
        });
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
        assert_eq!(std::mem::size_of::<Entry>(), 24);
    }

    /// Ties stay first in first out when the sequence wraps past u32::MAX.
    #[test]
    fn ties_stay_in_order_across_a_sequence_wrap() {
        let mut q = EventQueue {
            seq: u32::MAX - 2,
            ..EventQueue::default()
        };
        for i in 0..6 {
            q.push(3.0, Ev::Redial(i));
        }
        q.push(1.0, Ev::Redial(9));
        let got: Vec<Ev> =
            std::iter::from_fn(|| q.pop_before(f64::INFINITY).map(|e| e.1)).collect();
        let want: Vec<Ev> = [9, 0, 1, 2, 3, 4, 5].into_iter().map(Ev::Redial).collect();
        assert_eq!(got, want);
    }
}
