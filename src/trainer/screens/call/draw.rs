//! Drawing the call: the top bar, the transcript and the incident record beside the panels. A
//! redraw gives the scrolling areas back their place.

use super::panels::panels;
use super::*;

/// The scrolling areas a redraw keeps in place.
const TRANSCRIPT: &str = "transcript";
const PANELS: &str = "panels";

pub(super) fn redraw(
    mut commands: Commands,
    root: Single<Entity, With<Root>>,
    desk: Res<Desk>,
    kept: Query<(&widgets::Kept, &ScrollPosition)>,
) {
    commands.insert_resource(Drawn(desk.version));
    // The decisions standing, worked out once for the record and the panels.
    let standing = Decisions::of(&desk.session);
    // Where each scrolling area was, to give it back after the redraw.
    let at = |name: &str| {
        kept.iter()
            .find(|(k, _)| k.0 == name)
            .map_or(0.0, |(_, p)| p.0.y)
    };
    let (transcript_y, panels_y) = (at(TRANSCRIPT), at(PANELS));
    let s = &desk.session;
    let sc = s.scenario();
    let channel = sc.channel.label();
    commands
        .entity(*root)
        .despawn_children()
        .with_children(|p| {
            // Top bar: channel, title, mode, timer, distress, stop.
            p.spawn(widgets::row()).with_children(|bar| {
                bar.spawn(widgets::label(
                    format!("{channel} — {}", sc.title),
                    theme::HEADING,
                    theme::TEXT,
                ));
                bar.spawn(widgets::label(
                    format!("{} mode", s.mode().label()),
                    theme::HEADING,
                    theme::MUTED,
                ));
                bar.spawn((
                    CallTimer,
                    widgets::label(clock(desk.clock.ms), theme::HEADING, theme::TEXT),
                ));
                if s.caller_on_line() {
                    let d = s.distress();
                    bar.spawn(widgets::label(
                        format!(
                            "Caller distress [{}{}]",
                            "#".repeat(usize::from(d)),
                            ".".repeat(5usize.saturating_sub(usize::from(d)))
                        ),
                        theme::HEADING,
                        theme::distress(d),
                    ));
                } else {
                    bar.spawn(widgets::label(
                        "Caller off the line",
                        theme::HEADING,
                        theme::BAD,
                    ));
                }
                if s.mode() == Mode::Practice && s.caller_on_line() {
                    bar.spawn(widgets::label(
                        format!("Engagement {}/100", s.engagement()),
                        theme::BODY,
                        theme::HINT,
                    ));
                }
                if let Some(f) = &desk.feed {
                    bar.spawn(widgets::label(
                        format!(
                            "REPLAY {}/{} x{}{}",
                            f.feed.played(),
                            f.feed.log().actions.len(),
                            desk.clock.speed,
                            if desk.clock.paused { " (paused)" } else { "" }
                        ),
                        theme::HEADING,
                        theme::ALERT,
                    ));
                    widgets::spawn_button(bar, "[Space] Pause", Cmd::TogglePause, theme::BUTTON);
                    widgets::spawn_button(bar, "[F] Fast", Cmd::ToggleFast, theme::BUTTON);
                }
                widgets::spawn_button(bar, "[Esc] Stop the call", Cmd::StopCall, theme::DANGER);
            });
            if !desk.clock.answered {
                p.spawn(widgets::panel(true)).with_children(|a| {
                    a.spawn(widgets::label(
                        format!("INCOMING {channel} CALL"),
                        theme::TITLE,
                        theme::ALERT,
                    ));
                    widgets::spawn_button(a, "[Space] Answer", Cmd::Answer, theme::BUTTON_ON);
                });
                return;
            }
            if let Some(r) = &desk.refused {
                p.spawn(widgets::label(
                    format!("Not possible: {r}"),
                    theme::BODY,
                    theme::BAD,
                ));
            }
            p.spawn(Node {
                flex_direction: FlexDirection::Row,
                column_gap: px(12),
                flex_grow: 1.0,
                min_height: px(0),
                ..default()
            })
            .with_children(|body| {
                body.spawn(Node {
                    width: percent(40),
                    flex_direction: FlexDirection::Column,
                    ..default()
                })
                .with_children(|left| {
                    left.spawn(widgets::heading("Call"));
                    left.spawn((widgets::Kept(TRANSCRIPT), widgets::scrolling_at(transcript_y)))
                        .with_children(|t| transcript(t, &desk));
                });
                body.spawn(Node {
                    width: percent(60),
                    flex_direction: FlexDirection::Column,
                    row_gap: px(6),
                    ..default()
                })
                .with_children(|right| {
                    incident_record(right, &desk, &standing);
                    right.spawn(widgets::label(
                        "Keys: a panel's letter (or Tab), then its number, or the arrows and Enter. \
                     Enter submits a THRIVE assessment, Backspace goes back, X closes the call, \
                     +/- text size.",
                        theme::SMALL,
                        theme::MUTED,
                    ));
                    right
                        .spawn((widgets::Kept(PANELS), widgets::scrolling_at(panels_y)))
                        .with_children(|grid| {
                        grid.spawn(widgets::row())
                            .with_children(|g| panels(g, &desk, &standing));
                    });
                    widgets::spawn_button(
                        right,
                        "[X] Close the call",
                        Cmd::Decide(Action::Close),
                        theme::BUTTON_ON,
                    );
                });
            });
        });
}

fn transcript(t: &mut ChildSpawnerCommands, desk: &Desk) {
    use crate::training::desk::{Tone, timeline};
    for line in timeline(&desk.session, &desk.force) {
        let color = match line.tone {
            Tone::Caller(d) => theme::distress(d),
            Tone::Fact | Tone::Closed => theme::MUTED,
            Tone::Check | Tone::Hint => theme::HINT,
            Tone::Good => theme::GOOD,
            Tone::Bad | Tone::Ended => theme::BAD,
            Tone::You => theme::TEXT,
        };
        t.spawn(widgets::label(line.stamped(), theme::BODY, color));
    }
}

/// The incident record, as a command-and-control screen shows it: location, the log, THRIVE,
/// grade, RCRP, partners told and advice given — the decisions standing now.
fn incident_record(p: &mut ChildSpawnerCommands, desk: &Desk, d: &Decisions) {
    let s = &desk.session;
    let sc = s.scenario();
    let f = &desk.force;
    // "Grade: Grade 1 — Immediate" reads "Grade 1 — Immediate" under the field's own name.
    let bare = |a: Action| {
        let l = a.label(sc, f);
        l.split_once(": ")
            .map_or(l.clone(), |(_, rest)| rest.to_string())
    };
    let fact = |id: &String| sc.fact(id).map_or(id.clone(), |x| x.text.clone());
    let (places, log): (Vec<&String>, Vec<&String>) = d
        .recorded
        .iter()
        .partition(|id| sc.fact(id).is_some_and(|x| x.location));
    let or_none = |v: Vec<String>| {
        if v.is_empty() {
            "—".to_string()
        } else {
            v.join("; ")
        }
    };
    let rows = [
        ("Incident", format!("{} — {}", sc.channel.label(), sc.title)),
        ("Location", or_none(places.into_iter().map(fact).collect())),
        ("Log", or_none(log.into_iter().map(fact).collect())),
        (
            "Grade",
            d.grade.map_or("—".into(), |g| bare(Action::Grade(g))),
        ),
        ("RCRP", d.rcrp.map_or("—".into(), |r| bare(Action::Rcrp(r)))),
        (
            "Partners told",
            or_none(
                d.partners
                    .iter()
                    .map(|&p| bare(Action::Notify(p)))
                    .collect(),
            ),
        ),
        (
            "Advice given",
            or_none(
                d.advice
                    .iter()
                    .map(|a| bare(Action::Advise(a.clone())))
                    .collect(),
            ),
        ),
    ];
    p.spawn(widgets::boxed(
        false,
        Node {
            flex_direction: FlexDirection::Column,
            padding: UiRect::all(px(8)),
            row_gap: px(2),
            ..default()
        },
    ))
    .with_children(|b| {
        b.spawn(widgets::label("Incident record", theme::BODY, theme::TEXT));
        for (k, v) in rows {
            b.spawn(widgets::label(
                format!("{k}: {v}"),
                theme::SMALL,
                theme::MUTED,
            ));
        }
        let thrive: Vec<String> = Thrive::ALL
            .iter()
            .map(|&t| match d.thrive_of(t) {
                Some((j, _)) => format!("{} {}", t.label(), j.label()),
                None => format!("{} —", t.label()),
            })
            .collect();
        b.spawn(widgets::label(
            format!("THRIVE: {}", thrive.join(" · ")),
            theme::SMALL,
            theme::MUTED,
        ));
    });
}
