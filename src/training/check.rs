//! `check`: the semantic validation of a parsed scenario — the fictional statement and content
//! warnings, unknown references, unreachable lines and branches, loops that would stop a call
//! ending, and rubric items no action can meet. Parse errors are reported by the loader.

use super::guidance::Guidance;
use super::rubric::{Expect, Item};
use super::scenario::Scenario;
use super::script::{Script, Trigger};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

/// One thing wrong with a scenario, naming the field it is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// Where, e.g. `script.lines[open].branches[1]`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.message)
    }
}

struct Problems(Vec<Problem>);

impl Problems {
    fn add(&mut self, field: impl Into<String>, message: impl Into<String>) {
        self.0.push(Problem {
            field: field.into(),
            message: message.into(),
        });
    }
}

/// The longest call a scenario may run (an hour), so a log of it stays within
/// [`super::action::MAX_ACTIONS`].
pub const MAX_TIME_LIMIT_MS: u64 = 3_600_000;

/// Every problem with a scenario (empty when it is sound). With a guidance checklist, rubric
/// items' guidance ids are checked against it.
pub fn check(sc: &Scenario, guidance: Option<&Guidance>) -> Vec<Problem> {
    let mut p = Problems(Vec::new());
    metadata(sc, &mut p);
    ids(sc, &mut p);
    script(sc, &mut p);
    let earliest = earliest_lines(&sc.script);
    let facts = earliest_facts(sc, &earliest);
    for f in &sc.facts {
        if !facts.contains_key(&f.id) {
            p.add(
                format!("facts[{}]", f.id),
                "no line, answer or reply ever reveals this fact",
            );
        }
    }
    for (i, l) in sc.script.lines.iter().enumerate() {
        if let Some(&t) = earliest.get(&i)
            && t > sc.time_limit_ms
        {
            p.add(
                format!("script.lines[{}]", l.id),
                format!(
                    "cannot be reached before the time limit ({t} ms > {} ms)",
                    sc.time_limit_ms
                ),
            );
        }
    }
    for item in &sc.rubric {
        rubric_item(sc, item, &facts, guidance, &mut p);
        evidence_and_order(sc, item, &mut p);
    }
    menus(sc, &mut p);
    p.0
}

/// How many plausible distractors a menu needs so that it does not give the answer away.
pub const MIN_DISTRACTOR_QUESTIONS: usize = 3;

/// Menus that do not give the answer away: plausible distractors (not only rude ones), and
/// key words on every question so it can be typed.
fn menus(sc: &Scenario, p: &mut Problems) {
    let plausible = sc
        .questions
        .iter()
        .filter(|q| !q.relevant && q.engagement >= 0)
        .count();
    if plausible < MIN_DISTRACTOR_QUESTIONS {
        p.add(
            "questions",
            format!(
                "{plausible} plausible distractor question(s): add at least {MIN_DISTRACTOR_QUESTIONS} \
                 questions a real handler might ask that waste time on this call (relevant: false, \
                 engagement 0 or more: date of birth, spelling, a crime reference number)"
            ),
        );
    }
    if !sc.advice.iter().any(|a| !a.relevant && a.engagement >= 0) {
        p.add(
            "advice",
            "no plausible distractor advice: add advice right for other calls but wrong here \
             (relevant: false, engagement 0 or more)",
        );
    }
    for q in &sc.questions {
        if q.keywords.iter().all(|k| super::typed::words(k).is_empty()) {
            p.add(
                format!("questions[{}].keywords", q.id),
                "give key words so the question can be typed (e.g. [\"address\", \"where are\"])",
            );
        }
    }
}

/// Evidence, `until` and `before`: references that must exist, and decisions that must name
/// the facts they rest on.
fn evidence_and_order(sc: &Scenario, item: &Item, p: &mut Problems) {
    let at = format!("rubric[{}]", item.id);
    unknown_facts(sc, &format!("{at}.evidence"), &item.evidence, p);
    if let Some(line) = &item.until
        && sc.script.index(line).is_none()
    {
        p.add(format!("{at}.until"), format!("unknown line '{line}'"));
    }
    for b in &item.before {
        if b == &item.id {
            p.add(format!("{at}.before"), "an item cannot come before itself");
        } else if !sc.rubric.iter().any(|x| &x.id == b) {
            p.add(format!("{at}.before"), format!("unknown rubric item '{b}'"));
        }
    }
    let decision = matches!(
        item.expect,
        Expect::Graded(_) | Expect::Rcrp(_) | Expect::Notified(_)
    );
    if decision && item.evidence.is_empty() {
        p.add(
            format!("{at}.evidence"),
            "a decision must name the facts it rests on (evidence: [..]); one made before \
             they are known is a guess",
        );
    }
    if item.arises_ms.is_some() && !matches!(item.expect, Expect::Never(_)) {
        p.add(
            format!("{at}.arises_ms"),
            "only `Never` items have arises_ms",
        );
    }
}

fn metadata(sc: &Scenario, p: &mut Problems) {
    if !sc.fictional {
        p.add(
            "fictional",
            "every scenario must state that it is fictional (fictional: true)",
        );
    }
    let id_ok = !sc.id.is_empty()
        && sc
            .id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !id_ok {
        p.add(
            "id",
            format!("'{}' must be lower-case letters, digits and hyphens", sc.id),
        );
    }
    if sc.version == 0 {
        p.add("version", "must be 1 or more");
    }
    if sc.title.trim().is_empty() {
        p.add("title", "must not be empty");
    }
    if sc.objectives.is_empty() {
        p.add("objectives", "list at least one learning objective");
    }
    if sc.harrowing && sc.content_warnings.is_empty() {
        p.add(
            "content_warnings",
            "a harrowing scenario must say what it contains before it starts",
        );
    }
    if sc.time_limit_ms == 0 {
        p.add("time_limit_ms", "must be more than 0");
    } else if sc.time_limit_ms > MAX_TIME_LIMIT_MS {
        p.add(
            "time_limit_ms",
            format!(
                "{} is more than an hour; a call runs at most {MAX_TIME_LIMIT_MS} ms",
                sc.time_limit_ms
            ),
        );
    }
    if sc.pass_mark == 0 || sc.pass_mark > 100 {
        p.add("pass_mark", "must be 1–100");
    }
    if sc.rubric.is_empty() {
        p.add("rubric", "a scenario needs at least one rubric item");
    }
}

fn ids(sc: &Scenario, p: &mut Problems) {
    let lists: [(&str, Vec<&str>); 6] = [
        ("checks", sc.checks.iter().map(|x| x.id.as_str()).collect()),
        ("facts", sc.facts.iter().map(|x| x.id.as_str()).collect()),
        (
            "questions",
            sc.questions.iter().map(|x| x.id.as_str()).collect(),
        ),
        ("advice", sc.advice.iter().map(|x| x.id.as_str()).collect()),
        (
            "script.lines",
            sc.script.lines.iter().map(|x| x.id.as_str()).collect(),
        ),
        ("rubric", sc.rubric.iter().map(|x| x.id.as_str()).collect()),
    ];
    for (field, list) in lists {
        let mut seen = BTreeSet::new();
        for id in list {
            if !seen.insert(id) {
                p.add(format!("{field}[{id}]"), "this id appears more than once");
            }
        }
    }
    for q in &sc.questions {
        unknown_facts(sc, &format!("questions[{}].reveals", q.id), &q.reveals, p);
    }
    for a in &sc.advice {
        unknown_facts(sc, &format!("advice[{}].reveals", a.id), &a.reveals, p);
    }
    for c in &sc.checks {
        unknown_facts(sc, &format!("checks[{}].reveals", c.id), &c.reveals, p);
    }
}

fn unknown_facts(sc: &Scenario, field: &str, facts: &[String], p: &mut Problems) {
    for f in facts {
        if sc.fact(f).is_none() {
            p.add(field, format!("unknown fact '{f}'"));
        }
    }
}

fn trigger_known(sc: &Scenario, t: &Trigger) -> Result<(), String> {
    match t {
        Trigger::Asked(q) if sc.question(q).is_none() => Err(format!("unknown question '{q}'")),
        Trigger::Advised(a) if sc.advice(a).is_none() => Err(format!("unknown advice '{a}'")),
        _ => Ok(()),
    }
}

fn script(sc: &Scenario, p: &mut Problems) {
    let s = &sc.script;
    if s.index(&s.start).is_none() {
        p.add("script.start", format!("unknown line '{}'", s.start));
    }
    if !(0..=100).contains(&s.engagement) {
        p.add("script.engagement", "must be 0–100");
    }
    if let Some(h) = &s.hang_up_line {
        match s.index(h) {
            None => p.add("script.hang_up_line", format!("unknown line '{h}'")),
            Some(i) if s.lines[i].ends.is_none() => p.add(
                "script.hang_up_line",
                format!("line '{h}' must end the call (ends: HangsUp)"),
            ),
            _ => {}
        }
    }
    for l in &s.lines {
        let at = format!("script.lines[{}]", l.id);
        if l.distress > 5 {
            p.add(format!("{at}.distress"), "must be 0–5");
        }
        unknown_facts(sc, &format!("{at}.reveals"), &l.reveals, p);
        if l.ends.is_some() && (!l.branches.is_empty() || l.after.is_some()) {
            p.add(
                &at,
                "a line that ends the call cannot have branches or a timer",
            );
        }
        let mut seen: BTreeMap<&Trigger, usize> = BTreeMap::new();
        for (i, b) in l.branches.iter().enumerate() {
            let bat = format!("{at}.branches[{i}]");
            if let Err(m) = trigger_known(sc, &b.when) {
                p.add(format!("{bat}.when"), m);
            }
            if s.index(&b.goto).is_none() {
                p.add(format!("{bat}.goto"), format!("unknown line '{}'", b.goto));
            }
            if let Some(first) = seen.insert(&b.when, i) {
                p.add(
                    &bat,
                    format!("unreachable: branch {first} has the same trigger and wins"),
                );
            }
        }
        if let Some(a) = &l.after {
            if a.ms == 0 {
                p.add(format!("{at}.after.ms"), "must be more than 0");
            }
            if s.index(&a.goto).is_none() {
                p.add(
                    format!("{at}.after.goto"),
                    format!("unknown line '{}'", a.goto),
                );
            }
        }
    }
    if let Some(cycle) = find_cycle(s) {
        p.add(
            "script.lines",
            format!("the call cannot end: lines loop {}", cycle.join(" → ")),
        );
    }
    let reach = reachable(sc);
    for (i, l) in s.lines.iter().enumerate() {
        if !reach.contains(&i) {
            p.add(
                format!("script.lines[{}]", l.id),
                "unreachable: no path from the start leads here",
            );
        }
    }
}

/// Lines reachable from the start; the hang-up line counts if some action can lose engagement.
pub fn reachable(sc: &Scenario) -> BTreeSet<usize> {
    let s = &sc.script;
    let mut seen = BTreeSet::new();
    let mut stack: Vec<usize> = s.index(&s.start).into_iter().collect();
    if can_lose_engagement(sc)
        && let Some(h) = s.hang_up_line.as_ref().and_then(|h| s.index(h))
    {
        stack.push(h);
    }
    while let Some(i) = stack.pop() {
        if seen.insert(i) {
            stack.extend(s.successors(i));
        }
    }
    seen
}

/// Whether some question or advice lowers engagement enough, eventually, to hang the caller up.
pub fn can_lose_engagement(sc: &Scenario) -> bool {
    sc.script.hangs_up_below > 0
        && (sc.questions.iter().any(|q| q.engagement < 0)
            || sc.advice.iter().any(|a| a.engagement < 0))
}

/// A loop in the line graph, as line ids, if there is one.
fn find_cycle(s: &Script) -> Option<Vec<String>> {
    // 0 = unvisited, 1 = on the current path, 2 = done.
    let mut state = vec![0u8; s.lines.len()];
    let mut path = Vec::new();
    fn visit(s: &Script, i: usize, state: &mut [u8], path: &mut Vec<usize>) -> Option<Vec<String>> {
        state[i] = 1;
        path.push(i);
        for n in s.successors(i) {
            if state[n] == 1 {
                let from = path.iter().position(|&x| x == n).unwrap_or(0);
                let mut ids: Vec<String> = path[from..]
                    .iter()
                    .map(|&x| s.lines[x].id.clone())
                    .collect();
                ids.push(s.lines[n].id.clone());
                return Some(ids);
            }
            if state[n] == 0
                && let Some(c) = visit(s, n, state, path)
            {
                return Some(c);
            }
        }
        path.pop();
        state[i] = 2;
        None
    }
    for i in 0..s.lines.len() {
        if state[i] == 0
            && let Some(c) = visit(s, i, &mut state, &mut path)
        {
            return Some(c);
        }
    }
    None
}

/// The earliest time each line can be delivered (branches are instant; timers take their time).
pub fn earliest_lines(s: &Script) -> BTreeMap<usize, u64> {
    let mut best: BTreeMap<usize, u64> = BTreeMap::new();
    if let Some(start) = s.index(&s.start) {
        best.insert(start, 0);
    }
    // Bellman-Ford style relaxation; bounded by the number of lines, so loops cannot hang it.
    for _ in 0..=s.lines.len() {
        let mut changed = false;
        for (i, l) in s.lines.iter().enumerate() {
            let Some(&t) = best.get(&i) else { continue };
            let mut edges: Vec<(&str, u64)> =
                l.branches.iter().map(|b| (b.goto.as_str(), 0)).collect();
            if let Some(a) = &l.after {
                edges.push((a.goto.as_str(), a.ms));
            }
            for (goto, cost) in edges {
                let Some(n) = s.index(goto) else { continue };
                let arrive = t.saturating_add(cost);
                if best.get(&n).is_none_or(|&b| arrive < b) {
                    best.insert(n, arrive);
                    changed = true;
                }
            }
        }
        if !changed {
            break;
        }
    }
    best
}

/// The earliest time each fact can come up: from a question or advice at once, from a line when
/// the line can first be delivered.
fn earliest_facts(sc: &Scenario, lines: &BTreeMap<usize, u64>) -> BTreeMap<String, u64> {
    let mut out: BTreeMap<String, u64> = BTreeMap::new();
    let mut note = |f: &String, t: u64| {
        let e = out.entry(f.clone()).or_insert(t);
        *e = (*e).min(t);
    };
    for q in &sc.questions {
        q.reveals.iter().for_each(|f| note(f, 0));
    }
    for a in &sc.advice {
        a.reveals.iter().for_each(|f| note(f, 0));
    }
    for c in &sc.checks {
        c.reveals.iter().for_each(|f| note(f, 0));
    }
    for (i, l) in sc.script.lines.iter().enumerate() {
        if let Some(&t) = lines.get(&i) {
            l.reveals.iter().for_each(|f| note(f, t));
        }
    }
    out
}

fn rubric_item(
    sc: &Scenario,
    item: &Item,
    facts: &BTreeMap<String, u64>,
    guidance: Option<&Guidance>,
    p: &mut Problems,
) {
    let at = format!("rubric[{}]", item.id);
    if item.weight == 0 {
        p.add(format!("{at}.weight"), "must be more than 0");
    }
    if item.feedback.trim().is_empty() {
        p.add(format!("{at}.feedback"), "the debrief needs feedback text");
    }
    if item.within_ms == Some(0) {
        p.add(format!("{at}.within_ms"), "must be more than 0");
    }
    if let Some(line) = &item.after
        && sc.script.index(line).is_none()
    {
        p.add(format!("{at}.after"), format!("unknown line '{line}'"));
    }
    if item.guidance.is_empty() {
        p.add(
            format!("{at}.guidance"),
            "cite the guidance point(s) the item comes from",
        );
    }
    if let Some(g) = guidance {
        for id in &item.guidance {
            if g.point(id).is_none() {
                p.add(
                    format!("{at}.guidance"),
                    format!("unknown guidance point '{id}'"),
                );
            }
        }
    }
    let after_ending = item
        .after
        .as_ref()
        .and_then(|l| sc.script.index(l))
        .is_some_and(|i| sc.script.lines[i].ends.is_some());
    if after_ending && matches!(item.expect, Expect::Asked(_) | Expect::Advised(_)) {
        p.add(
            format!("{at}.expect"),
            "no action can meet it: the caller has gone by the `after` line, so nothing can be asked or advised",
        );
    }
    // The latest a fact can be recorded and still count, when the window starts at call answer.
    let deadline = if item.after.is_none() {
        item.within_ms
    } else {
        None
    };
    let mut need_fact = |f: &String| match facts.get(f) {
        None if sc.fact(f).is_none() => {
            p.add(format!("{at}.expect"), format!("unknown fact '{f}'"))
        }
        None => p.add(
            format!("{at}.expect"),
            format!("no action can meet it: fact '{f}' never comes up"),
        ),
        Some(&t) if deadline.is_some_and(|d| t > d) => p.add(
            format!("{at}.expect"),
            format!(
                "no action can meet it: fact '{f}' cannot come up before {t} ms, after within_ms"
            ),
        ),
        Some(_) => {}
    };
    match &item.expect {
        Expect::Asked(q) if sc.question(q).is_none() => {
            p.add(format!("{at}.expect"), format!("unknown question '{q}'"))
        }
        Expect::Advised(a) if sc.advice(a).is_none() => {
            p.add(format!("{at}.expect"), format!("unknown advice '{a}'"))
        }
        Expect::Recorded(f) => need_fact(f),
        Expect::Checked(c) if sc.check(c).is_none() => {
            p.add(format!("{at}.expect"), format!("unknown check '{c}'"))
        }
        Expect::Assessed { facts, .. } => facts.iter().for_each(need_fact),
        Expect::Never(inner) => match inner.as_ref() {
            Expect::Never(_) => p.add(format!("{at}.expect"), "Never(Never(..)) means nothing"),
            Expect::Asked(q) if sc.question(q).is_none() => {
                p.add(format!("{at}.expect"), format!("unknown question '{q}'"))
            }
            Expect::Advised(a) if sc.advice(a).is_none() => {
                p.add(format!("{at}.expect"), format!("unknown advice '{a}'"))
            }
            _ => {}
        },
        _ => {}
    }
}
