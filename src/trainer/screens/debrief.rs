//! The debrief: a welfare check first after a harrowing call; then score, pass/fail, critical
//! misses, time to location and to grade, the competency breakdown, every rubric item with its
//! feedback and the guidance it comes from (in National Decision Model order), and a timeline of
//! the trainee's decisions against the model answer. All of it is read from the
//! [`crate::training::Outcome`].

use super::super::state::{Cmd, Do, Finished, Library, Screen, clock};
use super::super::{theme, widgets};
use super::{Root, spawn_root};
use crate::training::score::{Status, secs};
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
        p.spawn(widgets::scrolling()).with_children(|d| {
            if let Some(w) = &o.debrief.welfare {
                d.spawn(widgets::panel(true)).with_children(|w2| {
                    w2.spawn(widgets::label("Welfare check", theme::HEADING, theme::HINT));
                    w2.spawn(widgets::body(w.check.clone()));
                    if !w.contained.is_empty() {
                        w2.spawn(widgets::label(
                            format!("This call contained: {}", w.contained.join("; ")),
                            theme::SMALL,
                            theme::MUTED,
                        ));
                    }
                });
            }
            let verdict = if o.passed { "PASS" } else { "NOT YET" };
            d.spawn(widgets::label(
                format!(
                    "{verdict} — score {}% (pass mark {}%) — {} mode — trainee {}",
                    o.score,
                    o.pass_mark,
                    o.mode.label(),
                    o.trainee
                ),
                theme::HEADING,
                if o.passed { theme::GOOD } else { theme::BAD },
            ));
            let ms = |m: Option<u64>| m.map_or("never".to_string(), secs);
            d.spawn(widgets::body(format!(
                "Call ended at {} ({}). Time to location: {}. Time to grade: {}. \
                 Information {}/{}; procedure {}/{}.",
                clock(o.closed_ms),
                o.closed_by.label(),
                ms(o.time_to_location_ms),
                ms(o.time_to_grade_ms),
                o.information.met,
                o.information.total,
                o.procedure.met,
                o.procedure.total
            )));
            if o.critical_misses.is_empty() {
                d.spawn(widgets::label(
                    "No critical misses.",
                    theme::BODY,
                    theme::GOOD,
                ));
            } else {
                d.spawn(widgets::label(
                    format!("Critical misses: {}", o.critical_misses.join(", ")),
                    theme::BODY,
                    theme::BAD,
                ));
            }
            d.spawn(widgets::heading("Competencies"));
            for (c, l) in &o.competencies {
                d.spawn(widgets::body(format!("  {}: {}", c.label(), l.label())));
            }
            for stage in &o.debrief.stages {
                d.spawn(widgets::heading(stage.ndm.label()));
                for pt in &stage.points {
                    let color = match pt.status {
                        Status::Met => theme::GOOD,
                        Status::PartlyMet => theme::ALERT,
                        Status::Missed => theme::BAD,
                        Status::NotApplicable => theme::MUTED,
                    };
                    d.spawn(widgets::panel(false)).with_children(|i| {
                        i.spawn(widgets::label(
                            format!(
                                "{}{} — {}{}{}",
                                pt.item,
                                if pt.critical { " (critical)" } else { "" },
                                pt.status.label(),
                                if pt.late { ", late" } else { "" },
                                pt.at_ms
                                    .map_or(String::new(), |t| format!(" at {}", clock(t)))
                            ),
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
                            let text = lib
                                .guidance
                                .as_ref()
                                .and_then(|x| x.point(g))
                                .map_or(g.clone(), |x| format!("{g}: {} ({})", x.text, x.source));
                            i.spawn(widgets::label(
                                format!("Guidance {text}"),
                                theme::SMALL,
                                theme::MUTED,
                            ));
                        }
                    });
                }
            }
            d.spawn(widgets::heading(
                "Timeline: your decisions and the model answer",
            ));
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
                col("You", &o.log.actions);
                match &fin.model {
                    Some(m) => col("Model answer", &m.actions),
                    None => col("Model answer (none saved)", &[]),
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
