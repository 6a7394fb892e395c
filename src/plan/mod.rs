//! Planning on top of the engine: replications, statistics, Erlang analytics, reports and
//! what-if sweeps.

pub mod audit;
pub mod charts;
pub mod dates;
pub mod erlang;
pub mod forecast;
pub mod html;
pub mod kpi;
pub mod monthly;
pub mod notes;
pub mod overrides;
pub mod replicate;
pub mod report;
pub mod roster;
pub mod staffing;
pub mod stats;
pub mod sweep;
pub mod workforce;
