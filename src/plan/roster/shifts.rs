//! Shift candidates and weekly lines: the rostering rules checked and turned into the shifts
//! (start, length) a roster may use, the weekly lines built from them (a block of days on,
//! then days off), and how much of each KPI interval a line puts on the phones.

use super::RosterError;
use super::teams::Cycle;
use crate::model::{Break, Rostering};
use chrono::{NaiveTime, Timelike};

const DAY_S: f64 = 86_400.0;
const WEEK_S: f64 = 7.0 * DAY_S;

/// A shift a roster may use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ShiftKind {
    /// Start, seconds after midnight.
    pub start_s: f64,
    /// Paid length, seconds (breaks included).
    pub length_s: f64,
}

impl ShiftKind {
    /// Rest between this shift and the same shift the next day, seconds.
    pub fn rest_to_next_day_s(&self) -> f64 {
        DAY_S - self.length_s
    }

    /// "07:00" style start.
    pub fn start_label(&self) -> String {
        let m = (self.start_s / 60.0).round() as u32;
        format!("{:02}:{:02}", m / 60 % 24, m % 60)
    }

    /// "17:00" style end (the clock time, past midnight for a night shift).
    pub fn end_label(&self) -> String {
        ShiftKind {
            start_s: self.start_s + self.length_s,
            length_s: 0.0,
        }
        .start_label()
    }

    /// A short code: "D0700x10" (start and length in hours).
    pub fn code(&self) -> String {
        let m = (self.start_s / 60.0).round() as u32;
        let h = self.length_s / 3600.0;
        let len = if h.fract() == 0.0 {
            format!("{h:.0}")
        } else {
            format!("{h}")
        };
        format!("S{:02}{:02}x{len}", m / 60 % 24, m % 60)
    }
}

/// A weekly line: `days` days on in a row from `first_day` (0 = Monday, wrapping into the next
/// week), each the same shift, the rest of the week off. A handler works the same line every
/// week.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Line {
    pub first_day: usize,
    pub days: u32,
    /// Index into [`Rules::shifts`].
    pub shift: usize,
}

impl Line {
    /// Whether the line works a shift starting on day `d` (0..7) of the week.
    pub fn works(&self, d: usize) -> bool {
        (d + 7 - self.first_day) % 7 < self.days as usize
    }

    /// The seven-letter pattern, Monday first: `code` on a working day, `-` off.
    pub fn pattern(&self, code: char) -> String {
        (0..7)
            .map(|d| if self.works(d) { code } else { '-' })
            .collect()
    }
}

/// The rostering rules, checked.
#[derive(Debug, Clone, PartialEq)]
pub struct Rules {
    pub shifts: Vec<ShiftKind>,
    pub days_on: Vec<u32>,
    pub min_rest_s: f64,
    pub max_consecutive_days: u32,
    /// (after_s, length_s, stagger_s) of each paid break.
    pub breaks: Vec<(f64, f64, f64)>,
    pub shrinkage: f64,
    /// Teams on a days-on/days-off cycle (None: weekly lines). A "line" is then one shift
    /// worked by every team, and its count the handlers in each team on it.
    pub cycle: Option<Cycle>,
}

fn time(field: &'static str, s: &str) -> Result<f64, RosterError> {
    NaiveTime::parse_from_str(s, "%H:%M")
        .map(|t| f64::from(t.num_seconds_from_midnight()))
        .map_err(|_| RosterError::Field {
            field: field.into(),
            message: format!("`{s}` is not a time of day like \"07:00\""),
        })
}

fn field(field: &str, message: String) -> RosterError {
    RosterError::Field {
        field: field.into(),
        message,
    }
}

/// Seconds from `from` forward to `t` on the clock (0..86,400).
fn after(from: f64, t: f64) -> f64 {
    (t - from).rem_euclid(DAY_S)
}

impl Rules {
    /// Check `r` and build the shift candidates. `breaks` and `shrinkage` are the defaults
    /// taken from the model's staff when the rules do not give them.
    pub fn new(r: &Rostering, breaks: &[Break], shrinkage: f64) -> Result<Rules, RosterError> {
        if r.lengths_hours.is_empty() {
            return Err(field(
                "rostering.lengths_hours",
                "needs at least one length".into(),
            ));
        }
        for &h in &r.lengths_hours {
            if !(h.is_finite() && (1.0..=16.0).contains(&h) && (h * 60.0).fract() == 0.0) {
                return Err(field(
                    "rostering.lengths_hours",
                    format!("{h} is not a shift length from 1 to 16 hours in whole minutes"),
                ));
            }
        }
        let grid = r.start_grid_minutes;
        if grid == 0 || 1440 % grid != 0 {
            return Err(field(
                "rostering.start_grid_minutes",
                format!("must divide a day, e.g. 15, 30 or 60 (got {grid})"),
            ));
        }
        if !(r.min_rest_hours.is_finite() && (0.0..=24.0).contains(&r.min_rest_hours)) {
            return Err(field(
                "rostering.min_rest_hours",
                format!("must be 0 to 24 hours (got {})", r.min_rest_hours),
            ));
        }
        let min_rest_s = r.min_rest_hours * 3600.0;
        let shrinkage = r.shrinkage.unwrap_or(shrinkage);
        if !(shrinkage.is_finite() && (0.0..0.9).contains(&shrinkage)) {
            return Err(field(
                "rostering.shrinkage",
                format!("must be a share from 0 to below 0.9 (got {shrinkage})"),
            ));
        }
        let mut break_list = vec![];
        for (k, b) in r.breaks.as_deref().unwrap_or(breaks).iter().enumerate() {
            let ok = [b.after_hours, b.minutes, b.stagger_minutes]
                .iter()
                .all(|v| v.is_finite() && *v >= 0.0);
            if !ok {
                return Err(field(
                    &format!("rostering.breaks[{k}]"),
                    "after_hours, minutes and stagger_minutes must be 0 or more".into(),
                ));
            }
            break_list.push((
                b.after_hours * 3600.0,
                b.minutes * 60.0,
                b.stagger_minutes * 60.0,
            ));
        }

        let earliest = time("rostering.earliest_start", &r.earliest_start)?;
        let latest = time("rostering.latest_start", &r.latest_start)?;
        let span = after(earliest, latest);
        let starts: Vec<f64> = match &r.starts {
            Some(list) => {
                let mut v = vec![];
                for s in list {
                    v.push(time("rostering.starts", s)?);
                }
                v
            }
            None => (0..1440 / grid).map(|k| f64::from(k * grid * 60)).collect(),
        };
        let mut starts: Vec<f64> = starts
            .into_iter()
            .filter(|&s| after(earliest, s) <= span)
            .collect();
        starts.sort_by(|a, b| after(earliest, *a).total_cmp(&after(earliest, *b)));
        starts.dedup();
        if starts.is_empty() {
            return Err(RosterError::Contradictory(format!(
                "no start time falls between rostering.earliest_start {} and latest_start {}",
                r.earliest_start, r.latest_start
            )));
        }

        // Lengths that leave the rest rule met between two days of the same line.
        let mut lengths: Vec<f64> = r.lengths_hours.iter().map(|h| h * 3600.0).collect();
        lengths.sort_by(f64::total_cmp);
        lengths.dedup();
        let restful: Vec<f64> = lengths
            .iter()
            .copied()
            .filter(|l| DAY_S - l >= min_rest_s)
            .collect();
        if restful.is_empty() {
            return Err(RosterError::Contradictory(format!(
                "no allowed shift length leaves rostering.min_rest_hours {} h before the next \
                 day's shift (the longest allowed is {} h)",
                r.min_rest_hours,
                24.0 - r.min_rest_hours
            )));
        }
        // The working window, when shifts must end by a time of day.
        let window = match &r.latest_end {
            Some(end) => {
                let w = after(earliest, time("rostering.latest_end", end)?);
                let w = if w == 0.0 { DAY_S } else { w };
                if restful.iter().all(|&l| l > w) {
                    return Err(RosterError::Contradictory(format!(
                        "the window from rostering.earliest_start {} to latest_end {end} is {} h, \
                         shorter than any allowed shift ({} h)",
                        r.earliest_start,
                        w / 3600.0,
                        restful[0] / 3600.0
                    )));
                }
                w
            }
            None => f64::INFINITY,
        };
        let mut shifts = vec![];
        for &start_s in &starts {
            for &length_s in &restful {
                if after(earliest, start_s) + length_s <= window {
                    shifts.push(ShiftKind { start_s, length_s });
                }
            }
        }
        if shifts.is_empty() {
            return Err(RosterError::Contradictory(format!(
                "no shift starting between rostering.earliest_start {} and latest_start {} ends \
                 by latest_end",
                r.earliest_start, r.latest_start
            )));
        }

        let max = r.max_consecutive_days;
        let mut days_on: Vec<u32> = r.days_on.clone();
        days_on.sort_unstable();
        days_on.dedup();
        if let Some(&d) = days_on.iter().find(|&&d| d == 0 || d > 6) {
            return Err(field(
                "rostering.days_on",
                format!("{d} is not 1 to 6 days on in a week (a line needs a day off)"),
            ));
        }
        days_on.retain(|&d| d <= max);
        if days_on.is_empty() {
            return Err(RosterError::Contradictory(format!(
                "every rostering.days_on ({:?}) is more than rostering.max_consecutive_days {max}",
                r.days_on
            )));
        }
        let cycle = r.teams.as_ref().map(|c| Cycle::new(c, max)).transpose()?;
        Ok(Rules {
            shifts,
            days_on,
            min_rest_s,
            max_consecutive_days: max,
            breaks: break_list,
            shrinkage,
            cycle,
        })
    }

    /// Every weekly line: each block length, first day and shift (with teams: each shift).
    pub fn lines(&self) -> Vec<Line> {
        if let Some(c) = &self.cycle {
            return (0..self.shifts.len())
                .map(|shift| Line {
                    first_day: 0,
                    days: c.days_on,
                    shift,
                })
                .collect();
        }
        let mut out = vec![];
        for &days in &self.days_on {
            for first_day in 0..7 {
                for shift in 0..self.shifts.len() {
                    out.push(Line {
                        first_day,
                        days,
                        shift,
                    });
                }
            }
        }
        out
    }

    /// Paid hours a week of one handler on `line` (with teams: of one handler in each team).
    pub fn paid_hours(&self, line: &Line) -> f64 {
        let length_s = self.shifts[line.shift].length_s;
        match &self.cycle {
            Some(c) => c.paid_hours(length_s),
            None => f64::from(line.days) * length_s / 3600.0,
        }
    }

    /// Teams working each line (1 for weekly lines).
    pub fn teams(&self) -> u32 {
        self.cycle.map_or(1, |c| c.teams)
    }

    /// Whether team `team` of `line` works a shift starting on day `day` (0: the first Monday).
    pub fn works(&self, line: &Line, team: u32, day: i64) -> bool {
        match &self.cycle {
            Some(c) => c.works(team, day),
            None => line.works(day.rem_euclid(7) as usize),
        }
    }

    /// The rota pattern of `line`: seven days, or the team cycle.
    pub fn pattern(&self, line: &Line, code: char) -> String {
        match &self.cycle {
            Some(c) => c.pattern(code),
            None => line.pattern(code),
        }
    }

    /// Phases of the week the requirement must hold in (see [`super::teams`]; 1 for weekly
    /// lines).
    pub fn phases(&self) -> usize {
        self.cycle.map_or(1, |c| c.stagger() as usize)
    }

    /// Cover per handler on `line` in every phase, phase by phase (`phase * n + i`; one phase
    /// for weekly lines): what the integer programme holds to the requirement. Sum it over
    /// lines before taking the least phase: each line's least phase summed understates it.
    pub fn phase_coverage(&self, line: &Line, n: usize, interval_s: f64) -> Vec<f64> {
        let Some(c) = &self.cycle else {
            return self.weekly_coverage(line, n, interval_s);
        };
        let shift = &self.shifts[line.shift];
        let mut out = c.cover(shift.start_s, &self.minute_profile(shift), n, interval_s);
        for v in &mut out {
            *v *= 1.0 - self.shrinkage;
        }
        out
    }

    /// The share of each minute of `shift` a handler is on the phones (breaks spread over
    /// their stagger), one value per minute from the start.
    fn minute_profile(&self, shift: &ShiftKind) -> Vec<f64> {
        let minutes = (shift.length_s / 60.0).round() as usize;
        (0..minutes)
            .map(|m| {
                let t = m as f64 * 60.0 + 30.0;
                let off: f64 = self
                    .breaks
                    .iter()
                    .filter(|(a, _, _)| *a < shift.length_s)
                    .map(|&(a, len, st)| {
                        if st <= 0.0 {
                            f64::from(u8::from(t >= a && t < a + len))
                        } else {
                            // break start uniform on [a, a + st]: P(start <= t < start + len)
                            let lo = (t - len).max(a);
                            let hi = t.min(a + st);
                            ((hi - lo).max(0.0)) / st
                        }
                    })
                    .sum();
                (1.0 - off).clamp(0.0, 1.0)
            })
            .collect()
    }

    /// Expected handlers on the phones per handler on a weekly `line` (no teams), for each
    /// of the week's `n` intervals of `interval_s` seconds (shrinkage and breaks counted).
    fn weekly_coverage(&self, line: &Line, n: usize, interval_s: f64) -> Vec<f64> {
        let shift = &self.shifts[line.shift];
        let profile = self.minute_profile(shift);
        let mut out = vec![0.0; n];
        for d in (0..7).filter(|&d| line.works(d)) {
            for (m, on) in profile.iter().enumerate() {
                let t = (d as f64 * DAY_S + shift.start_s + m as f64 * 60.0).rem_euclid(WEEK_S);
                let i = ((t / interval_s) as usize).min(n - 1);
                out[i] += on * 60.0 / interval_s;
            }
        }
        for v in &mut out {
            *v *= 1.0 - self.shrinkage;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules(r: Rostering) -> Rules {
        match Rules::new(&r, &[], 0.0) {
            Ok(x) => x,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn a_line_covers_its_days_wrapping_into_the_next_week() {
        let l = Line {
            first_day: 5,
            days: 4,
            shift: 0,
        };
        assert_eq!(l.pattern('D'), "DD---DD");
    }

    #[test]
    fn the_start_window_may_run_past_midnight() {
        let r = rules(Rostering {
            earliest_start: "22:00".into(),
            latest_start: "01:00".into(),
            lengths_hours: vec![8.0],
            ..Rostering::default()
        });
        let starts: Vec<String> = r.shifts.iter().map(|s| s.start_label()).collect();
        assert_eq!(starts, ["22:00", "23:00", "00:00", "01:00"]);
    }

    #[test]
    fn lengths_that_break_the_rest_rule_are_dropped_and_none_left_is_an_error() {
        let r = rules(Rostering {
            lengths_hours: vec![10.0, 14.0],
            ..Rostering::default()
        });
        assert!(r.shifts.iter().all(|s| s.length_s == 36_000.0));
        let e = Rules::new(
            &Rostering {
                lengths_hours: vec![14.0],
                ..Rostering::default()
            },
            &[],
            0.0,
        );
        assert!(matches!(e, Err(RosterError::Contradictory(_))), "{e:?}");
    }

    #[test]
    fn a_break_takes_its_minutes_off_the_coverage() {
        let r = match Rules::new(
            &Rostering {
                starts: Some(vec!["08:00".into()]),
                lengths_hours: vec![8.0],
                days_on: vec![1],
                ..Rostering::default()
            },
            &[Break {
                after_hours: 4.0,
                minutes: 30.0,
                stagger_minutes: 60.0,
            }],
            0.2,
        ) {
            Ok(r) => r,
            Err(e) => panic!("{e}"),
        };
        let line = Line {
            first_day: 2,
            days: 1,
            shift: 0,
        };
        let cov = r.phase_coverage(&line, 168, 3600.0);
        let total: f64 = cov.iter().sum();
        assert!((total - 0.8 * 7.5).abs() < 1e-9, "{total}");
        // Wednesday 08:00 to 16:00 only
        assert!(cov[2 * 24 + 8] > 0.79 && cov[2 * 24 + 7] == 0.0 && cov[2 * 24 + 16] == 0.0);
        assert!(cov[2 * 24 + 12] < 0.8);
    }
}
