//! Replaying a saved session in the window (`controlroom train --replay LOG`): the log's actions
//! are fed to a fresh [`crate::training::Session`] at their recorded times, at normal or fast
//! speed, optionally pausing on each decision. A log that does not load, or is for another
//! scenario or version, leaves a message on the menu. With `--screenshot DIR` the window saves
//! `menu.png`, then replays, pauses half-way to save `call.png`, saves `debrief.png` (with the
//! support list after a harrowing call) at the end, and quits.

use super::super::state::{Config, Desk, Library, Notice, Screen, load_replay};
use bevy::prelude::*;
use bevy::render::view::screenshot::{Screenshot, save_to_disk};
use std::path::PathBuf;
use std::time::{Duration, Instant};

pub(super) fn plugin(app: &mut App) {
    app.add_systems(Startup, start)
        .add_systems(Update, shots.run_if(resource_exists::<Shots>));
}

/// Start the replay named in the configuration, if any. A screenshot run shows the menu first.
fn start(
    config: Res<Config>,
    lib: Res<Library>,
    mut notice: ResMut<Notice>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
) {
    if config.replay.is_none() {
        return;
    }
    if let Some(dir) = &config.screenshot {
        commands.insert_resource(Shots {
            dir: dir.clone(),
            stage: Stage::Menu,
            frames: 0,
            started: Instant::now(),
        });
        return;
    }
    begin(&config, &lib, &mut notice, &mut next, &mut commands);
}

/// Put the replayed call on the desk, or leave a message on the menu.
fn begin(
    config: &Config,
    lib: &Library,
    notice: &mut Notice,
    next: &mut NextState<Screen>,
    commands: &mut Commands,
) {
    let Some(path) = &config.replay else { return };
    let started = load_replay(lib, path, config).map(|mut desk| {
        if config.screenshot.is_some()
            && let Some(f) = &mut desk.feed
        {
            f.pause_at = Some(f.feed.log().actions.len().div_ceil(2).max(1));
        }
        desk
    });
    match started {
        Ok(desk) => {
            commands.insert_resource(desk);
            next.set(Screen::Call);
        }
        Err(e) => notice.0 = Some(format!("Cannot replay: {e}")),
    }
}

/// The screenshot run: where the PNGs go and how far it has got.
#[derive(Resource, Debug, Clone)]
struct Shots {
    dir: PathBuf,
    stage: Stage,
    /// Frames spent in this stage (the UI needs a few to lay out and draw).
    frames: u32,
    started: Instant,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Stage {
    Menu,
    MenuSaving,
    Call,
    CallSaving,
    Debrief,
    DebriefSaving,
}

const SETTLE_FRAMES: u32 = 30;
const TIMEOUT: Duration = Duration::from_secs(300);

fn written(p: &std::path::Path) -> bool {
    std::fs::metadata(p).is_ok_and(|m| m.len() > 0)
}

#[allow(clippy::too_many_arguments)]
fn shots(
    mut shots: ResMut<Shots>,
    screen: Res<State<Screen>>,
    desk: Option<ResMut<Desk>>,
    mut notice: ResMut<Notice>,
    config: Res<Config>,
    lib: Res<Library>,
    mut next: ResMut<NextState<Screen>>,
    mut commands: Commands,
    mut exit: MessageWriter<AppExit>,
) {
    if shots.started.elapsed() > TIMEOUT {
        error!("screenshot run timed out");
        exit.write(AppExit::from_code(1));
        return;
    }
    if *screen.get() == Screen::Menu
        && let Some(n) = &notice.0
    {
        error!("{n}");
        exit.write(AppExit::from_code(2));
        return;
    }
    shots.frames += 1;
    let menu = shots.dir.join("menu.png");
    let call = shots.dir.join("call.png");
    let debrief = shots.dir.join("debrief.png");
    match shots.stage {
        Stage::Menu => {
            if shots.frames > SETTLE_FRAMES {
                commands
                    .spawn(Screenshot::primary_window())
                    .observe(save_to_disk(menu));
                shots.stage = Stage::MenuSaving;
                shots.frames = 0;
            }
        }
        Stage::MenuSaving => {
            if written(&menu) && shots.frames > 5 {
                begin(&config, &lib, &mut notice, &mut next, &mut commands);
                shots.stage = Stage::Call;
                shots.frames = 0;
            }
        }
        Stage::Call => match (screen.get(), desk) {
            (Screen::Call, Some(d)) if d.clock.paused => {
                if shots.frames > SETTLE_FRAMES {
                    commands
                        .spawn(Screenshot::primary_window())
                        .observe(save_to_disk(call));
                    shots.stage = Stage::CallSaving;
                    shots.frames = 0;
                }
            }
            (Screen::Debrief, _) => {
                // The call ended before the pause point: no call screenshot can be taken now.
                error!("the call ended before its screenshot");
                exit.write(AppExit::from_code(1));
            }
            _ => shots.frames = 0,
        },
        Stage::CallSaving => {
            if written(&call) && shots.frames > 5 {
                if let Some(mut d) = desk {
                    d.clock.paused = false;
                }
                shots.stage = Stage::Debrief;
                shots.frames = 0;
            }
        }
        Stage::Debrief => {
            if *screen.get() != Screen::Debrief {
                shots.frames = 0;
            } else if shots.frames > SETTLE_FRAMES {
                commands
                    .spawn(Screenshot::primary_window())
                    .observe(save_to_disk(debrief));
                shots.stage = Stage::DebriefSaving;
                shots.frames = 0;
            }
        }
        Stage::DebriefSaving => {
            if written(&debrief) && shots.frames > 5 {
                info!("screenshots saved in {}", shots.dir.display());
                exit.write(AppExit::Success);
            }
        }
    }
}
