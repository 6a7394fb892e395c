//! The headless trainer: scenario files, the session state machine, scoring and debrief. No bevy,
//! no clock of its own: time is integer milliseconds from call answer, supplied by the caller.
//!
//! The flow is one way: a [`scenario`] file (with its [`script`] and [`rubric`]) is loaded and
//! [`check`]ed, and its every path walked by the [`sweep`]; a [`session`] plays the caller to a
//! trainee's timestamped [`action`]s and keeps a [`record`]; [`marking`] and [`score`] turn the
//! record into an [`Outcome`], whose [`debrief`] walks the decisions through the National Decision
//! Model (after a welfare check, for harrowing calls). A [`replay`] of a recorded log gives the same
//! outcome. [`results`] appends outcomes to a CSV; [`cohort`], [`course`] and [`coverage`] report
//! on many sessions and on the library as a whole against the [`guidance`] checklist. The words
//! of the domain live in [`thrive`], [`response`] (grades, RCRP, partners), [`framework`] (CVF,
//! NDM) and the [`force`] profile.

pub mod action;
pub mod answers;
pub mod check;
pub mod cohort;
pub mod course;
pub mod coverage;
pub mod debrief;
pub mod desk;
pub mod error;
pub mod force;
pub mod framework;
pub mod gaming;
pub mod guidance;
pub mod library;
pub mod marking;
pub mod mode;
pub mod prioritisation;
pub mod readiness;
pub mod record;
pub mod replay;
pub mod response;
pub mod results;
pub mod review;
pub mod rubric;
pub mod scenario;
pub mod score;
pub mod script;
pub mod session;
pub mod store;
pub mod sweep;
pub mod thrive;
pub mod typed;

mod ron_file;

pub use action::{Action, ActionLog, Step};
pub use error::{LoadError, SessionError};
pub use force::ForceProfile;
pub use scenario::Scenario;
pub use score::Outcome;
pub use session::{Event, Mode, Session};
