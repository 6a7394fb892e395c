//! The desk, front-end neutral: the catalogue of choices a call handler has, with numbers that
//! stay fixed for a scenario (so scripted input keeps working), each marked enabled or not —
//! never filtered out — and labelled in the force's words without giving away facts that have
//! not come up. The terminal (`play`) and the window both draw it and send it numbers. Beside it:
//! the call clock ([`Clock`]), the THRIVE draft ([`Draft`]), the decisions standing
//! ([`Decisions`]) and the merged timeline ([`timeline`]) — everything a front-end shows.

use super::action::Action;
use super::force::ForceProfile;
use super::response::{Grade, Partner, Responder};
use super::scenario::Scenario;
use super::session::Session;
use super::thrive::Thrive;

mod clock;
mod decisions;
mod draft;
mod timeline;

pub use clock::Clock;
pub use decisions::{Decisions, action_label};
pub use draft::Draft;
pub use timeline::{Line, Tone, event_line, stamp, timeline};

/// One entry of the catalogue.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Choice {
    /// An action taken as it is.
    Act(Action),
    /// A THRIVE element: the front-end then asks for the judgement and the facts.
    Assess(Thrive),
}

/// The fixed, numbered choices of a scenario: questions, advice, facts to record, checks,
/// THRIVE elements, grades, RCRP decisions, partners, close and stop.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Catalogue {
    entries: Vec<Choice>,
}

impl Catalogue {
    pub fn new(sc: &Scenario) -> Catalogue {
        let mut e: Vec<Choice> = Vec::new();
        let mut act = |a: Action| e.push(Choice::Act(a));
        sc.questions
            .iter()
            .for_each(|q| act(Action::Ask(q.id.clone())));
        sc.advice
            .iter()
            .for_each(|a| act(Action::Advise(a.id.clone())));
        sc.facts
            .iter()
            .for_each(|f| act(Action::Record(f.id.clone())));
        sc.checks
            .iter()
            .for_each(|c| act(Action::Check(c.id.clone())));
        let mut entries = e;
        entries.extend(Thrive::ALL.iter().map(|&t| Choice::Assess(t)));
        let mut rest: Vec<Action> = Grade::ALL.iter().map(|&g| Action::Grade(g)).collect();
        rest.extend(Responder::ALL.iter().map(|&r| Action::Rcrp(r)));
        rest.extend(Partner::ALL.iter().map(|&p| Action::Notify(p)));
        rest.push(Action::Close);
        rest.push(Action::Stop);
        entries.extend(rest.into_iter().map(Choice::Act));
        Catalogue { entries }
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// The choice with this number (1-based), if any.
    pub fn get(&self, number: usize) -> Option<&Choice> {
        number.checked_sub(1).and_then(|i| self.entries.get(i))
    }

    /// The number (1-based) of an action's choice, or of a THRIVE element for an assessment.
    pub fn number_of(&self, action: &Action) -> Option<usize> {
        self.entries
            .iter()
            .position(|c| match (c, action) {
                (Choice::Assess(t), Action::Assess { element, .. }) => t == element,
                (Choice::Act(a), b) => a == b,
                _ => false,
            })
            .map(|i| i + 1)
    }

    /// Whether the choice can be taken now (not filtered: the front-end greys it out).
    pub fn enabled(&self, number: usize, session: &Session) -> bool {
        match self.get(number) {
            None => false,
            Some(Choice::Assess(_)) => !session.is_closed(),
            Some(Choice::Act(a)) => session.available_actions().contains(a),
        }
    }

    /// The label of a choice in the force's words. A fact that has not come up is not named.
    pub fn label(&self, number: usize, session: &Session, force: &ForceProfile) -> String {
        match self.get(number) {
            None => String::new(),
            Some(Choice::Assess(t)) => format!("THRIVE: assess {}", t.label()),
            Some(Choice::Act(a)) => action_label(a, session, force),
        }
    }

    /// Every (number, label, enabled) for a front-end to draw.
    pub fn menu(&self, session: &Session, force: &ForceProfile) -> Vec<(usize, String, bool)> {
        let offered = session.available_actions();
        (1..=self.len())
            .map(|n| {
                let on = match self.get(n) {
                    Some(Choice::Assess(_)) => !session.is_closed(),
                    Some(Choice::Act(a)) => offered.contains(a),
                    None => false,
                };
                (n, self.label(n, session, force), on)
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::training::session::Mode;

    /// A practice session of da-whisper-999, for the desk's tests.
    pub(super) fn session() -> Session {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/training/da-whisper-999.ron"
        );
        let sc = Scenario::load(std::path::Path::new(path)).expect("shipped scenario");
        Session::new(&sc, Mode::Practice, "t").expect("session")
    }

    #[test]
    fn numbers_are_stable_and_nothing_is_filtered() {
        let mut s = session();
        let cat = Catalogue::new(s.scenario());
        let force = ForceProfile::neutral();
        let before = cat.menu(&s, &force).len();
        let n = cat.number_of(&Action::Ask("q-address".into())).unwrap();
        s.act(1000, Action::Ask("q-address".into())).unwrap();
        assert_eq!(cat.menu(&s, &force).len(), before, "never filtered");
        assert_eq!(cat.number_of(&Action::Ask("q-address".into())), Some(n));
        let rec = cat.number_of(&Action::Record("address".into())).unwrap();
        assert!(cat.enabled(rec, &s));
    }

    #[test]
    fn unknown_facts_are_greyed_and_not_named() {
        let s = session();
        let cat = Catalogue::new(s.scenario());
        let knife = cat.number_of(&Action::Record("knife".into())).unwrap();
        assert!(!cat.enabled(knife, &s));
        let label = cat.label(knife, &s, &ForceProfile::neutral());
        assert!(!label.contains("knife"), "{label}");
    }
}
