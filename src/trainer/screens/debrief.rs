//! The debrief: a welfare check first after a harrowing call; then score, pass/fail, critical
//! misses, time to location and to grade, the competency breakdown, every rubric item with its
//! feedback and the guidance it comes from (in National Decision Model order), and a timeline of
//! the trainee's decisions against the model answer. All of it is read from the
//! [`crate::training::Outcome`].

use super::super::state::{Cmd, Do, Finished, Library, Screen, clock};
use super::super::{theme, widgets};
use super::{Root, spawn_root};
use crate::training::debrief::{self, Mark, heading};
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;

pub(super) fn plugin(app: &mut App) {
    app.add_systems(
        OnEnter(Screen::Debrief),
        (spawn_root(Screen::Debrief), draw).chain(),
    )
    .add_systems(
        Update,
        (keys, handle).chain().run_if(in_state(Screen::Debrief)),
    );
}

fn draw(
    mut commands: Commands,
    root: Single<Entity, With<Root>>,
    fin: Option<Res<Finished>>,
    lib: Res<Library>,
) {
    let Some(fin) = fin else { return };
    let o = &fin.outcome;
    let sc = &fin.scenario;
    let f = &fin.force;
    commands.entity(*root).with_children(|p| {
        p.spawn(widgets::row()).with_children(|r| {
            r.spawn(widgets::label(
                format!("Debrief — {}", sc.title),
                theme::TITLE,
                theme::TEXT,
            ));
            widgets::spawn_button(r, "[Enter] Back to the menu", Cmd::Back, theme::BUTTON_ON);
        });
        let v = debrief::view(o, sc, f, lib.guidance.as_ref());
        p.spawn(widgets::scrolling()).with_children(|d| {
            if let Some(w) = &v.welfare {
                d.spawn(widgets::panel(true)).with_children(|w2| {
                    w2.spawn(widgets::label(
                        heading::WELFARE,
                        theme::HEADING,
                        theme::HINT,
                    ));
                    w2.spawn(widgets::body(w.check.clone()));
                    if let Some(c) = &w.contained {
                        w2.spawn(widgets::label(c.clone(), theme::SMALL, theme::MUTED));
                    }
                    w2.spawn(widgets::label(
                        w.support_heading.clone(),
                        theme::BODY,
                        theme::HINT,
                    ));
                    for place in &w.support {
                        w2.spawn(widgets::body(format!("  - {place}")));
                    }
                });
            }
            d.spawn(widgets::label(
                format!("{} — {}", v.verdict, v.title),
                theme::HEADING,
                if v.passed { theme::GOOD } else { theme::BAD },
            ));
            for line in v.facts.iter().chain(&v.dimensions) {
                d.spawn(widgets::body(line.clone()));
            }
            if !v.wasted.is_empty() {
                d.spawn(widgets::heading(heading::WASTED));
                for w in &v.wasted {
                    d.spawn(widgets::label(w.clone(), theme::SMALL, theme::ALERT));
                }
            }
            if !v.guesses.is_empty() {
                d.spawn(widgets::heading(heading::GUESSES));
                for g in &v.guesses {
                    d.spawn(widgets::label(g.clone(), theme::SMALL, theme::BAD));
                }
            }
            d.spawn(widgets::heading(heading::COMPETENCIES));
            for (c, l) in &v.competencies {
                d.spawn(widgets::body(format!("  {c}: {l}")));
            }
            for stage in &v.stages {
                d.spawn(widgets::heading(stage.title.clone()));
                for pt in &stage.points {
                    let color = match pt.mark {
                        Mark::Met => theme::GOOD,
                        Mark::Partly => theme::ALERT,
                        Mark::Missed | Mark::CriticalMissed => theme::BAD,
                        Mark::NotApplicable => theme::MUTED,
                    };
                    d.spawn(widgets::panel(false)).with_children(|i| {
                        i.spawn(widgets::label(
                            format!("{} {}", pt.mark.tag(), pt.heading),
                            theme::BODY,
                            color,
                        ));
                        i.spawn(widgets::label(pt.note.clone(), theme::SMALL, theme::TEXT));
                        i.spawn(widgets::label(
                            format!("Feedback: {}", pt.feedback),
                            theme::SMALL,
                            theme::TEXT,
                        ));
                        for g in &pt.guidance {
                            i.spawn(widgets::label(g.clone(), theme::SMALL, theme::MUTED));
                        }
                    });
                }
            }
            d.spawn(widgets::heading(heading::TIMELINE));
            d.spawn(widgets::row()).with_children(|cols| {
                let mut col = |title: &str, steps: &[crate::training::Step]| {
                    cols.spawn(widgets::boxed(
                        false,
                        Node {
                            width: percent(48),
                            flex_direction: FlexDirection::Column,
                            padding: UiRect::all(px(8)),
                            ..default()
                        },
                    ))
                    .with_children(|c| {
                        c.spawn(widgets::heading(title.to_string()));
                        for st in steps {
                            c.spawn(widgets::label(
                                format!("[{}] {}", clock(st.t_ms), st.action.label(sc, f)),
                                theme::SMALL,
                                theme::TEXT,
                            ));
                        }
                    });
                };
                col(heading::YOU, &o.log.actions);
                match &fin.model {
                    Some(m) => col(heading::MODEL, &m.actions),
                    None => col(heading::NO_MODEL, &[]),
                }
            });
            for s in &fin.saved {
                d.spawn(widgets::label(s.clone(), theme::SMALL, theme::MUTED));
            }
        });
    });
}

fn keys(mut keys: MessageReader<KeyboardInput>, mut out: MessageWriter<Do>) {
    for (k, _) in widgets::pressed(&mut keys) {
        let cmd = match k {
            KeyCode::Enter | KeyCode::NumpadEnter | KeyCode::Escape => Cmd::Back,
            k => match widgets::common(k) {
                Some(c) => c,
                None => continue,
            },
        };
        out.write(Do(cmd));
    }
}

fn handle(mut cmds: MessageReader<Do>, mut next: ResMut<NextState<Screen>>) {
    for Do(c) in cmds.read() {
        if *c == Cmd::Back {
            next.set(Screen::Menu);
        }
    }
}
