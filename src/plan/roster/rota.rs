//! The roster as a runnable model (`roster.ron`) and as `roster.csv`: each weekly line
//! becomes a staff group of the model, one team whose handlers all work the line's seven-day
//! pattern (with teams on a cycle: the line's shift worked by that many teams, staggered
//! through the cycle), so `controlroom simulate roster.ron` runs it.

use super::{Line, Roster};
use crate::model::{Break, Model, Rota, Shift};
use crate::plan::report::{csv_field, interval_label};
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

/// The staff group name of line `k` of the roster: its desk, days, start and length.
pub fn line_name(roster: &Roster, k: usize) -> String {
    let line = &roster.lines[k].0;
    let desk = roster
        .line_desk
        .get(k)
        .and_then(|&d| roster.desks.get(d))
        .map_or(DESK, String::as_str);
    let s = &roster.rules.shifts[line.shift];
    format!(
        "{desk} {} {} {}h",
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
    let pooled_skills: Vec<String> = base.channels.iter().map(|c| c.id.clone()).collect();
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
    // The staffed model has one group per desk, in the desks' order, with its skills and
    // routing: each line of a desk is a copy of its group.
    let desks = std::mem::take(&mut m.staff);
    m.staff = roster
        .lines
        .iter()
        .enumerate()
        .filter_map(|(k, (line, z))| {
            let s = &roster.rules.shifts[line.shift];
            let d = roster.line_desk.get(k).copied().unwrap_or(0);
            let mut g = desks.get(d).or(desks.first()).cloned()?;
            g.name = line_name(roster, k);
            if !roster.per_desk() && desks.len() == 1 && g.routing.is_empty() {
                g.skills = pooled_skills.clone();
            }
            g.handlers = *z;
            g.teams = roster.rules.teams();
            g.on_duty = None;
            g.rota = Some(Rota {
                shifts: vec![Shift {
                    code: "W".into(),
                    start: s.start_label(),
                    hours: s.length_s / 3600.0,
                }],
                pattern: roster.rules.pattern(line, 'W'),
                start_day: 0,
            });
            g.breaks = breaks.clone();
            g.shrinkage = roster.rules.shrinkage;
            Some(g)
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
         // weekly lines, one staff group per line, with its desk's skills and routing (or every\n\
         // channel, when pooled). Each handler works the same line every week. Run it with\n\
         // `controlroom simulate roster.ron`.\n\
         {body}\n"
    ))
}

/// `roster.csv`: handlers of each desk starting each shift on each day of the week (with
/// teams on a cycle: of the first week).
pub fn roster_csv(roster: &Roster) -> String {
    let mut out = String::from("desk,shift,day,start,hours,handlers\n");
    let n_shifts = roster.rules.shifts.len();
    for (d, desk) in roster.desks.iter().enumerate() {
        for (day_index, day) in DAYS.iter().enumerate() {
            for k in 0..n_shifts {
                // With teams: the first week, as the engine staggers them.
                let handlers: u32 = roster
                    .lines
                    .iter()
                    .zip(&roster.line_desk)
                    .filter(|((l, _), ld)| **ld == d && l.shift == k)
                    .map(|((l, z), _)| {
                        let teams = (0..roster.rules.teams())
                            .filter(|&t| roster.rules.works(l, t, day_index as i64))
                            .count() as u32;
                        z * teams
                    })
                    .sum();
                if handlers == 0 {
                    continue;
                }
                let s = &roster.rules.shifts[k];
                out.push_str(&format!(
                    "{},{},{day},{},{},{handlers}\n",
                    csv_field(desk),
                    s.code(),
                    s.start_label(),
                    s.length_s / 3600.0
                ));
            }
        }
    }
    out
}

/// Required against rostered (expected on the phones) per desk and interval, as CSV rows;
/// `needs[d]` is desk `d`'s requirement.
pub fn cover_csv(roster: &Roster, needs: &[Vec<f64>], interval_s: f64) -> String {
    let mut out = String::from("desk,interval,day,start,required,on_phones_expected,surplus\n");
    for (d, required) in needs.iter().enumerate() {
        let desk = roster.desks.get(d).map_or(DESK, String::as_str);
        let cover = roster.on_phones_at(d, required.len(), interval_s);
        for (i, (r, c)) in required.iter().zip(&cover).enumerate() {
            let (day, start) = interval_label(i, interval_s);
            out.push_str(&format!(
                "{},{i},{day},{start},{r},{c:.3},{:.3}\n",
                csv_field(desk),
                c - r
            ));
        }
    }
    out
}
