//! Rostering teams on a days-on/days-off cycle (`rostering.teams`): the roster's staff groups
//! are teams staggered through the cycle, the cover holds in every phase of the stagger, and
//! the roster, simulated with a fresh seed, meets its targets.

use controlroom::model::{self, Rostering, TeamCycle};
use controlroom::plan::kpi;
use controlroom::plan::replicate::replicate;
use controlroom::plan::roster::{self, Rules};
use std::process::Command;

/// One call channel with a day peak, a day of warm-up and a week counted, rostered as four
/// teams on four 12-hour days then four off.
const MODEL: &str = r#"(
    name: "teams",
    run: (horizon_days: 8, warmup_hours: 24, replications: 4, seed: 5, kpi_interval_minutes: 60),
    channels: [(
        id: "101",
        priority: 2,
        arrivals: (profile: Daily(per_day: [300, 300, 300, 300, 300, 300, 300], hour_shape: [
            4, 3, 3, 3, 3, 4, 6, 10, 16, 20, 22, 22, 21, 20, 20, 19, 18, 17, 15, 13, 11, 9, 7, 5,
        ])),
        talk: Exponential(mean_s: 300),
        patience: Some(Exponential(mean_s: 400)),
        service_level: (threshold_s: 60, target: 0.8),
    )],
    staff: [(
        name: "Call handlers",
        skills: ["101"],
        handlers: 3,
        teams: 4,
        rota: (shifts: [(code: "D", start: "07:00", hours: 12), (code: "N", start: "19:00", hours: 12)],
               pattern: "DDNN----"),
    )],
    rostering: (lengths_hours: [8, 10, 12], teams: (teams: 4, days_on: 4, days_off: 4)),
)"#;

#[test]
fn a_team_cycle_covers_the_requirement_in_every_phase() {
    let rules = Rules::new(
        &Rostering {
            lengths_hours: vec![10.0],
            teams: Some(TeamCycle {
                teams: 2,
                days_on: 4,
                days_off: 2,
            }),
            ..Rostering::default()
        },
        &[],
        0.1,
    )
    .unwrap_or_else(|e| panic!("{e}"));
    // two teams, 4 on 2 off: some days one team, some both, so the cover differs by phase
    assert_eq!(rules.phases(), 3);
    let need: Vec<f64> = (0..168)
        .map(|i| if i % 24 >= 8 && i % 24 < 18 { 3.0 } else { 0.0 })
        .collect();
    let r = roster::roster(&rules, &need, 3600.0).unwrap_or_else(|e| panic!("{e}"));
    for phase in 0..rules.phases() {
        let mut cover = vec![0.0; 168];
        for (line, z) in &r.lines {
            let c = rules.phase_coverage(line, 168, 3600.0);
            for (i, x) in cover.iter_mut().enumerate() {
                *x += c[phase * 168 + i] * f64::from(*z);
            }
        }
        for i in 0..168 {
            assert!(
                cover[i] + 1e-9 >= need[i],
                "phase {phase}, hour {i}: {} < {}",
                cover[i],
                need[i]
            );
        }
    }
    // every line place is in both teams; paid hours are each team's 4 days in 6
    let paid: f64 = r
        .lines
        .iter()
        .map(|(l, z)| rules.paid_hours(l) * f64::from(*z))
        .sum();
    assert!((paid - r.solved.paid_hours).abs() < 1e-6);
    assert_eq!(
        r.handlers(),
        2 * r.lines.iter().map(|(_, z)| z).sum::<u32>()
    );
}

#[test]
fn a_team_roster_runs_as_teams_and_meets_the_targets_with_a_fresh_seed() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = dir.path().join("teams.ron");
    std::fs::write(&m, MODEL).unwrap_or_else(|e| panic!("{e}"));
    let out = dir.path().join("out");
    let o = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args([
            "roster",
            &m.to_string_lossy(),
            "--replications",
            "4",
            "--out",
        ])
        .arg(&out)
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.status.success(), "{said}");
    assert!(
        said.contains("4 teams, 4 days on and 4 off, staggered 2 days apart"),
        "{said}"
    );
    let loaded = model::load(Some(&out.join("roster.ron"))).unwrap_or_else(|e| panic!("{e}"));
    assert!(!loaded.model.staff.is_empty());
    for g in &loaded.model.staff {
        let rota = g
            .rota
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no rota", g.name));
        assert_eq!(
            (g.teams, rota.pattern.as_str()),
            (4, "WWWW----"),
            "{}",
            g.name
        );
        assert!(rota.shifts.iter().all(|s| 24.0 - s.hours >= 11.0));
    }
    // roster.csv: every day of the first week has two teams' handlers on each shift used
    let csv = std::fs::read_to_string(out.join("roster.csv")).unwrap_or_else(|e| panic!("{e}"));
    let per_team: u32 = loaded.model.staff.iter().map(|g| g.handlers).sum();
    let monday: u32 = csv
        .lines()
        .filter(|l| l.contains(",Mon,"))
        .map(|l| {
            l.rsplit(',')
                .next()
                .unwrap_or("0")
                .parse::<u32>()
                .unwrap_or(0)
        })
        .sum();
    assert_eq!(monday, 2 * per_team, "{csv}");
    let mut cfg = loaded.config;
    cfg.seed = 9_090;
    cfg.replications = 10;
    let rows = kpi::rows(&cfg, &replicate(&cfg, &|| {}));
    let e = kpi::find(&rows, "101", kpi::Kpi::ServiceLevel)
        .unwrap_or_else(|| panic!("no 101 service level"))
        .estimate();
    assert!(
        e.mean >= 0.8,
        "101 service level {} with a fresh seed",
        e.mean
    );
}

#[test]
fn teams_that_do_not_divide_the_cycle_are_bad_input() {
    let dir = tempfile::tempdir().unwrap_or_else(|e| panic!("{e}"));
    let m = dir.path().join("bad.ron");
    std::fs::write(&m, MODEL.replace("teams: (teams: 4,", "teams: (teams: 3,"))
        .unwrap_or_else(|e| panic!("{e}"));
    let o = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(["roster", &m.to_string_lossy()])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    let err = String::from_utf8_lossy(&o.stderr);
    assert_eq!(o.status.code(), Some(2), "{err}");
    assert!(
        err.contains("3 teams cannot be staggered evenly through a 8-day cycle"),
        "{err}"
    );
}
