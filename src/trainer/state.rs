//! What the window holds between frames: the configuration, the scenario library, the call on the
//! desk, the finished call, and the one message type every key and button turns into ([`Do`]).
//! Everything here is loading and bookkeeping; the rules live in [`crate::training`].

use crate::training::desk;
use crate::training::store::{self, Store};
use crate::training::thrive::{Judgement, Thrive};
use crate::training::{
    Action, ActionLog, ForceProfile, Mode, Outcome, Scenario, Session, library, replay, results,
};
use bevy::input::keyboard::KeyboardInput;
use bevy::prelude::*;
use std::path::{Path, PathBuf};

pub(super) fn plugin(app: &mut App) {
    app.init_state::<Screen>()
        .add_message::<Do>()
        .add_message::<KeyboardInput>()
        .init_resource::<Notice>();
    for s in [
        Screen::Menu,
        Screen::Warning,
        Screen::Call,
        Screen::Debrief,
        Screen::Assessor,
    ] {
        app.add_systems(OnEnter(s), flush);
    }
}

/// A new screen starts with no input pending: the key that left the last screen must not act on
/// this one (each screen's systems only read messages while it is shown).
fn flush(mut cmds: ResMut<Messages<Do>>, mut keys: ResMut<Messages<KeyboardInput>>) {
    cmds.clear();
    keys.clear();
}

/// The screens of the trainer. Entities spawned for a screen carry `DespawnOnExit(screen)`.
#[derive(States, Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Screen {
    /// Sign in, pick a scenario and a mode, or open the assessor view.
    #[default]
    Menu,
    /// The content warning before a harrowing scenario.
    Warning,
    /// The call, live or replayed.
    Call,
    /// The debrief of the call just finished.
    Debrief,
    /// A cohort's results.
    Assessor,
}

/// How the window was started (`controlroom train` arguments).
#[derive(Resource, Debug, Clone)]
pub struct Config {
    /// Who is training (a name or staff number); edited on the sign-in screen.
    pub trainee: String,
    /// The trainee's cohort; names the default results file.
    pub cohort: String,
    pub mode: Mode,
    /// Typed questions: the question list is off and the trainee types what they would say.
    pub typed: bool,
    /// The scenario library folder.
    pub scenario_dir: PathBuf,
    /// The results CSV every finished session is appended to.
    pub results: Option<PathBuf>,
    /// Where session logs are saved.
    pub sessions_dir: PathBuf,
    /// A force profile (grade names, partners); default: the library's `force.ron`.
    pub force: Option<PathBuf>,
    /// Replay this saved log instead of taking a call.
    pub replay: Option<PathBuf>,
    /// Replay speed: 1.0 is real time.
    pub speed: f64,
    /// Replay: pause after every decision.
    pub pause_on_decisions: bool,
    /// Save PNGs of the menu, the call screen and the debrief here, then quit.
    pub screenshot: Option<PathBuf>,
    /// The window's size in logical pixels.
    pub window: (u32, u32),
}

impl Default for Config {
    fn default() -> Self {
        Config {
            trainee: "trainee".into(),
            cohort: "cohort".into(),
            mode: Mode::Practice,
            typed: false,
            scenario_dir: PathBuf::from(library::DEFAULT_DIR),
            results: None,
            sessions_dir: PathBuf::from(store::DEFAULT_SESSIONS),
            force: None,
            replay: None,
            speed: 1.0,
            pause_on_decisions: false,
            screenshot: None,
            window: (1600, 900),
        }
    }
}

impl Config {
    /// The results CSV: the one named, else the one both front-ends share
    /// ([`store::DEFAULT_RESULTS`]); the cohort is a column of it.
    pub fn results_path(&self) -> PathBuf {
        self.results
            .clone()
            .unwrap_or_else(|| PathBuf::from(store::DEFAULT_RESULTS))
    }
}

/// A message for the user on the current screen (a bad file, a refused action).
#[derive(Resource, Debug, Default, Clone)]
pub struct Notice(pub Option<String>);

/// The scenario library, the force profile, the guidance checklist and the course plan, opened
/// by [`library::Library::open`] as every front-end opens it.
#[derive(Resource, Debug, Clone, Deref)]
pub struct Library(pub library::Library);

impl Library {
    /// Open the configured library; a broken file is listed with its error, never fatal.
    pub fn load(config: &Config) -> Library {
        Library(library::Library::open(
            &config.scenario_dir,
            config.force.as_deref(),
        ))
    }
}

/// The sign-in and scenario choice on the menu.
#[derive(Resource, Debug, Clone, Default)]
pub struct Choice {
    /// Index into [`Library::entries`].
    pub selected: usize,
    /// Which sign-in field takes typing: 0 trainee, 1 cohort.
    pub field: usize,
}

/// The panel keyboard digits act on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Questions,
    Facts,
    Checks,
    Thrive,
    Grade,
    Rcrp,
    Advice,
    Partners,
}

impl Panel {
    pub const ALL: [Panel; 8] = [
        Panel::Questions,
        Panel::Facts,
        Panel::Checks,
        Panel::Thrive,
        Panel::Grade,
        Panel::Rcrp,
        Panel::Advice,
        Panel::Partners,
    ];
    /// The panel after this one (Tab), wrapping round.
    pub fn next(self) -> Panel {
        let i = Panel::ALL.iter().position(|p| *p == self).unwrap_or(0);
        Panel::ALL[(i + 1) % Panel::ALL.len()]
    }
    /// The key that focuses the panel.
    pub fn key(self) -> char {
        match self {
            Panel::Questions => 'Q',
            Panel::Facts => 'L',
            Panel::Checks => 'C',
            Panel::Thrive => 'T',
            Panel::Grade => 'G',
            Panel::Rcrp => 'R',
            Panel::Advice => 'A',
            Panel::Partners => 'N',
        }
    }
    pub fn title(self) -> &'static str {
        match self {
            Panel::Questions => "Questions",
            Panel::Facts => "Record in the log",
            Panel::Checks => "Force systems",
            Panel::Thrive => "THRIVE",
            Panel::Grade => "Grade",
            Panel::Rcrp => "Right Care Right Person",
            Panel::Advice => "Safety advice",
            Panel::Partners => "Tell a partner",
        }
    }
}

/// A replayed log: the one driver ([`replay::Feed`]) and where to pause for a screenshot.
#[derive(Debug, Clone)]
pub struct Feed {
    pub feed: replay::Feed,
    /// Pause once this many actions have been replayed (for a screenshot).
    pub pause_at: Option<usize>,
}

/// The call on the desk.
#[derive(Resource, Debug, Clone)]
pub struct Desk {
    pub session: Session,
    pub force: ForceProfile,
    /// The call clock: answered, call time, speed, paused.
    pub clock: desk::Clock,
    pub panel: Panel,
    /// The THRIVE assessment being put together.
    pub draft: desk::Draft,
    /// A typed question being written (typed mode).
    pub typing: String,
    /// The highlighted entry of the focused panel (arrow keys move it, Enter or Space picks it),
    /// so every entry is reachable from the keyboard, not only the first ten.
    pub cursor: usize,
    /// The log being replayed, if this is a replay.
    pub feed: Option<Feed>,
    pub pause_on_decisions: bool,
    /// The last refusal from the session, shown until the next action.
    pub refused: Option<String>,
    /// Bumped whenever what the call screen shows changes.
    pub version: u64,
}

impl Desk {
    pub fn new(session: Session, force: ForceProfile, config: &Config) -> Desk {
        Desk {
            session,
            force,
            clock: desk::Clock::default(),
            panel: Panel::default(),
            draft: desk::Draft::default(),
            typing: String::new(),
            cursor: 0,
            feed: None,
            pause_on_decisions: config.pause_on_decisions,
            refused: None,
            version: 0,
        }
    }

    /// A desk replaying a log at the configured speed, answered at once.
    pub fn replaying(
        session: Session,
        feed: replay::Feed,
        force: ForceProfile,
        c: &Config,
    ) -> Desk {
        let mut d = Desk::new(session, force, c);
        d.clock.answered = true;
        d.clock.speed = c.speed;
        d.feed = Some(Feed {
            feed,
            pause_at: None,
        });
        d
    }

    /// The call time at which the trainee acts now.
    pub fn act_ms(&self) -> u64 {
        self.clock.act_ms(self.session.scenario().time_limit_ms)
    }

    /// Let the call clock run by `dt_secs` of wall time; returns the new call time. The timer
    /// text follows the clock by itself: a tick alone redraws nothing, so the transcript and
    /// panels keep their scroll position and the keyboard its panel.
    pub fn tick(&mut self, dt_secs: f64) -> u64 {
        let over = self.session.is_closed();
        self.clock.tick(dt_secs, over)
    }

    /// Hand one action to the session; a refusal is kept to show, never fatal.
    pub fn act(&mut self, action: Action) {
        let t = self.act_ms();
        match self.session.act(t, action) {
            Ok(_) => self.refused = None,
            Err(e) => self.refused = Some(e.to_string()),
        }
        self.version += 1;
    }
}

/// A finished call: the outcome and where it was saved.
#[derive(Resource, Debug, Clone)]
pub struct Finished {
    pub outcome: Outcome,
    pub scenario: Scenario,
    pub force: ForceProfile,
    /// The scenario's model answer, for the timeline.
    pub model: Option<ActionLog>,
    /// Where the log was saved and the result appended, or why not.
    pub saved: Vec<String>,
    pub replayed: bool,
}

/// Every key and button becomes one of these; each screen handles its own.
#[derive(Message, Debug, Clone, PartialEq)]
pub struct Do(pub Cmd);

/// What a key or a button asks for.
#[derive(Debug, Clone, PartialEq)]
pub enum Cmd {
    // Menu
    Select(usize),
    NextInPlan,
    ToggleMode,
    /// Switch the question list off (typed questions) or on.
    ToggleTyped,
    Start,
    Assessor,
    Type(String),
    Erase,
    NextField,
    // Warning
    Proceed,
    ChooseAnother,
    // Call
    Answer,
    Decide(Action),
    Focus(Panel),
    /// A digit on the focused panel (1-based).
    Pick(usize),
    /// Focus the next panel (Tab).
    NextPanel,
    /// Move the highlight on the focused panel by this many entries (arrow keys).
    Move(i32),
    /// Pick the highlighted entry (Enter or Space).
    PickHighlighted,
    /// Say the typed question to the caller (Enter while typing).
    Say,
    ThriveElement(Thrive),
    ThriveJudgement(Judgement),
    ThriveFact(String),
    ThriveSubmit,
    ThriveBack,
    StopCall,
    TogglePause,
    ToggleFast,
    // Anywhere
    Scale(f32),
    Scroll(f32),
    Back,
}

/// A desk replaying the log at `path`, or why it cannot be replayed. The log is played once, by
/// the clock: an action the session refuses stops the replay there, with a message.
pub fn load_replay(lib: &Library, path: &Path, config: &Config) -> Result<Desk, String> {
    let log = ActionLog::load(path).map_err(|e| e.to_string())?;
    let sc = lib.find(&log.scenario).ok_or_else(|| {
        format!(
            "{}: the log is for scenario '{}', which is not in the library (or does not load)",
            path.display(),
            log.scenario
        )
    })?;
    let (session, feed) =
        replay::Feed::start(sc, log).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(Desk::replaying(session, feed, lib.force.clone(), config))
}

/// Save the log and append the result by the one save policy ([`training::store`]).
pub fn save(config: &Config, outcome: &Outcome) -> Vec<String> {
    let store = Store::new(config.results_path(), config.sessions_dir.clone());
    let from = results::Provenance {
        cohort: config.cohort.trim().to_string(),
        source: results::Source::Window,
    };
    store.save(outcome, &from).lines()
}

/// `mm:ss` from ms.
pub fn clock(ms: u64) -> String {
    format!("{:02}:{:02}", ms / 60_000, (ms / 1000) % 60)
}
