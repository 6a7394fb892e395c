//! The roster: which handler works which shift on which day.
//!
//! Each staff group is split into teams that work the same cycle of days (e.g. "DDNN----"),
//! staggered evenly through it so the room is covered round the clock.

use super::config::{GroupConfig, ShiftTime};

/// One handler's place in the roster.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Seat {
    pub group: usize,
    pub team: u32,
    /// Position within the team (staggers breaks and training days).
    pub member: u32,
    /// A recruit from this intake of the group (None: in post from the start).
    pub intake: Option<usize>,
}

/// Every handler in the model, group by group, team by team.
pub fn seats(groups: &[GroupConfig]) -> Vec<Seat> {
    let mut out = Vec::new();
    for (g, group) in groups.iter().enumerate() {
        for team in 0..group.teams {
            for member in 0..group.handlers {
                out.push(Seat {
                    group: g,
                    team,
                    member,
                    intake: None,
                });
            }
        }
        for (k, intake) in group.intakes.iter().enumerate() {
            for r in 0..intake.recruits {
                let team = r % group.teams.max(1);
                out.push(Seat {
                    group: g,
                    team,
                    member: r / group.teams.max(1),
                    intake: Some(k),
                });
            }
        }
    }
    out
}

/// The shift a team of `group` works on `day` (day 0 is the Monday of week one), if any.
pub fn shift_on(group: &GroupConfig, team: u32, day: i64) -> Option<&ShiftTime> {
    let len = group.pattern.len() as i64;
    if len == 0 {
        return None;
    }
    let offset = team as i64 * len / group.teams.max(1) as i64;
    let cycle_day = (group.start_day as i64 + offset + day).rem_euclid(len);
    group.pattern[cycle_day as usize].as_ref()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(pattern: &str, teams: u32) -> GroupConfig {
        GroupConfig {
            name: "g".into(),
            skills: vec![0],
            handlers: 2,
            pattern: pattern
                .chars()
                .map(|c| {
                    (c == 'D').then_some(ShiftTime {
                        start_s: 7.0 * 3600.0,
                        length_s: 36000.0,
                    })
                })
                .collect(),
            start_day: 0,
            teams,
            breaks: vec![],
            shrinkage: 0.0,
            training_every_shifts: 0,
            learning: None,
            windows: vec![],
            leave_rate_per_s: 0.0,
            intakes: vec![],
        }
    }

    #[test]
    fn staggered_teams_cover_every_day_of_a_four_on_four_off_cycle() {
        let g = group("DDDD----", 2);
        assert_eq!(seats(std::slice::from_ref(&g)).len(), 4);
        for day in -3..30 {
            let working = (0..2).filter(|&t| shift_on(&g, t, day).is_some()).count();
            assert_eq!(working, 1, "day {day}");
        }
        assert!(shift_on(&g, 0, 0).is_some());
        assert!(shift_on(&g, 0, 4).is_none());
        assert!(shift_on(&g, 0, -1).is_none());
    }
}
