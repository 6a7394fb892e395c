//! The decision panels: what each lists (greyed when it cannot be taken now, never hidden), the
//! THRIVE draft, and the typed-question box.

use super::*;
use crate::training::desk;

/// The entries of a panel, in order: what each shows and what it sends. Digits pick them.
pub fn items(desk: &Desk, panel: Panel) -> Vec<(String, Cmd)> {
    let s = &desk.session;
    let sc = s.scenario();
    let f = &desk.force;
    let act = |a: Action| (desk::action_label(&a, s, f), Cmd::Decide(a));
    match panel {
        // Typed questions: no list to recognise the answer from.
        Panel::Questions if s.is_typed() => Vec::new(),
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
        // Every fact, greyed until it comes up: the numbers never move.
        Panel::Facts => sc
            .facts
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

pub(super) fn panels(g: &mut ChildSpawnerCommands, desk: &Desk, standing: &Decisions) {
    let s = &desk.session;
    let offered = s.available_actions();
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
                thrive_state(b, desk, standing);
            }
            if panel == Panel::Questions && s.is_typed() {
                question_box(b, desk, focused);
            }
            for (i, (text, cmd)) in items(desk, panel).into_iter().enumerate() {
                let on = match &cmd {
                    Cmd::Decide(a) => offered.contains(a),
                    _ => s.caller_on_line() || !s.is_closed(),
                };
                let chosen = match &cmd {
                    Cmd::Decide(a @ (Action::Grade(_) | Action::Rcrp(_))) => standing.stands(a),
                    Cmd::ThriveElement(t) => desk.draft.element == Some(*t),
                    _ => false,
                };
                let highlighted = focused && i == desk.cursor;
                let color = if chosen {
                    theme::BUTTON_ON
                } else if highlighted && on {
                    theme::BUTTON_HOVER
                } else if on {
                    theme::BUTTON
                } else {
                    theme::BUTTON_OFF
                };
                let mark = if highlighted { "> " } else { "" };
                let key = if focused && i < 10 {
                    format!("{mark}{} ", (i + 1) % 10)
                } else {
                    mark.to_string()
                };
                widgets::spawn_button(b, format!("{key}{text}"), cmd, color);
            }
        });
    }
}

/// Typed questions: what the trainee is writing, and how to say it.
fn question_box(b: &mut ChildSpawnerCommands, desk: &Desk, focused: bool) {
    if focused {
        b.spawn(widgets::label(
            format!("Say: {}_", desk.typing),
            theme::BODY,
            theme::ALERT,
        ));
        widgets::spawn_button(b, "[Enter] Say it", Cmd::Say, theme::BUTTON_ON);
        b.spawn(widgets::label(
            "Type what you would say to the caller. Tab: next panel.",
            theme::SMALL,
            theme::MUTED,
        ));
    } else {
        b.spawn(widgets::label(
            "Question list off: press Q and type what you would say.",
            theme::SMALL,
            theme::MUTED,
        ));
    }
}

/// The six elements: the latest judgement of each and the facts it rests on; the draft in hand.
fn thrive_state(b: &mut ChildSpawnerCommands, desk: &Desk, standing: &Decisions) {
    let sc = desk.session.scenario();
    for t in Thrive::ALL {
        let text = match standing.thrive_of(t) {
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
