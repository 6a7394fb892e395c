//! The headless trainer: scenario types, the session state machine, scoring and debrief. No bevy.
