//! Applying the trainee's actions: checking each is possible now, and what the caller says back
//! (a branch to a new line, or the question's answer or the advice's reply), with its effect on
//! the caller's engagement.

use super::{Event, Mode, Session};
use crate::training::action::{Action, Step};
use crate::training::error::SessionError;
use crate::training::record::ClosedBy;
use crate::training::script::{Ending, Trigger};
use crate::training::typed;
use std::collections::BTreeSet;
use std::sync::Arc;

impl Session {
    fn need_caller(&self, what: &str) -> Result<(), SessionError> {
        match self.record.caller_gone {
            Some((since_ms, _)) => Err(SessionError::CallerGone {
                since_ms,
                what: what.into(),
            }),
            None => Ok(()),
        }
    }

    /// The line a trigger leads to from the current line, if any.
    fn branch_for(&self, trigger: &Trigger) -> Option<usize> {
        let line = &self.scenario.script.lines[self.line];
        let b = line.branches.iter().find(|b| &b.when == trigger)?;
        self.scenario.script.index(&b.goto)
    }

    pub(super) fn apply(&mut self, t_ms: u64, action: &Action) -> Result<(), SessionError> {
        let sc = Arc::clone(&self.scenario);
        match action {
            Action::Ask(id) => {
                if sc.question(id).is_none() {
                    return Err(SessionError::Unknown {
                        kind: "question",
                        id: id.clone(),
                    });
                }
                if self.typed {
                    return Err(SessionError::NotAllowed(
                        "the question list is off in this session: type the question".into(),
                    ));
                }
                self.need_caller("ask a question")?;
                self.push_step(t_ms, action);
                self.ask(t_ms, id);
            }
            Action::Say { text, matched } => {
                let n = text.chars().count();
                if n > typed::MAX_CHARS {
                    return Err(SessionError::NotAllowed(format!(
                        "a typed question of {n} characters; at most {} are allowed",
                        typed::MAX_CHARS
                    )));
                }
                let actual = typed::match_question(&sc, text);
                if actual != matched.as_deref() {
                    let short: String = text.chars().take(60).collect();
                    return Err(SessionError::WrongMatch {
                        text: short,
                        claimed: matched
                            .as_deref()
                            .map_or("nothing".into(), |q| format!("'{q}'")),
                        actual: actual
                            .map_or("matches no question".into(), |q| format!("matches '{q}'")),
                    });
                }
                self.need_caller("ask a question")?;
                self.push_step(t_ms, action);
                match actual {
                    Some(q) => self.ask(t_ms, q),
                    None => {
                        let unclear = sc.script.unclear.clone();
                        self.say(t_ms, &unclear);
                    }
                }
            }
            Action::Advise(id) => {
                let a = sc.advice(id).ok_or_else(|| SessionError::Unknown {
                    kind: "advice",
                    id: id.clone(),
                })?;
                self.need_caller("give advice")?;
                self.record.steps.push(Step {
                    t_ms,
                    action: action.clone(),
                });
                match self.branch_for(&Trigger::Advised(id.clone())) {
                    Some(next) => self.deliver(next, t_ms),
                    None => {
                        if let Some(reply) = &a.reply {
                            self.say(t_ms, reply);
                        }
                        self.reveal(&a.reveals, t_ms);
                    }
                }
                self.change_engagement(t_ms, a.engagement);
            }
            Action::Check(id) => {
                let c = sc.check(id).ok_or_else(|| SessionError::Unknown {
                    kind: "check",
                    id: id.clone(),
                })?;
                if self.record.steps.iter().any(|s| &s.action == action) {
                    return Err(SessionError::NotAllowed(format!(
                        "check '{id}' already run"
                    )));
                }
                self.record.steps.push(Step {
                    t_ms,
                    action: action.clone(),
                });
                self.push(Event::CheckResult {
                    t_ms,
                    check: id.clone(),
                    text: c.result.clone(),
                });
                self.reveal(&c.reveals, t_ms);
            }
            Action::Record(f) => {
                self.known(f)?;
                if self.record.steps.iter().any(|s| &s.action == action) {
                    return Err(SessionError::NotAllowed(format!(
                        "fact '{f}' is already recorded"
                    )));
                }
                self.record.steps.push(Step {
                    t_ms,
                    action: action.clone(),
                });
            }
            Action::Assess { facts, .. } => {
                let mut seen = BTreeSet::new();
                for f in facts {
                    self.known(f)?;
                    if !seen.insert(f) {
                        return Err(SessionError::NotAllowed(format!("fact '{f}' cited twice")));
                    }
                }
                self.record.steps.push(Step {
                    t_ms,
                    action: action.clone(),
                });
            }
            Action::Notify(p) => {
                self.push_step(t_ms, action);
                self.react(t_ms, &Trigger::Notified(*p));
            }
            Action::Grade(g) => {
                self.push_step(t_ms, action);
                self.react(t_ms, &Trigger::Graded(*g));
            }
            Action::Rcrp(r) => {
                self.push_step(t_ms, action);
                self.react(t_ms, &Trigger::Decided(*r));
            }
            Action::Close => {
                self.record.steps.push(Step {
                    t_ms,
                    action: action.clone(),
                });
                self.close(t_ms, ClosedBy::Trainee);
            }
            Action::Stop => {
                self.record.steps.push(Step {
                    t_ms,
                    action: action.clone(),
                });
                self.close(t_ms, ClosedBy::Stopped);
            }
        }
        if self.mode == Mode::Practice {
            self.action_feedback(t_ms, action);
        }
        Ok(())
    }

    fn push_step(&mut self, t_ms: u64, action: &Action) {
        self.record.steps.push(Step {
            t_ms,
            action: action.clone(),
        });
    }

    /// The caller hears a question (listed or typed): a branch, or the question's answer.
    fn ask(&mut self, t_ms: u64, id: &str) {
        let sc = Arc::clone(&self.scenario);
        let Some(q) = sc.question(id) else { return };
        match self.branch_for(&Trigger::Asked(id.to_string())) {
            Some(next) => self.deliver(next, t_ms),
            None => {
                self.say(t_ms, &q.answer);
                self.reveal(&q.reveals, t_ms);
            }
        }
        self.change_engagement(t_ms, q.engagement);
    }

    /// The caller reacts to a decision they are told of, if the current line has a branch.
    fn react(&mut self, t_ms: u64, trigger: &Trigger) {
        if !self.caller_on_line() {
            return;
        }
        if let Some(next) = self.branch_for(trigger) {
            self.deliver(next, t_ms);
        }
    }

    fn known(&self, fact: &str) -> Result<(), SessionError> {
        if self.scenario.fact(fact).is_none() {
            return Err(SessionError::Unknown {
                kind: "fact",
                id: fact.to_string(),
            });
        }
        if !self.record.is_revealed(fact) {
            return Err(SessionError::FactNotKnown(fact.to_string()));
        }
        Ok(())
    }

    fn say(&mut self, t_ms: u64, text: &str) {
        let distress = self.scenario.script.lines[self.line].distress;
        self.push(Event::CallerSays {
            t_ms,
            line: None,
            text: text.to_string(),
            distress,
        });
    }

    fn change_engagement(&mut self, t_ms: u64, delta: i32) {
        if delta == 0 || !self.caller_on_line() {
            return;
        }
        self.engagement = (self.engagement + delta).clamp(0, 100);
        if self.engagement < self.scenario.script.hangs_up_below {
            let line = self.scenario.script.hang_up_line.as_ref();
            if let Some(i) = line.and_then(|id| self.scenario.script.index(id)) {
                self.deliver(i, t_ms);
            }
            self.caller_leaves(t_ms, Ending::HangsUp);
        }
    }
}
