//! The service level on a run that ends with work still open: judged on the contacts that
//! arrived at least one threshold before the end, so a short run does not keep the quick
//! answers and drop the slow ones.

mod common;

use controlroom::plan::kpi::{self, Kpi};
use controlroom::plan::replicate::replicate;
use controlroom::sim::{self, CallRecord, Outcome};
use std::process::Command;

#[test]
fn the_service_level_counts_every_contact_whose_threshold_has_passed() {
    let mut cfg = common::default_config();
    cfg.replications = 4;
    let digital = cfg.channels.iter().position(|c| c.deferrable).unwrap_or(0);
    // Four hours rather than the model's day, so that some work misses it.
    cfg.channels[digital].sl_threshold_s = 4.0 * 3600.0;
    // Ending at noon, while the digital desk works.
    cfg.horizon_s = 7.5 * 86_400.0;
    let threshold = cfg.channels[digital].sl_threshold_s;
    let end = cfg.start_s + cfg.horizon_s;
    let rows = kpi::rows(&cfg, &replicate(&cfg, &|| {}));
    let Some(row) = kpi::find(&rows, &cfg.channels[digital].name, Kpi::ServiceLevel) else {
        panic!("no digital service level")
    };
    let (mut late_answers, mut misses) = (0, 0);
    for r in 0..cfg.replications {
        let mut records: Vec<CallRecord> = vec![];
        sim::run(&cfg, r, &mut records);
        let mine = records.iter().filter(|x| x.channel == digital && x.counted);
        let (mut judged, mut met) = (0u32, 0u32);
        for x in mine {
            let answered = matches!(x.outcome, Outcome::Answered | Outcome::CallbackAnswered);
            if x.arrival_s + threshold <= end {
                judged += 1;
                met += (answered && x.wait_s <= threshold) as u32;
            } else if answered {
                late_answers += 1;
            }
        }
        let expected = f64::from(met) / f64::from(judged);
        assert!(
            (row.values[r as usize] - expected).abs() < 1e-12,
            "replication {r}: service level {} but {met} of {judged} judged contacts met it",
            row.values[r as usize]
        );
        misses += judged - met;
    }
    assert!(
        late_answers > 0,
        "contacts after the cut-off were answered too"
    );
    assert!(misses > 0, "some digital work misses its threshold");
}

#[test]
fn a_threshold_long_for_the_run_is_a_warning() {
    let o = Command::new(env!("CARGO_BIN_EXE_controlroom"))
        .args(["simulate", "--replications", "2"])
        .output()
        .unwrap_or_else(|e| panic!("{e}"));
    assert!(o.status.success());
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("warning: digital: the service-level threshold (24 h) is 14% of the counted run (7 days)"),
        "{err}"
    );
    assert!(!err.contains("warning: 999"), "{err}");
}
