//! Planning on top of the engine: replications, statistics, Erlang analytics and reports.

pub mod audit;
pub mod charts;
pub mod erlang;
pub mod html;
pub mod kpi;
pub mod replicate;
pub mod report;
pub mod stats;
