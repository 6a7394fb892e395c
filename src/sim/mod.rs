//! The discrete-event engine: clock, event queue, RNG streams and control-room state.
//! No I/O and no printing: it takes a resolved [`Config`] and returns what it counted.

pub mod arrivals;
pub mod calls;
pub mod config;
pub mod dist;
pub mod engine;
pub mod event;
mod handler;
pub mod roster;
mod shifts;
pub mod snapshot;
mod staff;
pub mod streams;
pub mod tracker;

pub use calls::{CallRecord, CallSink, NoRecords, Outcome};
pub use config::Config;
pub use engine::{Replication, run, run_from};
pub use snapshot::InitialState;
