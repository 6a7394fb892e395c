//! Report sections for sweeps (variants side by side with error bars) and for the staffing
//! search (required against rostered handlers over the week).

use super::Report;
use crate::plan::charts;
use crate::plan::kpi::Kpi;
use crate::plan::report::interval_label;
use crate::plan::staffing::{self, StaffingResult};
use crate::plan::sweep::results::{Results, headline};

fn pct_or_plain(kpi: Kpi, x: f64) -> String {
    if !x.is_finite() {
        "-".into()
    } else if kpi.is_share() {
        format!("{:.1}%", 100.0 * x)
    } else {
        format!("{x:.1}")
    }
}

/// A sweep: one chart per headline KPI with every variant's estimate and 95% CI, then a
/// table of each variant's paired difference from the base.
pub fn sweep_report(title: &str, results: &Results) -> Report {
    let mut r = Report::new(title);
    r.facts(&[
        ("Variants", results.variants.len().to_string()),
        (
            "Base",
            results
                .variants
                .first()
                .map_or_else(String::new, |v| v.name.clone()),
        ),
        (
            "Replications",
            format!(
                "{} per variant, the same callers in every variant",
                results.replications
            ),
        ),
        (
            "Figures",
            "paired differences from the base (variant − base), with 95% confidence intervals; \
             shares in percentage points (pt)"
                .into(),
        ),
    ]);
    let Some(base) = results.variants.first() else {
        return r;
    };
    r.section(
        "Differences from the base",
        "Each chart shows one KPI: every variant's paired difference from the base (variant − \
         base, replication by replication) with its 95% confidence interval. Every variant sees \
         the same callers, so the difference is far tighter than either figure; an interval \
         that crosses zero is no measurable change. Differences in shares are percentage \
         points (pt). The table gives the figures themselves.",
    );
    for (k, key) in base.keys.iter().enumerate() {
        if !headline(base, base, k) {
            continue;
        }
        let bars: Vec<(String, f64, f64, f64)> = results
            .variants
            .iter()
            .enumerate()
            .skip(1)
            .filter_map(|(v, var)| {
                let kk = var.keys.iter().position(|x| x == key)?;
                let d = results.compare(v, kk).diff?;
                Some((var.name.clone(), d.mean, d.low(), d.high()))
            })
            .collect();
        if bars.is_empty() {
            continue;
        }
        let share = key.kpi.is_share();
        let heading = format!("{} {}: difference from the base", key.name, key.kpi.label());
        let unit = if share {
            "difference (pt)"
        } else {
            "difference"
        };
        r.chart(charts::paired_differences(&heading, unit, &bars, share));
    }
    let mut rows = vec![];
    for (v, var) in results.variants.iter().enumerate().skip(1) {
        for (k, key) in var.keys.iter().enumerate() {
            if !headline(base, var, k) {
                continue;
            }
            let c = results.compare(v, k);
            let Some(d) = c.diff else { continue };
            let mark = if c.significant() { "✓ yes" } else { "no" };
            rows.push(vec![
                var.name.clone(),
                format!("{} {}", key.name, key.kpi.label()),
                pct_or_plain(key.kpi, c.estimate.mean),
                format!(
                    "{} ± {}",
                    charts::difference_label(d.mean, key.kpi.is_share()),
                    charts::difference_label(d.half_width, key.kpi.is_share())
                        .trim_start_matches('+')
                ),
                mark.into(),
            ]);
        }
    }
    r.section(
        "Figures and differences",
        "Each variant's figure, and its paired difference from the base (variant − base) with \
         the 95% confidence half-width; differences in shares are percentage points (pt).",
    );
    r.table(
        &[
            "variant",
            "KPI",
            "estimate",
            "difference from base",
            "significant",
        ],
        &rows,
    );
    r
}

/// The staffing search: required and rostered handlers by interval, the Erlang A start, the
/// totals, and any target that could not be met.
pub fn staffing_report(model_name: &str, s: &StaffingResult) -> Report {
    let mut r = Report::new(&format!("Staffing: {model_name}"));
    let dated = s.days.as_ref().map(|d| {
        (
            "Staffed for",
            format!("{} (UK local time); {}", d.label(), d.holidays_label()),
        )
    });
    let mut facts: Vec<(&str, String)> = dated.into_iter().collect();
    facts.extend([
        (
            "On-duty handler-hours a week",
            format!("{:.0}", s.on_duty_hours),
        ),
        (
            "Paid hours a week",
            format!(
                "{:.0} (on-duty hours ÷ {:.3} availability)",
                s.paid_hours, s.availability
            ),
        ),
        (
            "Current rota",
            format!(
                "{:.0} paid hours, {:.0} available",
                s.rota_paid_hours, s.rota_available_hours
            ),
        ),
        ("Search rounds", s.rounds.len().to_string()),
        (
            "Targets",
            if s.met() {
                "all met".into()
            } else {
                format!("{} interval targets cannot be met", s.unmet.len())
            },
        ),
    ]);
    r.facts(&facts);
    let per_desk = staffing::Desk::per_desk(&s.desks);
    r.section(
        "Required against rostered",
        if per_desk {
            "The fewest handlers on duty in each interval that meet every target, every desk \
             together (each staff group a desk with its skills and routing), against the mean \
             handlers available on the current rota; then each desk's part."
        } else {
            "The fewest handlers on duty in each interval that meet every target (one pooled, \
             multi-skilled group), against the mean handlers available on the current rota."
        },
    );
    let required: Vec<f64> = s.required.iter().map(|&x| x as f64).collect();
    r.chart(charts::required_vs_rostered(
        "Handlers on duty: required and rostered",
        &required,
        &s.rostered,
        s.interval_s,
    ));
    if per_desk {
        let series: Vec<(&str, Vec<f64>)> = s
            .desks
            .iter()
            .map(|d| {
                (
                    d.name.as_str(),
                    d.required.iter().map(|&x| f64::from(x)).collect(),
                )
            })
            .collect();
        r.chart(charts::week_lines(
            "Handlers on duty required, by desk",
            "handlers",
            &series,
            s.interval_s,
            false,
            None,
        ));
    }
    if !s.unmet.is_empty() {
        let rows: Vec<Vec<String>> = s
            .unmet
            .iter()
            .map(|u| vec![staffing::unmet_place(u, s.interval_s), format!("✗ {u}")])
            .collect();
        r.section("Cannot be met", "Targets no staffing within the cap meets.");
        r.table(&["interval", "target"], &rows);
    }
    let rows: Vec<Vec<String>> = (0..s.required.len())
        .map(|i| {
            let (day, start) = interval_label(i, s.interval_s);
            let gap = s.rostered[i] - s.required[i] as f64;
            vec![
                format!("{day} {start}"),
                s.erlang_start[i].to_string(),
                s.required[i].to_string(),
                if s.rostered[i].is_finite() {
                    format!("{:.1}", s.rostered[i])
                } else {
                    "-".into()
                },
                if gap.is_finite() {
                    format!("{gap:+.1}")
                } else {
                    "-".into()
                },
            ]
        })
        .collect();
    r.section(
        "By interval",
        "Erlang A start, the refined answer, the current rota and the gap (rostered − required).",
    );
    r.table(
        &["interval", "Erlang A start", "required", "rostered", "gap"],
        &rows,
    );
    r
}
