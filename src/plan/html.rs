//! Self-contained HTML reports: one file with inline SVG charts and a print stylesheet, no
//! scripts, no network, no external fonts or images, and no timestamps, so the same inputs
//! give the same bytes.
//!
//! [`Report`] is a small builder any command can use: sections with a heading and intro, then
//! charts (from [`super::charts`]), tables and paragraphs. [`simulate_report`] builds the report
//! of `controlroom simulate`; [`harrowing_section`] adds the exposure section when there is data.
//!
//! ```
//! use controlroom::plan::{charts, html::Report};
//! let mut r = Report::new("Sweep: call handlers");
//! r.section("Service level", "Mean and 95% confidence interval per variant.")
//!     .chart(charts::variants_with_error_bars(
//!         "999 service level", "share answered within 10 s",
//!         &[("10 handlers", 0.81, 0.78, 0.84), ("12 handlers", 0.9, 0.88, 0.92)], true))
//!     .table(&["variant", "service level"], &[vec!["10 handlers".into(), "81%".into()]]);
//! let page = r.finish();
//! assert!(page.contains("<svg") && page.contains("@media print"));
//! ```

use super::charts;
use super::kpi::{self, Row, Scope};
use super::report::{merged_channel_bins, merged_cover, merged_group_bins};
use crate::sim::{Config, Replication};
use std::fmt::Write;

/// Escape text for HTML element content and attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Screen and print styles. Print: A4, each section from a new page, no background fills,
/// charts scaled to the page width.
const STYLE: &str = r#"
:root { --ink: #222; --muted: #555; --rule: #ccc; --ok: #1b6e3a; --bad: #a4161a; --warn: #8a5a00; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: var(--ink); background: #f4f5f7; margin: 0; line-height: 1.45; }
main { max-width: 1080px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
h1 { font-size: 1.7rem; margin: 0.2em 0 0.3em; }
h2 { font-size: 1.3rem; margin: 1.6em 0 0.4em; padding-bottom: 0.2em; border-bottom: 2px solid var(--ink); }
p { margin: 0.4em 0 0.8em; max-width: 75ch; }
.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.15em 1.2em; margin: 0.6em 0 1em; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
nav ol { margin: 0.3em 0 1em; padding-left: 1.4em; columns: 2; }
nav a { color: inherit; }
figure { margin: 0.8em 0 1.2em; break-inside: avoid; page-break-inside: avoid; }
figure svg { display: block; width: 100%; height: auto; }
table { border-collapse: collapse; font-size: 0.95rem; margin: 0.6em 0 1.2em; font-variant-numeric: tabular-nums; break-inside: avoid; }
th, td { padding: 0.3em 0.6em; white-space: nowrap; border-bottom: 1px solid var(--rule); text-align: right; vertical-align: top; }
th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: normal; vertical-align: bottom; }
th:first-child, td:first-child { text-align: left; }
td.ok { color: var(--ok); font-weight: 600; }
td.bad { color: var(--bad); font-weight: 600; }
td.warn { color: var(--warn); font-weight: 600; }
.note { color: var(--muted); font-size: 0.92rem; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: none; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  section { break-before: page; page-break-before: always; }
  section.first { break-before: auto; page-break-before: auto; }
  h2 { break-after: avoid; page-break-after: avoid; }
  nav { display: none; }
  figure { margin: 0.4em 0 0.8em; }
  figure svg { width: 100%; max-height: 88mm; }
  td.ok, td.bad, td.warn { color: #000; }
}
"#;

/// A report being built: sections of charts, tables and text, then [`Report::finish`].
#[derive(Debug, Clone)]
pub struct Report {
    title: String,
    head: String,
    sections: Vec<(String, String)>,
}

impl Report {
    /// A new report; `title` is the page title and top heading (escaped).
    pub fn new(title: &str) -> Self {
        Report {
            title: title.to_string(),
            head: String::new(),
            sections: vec![],
        }
    }

    /// Facts shown under the title, before any section, as name/value pairs (escaped).
    pub fn facts(&mut self, facts: &[(&str, String)]) -> &mut Self {
        let out = self.body();
        out.push_str("<dl class=\"facts\">\n");
        for (k, v) in facts {
            let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", escape(k), escape(v));
        }
        out.push_str("</dl>\n");
        self
    }

    /// Start a section (a new page when printed) with a heading and an introduction (escaped;
    /// an empty intro writes no paragraph).
    pub fn section(&mut self, heading: &str, intro: &str) -> &mut Self {
        let mut body = String::new();
        if !intro.is_empty() {
            let _ = writeln!(body, "<p>{}</p>", escape(intro));
        }
        self.sections.push((heading.to_string(), body));
        self
    }

    /// A paragraph of text (escaped) in the current section.
    pub fn paragraph(&mut self, text: &str) -> &mut Self {
        let _ = writeln!(self.body(), "<p class=\"note\">{}</p>", escape(text));
        self
    }

    /// An SVG chart (from [`super::charts`]) in the current section. The SVG is inserted as
    /// it is: pass only SVG made by this crate.
    pub fn chart(&mut self, svg: String) -> &mut Self {
        let out = self.body();
        out.push_str("<figure>\n");
        out.push_str(&svg);
        out.push_str("</figure>\n");
        self
    }

    /// A table (all text escaped). The first column is left-aligned, the rest right-aligned.
    /// A cell starting with "✓", "✗" or "≈" is shown as met, not met or too close to call.
    pub fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) -> &mut Self {
        let out = self.body();
        out.push_str("<table>\n<thead><tr>");
        for h in headers {
            let _ = write!(out, "<th>{}</th>", escape(h));
        }
        out.push_str("</tr></thead>\n<tbody>\n");
        for row in rows {
            out.push_str("<tr>");
            for cell in row {
                let class = match cell.chars().next() {
                    Some('✓') => " class=\"ok\"",
                    Some('✗') => " class=\"bad\"",
                    Some('≈') => " class=\"warn\"",
                    _ => "",
                };
                let _ = write!(out, "<td{class}>{}</td>", escape(cell));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        self
    }

    /// Where content goes now: the last section, or the head before any section.
    fn body(&mut self) -> &mut String {
        match self.sections.last_mut() {
            Some((_, body)) => body,
            None => &mut self.head,
        }
    }

    /// The whole HTML document.
    pub fn finish(&self) -> String {
        let title = escape(&self.title);
        let mut out = String::new();
        let _ = write!(
            out,
            "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
             <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
             <title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<main>\n\
             <h1>{title}</h1>\n"
        );
        out.push_str(&self.head);
        if self.sections.len() > 1 {
            out.push_str("<nav><ol>\n");
            for (i, (h, _)) in self.sections.iter().enumerate() {
                let _ = writeln!(out, "<li><a href=\"#s{}\">{}</a></li>", i + 1, escape(h));
            }
            out.push_str("</ol></nav>\n");
        }
        for (i, (h, body)) in self.sections.iter().enumerate() {
            let class = if i == 0 { " class=\"first\"" } else { "" };
            let _ = write!(
                out,
                "<section id=\"s{}\"{class}>\n<h2>{}</h2>\n{body}</section>\n",
                i + 1,
                escape(h)
            );
        }
        out.push_str("</main>\n</body>\n</html>\n");
        out
    }
}

/// Add the harrowing-exposure section: (group, mean, maximum harrowing contacts per handler
/// per shift). Adds nothing when `groups` is empty (the engine does not count them yet).
pub fn harrowing_section<S: AsRef<str>>(report: &mut Report, groups: &[(S, f64, f64)]) {
    if groups.is_empty() {
        return;
    }
    let rows: Vec<Vec<String>> = groups
        .iter()
        .map(|g| vec![g.0.as_ref().to_string(), fixed(g.1, 1), fixed(g.2, 0)])
        .collect();
    report
        .section(
            "Harrowing exposure",
            "How many harrowing contacts (e.g. a death, a child at risk, a threat to life) a \
             handler takes in a shift: the mean per handler per shift and the most any handler \
             took in one shift. High maxima are where to plan decompression and peer support.",
        )
        .chart(charts::harrowing_exposure(
            "Harrowing contacts per handler per shift",
            groups,
        ))
        .table(
            &["staff group", "mean per shift", "maximum in a shift"],
            &rows,
        );
}

fn fixed(x: f64, decimals: usize) -> String {
    if x.is_finite() {
        format!("{x:.decimals$}")
    } else {
        "–".into()
    }
}

fn pct(x: f64) -> String {
    if x.is_finite() {
        format!("{:.1}%", 100.0 * x)
    } else {
        "–".into()
    }
}

fn seconds(x: f64) -> String {
    if !x.is_finite() {
        "–".into()
    } else if x >= 5400.0 {
        format!("{:.1} h", x / 3600.0)
    } else if x >= 120.0 {
        format!("{:.1} min", x / 60.0)
    } else {
        format!("{x:.1} s")
    }
}

/// A duration in seconds as words: "10 s", "5 min", "24 h".
fn threshold(s: f64) -> String {
    if s >= 3600.0 && (s % 3600.0).abs() < 1e-9 {
        format!("{} h", s / 3600.0)
    } else if s >= 60.0 && (s % 60.0).abs() < 1e-9 {
        format!("{} min", s / 60.0)
    } else {
        format!("{s} s")
    }
}

/// The mean of a KPI row, NaN if absent.
fn mean(rows: &[Row], scope: Scope, name: &str, kpi: &str) -> Est {
    rows.iter()
        .find(|r| r.scope == scope && r.name == name && r.kpi == kpi)
        .map(|r| {
            let e = r.estimate();
            Est {
                mean: e.mean,
                low: e.low(),
                high: e.high(),
            }
        })
        .unwrap_or(Est {
            mean: f64::NAN,
            low: f64::NAN,
            high: f64::NAN,
        })
}

/// Mean and 95% CI bounds of a KPI (NaN when undefined).
struct Est {
    mean: f64,
    low: f64,
    high: f64,
}

/// "✓ met", "✗ not met" or "≈ too close to call" for a service level against its target,
/// judged on the 95% confidence interval when there is one.
fn verdict(e: &Est, target: f64) -> String {
    if !e.mean.is_finite() {
        "–".into()
    } else if e.low.is_finite() && e.high.is_finite() && e.low < target && target <= e.high {
        "≈ too close to call".into()
    } else if e.mean >= target {
        "✓ met".into()
    } else {
        "✗ not met".into()
    }
}

/// The report of `controlroom simulate`: run facts, headline tables, and per-interval charts
/// of service level, abandonment, queue length, occupancy and handlers on duty. Returns the
/// builder so a caller can add sections before [`Report::finish`].
pub fn simulate_report(
    model_name: &str,
    cfg: &Config,
    reps: &[Replication],
    rows: &[Row],
) -> Report {
    let mut r = Report::new(&format!("Simulation report: {model_name}"));
    let counted_s = (cfg.horizon_s - cfg.warmup_s).max(0.0);
    let weeks = counted_s / crate::sim::config::WEEK_S;
    let interval_min = cfg.kpi_interval_s / 60.0;
    r.facts(&[
        ("Model", model_name.to_string()),
        ("Replications", reps.len().to_string()),
        (
            "Horizon",
            format!(
                "{} day{}, of which the first {} h are warm-up and not counted",
                cfg.horizon_s / 86_400.0,
                if cfg.horizon_s == 86_400.0 { "" } else { "s" },
                cfg.warmup_s / 3600.0
            ),
        ),
        ("Seed", cfg.seed.to_string()),
        (
            "KPI interval",
            format!("{interval_min} min (results fold onto one week, Monday 00:00 first)"),
        ),
        (
            "Figures",
            "mean over replications, ± half-width of the 95% confidence interval".into(),
        ),
    ]);
    headline(&mut r, cfg, rows, weeks);

    let cover = merged_cover(reps);
    let channel_series: Vec<(String, Vec<[f64; 16]>)> = cfg
        .channels
        .iter()
        .enumerate()
        .map(|(c, ch)| {
            let bins = merged_channel_bins(reps, c);
            let v = cover
                .iter()
                .zip(&bins)
                .map(|(&cv, b)| {
                    if cv > 0.0 {
                        kpi::channel_values(b, cv)
                    } else {
                        [f64::NAN; 16]
                    }
                })
                .collect();
            (ch.name.clone(), v)
        })
        .collect();
    let pick = |k: usize| -> Vec<(String, Vec<f64>)> {
        channel_series
            .iter()
            .map(|(n, v)| (n.clone(), v.iter().map(|x| x[k]).collect()))
            .collect()
    };
    let iv = cfg.kpi_interval_s;

    r.section(
        "Service level by hour of the week",
        "Share of contacts answered within each channel's threshold, by the interval in which \
         they arrived, pooling every replication. The dashed line is the channel's target.",
    );
    for (c, ch) in cfg.channels.iter().enumerate() {
        let series = vec![(
            ch.name.clone(),
            channel_series[c].1.iter().map(|x| x[7]).collect(),
        )];
        r.chart(charts::week_lines(
            &format!(
                "{}: answered within {}",
                ch.name,
                threshold(ch.sl_threshold_s)
            ),
            "service level (%)",
            &series,
            iv,
            true,
            Some(ch.sl_target),
        ));
    }

    r.section(
        "Abandonment by hour of the week",
        "Share of resolved contacts whose caller hung up before being answered.",
    )
    .chart(charts::week_lines(
        "Abandonment rate",
        "abandoned (% of resolved)",
        &pick(4),
        iv,
        true,
        None,
    ));

    r.section(
        "Queue length by hour of the week",
        "Mean number of contacts waiting, one chart per channel since their scales differ \
         (deferrable digital work queues for hours by design).",
    );
    for (name, values) in pick(10) {
        let title = format!("{name}: mean number waiting");
        r.chart(charts::week_lines(
            &title,
            "contacts waiting",
            &[(name, values)],
            iv,
            false,
            None,
        ));
    }

    let group_values: Vec<(String, Vec<[f64; 4]>)> = cfg
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let bins = merged_group_bins(reps, g);
            (
                group.name.clone(),
                bins.iter()
                    .zip(&cover)
                    .map(|(b, &c)| {
                        if c > 0.0 {
                            kpi::group_values(b, c)
                        } else {
                            [f64::NAN; 4]
                        }
                    })
                    .collect(),
            )
        })
        .collect();
    let gpick = |k: usize| -> Vec<(String, Vec<f64>)> {
        group_values
            .iter()
            .map(|(n, v)| (n.clone(), v.iter().map(|x| x[k]).collect()))
            .collect()
    };
    r.section(
        "Staff groups by hour of the week",
        "Occupancy is the share of available handlers' time spent on contacts (talk, wrap-up and \
         digital work). Handlers on duty is the mean number available, after shrinkage and breaks.",
    )
    .chart(charts::week_lines(
        "Occupancy",
        "occupancy (%)",
        &gpick(0),
        iv,
        true,
        None,
    ))
    .chart(charts::week_lines(
        "Handlers on duty",
        "handlers available (mean)",
        &gpick(1),
        iv,
        false,
        None,
    ));
    r
}

/// The headline tables: per channel, then per staff group.
fn headline(r: &mut Report, cfg: &Config, rows: &[Row], weeks: f64) {
    // Counts per week for runs of a week or more; a shorter run's counts are its own total.
    let (per, unit) = if weeks >= 1.0 {
        (weeks, " / week".to_string())
    } else {
        (1.0, format!(" in {} h", fixed(weeks * 168.0, 0)))
    };
    let per_week = |x: f64| x / per;
    let ch_rows: Vec<Vec<String>> = cfg
        .channels
        .iter()
        .map(|ch| {
            let get = |k| mean(rows, Scope::Channel, &ch.name, k);
            let sl = get("service_level");
            let sl_text = if sl.low.is_finite() {
                format!("{} ± {:.1}", pct(sl.mean), 100.0 * (sl.high - sl.mean))
            } else {
                pct(sl.mean)
            };
            vec![
                ch.name.clone(),
                fixed(per_week(get("offered").mean), 0),
                fixed(per_week(get("answered").mean), 0),
                pct(get("abandon_rate").mean),
                seconds(get("wait_mean_s").mean),
                seconds(get("wait_p90_s").mean),
                sl_text,
                format!(
                    "{} in {}",
                    pct(ch.sl_target).replace(".0%", "%"),
                    threshold(ch.sl_threshold_s)
                ),
                verdict(&sl, ch.sl_target),
            ]
        })
        .collect();
    r.section(
        "Headline figures",
        "Counts are per week (or for the whole counted period when it is shorter); rates, waits \
         and service levels are means over replications. The target is judged on the 95% \
         confidence interval: too close to call means the interval contains the target.",
    )
    .table(
        &[
            "channel",
            &format!("offered{unit}"),
            &format!("answered{unit}"),
            "abandonment rate",
            "mean wait (answered)",
            "p90 wait",
            "service level",
            "target",
            "met?",
        ],
        &ch_rows,
    );
    let g_rows: Vec<Vec<String>> = cfg
        .groups
        .iter()
        .map(|g| {
            let get = |k| mean(rows, Scope::Group, &g.name, k);
            let occ = get("occupancy");
            vec![
                g.name.clone(),
                if occ.low.is_finite() {
                    format!("{} ± {:.1}", pct(occ.mean), 100.0 * (occ.high - occ.mean))
                } else {
                    pct(occ.mean)
                },
                fixed(get("handlers_on_duty_mean").mean, 1),
                fixed(per_week(get("staffed_hours").mean), 0),
            ]
        })
        .collect();
    r.table(
        &[
            "staff group",
            "occupancy",
            "handlers available (mean)",
            &format!("staffed hours{unit}"),
        ],
        &g_rows,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builder_escapes_text_and_numbers_sections() {
        let mut r = Report::new("A <b> & 'c'");
        r.facts(&[("Model", "x<y".into())])
            .section("One & two", "intro <i>")
            .table(&["h<"], &[vec!["✓ met".into()], vec!["✗ not met".into()]])
            .paragraph("p>q")
            .section("Three", "");
        let html = r.finish();
        assert!(html.contains("<title>A &lt;b&gt; &amp; &#39;c&#39;</title>"));
        assert!(
            html.contains("x&lt;y") && html.contains("intro &lt;i&gt;") && html.contains("p&gt;q")
        );
        assert!(
            html.contains("<section id=\"s1\" class=\"first\">")
                && html.contains("<section id=\"s2\">")
        );
        assert!(
            html.contains("<td class=\"ok\">✓ met</td>") && html.contains("<td class=\"bad\">")
        );
        assert!(html.contains("<a href=\"#s2\">Three</a>"));
        assert_eq!(html, r.finish());
    }

    #[test]
    fn harrowing_section_only_with_data() {
        let mut r = Report::new("t");
        harrowing_section::<&str>(&mut r, &[]);
        assert!(!r.finish().contains("Harrowing"));
        harrowing_section(&mut r, &[("999 desk", 1.5, 6.0)]);
        let html = r.finish();
        assert!(html.contains("<h2>Harrowing exposure</h2>") && html.contains("<svg"));
    }

    #[test]
    fn verdicts_use_the_confidence_interval() {
        let e = |mean, low, high| Est { mean, low, high };
        assert_eq!(verdict(&e(0.92, 0.91, 0.93), 0.9), "✓ met");
        assert_eq!(verdict(&e(0.85, 0.83, 0.87), 0.9), "✗ not met");
        assert_eq!(verdict(&e(0.89, 0.87, 0.91), 0.9), "≈ too close to call");
        assert_eq!(verdict(&e(0.95, f64::NAN, f64::NAN), 0.9), "✓ met");
        assert_eq!(threshold(10.0), "10 s");
        assert_eq!(threshold(86_400.0), "24 h");
        assert_eq!(seconds(30.0), "30.0 s");
    }
}
