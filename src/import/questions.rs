//! How much a line reads as an interview question or prompt: a small logistic model over
//! features of the text (question mark, the words it opens with, length, ending), fitted by
//! `tools/fit_questions.py` on question lists and non-question lines from the tuning half of
//! the corpus and shipped in `assets/import/question-model.json`.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::Deserialize;

use super::text::{is_answer_part, parse_label, trim_decoration, Label};

const MODEL: &str = include_str!("../../assets/import/question-model.json");

#[derive(Deserialize)]
struct Model {
    bias: f32,
    weights: HashMap<String, f32>,
    /// Log-odds of a text opening with this word (or these two words) in a question.
    openers: HashMap<String, f32>,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| serde_json::from_str(MODEL).expect("the shipped question model parses"))
}

/// Lowercase words, letters and digits only.
pub fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_matches('\'').to_lowercase())
        .filter(|w| !w.is_empty())
        .collect()
}

/// The features that need no fitted table: punctuation, length, labels, case.
pub fn raw_features(text: &str) -> Vec<(&'static str, f32)> {
    let t = trim_decoration(text);
    let t = t.trim_end_matches(['*', '_', '`', ' ']);
    let mut f: Vec<(&'static str, f32)> = Vec::with_capacity(12);
    if t.is_empty() {
        return f;
    }
    let end = t.trim_end_matches([')', '"', '\'', '”', '’', ']']);
    let end = end.trim_end_matches(':').trim_end();
    let w = words(t);
    let n = w.len() as f32;
    if end.ends_with('?') {
        f.push(("ends_qmark", 1.0));
    } else if t.contains('?') {
        f.push(("has_qmark", 1.0));
    }
    if end.ends_with('.') {
        f.push(("ends_period", 1.0));
    }
    if t.ends_with(':') {
        f.push(("ends_colon", 1.0));
    }
    if is_answer_part(t) {
        f.push(("answer_part", 1.0));
    }
    f.push(("log_words", (1.0 + n).ln()));
    if n > 30.0 {
        f.push(("long", 1.0));
    }
    if n <= 2.0 {
        f.push(("tiny", 1.0));
    }
    if t.chars().next().is_some_and(|c| c.is_lowercase()) {
        f.push(("starts_lower", 1.0));
    }
    if t.contains('`') {
        f.push(("has_code", 1.0));
    }
    f
}

/// The features of a candidate question's text, by name (the names the model file uses).
pub fn features(text: &str) -> Vec<(&'static str, f32)> {
    let mut f = raw_features(text);
    if f.is_empty() {
        return f;
    }
    let w = words(trim_decoration(text));
    let n = w.len() as f32;
    let m = model();
    if let Some(first) = w.first() {
        let one = m.openers.get(first.as_str()).copied().unwrap_or(0.0);
        let two = w
            .get(1)
            .and_then(|s| m.openers.get(&format!("{first} {s}")).copied())
            .unwrap_or(0.0);
        f.push(("opener", one));
        f.push(("opener2", two));
    }
    // "greatest weakness", "tell me about yourself": prompt words anywhere in a short line.
    if n <= 12.0 {
        let best = w
            .iter()
            .filter_map(|x| m.openers.get(&format!("~{x}")))
            .fold(0.0f32, |a, b| a.max(*b));
        if best > 0.0 {
            f.push(("prompt_word", best));
        }
    }
    f
}

/// The probability that a line is a question or an interview prompt. A `Q:` or
/// `Question:` label before it counts for half by itself.
pub fn score(text: &str) -> f32 {
    // A question mark emoji in front says it as plainly as a label.
    let raw = text.trim_start();
    if raw.starts_with(['\u{2753}', '\u{2754}']) {
        return 0.5 + 0.5 * score_text(trim_decoration(text));
    }
    let t = trim_decoration(text);
    if let Some((Label::Question, at)) = parse_label(t) {
        return 0.5 + 0.5 * score_text(&t[at..]);
    }
    score_text(t)
}

fn score_text(text: &str) -> f32 {
    let f = features(text);
    if f.is_empty() {
        return 0.0;
    }
    let m = model();
    let z = m.bias
        + f.iter()
            .map(|(k, v)| m.weights.get(*k).copied().unwrap_or(0.0) * v)
            .sum::<f32>();
    1.0 / (1.0 + (-z).exp())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_questions_and_prompts() {
        for q in [
            "What is a closure?",
            "Why do you want to work here?",
            "Tell me about a time you failed",
            "tell me about yourself",
            "Describe a conflict with a teammate",
            "Walk me through your resume",
        ] {
            assert!(score(q) > 0.6, "{q}: {}", score(q));
        }
        for n in [
            "Situation",
            "Linear regression",
            "I shipped the feature two weeks late and told the team why.",
            "Result:",
        ] {
            assert!(score(n) < 0.4, "{n}: {}", score(n));
        }
    }
}
