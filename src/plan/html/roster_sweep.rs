//! The report of a roster sweep (`controlroom sweep` of a `kind: Roster` file): each variant's
//! paid hours against the current rota and the relaxation bound, its handlers, rounds and
//! optimality gap, and every channel's and report window's service level in its last
//! verification round against the target, variants side by side.

use super::Report;
use super::simulate::threshold;
use crate::plan::charts;
use crate::plan::roster::verify::Check;
use crate::plan::sweep::roster::{
    RosterPlan, Row, check_names, paid_hours_figure, rota_hours_figure,
};

/// The roster sweep's report: `rows` are `plan`'s variants rostered, in its order.
pub fn roster_sweep_report(plan: &RosterPlan, rows: &[Row]) -> Report {
    let mut r = Report::new(&format!("Roster sweep: {}", plan.name));
    let failed = rows.iter().filter(|x| !x.met()).count();
    let base_model = plan
        .variants
        .first()
        .map_or_else(String::new, |v| v.model.name.clone());
    r.facts(&[
        ("Base model", base_model),
        (
            "Variants",
            format!("{} (including the base), each rostered in turn", rows.len()),
        ),
        (
            "Simulations",
            format!(
                "{} replications each; seed {} for the staffing search, a fresh seed in every \
                 verification round",
                plan.replications, plan.seed
            ),
        ),
        (
            "Targets",
            if failed == 0 {
                "every variant met every target in a fresh simulation".into()
            } else {
                format!(
                    "{failed} of {} variant(s) could not be rostered or miss a target",
                    rows.len()
                )
            },
        ),
    ]);
    hours_section(&mut r, rows);
    service_section(&mut r, rows);
    r
}

fn hours_section(r: &mut Report, rows: &[Row]) {
    r.section(
        "Paid hours",
        "Each variant's roster: paid hours a week (shifts with their breaks) against the \
         current rota's, and the linear relaxation's optimum, the bound: no roster under the \
         variant's rules pays fewer hours, so the gap to it bounds how far the roster can be \
         from the best. Verification rounds are the solve-and-simulate rounds it took to meet \
         every target with a fresh seed.",
    );
    let bars: Vec<(&str, f64, f64, f64)> = rows
        .iter()
        .map(|row| match &row.outcome {
            Ok(x) => (
                row.name.as_str(),
                x.paid_hours,
                x.rota_paid_hours,
                x.lp_bound,
            ),
            Err(_) => (row.name.as_str(), f64::NAN, f64::NAN, f64::NAN),
        })
        .collect();
    r.chart(charts::paid_hours_by_variant(
        "Paid hours a week: roster, current rota and the bound",
        &bars,
    ));
    let table: Vec<Vec<String>> = rows
        .iter()
        .map(|row| {
            let mut cells = vec![row.name.clone()];
            match &row.outcome {
                Ok(x) => {
                    let against = if x.rota_paid_hours > 0.0 {
                        format!(
                            "{:+.0} ({:+.1}%)",
                            x.paid_hours - x.rota_paid_hours,
                            100.0 * (x.paid_hours - x.rota_paid_hours) / x.rota_paid_hours
                        )
                    } else {
                        "-".into()
                    };
                    cells.extend([
                        x.handlers.to_string(),
                        paid_hours_figure(x.paid_hours),
                        rota_hours_figure(x.rota_paid_hours),
                        against,
                        format!("{:.1}", x.lp_bound),
                        format!("{:.1}% ({})", 100.0 * x.gap, x.status),
                        x.rounds.to_string(),
                        if x.unmet == 0 {
                            "✓ all met".into()
                        } else {
                            format!("✗ {} interval target(s) not met", x.unmet)
                        },
                    ]);
                }
                Err(e) => {
                    cells.extend((0..7).map(|_| "-".to_string()));
                    cells.push(format!("✗ cannot be rostered: {e}"));
                }
            }
            cells
        })
        .collect();
    r.table(
        &[
            "variant",
            "handlers",
            "paid hours a week",
            "current rota",
            "against the rota",
            "relaxation bound",
            "gap",
            "verification rounds",
            "targets",
        ],
        &table,
    );
}

/// A check's figure in a table cell, marked met or not: "✓ 93.4 ± 1.2%".
fn check_cell(c: &Check, shown_target: f64) -> String {
    let mut s = format!(
        "{} {:.1} ± {:.1}%",
        if c.met() { "✓" } else { "✗" },
        100.0 * c.mean,
        100.0 * c.half_width
    );
    if c.target != shown_target {
        s.push_str(&format!(" (target {:.1}%)", 100.0 * c.target));
    }
    if let Some((a, cap)) = c.abandon {
        s.push_str(&format!(
            ", abandonment {:.1}% (at most {:.1}%)",
            100.0 * a,
            100.0 * cap
        ));
    }
    s
}

fn service_section(r: &mut Report, rows: &[Row]) {
    let names = check_names(rows);
    if names.is_empty() {
        return;
    }
    let check = |row: &Row, name: &str| -> Option<Check> {
        let x = row.outcome.as_ref().ok()?;
        x.checks.iter().find(|c| c.name == name).cloned()
    };
    r.section(
        "Service against target",
        "Each channel's service level, and in each report window (`999 @ Fri night`), in the \
         last verification round's simulation of each variant's roster (a fresh seed): the \
         mean across replications ± its 95% confidence half-width, against the target. ✓ \
         met, ✗ not met.",
    );
    let mut headers: Vec<&str> = vec!["channel or window", "target"];
    headers.extend(rows.iter().map(|x| x.name.as_str()));
    let table: Vec<Vec<String>> = names
        .iter()
        .map(|name| {
            let first = rows.iter().find_map(|row| check(row, name));
            let (target, cell) = match &first {
                Some(c) => (
                    c.target,
                    format!(
                        "{:.1}% within {}",
                        100.0 * c.target,
                        threshold(c.threshold_s)
                    ),
                ),
                None => (f64::NAN, "-".into()),
            };
            let mut cells = vec![name.clone(), cell];
            cells.extend(rows.iter().map(|row| match check(row, name) {
                Some(c) => check_cell(&c, target),
                None => "-".into(),
            }));
            cells
        })
        .collect();
    r.table(&headers, &table);
    for name in &names {
        let Some(c0) = rows.iter().find_map(|row| check(row, name)) else {
            continue;
        };
        let points: Vec<(&str, f64, f64, f64, f64)> = rows
            .iter()
            .map(|row| match check(row, name) {
                Some(c) => (
                    row.name.as_str(),
                    c.mean,
                    c.mean - c.half_width,
                    c.mean + c.half_width,
                    c.target,
                ),
                None => (row.name.as_str(), f64::NAN, f64::NAN, f64::NAN, c0.target),
            })
            .collect();
        r.chart(charts::service_by_variant(
            &format!("{name}: service level against its target"),
            &format!("share answered within {}", threshold(c0.threshold_s)),
            &points,
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::plan::sweep::roster::Rostered;

    fn check(name: &str, mean: f64, target: f64) -> Check {
        Check {
            name: name.into(),
            threshold_s: 10.0,
            target,
            mean,
            half_width: 0.01,
            abandon: None,
        }
    }

    /// A roster sweep of the embedded model with two variants, loaded (not rostered).
    fn plan() -> RosterPlan {
        let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
        let path = dir.path().join("sweep.ron");
        let body = r#"(name: "Rules <&>", kind: Roster, variants: [
            (name: "8 h only", overrides: [Set(path: "rostering.lengths_hours", value: "[8]")]),
            (name: "no early starts", overrides: [Set(path: "rostering.earliest_start", value: "07:00")]),
        ])"#;
        std::fs::write(&path, body).unwrap_or_else(|e| panic!("{e}"));
        let file = crate::plan::sweep::read(&path).unwrap_or_else(|e| panic!("{e}"));
        crate::plan::sweep::roster::load(&path, &file, None, None).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn every_variant_is_reported_rostered_or_not_with_service_against_target() {
        let plan = plan();
        let rostered = |paid: f64, checks: Vec<Check>, unmet: usize| Rostered {
            handlers: 77,
            paid_hours: paid,
            rota_paid_hours: 3920.0,
            lp_bound: 2964.31,
            gap: (paid - 2964.31) / paid,
            proven_optimal: false,
            status: "node limit reached",
            rounds: 3,
            unmet,
            checks,
        };
        let rows = vec![
            Row {
                name: "base".into(),
                outcome: Ok(rostered(
                    3338.0,
                    vec![check("999", 0.93, 0.9), check("999 @ Fri night", 0.95, 0.9)],
                    0,
                )),
            },
            Row {
                name: "8 h only".into(),
                outcome: Ok(rostered(3408.5, vec![check("999", 0.88, 0.92)], 2)),
            },
            Row {
                name: "no early starts".into(),
                outcome: Err("a requirement no allowed shift reaches: Mon 02:00".into()),
            },
        ];
        let html = roster_sweep_report(&plan, &rows).finish();
        assert!(html.contains("<h1>Roster sweep: Rules &lt;&amp;&gt;</h1>"));
        assert!(html.contains("2 of 3 variant(s) could not be rostered or miss a target"));
        // paid hours as roster-sweep.csv prints them, the rota to a tenth, the bound and gap
        for cell in [
            "<td>3338</td>",
            "<td>3408.5</td>",
            "<td>3920.0</td>",
            "<td>2964.3</td>",
            "<td>11.2% (node limit reached)</td>",
            "<td class=\"ok\">✓ all met</td>",
            "<td class=\"bad\">✗ 2 interval target(s) not met</td>",
            "<td class=\"bad\">✗ cannot be rostered: a requirement no allowed shift reaches: Mon 02:00</td>",
        ] {
            assert!(html.contains(cell), "no {cell}");
        }
        // the service table: a row per check, a column per variant, marked against the target
        assert!(html.contains("<th>channel or window</th><th>target</th><th>base</th><th>8 h only</th><th>no early starts</th>"));
        assert!(html.contains(
            "<tr><td>999</td><td>90.0% within 10 s</td><td class=\"ok\">✓ 93.0 ± 1.0%</td>\
             <td class=\"bad\">✗ 88.0 ± 1.0% (target 92.0%)</td><td>-</td></tr>"
        ));
        assert!(html.contains("<tr><td>999 @ Fri night</td><td>90.0% within 10 s</td><td class=\"ok\">✓ 95.0 ± 1.0%</td><td>-</td><td>-</td></tr>"));
        // the paid-hours chart and one chart per check, every one drawn
        assert_eq!(html.matches("<svg").count(), 3);
        assert!(!html.contains("could not be drawn"));
        assert!(html.contains("999 @ Fri night: service level against its target"));
        assert!(html.contains("not rostered") && html.contains("no figure"));
        assert_eq!(
            html,
            roster_sweep_report(&plan, &rows).finish(),
            "deterministic"
        );
    }
}
