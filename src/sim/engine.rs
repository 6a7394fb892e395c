//! The engine: one replication of a control room, event by event.
//!
//! Contacts arrive per channel, queue by channel priority (999 before 101 before digital),
//! are answered by the longest-idle handler with the skill, or abandon when their patience runs
//! out. Handlers follow the roster, take breaks, finish the call in hand at the end of a shift,
//! and (where configured) put a digital item aside to take a waiting 999 call.

use super::arrivals::ArrivalProcess;
use super::calls::{Call, CallRecord, CallSink, Calls, NONE, Outcome, State};
use super::config::{Config, GroupConfig};
use super::dist::Sampler;
use super::event::{Ev, EventQueue};
use super::handler::Handler;
use super::live::InitialState;
use super::queue::ChannelQueue;
use super::roster::seats;
use super::streams::{ContactStreams, Purpose, Rng, stream};
use super::tracker::Tracker;
use super::units::DAY_S;
use std::collections::VecDeque;

/// What one replication produced.
#[derive(Debug, Clone)]
pub struct Replication {
    pub tracker: Tracker,
    /// Events processed (for throughput figures).
    pub events: u64,
    /// Most contacts ever in the system at once (slab high-water mark).
    pub peak_live_calls: usize,
}

/// Per-channel samplers and streams.
pub(super) struct ChannelRun {
    pub(super) arrivals: ArrivalProcess,
    pub(super) arrival_rng: Rng,
    /// Draws for first-time contacts.
    pub(super) fresh: ContactStreams,
    /// Draws for redialled contacts.
    pub(super) redials: ContactStreams,
    pub(super) talk: Sampler,
    pub(super) wrap: Sampler,
    pub(super) patience: Option<Sampler>,
    pub(super) redial_delay: Option<Sampler>,
    pub(super) mean_handle: f64,
    pub(super) queue: ChannelQueue,
    /// When the next new contact arrives (infinity when there are no more).
    pub(super) next_arrival: f64,
    /// Deferrable channels whose work a waiting call of this channel may interrupt.
    pub(super) interrupts: Vec<usize>,
}

/// One replication in progress.
pub struct Engine<'a, S: CallSink> {
    pub(super) cfg: &'a Config,
    pub(super) now: f64,
    pub(super) start: f64,
    pub(super) end: f64,
    pub(super) events: EventQueue,
    pub(super) calls: Calls,
    pub(super) ch: Vec<ChannelRun>,
    pub(super) handlers: Vec<Handler>,
    pub(super) idle: Vec<VecDeque<(u32, u32)>>,
    /// Handlers signed in (idle or busy) per group, for call-back wait estimates.
    pub(super) signed_in: Vec<u32>,
    /// Per group: its channels in the order it serves them, each with the number that must
    /// be exceeded in the queue before it takes one (0: whenever one waits).
    pub(super) serve_order: Vec<Vec<(usize, u32)>>,
    /// Per channel: the groups that take it whenever one waits, specialists first.
    pub(super) takers: Vec<Vec<usize>>,
    /// Per channel: the groups that take it only while more than so many wait (overflow).
    pub(super) overflow: Vec<Vec<(usize, u32)>>,
    /// Per group: the stream deciding absences (shrinkage).
    pub(super) absence_rng: Vec<Rng>,
    pub(super) tracker: Tracker,
    pub(super) sink: &'a mut S,
    pub(super) processed: u64,
}

/// Run replication `rep` of `cfg`, handing each contact's record to `sink`.
pub fn run<S: CallSink>(cfg: &Config, rep: u32, sink: &mut S) -> Replication {
    run_from(cfg, rep, sink, None)
}

/// Run replication `rep` starting from a live state of the room (calls waiting, handlers
/// busy) at `cfg.start_s`, instead of an empty room.
pub fn run_from<S: CallSink>(
    cfg: &Config,
    rep: u32,
    sink: &mut S,
    state: Option<&InitialState>,
) -> Replication {
    let mut e = Engine::new(cfg, rep, sink);
    e.run(state);
    e.finish()
}

/// A group's serving order: its routing, or (a config built without one) its skills in
/// channel priority, whenever one waits.
fn serving_order(cfg: &Config) -> impl Fn(&GroupConfig) -> Vec<(usize, u32)> + '_ {
    move |g| {
        if !g.routing.is_empty() {
            return g.routing.clone();
        }
        let mut s = g.skills.clone();
        s.sort_by_key(|&c| (cfg.channels[c].priority, c));
        s.into_iter().map(|c| (c, 0)).collect()
    }
}

impl<'a, S: CallSink> Engine<'a, S> {
    fn new(cfg: &'a Config, rep: u32, sink: &'a mut S) -> Self {
        let start = cfg.start_s;
        let end = start + cfg.horizon_s;
        let ch: Vec<ChannelRun> = cfg
            .channels
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut demand = stream(cfg.seed, rep, Purpose::Demand, i);
                ChannelRun {
                    arrivals: ArrivalProcess::new(c, start, end, &mut demand),
                    arrival_rng: stream(cfg.seed, rep, Purpose::Arrivals, i),
                    fresh: ContactStreams::new(cfg.seed, rep, i, false),
                    redials: ContactStreams::new(cfg.seed, rep, i, true),
                    talk: Sampler::new(&c.talk),
                    wrap: Sampler::new(&c.wrap),
                    patience: c
                        .patience
                        .as_ref()
                        .filter(|_| !c.deferrable)
                        .map(Sampler::new),
                    redial_delay: c.redial.as_ref().map(|r| Sampler::new(&r.delay)),
                    mean_handle: c.talk.mean() + c.wrap.mean(),
                    queue: ChannelQueue::new(start),
                    next_arrival: f64::INFINITY,
                    interrupts: cfg
                        .channels
                        .iter()
                        .enumerate()
                        .filter(|(_, d)| d.deferrable && d.interrupted_by.contains(&i))
                        .map(|(j, _)| j)
                        .collect(),
                }
            })
            .collect();
        let mut workforce = stream(cfg.seed, rep, Purpose::Workforce, 0);
        let handlers = seats(&cfg.groups)
            .into_iter()
            .map(|seat| {
                let mut h = Handler::new(seat, start);
                h.hire(&cfg.groups[seat.group], &mut workforce);
                h
            })
            .collect();
        let serve_order: Vec<Vec<(usize, u32)>> =
            cfg.groups.iter().map(serving_order(cfg)).collect();
        let over = |g: usize, c: usize| serve_order[g].iter().find(|(d, _)| *d == c).map(|r| r.1);
        let takers = (0..cfg.channels.len())
            .map(|c| {
                let mut gs: Vec<usize> = (0..cfg.groups.len())
                    .filter(|&g| over(g, c) == Some(0))
                    .collect();
                gs.sort_by_key(|&g| (cfg.groups[g].skills.len(), g));
                gs
            })
            .collect();
        let overflow = (0..cfg.channels.len())
            .map(|c| {
                (0..cfg.groups.len())
                    .filter_map(|g| over(g, c).filter(|&n| n > 0).map(|n| (g, n)))
                    .collect()
            })
            .collect();
        Engine {
            cfg,
            now: start,
            start,
            end,
            events: EventQueue::default(),
            calls: Calls::default(),
            ch,
            handlers,
            idle: vec![VecDeque::new(); cfg.groups.len()],
            signed_in: vec![0; cfg.groups.len()],
            serve_order,
            takers,
            overflow,
            absence_rng: (0..cfg.groups.len())
                .map(|g| stream(cfg.seed, rep, Purpose::Roster, g))
                .collect(),
            tracker: Tracker::new(
                cfg.channels.len(),
                cfg.groups.len(),
                cfg.kpi_interval_s,
                start + cfg.warmup_s,
                &cfg.months,
            ),
            sink,
            processed: 0,
        }
    }

    fn run(&mut self, state: Option<&InitialState>) {
        let first_day = (self.start / DAY_S).floor() as i32;
        self.events.push(self.start, Ev::RosterDay(first_day - 1));
        for c in 0..self.ch.len() {
            self.schedule_arrival(c);
        }
        if let Some(state) = state {
            // Bring on the handlers the roster has on duty now, then set the room as it is.
            while self.events.peek_time().is_some_and(|t| t <= self.start) {
                let Some((t, ev)) = self.events.pop_before(f64::INFINITY) else {
                    break;
                };
                self.now = t;
                self.processed += 1;
                self.dispatch(ev);
            }
            self.apply(state);
        }
        loop {
            // The next new contact is kept beside the heap (one per channel): it is the most
            // common event, and keeping it out halves the heap traffic.
            let (mut c, mut ta) = (0, f64::INFINITY);
            for (i, r) in self.ch.iter().enumerate() {
                if r.next_arrival < ta {
                    (c, ta) = (i, r.next_arrival);
                }
            }
            if ta < self.events.peek_time().unwrap_or(f64::INFINITY) {
                if ta >= self.end {
                    break;
                }
                self.now = ta;
                self.processed += 1;
                self.schedule_arrival(c);
                self.arrive(c, false);
                continue;
            }
            let Some((t, ev)) = self.events.pop_before(self.end) else {
                break;
            };
            self.now = t;
            self.processed += 1;
            self.dispatch(ev);
        }
        self.now = self.end;
    }

    fn dispatch(&mut self, ev: Ev) {
        {
            match ev {
                Ev::Redial(c) => self.arrive(c as usize, true),
                Ev::Abandon { call, generation } => self.abandon(call, generation),
                Ev::Finish { handler, epoch } => {
                    if self.handlers[handler as usize].current(epoch) {
                        self.finish_work(handler);
                    }
                }
                Ev::RosterDay(day) => self.roster_day(day),
                Ev::ShiftStart {
                    handler,
                    day,
                    index,
                } => self.shift_start(handler, day, index),
                Ev::ShiftEnd { handler } => self.shift_end(handler),
                Ev::BreakStart { handler, length_s } => self.break_start(handler, length_s as f64),
                Ev::BreakEnd { handler } => self.break_end(handler),
            }
        }
    }

    fn schedule_arrival(&mut self, c: usize) {
        let run = &mut self.ch[c];
        run.next_arrival = run
            .arrivals
            .next(&mut run.arrival_rng, self.end)
            .unwrap_or(f64::INFINITY);
    }

    // ----- contacts -----

    fn arrive(&mut self, c: usize, redial: bool) {
        self.arrive_at(c, redial, self.now);
    }

    /// A contact on channel `c` that has been waiting since `arrival` (now, except for calls
    /// already queued in a live state) joins the room.
    pub(super) fn arrive_at(&mut self, c: usize, redial: bool, arrival: f64) {
        let cfg: &'a Config = self.cfg;
        let cfg = &cfg.channels[c];
        let run = &mut self.ch[c];
        let draws = if redial {
            &mut run.redials
        } else {
            &mut run.fresh
        };
        let talk = run.talk.sample(&mut draws.handling);
        let wrap = run.wrap.sample(&mut draws.handling);
        let patience = run.patience.as_ref().map(|p| p.sample(&mut draws.patience));
        let (u_callback_take, u_callback_success) = if cfg.callback.is_some() {
            (
                rand::Rng::random::<f32>(&mut draws.callback),
                rand::Rng::random::<f32>(&mut draws.callback),
            )
        } else {
            (1.0, 1.0)
        };
        let (u_redial, redial_delay) = match &run.redial_delay {
            Some(d) => (
                rand::Rng::random::<f32>(&mut draws.redial),
                d.sample(&mut draws.redial),
            ),
            None => (1.0, 0.0),
        };
        let harrowing = cfg.harrowing_share > 0.0
            && rand::Rng::random::<f64>(&mut draws.harrowing) < cfg.harrowing_share;
        let counted = self.tracker.counts(self.now);
        let bin = self.tracker.interval(self.now);
        let (slot, generation) = self.calls.insert(Call {
            id: 0,
            generation: 0,
            state: State::Waiting,
            channel: c as u16,
            bin: bin as u16,
            counted,
            redial,
            callback: false,
            resumed: false,
            harrowing,
            arrival,
            talk,
            wrap,
            u_callback_take,
            u_callback_success,
            u_redial,
            redial_delay,
            handler: NONE,
            answered_at: 0.0,
        });
        if counted {
            let judged = arrival + cfg.sl_threshold_s <= self.end;
            let at = self.tracker.at(bin, arrival);
            self.tracker.offered(c, at, redial, judged);
        }
        if let Some(h) = self.idle_taker(c) {
            self.begin(h, slot);
            return;
        }
        if let Some(h) = self.interruptible(c) {
            self.interrupt(h, slot);
            return;
        }
        // Queue. A caller facing a long wait may take a call-back and keep their place.
        if let Some(cb) = &cfg.callback
            && self.estimated_wait(c) > cb.offer_over_s
        {
            let take = (u_callback_take as f64) < cb.take_up;
            if counted {
                let at = self.tracker.at(bin, arrival);
                self.tracker.callback_offered(c, at, take);
            }
            if take {
                self.calls.get_mut(slot).callback = true;
                self.enqueue(c, slot, generation, false);
                self.overflow_to(c);
                return;
            }
        }
        self.enqueue(c, slot, generation, false);
        if let Some(p) = patience {
            self.events.push(
                self.now + p,
                Ev::Abandon {
                    call: slot,
                    generation,
                },
            );
        }
        self.overflow_to(c);
    }

    /// A rough wait estimate for a caller joining channel `c` now: the work queued ahead of
    /// them spread over the handlers signed in who take this channel.
    fn estimated_wait(&self, c: usize) -> f64 {
        let p = self.cfg.channels[c].priority;
        let ahead: u32 = (0..self.ch.len())
            .filter(|&d| self.cfg.channels[d].priority <= p)
            .map(|d| self.ch[d].queue.waiting())
            .sum();
        let staff: u32 = self.takers[c].iter().map(|&g| self.signed_in[g]).sum();
        (ahead + 1) as f64 * self.ch[c].mean_handle / staff.max(1) as f64
    }

    /// Change the number waiting on channel `c` by `delta` now.
    pub(super) fn queue_len_changed(&mut self, c: usize, delta: i32) {
        self.ch[c]
            .queue
            .change(c, self.now, delta, &mut self.tracker);
    }

    pub(super) fn enqueue(&mut self, c: usize, slot: u32, generation: u32, front: bool) {
        self.queue_len_changed(c, 1);
        self.ch[c].queue.join((slot, generation), front);
    }

    /// The first live contact waiting on channel `c`.
    pub(super) fn dequeue(&mut self, c: usize) -> Option<u32> {
        let calls = &self.calls;
        let slot = self.ch[c]
            .queue
            .first_live(|slot, generation| calls.is(slot, generation, State::Waiting))?;
        self.queue_len_changed(c, -1);
        Some(slot)
    }

    fn abandon(&mut self, slot: u32, generation: u32) {
        if !self.calls.is(slot, generation, State::Waiting) {
            return;
        }
        let call = self.calls.get(slot).clone();
        let c = call.channel as usize;
        self.queue_len_changed(c, -1);
        let wait = self.now - call.arrival;
        if call.counted {
            let at = self.tracker.at(call.bin as usize, call.arrival);
            self.tracker.abandoned(c, at, wait);
        }
        self.record(&call, Outcome::Abandoned, wait, None);
        self.calls.release(slot);
        if let Some(r) = &self.cfg.channels[c].redial
            && (call.u_redial as f64) < r.probability
        {
            self.events
                .push(self.now + call.redial_delay, Ev::Redial(c as u16));
        } else if call.counted {
            let at = self.tracker.at(call.bin as usize, call.arrival);
            self.tracker.caller_lost(c, at);
        }
    }

    pub(super) fn record(
        &mut self,
        call: &Call,
        outcome: Outcome,
        wait_s: f64,
        handler: Option<u32>,
    ) {
        self.sink.record(&CallRecord {
            id: call.id,
            channel: call.channel as usize,
            arrival_s: call.arrival,
            outcome,
            wait_s,
            handler: handler.map(|h| (h, self.handlers[h as usize].seat.group)),
            talk_s: call.talk,
            wrap_s: call.wrap,
            redial: call.redial,
            counted: call.counted,
        });
    }

    // ----- end of run -----

    fn finish(mut self) -> Replication {
        let (start, end) = (self.start, self.end);
        self.tracker.cover(start, end);
        for c in 0..self.ch.len() {
            self.queue_len_changed(c, 0);
        }
        self.close_handlers();
        let live: Vec<(u32, Call)> = self.calls.live().map(|(i, c)| (i, c.clone())).collect();
        for (_, call) in live {
            match call.state {
                State::Waiting => {
                    if call.counted && !call.resumed {
                        let at = self.tracker.at(call.bin as usize, call.arrival);
                        self.tracker.waiting_at_end(call.channel as usize, at);
                    }
                    let wait = end - call.arrival;
                    self.record(&call, Outcome::WaitingAtEnd, wait, None);
                }
                State::InService => {
                    let wait = call.answered_at - call.arrival;
                    self.record(&call, Outcome::Answered, wait, Some(call.handler));
                }
                State::Free => {}
            }
        }
        self.tracker.close_months();
        Replication {
            tracker: self.tracker,
            events: self.processed,
            peak_live_calls: self.calls.capacity(),
        }
    }
}
