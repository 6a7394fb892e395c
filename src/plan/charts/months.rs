//! A chart over the months of a run: one line per series (e.g. service level per channel),
//! months named along the axis, with an optional dashed target line.

use super::{FONT, INK, LABEL, SMALL, Sample, WIDE, frame, look, render, y_bottom, y_tick, y_top};
use plotters::prelude::*;

/// `months`: the month labels; `series`: (name, one value per month); `y_is_share`: values
/// are shares in 0..1 shown as percentages; `target`: a target line (e.g. `Some(0.9)`).
pub fn month_lines<S: AsRef<str>>(
    title: &str,
    y_label: &str,
    months: &[String],
    series: &[(S, Vec<f64>)],
    y_is_share: bool,
    target: Option<f64>,
) -> String {
    let n = months.len().max(1);
    let values = || series.iter().flat_map(|s| s.1.iter().copied());
    let (bottom, top) = (
        y_bottom(values(), target, y_is_share),
        y_top(values(), target, y_is_share),
    );
    let legend: Vec<(String, Sample)> = series
        .iter()
        .enumerate()
        .map(|(k, s)| (s.0.as_ref().to_string(), Sample::Line(look(k))))
        .collect();
    render(WIDE, |root| {
        let area = frame(root, title, if series.len() > 1 { &legend } else { &[] })?;
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
            let pts: Vec<(f64, f64)> =
                s.1.iter()
                    .enumerate()
                    .filter(|(_, v)| v.is_finite())
                    .map(|(m, &v)| (m as f64, v))
                    .collect();
            chart.draw_series(LineSeries::new(pts.clone(), l.color.stroke_width(2)))?;
            chart.draw_series(pts.into_iter().map(|p| Circle::new(p, 4, l.color.filled())))?;
        }
        Ok(())
    })
}
