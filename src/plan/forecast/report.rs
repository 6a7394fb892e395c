//! The forecast report: per channel a chart of the last four weeks of history and the forecast
//! with its 80% band (hourly totals), and the holiday and event effects used.

use super::{ForecastSet, Method};
use crate::model::import::History;
use crate::plan::charts::history_and_forecast;
use crate::plan::html::Report;

/// Sum consecutive groups of `k` values.
fn hourly(v: &[f64], k: usize) -> Vec<f64> {
    v.chunks(k.max(1)).map(|c| c.iter().sum()).collect()
}

/// The report as HTML text.
pub fn html(history: &History, f: &ForecastSet) -> String {
    let per_hour = (60 / f.interval_minutes.min(60)) as usize;
    let mut r = Report::new("Demand forecast");
    r.facts(&[
        ("history", history.path.display().to_string()),
        (
            "history dates",
            format!("{} to {}", history.first_day, history.last_day()),
        ),
        ("forecast", format!("{} days from {}", f.days, f.start)),
        ("method", f.method.label().to_string()),
    ]);
    for (name, p) in &f.channels {
        let Some(s) = history.channel(name) else {
            continue;
        };
        r.section(
            &format!("Channel {name}"),
            "Calls per hour: the last four weeks of history, then the forecast and its 80% band.",
        );
        let recent: Vec<f64> = s
            .days
            .iter()
            .rev()
            .take(28)
            .rev()
            .flat_map(|d| {
                d.clone()
                    .unwrap_or_else(|| vec![f64::NAN; history.per_day()])
            })
            .collect();
        let fc: Vec<(f64, f64, f64)> = hourly(&p.point, per_hour)
            .into_iter()
            .zip(hourly(&p.lower, per_hour))
            .zip(hourly(&p.upper, per_hour))
            .map(|((a, b), c)| (a, b, c))
            .collect();
        r.chart(history_and_forecast(
            &format!("{name}: calls per hour"),
            "calls per hour",
            &hourly(&recent, per_hour),
            &fc,
            24,
        ));
        if f.method == Method::MstlEts && !p.effects.by_name.is_empty() {
            let rows: Vec<Vec<String>> = p
                .effects
                .by_name
                .iter()
                .map(|(k, (m, n))| vec![k.clone(), format!("{m:.2}"), n.to_string()])
                .collect();
            r.table(
                &["holiday or event", "multiplier", "times in history"],
                &rows,
            );
        }
    }
    r.finish()
}
