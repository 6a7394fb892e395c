//! Charts for HTML reports, drawn with `plotters` into SVG text.
//!
//! Every function takes plain data (names and numbers) and returns one self-contained
//! `<svg>` element as a `String`, ready for [`super::html::Report::chart`]. Text is SVG
//! `<text>` in the reader's sans-serif font, so no font files are needed. Series differ by
//! dash pattern and marker as well as colour, so charts still read when printed in grey.
//! Output is deterministic: the same data gives the same bytes.
//!
//! Values that are undefined (NaN, e.g. a service level in an hour with no calls) leave a gap
//! in a line rather than a misleading zero.

use plotters::coord::Shift;
use plotters::coord::types::RangedCoordf64;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;

type Res = Result<(), Box<dyn Error>>;
type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type Chart<'a, 'b> = ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Width and height of a chart in SVG pixels; the HTML scales it to the page width.
const WIDE: (u32, u32) = (1000, 340);
const FONT: &str = "sans-serif";
/// Font sizes (plotters' units, drawn at about 0.8 of this in SVG pixels).
const TITLE: f64 = 24.0;
const LABEL: f64 = 18.0;
const SMALL: f64 = 17.0;
const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Colour, dash and marker of series `k`: chosen to differ in greyscale too.
#[derive(Clone, Copy)]
struct Look {
    color: RGBColor,
    /// Dash and gap in pixels; None for a solid line.
    dash: Option<(i32, i32)>,
    marker: Marker,
}

#[derive(Clone, Copy, PartialEq)]
enum Marker {
    None,
    Circle,
    Triangle,
    Square,
    Cross,
}

const LOOKS: [Look; 6] = [
    Look {
        color: RGBColor(0x1F, 0x4E, 0x79),
        dash: None,
        marker: Marker::None,
    },
    Look {
        color: RGBColor(0xC4, 0x4E, 0x00),
        dash: Some((9, 5)),
        marker: Marker::Circle,
    },
    Look {
        color: RGBColor(0x00, 0x7A, 0x5A),
        dash: Some((3, 4)),
        marker: Marker::Triangle,
    },
    Look {
        color: RGBColor(0x6A, 0x3D, 0x9A),
        dash: Some((16, 5)),
        marker: Marker::Square,
    },
    Look {
        color: RGBColor(0x80, 0x80, 0x80),
        dash: None,
        marker: Marker::Cross,
    },
    Look {
        color: RGBColor(0xB0, 0x1C, 0x4C),
        dash: Some((6, 3)),
        marker: Marker::None,
    },
];

fn look(k: usize) -> Look {
    LOOKS[k % LOOKS.len()]
}

const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
const GRID: RGBColor = RGBColor(0xD0, 0xD0, 0xD0);
const FAINT: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
const SHORT: RGBColor = RGBColor(0xF2, 0xB8, 0xB0);

/// Draw into a fresh SVG; on a drawing error, an SVG that says so instead of a chart.
fn render(size: (u32, u32), draw: impl for<'a> FnOnce(&Area<'a>) -> Res) -> String {
    let mut buf = String::new();
    let result = {
        let root = SVGBackend::with_string(&mut buf, size).into_drawing_area();
        draw(&root).and_then(|()| root.present().map_err(Into::into))
    };
    match result {
        Ok(()) => buf,
        Err(e) => {
            let mut msg = String::new();
            for c in format!("chart could not be drawn: {e}").chars() {
                match c {
                    '<' => msg.push_str("&lt;"),
                    '>' => msg.push_str("&gt;"),
                    '&' => msg.push_str("&amp;"),
                    c => msg.push(c),
                }
            }
            format!(
                "<svg width=\"{}\" height=\"40\" viewBox=\"0 0 {} 40\" \
                 xmlns=\"http://www.w3.org/2000/svg\"><text x=\"10\" y=\"25\" \
                 font-family=\"sans-serif\">{msg}</text></svg>\n",
                size.0, size.0
            )
        }
    }
}

/// Title on top, then a legend band; returns the area left for the plot.
fn frame<'a>(
    root: &Area<'a>,
    title: &str,
    legend: &[(String, Sample)],
) -> Result<Area<'a>, Box<dyn Error>> {
    root.fill(&WHITE)?;
    let body = root.titled(title, (FONT, TITLE).into_font().color(&INK))?;
    if legend.is_empty() {
        return Ok(body);
    }
    let (band, rest) = body.split_vertically(24);
    let mut x = 70;
    for (name, sample) in legend {
        let y = 11;
        match sample {
            Sample::Line(l) => {
                stroke(&band, vec![(x, y), (x + 34, y)], *l)?;
                mark(&band, (x + 17, y), *l)?;
            }
            Sample::Box(fill, edge) => {
                band.draw(&Rectangle::new(
                    [(x + 4, y - 6), (x + 30, y + 6)],
                    fill.filled(),
                ))?;
                band.draw(&Rectangle::new([(x + 4, y - 6), (x + 30, y + 6)], *edge))?;
            }
        }
        band.draw(&Text::new(
            name.clone(),
            (x + 40, y),
            (FONT, LABEL)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Left, VPos::Center)),
        ))?;
        x += 60 + (name.chars().count() as i32) * 9;
    }
    Ok(rest)
}

/// What a legend entry shows: a line in a series' look, or a filled box (fill, edge).
enum Sample {
    Line(Look),
    Box(RGBColor, RGBColor),
}

/// A polyline in backend coordinates with a look's colour and dash pattern.
fn stroke<'a>(area: &Area<'a>, pts: Vec<(i32, i32)>, l: Look) -> Res {
    let style = l.color.stroke_width(2);
    match l.dash {
        None => area.draw(&PathElement::new(pts, style))?,
        Some((d, g)) => area.draw(&DashedPathElement::new(pts, d, g, style))?,
    }
    Ok(())
}

/// A look's marker at a backend coordinate.
fn mark<'a>(area: &Area<'a>, p: (i32, i32), l: Look) -> Res {
    let s = l.color.stroke_width(2);
    match l.marker {
        Marker::None => {}
        Marker::Circle => area.draw(&Circle::new(p, 4, l.color.filled()))?,
        Marker::Triangle => area.draw(&TriangleMarker::new(p, 6, l.color.filled()))?,
        Marker::Square => area.draw(&Rectangle::new(
            [(p.0 - 4, p.1 - 4), (p.0 + 4, p.1 + 4)],
            l.color.filled(),
        ))?,
        Marker::Cross => area.draw(&Cross::new(p, 5, s))?,
    }
    Ok(())
}

/// Upper end of the y axis: a little above the largest value (and the target), at most 100%
/// for shares that come near it.
fn y_top(values: impl Iterator<Item = f64>, target: Option<f64>, share: bool) -> f64 {
    let max = values
        .chain(target)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    if share && max >= 0.6 {
        1.02
    } else if max <= 0.0 {
        if share { 0.1 } else { 1.0 }
    } else {
        max * 1.12
    }
}

/// Lower end of the y axis for lines: 0, except for shares that all stay at 50% or more
/// (service levels), where the axis starts at the 10% step below them so dips show.
fn y_bottom(values: impl Iterator<Item = f64>, target: Option<f64>, share: bool) -> f64 {
    let min = values
        .chain(target)
        .filter(|v| v.is_finite())
        .fold(f64::INFINITY, f64::min);
    if share && min.is_finite() && min >= 0.5 {
        ((min - 0.05) * 10.0).floor() / 10.0
    } else {
        0.0
    }
}

/// Tick label for a y value on an axis spanning `span`.
fn y_tick(v: f64, share: bool, span: f64) -> String {
    if share {
        if span < 0.1 {
            format!("{:.1}%", 100.0 * v)
        } else {
            format!("{:.0}%", 100.0 * v)
        }
    } else if span < 0.5 {
        format!("{v:.2}")
    } else if span < 5.0 {
        format!("{v:.1}")
    } else {
        format!("{v:.0}")
    }
}

/// The plot area of a chart over the week: y from 0 to `top`, day boundaries and names.
fn week_axes<'a, 'b>(
    area: &'a Area<'b>,
    root: &Area<'b>,
    y_label: &str,
    week_h: f64,
    y: (f64, f64),
    share: bool,
    right: u32,
) -> Result<Chart<'a, 'b>, Box<dyn Error>> {
    let (bottom, top) = y;
    let mut chart = ChartBuilder::on(area)
        .margin_right(right)
        .x_label_area_size(50)
        .y_label_area_size(84)
        .build_cartesian_2d(0.0..week_h, bottom..top)?;
    let fmt = |v: &f64| y_tick(*v, share, top - bottom);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&fmt)
        .y_desc(y_label)
        .x_desc("hour of the week (lines at midnight; faint lines at 06:00, 12:00, 18:00)")
        .axis_desc_style((FONT, LABEL).into_font().color(&INK))
        .label_style((FONT, SMALL).into_font().color(&INK))
        .bold_line_style(FAINT)
        .light_line_style(WHITE)
        .draw()?;
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

/// Finite runs of a series as (x, y) points, x in hours at the middle of each interval.
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
        let chart = week_axes(&area, root, y_label, week_h, y, y_is_share, right)?;
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

/// Labels under categories (bars), centred, shortened to fit their slot.
fn category_labels<'a, 'b>(chart: &Chart<'a, 'b>, root: &Area<'b>, names: &[String]) -> Res {
    let slot = if names.len() > 1 {
        chart.backend_coord(&(1.0, 0.0)).0 - chart.backend_coord(&(0.0, 0.0)).0
    } else {
        400
    };
    let max_chars = ((slot - 6) / 8).max(4) as usize;
    for (i, name) in names.iter().enumerate() {
        let shown: String = if name.chars().count() > max_chars {
            let mut s: String = name.chars().take(max_chars - 1).collect();
            s.push('…');
            s
        } else {
            name.clone()
        };
        let (x, y) = chart.backend_coord(&(i as f64, 0.0));
        root.draw(&Text::new(
            shown,
            (x, y + 8),
            (FONT, SMALL)
                .into_font()
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Top)),
        ))?;
    }
    Ok(())
}

/// Axes for categories 0..n along x, y from 0 to `top`.
fn category_axes<'a, 'b>(
    area: &'a Area<'b>,
    y_label: &str,
    x_desc: &str,
    n: usize,
    top: f64,
    share: bool,
) -> Result<Chart<'a, 'b>, Box<dyn Error>> {
    let mut chart = ChartBuilder::on(area)
        .margin_right(20)
        .x_label_area_size(50)
        .y_label_area_size(76)
        .build_cartesian_2d(-0.5..(n.max(1) as f64 - 0.5), 0.0..top)?;
    let fmt = |v: &f64| y_tick(*v, share, top);
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_labels(0)
        .y_labels(6)
        .y_label_formatter(&fmt)
        .y_desc(y_label)
        .x_desc(x_desc)
        .axis_desc_style((FONT, LABEL).into_font().color(&INK))
        .label_style((FONT, SMALL).into_font().color(&INK))
        .bold_line_style(FAINT)
        .light_line_style(WHITE)
        .draw()?;
    Ok(chart)
}

/// A value's label centred just above a point.
fn value_above<'a, 'b>(
    chart: &Chart<'a, 'b>,
    root: &Area<'b>,
    at: (f64, f64),
    label: String,
) -> Res {
    let (x, y) = chart.backend_coord(&at);
    root.draw(&Text::new(
        label,
        (x, y - 5),
        (FONT, SMALL)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Center, VPos::Bottom)),
    ))?;
    Ok(())
}

/// A value as a short label.
fn value_label(v: f64, share: bool) -> String {
    if !v.is_finite() {
        "–".into()
    } else if share {
        format!("{:.1}%", 100.0 * v)
    } else if v.abs() >= 100.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// Variants side by side: a bar at each variant's mean with its 95% confidence interval as an
/// error bar. `variants`: (name, mean, ci_low, ci_high); NaN bounds draw no error bar.
pub fn variants_with_error_bars<S: AsRef<str>>(
    title: &str,
    y_label: &str,
    variants: &[(S, f64, f64, f64)],
    y_is_share: bool,
) -> String {
    // Room above the tallest whisker for its value label.
    let top = y_top(variants.iter().flat_map(|v| [v.1, v.3]), None, false).max(if y_is_share {
        0.0
    } else {
        1.0
    });
    let top = if y_is_share {
        top.clamp(0.1, 1.12)
    } else {
        top
    };
    let names: Vec<String> = variants.iter().map(|v| v.0.as_ref().to_string()).collect();
    let fill = RGBColor(0xA9, 0xC4, 0xDE);
    let legend = vec![
        ("mean".to_string(), Sample::Box(fill, look(0).color)),
        (
            "95% confidence interval".to_string(),
            Sample::Line(Look {
                color: INK,
                dash: None,
                marker: Marker::None,
            }),
        ),
    ];
    render(WIDE, |root| {
        let area = frame(root, title, &legend)?;
        let mut chart = category_axes(&area, y_label, "variant", variants.len(), top, y_is_share)?;
        for (i, v) in variants.iter().enumerate() {
            let (mean, lo, hi) = (v.1, v.2, v.3);
            let x = i as f64;
            if mean.is_finite() {
                let bar = [(x - 0.3, 0.0), (x + 0.3, mean)];
                chart.draw_series([
                    Rectangle::new(bar, fill.filled()),
                    Rectangle::new(bar, look(0).color.stroke_width(1)),
                ])?;
            }
            let bounded = lo.is_finite() && hi.is_finite() && mean.is_finite();
            if bounded {
                let (lo, hi) = (lo.max(0.0), hi.min(top));
                let ink = INK.stroke_width(2);
                chart.draw_series([
                    PathElement::new(vec![(x, lo), (x, hi)], ink),
                    PathElement::new(vec![(x - 0.06, lo), (x + 0.06, lo)], ink),
                    PathElement::new(vec![(x - 0.06, hi), (x + 0.06, hi)], ink),
                ])?;
            }
            let above = if bounded {
                hi.min(top)
            } else if mean.is_finite() {
                mean
            } else {
                0.0
            };
            value_above(&chart, root, (x, above), value_label(mean, y_is_share))?;
        }
        category_labels(&chart, root, &names)
    })
}

/// Harrowing-contact exposure per staff group: a bar for the mean and one for the maximum per
/// handler per shift. `groups`: (group name, mean, maximum).
pub fn harrowing_exposure<S: AsRef<str>>(title: &str, groups: &[(S, f64, f64)]) -> String {
    let top = y_top(groups.iter().flat_map(|g| [g.1, g.2]), None, false);
    let names: Vec<String> = groups.iter().map(|g| g.0.as_ref().to_string()).collect();
    let dark = look(0).color;
    let light = RGBColor(0xE4, 0xE4, 0xE4);
    let legend = vec![
        (
            "mean per handler per shift".to_string(),
            Sample::Box(dark, INK),
        ),
        (
            "maximum for any handler in a shift".to_string(),
            Sample::Box(light, INK),
        ),
    ];
    render(WIDE, |root| {
        let area = frame(root, title, &legend)?;
        let mut chart = category_axes(
            &area,
            "harrowing contacts per shift",
            "staff group",
            groups.len(),
            top,
            false,
        )?;
        for (i, g) in groups.iter().enumerate() {
            let x = i as f64;
            for (v, x0, x1, color) in [(g.1, x - 0.32, x, dark), (g.2, x, x + 0.32, light)] {
                if !v.is_finite() {
                    continue;
                }
                let bar = [(x0, 0.0), (x1, v)];
                chart.draw_series([
                    Rectangle::new(bar, color.filled()),
                    Rectangle::new(bar, INK.stroke_width(1)),
                ])?;
                value_above(&chart, root, ((x0 + x1) / 2.0, v), value_label(v, false))?;
            }
        }
        category_labels(&chart, root, &names)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn is_svg(s: &str) -> bool {
        s.starts_with("<svg")
            && s.trim_end().ends_with("</svg>")
            && !s.contains("could not be drawn")
    }

    #[test]
    fn every_chart_draws_an_svg_with_text_and_is_deterministic() {
        let week: Vec<f64> = (0..168)
            .map(|i| 0.8 + 0.1 * ((i as f64) / 10.0).sin())
            .collect();
        let mut gappy = week.clone();
        gappy[3] = f64::NAN;
        let series = vec![
            ("999".to_string(), week.clone()),
            ("a<&>b".to_string(), gappy),
        ];
        let a = week_lines(
            "Service level",
            "share answered in time",
            &series,
            3600.0,
            true,
            Some(0.9),
        );
        assert!(is_svg(&a), "{a}");
        assert_eq!(
            a,
            week_lines(
                "Service level",
                "share answered in time",
                &series,
                3600.0,
                true,
                Some(0.9)
            )
        );
        assert!(
            a.contains("<text")
                && a.contains("Mon")
                && a.contains("Sun")
                && a.contains("target 90%")
        );
        assert!(a.contains("a&lt;&amp;&gt;b") && !a.contains("a<&>b"));
        let req: Vec<f64> = (0..672).map(|i| 5.0 + (i % 96) as f64 / 10.0).collect();
        let ros = vec![10.0; 672];
        let b = required_vs_rostered("Staff", &req, &ros, 900.0);
        assert!(is_svg(&b) && b.contains("shortfall"));
        let v = variants_with_error_bars(
            "SL",
            "service level",
            &[
                ("base", 0.8, 0.75, 0.85),
                ("more staff", 0.9, f64::NAN, f64::NAN),
            ],
            true,
        );
        assert!(is_svg(&v) && v.contains("more staff") && v.contains("80.0%"));
        let h = harrowing_exposure("Harrowing", &[("999 desk", 1.2, 4.0)]);
        assert!(is_svg(&h) && h.contains("999 desk"));
    }

    #[test]
    fn empty_and_undefined_data_still_draw() {
        let none: Vec<(String, Vec<f64>)> = vec![];
        assert!(is_svg(&week_lines("t", "y", &none, 3600.0, false, None)));
        let nan = vec![("x", vec![f64::NAN; 168])];
        assert!(is_svg(&week_lines("t", "y", &nan, 3600.0, true, None)));
        let no: Vec<(&str, f64, f64, f64)> = vec![];
        assert!(is_svg(&variants_with_error_bars("t", "y", &no, false)));
        assert!(is_svg(&required_vs_rostered("t", &[], &[], 3600.0)));
    }
}
