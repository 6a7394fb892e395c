//! The content warning before a harrowing scenario: what the call contains, that it can be stopped
//! at any time, and the choice to take it or pick another. Nothing is recorded until it starts.

use super::super::state::{Cmd, Desk, Do, Screen};
use super::super::{theme, widgets};
use super::{Root, spawn_root};
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Warning),
        (spawn_root(Screen::Warning), draw).chain(),
    )
    .add_systems(
        Update,
        (keys, handle).chain().run_if(in_state(Screen::Warning)),
    );
}

fn draw(mut commands: Commands, root: Single<Entity, With<Root>>, desk: Option<Res<Desk>>) {
    let Some(desk) = desk else { return };
    let sc = desk.session.scenario();
    let contains = if sc.content_warnings.is_empty() {
        "distressing content".to_string()
    } else {
        sc.content_warnings.join("; ")
    };
    commands.entity(*root).with_children(|p| {
        p.spawn(widgets::label(
            "Content warning",
            theme::TITLE,
            theme::ALERT,
        ));
        p.spawn(widgets::heading(sc.title.clone()));
        p.spawn(widgets::body(format!("This call contains: {contains}.")));
        p.spawn(widgets::body(
            "This scenario is fictional: no real call, person or place. You can stop the call \
             at any time with the red button or the Esc key; nothing is scored against you for \
             stopping.",
        ));
        p.spawn(widgets::row()).with_children(|r| {
            widgets::spawn_button(r, "[Enter] Take the call", Cmd::Proceed, theme::BUTTON_ON);
            widgets::spawn_button(r, "[Esc] Choose another", Cmd::ChooseAnother, theme::BUTTON);
        });
    });
}

fn keys(mut keys: MessageReader<KeyboardInput>, mut out: MessageWriter<Do>) {
    for (k, _) in widgets::pressed(&mut keys) {
        let cmd = match k {
            KeyCode::Enter | KeyCode::NumpadEnter => Cmd::Proceed,
            KeyCode::Escape => Cmd::ChooseAnother,
            k => match widgets::common(k) {
                Some(c) => c,
                None => continue,
            },
        };
        out.write(Do(cmd));
    }
}

fn handle(
    mut cmds: MessageReader<Do>,
    mut commands: Commands,
    mut next: ResMut<NextState<Screen>>,
) {
    for Do(c) in cmds.read() {
        match c {
            Cmd::Proceed => next.set(Screen::Call),
            Cmd::ChooseAnother | Cmd::Back => {
                commands.remove_resource::<Desk>();
                next.set(Screen::Menu);
            }
            _ => {}
        }
    }
}
