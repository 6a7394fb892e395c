//! A channel's queue: contacts waiting in arrival order (set-aside work goes back to the
//! front), how many are waiting, and the time-integral of that number for the mean queue
//! length.
//!
//! Entries are (slot, generation) pairs of the call slab; an entry whose call has since left
//! (abandoned) is stale and skipped when it reaches the front, so leaving costs O(1).

use super::tracker::Tracker;
use std::collections::VecDeque;

/// One channel's queue.
#[derive(Debug, Clone)]
pub(super) struct ChannelQueue {
    entries: VecDeque<(u32, u32)>,
    waiting: u32,
    /// When `waiting` last changed (the queue-length area is accounted up to here).
    changed: f64,
}

impl ChannelQueue {
    pub(super) fn new(t: f64) -> Self {
        ChannelQueue {
            entries: VecDeque::new(),
            waiting: 0,
            changed: t,
        }
    }

    /// Contacts waiting now.
    #[inline]
    pub(super) fn waiting(&self) -> u32 {
        self.waiting
    }

    /// Account the queue-length area of channel `c` up to `now`, then change the number
    /// waiting by `delta`.
    #[inline]
    pub(super) fn change(&mut self, c: usize, now: f64, delta: i32, tracker: &mut Tracker) {
        if self.waiting > 0 {
            tracker.queue_time(c, self.changed, now, self.waiting as f64);
        }
        self.changed = now;
        self.waiting = self.waiting.saturating_add_signed(delta);
    }

    /// A contact joins the queue at the back (or the front, for work put back).
    #[inline]
    pub(super) fn join(&mut self, entry: (u32, u32), front: bool) {
        if front {
            self.entries.push_front(entry);
        } else {
            self.entries.push_back(entry);
        }
    }

    /// The first entry for which `live` holds, dropping stale ones before it.
    #[inline]
    pub(super) fn first_live(&mut self, mut live: impl FnMut(u32, u32) -> bool) -> Option<u32> {
        while let Some((slot, generation)) = self.entries.pop_front() {
            if live(slot, generation) {
                return Some(slot);
            }
        }
        None
    }
}
