//! A THRIVE assessment being put together: element, then judgement, then the facts it rests on,
//! then submitted as one action. The window builds it click by click; the terminal prompt for it.

use crate::training::action::Action;
use crate::training::thrive::{Judgement, Thrive};

/// The assessment in hand.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    pub element: Option<Thrive>,
    pub judgement: Option<Judgement>,
    pub facts: Vec<String>,
}

impl Draft {
    /// Start assessing an element (a new draft).
    pub fn start(element: Thrive) -> Draft {
        Draft {
            element: Some(element),
            ..Draft::default()
        }
    }

    /// Choose the judgement (only once an element is chosen).
    pub fn judge(&mut self, j: Judgement) {
        if self.element.is_some() {
            self.judgement = Some(j);
        }
    }

    /// Cite a fact, or take it back.
    pub fn toggle(&mut self, fact: &str) {
        match self.facts.iter().position(|x| x == fact) {
            Some(i) => {
                self.facts.remove(i);
            }
            None => self.facts.push(fact.to_string()),
        }
    }

    /// One step back: the judgement (and the facts), else the element.
    pub fn back(&mut self) {
        if self.judgement.is_some() {
            self.judgement = None;
            self.facts.clear();
        } else {
            self.element = None;
        }
    }

    /// The assessment, if it is complete; the draft is then cleared.
    pub fn submit(&mut self) -> Option<Action> {
        let (Some(element), Some(judgement)) = (self.element, self.judgement) else {
            return None;
        };
        let facts = std::mem::take(&mut self.facts);
        *self = Draft::default();
        Some(Action::Assess {
            element,
            judgement,
            facts,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn element_judgement_facts_then_submit() {
        let mut d = Draft::default();
        d.judge(Judgement::High);
        assert_eq!(d.judgement, None, "no judgement before an element");
        assert_eq!(d.submit(), None);
        let mut d = Draft::start(Thrive::Threat);
        d.judge(Judgement::High);
        d.toggle("knife");
        d.toggle("child");
        d.toggle("knife");
        let a = d.submit();
        assert_eq!(
            a,
            Some(Action::Assess {
                element: Thrive::Threat,
                judgement: Judgement::High,
                facts: vec!["child".into()],
            })
        );
        assert_eq!(d, Draft::default());
        let mut d = Draft::start(Thrive::Harm);
        d.judge(Judgement::Low);
        d.back();
        assert_eq!((d.element, d.judgement), (Some(Thrive::Harm), None));
        d.back();
        assert_eq!(d, Draft::default());
    }
}
