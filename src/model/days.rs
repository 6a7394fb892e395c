//! Days of the week as people write them in model and live-state files: `Mon` or `Monday`,
//! any case. Nothing else (not `Funday`, not `Monkey`).

const NAMES: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// 0 for Monday … 6 for Sunday, or None when `text` is not a day.
pub fn day_of_week(text: &str) -> Option<usize> {
    let key = text.trim().to_ascii_lowercase();
    NAMES
        .iter()
        .position(|n| key == *n || (key.len() == 3 && n.starts_with(key.as_str())))
}

#[cfg(test)]
mod tests {
    use super::day_of_week;

    #[test]
    fn days_are_three_letters_or_the_full_name() {
        assert_eq!(day_of_week("Fri"), Some(4));
        assert_eq!(day_of_week("SUNDAY"), Some(6));
        assert_eq!(day_of_week("Funday"), None);
        assert_eq!(day_of_week("Monkey"), None);
        assert_eq!(day_of_week(""), None);
    }
}
