//! Colours and text sizes: one place, so every screen looks the same. Sizes are in logical
//! pixels before [`bevy::ui::UiScale`] (the `+`/`-` keys scale the whole window).

use bevy::prelude::*;

pub const BACKGROUND: Color = Color::srgb(0.07, 0.09, 0.12);
pub const PANEL: Color = Color::srgb(0.12, 0.15, 0.20);
pub const PANEL_FOCUS: Color = Color::srgb(0.16, 0.22, 0.32);
pub const BUTTON: Color = Color::srgb(0.20, 0.26, 0.36);
pub const BUTTON_HOVER: Color = Color::srgb(0.28, 0.36, 0.50);
pub const BUTTON_PRESS: Color = Color::srgb(0.36, 0.50, 0.70);
pub const BUTTON_ON: Color = Color::srgb(0.18, 0.45, 0.30);
pub const BUTTON_OFF: Color = Color::srgb(0.16, 0.17, 0.19);
pub const DANGER: Color = Color::srgb(0.70, 0.16, 0.16);
pub const ALERT: Color = Color::srgb(0.90, 0.55, 0.10);

pub const TEXT: Color = Color::srgb(0.93, 0.94, 0.96);
pub const MUTED: Color = Color::srgb(0.62, 0.66, 0.72);
pub const CALLER: Color = Color::srgb(1.0, 0.93, 0.75);
pub const GOOD: Color = Color::srgb(0.45, 0.85, 0.50);
pub const BAD: Color = Color::srgb(0.95, 0.45, 0.40);
pub const HINT: Color = Color::srgb(0.55, 0.75, 1.0);

pub const TITLE: f32 = 34.0;
pub const HEADING: f32 = 24.0;
pub const BODY: f32 = 19.0;
pub const SMALL: f32 = 16.0;

/// A colour for a distress level 0 (calm) … 5 (extreme).
pub fn distress(level: u8) -> Color {
    match level {
        0 | 1 => GOOD,
        2 => Color::srgb(0.85, 0.85, 0.40),
        3 => ALERT,
        _ => BAD,
    }
}
