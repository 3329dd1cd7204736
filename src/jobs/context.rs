//! Whether a lexicon match in a posting is a skill the posting asks for: a logistic model
//! over the match's context (how often the annotators of SkillSpan's train split marked that
//! skill where the lexicon found it, capitals, neighbouring skills on the line, cue words
//! before it, whether it is also an ordinary word), fitted by `tools/fit_context.py` from
//! `cargo run --example context_data` and shipped in `assets/skills/context-model.json`.
//! Loaded once per process.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use serde::Deserialize;

use super::lexicon::{Candidate, Lexicon};

const MODEL: &str = include_str!("../../assets/skills/context-model.json");

#[derive(Deserialize)]
struct Model {
    bias: f32,
    weights: HashMap<String, f32>,
    /// Log-odds, per skill id, that a match of it is marked as knowledge.
    priors: HashMap<String, f32>,
    /// The prior of a skill the train split never matched.
    default_prior: f32,
    /// Keep a match at or above this probability.
    threshold: f32,
}

fn model() -> &'static Model {
    static M: OnceLock<Model> = OnceLock::new();
    M.get_or_init(|| serde_json::from_str(MODEL).expect("the shipped context model parses"))
}

const STRONG_CUES: &[&str] = &[
    "experience",
    "experienced",
    "knowledge",
    "proficiency",
    "proficient",
    "familiar",
    "familiarity",
    "expertise",
    "expert",
    "understanding",
    "skills",
    "background",
];

const WEAK_CUES: &[&str] = &[
    "with",
    "using",
    "in",
    "including",
    "like",
    "of",
    "e.g",
    "eg",
    "such",
];

/// The features of a candidate that need no fitted table.
pub fn raw_features(
    c: &Candidate,
    lex: &Lexicon,
    common: &HashSet<String>,
) -> Vec<(&'static str, f32)> {
    let mut f = Vec::with_capacity(14);
    let skill = lex.skill(c.m.skill);
    if skill.vetted {
        f.push(("vetted", 1.0));
    } else if skill.tags_only {
        f.push(("tags_only", 1.0));
    }
    if matches!(
        skill.category.as_str(),
        "spoken language" | "industry" | "soft skill"
    ) {
        f.push(("non_technical", 1.0));
    }
    let first = c.surface.chars().next().unwrap_or(' ');
    let letters: Vec<char> = c.surface.chars().filter(|c| c.is_alphabetic()).collect();
    if c.ambiguous {
        f.push(if c.context_ok {
            ("ambiguous_ok", 1.0)
        } else {
            ("ambiguous_bad", 1.0)
        });
    }
    if first.is_uppercase() && !c.line_start {
        f.push(("capital", 1.0));
    }
    if letters.len() > 1 && letters.iter().all(|c| c.is_uppercase()) {
        f.push(("allcaps", 1.0));
    }
    if c.surface
        .chars()
        .any(|c| matches!(c, '+' | '#' | '.' | '/' | '-'))
    {
        f.push(("symbol", 1.0));
    }
    if c.tokens == 1 && common.contains(&c.surface.to_lowercase()) {
        f.push(("common", 1.0));
    }
    if c.tokens >= 2 {
        f.push(("multi", 1.0));
    }
    f.push(("neighbours", (1.0 + c.neighbours as f32).ln()));
    if c.dense {
        f.push(("dense", 1.0));
    }
    if c.before.iter().any(|w| STRONG_CUES.contains(&w.as_str())) {
        f.push(("cue_strong", 1.0));
    } else if c
        .before
        .last()
        .is_some_and(|w| WEAK_CUES.contains(&w.as_str()))
    {
        f.push(("cue_weak", 1.0));
    }
    if c.line_start {
        f.push(("line_start", 1.0));
    }
    f
}

/// The probability that the candidate is a skill the posting asks for.
pub fn score(c: &Candidate, lex: &Lexicon, common: &HashSet<String>) -> f32 {
    let m = model();
    let id = &lex.skill(c.m.skill).id;
    let prior = m.priors.get(id).copied().unwrap_or(m.default_prior);
    let mut z = m.bias + m.weights.get("prior").copied().unwrap_or(1.0) * prior;
    for (k, v) in raw_features(c, lex, common) {
        z += m.weights.get(k).copied().unwrap_or(0.0) * v;
    }
    1.0 / (1.0 + (-z).exp())
}

/// Whether to keep a candidate.
pub fn keep(c: &Candidate, lex: &Lexicon, common: &HashSet<String>) -> bool {
    score(c, lex, common) >= model().threshold
}
