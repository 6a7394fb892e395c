//! Planning on top of the engine: replications, statistics, Erlang analytics and reports.

pub mod audit;
pub mod erlang;
pub mod kpi;
pub mod replicate;
pub mod report;
pub mod staffing;
pub mod stats;
