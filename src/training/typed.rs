//! Typed questions: recall, not recognition. With the question list switched off the trainee
//! types what they would say; the text is matched to one of the scenario's questions by its
//! phrasings and key words. Matching is a pure function of the scenario and the text, so a
//! replayed log can prove the match it claims.

use super::action::Action;
use super::scenario::Scenario;

/// The longest typed question accepted, in characters.
pub const MAX_CHARS: usize = 500;

/// Lower-case words of letters and digits; everything else separates words.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A key word matches a typed word that starts with it ("weapon" matches "weapons").
fn has_word(typed: &[String], key: &str) -> bool {
    typed.iter().any(|w| w.starts_with(key))
}

/// How well the typed words match a question: 0 for no match; an exact phrasing beats any key
/// words; more key words matched beat fewer.
fn strength(q: &super::scenario::Question, typed: &[String]) -> usize {
    let exact = std::iter::once(&q.text)
        .chain(&q.phrasings)
        .any(|p| words(p) == typed);
    if exact {
        return usize::MAX;
    }
    q.keywords
        .iter()
        .map(|group| words(group))
        .filter(|g| !g.is_empty() && g.iter().all(|k| has_word(typed, k)))
        .map(|g| g.len())
        .max()
        .unwrap_or(0)
}

/// The question this text asks, if any: the strongest match, the first in the file on a tie.
pub fn match_question<'a>(sc: &'a Scenario, text: &str) -> Option<&'a str> {
    let typed = words(text);
    if typed.is_empty() {
        return None;
    }
    let mut best: Option<(usize, &str)> = None;
    for q in &sc.questions {
        let s = strength(q, &typed);
        if s > 0 && best.is_none_or(|(b, _)| s > b) {
            best = Some((s, q.id.as_str()));
        }
    }
    best.map(|(_, id)| id)
}

/// The action for a typed question, with its match filled in.
pub fn say(sc: &Scenario, text: &str) -> Action {
    Action::Say {
        text: text.to_string(),
        matched: match_question(sc, text).map(str::to_string),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scenario() -> Scenario {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/scenarios/training/da-whisper-999.ron"
        );
        Scenario::load(std::path::Path::new(path)).expect("shipped scenario")
    }

    #[test]
    fn words_ignore_case_and_punctuation() {
        assert_eq!(
            words("What's the ADDRESS?"),
            ["what", "s", "the", "address"]
        );
    }

    #[test]
    fn exact_text_matches_its_question() {
        let sc = scenario();
        let q = &sc.questions[0];
        assert_eq!(
            match_question(&sc, &q.text.to_uppercase()),
            Some(q.id.as_str())
        );
    }

    #[test]
    fn nonsense_matches_nothing() {
        let sc = scenario();
        assert_eq!(match_question(&sc, "banana umbrella"), None);
        assert_eq!(match_question(&sc, "   ?!  "), None);
    }
}
