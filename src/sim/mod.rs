//! The discrete-event engine: clock, event queue, RNG streams and control-room state.
//! No I/O and no printing: it takes a resolved [`Config`] and returns what it counted.

pub mod arrivals;
pub mod calls;
pub mod config;
pub mod dist;
pub mod engine;
pub mod event;
mod from_state;
mod handler;
pub mod intervals;
pub mod live;
pub mod months;
mod queue;
pub mod roster;
mod service;
mod shifts;
pub mod streams;
pub mod tracker;
pub mod units;
mod waits;

pub use calls::{CallRecord, CallSink, NoRecords, Outcome};
pub use config::Config;
pub use engine::{Replication, run, run_from};
pub use live::InitialState;
