//! Sign in (trainee and cohort, no password), pick a scenario or the next one in the course plan,
//! choose practice or assessment, and start; or open the assessor view. A scenario file that does
//! not load is listed with what is wrong and cannot be started.

use super::super::state::{Choice, Cmd, Config, Desk, Do, Library, Notice, Screen};
use super::super::{theme, widgets};
use super::{Root, spawn_root};
use crate::training::{Mode, Session, results};
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<Choice>()
        .add_systems(
            OnEnter(Screen::Menu),
            (spawn_root(Screen::Menu), redraw).chain(),
        )
        .add_systems(
            Update,
            (keys, handle, redraw.run_if(changed))
                .chain()
                .run_if(in_state(Screen::Menu)),
        );
}

fn changed(c: Res<Config>, ch: Res<Choice>, n: Res<Notice>, l: Res<Library>) -> bool {
    c.is_changed() || ch.is_changed() || n.is_changed() || l.is_changed()
}

fn redraw(
    mut commands: Commands,
    root: Single<Entity, With<Root>>,
    config: Res<Config>,
    lib: Res<Library>,
    choice: Res<Choice>,
    notice: Res<Notice>,
) {
    commands
        .entity(*root)
        .despawn_children()
        .with_children(|p| {
            p.spawn(widgets::label(
                "controlroom — call-handling trainer",
                theme::TITLE,
                theme::TEXT,
            ));
            if let Some(n) = &notice.0 {
                p.spawn(widgets::label(n.clone(), theme::BODY, theme::BAD));
            }
            for problem in &lib.problems {
                p.spawn(widgets::label(problem.clone(), theme::SMALL, theme::BAD));
            }
            p.spawn(widgets::row()).with_children(|r| {
                let field = |i: usize| {
                    if choice.field == i {
                        theme::BUTTON_ON
                    } else {
                        theme::BUTTON
                    }
                };
                let cursor = |i: usize| if choice.field == i { "_" } else { "" };
                widgets::spawn_button(
                    r,
                    format!("Trainee: {}{}", config.trainee, cursor(0)),
                    Cmd::NextField,
                    field(0),
                );
                widgets::spawn_button(
                    r,
                    format!("Cohort: {}{}", config.cohort, cursor(1)),
                    Cmd::NextField,
                    field(1),
                );
                widgets::spawn_button(
                    r,
                    format!("[F2] Mode: {}", config.mode.label()),
                    Cmd::ToggleMode,
                    theme::BUTTON,
                );
                widgets::spawn_button(
                    r,
                    format!(
                        "[F5] Questions: {}",
                        if config.typed {
                            "typed (list off)"
                        } else {
                            "listed"
                        }
                    ),
                    Cmd::ToggleTyped,
                    if config.typed {
                        theme::BUTTON_ON
                    } else {
                        theme::BUTTON
                    },
                );
                widgets::spawn_button(
                    r,
                    "[F3] Next in the course plan",
                    Cmd::NextInPlan,
                    theme::BUTTON,
                );
                widgets::spawn_button(r, "[F4] Assessor view", Cmd::Assessor, theme::BUTTON);
            });
            p.spawn(widgets::label(
                "Type to sign in (Tab: next field). Up/Down: choose a scenario. Enter: start. \
             +/- (F7/F8 while typing): text size.",
                theme::SMALL,
                theme::MUTED,
            ));
            p.spawn(widgets::scrolling()).with_children(|list| {
                for (i, e) in lib.entries.iter().enumerate() {
                    let selected = i == choice.selected;
                    let (text, color) = match &e.scenario {
                        Ok(sc) => (
                            format!(
                                "{} {} — {} ({}, {}){}",
                                if selected { ">" } else { " " },
                                sc.title,
                                sc.id,
                                sc.channel.label(),
                                sc.difficulty.label(),
                                if sc.harrowing {
                                    " — content warning"
                                } else {
                                    ""
                                }
                            ),
                            if selected {
                                theme::BUTTON_ON
                            } else {
                                theme::BUTTON
                            },
                        ),
                        Err(err) => (
                            format!("{} does not load: {err}", e.path.display()),
                            theme::DANGER,
                        ),
                    };
                    widgets::spawn_button(list, text, Cmd::Select(i), color);
                }
            });
            widgets::spawn_button(p, "[Enter] Start", Cmd::Start, theme::BUTTON_ON);
        });
}

fn keys(mut keys: MessageReader<KeyboardInput>, choice: Res<Choice>, mut out: MessageWriter<Do>) {
    for (k, text) in widgets::pressed(&mut keys) {
        let cmd = match k {
            KeyCode::ArrowDown => Cmd::Select(choice.selected + 1),
            KeyCode::ArrowUp => Cmd::Select(choice.selected.saturating_sub(1)),
            KeyCode::Enter | KeyCode::NumpadEnter => Cmd::Start,
            KeyCode::Tab => Cmd::NextField,
            KeyCode::Backspace => Cmd::Erase,
            KeyCode::F2 => Cmd::ToggleMode,
            KeyCode::F3 => Cmd::NextInPlan,
            KeyCode::F4 => Cmd::Assessor,
            KeyCode::F5 => Cmd::ToggleTyped,
            KeyCode::F7 => Cmd::Scale(-0.1),
            KeyCode::F8 => Cmd::Scale(0.1),
            KeyCode::PageDown => Cmd::Scroll(300.0),
            KeyCode::PageUp => Cmd::Scroll(-300.0),
            _ => match text.filter(|t| t.chars().all(|c| !c.is_control())) {
                Some(t) => Cmd::Type(t),
                None => continue,
            },
        };
        out.write(Do(cmd));
    }
}

#[allow(clippy::too_many_arguments)]
fn handle(
    mut cmds: MessageReader<Do>,
    mut commands: Commands,
    mut config: ResMut<Config>,
    mut choice: ResMut<Choice>,
    mut notice: ResMut<Notice>,
    lib: Res<Library>,
    mut next: ResMut<NextState<Screen>>,
) {
    for Do(c) in cmds.read() {
        match c {
            Cmd::Select(i) if *i < lib.entries.len() => choice.selected = *i,
            Cmd::NextField => choice.field = (choice.field + 1) % 2,
            Cmd::Type(t) => {
                let f = field(&mut config, choice.field);
                if f.chars().count() < 40 {
                    f.push_str(t);
                }
            }
            Cmd::Erase => {
                field(&mut config, choice.field).pop();
            }
            Cmd::ToggleMode => {
                config.mode = match config.mode {
                    Mode::Practice => Mode::Assessment,
                    Mode::Assessment => Mode::Practice,
                }
            }
            Cmd::ToggleTyped => config.typed = !config.typed,
            Cmd::NextInPlan => {
                let rows = match read_results(&config) {
                    Ok(rows) => rows,
                    Err(e) => {
                        notice.0 = Some(e);
                        continue;
                    }
                };
                match lib.next_in_plan(&rows, &config.trainee) {
                    Some((id, mode)) => {
                        match lib
                            .entries
                            .iter()
                            .position(|e| e.scenario.as_ref().is_ok_and(|s| s.id == id))
                        {
                            Some(i) => {
                                choice.selected = i;
                                config.mode = mode;
                                notice.0 = None;
                            }
                            None => {
                                notice.0 = Some(format!(
                                    "The course plan's next scenario '{id}' does not load."
                                ))
                            }
                        }
                    }
                    None => {
                        notice.0 = Some("No course plan, or every session in it is done.".into())
                    }
                }
            }
            Cmd::Assessor => {
                notice.0 = None;
                next.set(Screen::Assessor);
            }
            Cmd::Start => match start(&config, &lib, choice.selected) {
                Ok((desk, warn)) => {
                    notice.0 = None;
                    commands.insert_resource(desk);
                    next.set(if warn { Screen::Warning } else { Screen::Call });
                }
                Err(e) => notice.0 = Some(e),
            },
            _ => {}
        }
    }
}

fn field(config: &mut Config, i: usize) -> &mut String {
    if i == 0 {
        &mut config.trainee
    } else {
        &mut config.cohort
    }
}

/// The results so far (none if the file does not exist yet); an unreadable file is refused.
pub fn read_results(config: &Config) -> Result<Vec<results::Row>, String> {
    let path = config.results_path();
    if !path.exists() {
        return Ok(Vec::new());
    }
    results::read(&path)
        .map(|r| r.rows)
        .map_err(|e| format!("Results file unreadable, nothing started: {e}"))
}

/// A new call on the desk for the chosen scenario, and whether it needs a content warning.
fn start(config: &Config, lib: &Library, selected: usize) -> Result<(Desk, bool), String> {
    if config.trainee.trim().is_empty() {
        return Err("Sign in first: type your name or staff number.".into());
    }
    read_results(config)?;
    let entry = lib
        .entries
        .get(selected)
        .ok_or_else(|| "No scenario chosen (the library is empty).".to_string())?;
    let sc = entry
        .scenario
        .as_ref()
        .map_err(|e| format!("{} cannot be played: {e}", entry.path.display()))?;
    let session = Session::new(sc, config.mode, config.trainee.trim())
        .map_err(|e| e.to_string())?
        .typed(config.typed);
    let warn = sc.harrowing || !sc.content_warnings.is_empty();
    Ok((Desk::new(session, lib.force.clone(), config), warn))
}
