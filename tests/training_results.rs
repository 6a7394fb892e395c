//! The results CSV: concurrent appends keep every row whole with one header; a row torn by a
//! crash spoils only its own line; byte-order marks and CRLF are read; files from before the
//! provenance columns are read (as unverified) but never appended to; every row says where it
//! came from and carries the hash of its log.

use controlroom::training::results::{self, Provenance, Source};
use controlroom::training::{ActionLog, Outcome, Scenario, replay};
use std::path::Path;

fn model_outcome() -> Outcome {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("scenarios/training");
    let sc = Scenario::load(&root.join("da-whisper-999.ron")).unwrap();
    let log = ActionLog::load(&root.join("logs/da-whisper-999.model.ron")).unwrap();
    replay::replay(&sc, &log).unwrap()
}

fn live() -> Provenance {
    Provenance {
        cohort: "2026-11".into(),
        source: Source::Terminal,
    }
}

#[test]
fn concurrent_appends_keep_every_row_whole() {
    let outcome = model_outcome();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.csv");
    std::thread::scope(|s| {
        for w in 0..4 {
            let (path, outcome) = (&path, &outcome);
            s.spawn(move || {
                for i in 0..25 {
                    let mut o = outcome.clone();
                    o.trainee = format!("trainee {w}, \"row\" {i}");
                    results::append(path, &o, "2026-01-01T00:00:00Z", &live()).unwrap();
                }
            });
        }
    });
    let read = results::read(&path).unwrap();
    assert_eq!((read.rows.len(), read.damaged_lines.len()), (100, 0));
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(text.matches("finished_utc,").count(), 1, "one header");
    for w in 0..4 {
        for i in 0..25 {
            let name = format!("trainee {w}, \"row\" {i}");
            assert!(
                read.rows
                    .iter()
                    .any(|r| r.trainee == name && r.score_pct == 100),
                "{name}"
            );
        }
    }
}

#[test]
fn a_row_torn_inside_a_quoted_field_hides_no_later_row() {
    let o = model_outcome();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.csv");
    results::append(&path, &o, "2026-01-01T00:00:00Z", &live()).unwrap();
    // A crash mid-row, inside a quoted trainee name, with no newline at the end.
    let mut text = std::fs::read_to_string(&path).unwrap();
    text.push_str("2026-01-01T00:00:01Z,\"PC 12, torn");
    std::fs::write(&path, &text).unwrap();
    let mut later = o.clone();
    later.trainee = "after the crash".into();
    results::append(&path, &later, "2026-01-01T00:00:02Z", &live()).unwrap();
    results::append(&path, &o, "2026-01-01T00:00:03Z", &live()).unwrap();
    let read = results::read(&path).unwrap();
    assert_eq!(read.rows.len(), 3, "every whole row is read");
    assert_eq!(read.damaged_lines, vec![3], "the torn line is named");
    assert!(read.rows.iter().any(|r| r.trainee == "after the crash"));
}

#[test]
fn byte_order_mark_and_crlf_are_read() {
    let o = model_outcome();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.csv");
    results::append(&path, &o, "2026-01-01T00:00:00Z", &live()).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let windows = format!("\u{feff}{}", text.replace('\n', "\r\n"));
    std::fs::write(&path, windows).unwrap();
    let read = results::read(&path).unwrap();
    assert_eq!(read.rows.len(), 1);
    assert_eq!(read.rows[0].cohort, "2026-11");
    assert!(read.damaged_lines.is_empty());
}

#[test]
fn rows_carry_their_source_and_the_hash_of_their_log() {
    let o = model_outcome();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("results.csv");
    let file = Provenance {
        cohort: String::new(),
        source: Source::LogFile,
    };
    results::append(&path, &o, "2026-01-01T00:00:00Z", &file).unwrap();
    let read = results::read(&path).unwrap();
    let row = &read.rows[0];
    assert_eq!(row.source, Source::LogFile);
    assert!(!row.source.is_live());
    assert_eq!(row.log_sha256, results::log_hash(&o.log.to_ron().unwrap()));
    assert_eq!(row.log_sha256.len(), 64);
    // A different log has a different hash.
    let mut other = o.log.clone();
    other.trainee = "someone else".into();
    assert_ne!(row.log_sha256, results::log_hash(&other.to_ron().unwrap()));
}

#[test]
fn old_files_are_read_as_unverified_and_never_appended_to() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("old.csv");
    let header: Vec<String> = results::columns()
        .into_iter()
        .take_while(|c| c != "cohort")
        .collect();
    let mut row = vec![String::new(); header.len()];
    row[0] = "2025-01-01T00:00:00Z".into();
    row[1] = "PC 1".into();
    row[2] = "rtc-999".into();
    row[3] = "1".into();
    row[4] = "assessment".into();
    row[5] = "90".into();
    row[7] = "true".into();
    std::fs::write(&path, format!("{}\n{}\n", header.join(","), row.join(","))).unwrap();
    let before = std::fs::read(&path).unwrap();
    let read = results::read(&path).unwrap();
    assert_eq!(read.rows.len(), 1);
    assert_eq!(read.rows[0].source, Source::Unverified);
    let err = results::append(&path, &model_outcome(), "2026-01-01T00:00:00Z", &live());
    assert!(err.is_err());
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing written");
}
