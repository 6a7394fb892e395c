//! The branch sweep: walk every path through a scenario's script — every branch, every timer, and
//! the caller hanging up for lost engagement at every line where that can happen — drive a real
//! session down it, and prove each path ends with a scored result.

use super::action::Action;
use super::check::{Problem, can_lose_engagement};
use super::scenario::Scenario;
use super::script::Trigger;
use super::session::{Mode, Session};

/// The most paths a sweep will walk before it gives up on a scenario.
pub const MAX_PATHS: usize = 20_000;

/// One walked path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    /// The script lines, in order.
    pub lines: Vec<String>,
    /// Whether the trainee closed the call (else it ran out at the time limit).
    pub closed_by_trainee: bool,
    pub score: u32,
}

/// How to leave a line on a path.
#[derive(Debug, Clone)]
enum Edge {
    Do(Action),
    Wait(u64),
    LoseEngagement,
}

/// Walk every path; on success the walks, else what went wrong.
pub fn sweep(sc: &Scenario) -> Result<Vec<Walk>, Vec<Problem>> {
    let s = &sc.script;
    let Some(start) = s.index(&s.start) else {
        return Err(vec![problem("script.start", "unknown start line")]);
    };
    let mut paths: Vec<Vec<(usize, Option<Edge>)>> = Vec::new();
    let mut stack: Vec<Vec<(usize, Option<Edge>)>> = vec![vec![(start, None)]];
    let hang_up = s.hang_up_line.as_ref().and_then(|h| s.index(h));
    let drain = can_lose_engagement(sc);
    while let Some(path) = stack.pop() {
        if paths.len() > MAX_PATHS {
            return Err(vec![problem(
                "script.lines",
                "more paths than the sweep can walk",
            )]);
        }
        let Some(&(i, _)) = path.last() else { continue };
        if path.iter().filter(|(x, _)| *x == i).count() > 1 {
            return Err(vec![problem(
                "script.lines",
                "the lines loop, so a call may never end",
            )]);
        }
        let line = &s.lines[i];
        let mut nexts: Vec<(usize, Edge)> = Vec::new();
        for b in &line.branches {
            let Some(n) = s.index(&b.goto) else { continue };
            let action = match &b.when {
                Trigger::Asked(q) => Action::Ask(q.clone()),
                Trigger::Advised(a) => Action::Advise(a.clone()),
                Trigger::Graded(g) => Action::Grade(*g),
                Trigger::Decided(r) => Action::Rcrp(*r),
                Trigger::Notified(p) => Action::Notify(*p),
            };
            nexts.push((n, Edge::Do(action)));
        }
        if let Some(a) = &line.after
            && let Some(n) = s.index(&a.goto)
        {
            nexts.push((n, Edge::Wait(a.ms)));
        }
        if line.ends.is_none() && drain && Some(i) != hang_up {
            match hang_up {
                Some(h) => nexts.push((h, Edge::LoseEngagement)),
                None => paths.push(with(&path, usize::MAX, Edge::LoseEngagement)),
            }
        }
        paths.push(path.clone());
        for (n, e) in nexts {
            stack.push(with(&path, n, e));
        }
    }
    let mut walks = Vec::new();
    let mut problems = Vec::new();
    for path in &paths {
        for close in [true, false] {
            match walk(sc, path, close) {
                Ok(w) => walks.push(w),
                Err(m) => {
                    let ids: Vec<&str> = path
                        .iter()
                        .filter_map(|(i, _)| s.lines.get(*i))
                        .map(|l| l.id.as_str())
                        .collect();
                    problems.push(problem(
                        "script.lines",
                        &format!("path {}: {m}", ids.join(" → ")),
                    ));
                    break;
                }
            }
        }
    }
    if problems.is_empty() {
        Ok(walks)
    } else {
        Err(problems)
    }
}

fn with(path: &[(usize, Option<Edge>)], n: usize, e: Edge) -> Vec<(usize, Option<Edge>)> {
    let mut p = path.to_vec();
    p.push((n, Some(e)));
    p
}

fn problem(field: &str, message: &str) -> Problem {
    Problem {
        field: field.into(),
        message: message.into(),
    }
}

/// Drive a session down one path, then close the call (or let it run out) and score it.
fn walk(sc: &Scenario, path: &[(usize, Option<Edge>)], close: bool) -> Result<Walk, String> {
    let mut session = Session::new(sc, Mode::Assessment, "sweep").map_err(|e| e.to_string())?;
    let mut t = 0u64;
    for (_, edge) in path.iter().skip(1) {
        match edge {
            Some(Edge::Do(a)) => {
                let at = t.max(session.now_ms());
                session
                    .act(at, a.clone())
                    .map_err(|e| format!("at {at} ms: {e}"))?;
            }
            Some(Edge::Wait(ms)) => {
                t = t.saturating_add(*ms);
                session.advance(t);
            }
            Some(Edge::LoseEngagement) => lose_engagement(sc, &mut session, t)?,
            None => {}
        }
        if let Some(&(_, at)) = session.record().lines.last() {
            t = t.max(at);
        }
    }
    let want: Vec<&str> = path
        .iter()
        .filter_map(|(i, _)| sc.script.lines.get(*i))
        .map(|l| l.id.as_str())
        .collect();
    let got: Vec<String> = session
        .record()
        .lines
        .iter()
        .map(|(l, _)| l.clone())
        .collect();
    if want != got.iter().map(String::as_str).collect::<Vec<_>>() {
        return Err(format!("the session went {} instead", got.join(" → ")));
    }
    if close && !session.is_closed() {
        session
            .act(t, Action::Close)
            .map_err(|e| format!("closing at {t} ms: {e}"))?;
    }
    let outcome = session.finish();
    if outcome.score > 100 {
        return Err(format!("scored {} out of 100", outcome.score));
    }
    Ok(Walk {
        lines: got,
        closed_by_trainee: close,
        score: outcome.score,
    })
}

/// Ask (or advise) whatever loses the caller's engagement, and does not branch from the current
/// line, until the caller hangs up.
fn lose_engagement(sc: &Scenario, session: &mut Session, t: u64) -> Result<(), String> {
    for _ in 0..200 {
        if !session.caller_on_line() {
            return Ok(());
        }
        let current = session
            .record()
            .lines
            .last()
            .map(|(l, _)| l.clone())
            .unwrap_or_default();
        let line = sc.script.lines.iter().find(|l| l.id == current);
        let branches =
            |trig: &Trigger| line.is_some_and(|l| l.branches.iter().any(|b| &b.when == trig));
        let q = sc
            .questions
            .iter()
            .filter(|q| q.engagement < 0 && !branches(&Trigger::Asked(q.id.clone())))
            .min_by_key(|q| q.engagement)
            .map(|q| Action::Ask(q.id.clone()));
        let a = sc
            .advice
            .iter()
            .filter(|a| a.engagement < 0 && !branches(&Trigger::Advised(a.id.clone())))
            .min_by_key(|a| a.engagement)
            .map(|a| Action::Advise(a.id.clone()));
        let Some(action) = q.or(a) else {
            return Err(format!(
                "nothing at line '{current}' loses the caller's engagement"
            ));
        };
        let at = t.max(session.now_ms()).max(session.busy_until_ms());
        session
            .act(at, action)
            .map_err(|e| format!("at {at} ms: {e}"))?;
    }
    Err("the caller never hangs up".into())
}
