//! The decisions standing on the desk now, and action labels that give nothing away.

use crate::training::action::Action;
use crate::training::force::ForceProfile;
use crate::training::response::{Grade, Partner, Responder};
use crate::training::session::Session;
use crate::training::thrive::Thrive;

/// An action's label in the force's words, for any front-end. A fact that has not come up is not
/// named (its entry is shown greyed, so the list does not give it away or move).
pub fn action_label(action: &Action, session: &Session, force: &ForceProfile) -> String {
    match action {
        Action::Record(f) if !session.record().is_revealed(f) => {
            "Record: (a fact not yet known)".into()
        }
        a => a.label(session.scenario(), force),
    }
}

/// The decisions standing now: the latest grade, RCRP decision and THRIVE judgement of each
/// element (with the facts cited), and the partners told. Later decisions replace earlier ones,
/// as marking reads them; front-ends show these and never work them out themselves.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Decisions {
    pub grade: Option<Grade>,
    pub rcrp: Option<Responder>,
    pub thrive: Vec<(Thrive, crate::training::thrive::Judgement, Vec<String>)>,
    pub partners: Vec<Partner>,
    /// Advice given (advice ids, first time each).
    pub advice: Vec<String>,
    /// Facts written into the incident log (fact ids, first time each).
    pub recorded: Vec<String>,
}

impl Decisions {
    pub fn of(session: &Session) -> Decisions {
        let mut d = Decisions::default();
        for step in &session.log().actions {
            match &step.action {
                Action::Grade(g) => d.grade = Some(*g),
                Action::Rcrp(r) => d.rcrp = Some(*r),
                Action::Assess {
                    element,
                    judgement,
                    facts,
                } => {
                    d.thrive.retain(|(t, _, _)| t != element);
                    d.thrive.push((*element, *judgement, facts.clone()));
                }
                Action::Notify(p) if !d.partners.contains(p) => d.partners.push(*p),
                Action::Advise(a) if !d.advice.contains(a) => d.advice.push(a.clone()),
                Action::Record(f) if !d.recorded.contains(f) => d.recorded.push(f.clone()),
                _ => {}
            }
        }
        d
    }

    /// The standing judgement of one THRIVE element and the facts it rests on.
    pub fn thrive_of(&self, t: Thrive) -> Option<(crate::training::thrive::Judgement, &[String])> {
        self.thrive
            .iter()
            .find(|(e, _, _)| *e == t)
            .map(|(_, j, f)| (*j, f.as_slice()))
    }

    /// Whether this grade or RCRP decision is the one standing.
    pub fn stands(&self, action: &Action) -> bool {
        match action {
            Action::Grade(g) => self.grade == Some(*g),
            Action::Rcrp(r) => self.rcrp == Some(*r),
            Action::Notify(p) => self.partners.contains(p),
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::desk::tests::session;

    #[test]
    fn the_latest_decision_stands() {
        use crate::training::thrive::Judgement;
        let mut s = session();
        s.act(1000, Action::Grade(Grade::ALL[1])).unwrap();
        s.act(5000, Action::Grade(Grade::ALL[0])).unwrap();
        let assess = |j| Action::Assess {
            element: Thrive::ALL[0],
            judgement: j,
            facts: vec![],
        };
        s.act(9000, assess(Judgement::Low)).unwrap();
        s.act(13000, assess(Judgement::High)).unwrap();
        let d = Decisions::of(&s);
        assert_eq!(d.grade, Some(Grade::ALL[0]));
        assert!(d.stands(&Action::Grade(Grade::ALL[0])));
        assert!(!d.stands(&Action::Grade(Grade::ALL[1])));
        assert_eq!(d.thrive.len(), 1);
        assert_eq!(
            d.thrive_of(Thrive::ALL[0]).map(|x| x.0),
            Some(Judgement::High)
        );
        assert_eq!(d.thrive_of(Thrive::ALL[1]), None);
    }
}
