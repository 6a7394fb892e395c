//! The planner's model file: serde types and their validation.
