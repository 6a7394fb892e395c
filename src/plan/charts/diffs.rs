//! Paired differences from the base (sweeps): each variant's mean difference as a dot with its
//! 95% confidence interval, around a zero line, so small changes show at their own scale
//! instead of as bars on a 0–100% axis.

use super::bars::category_labels;
use super::{FAINT, FONT, INK, LABEL, Look, Marker, SMALL, Sample, WIDE, frame, look, render};
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

/// A difference as the chart and the sweep table write it: percentage points for shares
/// ("+1.2 pt"), the KPI's own unit otherwise ("+3.4"), always signed.
pub fn difference_label(d: f64, share: bool) -> String {
    if !d.is_finite() {
        "–".into()
    } else if share {
        format!("{:+.1} pt", 100.0 * d)
    } else if d.abs() >= 100.0 {
        format!("{d:+.0}")
    } else {
        format!("{d:+.1}")
    }
}

/// Paired differences: `variants` are (name, mean difference, ci_low, ci_high); NaN bounds
/// draw no interval. Shares are shown in percentage points.
pub fn paired_differences<S: AsRef<str>>(
    title: &str,
    y_label: &str,
    variants: &[(S, f64, f64, f64)],
    share: bool,
) -> String {
    let finite = variants
        .iter()
        .flat_map(|v| [v.1, v.2, v.3])
        .filter(|x| x.is_finite());
    let (lo, hi) = finite.fold((0.0_f64, 0.0_f64), |(a, b), x| (a.min(x), b.max(x)));
    let pad = ((hi - lo) * 0.15).max(if share { 0.002 } else { 0.01 });
    let (bottom, top) = (lo - pad, hi + pad);
    let names: Vec<String> = variants.iter().map(|v| v.0.as_ref().to_string()).collect();
    let dot = look(0).color;
    let legend = vec![
        (
            "mean difference from the base".to_string(),
            Sample::Box(dot, dot),
        ),
        (
            "95% confidence interval".to_string(),
            Sample::Line(Look {
                color: INK,
                dash: None,
                marker: Marker::None,
            }),
        ),
    ];
    let span = top - bottom;
    let tick = move |v: &f64| {
        if share {
            if span < 0.05 {
                format!("{:+.1} pt", 100.0 * v)
            } else {
                format!("{:+.0} pt", 100.0 * v)
            }
        } else if span < 5.0 {
            format!("{v:+.1}")
        } else {
            format!("{v:+.0}")
        }
    };
    render(WIDE, |root| {
        let area = frame(root, title, &legend)?;
        let n = variants.len().max(1) as f64;
        let mut chart = ChartBuilder::on(&area)
            .margin_right(20)
            .x_label_area_size(64)
            .y_label_area_size(76)
            .build_cartesian_2d(-0.5..(n - 0.5), bottom..top)?;
        chart
            .configure_mesh()
            .disable_x_mesh()
            .x_labels(0)
            .y_labels(6)
            .y_label_formatter(&tick)
            .y_desc(y_label)
            .x_desc("variant")
            .axis_desc_style((FONT, LABEL).into_font().color(&INK))
            .label_style((FONT, SMALL).into_font().color(&INK))
            .bold_line_style(FAINT)
            .light_line_style(WHITE)
            .draw()?;
        chart.draw_series([PathElement::new(
            vec![(-0.5, 0.0), (n - 0.5, 0.0)],
            INK.stroke_width(1),
        )])?;
        for (i, v) in variants.iter().enumerate() {
            let (mean, lo, hi, x) = (v.1, v.2, v.3, i as f64);
            if lo.is_finite() && hi.is_finite() {
                let ink = INK.stroke_width(2);
                chart.draw_series([
                    PathElement::new(vec![(x, lo), (x, hi)], ink),
                    PathElement::new(vec![(x - 0.06, lo), (x + 0.06, lo)], ink),
                    PathElement::new(vec![(x - 0.06, hi), (x + 0.06, hi)], ink),
                ])?;
            }
            if mean.is_finite() {
                chart.draw_series([Circle::new((x, mean), 5, dot.filled())])?;
                let above = if hi.is_finite() { hi } else { mean };
                let (px, py) = chart.backend_coord(&(x, above));
                root.draw(&Text::new(
                    difference_label(mean, share),
                    (px, py - 5),
                    (FONT, SMALL)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))?;
            }
        }
        category_labels(&chart, root, &names)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_of_shares_are_percentage_points() {
        assert_eq!(difference_label(0.012, true), "+1.2 pt");
        assert_eq!(difference_label(-0.05, true), "-5.0 pt");
        assert_eq!(difference_label(3.44, false), "+3.4");
        assert_eq!(difference_label(f64::NAN, false), "–");
    }

    #[test]
    fn the_chart_names_every_variant_in_full_around_zero() {
        let name = "call-back off and two more handlers on the 999 desk at night";
        let svg = paired_differences(
            "999 service level",
            "difference from base",
            &[
                (name, -0.03, -0.05, -0.01),
                ("demand +10%", 0.01, 0.0, 0.02),
            ],
            true,
        );
        for word in name.split_whitespace() {
            assert!(svg.contains(word), "{word} missing");
        }
        assert!(!svg.contains('…'));
        assert!(svg.contains("-3.0 pt") && svg.contains("+1.0 pt"));
        assert!(!svg.contains("100%"), "no 0–100% axis");
    }
}
