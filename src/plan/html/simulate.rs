//! The report of `controlroom simulate`, and the harrowing-exposure section any report can add.
//! Per-interval figures pool every replication's merged bins, as `intervals.csv` does.

use super::{Report, facts};
use crate::plan::charts;
use crate::plan::kpi::{self, Kpi, Row, Scope};
use crate::plan::report::{merged_channel_bins, merged_cover, merged_group_bins};
use crate::plan::staffing;
use crate::sim::{Config, Replication};

/// Add the harrowing-exposure section: (group, mean, maximum harrowing contacts per handler
/// per shift). Adds nothing when `groups` is empty (the engine does not count them yet).
pub fn harrowing_section<S: AsRef<str>>(report: &mut Report, groups: &[(S, f64, f64)]) {
    if groups.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|g| {
            let (mean, max) = (charts::exposure_figure(g.1), charts::exposure_figure(g.2));
            vec![g.0.as_ref().to_string(), mean, max]
        })
        .collect();
    report
        .section(
            "Harrowing exposure",
            "How many harrowing contacts (e.g. a death, a child at risk, a threat to life) a \
             handler takes in a shift: the mean per handler per shift and the most any handler \
             took in one shift (averaged over the replications). High maxima are where to plan \
             decompression and peer support.",
        )
        .chart(charts::harrowing_exposure(
            "Harrowing contacts per handler per shift",
            groups,
        ))
        .table(
            &["staff group", "mean per shift", "maximum in a shift"],
            &rows,
        );
}

fn fixed(x: f64, decimals: usize) -> String {
    if x.is_finite() {
        format!("{x:.decimals$}")
    } else {
        "–".into()
    }
}

fn pct(x: f64) -> String {
    if x.is_finite() {
        format!("{:.1}%", 100.0 * x)
    } else {
        "–".into()
    }
}

fn seconds(x: f64) -> String {
    if !x.is_finite() {
        "–".into()
    } else if x >= 5400.0 {
        format!("{:.1} h", x / 3600.0)
    } else if x >= 120.0 {
        format!("{:.1} min", x / 60.0)
    } else {
        format!("{x:.1} s")
    }
}

/// A duration in seconds as words: "10 s", "5 min", "24 h".
pub(super) fn threshold(s: f64) -> String {
    if s >= 3600.0 && (s % 3600.0).abs() < 1e-9 {
        format!("{} h", s / 3600.0)
    } else if s >= 60.0 && (s % 60.0).abs() < 1e-9 {
        format!("{} min", s / 60.0)
    } else {
        format!("{s} s")
    }
}

/// The mean of a KPI row, NaN if absent.
fn mean(rows: &[Row], scope: Scope, name: &str, kpi: Kpi) -> Est {
    rows.iter()
        .find(|r| r.scope == scope && r.name == name && r.kpi == kpi)
        .map(|r| {
            let e = r.estimate();
            Est {
                mean: e.mean,
                low: e.low(),
                high: e.high(),
            }
        })
        .unwrap_or(Est {
            mean: f64::NAN,
            low: f64::NAN,
            high: f64::NAN,
        })
}

/// Mean and 95% CI bounds of a KPI (NaN when undefined).
struct Est {
    mean: f64,
    low: f64,
    high: f64,
}

/// "✓ met", "✗ not met" or "≈ too close to call" for a service level against its target,
/// judged on the 95% confidence interval when there is one.
fn verdict(e: &Est, target: f64) -> String {
    if !e.mean.is_finite() {
        "–".into()
    } else if e.low.is_finite() && e.high.is_finite() && e.low < target && target <= e.high {
        "≈ too close to call".into()
    } else if e.mean >= target {
        "✓ met".into()
    } else {
        "✗ not met".into()
    }
}

/// The report of `controlroom simulate`: run facts, headline tables, and per-interval charts
/// of service level, abandonment, queue length, occupancy and handlers on duty. Returns the
/// builder so a caller can add sections before [`Report::finish`].
/// Required handlers (the Erlang A estimate for each interval, staff pooled) against the
/// handlers the rota puts on duty: a first look; `controlroom staff` refines it by simulation.
fn required_section(r: &mut Report, cfg: &Config, group_values: &[(String, Vec<[f64; 4]>)]) {
    let opts = staffing::StaffingOptions::default();
    let Ok(targets) = staffing::targets(cfg, &opts) else {
        return;
    };
    let required: Vec<f64> = staffing::erlang_start(cfg, &targets, opts.max_handlers)
        .into_iter()
        .map(f64::from)
        .collect();
    let rostered: Vec<f64> = (0..required.len())
        .map(|i| {
            group_values
                .iter()
                .map(|(_, v)| v.get(i).map_or(f64::NAN, |x| x[1]))
                .sum()
        })
        .collect();
    r.section(
        "Required against rostered",
        "Handlers needed in each hour to meet every channel's service level, estimated with          Erlang A (staff pooled, steady state), against the handlers the rota has on duty.          `controlroom staff` refines the requirement by simulation.",
    )
    .chart(charts::required_vs_rostered(
        "Handlers on duty: required (Erlang A) and rostered",
        &required,
        &rostered,
        cfg.kpi_interval_s,
    ));
}

pub fn simulate_report(
    model_name: &str,
    cfg: &Config,
    reps: &[Replication],
    rows: &[Row],
) -> Report {
    let mut r = Report::new(&format!("Simulation report: {model_name}"));
    let counted_s = (cfg.horizon_s - cfg.warmup_s).max(0.0);
    let weeks = counted_s / crate::sim::config::WEEK_S;
    let interval_min = cfg.kpi_interval_s / 60.0;
    let mut facts = vec![
        ("Model", model_name.to_string()),
        ("Replications", reps.len().to_string()),
        ("Horizon", facts::horizon_words(cfg)),
    ];
    facts.extend(facts::dates_words(cfg).map(|d| ("Dates", d)));
    facts.extend(crate::plan::dates::periods_label(cfg).map(|p| ("Periods", p)));
    facts.extend([
        ("Seed", cfg.seed.to_string()),
        (
            "KPI interval",
            format!("{interval_min} min (results fold onto one week, Monday 00:00 first)"),
        ),
        (
            "Figures",
            "mean over replications, ± half-width of the 95% confidence interval".into(),
        ),
    ]);
    r.facts(&facts);
    headline(&mut r, cfg, rows, weeks);

    let cover = merged_cover(reps);
    let channel_series: Vec<(String, Vec<[f64; 17]>)> = cfg
        .channels
        .iter()
        .enumerate()
        .map(|(c, ch)| {
            let bins = merged_channel_bins(reps, c);
            let v = cover
                .iter()
                .zip(&bins)
                .map(|(&cv, b)| {
                    if cv > 0.0 {
                        kpi::channel_values(b, cv)
                    } else {
                        [f64::NAN; 17]
                    }
                })
                .collect();
            (ch.name.clone(), v)
        })
        .collect();
    let pick = |k: usize| -> Vec<(String, Vec<f64>)> {
        channel_series
            .iter()
            .map(|(n, v)| (n.clone(), v.iter().map(|x| x[k]).collect()))
            .collect()
    };
    let iv = cfg.kpi_interval_s;

    r.section(
        "Service level by hour of the week",
        "Share of contacts answered within each channel's threshold, by the interval in which \
         they arrived, pooling every replication. The dashed line is the channel's target.",
    );
    for (c, ch) in cfg.channels.iter().enumerate() {
        let series = vec![(
            ch.name.clone(),
            channel_series[c].1.iter().map(|x| x[7]).collect(),
        )];
        r.chart(charts::week_lines(
            &format!(
                "{}: answered within {}",
                ch.name,
                threshold(ch.sl_threshold_s)
            ),
            "service level (%)",
            &series,
            iv,
            true,
            Some(ch.sl_target),
        ));
    }

    r.section(
        "Abandonment by hour of the week",
        "Share of resolved contacts whose caller hung up before being answered.",
    )
    .chart(charts::week_lines(
        "Abandonment rate",
        "abandoned (% of resolved)",
        &pick(4),
        iv,
        true,
        None,
    ));

    r.section(
        "Queue length by hour of the week",
        "Mean number of contacts waiting, one chart per channel since their scales differ \
         (deferrable digital work queues for hours by design).",
    );
    for (name, values) in pick(10) {
        let title = format!("{name}: mean number waiting");
        r.chart(charts::week_lines(
            &title,
            "contacts waiting",
            &[(name, values)],
            iv,
            false,
            None,
        ));
    }

    let group_values: Vec<(String, Vec<[f64; 4]>)> = cfg
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let bins = merged_group_bins(reps, g);
            (
                group.name.clone(),
                bins.iter()
                    .zip(&cover)
                    .map(|(b, &c)| {
                        if c > 0.0 {
                            kpi::group_values(b, c)
                        } else {
                            [f64::NAN; 4]
                        }
                    })
                    .collect(),
            )
        })
        .collect();
    let gpick = |k: usize| -> Vec<(String, Vec<f64>)> {
        group_values
            .iter()
            .map(|(n, v)| (n.clone(), v.iter().map(|x| x[k]).collect()))
            .collect()
    };
    r.section(
        "Staff groups by hour of the week",
        "Occupancy is the share of available handlers' time spent on contacts (talk, wrap-up and \
         digital work). Handlers on duty is the mean number available, after shrinkage and breaks.",
    )
    .chart(charts::week_lines(
        "Occupancy",
        "occupancy (%)",
        &gpick(0),
        iv,
        true,
        None,
    ))
    .chart(charts::week_lines(
        "Handlers on duty",
        "handlers available (mean)",
        &gpick(1),
        iv,
        false,
        None,
    ));
    required_section(&mut r, cfg, &group_values);
    super::months::monthly_section(&mut r, cfg, reps);
    if cfg.channels.iter().any(|c| c.harrowing_share > 0.0) {
        let exposure: Vec<(&str, f64, f64)> = cfg
            .groups
            .iter()
            .map(|g| {
                let mean = kpi::find(rows, &g.name, Kpi::HarrowingPerShiftMean)
                    .map_or(f64::NAN, |r| r.estimate().mean);
                let max = kpi::find(rows, &g.name, Kpi::HarrowingPerShiftMax)
                    .map_or(f64::NAN, |r| r.estimate().mean);
                (g.name.as_str(), mean, max)
            })
            .collect();
        harrowing_section(&mut r, &exposure);
    }
    r
}

/// The headline tables: per channel, then per staff group.
fn headline(r: &mut Report, cfg: &Config, rows: &[Row], weeks: f64) {
    // Counts per week for runs of a week or more; a shorter run's counts are its own total.
    let (per, unit) = if weeks >= 1.0 {
        (weeks, " / week".to_string())
    } else {
        (1.0, format!(" in {} h", fixed(weeks * 168.0, 0)))
    };
    let per_week = |x: f64| x / per;
    let ch_rows: Vec<Vec<String>> = cfg
        .channels
        .iter()
        .map(|ch| {
            let get = |k| mean(rows, Scope::Channel, &ch.name, k);
            let sl = get(Kpi::ServiceLevel);
            let sl_text = if sl.low.is_finite() {
                format!("{} ± {:.1}", pct(sl.mean), 100.0 * (sl.high - sl.mean))
            } else {
                pct(sl.mean)
            };
            vec![
                ch.name.clone(),
                fixed(per_week(get(Kpi::Offered).mean), 0),
                fixed(per_week(get(Kpi::Answered).mean), 0),
                pct(get(Kpi::AbandonRate).mean),
                seconds(get(Kpi::WaitMean).mean),
                seconds(get(Kpi::WaitP90).mean),
                sl_text,
                format!(
                    "{} in {}",
                    pct(ch.sl_target).replace(".0%", "%"),
                    threshold(ch.sl_threshold_s)
                ),
                verdict(&sl, ch.sl_target),
            ]
        })
        .collect();
    r.section(
        "Headline figures",
        "Counts are per week (or for the whole counted period when it is shorter; the terminal \
         and summary.csv give run totals, with per-week figures beside them); rates, waits \
         and service levels are means over replications. The target is judged on the 95% \
         confidence interval: too close to call means the interval contains the target.",
    )
    .table(
        &[
            "channel",
            &format!("offered{unit}"),
            &format!("answered{unit}"),
            "abandonment rate",
            "mean wait (answered)",
            "p90 wait",
            "service level",
            "target",
            "met?",
        ],
        &ch_rows,
    );
    let g_rows: Vec<Vec<String>> = cfg
        .groups
        .iter()
        .map(|g| {
            let get = |k| mean(rows, Scope::Group, &g.name, k);
            let occ = get(Kpi::Occupancy);
            vec![
                g.name.clone(),
                if occ.low.is_finite() {
                    format!("{} ± {:.1}", pct(occ.mean), 100.0 * (occ.high - occ.mean))
                } else {
                    pct(occ.mean)
                },
                fixed(get(Kpi::HandlersOnDutyMean).mean, 1),
                fixed(per_week(get(Kpi::StaffedHours).mean), 0),
            ]
        })
        .collect();
    r.table(
        &[
            "staff group",
            "occupancy",
            "handlers available (mean)",
            &format!("staffed hours{unit}"),
        ],
        &g_rows,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn harrowing_section_only_with_data() {
        let mut r = Report::new("t");
        harrowing_section::<&str>(&mut r, &[]);
        assert!(!r.finish().contains("Harrowing"));
        harrowing_section(&mut r, &[("999 desk", 1.5, 6.1)]);
        let html = r.finish();
        assert!(html.contains("<h2>Harrowing exposure</h2>") && html.contains("<svg"));
        // The bar label and the table give the maximum the same way.
        assert!(html.contains("<td>6.1</td>"), "the table's maximum");
        assert!(html.contains(">\n6.1\n</text>"), "the bar's label");
        assert!(!html.contains("<td>6</td>"));
    }

    #[test]
    fn verdicts_use_the_confidence_interval() {
        let e = |mean, low, high| Est { mean, low, high };
        assert_eq!(verdict(&e(0.92, 0.91, 0.93), 0.9), "✓ met");
        assert_eq!(verdict(&e(0.85, 0.83, 0.87), 0.9), "✗ not met");
        assert_eq!(verdict(&e(0.89, 0.87, 0.91), 0.9), "≈ too close to call");
        assert_eq!(verdict(&e(0.95, f64::NAN, f64::NAN), 0.9), "✓ met");
        assert_eq!(threshold(10.0), "10 s");
        assert_eq!(threshold(86_400.0), "24 h");
        assert_eq!(seconds(30.0), "30.0 s");
    }
}
