//! Coverage: the scenario library mapped against the guidance checklist. For each guidance point,
//! the rubric items that train and assess it (by citing its id, or by the THRIVE element, CVF
//! heading, grade or RCRP decision the point `covers`), each finding naming its scenario and item;
//! and the points no scenario covers. With a course plan, whether the covering scenarios are
//! used for practice (trained) or for assessment (assessed) on the course.

use super::course::Course;
use super::guidance::{Cover, Guidance, GuidancePoint};
use super::mode::Mode;
use super::rubric::{Expect, Item};
use super::scenario::Scenario;

/// One rubric item that covers a point.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub scenario: String,
    pub item: String,
    pub critical: bool,
    /// The item cites the point's id (rather than matching what it `covers`).
    pub cited: bool,
}

/// A guidance point and what covers it.
#[derive(Debug, Clone, PartialEq)]
pub struct PointCoverage {
    pub point: GuidancePoint,
    pub findings: Vec<Finding>,
    /// Some covering scenario is planned for practice on the course (always true without a plan).
    pub trained: bool,
    /// Some covering scenario is planned for assessment on the course (always true without a plan).
    pub assessed: bool,
}

fn matches(cover: Cover, item: &Item) -> bool {
    match cover {
        Cover::Thrive(t) => item.thrive == Some(t),
        Cover::Competency(c) => item.competency == c,
        Cover::Grade(g) => item.expect == Expect::Graded(g),
        Cover::Rcrp(r) => item.expect == Expect::Rcrp(r),
    }
}

/// Map every guidance point to the rubric items that cover it.
pub fn coverage(
    guidance: &Guidance,
    scenarios: &[Scenario],
    course: Option<&Course>,
) -> Vec<PointCoverage> {
    let planned = |id: &str, mode: Mode| match course {
        None => true,
        Some(c) => c
            .days
            .iter()
            .flat_map(|d| &d.sessions)
            .any(|p| p.scenario == id && p.mode == mode),
    };
    guidance
        .points
        .iter()
        .map(|point| {
            let mut findings = Vec::new();
            for sc in scenarios {
                for item in &sc.rubric {
                    let cited = item.guidance.iter().any(|g| g == &point.id);
                    if cited || point.covers.is_some_and(|c| matches(c, item)) {
                        findings.push(Finding {
                            scenario: sc.id.clone(),
                            item: item.id.clone(),
                            critical: item.critical,
                            cited,
                        });
                    }
                }
            }
            let trained = findings
                .iter()
                .any(|f| planned(&f.scenario, Mode::Practice));
            let assessed = findings
                .iter()
                .any(|f| planned(&f.scenario, Mode::Assessment));
            PointCoverage {
                point: point.clone(),
                findings,
                trained,
                assessed,
            }
        })
        .collect()
}
