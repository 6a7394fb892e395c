//! Callers in the system: a reusable slab of live contacts (memory stays flat however long the
//! run), and the per-call record the engine hands to an optional audit sink.

/// What happened to a contact, as written to an audit record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    Answered,
    Abandoned,
    /// Accepted a call-back and was reached.
    CallbackAnswered,
    /// Accepted a call-back that did not get through (counted as abandoned).
    CallbackFailed,
    /// Still queued when the run ended.
    WaitingAtEnd,
}

impl Outcome {
    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::Answered => "answered",
            Outcome::Abandoned => "abandoned",
            Outcome::CallbackAnswered => "callback_answered",
            Outcome::CallbackFailed => "callback_failed",
            Outcome::WaitingAtEnd => "waiting_at_end",
        }
    }
}

/// One contact's audit record.
#[derive(Debug, Clone, PartialEq)]
pub struct CallRecord {
    /// Arrival order within the replication, from 1.
    pub id: u64,
    pub channel: usize,
    pub arrival_s: f64,
    pub outcome: Outcome,
    /// Time in queue until answered, abandoned or the end of the run.
    pub wait_s: f64,
    /// The handler who took it (index over all handlers) and their group.
    pub handler: Option<(u32, usize)>,
    pub talk_s: f64,
    pub wrap_s: f64,
    pub redial: bool,
    /// Arrived after the warm-up, so it counts in the statistics.
    pub counted: bool,
}

/// Receives audit records. The engine is generic over it, so running without records costs
/// nothing.
pub trait CallSink {
    fn record(&mut self, r: &CallRecord);
}

/// The sink that keeps nothing.
pub struct NoRecords;

impl CallSink for NoRecords {
    #[inline]
    fn record(&mut self, _: &CallRecord) {}
}

impl CallSink for Vec<CallRecord> {
    fn record(&mut self, r: &CallRecord) {
        self.push(r.clone());
    }
}

/// "No call" / "no handler" in the slab's u32 indices.
pub(super) const NONE: u32 = u32::MAX;

/// Where a live contact is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Free,
    Waiting,
    InService,
}

/// A live contact.
#[derive(Debug, Clone)]
pub struct Call {
    pub id: u64,
    pub generation: u32,
    pub state: State,
    pub channel: u16,
    /// KPI interval of its arrival.
    pub bin: u16,
    pub counted: bool,
    pub redial: bool,
    /// Accepted a call-back: keeps its place, will not abandon.
    pub callback: bool,
    /// Already answered once (a deferred item put back after an interruption).
    pub resumed: bool,
    /// A harrowing contact (a handler may need decompression time after it).
    pub harrowing: bool,
    pub arrival: f64,
    pub talk: f64,
    pub wrap: f64,
    /// Caller's choices, drawn on arrival for common random numbers.
    pub u_callback_take: f32,
    pub u_callback_success: f32,
    pub u_redial: f32,
    pub redial_delay: f64,
    pub handler: u32,
    /// When it was first answered.
    pub answered_at: f64,
}

/// A slab of live contacts with generation counters, so stale events are recognised.
#[derive(Debug, Default)]
pub struct Calls {
    slots: Vec<Call>,
    free: Vec<u32>,
    next_id: u64,
}

impl Calls {
    /// Store a new contact; returns its slot and generation.
    pub fn insert(&mut self, mut c: Call) -> (u32, u32) {
        self.next_id += 1;
        c.id = self.next_id;
        c.state = State::Waiting;
        if let Some(i) = self.free.pop() {
            let slot = &mut self.slots[i as usize];
            c.generation = slot.generation.wrapping_add(1);
            *slot = c;
            (i, slot.generation)
        } else {
            c.generation = 0;
            self.slots.push(c);
            ((self.slots.len() - 1) as u32, 0)
        }
    }

    #[inline]
    pub fn get(&self, i: u32) -> &Call {
        &self.slots[i as usize]
    }

    #[inline]
    pub fn get_mut(&mut self, i: u32) -> &mut Call {
        &mut self.slots[i as usize]
    }

    /// Is (slot, generation) still this live contact in this state?
    #[inline]
    pub fn is(&self, i: u32, generation: u32, state: State) -> bool {
        let c = &self.slots[i as usize];
        c.generation == generation && c.state == state
    }

    pub fn release(&mut self, i: u32) {
        self.slots[i as usize].state = State::Free;
        self.free.push(i);
    }

    /// Live contacts, for the end of the run.
    pub fn live(&self) -> impl Iterator<Item = (u32, &Call)> {
        self.slots
            .iter()
            .enumerate()
            .filter(|(_, c)| c.state != State::Free)
            .map(|(i, c)| (i as u32, c))
    }

    /// Slots ever allocated (a high-water mark of contacts in the system).
    pub fn capacity(&self) -> usize {
        self.slots.len()
    }
}
