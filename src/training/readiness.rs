//! From a cohort's course results to the planning model's workforce inputs: the intake
//! drop-out (the share of trainees who sat the course's final assessments and did not pass them
//! all) and readiness (assessment attempts and days from a trainee's first session to passing),
//! printed as an `intakes` block to paste into a staff group.

use super::results::Row;
use chrono::NaiveDateTime;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// What a cohort's results say about readiness.
#[derive(Debug, Clone, PartialEq)]
pub struct Readiness {
    /// The final assessments (scenario ids) of the course.
    pub finals: Vec<String>,
    /// Sessions read, and the first and last `finished_utc`.
    pub sessions: usize,
    pub first: String,
    pub last: String,
    /// Trainees who sat at least one final assessment.
    pub sat: Vec<String>,
    /// Of those, who passed every final assessment.
    pub passed: Vec<String>,
    /// Trainees with sessions but no final assessment yet (not counted).
    pub in_training: Vec<String>,
    /// Mean assessment attempts per final assessment until passed, over the passers.
    pub attempts_per_assessment: f64,
    /// Mean days from a passer's first session to the session that completed the passes.
    pub days_to_pass: f64,
}

impl Readiness {
    /// Share of trainees who sat the finals and did not pass them all.
    pub fn dropout(&self) -> f64 {
        if self.sat.is_empty() {
            0.0
        } else {
            1.0 - self.passed.len() as f64 / self.sat.len() as f64
        }
    }
}

fn time(s: &str) -> Option<NaiveDateTime> {
    NaiveDateTime::parse_from_str(s, "%Y-%m-%dT%H:%M:%SZ").ok()
}

/// Readiness from results rows and the course's final assessments.
pub fn from_results(rows: &[Row], finals: &[String]) -> Readiness {
    let mut by_trainee: BTreeMap<&str, Vec<&Row>> = BTreeMap::new();
    for r in rows {
        by_trainee.entry(&r.trainee).or_default().push(r);
    }
    let (mut sat, mut passed, mut in_training) = (Vec::new(), Vec::new(), Vec::new());
    let (mut attempts, mut days, mut passers) = (0.0, 0.0, 0usize);
    for (name, mut rs) in by_trainee {
        rs.sort_by(|a, b| a.finished_utc.cmp(&b.finished_utc));
        let is_final = |r: &Row| r.mode == "assessment" && finals.contains(&r.scenario_id);
        if !rs.iter().any(|r| is_final(r)) {
            in_training.push(name.to_string());
            continue;
        }
        sat.push(name.to_string());
        // Attempts until the first pass of each final, and when the last of them was passed.
        let mut tries: BTreeMap<&str, (u32, bool)> = BTreeMap::new();
        let mut done_at = None;
        for r in rs.iter().filter(|r| is_final(r)) {
            let t = tries.entry(&r.scenario_id).or_default();
            if !t.1 {
                t.0 += 1;
                t.1 = r.passed;
                if tries.len() == finals.len() && tries.values().all(|t| t.1) && done_at.is_none() {
                    done_at = Some(r.finished_utc.as_str());
                }
            }
        }
        if let Some(done) = done_at {
            passed.push(name.to_string());
            passers += 1;
            attempts += tries.values().map(|t| t.0 as f64).sum::<f64>() / finals.len() as f64;
            if let (Some(a), Some(b)) = (time(&rs[0].finished_utc), time(done)) {
                days += (b - a).num_seconds() as f64 / 86_400.0;
            }
        }
    }
    let mean = |x: f64| {
        if passers > 0 {
            x / passers as f64
        } else {
            f64::NAN
        }
    };
    let mut stamps: Vec<&str> = rows.iter().map(|r| r.finished_utc.as_str()).collect();
    stamps.sort();
    Readiness {
        finals: finals.to_vec(),
        sessions: rows.len(),
        first: stamps.first().map_or(String::new(), |s| s.to_string()),
        last: stamps.last().map_or(String::new(), |s| s.to_string()),
        sat,
        passed,
        in_training,
        attempts_per_assessment: mean(attempts),
        days_to_pass: mean(days),
    }
}

/// The RON block to paste into a staff group, with comments naming where it came from.
/// `course_days` is the planned course length, the least `course_days` can be.
pub fn ron_block(r: &Readiness, source: &str, course_days: u32) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "// From {source}: {} sessions, {} to {}; final assessments: {}.",
        r.sessions,
        r.first,
        r.last,
        r.finals.join(", ")
    );
    let _ = writeln!(
        s,
        "// {} of {} trainees who sat them passed every one ({}).",
        r.passed.len(),
        r.sat.len(),
        r.sat.join(", ")
    );
    if !r.in_training.is_empty() {
        let _ = writeln!(
            s,
            "// Not counted (no final assessment yet): {}.",
            r.in_training.join(", ")
        );
    }
    let ready = if r.days_to_pass.is_finite() {
        let _ = writeln!(
            s,
            "// Readiness of those who passed: {:.1} attempts per final assessment, {:.1} days from \
             their first session to passing.",
            r.attempts_per_assessment, r.days_to_pass
        );
        (r.days_to_pass.ceil() as u32).max(course_days)
    } else {
        course_days
    };
    let _ = writeln!(
        s,
        "// Handling time is not in course results: keep the group's own `learning` curve."
    );
    let _ = writeln!(s, "intakes: [");
    let _ = writeln!(s, "    Intake(");
    let _ = writeln!(
        s,
        "        day: 0,             // day of the run offers are accepted: set yours"
    );
    let _ = writeln!(s, "        recruits: 10,       // set yours");
    let _ = writeln!(s, "        vetting_days: 60,   // set yours");
    let _ = writeln!(
        s,
        "        course_days: {ready},     // days to pass every final assessment (at least the course's)"
    );
    let _ = writeln!(
        s,
        "        dropout: {:.3},    // share who sat the final assessments and did not pass them all",
        r.dropout()
    );
    let _ = writeln!(s, "    ),");
    let _ = writeln!(s, "],");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(t: &str, who: &str, scenario: &str, mode: &str, passed: bool) -> Row {
        Row {
            finished_utc: t.into(),
            trainee: who.into(),
            scenario_id: scenario.into(),
            scenario_version: 1,
            mode: mode.into(),
            score_pct: if passed { 80 } else { 50 },
            passed,
            closed_by: "closed".into(),
            critical_misses: vec![],
            missed_items: vec![],
        }
    }

    #[test]
    fn dropout_and_readiness_from_a_small_cohort() {
        let finals = vec!["rtc-999".to_string(), "silent-999".to_string()];
        let rows = vec![
            // A: practice on day 1, passes both finals on day 4 at the first attempt.
            row("2026-11-02T09:00:00Z", "A", "rtc-999", "practice", false),
            row("2026-11-05T10:00:00Z", "A", "rtc-999", "assessment", true),
            row(
                "2026-11-05T11:00:00Z",
                "A",
                "silent-999",
                "assessment",
                true,
            ),
            // B: fails silent-999 once, passes it two days later: 1.5 attempts, 5 days.
            row("2026-11-02T09:00:00Z", "B", "rtc-999", "practice", true),
            row("2026-11-05T10:00:00Z", "B", "rtc-999", "assessment", true),
            row(
                "2026-11-05T11:00:00Z",
                "B",
                "silent-999",
                "assessment",
                false,
            ),
            row(
                "2026-11-07T09:00:00Z",
                "B",
                "silent-999",
                "assessment",
                true,
            ),
            // C: fails rtc-999 and never passes.
            row("2026-11-02T09:00:00Z", "C", "rtc-999", "practice", false),
            row("2026-11-05T10:00:00Z", "C", "rtc-999", "assessment", false),
            row(
                "2026-11-05T11:00:00Z",
                "C",
                "silent-999",
                "assessment",
                true,
            ),
            // D: practice only.
            row("2026-11-03T09:00:00Z", "D", "rtc-999", "practice", false),
        ];
        let r = from_results(&rows, &finals);
        assert_eq!(r.sat, ["A", "B", "C"]);
        assert_eq!(r.passed, ["A", "B"]);
        assert_eq!(r.in_training, ["D"]);
        assert!((r.dropout() - 1.0 / 3.0).abs() < 1e-12);
        assert!((r.attempts_per_assessment - 1.25).abs() < 1e-12);
        // A: 3 d 2 h; B: 5 d 0 h => mean 4.0417 days.
        assert!((r.days_to_pass - (3.0 + 2.0 / 24.0 + 5.0) / 2.0).abs() < 1e-9);
        let block = ron_block(&r, "results.csv", 4);
        assert!(block.contains("dropout: 0.333"), "{block}");
        assert!(block.contains("course_days: 5,"), "{block}");
        assert!(block.contains("11 sessions, 2026-11-02T09:00:00Z to 2026-11-07T09:00:00Z"));
        assert!(block.contains("Not counted (no final assessment yet): D."));
        // The block is valid RON for a staff group's `intakes` field (comments and all).
        let at = block.find("intakes: ").unwrap() + "intakes: ".len();
        let body = block[at..].trim_end().trim_end_matches(',');
        let parsed: Vec<crate::model::Intake> = crate::ron_text::parse(body).unwrap();
        assert_eq!(parsed[0].course_days, 5.0);
        assert!((parsed[0].dropout - 0.333).abs() < 1e-9);
    }
}
