//! The report's months section (runs longer than a month): service level per channel and
//! occupancy per staff group, month by month, as in `monthly.csv` (means across replications
//! with their 95% confidence intervals as error bars).

use super::Report;
use crate::plan::charts::{self, MonthSeries};
use crate::plan::monthly::{channel_month, group_month};
use crate::plan::stats::Estimate;
use crate::sim::months::longer_than_a_month;
use crate::sim::{Config, Replication};

/// Add the months section; nothing for a run of a month or less.
pub(super) fn monthly_section(r: &mut Report, cfg: &Config, reps: &[Replication]) {
    if !longer_than_a_month(cfg.horizon_s) {
        return;
    }
    let months = &cfg.months;
    let series = |name: &str, e: &dyn Fn(usize) -> Estimate| {
        let (mean, ci95) = (0..months.len())
            .map(|m| {
                let x = e(m);
                (x.mean, x.half_width)
            })
            .unzip();
        MonthSeries {
            name: name.to_string(),
            mean,
            ci95,
        }
    };
    let sl: Vec<MonthSeries> = (0..cfg.channels.len())
        .map(|c| series(&cfg.channels[c].name, &|m| channel_month(reps, c, m)[1]))
        .collect();
    let occ: Vec<MonthSeries> = (0..cfg.groups.len())
        .map(|g| series(&cfg.groups[g].name, &|m| group_month(reps, g, m)[0]))
        .collect();
    r.section(
        "Months",
        "Service level per channel and occupancy per staff group in each month of the run: \
         the mean over replications, with the 95% confidence interval as an error bar (the \
         figures are in monthly.csv), so that leavers and intakes show as service over the \
         year.",
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
