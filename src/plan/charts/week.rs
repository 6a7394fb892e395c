//! Charts over the hours of the week: lines per series with day boundaries, and required
//! against rostered staff as step lines.

use super::{
    Area, Chart, DAYS, FAINT, FONT, GRID, INK, LABEL, Look, Marker, Res, SHORT, SMALL, Sample,
    WIDE, frame, look, mark, render, stroke, y_bottom, y_tick, y_top,
};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;

/// The plot area of a chart over the week: y from 0 to `top`, x over `x` hours of the week.
/// The whole week shows day boundaries and names; a short span (a look-ahead of a few hours)
/// shows its own hours, labelled "Fri 18:00".
#[allow(clippy::too_many_arguments)]
fn week_axes<'a, 'b>(
    area: &'a Area<'b>,
    root: &Area<'b>,
    y_label: &str,
    x: (f64, f64),
    week_h: f64,
    y: (f64, f64),
    share: bool,
    right: u32,
) -> Result<Chart<'a, 'b>, Box<dyn Error>> {
    let (bottom, top) = y;
    let whole = x.0 <= 0.0 && x.1 >= week_h;
    let mut chart = ChartBuilder::on(area)
        .margin_right(right)
        .x_label_area_size(50)
        .y_label_area_size(84)
        .build_cartesian_2d(x.0..x.1, bottom..top)?;
    let fmt = |v: &f64| y_tick(*v, share, top - bottom);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&fmt)
        .y_desc(y_label)
        .x_desc(if whole {
            "hour of the week (lines at midnight; faint lines at 06:00, 12:00, 18:00)"
        } else {
            "time of the week"
        })
        .axis_desc_style((FONT, LABEL).into_font().color(&INK))
        .label_style((FONT, SMALL).into_font().color(&INK))
        .bold_line_style(FAINT)
        .light_line_style(WHITE)
        .draw()?;
    if !whole {
        // A line and a label every hour (every 3 hours past 12 hours).
        let step = if x.1 - x.0 > 12.0 { 3.0 } else { 1.0 };
        let mut h = (x.0 / step).ceil() * step;
        while h <= x.1 + 1e-9 {
            chart.draw_series(std::iter::once(PathElement::new(
                vec![(h, bottom), (h, top)],
                FAINT,
            )))?;
            let (px, py) = chart.backend_coord(&(h, bottom));
            root.draw(&Text::new(
                crate::plan::report::time_of_week(h * 3600.0),
                (px, py + 8),
                (FONT, SMALL)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
            h += step;
        }
        return Ok(chart);
    }
    let mut h = 6.0;
    while h < week_h {
        let color = if (h % 24.0).abs() < 1e-9 { GRID } else { FAINT };
        chart.draw_series(std::iter::once(PathElement::new(
            vec![(h, bottom), (h, top)],
            color,
        )))?;
        h += 6.0;
    }
    let days = (week_h / 24.0).round() as usize;
    for (d, day) in DAYS.iter().enumerate().take(days) {
        let (x, y) = chart.backend_coord(&(d as f64 * 24.0 + 12.0, bottom));
        root.draw(&Text::new(
            *day,
            (x, y + 8),
            (FONT, LABEL)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    Ok(chart)
}

/// The hours of the week the series have figures for, when that is under two days (a
/// look-ahead from a live state); `None` for a run that covers the week.
fn short_span<S>(series: &[(S, Vec<f64>)], interval_h: f64) -> Option<(f64, f64)> {
    let filled = |i: &usize| {
        series
            .iter()
            .any(|s| s.1.get(*i).is_some_and(|v| v.is_finite()))
    };
    let n = series.iter().map(|s| s.1.len()).max().unwrap_or(0);
    let first = (0..n).find(filled)?;
    let last = (0..n).rev().find(filled)?;
    let (a, b) = (first as f64 * interval_h, (last + 1) as f64 * interval_h);
    (b - a < 48.0).then_some((a, b))
}

fn runs(values: &[f64], interval_h: f64) -> Vec<Vec<(f64, f64)>> {
    let mut out: Vec<Vec<(f64, f64)>> = vec![];
    let mut cur = vec![];
    for (i, &v) in values.iter().enumerate() {
        if v.is_finite() {
            cur.push(((i as f64 + 0.5) * interval_h, v));
        } else if !cur.is_empty() {
            out.push(std::mem::take(&mut cur));
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
    out
}

/// A line in chart coordinates in a look, with its marker every `every` points.
fn line<'a, 'b>(chart: &Chart<'a, 'b>, pts: &[(f64, f64)], l: Look, every: usize) -> Res {
    let area = chart.plotting_area();
    let px: Vec<(i32, i32)> = pts.iter().map(|p| chart.backend_coord(p)).collect();
    // Plotting-area coordinates are relative to its top-left corner.
    let (xr, yr) = area.get_pixel_range();
    let rel: Vec<(i32, i32)> = px
        .iter()
        .map(|&(x, y)| (x - xr.start, y - yr.start))
        .collect();
    let strip = area.strip_coord_spec();
    stroke(&strip, rel.clone(), l)?;
    if l.marker != Marker::None {
        for p in rel.iter().skip(every / 2).step_by(every.max(1)) {
            mark(&strip, *p, l)?;
        }
    }
    Ok(())
}

/// Horizontal target line with its label at the right.
/// The target's label goes in the right margin, clear of the data.
fn target_line<'a, 'b>(
    chart: &Chart<'a, 'b>,
    root: &Area<'b>,
    week_h: f64,
    t: f64,
    share: bool,
) -> Res {
    let area = chart.plotting_area();
    area.draw(&DashedPathElement::new(
        vec![(0.0, t), (week_h, t)],
        4,
        4,
        INK.stroke_width(1),
    ))?;
    let label = if share {
        format!("target {:.0}%", 100.0 * t)
    } else {
        format!("target {t}")
    };
    let (x, y) = chart.backend_coord(&(week_h, t));
    root.draw(&Text::new(
        label,
        (x + 6, y),
        (FONT, SMALL)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(())
}

/// One line per series across the week (Monday 00:00 to Sunday 24:00), with day boundaries
/// marked and an optional horizontal target line.
///
/// `series`: (name, one value per KPI interval of the week); `interval_s`: the interval length
/// in seconds; `y_is_share`: values are shares in 0..1, shown as percentages; `target`: e.g.
/// `Some(0.9)` for a 90% service-level target.
pub fn week_lines<S: AsRef<str>>(
    title: &str,
    y_label: &str,
    series: &[(S, Vec<f64>)],
    interval_s: f64,
    y_is_share: bool,
    target: Option<f64>,
) -> String {
    let interval_h = interval_s / 3600.0;
    let n = series.iter().map(|s| s.1.len()).max().unwrap_or(0);
    let week_h = (n as f64 * interval_h).max(24.0);
    let values = || series.iter().flat_map(|s| s.1.iter().copied());
    let y = (
        y_bottom(values(), target, y_is_share),
        y_top(values(), target, y_is_share),
    );
    let legend: Vec<(String, Sample)> = series
        .iter()
        .enumerate()
        .map(|(k, s)| (s.0.as_ref().to_string(), Sample::Line(look(k))))
        .collect();
    // A marker every 6 hours.
    let every = ((6.0 / interval_h).round() as usize).max(1);
    render(WIDE, |root| {
        let area = frame(root, title, if series.len() > 1 { &legend } else { &[] })?;
        let right = if target.is_some() { 110 } else { 20 };
        let x = short_span(series, interval_h).unwrap_or((0.0, week_h));
        let chart = week_axes(&area, root, y_label, x, week_h, y, y_is_share, right)?;
        if let Some(t) = target {
            target_line(&chart, root, week_h, t, y_is_share)?;
        }
        for (k, s) in series.iter().enumerate() {
            for run in runs(&s.1, interval_h) {
                line(&chart, &run, look(k), every)?;
            }
        }
        Ok(())
    })
}

/// Two step lines over the week: staff required and staff rostered per interval, with any
/// shortfall (required above rostered) shaded.
pub fn required_vs_rostered(
    title: &str,
    required: &[f64],
    rostered: &[f64],
    interval_s: f64,
) -> String {
    let interval_h = interval_s / 3600.0;
    let n = required.len().max(rostered.len());
    let week_h = (n as f64 * interval_h).max(24.0);
    let top = y_top(required.iter().chain(rostered).copied(), None, false);
    let req_look = Look {
        color: INK,
        dash: Some((7, 4)),
        marker: Marker::None,
    };
    let ros_look = look(0);
    let legend = vec![
        ("rostered".to_string(), Sample::Line(ros_look)),
        ("required".to_string(), Sample::Line(req_look)),
        ("shortfall".to_string(), Sample::Box(SHORT, INK)),
    ];
    let steps = |v: &[f64]| -> Vec<Vec<(f64, f64)>> {
        let mut out: Vec<Vec<(f64, f64)>> = vec![];
        let mut cur = vec![];
        for (i, &y) in v.iter().enumerate() {
            if y.is_finite() {
                cur.push((i as f64 * interval_h, y));
                cur.push(((i + 1) as f64 * interval_h, y));
            } else if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
        out
    };
    render(WIDE, |root| {
        let area = frame(root, title, &legend)?;
        let chart = week_axes(
            &area,
            root,
            "handlers (on duty, after breaks)",
            (0.0, week_h),
            week_h,
            (0.0, top),
            false,
            20,
        )?;
        let mut chart = chart;
        chart.draw_series(
            required
                .iter()
                .zip(rostered)
                .enumerate()
                .filter(|(_, (q, r))| q.is_finite() && r.is_finite() && q > r)
                .map(|(i, (&q, &r))| {
                    Rectangle::new(
                        [(i as f64 * interval_h, r), ((i + 1) as f64 * interval_h, q)],
                        SHORT.filled(),
                    )
                }),
        )?;
        for run in steps(rostered) {
            line(&chart, &run, ros_look, usize::MAX)?;
        }
        for run in steps(required) {
            line(&chart, &run, req_look, usize::MAX)?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod span_tests {
    use super::*;

    #[test]
    fn a_few_hours_of_figures_are_charted_over_those_hours() {
        let mut v = vec![f64::NAN; 672];
        for x in v.iter_mut().skip(4 * 96 + 72).take(12) {
            *x = 0.9;
        }
        let series = vec![("999", v)];
        assert_eq!(short_span(&series, 0.25), Some((114.0, 117.0)));
        let full = vec![("999", vec![0.9; 672])];
        assert_eq!(short_span(&full, 0.25), None);
        let svg = week_lines("SL", "share", &series, 900.0, true, Some(0.9));
        assert!(
            svg.contains("Fri 18:00") && svg.contains("Fri 21:00"),
            "hour labels"
        );
        assert!(!svg.contains("\nMon\n"), "no week of day names");
        let week = week_lines("SL", "share", &full, 900.0, true, Some(0.9));
        assert!(
            week.contains("\nMon\n"),
            "the whole week keeps its day names"
        );
    }
}
