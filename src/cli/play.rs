//! `controlroom play SCENARIO`: play a scenario in the terminal with numbered choices, for a
//! trainee without a graphics card. It reads standard input, so it can be scripted as well as
//! played: with `--step-ms N` every choice takes N ms of call time (deterministic); without it the
//! call runs in real time and the caller keeps talking while the trainee decides.
//!
//! Input: a choice number; `w N` to let N seconds pass (scripted play); `?` to show the choices
//! again; `q` to stop the scenario. End of input lets the call run on to its time limit.

use super::{CliError, CliResult};
use controlroom::training::desk::{self, Catalogue, Choice, stamp};
use controlroom::training::results::{Provenance, Source};
use controlroom::training::store::{self, Store};
use controlroom::training::thrive::{Judgement, Thrive};
use controlroom::training::{Action, Event, ForceProfile, Mode, Session, debrief, library, typed};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

#[derive(Clone, Copy, clap::ValueEnum)]
enum ModeArg {
    Practice,
    Assessment,
}

#[derive(clap::Args)]
#[command(
    after_help = "Examples:\n  controlroom play da-whisper-999 --trainee \"PC 4127 Khan\"\n  printf 'y\\n1\\n16\\n' | controlroom play da-whisper-999 --step-ms 3000 --mode assessment"
)]
pub struct Args {
    /// A scenario file, or a scenario id in scenarios/training.
    scenario: String,
    /// Who is playing (a name or staff number); recorded in the log and the results.
    #[arg(long, default_value = "trainee")]
    trainee: String,
    #[arg(long, value_enum, default_value = "practice")]
    mode: ModeArg,
    /// Each choice takes this many ms of call time (scripted, deterministic play).
    #[arg(long)]
    step_ms: Option<u64>,
    /// The folder session logs are saved in, under names that cannot collide
    /// (<trainee>.<scenario>.<time>.<hash>.log.ron); a journal of the call in progress is kept
    /// there too.
    #[arg(long, default_value = store::DEFAULT_SESSIONS)]
    sessions: PathBuf,
    /// Append the result of every session, practice or assessment, to this CSV.
    #[arg(long, default_value = store::DEFAULT_RESULTS)]
    results: PathBuf,
    /// The trainee's cohort (course intake), recorded with the result.
    #[arg(long, default_value = "")]
    cohort: String,
    /// Typed questions: the question list is off; type what you would say to the caller.
    #[arg(long)]
    typed: bool,
    /// Force profile for grade names and support (default: force.ron beside the scenario, if any).
    #[arg(long)]
    force: Option<PathBuf>,
}

fn menu(session: &Session, cat: &Catalogue, force: &ForceProfile) {
    if session.mode() == Mode::Practice && session.caller_on_line() {
        println!("Caller engagement: {}/100", session.engagement());
    }
    println!("Choices (-- not available now):");
    for (n, label, on) in cat.menu(session, force) {
        let mark = if on { "  " } else { "--" };
        println!("{mark}{n:>3}. {label}");
    }
    if session.is_typed() {
        println!(
            "  (type a question to the caller; number; w N = wait N s; ? = choices; q = stop)"
        );
    } else {
        println!("  (number; w N = let N seconds pass; ? = choices; q = stop)");
    }
}

fn stdin_lines() -> Receiver<String> {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::stdin().lines() {
            let Ok(line) = line else { break };
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    rx
}

/// Call time: real (from call answer) or stepped (each choice takes `step` ms).
struct Clock {
    started: Instant,
    step: Option<u64>,
}

impl Clock {
    fn next(&self, session: &Session) -> u64 {
        match self.step {
            Some(s) => session.now_ms().saturating_add(s),
            None => (self.started.elapsed().as_millis() as u64).max(session.now_ms()),
        }
    }
}

pub fn run(args: Args) -> CliResult {
    let library::Opened {
        scenario: sc,
        guidance,
        force,
    } = library::open_scenario(
        &args.scenario,
        Path::new(library::DEFAULT_DIR),
        args.force.as_deref(),
    )
    .map_err(CliError::input)?;
    let mode = match args.mode {
        ModeArg::Practice => Mode::Practice,
        ModeArg::Assessment => Mode::Assessment,
    };
    if args.sessions.exists() && !args.sessions.is_dir() {
        return Err(CliError::input(format!(
            "--sessions {}: not a folder; give a folder for the session logs",
            args.sessions.display()
        )));
    }
    let store = Store::new(args.results.clone(), args.sessions.clone());
    store.check_results().map_err(super::score::results_error)?;

    println!(
        "{} — {} call, {} — {} mode",
        sc.title,
        sc.channel.label(),
        sc.difficulty.label(),
        mode.label()
    );
    println!("This scenario is fictional: no real call, person or place.");
    if mode == Mode::Practice {
        println!("Objectives:");
        for o in &sc.objectives {
            println!("  - {o}");
        }
    }
    let input = stdin_lines();
    if sc.harrowing || !sc.content_warnings.is_empty() {
        println!(
            "Content warning — this call contains: {}.",
            sc.content_warnings.join("; ")
        );
        println!(
            "You can stop at any time with q. Start the call? (y = start, anything else = not now)"
        );
        match input.recv() {
            Ok(l) if l.trim().eq_ignore_ascii_case("y") => {}
            _ => {
                println!("Not started. Nothing recorded.");
                return Ok(());
            }
        }
    }
    let cat = Catalogue::new(&sc);
    let mut session = Session::new(&sc, mode, &args.trainee)
        .map_err(CliError::input)?
        .typed(args.typed);
    let mut journal = store
        .journal(&args.trainee, &sc.id)
        .map_err(CliError::failed)?;
    if args.typed {
        println!(
            "Typed questions: type what you would say to the caller; numbers choose the rest."
        );
    }
    let clock = Clock {
        started: Instant::now(),
        step: args.step_ms,
    };
    println!("{} --- call answered ---", stamp(0));
    print_events(&session.advance(0));
    menu(&session, &cat, &force);
    while !session.is_closed() {
        let Some(line) = next_line(&mut session, &clock, &input) else {
            break;
        };
        let line = line.trim();
        if line == "?" {
            menu(&session, &cat, &force);
            continue;
        }
        if let Some(rest) = line.strip_prefix('w') {
            let secs: u64 = rest.trim().parse().unwrap_or(5);
            if args.step_ms.is_some() {
                let t = session.now_ms().saturating_add(secs * 1000);
                print_events(&session.advance(t));
            } else {
                print_events(&session.advance(clock.next(&session)));
            }
            continue;
        }
        let choice = if line == "q" {
            Some(Choice::Act(Action::Stop))
        } else if args.typed && line.parse::<usize>().is_err() && !line.is_empty() {
            Some(Choice::Act(typed::say(&sc, line)))
        } else {
            line.parse::<usize>().ok().and_then(|n| cat.get(n)).cloned()
        };
        let action = match choice {
            None => {
                println!("  not a choice: '{line}' (? lists them)");
                continue;
            }
            Some(Choice::Act(a)) => a,
            Some(Choice::Assess(element)) => match assess(&mut session, element, &clock, &input) {
                Some(a) => a,
                None => continue,
            },
        };
        let t = clock.next(&session).min(sc.time_limit_ms);
        let label = action.label(&sc, &force);
        let steps = session.record().steps.len();
        match session.act(t, action) {
            Ok(ev) => {
                let at = session.record().steps.last().map_or(t, |s| s.t_ms);
                println!("{} YOU: {label}", stamp(at));
                print_events(&ev);
                for step in &session.record().steps[steps..] {
                    if let Err(e) = journal.append(step) {
                        eprintln!("warning: the journal could not be written: {e}");
                    }
                }
            }
            Err(e) => println!("  not possible: {e}"),
        }
    }
    let outcome = session.finish();
    let from = Provenance {
        cohort: args.cohort.clone(),
        source: Source::Terminal,
    };
    let saved = store.save(&outcome, &from);
    println!();
    print!(
        "{}",
        debrief::render(&outcome, &sc, &force, guidance.as_ref())
    );
    println!();
    for line in saved.lines() {
        println!("{line}");
    }
    match (&saved.log, saved.row) {
        (Ok(_), Ok(_)) => {
            journal.finish();
            Ok(())
        }
        (_, Err(e)) => Err(CliError::failed(format!(
            "{e}; the actions are kept in {}",
            journal.path().display()
        ))),
        (Err(e), _) => Err(CliError::failed(format!(
            "{e}; the actions are kept in {}",
            journal.path().display()
        ))),
    }
}

fn print_events(events: &[Event]) {
    for e in events {
        println!("{}", desk::event_line(e).stamped());
    }
}

/// The trainee's next line. In real time the call goes on while the trainee thinks: the caller's
/// lines are printed as they are said, in order, even in the middle of a THRIVE prompt.
fn next_line(session: &mut Session, clock: &Clock, input: &Receiver<String>) -> Option<String> {
    if clock.step.is_some() {
        return input.recv().ok();
    }
    loop {
        match input.recv_timeout(Duration::from_millis(200)) {
            Ok(l) => return Some(l),
            Err(RecvTimeoutError::Timeout) => {
                print_events(&session.advance(clock.next(session)));
                if session.is_closed() {
                    return None;
                }
            }
            Err(RecvTimeoutError::Disconnected) => return None,
        }
    }
}

/// Ask for a THRIVE judgement and the facts it rests on.
fn assess(
    session: &mut Session,
    element: Thrive,
    clock: &Clock,
    input: &Receiver<String>,
) -> Option<Action> {
    println!("  {}: judgement? 1 low, 2 medium, 3 high", element.label());
    let judgement = match next_line(session, clock, input)?.trim() {
        // `q` stops the scenario here too.
        "q" => return Some(Action::Stop),
        "1" => Judgement::Low,
        "2" => Judgement::Medium,
        "3" => Judgement::High,
        other => {
            println!("  not a judgement: '{other}'");
            return None;
        }
    };
    let facts: Vec<(String, String)> = session
        .known_facts()
        .iter()
        .map(|f| (f.id.clone(), f.text.clone()))
        .collect();
    println!("  facts it rests on (numbers separated by spaces; Enter for none):");
    for (i, (_, text)) in facts.iter().enumerate() {
        println!("    {:>2}. {text}", i + 1);
    }
    let mut chosen = Vec::new();
    let line = next_line(session, clock, input)?;
    if line.trim() == "q" {
        return Some(Action::Stop);
    }
    for word in line.split_whitespace() {
        match word
            .parse::<usize>()
            .ok()
            .and_then(|n| n.checked_sub(1))
            .and_then(|i| facts.get(i))
        {
            Some((id, _)) if !chosen.contains(id) => chosen.push(id.clone()),
            Some(_) => {}
            None => {
                println!("  not a fact number: '{word}'");
                return None;
            }
        }
    }
    Some(Action::Assess {
        element,
        judgement,
        facts: chosen,
    })
}
