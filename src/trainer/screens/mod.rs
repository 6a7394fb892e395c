//! The screens, one plugin per file. Each spawns its content under a [`Root`] that is despawned
//! when the screen is left, and redraws it when what it shows changes.

use super::state::Screen;
use super::theme;
use bevy::prelude::*;

pub mod assessor;
pub mod call;
pub mod debrief;
pub mod menu;
pub mod replay;
pub mod warning;

pub(super) fn plugin(app: &mut App) {
    app.add_plugins((
        menu::plugin,
        warning::plugin,
        call::plugin,
        debrief::plugin,
        replay::plugin,
        assessor::plugin,
    ));
}

/// The top node of a screen.
#[derive(Component, Debug, Clone, Copy)]
pub struct Root;

/// A full-window root for `screen`.
pub fn root(screen: Screen) -> impl Bundle {
    (
        Root,
        Name::new(format!("{screen:?}")),
        DespawnOnExit(screen),
        Node {
            width: percent(100),
            height: percent(100),
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(16)),
            row_gap: px(10),
            ..default()
        },
        BackgroundColor(theme::BACKGROUND),
    )
}

/// Spawn the screen's root.
pub fn spawn_root(screen: Screen) -> impl Fn(Commands) {
    move |mut commands: Commands| {
        commands.spawn(root(screen));
    }
}
