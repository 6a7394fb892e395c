//! The call screen's keyboard: letters focus panels, digits and the arrows pick, and with typed
//! questions the Questions panel takes the keys as text.

use super::*;

pub(super) fn keys(
    mut keys: MessageReader<KeyboardInput>,
    desk: Res<Desk>,
    mut out: MessageWriter<Do>,
) {
    for (k, text) in widgets::pressed(&mut keys) {
        let cmd = if typing(&desk) {
            match typing_key(k, text) {
                Some(c) => c,
                None => continue,
            }
        } else {
            match desk_key(k, &desk) {
                Some(c) => c,
                None => continue,
            }
        };
        out.write(Do(cmd));
    }
}

/// The question box has the keyboard: typed questions, the call answered and not a replay, the
/// Questions panel focused.
fn typing(desk: &Desk) -> bool {
    desk.session.is_typed()
        && desk.clock.answered
        && desk.feed.is_none()
        && desk.panel == Panel::Questions
}

/// While typing a question, keys write text; Enter says it, Tab leaves the box, Esc stops.
fn typing_key(k: KeyCode, text: Option<String>) -> Option<Cmd> {
    Some(match k {
        KeyCode::Escape => Cmd::StopCall,
        KeyCode::Enter | KeyCode::NumpadEnter => Cmd::Say,
        KeyCode::Backspace => Cmd::Erase,
        KeyCode::Tab => Cmd::NextPanel,
        KeyCode::PageDown => Cmd::Scroll(300.0),
        KeyCode::PageUp => Cmd::Scroll(-300.0),
        KeyCode::F7 => Cmd::Scale(-0.1),
        KeyCode::F8 => Cmd::Scale(0.1),
        _ => {
            return text
                .filter(|t| t.chars().all(|c| !c.is_control()))
                .map(Cmd::Type);
        }
    })
}

/// The desk's keys: letters focus panels, digits pick on the focused one.
fn desk_key(k: KeyCode, desk: &Desk) -> Option<Cmd> {
    Some(match k {
        KeyCode::Escape => Cmd::StopCall,
        KeyCode::Space if !desk.clock.answered => Cmd::Answer,
        KeyCode::Enter | KeyCode::NumpadEnter if !desk.clock.answered => Cmd::Answer,
        KeyCode::Space if desk.feed.is_some() => Cmd::TogglePause,
        KeyCode::KeyF => Cmd::ToggleFast,
        KeyCode::KeyX => Cmd::Decide(Action::Close),
        KeyCode::Tab => Cmd::NextPanel,
        KeyCode::ArrowDown => Cmd::Move(1),
        KeyCode::ArrowUp => Cmd::Move(-1),
        KeyCode::Enter | KeyCode::NumpadEnter if desk.draft.judgement.is_some() => {
            Cmd::ThriveSubmit
        }
        KeyCode::Space | KeyCode::Enter | KeyCode::NumpadEnter => Cmd::PickHighlighted,
        KeyCode::Backspace => Cmd::ThriveBack,
        k => {
            if let Some(n) = widgets::digit(k) {
                Cmd::Pick(n)
            } else if let Some(p) = Panel::ALL.iter().find(|p| letter(k) == Some(p.key())) {
                Cmd::Focus(*p)
            } else {
                widgets::common(k)?
            }
        }
    })
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
