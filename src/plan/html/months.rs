//! The report's months section (runs longer than a month): service level per channel and
//! occupancy per staff group, month by month, as in `monthly.csv` (means across
//! replications).

use super::Report;
use crate::plan::charts;
use crate::plan::monthly::{channel_month, group_month};
use crate::sim::months::longer_than_a_month;
use crate::sim::{Config, Replication};

/// Add the months section; nothing for a run of a month or less.
pub(super) fn monthly_section(r: &mut Report, cfg: &Config, reps: &[Replication]) {
    if !longer_than_a_month(cfg.horizon_s) {
        return;
    }
    let months = &cfg.months;
    let sl: Vec<(String, Vec<f64>)> = (0..cfg.channels.len())
        .map(|c| {
            let v = (0..months.len())
                .map(|m| channel_month(reps, c, m)[1].mean)
                .collect();
            (cfg.channels[c].name.clone(), v)
        })
        .collect();
    let occ: Vec<(String, Vec<f64>)> = (0..cfg.groups.len())
        .map(|g| {
            let v = (0..months.len())
                .map(|m| group_month(reps, g, m)[0].mean)
                .collect();
            (cfg.groups[g].name.clone(), v)
        })
        .collect();
    r.section(
        "Months",
        "Service level per channel and occupancy per staff group in each month of the run \
         (mean over replications; figures and 95% intervals in monthly.csv), so that leavers \
         and intakes show as service over the year.",
    )
    .chart(charts::month_lines(
        "Service level by month",
        "service level (%)",
        &months.labels,
        &sl,
        true,
        None,
    ))
    .chart(charts::month_lines(
        "Occupancy by month",
        "occupancy (%)",
        &months.labels,
        &occ,
        true,
        None,
    ));
}
