//! The call, laid out like a control-room desk: the incoming-call alert and answer; a top bar with
//! the call timer, the caller's distress and the always-visible "stop the call"; the transcript
//! (the caller's words as they are spoken, facts as they come up, check results, and in practice
//! the hints and feedback); and the decision panels — questions, the incident log, force systems,
//! THRIVE, grading, Right Care Right Person, safety advice, partners, close call.
//!
//! Every decision goes to [`crate::training::Session`]; the screen only shows what it returns. A
//! replay feeds a saved log's actions at their recorded times instead of the trainee's.

use super::super::state::{
    Cmd, Config, Desk, Do, Draft, Finished, Library, Notice, Panel, Screen, clock, save,
};
use super::super::{theme, widgets};
use super::{Root, spawn_root};
use crate::training::response::{Grade, Partner, Responder};
use crate::training::thrive::{Judgement, Thrive};
use crate::training::{Action, ActionLog, Event, Mode, library};
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Call),
        (spawn_root(Screen::Call), redraw).chain(),
    )
    .add_systems(
        Update,
        (
            keys,
            handle,
            run_clock,
            finish,
            redraw.run_if(changed),
            timer,
        )
            .chain()
            .distributive_run_if(in_state(Screen::Call))
            .distributive_run_if(resource_exists::<Desk>),
    );
}

/// The call timer text.
#[derive(Component, Debug, Clone, Copy)]
struct CallTimer;

/// What the screen last drew.
#[derive(Resource, Debug, Clone, Copy, PartialEq, Eq)]
struct Drawn(u64);

fn changed(desk: Option<Res<Desk>>, drawn: Option<Res<Drawn>>) -> bool {
    desk.is_some_and(|desk| drawn.is_none_or(|d| d.0 != desk.version))
}

fn keys(mut keys: MessageReader<KeyboardInput>, desk: Res<Desk>, mut out: MessageWriter<Do>) {
    for (k, _) in widgets::pressed(&mut keys) {
        let cmd = match k {
            KeyCode::Escape => Cmd::StopCall,
            KeyCode::Space if !desk.answered => Cmd::Answer,
            KeyCode::Enter | KeyCode::NumpadEnter if !desk.answered => Cmd::Answer,
            KeyCode::Space => Cmd::TogglePause,
            KeyCode::KeyF => Cmd::ToggleFast,
            KeyCode::KeyX => Cmd::Decide(Action::Close),
            KeyCode::Enter | KeyCode::NumpadEnter => Cmd::ThriveSubmit,
            KeyCode::Backspace => Cmd::ThriveBack,
            k => {
                if let Some(n) = widgets::digit(k) {
                    Cmd::Pick(n)
                } else if let Some(p) = Panel::ALL.iter().find(|p| letter(k) == Some(p.key())) {
                    Cmd::Focus(*p)
                } else if let Some(c) = widgets::common(k) {
                    c
                } else {
                    continue;
                }
            }
        };
        out.write(Do(cmd));
    }
}

fn letter(k: KeyCode) -> Option<char> {
    use KeyCode::*;
    Some(match k {
        KeyQ => 'Q',
        KeyL => 'L',
        KeyC => 'C',
        KeyT => 'T',
        KeyG => 'G',
        KeyR => 'R',
        KeyA => 'A',
        KeyN => 'N',
        _ => return None,
    })
}

/// The entries of a panel, in order: what each shows and what it sends. Digits pick them.
pub fn items(desk: &Desk, panel: Panel) -> Vec<(String, Cmd)> {
    let s = &desk.session;
    let sc = s.scenario();
    let f = &desk.force;
    let act = |a: Action| (a.label(sc, f), Cmd::Decide(a));
    match panel {
        Panel::Questions => sc
            .questions
            .iter()
            .map(|q| act(Action::Ask(q.id.clone())))
            .collect(),
        Panel::Advice => sc
            .advice
            .iter()
            .map(|a| act(Action::Advise(a.id.clone())))
            .collect(),
        Panel::Checks => sc
            .checks
            .iter()
            .map(|c| act(Action::Check(c.id.clone())))
            .collect(),
        Panel::Facts => s
            .known_facts()
            .iter()
            .map(|x| act(Action::Record(x.id.clone())))
            .collect(),
        Panel::Grade => Grade::ALL.iter().map(|&g| act(Action::Grade(g))).collect(),
        Panel::Rcrp => Responder::ALL
            .iter()
            .map(|&r| act(Action::Rcrp(r)))
            .collect(),
        Panel::Partners => Partner::ALL
            .iter()
            .map(|&p| act(Action::Notify(p)))
            .collect(),
        Panel::Thrive => thrive_items(desk),
    }
}

fn thrive_items(desk: &Desk) -> Vec<(String, Cmd)> {
    let d = &desk.draft;
    match (d.element, d.judgement) {
        (None, _) => Thrive::ALL
            .iter()
            .map(|&t| (format!("Assess {}", t.label()), Cmd::ThriveElement(t)))
            .collect(),
        (Some(_), None) => Judgement::ALL
            .iter()
            .map(|&j| (j.label().to_string(), Cmd::ThriveJudgement(j)))
            .collect(),
        (Some(_), Some(_)) => desk
            .session
            .known_facts()
            .iter()
            .map(|f| {
                let on = if d.facts.contains(&f.id) {
                    "[x]"
                } else {
                    "[ ]"
                };
                (format!("{on} {}", f.text), Cmd::ThriveFact(f.id.clone()))
            })
            .collect(),
    }
}

fn handle(
    mut cmds: MessageReader<Do>,
    mut desk: ResMut<Desk>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    let replaying = desk.feed.is_some();
    for Do(c) in cmds.read() {
        let c = match c {
            Cmd::Pick(n) => match items(&desk, desk.panel).into_iter().nth(n - 1) {
                Some((_, c)) => c,
                None => continue,
            },
            c => c.clone(),
        };
        match c {
            Cmd::Answer => desk.answered = true,
            Cmd::Focus(p) => desk.panel = p,
            Cmd::StopCall if replaying => {
                commands.remove_resource::<Desk>();
                next.set(Screen::Menu);
                return;
            }
            Cmd::StopCall if desk.answered => desk.act(Action::Stop),
            Cmd::StopCall => {
                commands.remove_resource::<Desk>();
                next.set(Screen::Menu);
                return;
            }
            Cmd::TogglePause if replaying => desk.paused = !desk.paused,
            Cmd::ToggleFast if replaying => {
                desk.speed = if desk.speed > 1.0 { 1.0 } else { 10.0 };
            }
            _ if replaying || !desk.answered => continue,
            Cmd::Decide(a) => desk.act(a),
            Cmd::ThriveElement(t) => {
                desk.panel = Panel::Thrive;
                desk.draft = Draft {
                    element: Some(t),
                    ..Draft::default()
                };
            }
            Cmd::ThriveJudgement(j) if desk.draft.element.is_some() => {
                desk.draft.judgement = Some(j);
            }
            Cmd::ThriveFact(f) => {
                let facts = &mut desk.draft.facts;
                match facts.iter().position(|x| *x == f) {
                    Some(i) => {
                        facts.remove(i);
                    }
                    None => facts.push(f),
                }
            }
            Cmd::ThriveSubmit => {
                if let Draft {
                    element: Some(element),
                    judgement: Some(judgement),
                    facts,
                } = desk.draft.clone()
                {
                    desk.draft = Draft::default();
                    desk.act(Action::Assess {
                        element,
                        judgement,
                        facts,
                    });
                }
            }
            Cmd::ThriveBack => {
                let d = &mut desk.draft;
                if d.judgement.is_some() {
                    d.judgement = None;
                    d.facts.clear();
                } else {
                    d.element = None;
                }
            }
            _ => {}
        }
        desk.version += 1;
    }
}

/// Time passes: replayed actions fall due, the caller carries on.
fn run_clock(time: Res<Time>, mut desk: ResMut<Desk>, mut notice: ResMut<Notice>) {
    let now = desk.tick(time.delta_secs_f64());
    let d = &mut *desk;
    if let Some(feed) = &mut d.feed {
        while let Some(step) = feed.log.actions.get(feed.next) {
            if step.t_ms > now {
                break;
            }
            if let Err(e) = d.session.act(step.t_ms, step.action.clone()) {
                notice.0 = Some(format!("Replay stopped at action {}: {e}", feed.next + 1));
            }
            feed.next += 1;
            d.version += 1;
            if d.pause_on_decisions || feed.pause_at == Some(feed.next) {
                d.paused = true;
                d.clock_ms = step.t_ms;
                break;
            }
        }
    }
    let t = d.clock_ms;
    if !d.session.advance(t).is_empty() {
        d.version += 1;
    }
}

/// The call is over: score it, save it (not a replay), go to the debrief.
fn finish(
    desk: Res<Desk>,
    config: Res<Config>,
    lib: Res<Library>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    if !desk.session.is_closed() {
        return;
    }
    let replayed = desk.feed.is_some();
    let outcome = desk.session.clone().finish();
    let saved = if replayed {
        vec!["Replay of a saved session: nothing new recorded.".to_string()]
    } else {
        save(&config, &outcome)
    };
    let model = ActionLog::load(&library::model_log(&config.scenario_dir, &outcome.scenario)).ok();
    commands.insert_resource(Finished {
        scenario: desk.session.scenario().clone(),
        force: lib.force.clone(),
        outcome,
        model,
        saved,
        replayed,
    });
    commands.remove_resource::<Desk>();
    next.set(Screen::Debrief);
}

fn timer(desk: Res<Desk>, mut q: Query<&mut Text, With<CallTimer>>) {
    for mut t in &mut q {
        t.0 = format!(
            "{} / {}",
            clock(desk.clock_ms),
            clock(desk.session.scenario().time_limit_ms)
        );
    }
}

fn redraw(mut commands: Commands, root: Single<Entity, With<Root>>, desk: Res<Desk>) {
    commands.insert_resource(Drawn(desk.version));
    let s = &desk.session;
    let sc = s.scenario();
    let channel = sc.channel.label();
    commands
        .entity(*root)
        .despawn_children()
        .with_children(|p| {
            // Top bar: channel, title, mode, timer, distress, stop.
            p.spawn(widgets::row()).with_children(|bar| {
                bar.spawn(widgets::label(
                    format!("{channel} — {}", sc.title),
                    theme::HEADING,
                    theme::TEXT,
                ));
                bar.spawn(widgets::label(
                    format!("{} mode", s.mode().label()),
                    theme::HEADING,
                    theme::MUTED,
                ));
                bar.spawn((
                    CallTimer,
                    widgets::label(clock(desk.clock_ms), theme::HEADING, theme::TEXT),
                ));
                if s.caller_on_line() {
                    let d = s.distress();
                    bar.spawn(widgets::label(
                        format!(
                            "Caller distress [{}{}]",
                            "#".repeat(usize::from(d)),
                            ".".repeat(5usize.saturating_sub(usize::from(d)))
                        ),
                        theme::HEADING,
                        theme::distress(d),
                    ));
                } else {
                    bar.spawn(widgets::label(
                        "Caller off the line",
                        theme::HEADING,
                        theme::BAD,
                    ));
                }
                if s.mode() == Mode::Practice && s.caller_on_line() {
                    bar.spawn(widgets::label(
                        format!("Engagement {}/100", s.engagement()),
                        theme::BODY,
                        theme::HINT,
                    ));
                }
                if let Some(f) = &desk.feed {
                    bar.spawn(widgets::label(
                        format!(
                            "REPLAY {}/{} x{}{}",
                            f.next,
                            f.log.actions.len(),
                            desk.speed,
                            if desk.paused { " (paused)" } else { "" }
                        ),
                        theme::HEADING,
                        theme::ALERT,
                    ));
                    widgets::spawn_button(bar, "[Space] Pause", Cmd::TogglePause, theme::BUTTON);
                    widgets::spawn_button(bar, "[F] Fast", Cmd::ToggleFast, theme::BUTTON);
                }
                widgets::spawn_button(bar, "[Esc] Stop the call", Cmd::StopCall, theme::DANGER);
            });
            if !desk.answered {
                p.spawn(widgets::panel(true)).with_children(|a| {
                    a.spawn(widgets::label(
                        format!("INCOMING {channel} CALL"),
                        theme::TITLE,
                        theme::ALERT,
                    ));
                    widgets::spawn_button(a, "[Space] Answer", Cmd::Answer, theme::BUTTON_ON);
                });
                return;
            }
            if let Some(r) = &desk.refused {
                p.spawn(widgets::label(
                    format!("Not possible: {r}"),
                    theme::BODY,
                    theme::BAD,
                ));
            }
            p.spawn(Node {
                flex_direction: FlexDirection::Row,
                column_gap: px(12),
                flex_grow: 1.0,
                min_height: px(0),
                ..default()
            })
            .with_children(|body| {
                body.spawn(Node {
                    width: percent(40),
                    flex_direction: FlexDirection::Column,
                    ..default()
                })
                .with_children(|left| {
                    left.spawn(widgets::heading("Call"));
                    left.spawn(widgets::scrolling())
                        .with_children(|t| transcript(t, &desk));
                });
                body.spawn(Node {
                    width: percent(60),
                    flex_direction: FlexDirection::Column,
                    row_gap: px(6),
                    ..default()
                })
                .with_children(|right| {
                    right.spawn(widgets::label(
                        "Keys: a panel's letter, then its number. Enter submits a THRIVE \
                     assessment, Backspace goes back, X closes the call, +/- text size.",
                        theme::SMALL,
                        theme::MUTED,
                    ));
                    right.spawn(widgets::scrolling()).with_children(|grid| {
                        grid.spawn(widgets::row())
                            .with_children(|g| panels(g, &desk));
                    });
                    widgets::spawn_button(
                        right,
                        "[X] Close the call",
                        Cmd::Decide(Action::Close),
                        theme::BUTTON_ON,
                    );
                });
            });
        });
}

fn transcript(t: &mut ChildSpawnerCommands, desk: &Desk) {
    let s = &desk.session;
    let sc = s.scenario();
    // Events and the trainee's own actions, in time order.
    let mut lines: Vec<(u64, String, Color)> = s
        .transcript()
        .iter()
        .map(|e| {
            let (text, color) = match e {
                Event::CallerSays { text, distress, .. } => (
                    format!("CALLER {}: {text}", "!".repeat(usize::from(*distress))),
                    theme::distress(*distress),
                ),
                Event::FactRevealed { text, .. } => (format!("  new fact: {text}"), theme::MUTED),
                Event::CheckResult { text, .. } => (format!("  check: {text}"), theme::HINT),
                Event::Hint { text, .. } => (format!("  hint: {text}"), theme::HINT),
                Event::Feedback { good, text, .. } => (
                    format!("  {} {text}", if *good { "+" } else { "-" }),
                    if *good { theme::GOOD } else { theme::BAD },
                ),
                Event::CallerGone { ending, .. } => {
                    (format!("--- {} ---", ending.label()), theme::BAD)
                }
                Event::CallClosed { by, .. } => {
                    (format!("--- call over ({}) ---", by.label()), theme::MUTED)
                }
            };
            (e.t_ms(), text, color)
        })
        .collect();
    for step in &s.log().actions {
        lines.push((
            step.t_ms,
            format!("YOU: {}", step.action.label(sc, &desk.force)),
            theme::TEXT,
        ));
    }
    lines.sort_by_key(|l| l.0);
    for (t_ms, text, color) in lines {
        t.spawn(widgets::label(
            format!("[{}] {text}", clock(t_ms)),
            theme::BODY,
            color,
        ));
    }
}

fn panels(g: &mut ChildSpawnerCommands, desk: &Desk) {
    let s = &desk.session;
    let offered = s.available_actions();
    let log = s.log();
    for panel in Panel::ALL {
        let focused = desk.panel == panel;
        g.spawn(widgets::boxed(
            focused,
            Node {
                flex_direction: FlexDirection::Column,
                padding: UiRect::all(px(8)),
                row_gap: px(4),
                max_width: percent(49),
                ..default()
            },
        ))
        .with_children(|b| {
            widgets::spawn_button(
                b,
                format!("[{}] {}", panel.key(), panel.title()),
                Cmd::Focus(panel),
                if focused {
                    theme::PANEL_FOCUS
                } else {
                    theme::PANEL
                },
            );
            if panel == Panel::Thrive {
                thrive_state(b, desk, &log);
            }
            for (i, (text, cmd)) in items(desk, panel).into_iter().enumerate() {
                let on = match &cmd {
                    Cmd::Decide(a) => offered.contains(a),
                    _ => s.caller_on_line() || !s.is_closed(),
                };
                let chosen = match &cmd {
                    Cmd::Decide(a @ (Action::Grade(_) | Action::Rcrp(_))) => log
                        .actions
                        .iter()
                        .rev()
                        .find(|st| std::mem::discriminant(&st.action) == std::mem::discriminant(a))
                        .is_some_and(|st| st.action == *a),
                    Cmd::ThriveElement(t) => desk.draft.element == Some(*t),
                    _ => false,
                };
                let color = if chosen {
                    theme::BUTTON_ON
                } else if on {
                    theme::BUTTON
                } else {
                    theme::BUTTON_OFF
                };
                let key = if focused && i < 10 {
                    format!("{} ", (i + 1) % 10)
                } else {
                    String::new()
                };
                widgets::spawn_button(b, format!("{key}{text}"), cmd, color);
            }
        });
    }
}

/// The six elements: the latest judgement of each and the facts it rests on; the draft in hand.
fn thrive_state(b: &mut ChildSpawnerCommands, desk: &Desk, log: &ActionLog) {
    let sc = desk.session.scenario();
    for t in Thrive::ALL {
        let latest = log.actions.iter().rev().find_map(|st| match &st.action {
            Action::Assess {
                element,
                judgement,
                facts,
            } if *element == t => Some((judgement, facts)),
            _ => None,
        });
        let text = match latest {
            Some((j, facts)) => {
                let cited: Vec<&str> = facts
                    .iter()
                    .map(|f| sc.fact(f).map_or(f.as_str(), |x| x.text.as_str()))
                    .collect();
                format!(
                    "{}: {} — {}",
                    t.label(),
                    j.label(),
                    if cited.is_empty() {
                        "no facts".into()
                    } else {
                        cited.join("; ")
                    }
                )
            }
            None => format!("{}: not assessed", t.label()),
        };
        b.spawn(widgets::label(text, theme::SMALL, theme::MUTED));
    }
    if let Some(e) = desk.draft.element {
        let j = desk
            .draft
            .judgement
            .map_or("choose a judgement", |j| j.label());
        b.spawn(widgets::label(
            format!(
                "Assessing {}: {j}{}",
                e.label(),
                if desk.draft.judgement.is_some() {
                    " — tick the facts, Enter to submit"
                } else {
                    ""
                }
            ),
            theme::BODY,
            theme::ALERT,
        ));
        if desk.draft.judgement.is_some() {
            widgets::spawn_button(
                b,
                "[Enter] Submit assessment",
                Cmd::ThriveSubmit,
                theme::BUTTON_ON,
            );
        }
        widgets::spawn_button(b, "[Backspace] Back", Cmd::ThriveBack, theme::BUTTON);
    }
}
