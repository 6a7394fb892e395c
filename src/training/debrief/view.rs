//! The debrief as a front-end shows it, built once from the outcome: the force's words, the
//! support list after a harrowing call, guidance text, welfare first. The terminal renders it as
//! text ([`render`]); the window draws the same [`View`].

use super::{Point, heading};
use crate::training::force::ForceProfile;
use crate::training::guidance::Guidance;
use crate::training::marking::{Status, clock, secs};
use crate::training::scenario::Scenario;
use crate::training::score::Outcome;
use std::fmt::Write;

/// How a debrief point is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Met,
    Partly,
    Missed,
    CriticalMissed,
    NotApplicable,
}

impl Mark {
    pub fn tag(self) -> &'static str {
        match self {
            Mark::Met => "[met]",
            Mark::Partly => "[partly]",
            Mark::Missed => "[missed]",
            Mark::CriticalMissed => "[MISSED — CRITICAL]",
            Mark::NotApplicable => "[n/a]",
        }
    }
}

/// The welfare section, with where to find support.
#[derive(Debug, Clone, PartialEq)]
pub struct WelfareView {
    pub check: String,
    pub contained: Option<String>,
    /// "Support (Northmoor Police):"
    pub support_heading: String,
    pub support: Vec<String>,
}

/// One rubric item as the debrief shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct PointView {
    pub mark: Mark,
    /// "location-first (Take ownership, THRIVE Threat)"
    pub heading: String,
    /// What happened, in the force's words.
    pub note: String,
    pub feedback: String,
    /// "guidance contact.location-first: … (source)"
    pub guidance: Vec<String>,
}

/// One NDM stage.
#[derive(Debug, Clone, PartialEq)]
pub struct StageView {
    /// "Gather information (5 of 7 met)"
    pub title: String,
    pub question: String,
    pub points: Vec<PointView>,
}

/// The whole debrief, built once in the force's words, for every front-end to show as it is:
/// welfare first, then the result, the three dimensions (information, procedure,
/// prioritisation), the guesses, the competencies and the points in NDM order.
#[derive(Debug, Clone, PartialEq)]
pub struct View {
    /// "Whispered 999 (v2) — assessment — PC 4127"
    pub title: String,
    pub welfare: Option<WelfareView>,
    pub passed: bool,
    /// "Score 62/100 (pass mark 80): FAIL"
    pub verdict: String,
    /// Call end, caller, critical misses, times to location and grade.
    pub facts: Vec<String>,
    /// Information captured, procedure followed, prioritisation.
    pub dimensions: Vec<String>,
    /// Each wasted action, with its time.
    pub wasted: Vec<String>,
    /// Each decision made before its evidence was known.
    pub guesses: Vec<String>,
    pub competencies: Vec<(String, String)>,
    pub stages: Vec<StageView>,
}

/// Build the debrief view of an outcome, in the force's words, with the guidance text.
pub fn view(o: &Outcome, sc: &Scenario, force: &ForceProfile, guidance: Option<&Guidance>) -> View {
    let welfare = o.debrief.welfare.as_ref().map(|w| WelfareView {
        check: w.check.clone(),
        contained: (!w.contained.is_empty())
            .then(|| format!("This call contained: {}.", w.contained.join("; "))),
        support_heading: format!("Support ({}):", force.name),
        support: force.support.clone(),
    });
    let verdict = format!(
        "Score {}/100 (pass mark {}): {}",
        o.score,
        o.pass_mark,
        if o.passed { "PASS" } else { "FAIL" }
    );
    let when = |t: Option<u64>| t.map(secs).unwrap_or_else(|| "never".into());
    let mut facts = vec![format!(
        "Call ended at {} ({})",
        secs(o.closed_ms),
        o.closed_by.label()
    )];
    if let Some((t, e)) = o.caller_gone {
        facts.push(format!("Caller: {} at {}", e.label(), secs(t)));
    }
    if !o.critical_misses.is_empty() {
        facts.push(format!("Critical misses: {}", o.critical_misses.join(", ")));
    }
    facts.push(format!("Time to location: {}", when(o.time_to_location_ms)));
    facts.push(format!("Time to grade: {}", when(o.time_to_grade_ms)));
    let p = &o.prioritisation;
    let dimensions = vec![
        format!(
            "Information captured: {}/{} ({}%)",
            o.information.met,
            o.information.total,
            o.information.pct()
        ),
        format!(
            "Procedure followed: {}/{} ({}%)",
            o.procedure.met,
            o.procedure.total,
            o.procedure.pct()
        ),
        format!(
            "Prioritisation: {}% — {} ({} marks off the rubric's {}, {} of call time)",
            p.pct(),
            p.summary(),
            p.marks_lost,
            o.rubric_score,
            secs(p.time_lost_ms)
        ),
    ];
    let wasted = p
        .wasted
        .iter()
        .map(|w| format!("{} {}: {}", clock(w.t_ms), w.kind.phrase(1), w.what))
        .collect();
    let guesses = o
        .items
        .iter()
        .filter(|r| r.guess)
        .map(|r| format!("{}: {}", r.id, force_words(&r.note, force)))
        .collect();
    let competencies = o
        .competencies
        .iter()
        .map(|(c, l)| (c.label().to_string(), l.label().to_string()))
        .collect();
    let stages = o
        .debrief
        .stages
        .iter()
        .map(|stage| {
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
            StageView {
                title: format!("{} ({met} of {counted} met)", stage.ndm.label()),
                question: stage.ndm.question().to_string(),
                points: stage
                    .points
                    .iter()
                    .map(|p| point(p, force, guidance))
                    .collect(),
            }
        })
        .collect();
    View {
        title: format!(
            "{} (v{}) — {} — {}",
            sc.title,
            sc.version,
            o.mode.label(),
            o.trainee
        ),
        welfare,
        passed: o.passed,
        verdict,
        facts,
        dimensions,
        wasted,
        guesses,
        competencies,
        stages,
    }
}

fn point(p: &Point, force: &ForceProfile, guidance: Option<&Guidance>) -> PointView {
    let mark = match p.status {
        Status::Met => Mark::Met,
        Status::PartlyMet => Mark::Partly,
        Status::Missed if p.critical => Mark::CriticalMissed,
        Status::Missed => Mark::Missed,
        Status::NotApplicable => Mark::NotApplicable,
    };
    let thrive = p
        .thrive
        .map(|t| format!(", THRIVE {}", t.label()))
        .unwrap_or_default();
    PointView {
        mark,
        heading: format!("{} ({}{thrive})", p.item, p.competency.label()),
        note: force_words(&p.note, force),
        feedback: p.feedback.clone(),
        guidance: p
            .guidance
            .iter()
            .map(|g| match guidance.and_then(|gd| gd.point(g)) {
                Some(pt) => format!("guidance {g}: {} ({})", pt.text, pt.source),
                None => format!("guidance {g}"),
            })
            .collect(),
    }
}

impl View {
    /// The debrief as text for the terminal.
    pub fn text(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(s, "{}", self.title);
        if let Some(w) = &self.welfare {
            let _ = writeln!(s, "\n== {} ==\n{}", heading::WELFARE, w.check);
            if let Some(c) = &w.contained {
                let _ = writeln!(s, "{c}");
            }
            let _ = writeln!(s, "{}", w.support_heading);
            for place in &w.support {
                let _ = writeln!(s, "  - {place}");
            }
        }
        let _ = writeln!(s, "\n== {} ==\n{}", heading::RESULT, self.verdict);
        for f in self.facts.iter().chain(&self.dimensions) {
            let _ = writeln!(s, "{f}");
        }
        if !self.wasted.is_empty() {
            let _ = writeln!(s, "\n== {} ==", heading::WASTED);
            for w in &self.wasted {
                let _ = writeln!(s, "  {w}");
            }
        }
        if !self.guesses.is_empty() {
            let _ = writeln!(s, "\n== {} ==", heading::GUESSES);
            for g in &self.guesses {
                let _ = writeln!(s, "  {g}");
            }
        }
        let _ = writeln!(s, "\n== {} ==", heading::COMPETENCIES);
        for (c, l) in &self.competencies {
            let _ = writeln!(s, "  {c:<36} {l}");
        }
        let _ = writeln!(s, "\n== {} ==", heading::NDM);
        for stage in &self.stages {
            let _ = writeln!(s, "\n-- {} --", stage.title);
            let _ = writeln!(s, "   {}", stage.question);
            for p in &stage.points {
                let _ = writeln!(s, "{} {}", p.mark.tag(), p.heading);
                let _ = writeln!(s, "    {}", p.note);
                let _ = writeln!(s, "    {}", p.feedback);
                for g in &p.guidance {
                    let _ = writeln!(s, "    {g}");
                }
            }
        }
        s
    }
}

/// The outcome and debrief as text for the terminal, in the force's words.
pub fn render(
    o: &Outcome,
    sc: &Scenario,
    force: &ForceProfile,
    guidance: Option<&Guidance>,
) -> String {
    view(o, sc, force, guidance).text()
}

/// Put the force's grade names into a note written with grade meanings.
fn force_words(note: &str, force: &ForceProfile) -> String {
    use crate::training::response::{Grade, Responder};
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
