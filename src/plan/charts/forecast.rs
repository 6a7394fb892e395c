//! A forecast chart: recent history, then the forecast with its 80% band shaded.

use super::{FONT, INK, LABEL, SMALL, Sample, WIDE, frame, look, render};
use plotters::prelude::*;

/// History then forecast on one time axis in days (0 = the forecast's first day).
///
/// `history`: values per point before the start (the last is just before day 0);
/// `forecast`: (point, lower, upper) per point from day 0; `points_per_day`: e.g. 24 for hourly.
pub fn history_and_forecast(
    title: &str,
    y_label: &str,
    history: &[f64],
    forecast: &[(f64, f64, f64)],
    points_per_day: usize,
) -> String {
    let per = points_per_day.max(1) as f64;
    let x0 = -(history.len() as f64) / per;
    let x1 = (forecast.len() as f64 / per).max(1.0);
    let top = history
        .iter()
        .copied()
        .chain(forecast.iter().map(|f| f.2))
        .filter(|v| v.is_finite())
        .fold(1.0_f64, f64::max)
        * 1.08;
    let hist_look = look(4);
    let fc_look = look(0);
    let band = RGBColor(0xC9, 0xDB, 0xEE);
    let legend = vec![
        ("history".to_string(), Sample::Line(hist_look)),
        ("forecast".to_string(), Sample::Line(fc_look)),
        ("80% band".to_string(), Sample::Box(band, band)),
    ];
    render(WIDE, |root| {
        let area = frame(root, title, &legend)?;
        let mut chart = ChartBuilder::on(&area)
            .margin(10)
            .x_label_area_size(40)
            .y_label_area_size(70)
            .build_cartesian_2d(x0..x1, 0.0..top)?;
        chart
            .configure_mesh()
            .x_desc("days from the forecast start")
            .y_desc(y_label)
            .label_style((FONT, SMALL).into_font().color(&INK))
            .axis_desc_style((FONT, LABEL).into_font().color(&INK))
            .light_line_style(WHITE)
            .draw()?;
        let xs = |k: usize, off: f64| k as f64 / per + off;
        let mut poly: Vec<(f64, f64)> = forecast
            .iter()
            .enumerate()
            .map(|(k, f)| (xs(k, 0.0), f.2))
            .collect();
        poly.extend(
            forecast
                .iter()
                .enumerate()
                .rev()
                .map(|(k, f)| (xs(k, 0.0), f.1)),
        );
        chart.draw_series(std::iter::once(Polygon::new(poly, band.filled())))?;
        chart.draw_series(LineSeries::new(
            history.iter().enumerate().map(|(k, v)| (xs(k, x0), *v)),
            hist_look.color.stroke_width(1),
        ))?;
        chart.draw_series(LineSeries::new(
            forecast.iter().enumerate().map(|(k, f)| (xs(k, 0.0), f.0)),
            fc_look.color.stroke_width(2),
        ))?;
        Ok(())
    })
}
