//! The assessor view: a cohort's results with the same figures as `controlroom cohort` — per
//! trainee and per scenario sessions, mean score and pass rate, the trainee-by-scenario grid, and
//! the rubric items most often missed. An unreadable results file returns to the menu with a
//! message.

use super::super::state::{Cmd, Config, Do, Notice, Screen};
use super::super::{theme, widgets};
use super::{Root, spawn_root};
use crate::training::cohort;
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Assessor),
        (spawn_root(Screen::Assessor), draw).chain(),
    )
    .add_systems(
        Update,
        (keys, handle).chain().run_if(in_state(Screen::Assessor)),
    );
}

fn draw(
    mut commands: Commands,
    root: Single<Entity, With<Root>>,
    config: Res<Config>,
    mut notice: ResMut<Notice>,
    mut next: ResMut<NextState<Screen>>,
) {
    let path = config.results_path();
    let rows = match super::menu::read_results(&config) {
        Ok(rows) => rows,
        Err(e) => {
            notice.0 = Some(e);
            next.set(Screen::Menu);
            return;
        }
    };
    commands.entity(*root).with_children(|p| {
        p.spawn(widgets::row()).with_children(|r| {
            r.spawn(widgets::label(
                format!("Cohort {} — {}", config.cohort, path.display()),
                theme::TITLE,
                theme::TEXT,
            ));
            widgets::spawn_button(r, "[Esc] Back to the menu", Cmd::Back, theme::BUTTON_ON);
        });
        p.spawn(widgets::scrolling()).with_children(|d| {
            if rows.is_empty() {
                d.spawn(widgets::body("No sessions yet."));
                return;
            }
            let c = cohort::summarise(&rows);
            for (title, t) in [("Trainees", &c.trainees), ("Scenarios", &c.scenarios)] {
                d.spawn(widgets::heading(title));
                for x in t.iter() {
                    d.spawn(widgets::body(format!(
                        "{:<28} {:>3} sessions   mean {:>5.1}%   pass rate {:>3}%",
                        x.name,
                        x.sessions,
                        x.mean_score,
                        x.pass_rate_pct()
                    )));
                }
            }
            d.spawn(widgets::heading("Trainee by scenario"));
            for x in &c.grid {
                d.spawn(widgets::body(format!(
                    "{} / {}: {} attempts, best {}%, latest {}%, {}",
                    x.trainee,
                    x.scenario,
                    x.attempts,
                    x.best_pct,
                    x.latest_pct,
                    if x.passed { "passed" } else { "not yet" }
                )));
            }
            d.spawn(widgets::heading("Rubric items most often missed"));
            for m in c.missed.iter().take(10) {
                let crit = if m.critical_times > 0 {
                    format!(" ({} critical)", m.critical_times)
                } else {
                    String::new()
                };
                d.spawn(widgets::body(format!(
                    "{} of {}  {} / {}{crit}",
                    m.times, m.of, m.scenario, m.item
                )));
            }
        });
    });
}

fn keys(mut keys: MessageReader<KeyboardInput>, mut out: MessageWriter<Do>) {
    for (k, _) in widgets::pressed(&mut keys) {
        let cmd = match k {
            KeyCode::Escape | KeyCode::Enter => Cmd::Back,
            k => match widgets::common(k) {
                Some(c) => c,
                None => continue,
            },
        };
        out.write(Do(cmd));
    }
}

fn handle(mut cmds: MessageReader<Do>, mut next: ResMut<NextState<Screen>>) {
    for Do(c) in cmds.read() {
        if *c == Cmd::Back {
            next.set(Screen::Menu);
        }
    }
}
