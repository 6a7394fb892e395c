//! Every chart the HTML report offers, on made-up data, in one file: a quick way to see how
//! the sweep, staffing and wellbeing sections will look.
//!
//! `cargo run --release --example report_gallery -- /tmp/gallery.html`

use controlroom::plan::charts;
use controlroom::plan::html::{Report, harrowing_section};

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "gallery.html".into());
    let hour = |i: usize| (i % 24) as f64;
    let demand: Vec<f64> = (0..672)
        .map(|i| {
            let h = hour(i / 4);
            4.0 + 10.0 * (-(h - 17.0) * (h - 17.0) / 30.0).exp()
                + 4.0 * (-(h - 10.0).powi(2) / 8.0).exp()
        })
        .collect();
    let required: Vec<f64> = demand.iter().map(|d| d.ceil()).collect();
    let rostered: Vec<f64> = (0..672)
        .map(|i| match hour(i / 4) as u32 {
            7..=16 => 14.0,
            17..=23 => 12.0,
            _ => 6.0,
        })
        .collect();
    let mut r = Report::new("Chart gallery (made-up data)");
    r.section(
        "Sweep: variants side by side",
        "Each bar is a variant's mean over replications; whiskers are 95% confidence intervals.",
    )
    .chart(charts::variants_with_error_bars(
        "999 service level by call handlers on each shift",
        "answered within 10 s (%)",
        &[
            ("8 handlers", 0.71, 0.67, 0.75),
            ("9 handlers", 0.80, 0.77, 0.83),
            ("10 handlers", 0.87, 0.85, 0.89),
            ("11 handlers", 0.91, 0.895, 0.925),
            ("12 handlers", 0.94, 0.93, 0.95),
        ],
        true,
    ))
    .chart(charts::variants_with_error_bars(
        "101 mean wait",
        "mean wait, answered (s)",
        &[
            ("today", 95.0, 80.0, 110.0),
            ("call-back at 3 min", 61.0, 52.0, 70.0),
            ("one more digital desk handler", 88.0, 75.0, 101.0),
        ],
        false,
    ));
    r.section(
        "Staffing: required against rostered",
        "Handlers needed each 15 minutes to meet every target, against those the rota puts on duty.",
    )
    .chart(charts::required_vs_rostered(
        "Call handlers: required and rostered",
        &required,
        &rostered,
        900.0,
    ));
    harrowing_section(
        &mut r,
        &[
            ("999 desk", 1.8, 6.0),
            ("Call handlers", 0.9, 4.0),
            ("Digital desk", 0.3, 2.0),
        ],
    );
    let lines: Vec<(String, Vec<f64>)> = (0..5)
        .map(|k| {
            (
                format!("series {}", k + 1),
                (0..168)
                    .map(|i| {
                        0.5 + 0.08 * k as f64 + 0.1 * ((i as f64 + 7.0 * k as f64) / 9.0).sin()
                    })
                    .collect(),
            )
        })
        .collect();
    r.section(
        "Five series",
        "Line styles differ by dash and marker as well as colour.",
    )
    .chart(charts::week_lines(
        "Five series",
        "share (%)",
        &lines,
        3600.0,
        true,
        None,
    ));
    if let Err(e) = controlroom::files::write_atomic(path.as_ref(), r.finish().as_bytes()) {
        eprintln!("error: {path}: cannot write: {e}");
        std::process::exit(1);
    }
    println!("wrote {path}");
}
