//! The guidance checklist (`scenarios/training/guidance.ron`): the points of national guidance a
//! control-room trainee must learn — the domestic-abuse call-handler points, the RCRP criteria,
//! the THRIVE elements, the grading definitions and the CVF headings — each with a stable id that
//! rubric items cite.

use super::error::LoadError;
use super::framework::Cvf;
use super::response::{Grade, Responder};
use super::thrive::Thrive;
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Guidance {
    pub points: Vec<GuidancePoint>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidancePoint {
    /// Stable id, e.g. `da.keep-on-line`; rubric items cite it.
    pub id: String,
    pub area: Area,
    /// The point, in the project's own words.
    pub text: String,
    /// Where it comes from (the public guidance, by name).
    pub source: String,
    /// A rubric item also covers this point when it has this THRIVE element, CVF heading, grade
    /// or RCRP decision, without citing the id.
    #[serde(default)]
    pub covers: Option<Cover>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Area {
    DomesticAbuse,
    Rcrp,
    Thrive,
    Grading,
    Cvf,
    Contact,
}

impl Area {
    pub fn label(self) -> &'static str {
        match self {
            Area::DomesticAbuse => "Domestic abuse call handling",
            Area::Rcrp => "Right Care, Right Person",
            Area::Thrive => "THRIVE",
            Area::Grading => "Grading",
            Area::Cvf => "Competency and Values Framework",
            Area::Contact => "Contact handling",
        }
    }
}

/// A structured match between a guidance point and rubric items.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Cover {
    Thrive(Thrive),
    Competency(Cvf),
    Grade(Grade),
    Rcrp(Responder),
}

impl Guidance {
    pub fn load(path: &Path) -> Result<Guidance, LoadError> {
        let g: Guidance = super::ron_file::load(path)?;
        let mut seen = std::collections::BTreeSet::new();
        for p in &g.points {
            if !seen.insert(p.id.as_str()) {
                return Err(LoadError::Invalid {
                    path: path.to_path_buf(),
                    message: format!("points: id '{}' appears twice", p.id),
                });
            }
        }
        Ok(g)
    }

    pub fn point(&self, id: &str) -> Option<&GuidancePoint> {
        self.points.iter().find(|p| p.id == id)
    }
}
