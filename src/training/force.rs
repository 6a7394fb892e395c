//! A force profile: the force's own names and attendance targets for each grade, its partner
//! services for Right Care Right Person, and where its staff find support after a harrowing call.
//! Scenarios refer to grades by meaning; the profile supplies the words a trainee sees.

use super::error::LoadError;
use super::response::{Grade, Partner, Responder};
use serde::{Deserialize, Serialize};
use std::path::Path;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ForceProfile {
    /// The force's name (fictional forces in this repository).
    pub name: String,
    /// One entry per grade meaning.
    pub grades: Vec<GradeName>,
    /// The force's name for each kind of Right Care Right Person responder.
    #[serde(default)]
    pub responders: Vec<ResponderName>,
    /// The force's partner services.
    #[serde(default)]
    pub partners: Vec<PartnerName>,
    /// Where staff find support after a harrowing call, in the order to offer them.
    pub support: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GradeName {
    pub grade: Grade,
    /// The force's label, e.g. "Grade 1 (Immediate)".
    pub name: String,
    /// Attendance target in urban areas, minutes (none for resolution without deployment).
    #[serde(default)]
    pub urban_target_min: Option<u32>,
    /// Attendance target in rural areas, minutes.
    #[serde(default)]
    pub rural_target_min: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResponderName {
    pub responder: Responder,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PartnerName {
    pub partner: Partner,
    pub name: String,
}

impl ForceProfile {
    /// Load and check a profile: every grade meaning must be named exactly once.
    pub fn load(path: &Path) -> Result<ForceProfile, LoadError> {
        let profile: ForceProfile = super::ron_file::load(path)?;
        for g in Grade::ALL {
            let n = profile.grades.iter().filter(|x| x.grade == g).count();
            if n != 1 {
                return Err(LoadError::Invalid {
                    path: path.to_path_buf(),
                    message: format!("grades: {:?} must be named exactly once (found {n})", g),
                });
            }
        }
        Ok(profile)
    }

    /// A profile with the meanings as names, for when no force file is given.
    pub fn neutral() -> ForceProfile {
        ForceProfile {
            name: "No force profile".into(),
            grades: Grade::ALL
                .iter()
                .map(|&g| GradeName {
                    grade: g,
                    name: g.meaning().into(),
                    urban_target_min: None,
                    rural_target_min: None,
                })
                .collect(),
            responders: vec![],
            partners: vec![],
            support: vec!["Speak to your trainer or supervisor".into()],
        }
    }

    pub fn grade_name(&self, grade: Grade) -> String {
        self.grades
            .iter()
            .find(|g| g.grade == grade)
            .map(|g| g.name.clone())
            .unwrap_or_else(|| grade.meaning().to_string())
    }

    /// The grade's name with its attendance target, e.g. "Grade 1 (Immediate): 15 min urban".
    pub fn grade_label(&self, grade: Grade) -> String {
        match self.grades.iter().find(|g| g.grade == grade) {
            Some(GradeName {
                name,
                urban_target_min: Some(u),
                rural_target_min: Some(r),
                ..
            }) => {
                format!("{name} (attend within {u} min urban, {r} min rural)")
            }
            Some(GradeName {
                name,
                urban_target_min: Some(u),
                ..
            }) => {
                format!("{name} (attend within {u} min)")
            }
            Some(g) => g.name.clone(),
            None => grade.meaning().to_string(),
        }
    }

    pub fn responder_name(&self, r: Responder) -> String {
        self.responders
            .iter()
            .find(|x| x.responder == r)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| r.label().to_string())
    }

    pub fn partner_name(&self, p: Partner) -> String {
        self.partners
            .iter()
            .find(|x| x.partner == p)
            .map(|x| x.name.clone())
            .unwrap_or_else(|| p.label().to_string())
    }
}
