//! Paid hours, `staffing.csv` and the staffed model (`staffing.ron`).
//!
//! The search answers "handlers on duty" (signed in and available). Paying for that takes more
//! hours: some rostered shifts are lost to sickness, training and leave (shrinkage), and paid
//! breaks take handlers off the phones. Paid hours are the on-duty hours divided by the share
//! of a paid hour the current rota actually puts on the phones:
//!
//! `availability = Σ_g paid_g × (1 − shrinkage_g) × (1 − 1/training_every_g) × (1 − breaks_g/paid_g) / Σ_g paid_g`
//!
//! over the model's staff groups, where `paid_g` is group g's rostered hours per week (handlers
//! × teams × the hours of its shift cycle, scaled to seven days; an on-duty group's profile
//! hours, with its shrinkage only) and `breaks_g` the break time inside those shifts.
//! Rotations, intakes and attrition are left out: the rota is counted as it stands at the start.

use super::StaffingResult;
use crate::model::{Duration, Model, OnDuty, Profile, StaffGroup};
use crate::plan::dates;
use crate::plan::report::{cell, csv_field, interval_label};
use crate::sim::Config;
use crate::sim::config::GroupConfig;
use std::path::Path;

/// A group's rostered (paid) hours per week and the share of them spent available.
fn group_hours(g: &GroupConfig) -> (f64, f64) {
    if let Some((interval_s, counts)) = &g.on_duty {
        let paid = counts.iter().map(|&c| f64::from(c)).sum::<f64>() * interval_s / 3600.0;
        return (paid, 1.0 - g.shrinkage);
    }
    let len = g.pattern.len();
    if len == 0 {
        return (0.0, 1.0);
    }
    let people = f64::from(g.handlers) * f64::from(g.teams.max(1));
    let scale = 7.0 / len as f64 * people / 3600.0;
    let shifts: Vec<_> = g.pattern.iter().flatten().collect();
    let paid = shifts.iter().map(|s| s.length_s).sum::<f64>() * scale;
    let breaks = shifts
        .iter()
        .map(|s| {
            g.breaks
                .iter()
                .filter(|b| b.after_s < s.length_s)
                .map(|b| b.length_s.min(s.length_s - b.after_s))
                .sum::<f64>()
        })
        .sum::<f64>()
        * scale;
    let training = if g.training_every_shifts > 0 {
        1.0 - 1.0 / f64::from(g.training_every_shifts)
    } else {
        1.0
    };
    let on_phones = if paid > 0.0 { 1.0 - breaks / paid } else { 1.0 };
    (paid, (1.0 - g.shrinkage) * training * on_phones)
}

/// The current staff's paid hours per week and the share of them available to take contacts.
pub fn rota_hours(cfg: &Config) -> (f64, f64) {
    let (mut paid, mut available) = (0.0, 0.0);
    for g in &cfg.groups {
        let (p, share) = group_hours(g);
        paid += p;
        available += p * share.clamp(0.0, 1.0);
    }
    if paid > 0.0 && available > 0.0 {
        (paid, available / paid)
    } else {
        (paid, 1.0)
    }
}

/// `staffing.csv`: one row per KPI interval of the week; for a dated model, each interval's
/// date and bank holiday in the days staffed (`date,last_date,bank_holiday` after `start`);
/// with several desks, each desk's part of `required` in a `required:<desk>` column.
pub fn staffing_csv(r: &StaffingResult) -> String {
    let mut out = String::from("interval,day,start,");
    if r.days.is_some() {
        out.push_str(&dates::COLUMNS.join(","));
        out.push(',');
    }
    out.push_str("erlang_a_start,required,rostered_mean,gap");
    let per_desk = super::Desk::per_desk(&r.desks);
    if per_desk {
        for d in &r.desks {
            out.push(',');
            out.push_str(&csv_field(&format!("required:{}", d.name)));
        }
    }
    out.push('\n');
    for (i, &req) in r.required.iter().enumerate() {
        let (day, start) = interval_label(i, r.interval_s);
        let rostered = r.rostered.get(i).copied().unwrap_or(f64::NAN);
        let dated = r
            .days
            .as_ref()
            .map(|d| format!("{},", d.cells(i).join(",")))
            .unwrap_or_default();
        out.push_str(&format!(
            "{i},{day},{start},{dated}{},{req},{},{}",
            r.erlang_start.get(i).copied().unwrap_or(0),
            cell(rostered),
            cell(rostered - f64::from(req)),
        ));
        if per_desk {
            for d in &r.desks {
                out.push_str(&format!(",{}", d.required.get(i).copied().unwrap_or(0)));
            }
        }
        out.push('\n');
    }
    out
}

/// The name of the single group in a staffed model.
pub const ON_DUTY_GROUP: &str = "On duty (controlroom staff)";

/// Make a relative input path absolute against the model's folder, so the staffed model can
/// be saved anywhere.
fn rebase(path: &mut String, dir: Option<&Path>) {
    let Some(dir) = dir else { return };
    let p = Path::new(path.as_str());
    if p.is_relative() {
        let joined = dir.join(p);
        let abs = std::path::absolute(&joined).unwrap_or(joined);
        *path = abs.to_string_lossy().into_owned();
    }
}

fn rebase_duration(d: &mut Duration, dir: Option<&Path>) {
    if let Duration::Empirical { path, .. } = d {
        rebase(path, dir);
    }
}

/// `model` with its staff replaced by the answer's desks (one pooled group taking every
/// channel, or one group per desk with its skills and routing), on duty exactly as the answer
/// says (no shrinkage, breaks or training: those are in the paid hours).
/// `model_dir` is the folder the model was read from (None for the embedded model); relative
/// CSV inputs are made absolute against it.
pub fn staffed_model(model: &Model, model_dir: Option<&Path>, result: &StaffingResult) -> Model {
    let mut m = model.clone();
    for ch in &mut m.channels {
        if let Profile::Csv { path, .. } | Profile::Forecast { file: path, .. } =
            &mut ch.arrivals.profile
        {
            rebase(path, model_dir);
        }
        rebase_duration(&mut ch.talk, model_dir);
        if let Some(w) = &mut ch.wrap {
            rebase_duration(w, model_dir);
        }
        if let Some(p) = &mut ch.patience {
            rebase_duration(p, model_dir);
        }
        if let Some(r) = &mut ch.redial {
            rebase_duration(&mut r.delay, model_dir);
        }
    }
    m.name = format!("{} (staffed by controlroom staff)", model.name);
    let on_duty = |required: &[u32]| OnDuty {
        interval_minutes: (result.interval_s / 60.0).round() as u32,
        handlers: required.to_vec(),
    };
    m.staff = result
        .desks
        .iter()
        .map(|desk| {
            let own = desk.group.and_then(|g| model.staff.get(g));
            StaffGroup {
                name: desk.name.clone(),
                skills: own.map_or_else(
                    || model.channels.iter().map(|c| c.id.clone()).collect(),
                    |g| g.skills.clone(),
                ),
                routing: own.map_or_else(Vec::new, |g| g.routing.clone()),
                handling_multiplier: own.map_or(1.0, |g| g.handling_multiplier),
                handlers: 0,
                teams: 1,
                rota: None,
                on_duty: Some(on_duty(&desk.required)),
                breaks: vec![],
                shrinkage: 0.0,
                training: None,
                learning: None,
                rotation: None,
                attrition_per_month: 0.0,
                intakes: vec![],
            }
        })
        .collect();
    m
}

/// The staffed model as RON text, with a header comment.
pub fn staffed_model_ron(model: &Model) -> Result<String, ron::Error> {
    let pretty = ron::ser::PrettyConfig::default().compact_arrays(true);
    let body = ron::ser::to_string_pretty(model, pretty)?;
    Ok(format!(
        "// Written by `controlroom staff`: the model with its staff replaced by the recommended\n\
         // desks (one pooled group taking every channel, or one group per desk with its skills\n\
         // and routing), each with exactly the recommended number of handlers on duty in each\n\
         // interval of the week. Check it with `controlroom simulate staffing.ron`.\n{body}\n"
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_rota_pays_3920_hours_and_puts_about_73_percent_on_the_phones() {
        let cfg = match crate::model::load(None) {
            Ok(l) => l.config,
            Err(e) => panic!("{e}"),
        };
        let (paid, share) = rota_hours(&cfg);
        // 999 desk 4 x 5 teams, call handlers 11 x 5, each six 10-h shifts in 10 days;
        // digital desk 8 x 2 and pooled desk 3 x 2, four 10-h shifts in 8 days.
        let expect = (20.0 + 55.0) * 60.0 * 0.7 + (16.0 + 6.0) * 40.0 * 7.0 / 8.0;
        assert!((paid - expect).abs() < 1e-9, "{paid}");
        // 20% shrinkage; 50 min of breaks per shift (45 min on the day desks).
        let on = (75.0 * 42.0 * 0.8 * (1.0 - 50.0 / 600.0) + 22.0 * 35.0 * 0.8 * 0.925) / expect;
        assert!((share - on).abs() < 1e-9, "{share} vs {on}");
    }
}
