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

mod bars;
mod diffs;
mod forecast;
mod months;
mod variants;
mod week;

pub use bars::{exposure_figure, harrowing_exposure, variants_with_error_bars};
pub use diffs::{difference_label, paired_differences};
pub use forecast::history_and_forecast;
pub use months::{MonthSeries, month_lines};
pub use variants::{paid_hours_by_variant, service_by_variant};
pub use week::{required_vs_rostered, week_lines};

pub(super) type Res = Result<(), Box<dyn Error>>;
pub(super) type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
pub(super) type Chart<'a, 'b> =
    ChartContext<'a, SVGBackend<'b>, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// Width and height of a chart in SVG pixels; the HTML scales it to the page width.
pub(super) const WIDE: (u32, u32) = (1000, 340);
pub(super) const FONT: &str = "sans-serif";
/// Font sizes (plotters' units, drawn at about 0.8 of this in SVG pixels).
pub(super) const TITLE: f64 = 24.0;
pub(super) const LABEL: f64 = 18.0;
pub(super) const SMALL: f64 = 17.0;
pub(super) const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Colour, dash and marker of series `k`: chosen to differ in greyscale too.
#[derive(Clone, Copy)]
pub(super) struct Look {
    pub(super) color: RGBColor,
    /// Dash and gap in pixels; None for a solid line.
    pub(super) dash: Option<(i32, i32)>,
    pub(super) marker: Marker,
}

#[derive(Clone, Copy, PartialEq)]
pub(super) enum Marker {
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

pub(super) fn look(k: usize) -> Look {
    LOOKS[k % LOOKS.len()]
}

pub(super) const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
pub(super) const GRID: RGBColor = RGBColor(0xD0, 0xD0, 0xD0);
pub(super) const FAINT: RGBColor = RGBColor(0xEE, 0xEE, 0xEE);
pub(super) const SHORT: RGBColor = RGBColor(0xF2, 0xB8, 0xB0);

/// Draw into a fresh SVG; on a drawing error, an SVG that says so instead of a chart.
pub(super) fn render(size: (u32, u32), draw: impl for<'a> FnOnce(&Area<'a>) -> Res) -> String {
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
pub(super) fn frame<'a>(
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
pub(super) enum Sample {
    Line(Look),
    Box(RGBColor, RGBColor),
}

/// A polyline in backend coordinates with a look's colour and dash pattern.
pub(super) fn stroke<'a>(area: &Area<'a>, pts: Vec<(i32, i32)>, l: Look) -> Res {
    let style = l.color.stroke_width(2);
    match l.dash {
        None => area.draw(&PathElement::new(pts, style))?,
        Some((d, g)) => area.draw(&DashedPathElement::new(pts, d, g, style))?,
    }
    Ok(())
}

/// A look's marker at a backend coordinate.
pub(super) fn mark<'a>(area: &Area<'a>, p: (i32, i32), l: Look) -> Res {
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
pub(super) fn y_top(values: impl Iterator<Item = f64>, target: Option<f64>, share: bool) -> f64 {
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
pub(super) fn y_bottom(values: impl Iterator<Item = f64>, target: Option<f64>, share: bool) -> f64 {
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
pub(super) fn y_tick(v: f64, share: bool, span: f64) -> String {
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
