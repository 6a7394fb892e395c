//! A chart over the months of a run: one line per series (e.g. service level per channel),
//! each month's 95% confidence interval as an error bar, months named along the axis, with an
//! optional target line.

use super::{
    FONT, INK, LABEL, Look, Marker, SMALL, Sample, WIDE, frame, look, render, y_bottom, y_tick,
    y_top,
};
use plotters::prelude::*;

/// One series of a month chart: a mean per month and the half-width of its 95% confidence
/// interval (NaN: no error bar that month).
#[derive(Debug, Clone, PartialEq)]
pub struct MonthSeries {
    pub name: String,
    pub mean: Vec<f64>,
    pub ci95: Vec<f64>,
}

impl MonthSeries {
    /// The error bar of month `m`, (low, high), when both the mean and the half-width are
    /// known; shares are kept within 0..1.
    fn bar(&self, m: usize, share: bool) -> Option<(f64, f64)> {
        let (mean, hw) = (*self.mean.get(m)?, *self.ci95.get(m)?);
        if !(mean.is_finite() && hw.is_finite()) {
            return None;
        }
        let (lo, hi) = (mean - hw.abs(), mean + hw.abs());
        Some(if share {
            (lo.max(0.0), hi.min(1.0))
        } else {
            (lo, hi)
        })
    }
}

/// `months`: the month labels; `series`: one line each with its error bars; `y_is_share`:
/// values are shares in 0..1 shown as percentages; `target`: a target line (e.g. `Some(0.9)`).
pub fn month_lines(
    title: &str,
    y_label: &str,
    months: &[String],
    series: &[MonthSeries],
    y_is_share: bool,
    target: Option<f64>,
) -> String {
    let n = months.len().max(1);
    let values = || {
        series.iter().flat_map(|s| {
            (0..s.mean.len()).flat_map(move |m| {
                let (lo, hi) = s.bar(m, y_is_share).unwrap_or((f64::NAN, f64::NAN));
                [s.mean[m], lo, hi]
            })
        })
    };
    let (bottom, top) = (
        y_bottom(values(), target, y_is_share),
        y_top(values(), target, y_is_share),
    );
    let mut legend: Vec<(String, Sample)> = if series.len() > 1 {
        series
            .iter()
            .enumerate()
            .map(|(k, s)| (s.name.clone(), Sample::Line(look(k))))
            .collect()
    } else {
        vec![]
    };
    if series
        .iter()
        .any(|s| (0..n).any(|m| s.bar(m, y_is_share).is_some()))
    {
        let whisker = Look {
            color: INK,
            dash: None,
            marker: Marker::None,
        };
        legend.push(("95% confidence interval".into(), Sample::Line(whisker)));
    }
    // Error bars of several series side by side around each month.
    let dodge = |k: usize| (k as f64 - (series.len() as f64 - 1.0) / 2.0) * 0.08;
    render(WIDE, |root| {
        let area = frame(root, title, &legend)?;
        let mut chart = ChartBuilder::on(&area)
            .margin_right(20)
            .x_label_area_size(50)
            .y_label_area_size(84)
            .build_cartesian_2d(-0.5..(n as f64 - 0.5), bottom..top)?;
        let xfmt = |x: &f64| {
            let k = x.round();
            if (x - k).abs() < 1e-6 && k >= 0.0 {
                months.get(k as usize).cloned().unwrap_or_default()
            } else {
                String::new()
            }
        };
        let yfmt = |v: &f64| y_tick(*v, y_is_share, top - bottom);
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(n.min(24) + 1)
            .x_label_formatter(&xfmt)
            .y_labels(6)
            .y_label_formatter(&yfmt)
            .y_desc(y_label)
            .x_desc("month")
            .axis_desc_style((FONT, LABEL).into_font().color(&INK))
            .label_style((FONT, SMALL).into_font().color(&INK))
            .draw()?;
        if let Some(t) = target {
            chart.draw_series(LineSeries::new(
                [(-0.5, t), (n as f64 - 0.5, t)],
                RGBColor(0x88, 0x88, 0x88).stroke_width(1),
            ))?;
        }
        for (k, s) in series.iter().enumerate() {
            let l = look(k);
            let pts: Vec<(f64, f64)> = s
                .mean
                .iter()
                .enumerate()
                .filter(|(_, v)| v.is_finite())
                .map(|(m, &v)| (m as f64, v))
                .collect();
            chart.draw_series(LineSeries::new(pts.clone(), l.color.stroke_width(2)))?;
            chart.draw_series(pts.into_iter().map(|p| Circle::new(p, 4, l.color.filled())))?;
            let ink = l.color.stroke_width(1);
            for m in 0..s.mean.len() {
                let Some((lo, hi)) = s.bar(m, y_is_share) else {
                    continue;
                };
                let x = m as f64 + dodge(k);
                chart.draw_series([
                    PathElement::new(vec![(x, lo), (x, hi)], ink),
                    PathElement::new(vec![(x - 0.05, lo), (x + 0.05, lo)], ink),
                    PathElement::new(vec![(x - 0.05, hi), (x + 0.05, hi)], ink),
                ])?;
            }
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(name: &str, ci: f64) -> MonthSeries {
        MonthSeries {
            name: name.into(),
            mean: vec![0.91, 0.88, 0.93],
            ci95: vec![ci; 3],
        }
    }

    #[test]
    fn each_month_has_an_error_bar_of_its_half_width() {
        let months: Vec<String> = ["2026-01", "2026-02", "2026-03"].map(String::from).to_vec();
        let chart = |s: &[MonthSeries]| month_lines("SL", "sl", &months, s, true, Some(0.9));
        // Bars are thin strokes in the series' colour (its line is thicker).
        let thin = |svg: &str, colour: &str| {
            svg.matches(&format!("stroke=\"#{colour}\" stroke-width=\"1\""))
                .count()
        };
        let plain = chart(&[series("999", f64::NAN), series("101", f64::NAN)]);
        let svg = chart(&[series("999", 0.02), series("101", 0.03)]);
        // Three strokes (the bar and its two caps) per month and series.
        assert_eq!((thin(&plain, "1F4E79"), thin(&plain, "C44E00")), (0, 0));
        assert_eq!(
            (thin(&svg, "1F4E79"), thin(&svg, "C44E00")),
            (9, 9),
            "{svg}"
        );
        assert!(svg.contains("95% confidence interval") && !plain.contains("95% confidence"));
        // A bar spans mean ± half-width: wider intervals, taller bars.
        let wide = MonthSeries {
            ci95: vec![0.05; 3],
            ..series("999", 0.0)
        };
        assert_eq!(wide.bar(1, true), Some((0.88 - 0.05, 0.88 + 0.05)));
        assert_eq!(
            series("x", 0.2).bar(2, true),
            Some((0.93 - 0.2, 1.0)),
            "shares stop at 100%"
        );
        assert_eq!(series("x", 0.2).bar(3, true), None);
    }
}
