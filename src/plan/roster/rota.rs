//! The roster as a runnable model (`roster.ron`) and as `roster.csv`: each weekly line
//! becomes a staff group of the model, one team whose handlers all work the line's seven-day
//! pattern, so `controlroom simulate roster.ron` runs it.

use super::{Line, Roster};
use crate::model::{Break, Model, Rota, Shift};
use crate::plan::report::interval_label;
use crate::plan::staffing::{StaffingResult, staffed_model};
use std::path::Path;

/// The desk name of a pooled roster (every handler takes every channel).
pub const DESK: &str = "Rostered";

const DAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// "Mon-Fri" for a line's block of days.
pub fn days_label(line: &Line) -> String {
    let first = DAYS[line.first_day];
    let last = DAYS[(line.first_day + line.days as usize - 1) % 7];
    if line.days == 1 {
        first.to_string()
    } else {
        format!("{first}-{last}")
    }
}

/// The staff group name of a line.
pub fn line_name(roster: &Roster, line: &Line) -> String {
    let s = &roster.rules.shifts[line.shift];
    format!(
        "{DESK} {} {} {}h",
        days_label(line),
        s.start_label(),
        s.length_s / 3600.0
    )
}

/// `base` with its staff replaced by the roster's lines (relative CSV inputs made absolute
/// against `model_dir`, as `staffing.ron` does).
pub fn roster_model(
    base: &Model,
    model_dir: Option<&Path>,
    requirement: &StaffingResult,
    roster: &Roster,
) -> Model {
    let mut m = staffed_model(base, model_dir, requirement);
    m.name = format!("{} (rostered by controlroom roster)", base.name);
    let skills: Vec<String> = base.channels.iter().map(|c| c.id.clone()).collect();
    let breaks: Vec<Break> = roster
        .rules
        .breaks
        .iter()
        .map(|&(a, len, st)| Break {
            after_hours: a / 3600.0,
            minutes: len / 60.0,
            stagger_minutes: st / 60.0,
        })
        .collect();
    let template = m.staff[0].clone();
    m.staff = roster
        .lines
        .iter()
        .map(|(line, z)| {
            let s = &roster.rules.shifts[line.shift];
            let mut g = template.clone();
            g.name = line_name(roster, line);
            g.skills = skills.clone();
            g.handlers = *z;
            g.teams = 1;
            g.on_duty = None;
            g.rota = Some(Rota {
                shifts: vec![Shift {
                    code: "W".into(),
                    start: s.start_label(),
                    hours: s.length_s / 3600.0,
                }],
                pattern: line.pattern('W'),
                start_day: 0,
            });
            g.breaks = breaks.clone();
            g.shrinkage = roster.rules.shrinkage;
            g
        })
        .collect();
    m
}

/// The roster model as RON text, with a header comment.
pub fn roster_model_ron(model: &Model) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::default().compact_arrays(true);
    let body = ron::ser::to_string_pretty(model, pretty)?;
    Ok(format!(
        "// Written by `controlroom roster`: the model with its staff replaced by the chosen\n\
         // weekly lines, one staff group per line (every handler takes every channel). Each\n\
         // handler works the same line every week. Run it with `controlroom simulate roster.ron`.\n\
         {body}\n"
    ))
}

/// `roster.csv`: handlers starting each shift on each day of the week.
pub fn roster_csv(roster: &Roster) -> String {
    let mut out = String::from("desk,shift,day,start,hours,handlers\n");
    let n_shifts = roster.rules.shifts.len();
    for (d, day) in DAYS.iter().enumerate() {
        for k in 0..n_shifts {
            let handlers: u32 = roster
                .lines
                .iter()
                .filter(|(l, _)| l.shift == k && l.works(d))
                .map(|(_, z)| z)
                .sum();
            if handlers == 0 {
                continue;
            }
            let s = &roster.rules.shifts[k];
            out.push_str(&format!(
                "{DESK},{},{day},{},{},{handlers}\n",
                s.code(),
                s.start_label(),
                s.length_s / 3600.0
            ));
        }
    }
    out
}

/// Required against rostered (expected on the phones) per interval, as CSV rows.
pub fn cover_csv(roster: &Roster, required: &[f64], interval_s: f64) -> String {
    let mut out = String::from("interval,day,start,required,on_phones_expected,surplus\n");
    let cover = roster.on_phones(required.len(), interval_s);
    for (i, (r, c)) in required.iter().zip(&cover).enumerate() {
        let (day, start) = interval_label(i, interval_s);
        out.push_str(&format!("{i},{day},{start},{r},{c:.3},{:.3}\n", c - r));
    }
    out
}
