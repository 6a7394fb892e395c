//! The building blocks every screen uses: labels, headings, panels and buttons. A button carries
//! the [`Cmd`] it sends; clicking it (an observer on the button itself) or pressing its key sends
//! the same [`Do`] message, so mouse and keyboard take one path.

use super::state::{Cmd, Do};
use super::theme;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.init_resource::<UiScale>()
        .add_message::<bevy::input::keyboard::KeyboardInput>()
        .add_message::<bevy::input::mouse::MouseWheel>()
        .add_systems(Update, (hover, scale_and_scroll));
}

/// The command a button sends when clicked.
#[derive(Component, Debug, Clone)]
pub struct Sends(pub Cmd);

/// A button's resting colour (hover and press tint it).
#[derive(Component, Debug, Clone, Copy)]
pub struct Base(pub Color);

/// A line of text.
pub fn label(text: impl Into<String>, size: f32, color: Color) -> impl Bundle {
    (
        Text::new(text),
        TextFont {
            font_size: FontSize::Px(size),
            ..default()
        },
        TextColor(color),
    )
}

pub fn body(text: impl Into<String>) -> impl Bundle {
    label(text, theme::BODY, theme::TEXT)
}

pub fn heading(text: impl Into<String>) -> impl Bundle {
    label(text, theme::HEADING, theme::TEXT)
}

/// A boxed column.
pub fn panel(focused: bool) -> impl Bundle {
    boxed(
        focused,
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(10)),
            row_gap: px(4),
            ..default()
        },
    )
}

/// A box with rounded corners around `node`.
pub fn boxed(focused: bool, node: Node) -> impl Bundle {
    (
        Node {
            border_radius: BorderRadius::all(px(6)),
            ..node
        },
        BackgroundColor(if focused {
            theme::PANEL_FOCUS
        } else {
            theme::PANEL
        }),
    )
}

/// A column that fills its parent.
pub fn column() -> Node {
    Node {
        flex_direction: FlexDirection::Column,
        row_gap: px(6),
        ..default()
    }
}

/// A row of children.
pub fn row() -> Node {
    Node {
        flex_direction: FlexDirection::Row,
        column_gap: px(8),
        flex_wrap: FlexWrap::Wrap,
        row_gap: px(6),
        ..default()
    }
}

/// A button with a key hint, e.g. `[3] Ask: where are you?`.
pub fn button(text: impl Into<String>, cmd: Cmd, color: Color) -> impl Bundle {
    (
        Button,
        Sends(cmd),
        Base(color),
        Node {
            padding: UiRect::axes(px(10), px(5)),
            border_radius: BorderRadius::all(px(4)),
            ..default()
        },
        BackgroundColor(color),
        children![label(text, theme::BODY, theme::TEXT)],
    )
}

/// Spawn a button under `parent` and attach its click.
pub fn spawn_button(
    parent: &mut ChildSpawnerCommands,
    text: impl Into<String>,
    cmd: Cmd,
    color: Color,
) {
    parent.spawn(button(text, cmd, color)).observe(click);
}

/// A click sends the button's command.
fn click(ev: On<Pointer<Click>>, buttons: Query<&Sends>, mut out: MessageWriter<Do>) {
    if let Ok(s) = buttons.get(ev.event_target()) {
        out.write(Do(s.0.clone()));
    }
}

fn hover(mut q: Query<(&Interaction, &Base, &mut BackgroundColor), Changed<Interaction>>) {
    for (i, base, mut bg) in &mut q {
        bg.0 = match i {
            Interaction::Pressed => theme::BUTTON_PRESS,
            Interaction::Hovered => theme::BUTTON_HOVER,
            Interaction::None => base.0,
        };
    }
}

/// The keys pressed this frame (not repeats), with the text they typed.
pub fn pressed(
    keys: &mut MessageReader<bevy::input::keyboard::KeyboardInput>,
) -> Vec<(KeyCode, Option<String>)> {
    keys.read()
        .filter(|k| k.state == bevy::input::ButtonState::Pressed && !k.repeat)
        .map(|k| (k.key_code, k.text.as_ref().map(|t| t.to_string())))
        .collect()
}

/// A digit key's value (1–9, 0 as 10), top row or keypad.
pub fn digit(k: KeyCode) -> Option<usize> {
    use KeyCode::*;
    Some(match k {
        Digit1 | Numpad1 => 1,
        Digit2 | Numpad2 => 2,
        Digit3 | Numpad3 => 3,
        Digit4 | Numpad4 => 4,
        Digit5 | Numpad5 => 5,
        Digit6 | Numpad6 => 6,
        Digit7 | Numpad7 => 7,
        Digit8 | Numpad8 => 8,
        Digit9 | Numpad9 => 9,
        Digit0 | Numpad0 => 10,
        _ => return None,
    })
}

/// Keys that work on every screen: `+`/`-` scale the text, PageUp/PageDown scroll.
pub fn common(k: KeyCode) -> Option<Cmd> {
    match k {
        KeyCode::Equal | KeyCode::NumpadAdd => Some(Cmd::Scale(0.1)),
        KeyCode::Minus | KeyCode::NumpadSubtract => Some(Cmd::Scale(-0.1)),
        KeyCode::PageDown => Some(Cmd::Scroll(300.0)),
        KeyCode::PageUp => Some(Cmd::Scroll(-300.0)),
        _ => None,
    }
}

/// A scrolling area; PageUp/PageDown and the mouse wheel move it.
#[derive(Component, Debug, Clone, Copy)]
pub struct Scrolls;

/// A node that scrolls vertically.
pub fn scrolling() -> impl Bundle {
    scrolling_at(0.0)
}

/// A scrolling area that a redraw gives back its place: the screen names it and passes the
/// offset it had before the redraw.
#[derive(Component, Debug, Clone, Copy, PartialEq, Eq)]
pub struct Kept(pub &'static str);

/// A node that scrolls vertically, scrolled down by `y` pixels.
pub fn scrolling_at(y: f32) -> impl Bundle {
    (
        Scrolls,
        Node {
            flex_direction: FlexDirection::Column,
            row_gap: px(6),
            overflow: Overflow::scroll_y(),
            flex_grow: 1.0,
            min_height: px(0),
            ..default()
        },
        ScrollPosition(Vec2::new(0.0, y)),
    )
}

/// `Cmd::Scale` and `Cmd::Scroll`, and the mouse wheel, on any screen.
fn scale_and_scroll(
    mut cmds: MessageReader<Do>,
    mut wheel: MessageReader<bevy::input::mouse::MouseWheel>,
    mut scale: ResMut<UiScale>,
    mut areas: Query<&mut ScrollPosition, With<Scrolls>>,
) {
    let mut dy: f32 = wheel.read().map(|w| -w.y * 40.0).sum();
    for Do(c) in cmds.read() {
        match c {
            Cmd::Scale(d) => scale.0 = (scale.0 + d).clamp(0.6, 2.5),
            Cmd::Scroll(d) => dy += d,
            _ => {}
        }
    }
    if dy != 0.0 {
        for mut p in &mut areas {
            p.0.y = (p.0.y + dy).max(0.0);
        }
    }
}
