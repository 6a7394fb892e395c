//! A cohort summary for a trainer, from the results CSV: per trainee and per scenario, sessions,
//! mean score and pass rate; and the rubric items most often missed.

use super::results::Row;
use std::collections::BTreeMap;

/// Sessions, mean score and passes for one trainee or one scenario.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub name: String,
    pub sessions: u32,
    pub mean_score: f64,
    pub passes: u32,
}

impl Tally {
    /// Whole per cent of sessions passed.
    pub fn pass_rate_pct(&self) -> u32 {
        (self.passes * 100).checked_div(self.sessions).unwrap_or(0)
    }
}

/// One trainee on one scenario.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cell {
    pub trainee: String,
    pub scenario: String,
    pub attempts: u32,
    pub best_pct: u32,
    pub latest_pct: u32,
    /// Passed at least once.
    pub passed: bool,
}

/// A rubric item and how often it was missed (or partly met).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Missed {
    pub scenario: String,
    pub item: String,
    pub times: u32,
    /// Sessions of that scenario.
    pub of: u32,
    pub critical_times: u32,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cohort {
    pub trainees: Vec<Tally>,
    pub scenarios: Vec<Tally>,
    /// Each trainee on each scenario they have played, by trainee then scenario.
    pub grid: Vec<Cell>,
    /// Most missed first.
    pub missed: Vec<Missed>,
}

/// Summarise rows (optionally only one mode's).
pub fn summarise(rows: &[Row]) -> Cohort {
    let tally = |key: &dyn Fn(&Row) -> &str| {
        let mut m: BTreeMap<&str, (u32, u64, u32)> = BTreeMap::new();
        for r in rows {
            let e = m.entry(key(r)).or_default();
            e.0 += 1;
            e.1 += u64::from(r.score_pct);
            e.2 += u32::from(r.passed);
        }
        m.into_iter()
            .map(|(name, (n, total, passes))| Tally {
                name: name.to_string(),
                sessions: n,
                mean_score: total as f64 / f64::from(n.max(1)),
                passes,
            })
            .collect::<Vec<_>>()
    };
    let trainees = tally(&|r| r.trainee.as_str());
    let scenarios = tally(&|r| r.scenario_id.as_str());
    let mut counts: BTreeMap<(&str, &str), (u32, u32)> = BTreeMap::new();
    for r in rows {
        for i in &r.missed_items {
            let e = counts
                .entry((r.scenario_id.as_str(), i.as_str()))
                .or_default();
            e.0 += 1;
            e.1 += u32::from(r.critical_misses.contains(i));
        }
    }
    let mut missed: Vec<Missed> = counts
        .into_iter()
        .map(|((s, i), (times, critical_times))| Missed {
            scenario: s.to_string(),
            item: i.to_string(),
            times,
            of: scenarios
                .iter()
                .find(|t| t.name == s)
                .map(|t| t.sessions)
                .unwrap_or(0),
            critical_times,
        })
        .collect();
    missed.sort_by(|a, b| {
        b.times
            .cmp(&a.times)
            .then(b.critical_times.cmp(&a.critical_times))
            .then(a.scenario.cmp(&b.scenario))
            .then(a.item.cmp(&b.item))
    });
    let mut cells: BTreeMap<(&str, &str), Cell> = BTreeMap::new();
    for r in rows {
        let c = cells
            .entry((r.trainee.as_str(), r.scenario_id.as_str()))
            .or_insert_with(|| Cell {
                trainee: r.trainee.clone(),
                scenario: r.scenario_id.clone(),
                attempts: 0,
                best_pct: 0,
                latest_pct: 0,
                passed: false,
            });
        c.attempts += 1;
        c.best_pct = c.best_pct.max(r.score_pct);
        c.latest_pct = r.score_pct;
        c.passed |= r.passed;
    }
    let grid = cells.into_values().collect();
    Cohort {
        trainees,
        scenarios,
        grid,
        missed,
    }
}
