//! Bar charts by category: variants side by side with confidence intervals (sweeps), and
//! harrowing-contact exposure per staff group.

use super::{
    Area, Chart, FAINT, FONT, INK, LABEL, Look, Marker, Res, SMALL, Sample, WIDE, frame, look,
    render, y_tick, y_top,
};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;

/// Labels under categories (bars), centred, in full: a name too long for its slot is
/// broken between words onto further lines (a single word longer than the slot is kept whole).
pub(super) fn category_labels<'a, 'b>(
    chart: &Chart<'a, 'b>,
    root: &Area<'b>,
    names: &[String],
) -> Res {
    let slot = if names.len() > 1 {
        chart.backend_coord(&(1.0, 0.0)).0 - chart.backend_coord(&(0.0, 0.0)).0
    } else {
        400
    };
    let max_chars = ((slot - 6) / 7).max(6) as usize;
    let bottom = chart.backend_coord(&(0.0, chart.y_range().start)).1;
    for (i, name) in names.iter().enumerate() {
        let x = chart.backend_coord(&(i as f64, 0.0)).0;
        for (k, line) in wrap(name, max_chars).into_iter().enumerate() {
            root.draw(&Text::new(
                line,
                (x, bottom + 8 + 14 * k as i32),
                (FONT, SMALL)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Center, VPos::Top)),
            ))?;
        }
    }
    Ok(())
}

/// `text` broken between words into lines of at most `width` characters where it can be.
pub(super) fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = vec![];
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(l) if l.chars().count() + 1 + word.chars().count() <= width => {
                l.push(' ');
                l.push_str(word);
            }
            _ => lines.push(word.to_string()),
        }
    }
    lines
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
        .x_label_area_size(64)
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

/// A harrowing-exposure figure as the chart and its table both show it: one decimal (the
/// maximum is a mean over replications of each one's maximum, so 6.1 is a real figure).
pub fn exposure_figure(x: f64) -> String {
    if x.is_finite() {
        format!("{x:.1}")
    } else {
        "–".into()
    }
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
                value_above(&chart, root, ((x0 + x1) / 2.0, v), exposure_figure(v))?;
            }
        }
        category_labels(&chart, root, &names)
    })
}
