//! The results CSV under concurrent appends: every row is written whole, none is lost or torn,
//! and the header is written once.

use controlroom::training::{ActionLog, Scenario, replay, results};
use std::path::Path;

#[test]
fn concurrent_appends_keep_every_row_whole() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training");
    let sc = Scenario::load(&root.join("da-whisper-999.ron")).unwrap();
    let log = ActionLog::load(&root.join("logs/da-whisper-999.model.ron")).unwrap();
    let outcome = replay::replay(&sc, &log).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.csv");
    std::thread::scope(|s| {
        for w in 0..4 {
            let (path, outcome) = (&path, &outcome);
            s.spawn(move || {
                for i in 0..25 {
                    let mut o = outcome.clone();
                    o.trainee = format!("trainee {w}, \"row\" {i}");
                    results::append(path, &o, "2026-01-01T00:00:00Z").unwrap();
                }
            });
        }
    });
    let (rows, skipped) = results::read(&path).unwrap();
    assert_eq!((rows.len(), skipped), (100, 0));
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("finished_utc,").count(), 1, "one header");
    for w in 0..4 {
        for i in 0..25 {
            let name = format!("trainee {w}, \"row\" {i}");
            assert!(
                rows.iter().any(|r| r.trainee == name && r.score_pct == 100),
                "{name}"
            );
        }
    }
}
