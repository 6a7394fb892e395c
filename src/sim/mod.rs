//! The discrete-event engine: clock, event queue, RNG streams and control-room state.
//! No I/O and no printing: it takes a validated model and returns counts.
