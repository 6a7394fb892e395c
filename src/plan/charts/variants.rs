//! Charts with one row per variant (roster sweeps): each variant's name on the left, in full
//! however long (broken onto further lines, the chart as tall as its names need), and its
//! figures along a horizontal axis: paid hours against the current rota with the relaxation
//! bound marked, and a service level with its confidence interval against the target.

use super::bars::wrap;
use super::{
    Area, Chart, FAINT, FONT, INK, LABEL, Look, Marker, Res, SMALL, Sample, frame, look, render,
    y_bottom, y_tick,
};
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::error::Error;

/// Chart width in SVG pixels (as the other charts); the height follows the rows.
const WIDTH: u32 = 1000;
/// Pixels reckoned per character of a name (SMALL font), generously, so a line never
/// reaches past the label column.
const CHAR_PX: u32 = 8;
/// Most characters on one line of a name; longer names go onto further lines.
const NAME_CHARS: usize = 32;
/// Pixels between the lines of a name.
const LINE_PX: u32 = 16;
/// Title, legend band, x axis and margins: everything but the rows.
const CHROME_PX: u32 = 150;
pub(super) const BOUND: RGBColor = RGBColor(0xA4, 0x16, 0x1A);

/// A name in lines of at most `width` characters: broken between words where it can be, and
/// inside a word longer than a line, so no line is ever wider than the label column.
pub(super) fn name_lines(name: &str, width: usize) -> Vec<String> {
    let mut out = vec![];
    for line in wrap(name, width) {
        let chars: Vec<char> = line.chars().collect();
        out.extend(
            chars
                .chunks(width.max(1))
                .map(|c| c.iter().collect::<String>()),
        );
    }
    if out.is_empty() {
        out.push(String::new());
    }
    out
}

/// The rows' layout: each name's lines, the label column's width and a row's height.
struct Layout {
    lines: Vec<Vec<String>>,
    label_px: u32,
    row_px: u32,
}

impl Layout {
    fn new(names: &[String], min_row_px: u32) -> Layout {
        let lines: Vec<Vec<String>> = names.iter().map(|n| name_lines(n, NAME_CHARS)).collect();
        let widest = lines
            .iter()
            .flatten()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0) as u32;
        let most_lines = lines.iter().map(Vec::len).max().unwrap_or(1) as u32;
        Layout {
            label_px: (widest * CHAR_PX + 24).max(100),
            row_px: (most_lines * LINE_PX + 14).max(min_row_px),
            lines,
        }
    }

    fn size(&self) -> (u32, u32) {
        let rows = self.lines.len().max(1) as u32;
        (WIDTH, CHROME_PX + rows * self.row_px)
    }

    /// The y coordinate of row `i` (the first variant at the top).
    fn y(&self, i: usize) -> f64 {
        (self.lines.len().max(1) - 1 - i) as f64
    }
}

/// Axes for the rows: x from `x.0` to `x.1`, one row per variant with its name on the left.
fn row_axes<'a, 'b>(
    area: &'a Area<'b>,
    root: &Area<'b>,
    layout: &Layout,
    x_desc: &str,
    x: (f64, f64),
    share: bool,
    right: u32,
) -> Result<Chart<'a, 'b>, Box<dyn Error>> {
    let n = layout.lines.len().max(1) as f64;
    let mut chart = ChartBuilder::on(area)
        .margin_right(right)
        .margin_top(6)
        .x_label_area_size(56)
        .y_label_area_size(layout.label_px)
        .build_cartesian_2d(x.0..x.1, -0.5..(n - 0.5))?;
    let span = x.1 - x.0;
    let fmt = |v: &f64| y_tick(*v, share, span);
    chart
        .configure_mesh()
        .disable_y_mesh()
        .y_labels(0)
        .x_labels(6)
        .x_label_formatter(&fmt)
        .x_desc(x_desc)
        .axis_desc_style((FONT, LABEL).into_font().color(&INK))
        .label_style((FONT, SMALL).into_font().color(&INK))
        .bold_line_style(FAINT)
        .light_line_style(WHITE)
        .draw()?;
    for (i, lines) in layout.lines.iter().enumerate() {
        let (px, py) = chart.backend_coord(&(x.0, layout.y(i)));
        let first = py - ((lines.len() as i32 - 1) * LINE_PX as i32) / 2;
        for (k, line) in lines.iter().enumerate() {
            root.draw(&Text::new(
                line.clone(),
                (px - 10, first + k as i32 * LINE_PX as i32),
                (FONT, SMALL)
                    .into_font()
                    .color(&INK)
                    .pos(Pos::new(HPos::Right, VPos::Center)),
            ))?;
        }
    }
    Ok(chart)
}

/// Text just right of a point in chart coordinates.
fn text_right<'a, 'b>(chart: &Chart<'a, 'b>, root: &Area<'b>, at: (f64, f64), s: String) -> Res {
    let (x, y) = chart.backend_coord(&at);
    root.draw(&Text::new(
        s,
        (x + 8, y),
        (FONT, SMALL)
            .into_font()
            .color(&INK)
            .pos(Pos::new(HPos::Left, VPos::Center)),
    ))?;
    Ok(())
}

/// Paid hours a week per variant: a bar for the roster's and one for the current rota's, with
/// the relaxation bound (no roster under the variant's rules pays fewer hours) marked across
/// the roster's bar. `variants`: (name, roster paid hours, current rota paid hours, bound);
/// NaN hours (a variant that could not be rostered) draw no bar and say so.
pub fn paid_hours_by_variant<S: AsRef<str>>(
    title: &str,
    variants: &[(S, f64, f64, f64)],
) -> String {
    let names: Vec<String> = variants.iter().map(|v| v.0.as_ref().to_string()).collect();
    let layout = Layout::new(&names, 46);
    let max = variants
        .iter()
        .flat_map(|v| [v.1, v.2, v.3])
        .filter(|x| x.is_finite())
        .fold(0.0_f64, f64::max);
    // Room right of the longest bar for its label.
    let top = if max > 0.0 { max * 1.3 } else { 1.0 };
    let fill = RGBColor(0xA9, 0xC4, 0xDE);
    let rota = RGBColor(0xE4, 0xE4, 0xE4);
    let legend = vec![
        ("roster".to_string(), Sample::Box(fill, look(0).color)),
        ("current rota".to_string(), Sample::Box(rota, INK)),
        (
            "relaxation bound (no roster pays less)".to_string(),
            Sample::Line(Look {
                color: BOUND,
                dash: None,
                marker: Marker::None,
            }),
        ),
    ];
    render(layout.size(), |root| {
        let area = frame(root, title, &legend)?;
        let chart = row_axes(
            &area,
            root,
            &layout,
            "paid hours a week",
            (0.0, top),
            false,
            20,
        )?;
        let mut chart = chart;
        for (i, v) in variants.iter().enumerate() {
            let (paid, current, bound) = (v.1, v.2, v.3);
            let y = layout.y(i);
            if !paid.is_finite() {
                text_right(&chart, root, (0.0, y), "not rostered".into())?;
                continue;
            }
            let bar = [(0.0, y + 0.04), (paid, y + 0.36)];
            chart.draw_series([
                Rectangle::new(bar, fill.filled()),
                Rectangle::new(bar, look(0).color.stroke_width(1)),
            ])?;
            let mut label = format!("{paid:.0}");
            let mut right = paid;
            if bound.is_finite() {
                chart.draw_series([PathElement::new(
                    vec![(bound, y - 0.02), (bound, y + 0.44)],
                    BOUND.stroke_width(3),
                )])?;
                if paid > 0.0 {
                    label.push_str(&format!(
                        " (bound {bound:.0}, gap {:.1}%)",
                        100.0 * (paid - bound) / paid
                    ));
                }
                right = right.max(bound);
            }
            text_right(&chart, root, (right, y + 0.2), label)?;
            if current.is_finite() {
                let bar = [(0.0, y - 0.36), (current, y - 0.06)];
                chart.draw_series([
                    Rectangle::new(bar, rota.filled()),
                    Rectangle::new(bar, INK.stroke_width(1)),
                ])?;
                text_right(
                    &chart,
                    root,
                    (current, y - 0.21),
                    format!("{current:.0} current rota"),
                )?;
            }
        }
        Ok(())
    })
}

/// One check's service level per variant against its target: a dot at the mean with its 95%
/// confidence interval, and the target as a dashed line (one line when every variant has the
/// same target, else a mark in each row). A dot below its target is drawn in red.
/// `variants`: (name, mean, ci_low, ci_high, target), shares in 0..1; a NaN mean (no figure
/// for the variant) draws nothing but says so.
pub fn service_by_variant<S: AsRef<str>>(
    title: &str,
    x_label: &str,
    variants: &[(S, f64, f64, f64, f64)],
) -> String {
    let names: Vec<String> = variants.iter().map(|v| v.0.as_ref().to_string()).collect();
    let layout = Layout::new(&names, 34);
    let values = || variants.iter().flat_map(|v| [v.1, v.2, v.3]);
    let targets: Vec<f64> = variants
        .iter()
        .map(|v| v.4)
        .filter(|t| t.is_finite())
        .collect();
    let lowest_target = targets.iter().copied().fold(f64::INFINITY, f64::min);
    let bottom = y_bottom(
        values(),
        lowest_target.is_finite().then_some(lowest_target),
        true,
    );
    let (x0, x1) = (bottom, 1.0);
    let one_target = targets.windows(2).all(|w| w[0] == w[1]);
    let dot = look(0).color;
    let target_label = match targets.first() {
        Some(t) if one_target => format!("target {:.1}%", 100.0 * t),
        _ => "each variant's target".to_string(),
    };
    let mut legend = vec![
        ("mean".to_string(), Sample::Box(dot, dot)),
        (
            "95% confidence interval".to_string(),
            Sample::Line(Look {
                color: INK,
                dash: None,
                marker: Marker::None,
            }),
        ),
        (
            target_label,
            Sample::Line(Look {
                color: INK,
                dash: Some((4, 4)),
                marker: Marker::None,
            }),
        ),
    ];
    if variants.iter().any(|v| v.1 < v.4) {
        legend.push(("below its target".to_string(), Sample::Box(BOUND, BOUND)));
    }
    let n = variants.len().max(1) as f64;
    render(layout.size(), |root| {
        let area = frame(root, title, &legend)?;
        let mut chart = row_axes(&area, root, &layout, x_label, (x0, x1), true, 90)?;
        let clamp = |x: f64| x.clamp(x0, x1);
        let dashed = |t: f64, a: f64, b: f64| {
            DashedPathElement::new(
                vec![(clamp(t), a), (clamp(t), b)],
                4,
                4,
                INK.stroke_width(1),
            )
        };
        if one_target && let Some(&t) = targets.first() {
            chart.plotting_area().draw(&dashed(t, -0.5, n - 0.5))?;
        }
        for (i, v) in variants.iter().enumerate() {
            let (mean, lo, hi, target) = (v.1, v.2, v.3, v.4);
            let y = layout.y(i);
            if !one_target && target.is_finite() {
                chart
                    .plotting_area()
                    .draw(&dashed(target, y - 0.4, y + 0.4))?;
            }
            if !mean.is_finite() {
                text_right(&chart, root, (x0, y), "no figure".into())?;
                continue;
            }
            if lo.is_finite() && hi.is_finite() {
                let (lo, hi) = (clamp(lo), clamp(hi));
                let ink = INK.stroke_width(2);
                chart.draw_series([
                    PathElement::new(vec![(lo, y), (hi, y)], ink),
                    PathElement::new(vec![(lo, y - 0.12), (lo, y + 0.12)], ink),
                    PathElement::new(vec![(hi, y - 0.12), (hi, y + 0.12)], ink),
                ])?;
            }
            let color = if mean < target { BOUND } else { dot };
            chart.draw_series([Circle::new((clamp(mean), y), 5, color.filled())])?;
            let right = if hi.is_finite() {
                clamp(hi)
            } else {
                clamp(mean)
            };
            text_right(&chart, root, (right, y), format!("{:.1}%", 100.0 * mean))?;
        }
        Ok(())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn height(svg: &str) -> u32 {
        let Some(rest) = svg.split("height=\"").nth(1) else {
            panic!("no height in {svg}")
        };
        rest.split('"').next().unwrap_or("").parse().unwrap_or(0)
    }

    #[test]
    fn names_are_broken_into_lines_never_cut() {
        assert_eq!(name_lines("base", 32), ["base"]);
        assert_eq!(
            name_lines("10 h at 07:00, 14:00 and 22:00, four days on", 20),
            ["10 h at 07:00, 14:00", "and 22:00, four days", "on"]
        );
        // a word longer than a line is broken inside it, nothing dropped
        let long = "x".repeat(50);
        let lines = name_lines(&long, 20);
        assert!(lines.iter().all(|l| l.chars().count() <= 20));
        assert_eq!(lines.concat(), long);
        assert_eq!(name_lines("", 20), [""]);
    }

    #[test]
    fn every_name_is_drawn_in_full_and_the_chart_grows_to_hold_it() {
        let long = "twelve-hour days and nights from 07:00 and 19:00 with four days on and a \
                    longer rest between shifts than the default";
        let one = paid_hours_by_variant("Paid hours", &[("base", 3338.0, 3920.0, 2964.0)]);
        let two = paid_hours_by_variant(
            "Paid hours",
            &[
                ("base", 3338.0, 3920.0, 2964.0),
                (long, 4780.0, 3920.0, 4590.0),
                ("broken <rules> & co", f64::NAN, 3920.0, f64::NAN),
            ],
        );
        assert!(!two.contains("could not be drawn"), "{two}");
        for line in name_lines(long, NAME_CHARS) {
            assert!(two.contains(&line), "`{line}` missing");
        }
        assert!(two.contains("broken &lt;rules&gt; &amp; co") && two.contains("not rostered"));
        assert!(two.contains("3338 (bound 2964, gap 11.2%)") && two.contains("3920 current rota"));
        // every row has room for its lines: the chart is taller by at least their height
        let lines = name_lines(long, NAME_CHARS).len() as u32;
        assert!(
            height(&two) >= height(&one) + 2 * lines * LINE_PX,
            "{}",
            height(&two)
        );
        assert_eq!(
            two,
            paid_hours_by_variant(
                "Paid hours",
                &[
                    ("base", 3338.0, 3920.0, 2964.0),
                    (long, 4780.0, 3920.0, 4590.0),
                    ("broken <rules> & co", f64::NAN, 3920.0, f64::NAN),
                ],
            ),
            "deterministic"
        );
    }

    #[test]
    fn service_is_drawn_against_the_target() {
        let svg = service_by_variant(
            "999",
            "share answered within 10 s",
            &[
                ("base", 0.934, 0.921, 0.947, 0.9),
                ("fewer staff", 0.87, 0.85, 0.89, 0.9),
                ("not rostered", f64::NAN, f64::NAN, f64::NAN, 0.9),
            ],
        );
        assert!(!svg.contains("could not be drawn"), "{svg}");
        assert!(svg.contains("target 90.0%") && svg.contains("below its target"));
        assert!(svg.contains("93.4%") && svg.contains("87.0%") && svg.contains("no figure"));
        let mixed = service_by_variant(
            "999",
            "share",
            &[("a", 0.95, 0.94, 0.96, 0.9), ("b", 0.95, 0.94, 0.96, 0.8)],
        );
        assert!(mixed.contains("each variant&apos;s target"), "{mixed}");
        assert!(!mixed.contains("below its target"));
    }
}
