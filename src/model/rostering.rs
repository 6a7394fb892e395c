//! The model's rostering rules (`rostering`): which shifts `controlroom roster` may choose and
//! how they are patterned into weekly lines. Every field has a default, so a model without the
//! section can still be rostered.

use super::breaks::Break;
use serde::{Deserialize, Serialize};

/// Rules a planner states for rostering.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rostering {
    /// Allowed shift lengths, hours (paid, breaks included).
    #[serde(default = "default_lengths")]
    pub lengths_hours: Vec<f64>,
    /// Shift starts are on this grid, minutes from midnight (with no `starts` list).
    #[serde(default = "default_grid")]
    pub start_grid_minutes: u32,
    /// Shifts start no earlier than this time of day "HH:MM"...
    #[serde(default = "midnight")]
    pub earliest_start: String,
    /// ...and no later than this one (before `earliest_start`: the window runs past midnight).
    #[serde(default = "last_slot")]
    pub latest_start: String,
    /// Every shift ends by this time of day "HH:MM" (counted on from `earliest_start`): for a
    /// desk that is not open round the clock. None: shifts may end at any time.
    #[serde(default)]
    pub latest_end: Option<String>,
    /// Instead of the grid: exactly these start times "HH:MM" (still within the window).
    #[serde(default)]
    pub starts: Option<Vec<String>>,
    /// Least rest between the end of one shift and the start of the next, hours (the Working
    /// Time Regulations: 11).
    #[serde(default = "default_rest")]
    pub min_rest_hours: f64,
    /// Most days worked in a row.
    #[serde(default = "default_max_days")]
    pub max_consecutive_days: u32,
    /// Days worked in a row in each weekly line, then the rest of the week off; one handler
    /// works one line every week (e.g. `[4, 5]`: four on three off, or five on two off).
    #[serde(default = "default_days_on")]
    pub days_on: Vec<u32>,
    /// Paid breaks in every shift; default: those of the model's largest staff group.
    #[serde(default)]
    pub breaks: Option<Vec<Break>>,
    /// Share of rostered shifts lost to sickness, training and leave; default: the model's
    /// staff groups' shrinkage, weighted by their handlers.
    #[serde(default)]
    pub shrinkage: Option<f64>,
    /// Teams on a days-on/days-off cycle instead of weekly lines, e.g. `(teams: 4, days_on: 4,
    /// days_off: 4)`; None: each handler works one weekly line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub teams: Option<TeamCycle>,
}

/// Teams on a cycle: `teams` teams each working `days_on` days of one shift then `days_off`
/// off, staggered evenly through the cycle (the number of teams must divide it).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamCycle {
    pub teams: u32,
    pub days_on: u32,
    pub days_off: u32,
}

impl Default for Rostering {
    fn default() -> Self {
        Rostering {
            lengths_hours: default_lengths(),
            start_grid_minutes: default_grid(),
            earliest_start: midnight(),
            latest_start: last_slot(),
            latest_end: None,
            starts: None,
            min_rest_hours: default_rest(),
            max_consecutive_days: default_max_days(),
            days_on: default_days_on(),
            breaks: None,
            shrinkage: None,
            teams: None,
        }
    }
}

fn default_lengths() -> Vec<f64> {
    vec![8.0, 10.0, 12.0]
}
fn default_grid() -> u32 {
    60
}
fn midnight() -> String {
    "00:00".into()
}
fn last_slot() -> String {
    "23:00".into()
}
fn default_rest() -> f64 {
    11.0
}
fn default_max_days() -> u32 {
    5
}
fn default_days_on() -> Vec<u32> {
    vec![4, 5]
}
