//! Teams on a days-on/days-off cycle (`rostering.teams`): instead of weekly lines, every
//! handler is in one of `teams` teams working `days_on` days of one shift, then `days_off` off,
//! the teams staggered evenly through the cycle (team k is `k × cycle / teams` days on), as
//! the engine runs a rota's teams. The programme chooses the shifts and how many handlers
//! each team has on each.
//!
//! With a cycle that is not a whole number of weeks, a weekday falls at every point of the
//! stagger over the weeks: each shift's cover is worked out for every *phase* (where Monday
//! falls in the stagger) and the requirement must hold in every phase, so the roster covers
//! every week, not the average one.

use super::RosterError;
use crate::model::TeamCycle;

const DAY_S: f64 = 86_400.0;
const WEEK_S: f64 = 7.0 * DAY_S;

/// A checked team cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cycle {
    pub teams: u32,
    pub days_on: u32,
    pub days_off: u32,
}

impl Cycle {
    /// Check the model's cycle against the most days in a row.
    pub fn new(c: &TeamCycle, max_consecutive_days: u32) -> Result<Cycle, RosterError> {
        let field = |f: &str, message: String| RosterError::Field {
            field: format!("rostering.teams.{f}"),
            message,
        };
        if c.teams == 0 || c.teams > 28 {
            return Err(field("teams", format!("must be 1 to 28 (got {})", c.teams)));
        }
        if c.days_on == 0 || c.days_off == 0 || c.days_on + c.days_off > 28 {
            return Err(field(
                "days_on",
                format!(
                    "a cycle needs days on and days off, 28 days at most (got {} on, {} off)",
                    c.days_on, c.days_off
                ),
            ));
        }
        let len = c.days_on + c.days_off;
        if !len.is_multiple_of(c.teams) {
            return Err(RosterError::Contradictory(format!(
                "{} teams cannot be staggered evenly through a {len}-day cycle ({} on, {} off): \
                 the number of teams must divide the cycle",
                c.teams, c.days_on, c.days_off
            )));
        }
        if c.days_on > max_consecutive_days {
            return Err(RosterError::Contradictory(format!(
                "rostering.teams.days_on {} is more than rostering.max_consecutive_days {}",
                c.days_on, max_consecutive_days
            )));
        }
        Ok(Cycle {
            teams: c.teams,
            days_on: c.days_on,
            days_off: c.days_off,
        })
    }

    /// Days in the cycle.
    pub fn days(&self) -> u32 {
        self.days_on + self.days_off
    }

    /// Days between one team's cycle and the next's.
    pub fn stagger(&self) -> u32 {
        self.days() / self.teams
    }

    /// Whether team `k` works on day `d` (day 0: the first Monday).
    pub fn works(&self, team: u32, day: i64) -> bool {
        let len = i64::from(self.days());
        let pos = (i64::from(team) * i64::from(self.stagger()) + day).rem_euclid(len);
        pos < i64::from(self.days_on)
    }

    /// Teams on duty on a day at phase `r` of the stagger (0..stagger).
    pub fn on_duty(&self, r: i64) -> u32 {
        (0..self.teams)
            .filter(|&j| {
                let pos = r.rem_euclid(i64::from(self.stagger())) + i64::from(j * self.stagger());
                pos < i64::from(self.days_on)
            })
            .count() as u32
    }

    /// Paid hours a week per handler in each team on a shift of `length_s`.
    pub fn paid_hours(&self, length_s: f64) -> f64 {
        f64::from(self.teams) * f64::from(self.days_on) * 7.0 / f64::from(self.days()) * length_s
            / 3600.0
    }

    /// A shift's cover per handler per team for every phase, phase by phase (`phase * n + i`):
    /// `profile` is the share of each minute from the shift's start a handler is on the phones.
    pub fn cover(&self, start_s: f64, profile: &[f64], n: usize, interval_s: f64) -> Vec<f64> {
        let phases = self.stagger() as usize;
        let mut out = vec![0.0; phases * n];
        for r0 in 0..phases {
            let row = &mut out[r0 * n..(r0 + 1) * n];
            // Shifts starting the Sunday before spill into Monday; those starting on Sunday
            // spill into the next week, which the Sunday before stands for.
            for d in -1i64..7 {
                let teams = f64::from(self.on_duty(r0 as i64 + d));
                if teams == 0.0 {
                    continue;
                }
                for (m, on) in profile.iter().enumerate() {
                    let t = d as f64 * DAY_S + start_s + m as f64 * 60.0;
                    if !(0.0..WEEK_S).contains(&t) {
                        continue;
                    }
                    let i = ((t / interval_s) as usize).min(n - 1);
                    row[i] += teams * on * 60.0 / interval_s;
                }
            }
        }
        out
    }

    /// The cycle as a rota pattern: `code` on days on, `-` off.
    pub fn pattern(&self, code: char) -> String {
        (0..self.days())
            .map(|d| if d < self.days_on { code } else { '-' })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cycle(teams: u32, on: u32, off: u32) -> Cycle {
        match Cycle::new(
            &TeamCycle {
                teams,
                days_on: on,
                days_off: off,
            },
            7,
        ) {
            Ok(c) => c,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn four_on_four_off_in_four_teams_puts_two_teams_on_every_day() {
        let c = cycle(4, 4, 4);
        assert_eq!(c.stagger(), 2);
        for r in 0..8 {
            assert_eq!(c.on_duty(r), 2, "phase {r}");
        }
        for d in 0..56 {
            let on = (0..4).filter(|&k| c.works(k, d)).count();
            assert_eq!(on, 2, "day {d}");
        }
        // 4 of every 8 days at 12 hours: 42 paid hours a week per team place, four teams
        assert!((c.paid_hours(12.0 * 3600.0) - 4.0 * 42.0).abs() < 1e-9);
    }

    #[test]
    fn an_uneven_cycle_is_covered_in_its_worst_phase() {
        // 2 teams, 3 on 3 off: stagger 3; phases where one or both... every day one team.
        let c = cycle(2, 3, 3);
        assert_eq!((0..3).map(|r| c.on_duty(r)).collect::<Vec<_>>(), [1, 1, 1]);
        // 2 teams, 4 on 2 off: stagger 3; positions r and r + 3: both on when r = 0.
        let c = cycle(2, 4, 2);
        assert_eq!((0..3).map(|r| c.on_duty(r)).collect::<Vec<_>>(), [2, 1, 1]);
        let cover = c.cover(8.0 * 3600.0, &vec![1.0; 60], 168, 3600.0);
        assert_eq!(cover.len(), 3 * 168);
        // phase 0: Monday at position 0 (both teams), Tuesday phase 1 (one team)
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(near(cover[8], 2.0), "{}", cover[8]);
        assert!(near(cover[24 + 8], 1.0), "{}", cover[24 + 8]);
        assert!(near(cover[168 + 8], 1.0), "{}", cover[168 + 8]);
    }

    #[test]
    fn teams_that_cannot_stagger_evenly_or_work_too_long_are_refused() {
        let bad = |teams, on, off, max| {
            Cycle::new(
                &TeamCycle {
                    teams,
                    days_on: on,
                    days_off: off,
                },
                max,
            )
        };
        assert!(matches!(
            bad(3, 4, 4, 7),
            Err(RosterError::Contradictory(_))
        ));
        assert!(matches!(
            bad(4, 6, 2, 5),
            Err(RosterError::Contradictory(_))
        ));
        assert!(matches!(bad(0, 4, 4, 7), Err(RosterError::Field { .. })));
        assert!(matches!(bad(2, 4, 0, 7), Err(RosterError::Field { .. })));
    }
}
