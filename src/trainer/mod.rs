//! The bevy front-end of the trainer (`controlroom train`, cargo feature `trainer`): a window in
//! which a recruit takes a scripted call as it happens and is debriefed. It is a thin view over
//! [`crate::training`]: keys and buttons become [`Do`] messages, systems hand decisions to the
//! [`crate::training::Session`] and draw what it returns; scoring, saving and results are the
//! headless trainer's own functions.
//!
//! Layout (after the bevy_new_2d template): [`state`] holds the resources and the [`Screen`]
//! state; [`theme`] and [`widgets`] the look; `screens/` one plugin per screen.

use bevy::prelude::*;

pub mod screens;
pub mod state;
pub mod theme;
pub mod widgets;

pub use state::{Cmd, Config, Desk, Do, Finished, Library, Notice, Panel, Screen};

/// Everything but the window: states, screens, widgets. Insert a [`Config`] first (else the
/// default one is used); the scenario library is loaded here.
pub fn plugin(app: &mut App) {
    let config = app
        .world()
        .get_resource::<Config>()
        .cloned()
        .unwrap_or_default();
    app.insert_resource(Library::load(&config))
        .insert_resource(config)
        .add_plugins((state::plugin, widgets::plugin, screens::plugin));
}

/// Open the window and run until it is closed.
pub fn run(config: Config) -> AppExit {
    let mut app = App::new();
    app.add_plugins(DefaultPlugins.set(WindowPlugin {
        primary_window: Some(Window {
            title: "controlroom — call-handling trainer".into(),
            resolution: config.window.into(),
            ..default()
        }),
        ..default()
    }))
    .insert_resource(ClearColor(theme::BACKGROUND))
    .add_systems(PreStartup, use_dejavu)
    .insert_resource(config)
    .add_plugins(plugin)
    .add_systems(Startup, |mut commands: Commands| {
        commands.spawn(Camera2d);
    });
    app.run()
}

/// DejaVu Sans (from Debian's fonts-dejavu-core; licence in `assets/fonts/`), embedded: bevy's
/// own default font is an ASCII subset, and scenario text has dashes, quotes and accents.
const DEJAVU_SANS: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");

/// Make DejaVu Sans the default font of every text in the window.
fn use_dejavu(mut fonts: ResMut<Assets<Font>>) {
    if let Err(e) = fonts.insert(AssetId::default(), Font::from_bytes(DEJAVU_SANS.to_vec())) {
        warn!("keeping the default font: {e}");
    }
}
