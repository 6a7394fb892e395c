//! The call, laid out like a control-room desk: the incoming-call alert and answer; a top bar with
//! the call timer, the caller's distress and the always-visible "stop the call"; the transcript
//! (the caller's words as they are spoken, facts as they come up, check results, and in practice
//! the hints and feedback); and the decision panels — questions, the incident log, force systems,
//! THRIVE, grading, Right Care Right Person, safety advice, partners, close call.
//!
//! Every decision goes to [`crate::training::Session`]; the screen only shows what it returns. A
//! replay feeds a saved log's actions at their recorded times instead of the trainee's.

use super::super::state::{
    Cmd, Config, Desk, Do, Finished, Library, Notice, Panel, Screen, clock, save,
};
use super::super::{theme, widgets};
use super::{Root, spawn_root};
use crate::training::desk::{Decisions, Draft};
use crate::training::response::{Grade, Partner, Responder};
use crate::training::thrive::{Judgement, Thrive};
use crate::training::{Action, ActionLog, Mode, library, typed};
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

mod draw;
mod keys;
mod panels;

use draw::redraw;
use keys::keys;
pub use panels::items;

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
            Cmd::PickHighlighted => match items(&desk, desk.panel).into_iter().nth(desk.cursor) {
                Some((_, c)) => c,
                None => continue,
            },
            c => c.clone(),
        };
        match c {
            Cmd::Answer => desk.clock.answered = true,
            Cmd::Focus(p) => focus(&mut desk, p),
            Cmd::NextPanel => {
                let p = desk.panel.next();
                focus(&mut desk, p);
            }
            Cmd::Move(d) => {
                let n = items(&desk, desk.panel).len();
                desk.cursor = desk
                    .cursor
                    .saturating_add_signed(d as isize)
                    .min(n.saturating_sub(1));
            }
            Cmd::StopCall if replaying => {
                commands.remove_resource::<Desk>();
                next.set(Screen::Menu);
                return;
            }
            Cmd::StopCall if desk.clock.answered => desk.act(Action::Stop),
            Cmd::StopCall => {
                commands.remove_resource::<Desk>();
                next.set(Screen::Menu);
                return;
            }
            Cmd::TogglePause if replaying => desk.clock.paused = !desk.clock.paused,
            Cmd::ToggleFast if replaying => {
                desk.clock.speed = if desk.clock.speed > 1.0 { 1.0 } else { 10.0 };
            }
            _ if replaying || !desk.clock.answered => continue,
            Cmd::Decide(a) => desk.act(a),
            Cmd::Type(t) if desk.session.is_typed() => {
                let room = typed::MAX_CHARS.saturating_sub(desk.typing.chars().count());
                let t: String = t.chars().filter(|c| !c.is_control()).take(room).collect();
                desk.typing.push_str(&t);
            }
            Cmd::Erase => {
                desk.typing.pop();
            }
            Cmd::Say if !desk.typing.trim().is_empty() => {
                let text = std::mem::take(&mut desk.typing);
                let a = typed::say(desk.session.scenario(), text.trim());
                desk.act(a);
            }
            Cmd::ThriveElement(t) => {
                focus(&mut desk, Panel::Thrive);
                desk.draft = Draft::start(t);
            }
            Cmd::ThriveJudgement(j) => desk.draft.judge(j),
            Cmd::ThriveFact(f) => desk.draft.toggle(&f),
            Cmd::ThriveSubmit => {
                if let Some(a) = desk.draft.submit() {
                    desk.act(a);
                }
            }
            Cmd::ThriveBack => desk.draft.back(),
            _ => {}
        }
        desk.version += 1;
    }
}

/// Focus a panel, its highlight on the first entry.
fn focus(desk: &mut Desk, p: Panel) {
    if desk.panel != p {
        desk.panel = p;
        desk.cursor = 0;
    }
}

/// Time passes: replayed actions fall due, the caller carries on.
fn run_clock(time: Res<Time>, mut desk: ResMut<Desk>, mut notice: ResMut<Notice>) {
    let now = desk.tick(time.delta_secs_f64());
    let d = &mut *desk;
    if let Some(f) = &mut d.feed {
        while let Some(played) = f.feed.step(&mut d.session, now) {
            d.version += 1;
            match played {
                Ok(t_ms) => {
                    if d.pause_on_decisions || f.pause_at == Some(f.feed.played()) {
                        d.clock.pause_at(t_ms);
                        break;
                    }
                }
                Err(e) => {
                    notice.0 = Some(format!("Replay stopped: {e}"));
                    d.clock.paused = true;
                    break;
                }
            }
        }
    }
    let t = d.clock.ms;
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
            clock(desk.clock.ms),
            clock(desk.session.scenario().time_limit_ms)
        );
    }
}
