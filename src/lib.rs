//! controlroom: a planning simulator and a call-handling trainer for police force control rooms.
//!
//! Data flows one way: file → validated [`model`] → [`sim`] engine → [`plan`] statistics → report.
//! The [`training`] module is the headless trainer: scenarios, the session state machine, scoring
//! and debrief. The bevy front-end (feature `trainer`) is a thin view over it.

pub mod files;
pub mod model;
pub mod plan;
pub mod ron_text;
pub mod sim;
#[cfg(feature = "trainer")]
pub mod trainer;
pub mod training;
