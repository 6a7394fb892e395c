//! Planning on top of the engine: replications, statistics, Erlang analytics and reports.

pub mod erlang;
