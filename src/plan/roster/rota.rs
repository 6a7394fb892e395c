//! The roster as a runnable model and as `roster.csv`.
