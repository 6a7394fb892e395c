//! The report of `controlroom roster`: paid hours against the current rota and the relaxation
//! bound, required against rostered handlers over the week, the rota grid of one cycle per
//! team, the verification rounds and the targets in the last round's fresh simulation.

use super::Report;
use crate::plan::charts;
use crate::plan::roster::rota::{self, DESK};
use crate::plan::roster::verify::Verified;
use crate::plan::staffing::StaffingResult;

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// The roster report. `requirement` is the staffing search the roster was built on (its
/// requirement per interval, the current rota's cover and paid hours).
pub fn roster_report(model_name: &str, v: &Verified, requirement: &StaffingResult) -> Report {
    let s = &v.roster.solved;
    let rota_paid = requirement.rota_paid_hours;
    let met = v.unmet.is_empty();
    let mut r = Report::new(&format!("Roster: {model_name}"));
    r.facts(&[
        ("Handlers", v.roster.handlers().to_string()),
        (
            "Paid hours a week",
            format!(
                "{:.0} (current rota {rota_paid:.0}, {:+.0})",
                s.paid_hours,
                s.paid_hours - rota_paid
            ),
        ),
        (
            "Relaxation bound",
            format!(
                "{:.1} paid hours: optimality gap {:.1}% ({}, {} nodes)",
                s.lp_bound,
                100.0 * s.gap(),
                s.status(),
                s.nodes
            ),
        ),
        ("Verification rounds", v.rounds.len().to_string()),
        (
            "Targets",
            if met {
                "all met in a fresh simulation".into()
            } else {
                format!("{} interval target(s) NOT met", v.unmet.len())
            },
        ),
    ]);
    hours_section(&mut r, v, rota_paid);
    cover_section(&mut r, v, requirement);
    grid_section(&mut r, v);
    rounds_section(&mut r, v);
    r
}

fn hours_section(r: &mut Report, v: &Verified, rota_paid: f64) {
    let s = &v.roster.solved;
    let pct = |x: f64| format!("{:+.1}%", 100.0 * x);
    r.section(
        "Paid hours",
        "Paid hours a week of the roster (shifts with their breaks), of the model's current \
         rota, and the linear relaxation's optimum: no roster under these rules pays fewer \
         hours, so the gap to it bounds how far the roster can be from the best.",
    );
    let rows = vec![
        vec!["roster".into(), format!("{:.0}", s.paid_hours), "-".into()],
        vec![
            "current rota".into(),
            format!("{rota_paid:.0}"),
            if rota_paid > 0.0 {
                pct((s.paid_hours - rota_paid) / rota_paid)
            } else {
                "-".into()
            },
        ],
        vec![
            "relaxation bound".into(),
            format!("{:.1}", s.lp_bound),
            format!("gap {:.1}%", 100.0 * s.gap()),
        ],
    ];
    r.table(&["", "paid hours a week", "roster against it"], &rows);
}

fn cover_section(r: &mut Report, v: &Verified, req: &StaffingResult) {
    let needs = v.needs(req);
    let pooled = !v.roster.per_desk();
    r.section(
        "Required against rostered",
        &format!(
            "{} Handlers needed on the phones in each interval (the staffing search's \
             requirement plus any cover verification added), against the roster's expected \
             handlers on the phones (its shifts less breaks and shrinkage); shortfalls are \
             shaded. {}",
            if pooled {
                format!("Desk `{DESK}` (staff pooled: every handler takes every channel).")
            } else {
                "One chart per desk: each staff group of the model with its skills and routing."
                    .to_string()
            },
            if pooled {
                "The second chart adds the current rota."
            } else {
                "The last chart adds them up, with the current rota."
            }
        ),
    );
    for (d, need) in needs.iter().enumerate() {
        if need.iter().all(|&x| x <= 0.0) {
            continue;
        }
        let name = v.roster.desks.get(d).map_or(DESK, String::as_str);
        let on = v.roster.on_phones_at(d, need.len(), req.interval_s);
        r.chart(charts::required_vs_rostered(
            &format!("{name}: handlers required and rostered"),
            need,
            &on,
            req.interval_s,
        ));
    }
    let need = v.need(req);
    let on = v.roster.on_phones(need.len(), req.interval_s);
    let all = if pooled { DESK } else { "All desks" };
    r.chart(charts::week_lines(
        &format!("{all}: required, roster and current rota"),
        "handlers",
        &[
            ("required", need.clone()),
            ("roster", on),
            ("current rota", req.rostered.clone()),
        ],
        req.interval_s,
        false,
        None,
    ));
}

/// One row per team (a weekly line), one column per day of the cycle.
fn grid_section(r: &mut Report, v: &Verified) {
    r.section(
        "Rota grid",
        "The first week per team: each team is one weekly line, and each of its handlers \
         works the same line every week (with teams on a days-on/days-off cycle, each team \
         works the line's shift through the cycle, so later weeks shift by the stagger). A \
         cell is the shift worked that day (start–end, the end past midnight for a night), or \
         off.",
    );
    let mut headers = vec!["team", "handlers"];
    headers.extend(DAYS);
    headers.push("paid h/wk");
    let rules = &v.roster.rules;
    let teams = rules.teams();
    let mut rows: Vec<Vec<String>> = vec![];
    for (k, (line, z)) in v.roster.lines.iter().enumerate() {
        let s = &rules.shifts[line.shift];
        for t in 0..teams {
            let name = rota::line_name(&v.roster, k);
            let name = if teams > 1 {
                format!("{name}, team {}", t + 1)
            } else {
                name
            };
            let mut row = vec![name, z.to_string()];
            row.extend((0..7).map(|d| {
                if rules.works(line, t, d) {
                    format!("{}–{}", s.start_label(), s.end_label())
                } else {
                    "off".into()
                }
            }));
            row.push(format!(
                "{:.0}",
                rules.paid_hours(line) * f64::from(*z) / f64::from(teams)
            ));
            rows.push(row);
        }
    }
    r.table(&headers, &rows);
}

fn rounds_section(r: &mut Report, v: &Verified) {
    r.section(
        "Verification",
        "Each round solves the integer programme, simulates the roster with a fresh seed and, \
         where a target fails beyond noise, adds a handler on the phones there for the next \
         round. Targets below are from the last round's simulation.",
    );
    let rows: Vec<Vec<String>> = v
        .rounds
        .iter()
        .map(|x| {
            vec![
                x.number.to_string(),
                x.seed.to_string(),
                format!("{:.0}", x.paid_hours),
                format!("{:.1}", x.lp_bound),
                x.failing.to_string(),
            ]
        })
        .collect();
    r.table(
        &["round", "seed", "paid hours", "bound", "targets failing"],
        &rows,
    );
    let rows: Vec<Vec<String>> = v
        .checks
        .iter()
        .map(|c| {
            vec![
                c.name.clone(),
                format!("{:.1} ± {:.1}%", 100.0 * c.mean, 100.0 * c.half_width),
                format!("{:.1}% within {} s", 100.0 * c.target, c.threshold_s),
                c.abandon
                    .map(|(a, cap)| format!("{:.1}% (at most {:.1}%)", 100.0 * a, 100.0 * cap))
                    .unwrap_or_else(|| "-".into()),
                if c.met() {
                    "✓ met".into()
                } else {
                    "✗ not met".into()
                },
            ]
        })
        .collect();
    r.table(
        &["channel", "service level", "target", "abandonment", ""],
        &rows,
    );
}
