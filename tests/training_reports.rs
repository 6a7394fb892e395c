//! Reports over many sessions and over the library: the cohort summary, course progress and
//! guidance coverage, computed from known inputs.

use controlroom::training::cohort::summarise;
use controlroom::training::course::{Course, Day, Planned, Standing, progress};
use controlroom::training::coverage::coverage;
use controlroom::training::guidance::{Area, Cover, Guidance, GuidancePoint};
use controlroom::training::results::Row;
use controlroom::training::thrive::Thrive;
use controlroom::training::{Mode, Scenario};
use std::path::Path;

fn row(
    trainee: &str,
    scenario: &str,
    mode: &str,
    score: u32,
    passed: bool,
    missed: &[&str],
    critical: &[&str],
) -> Row {
    Row {
        finished_utc: "2026-01-01T00:00:00Z".into(),
        trainee: trainee.into(),
        scenario_id: scenario.into(),
        scenario_version: 1,
        mode: mode.into(),
        score_pct: score,
        passed,
        closed_by: "closed".into(),
        critical_misses: critical.iter().map(|s| s.to_string()).collect(),
        missed_items: missed.iter().map(|s| s.to_string()).collect(),
        cohort: String::new(),
        source: controlroom::training::results::Source::Terminal,
        log_sha256: String::new(),
    }
}

fn rows() -> Vec<Row> {
    vec![
        row(
            "A",
            "da",
            "assessment",
            60,
            false,
            &["loc", "kids"],
            &["loc"],
        ),
        row("A", "da", "assessment", 100, true, &[], &[]),
        row(
            "B",
            "da",
            "assessment",
            40,
            false,
            &["loc", "grade"],
            &["loc", "grade"],
        ),
        row("B", "silent", "practice", 90, true, &["taps"], &[]),
    ]
}

#[test]
fn cohort_tallies_trainees_scenarios_and_most_missed() {
    let c = summarise(&rows());
    let a = c.trainees.iter().find(|t| t.name == "A").unwrap();
    assert_eq!((a.sessions, a.passes, a.pass_rate_pct()), (2, 1, 50));
    assert!((a.mean_score - 80.0).abs() < 1e-9);
    let da = c.scenarios.iter().find(|t| t.name == "da").unwrap();
    assert_eq!((da.sessions, da.passes, da.pass_rate_pct()), (3, 1, 33));
    let top = &c.missed[0];
    assert_eq!(
        (
            top.scenario.as_str(),
            top.item.as_str(),
            top.times,
            top.of,
            top.critical_times
        ),
        ("da", "loc", 2, 3, 2)
    );
    let cell = c
        .grid
        .iter()
        .find(|x| x.trainee == "A" && x.scenario == "da")
        .unwrap();
    assert_eq!(
        (cell.attempts, cell.best_pct, cell.latest_pct, cell.passed),
        (2, 100, 100, true)
    );
}

#[test]
fn course_progress_counts_practice_played_and_assessment_passed() {
    let plan = Course {
        title: "t".into(),
        days: vec![Day {
            day: 1,
            theme: "x".into(),
            sessions: vec![
                Planned {
                    scenario: "silent".into(),
                    mode: Mode::Practice,
                },
                Planned {
                    scenario: "da".into(),
                    mode: Mode::Assessment,
                },
                Planned {
                    scenario: "rtc".into(),
                    mode: Mode::Practice,
                },
            ],
        }],
    };
    let p = progress(&plan, &rows(), "B");
    let standings: Vec<Standing> = p[0].1.iter().map(|(_, s)| *s).collect();
    assert_eq!(
        standings,
        vec![
            Standing::Done {
                attempts: 1,
                best_pct: 90
            },
            Standing::InProgress {
                attempts: 1,
                best_pct: 40
            },
            Standing::NotStarted,
        ]
    );
    assert_eq!(
        plan.unknown_scenarios(&["da".into(), "silent".into()]),
        vec!["rtc"]
    );
}

#[test]
fn coverage_names_scenario_and_item_and_finds_gaps() {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training/da-whisper-999.ron");
    let sc = Scenario::load(&p).unwrap();
    let point = |id: &str, covers| GuidancePoint {
        id: id.into(),
        area: Area::DomesticAbuse,
        text: "x".into(),
        source: "y".into(),
        covers,
    };
    let g = Guidance {
        points: vec![
            point("da.keep-on-line", None),
            point("thrive.harm", Some(Cover::Thrive(Thrive::Harm))),
            point("da.secure-premises", None),
        ],
    };
    let plan = Course {
        title: "t".into(),
        days: vec![Day {
            day: 1,
            theme: "x".into(),
            sessions: vec![Planned {
                scenario: "da-whisper-999".into(),
                mode: Mode::Practice,
            }],
        }],
    };
    let map = coverage(&g, std::slice::from_ref(&sc), Some(&plan));
    let keep = &map[0];
    assert_eq!(keep.findings.len(), 1);
    assert_eq!(
        (
            keep.findings[0].scenario.as_str(),
            keep.findings[0].item.as_str()
        ),
        ("da-whisper-999", "stay-on-line")
    );
    assert!(keep.findings[0].cited);
    assert!(keep.trained && !keep.assessed, "only planned for practice");
    let harm = &map[1];
    assert!(
        harm.findings
            .iter()
            .any(|f| f.item == "lock-room" && !f.cited),
        "matched by THRIVE element"
    );
    assert!(map[2].findings.is_empty() && !map[2].trained && !map[2].assessed);
    let without_plan = coverage(&g, &[sc], None);
    assert!(without_plan[0].trained && without_plan[0].assessed);
}
