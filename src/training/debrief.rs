//! The debrief: after a harrowing call it opens with a welfare check and where to find support,
//! kept apart from the learning points; then every rubric item, met or missed, with its feedback
//! and guidance, walked through in National Decision Model order.

use super::force::ForceProfile;
use super::framework::{Cvf, Ndm};
use super::guidance::Guidance;
use super::scenario::Scenario;
use super::score::{ItemResult, Outcome, Status, secs};
use super::thrive::Thrive;
use serde::{Deserialize, Serialize};
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Debrief {
    /// Present after a harrowing scenario; shown first, apart from the learning points.
    pub welfare: Option<Welfare>,
    /// The learning points, one group per NDM stage that has any, in NDM order.
    pub stages: Vec<Stage>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Welfare {
    /// The check-in, in words.
    pub check: String,
    /// What the call contained (its content warnings).
    pub contained: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Stage {
    pub ndm: Ndm,
    pub points: Vec<Point>,
}

/// One rubric item in the debrief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Point {
    pub item: String,
    pub status: Status,
    pub critical: bool,
    pub late: bool,
    pub at_ms: Option<u64>,
    /// What happened.
    pub note: String,
    /// The rubric's feedback text.
    pub feedback: String,
    /// Guidance point ids.
    pub guidance: Vec<String>,
    pub thrive: Option<Thrive>,
    pub competency: Cvf,
}

const WELFARE_CHECK: &str = "Before the learning points: this was a hard call to hear. How are \
you feeling? It is normal to be affected by calls like this, in training as on shift. Take a \
break before the next one if you need it, and talk to your trainer — you can stop any scenario \
at any time.";

/// Build the debrief from scored items.
pub fn build(sc: &Scenario, items: &[ItemResult]) -> Debrief {
    let welfare = sc.harrowing.then(|| Welfare {
        check: WELFARE_CHECK.to_string(),
        contained: sc.content_warnings.clone(),
    });
    let stages = Ndm::ALL
        .iter()
        .filter_map(|&ndm| {
            let points: Vec<Point> = sc
                .rubric
                .iter()
                .zip(items)
                .filter(|(i, _)| i.ndm == ndm)
                .map(|(i, r)| Point {
                    item: i.id.clone(),
                    status: r.status,
                    critical: i.critical,
                    late: r.late,
                    at_ms: r.at_ms,
                    note: r.note.clone(),
                    feedback: i.feedback.clone(),
                    guidance: i.guidance.clone(),
                    thrive: i.thrive,
                    competency: i.competency,
                })
                .collect();
            (!points.is_empty()).then_some(Stage { ndm, points })
        })
        .collect();
    Debrief { welfare, stages }
}

/// The outcome and debrief as text for the terminal, in the force's words.
pub fn render(
    o: &Outcome,
    sc: &Scenario,
    force: &ForceProfile,
    guidance: Option<&Guidance>,
) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} (v{}) — {} — {}",
        sc.title,
        sc.version,
        o.mode.label(),
        o.trainee
    );
    if let Some(w) = &o.debrief.welfare {
        let _ = writeln!(s, "\n== Welfare ==\n{}", w.check);
        if !w.contained.is_empty() {
            let _ = writeln!(s, "This call contained: {}.", w.contained.join("; "));
        }
        let _ = writeln!(s, "Support ({}):", force.name);
        for place in &force.support {
            let _ = writeln!(s, "  - {place}");
        }
    }
    let _ = writeln!(s, "\n== Result ==");
    let verdict = if o.passed { "PASS" } else { "FAIL" };
    let _ = writeln!(
        s,
        "Score {}/100 (pass mark {}): {verdict}",
        o.score, o.pass_mark
    );
    let _ = writeln!(
        s,
        "Call ended at {} ({})",
        secs(o.closed_ms),
        o.closed_by.label()
    );
    if let Some((t, e)) = o.caller_gone {
        let _ = writeln!(s, "Caller: {} at {}", e.label(), secs(t));
    }
    if !o.critical_misses.is_empty() {
        let _ = writeln!(s, "Critical misses: {}", o.critical_misses.join(", "));
    }
    let when = |t: Option<u64>| t.map(secs).unwrap_or_else(|| "never".into());
    let _ = writeln!(s, "Time to location: {}", when(o.time_to_location_ms));
    let _ = writeln!(s, "Time to grade: {}", when(o.time_to_grade_ms));
    let _ = writeln!(
        s,
        "Information captured: {}/{} ({}%); procedure followed: {}/{} ({}%)",
        o.information.met,
        o.information.total,
        o.information.pct(),
        o.procedure.met,
        o.procedure.total,
        o.procedure.pct()
    );
    let _ = writeln!(s, "\n== Competencies (CVF) ==");
    for (c, l) in &o.competencies {
        let _ = writeln!(s, "  {:<36} {}", c.label(), l.label());
    }
    let _ = writeln!(s, "\n== Debrief, through the National Decision Model ==");
    for stage in &o.debrief.stages {
        let met = stage
            .points
            .iter()
            .filter(|p| p.status == Status::Met)
            .count();
        let counted = stage
            .points
            .iter()
            .filter(|p| p.status != Status::NotApplicable)
            .count();
        let _ = writeln!(s, "\n-- {} ({met} of {counted} met) --", stage.ndm.label());
        let _ = writeln!(s, "   {}", stage.ndm.question());
        for p in &stage.points {
            let mark = match p.status {
                Status::Met => "[met]",
                Status::PartlyMet => "[partly]",
                Status::Missed if p.critical => "[MISSED — CRITICAL]",
                Status::Missed => "[missed]",
                Status::NotApplicable => "[n/a]",
            };
            let thrive = p
                .thrive
                .map(|t| format!(", THRIVE {}", t.label()))
                .unwrap_or_default();
            let _ = writeln!(s, "{mark} {} ({}{thrive})", p.item, p.competency.label());
            let _ = writeln!(s, "    {}", force_words(&p.note, force));
            let _ = writeln!(s, "    {}", p.feedback);
            for g in &p.guidance {
                match guidance.and_then(|gd| gd.point(g)) {
                    Some(pt) => {
                        let _ = writeln!(s, "    guidance {g}: {} ({})", pt.text, pt.source);
                    }
                    None => {
                        let _ = writeln!(s, "    guidance {g}");
                    }
                }
            }
        }
    }
    s
}

/// Put the force's grade names into a note written with grade meanings.
fn force_words(note: &str, force: &ForceProfile) -> String {
    use super::response::{Grade, Responder};
    let mut out = note.to_string();
    if note.starts_with("decided:") {
        for r in Responder::ALL {
            out = out.replace(
                &format!(": {} (", r.label()),
                &format!(": {} (", force.responder_name(r)),
            );
            out = out.replace(
                &format!(": {})", r.label()),
                &format!(": {})", force.responder_name(r)),
            );
        }
    }
    if note.starts_with("graded")
        || note.starts_with("over-graded")
        || note.starts_with("under-graded")
    {
        for g in Grade::ALL {
            let name = force.grade_name(g);
            out = out.replace(&format!(": {} (", g.meaning()), &format!(": {name} ("));
            out = out.replace(
                &format!("needed {})", g.meaning()),
                &format!("needed {name})"),
            );
        }
    }
    out
}
