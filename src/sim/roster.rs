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

/// Every shift a handler works that starts on `day`: the rota's shift, or, for an on-duty
/// profile, each unbroken run of intervals that day in which the profile needs them (handler
/// k of a profile works whenever more than k handlers are needed).
pub fn shifts_on(group: &GroupConfig, seat: Seat, day: i64) -> Vec<ShiftTime> {
    let Some((interval_s, counts)) = &group.on_duty else {
        return shift_on(group, seat.team, day)
            .into_iter()
            .cloned()
            .collect();
    };
    let per_day = (super::config::DAY_S / interval_s).round() as usize;
    let dow = day.rem_euclid(7) as usize;
    let mut out: Vec<ShiftTime> = vec![];
    let mut run: Option<usize> = None;
    for j in 0..=per_day {
        let on = j < per_day
            && counts
                .get(dow * per_day + j)
                .is_some_and(|&c| c > seat.member);
        match (on, run) {
            (true, None) => run = Some(j),
            (false, Some(s)) => {
                out.push(ShiftTime {
                    start_s: s as f64 * interval_s,
                    length_s: (j - s) as f64 * interval_s,
                });
                run = None;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn group(pattern: &str, teams: u32) -> GroupConfig {
        GroupConfig {
            name: "g".into(),
            skills: vec![0],
            routing: vec![],
            handling_multiplier: 1.0,
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
            on_duty: None,
        }
    }

    #[test]
    fn an_on_duty_profile_gives_handler_k_the_intervals_needing_more_than_k() {
        let mut g = group("D", 1);
        let mut counts = vec![0u32; 168];
        counts[7..17].fill(2); // Monday 07:00-17:00: two handlers
        counts[9..12].fill(3); // 09:00-12:00: a third
        counts[23] = 1; // 23:00-24:00: one
        g.on_duty = Some((3600.0, counts));
        g.handlers = 3;
        let seat = |member| Seat {
            group: 0,
            team: 0,
            member,
            intake: None,
        };
        let h = |s: &ShiftTime| (s.start_s / 3600.0, s.length_s / 3600.0);
        let first: Vec<_> = shifts_on(&g, seat(0), 0).iter().map(h).collect();
        assert_eq!(first, vec![(7.0, 10.0), (23.0, 1.0)]);
        let third: Vec<_> = shifts_on(&g, seat(2), 7).iter().map(h).collect();
        assert_eq!(third, vec![(9.0, 3.0)], "day 7 is a Monday again");
        assert!(shifts_on(&g, seat(0), 1).is_empty());
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
