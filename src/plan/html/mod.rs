//! Self-contained HTML reports: one file with inline SVG charts and a print stylesheet, no
//! scripts, no network, no external fonts or images, and no timestamps, so the same inputs
//! give the same bytes.
//!
//! [`Report`] is a small builder any command can use: sections with a heading and intro, then
//! charts (from [`super::charts`]), tables and paragraphs. [`simulate_report`] builds the report
//! of `controlroom simulate`; [`harrowing_section`] adds the exposure section when there is data;
//! [`sweep_report`], [`staffing_report`], [`roster_report`] and [`roster_sweep_report`] those of
//! `sweep`, `staff`, `roster` and a roster sweep.
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

use std::fmt::Write;

mod facts;
mod months;
mod roster;
mod roster_sweep;
mod simulate;
mod whatif;

pub use roster::roster_report;
pub use roster_sweep::roster_sweep_report;
pub use simulate::{harrowing_section, simulate_report};
pub use whatif::{staffing_report, sweep_report};

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
}
