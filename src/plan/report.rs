//! Reports of a run: `summary.csv`, `intervals.csv`, `occupancy.csv` (with each interval's
//! calendar date in a dated run), and the terminal table (`workforce.csv` is in `workforce`).
//! Every function returns text; the caller writes it (atomically).

use super::dates;
use super::kpi::{self, CHANNEL_KPIS, Kpi, Row, Scope};
use crate::sim::tracker::{ChannelBin, GroupBin};

use crate::sim::{Config, Replication};
use std::fmt::Write;

/// A CSV field: quoted (quotes doubled) when it holds a comma, quote or line break.
pub fn csv_field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

/// A number for a CSV cell: up to 6 decimals, no trailing zeros; empty when undefined.
pub fn cell(x: f64) -> String {
    if !x.is_finite() {
        return String::new();
    }
    let s = format!("{x:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" { "0".into() } else { s.into() }
}

/// Append one CSV record, quoting fields that need it.
pub fn csv_line(out: &mut String, fields: &[String]) {
    let quoted: Vec<String> = fields
        .iter()
        .map(|f| {
            if f.contains([',', '"', '\n']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f.clone()
            }
        })
        .collect();
    out.push_str(&quoted.join(","));
    out.push('\n');
}

/// Counted weeks of a run, when it is a week or more (None: a shorter run's counts are only
/// its own totals, and a per-week figure would be an extrapolation).
pub fn counted_weeks(cfg: &Config) -> Option<f64> {
    let weeks = (cfg.horizon_s - cfg.warmup_s).max(0.0) / crate::sim::config::WEEK_S;
    (weeks >= 1.0 - 1e-9).then_some(weeks)
}

/// Whether a KPI is a total over the run (counts and hours), so that it has a per-week figure.
fn is_total(kpi: Kpi) -> bool {
    kpi.is_count() || kpi.kind() == kpi::Kind::Hours
}

/// `summary.csv`: one row per channel or group KPI with its mean and 95% CI. Counts and hours
/// are totals over the counted run; `mean_per_week` divides them by the counted weeks (empty
/// for shares, waits and means, and for runs shorter than a week). A dated run adds `dates`:
/// the local times a row covers (the counted run, or a report window's occurrences).
pub fn summary_csv(cfg: &Config, rows: &[Row]) -> String {
    let weeks = counted_weeks(cfg);
    let mut out = String::new();
    csv_line(
        &mut out,
        &[
            "scope",
            "name",
            "kpi",
            "mean",
            "ci95_low",
            "ci95_high",
            "ci95_half_width",
            "replications",
            "mean_per_week",
        ]
        .map(String::from),
    );
    let spans = dated_spans(cfg);
    if spans.is_some() {
        out.insert_str(out.len() - 1, ",dates");
    }
    for r in rows {
        let e = r.estimate();
        let mut line = vec![
            r.scope.as_str().into(),
            r.name.clone(),
            r.kpi.name().into(),
            cell(e.mean),
            cell(e.low()),
            cell(e.high()),
            cell(e.half_width),
            e.n.to_string(),
            match weeks {
                Some(w) if is_total(r.kpi) => cell(e.mean / w),
                _ => String::new(),
            },
        ];
        if let Some((run, windows)) = &spans {
            let window = windows
                .iter()
                .find(|(w, _)| r.name.ends_with(&format!(" @ {w}")));
            line.push(window.map_or(run, |(_, s)| s).clone());
        }
        csv_line(&mut out, &line);
    }
    out
}

/// A dated run's `dates` cells for `summary.csv`: the counted run, and each report window's
/// spans (None for an undated run).
fn dated_spans(cfg: &Config) -> Option<(String, Vec<(String, String)>)> {
    let words = |s: &[_]| dates::spans_label(s, &dates::stamp).replace(" – ", " to ");
    let run = words(&[dates::counted_span(cfg)?]);
    let windows = cfg
        .windows
        .iter()
        .map(|(name, iv)| (name.clone(), words(&dates::window_spans(cfg, iv))))
        .collect();
    Some((run, windows))
}

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Day name and "HH:MM" of a KPI interval of the week.
pub fn interval_label(i: usize, interval_s: f64) -> (&'static str, String) {
    let t = i as f64 * interval_s;
    let day = ((t / 86_400.0) as usize).min(6);
    let m = ((t % 86_400.0) / 60.0).round() as u32;
    (DAYS[day], format!("{:02}:{:02}", m / 60, m % 60))
}

/// Channel bins merged across replications, per KPI interval.
pub fn merged_channel_bins(reps: &[Replication], c: usize) -> Vec<ChannelBin> {
    let n = reps
        .first()
        .map(|r| r.tracker.channels[c].len())
        .unwrap_or(0);
    let mut out = vec![ChannelBin::default(); n];
    for r in reps {
        for (o, b) in out.iter_mut().zip(&r.tracker.channels[c]) {
            o.merge(b);
        }
    }
    out
}

/// Group bins merged across replications, per KPI interval.
pub fn merged_group_bins(reps: &[Replication], g: usize) -> Vec<GroupBin> {
    let n = reps.first().map(|r| r.tracker.groups[g].len()).unwrap_or(0);
    let mut out = vec![GroupBin::default(); n];
    for r in reps {
        for (o, b) in out.iter_mut().zip(&r.tracker.groups[g]) {
            o.staffed_s += b.staffed_s;
            o.busy_s += b.busy_s;
        }
    }
    out
}

/// Total counted seconds per KPI interval, across replications.
pub fn merged_cover(reps: &[Replication]) -> Vec<f64> {
    let n = reps.first().map(|r| r.tracker.covered_s.len()).unwrap_or(0);
    let mut out = vec![0.0; n];
    for r in reps {
        for (o, c) in out.iter_mut().zip(&r.tracker.covered_s) {
            *o += c;
        }
    }
    out
}

/// `intervals.csv`: one row per channel per KPI interval of the week, with the same KPI
/// columns as `summary.csv`. Counts are per week, averaged over replications (and over weeks
/// when the run is longer than one); rates and percentiles pool every replication's calls in
/// the interval.
pub fn intervals_csv(cfg: &Config, reps: &[Replication]) -> String {
    let mut out = String::new();
    let mut head: Vec<String> = ["interval", "day", "start"].map(String::from).to_vec();
    if dates::start_date(cfg).is_some() {
        head.extend(dates::COLUMNS.map(String::from));
    }
    head.extend(["channel", "sl_threshold_s"].map(String::from));
    head.extend(CHANNEL_KPIS.iter().map(|k| k.name().to_string()));
    csv_line(&mut out, &head);
    let cover = merged_cover(reps);
    for (c, ch) in cfg.channels.iter().enumerate() {
        let bins = merged_channel_bins(reps, c);
        for (i, b) in bins.iter().enumerate() {
            if cover[i] <= 0.0 {
                continue;
            }
            let weeks = cover[i] / cfg.kpi_interval_s;
            let (day, start) = interval_label(i, cfg.kpi_interval_s);
            let mut row = vec![i.to_string(), day.into(), start];
            row.extend(dates::interval_cells(cfg, i).into_iter().flatten());
            row.extend([ch.name.clone(), cell(ch.sl_threshold_s)]);
            let values = kpi::channel_values(b, cover[i]);
            for (k, v) in CHANNEL_KPIS.iter().zip(values) {
                row.push(cell(if k.is_count() { v / weeks } else { v }));
            }
            csv_line(&mut out, &row);
        }
    }
    out
}

/// `occupancy.csv`: one row per staff group per KPI interval: mean handlers available and
/// the share of their time spent on contacts.
pub fn occupancy_csv(cfg: &Config, reps: &[Replication]) -> String {
    let mut out = String::new();
    let mut head: Vec<String> = ["interval", "day", "start"].map(String::from).to_vec();
    if dates::start_date(cfg).is_some() {
        head.extend(dates::COLUMNS.map(String::from));
    }
    head.extend(["group", "handlers_on_duty_mean", "occupancy"].map(String::from));
    csv_line(&mut out, &head);
    let cover = merged_cover(reps);
    for (g, group) in cfg.groups.iter().enumerate() {
        for (i, b) in merged_group_bins(reps, g).iter().enumerate() {
            if cover[i] <= 0.0 {
                continue;
            }
            let v = kpi::group_values(b, cover[i]);
            let (day, start) = interval_label(i, cfg.kpi_interval_s);
            let mut row = vec![i.to_string(), day.into(), start];
            row.extend(dates::interval_cells(cfg, i).into_iter().flatten());
            row.extend([group.name.clone(), cell(v[1]), cell(v[0])]);
            csv_line(&mut out, &row);
        }
    }
    out
}

/// "Fri 18:00" for a time in seconds from Monday 00:00.
pub fn time_of_week(t: f64) -> String {
    let t = crate::sim::tracker::week_time(t);
    let (day, _) = interval_label((t / 86_400.0) as usize, 86_400.0);
    let m = ((t % 86_400.0) / 60.0).round() as u32;
    format!("{day} {:02}:{:02}", m / 60, m % 60)
}

/// The look-ahead from a live state: interval by interval from the start, per channel,
/// figures pooled over replications (counts are means per replication).
pub fn lookahead_table(cfg: &Config, reps: &[Replication]) -> String {
    let mut out = String::new();
    let cover = merged_cover(reps);
    let n = cover.len();
    let first = crate::sim::tracker::Bins {
        interval_s: cfg.kpi_interval_s,
        count_from: 0.0,
        n,
    }
    .interval(cfg.start_s);
    let order: Vec<usize> = (0..n)
        .map(|k| (first + k) % n)
        .filter(|&i| cover[i] > 0.0)
        .collect();
    let r = reps.len().max(1) as f64;
    let _ = writeln!(
        out,
        "{:<10}{:<10}{:>9}{:>10}{:>11}{:>10}{:>12}{:>13}",
        "interval",
        "channel",
        "offered",
        "answered",
        "abandoned",
        "service",
        "mean wait",
        "mean queue"
    );
    for (c, ch) in cfg.channels.iter().enumerate() {
        let bins = merged_channel_bins(reps, c);
        for &i in &order {
            let v = kpi::channel_values(&bins[i], cover[i]);
            let b = &bins[i];
            let _ = writeln!(
                out,
                "{:<10}{:<10}{:>9.1}{:>10.1}{:>11.1}{:>10}{:>12}{:>13.1}",
                time_of_week(i as f64 * cfg.kpi_interval_s),
                ch.name,
                b.offered as f64 / r,
                b.answered as f64 / r,
                b.abandoned as f64 / r,
                show(Kpi::ServiceLevel, kpi::channel_value(&v, Kpi::ServiceLevel)),
                show(Kpi::WaitMean, kpi::channel_value(&v, Kpi::WaitMean)),
                kpi::channel_value(&v, Kpi::QueueLengthMean),
            );
        }
    }
    out
}

fn show(kpi: Kpi, x: f64) -> String {
    if !x.is_finite() {
        "-".into()
    } else if kpi.is_share() {
        format!("{:.1}%", 100.0 * x)
    } else if x.abs() >= 100.0 {
        format!("{x:.0}")
    } else {
        format!("{x:.1}")
    }
}

fn show_estimate(kpi: Kpi, r: &Row) -> String {
    let e = r.estimate();
    if e.half_width.is_finite() {
        let hw = if kpi.is_share() {
            format!("{:.1}", 100.0 * e.half_width)
        } else {
            show(Kpi::WaitMean, e.half_width)
        };
        format!("{} ± {}", show(kpi, e.mean), hw)
    } else {
        show(kpi, e.mean)
    }
}

/// The terminal summary: channels side by side, then staff groups; mean ± 95% CI half-width.
pub fn summary_table(cfg: &Config, rows: &[Row]) -> String {
    let mut out = String::new();
    let names: Vec<&str> = cfg.channels.iter().map(|c| c.name.as_str()).collect();
    let width = 22;
    let counted = super::notes::duration((cfg.horizon_s - cfg.warmup_s).max(0.0));
    let per_week = if counted_weeks(cfg).is_some() {
        "; per-week figures below"
    } else {
        ""
    };
    let _ = writeln!(
        out,
        "counts and hours are totals over the counted run ({counted}){per_week}"
    );
    let _ = write!(out, "{:<30}", "channel (mean ± 95% CI)");
    for n in &names {
        let _ = write!(out, "{n:>width$}");
    }
    out.push('\n');
    for kpi in CHANNEL_KPIS {
        let label = if kpi == Kpi::ServiceLevel {
            "service level (see below)"
        } else {
            kpi.label()
        };
        let _ = write!(out, "{label:<30}");
        for n in &names {
            let s = kpi::find(rows, n, kpi)
                .map(|r| show_estimate(kpi, r))
                .unwrap_or_default();
            let _ = write!(out, "{s:>width$}");
        }
        out.push('\n');
    }
    if let Some(weeks) = counted_weeks(cfg) {
        for kpi in [
            Kpi::Offered,
            Kpi::Answered,
            Kpi::Abandoned,
            Kpi::CallersLost,
        ] {
            let _ = write!(out, "{:<30}", format!("{} per week", kpi.label()));
            for n in &names {
                let s = kpi::find(rows, n, kpi)
                    .map(|r| show(kpi, r.estimate().mean / weeks))
                    .unwrap_or_default();
                let _ = write!(out, "{s:>width$}");
            }
            out.push('\n');
        }
    }
    for (window, _) in &cfg.windows {
        for (kpi, label) in [
            (Kpi::ServiceLevel, "service level"),
            (Kpi::AbandonRate, "abandonment rate"),
            (Kpi::WaitMean, "mean wait (s)"),
        ] {
            let _ = write!(out, "{:<30}", format!("{window}: {label}"));
            for n in &names {
                let s = kpi::find(rows, &format!("{n} @ {window}"), kpi)
                    .map(|r| show_estimate(kpi, r))
                    .unwrap_or_default();
                let _ = write!(out, "{s:>width$}");
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "{:<30}", "service level threshold / target");
    for ch in &cfg.channels {
        let _ = writeln!(
            out,
            "  {:<28}answered within {} s; target {:.0}%",
            ch.name,
            ch.sl_threshold_s,
            100.0 * ch.sl_target
        );
    }
    let _ = writeln!(
        out,
        "  (judged on contacts that arrived at least one threshold before the end of the run;\n   \
         later ones are left out and counted as still waiting)"
    );
    out.push('\n');
    let harrowing = cfg.channels.iter().any(|c| c.harrowing_share > 0.0);
    let _ = write!(
        out,
        "{:<30}{:>width$}{:>width$}{:>width$}",
        "staff group", "occupancy", "handlers available", "staffed hours"
    );
    if harrowing {
        let _ = write!(
            out,
            "{:>width$}{:>width$}",
            "harrowing/shift", "most in a shift"
        );
    }
    out.push('\n');
    for g in &cfg.groups {
        let get = |k: Kpi| {
            kpi::find(rows, &g.name, k)
                .filter(|r| r.scope == Scope::Group)
                .map(|r| show_estimate(k, r))
                .unwrap_or_default()
        };
        let _ = write!(
            out,
            "{:<30}{:>width$}{:>width$}{:>width$}",
            g.name,
            get(Kpi::Occupancy),
            get(Kpi::HandlersOnDutyMean),
            get(Kpi::StaffedHours)
        );
        if harrowing {
            let _ = write!(
                out,
                "{:>width$}{:>width$}",
                get(Kpi::HarrowingPerShiftMean),
                get(Kpi::HarrowingPerShiftMax)
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_compact_and_empty_when_undefined() {
        assert_eq!(cell(1.5), "1.5");
        assert_eq!(cell(2.0), "2");
        assert_eq!(cell(0.1234567), "0.123457");
        assert_eq!(cell(f64::NAN), "");
        assert_eq!(cell(-0.0000001), "0");
        assert_eq!(interval_label(0, 3600.0), ("Mon", "00:00".to_string()));
        assert_eq!(interval_label(167, 3600.0), ("Sun", "23:00".to_string()));
        assert_eq!(interval_label(98, 900.0), ("Tue", "00:30".to_string()));
    }
}
