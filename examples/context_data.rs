//! Training rows for the posting extractor's context model (`tools/fit_context.py`): every
//! lexicon match in SkillSpan's train split, labelled by whether the annotators marked a
//! knowledge span there, with its skill id and raw features; one JSON object per line.
//!
//! ```sh
//! cargo run --release --example context_data -- ../shared/corpora/skillspan/train.json > rows.jsonl
//! ```
//! Only the train split is read; dev is for measuring, test is never used.

use std::collections::HashSet;

use cuecard::jobs::{context, Lexicon};

fn main() {
    let path = std::env::args().nth(1).expect("SkillSpan train.json");
    assert!(path.ends_with("train.json"), "only the train split is read");
    let lex = Lexicon::builtin();
    let common = cuecard::jobs::extract::common_words();
    for line in std::fs::read_to_string(&path).unwrap().lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        let tokens: Vec<&str> = v["tokens"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .collect();
        let tags: Vec<&str> = v["tags_knowledge"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|t| t.as_str())
            .collect();
        let mut text = String::new();
        let mut gold: Vec<(usize, usize)> = Vec::new();
        let mut open: Option<usize> = None;
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            let start = text.len();
            text.push_str(t);
            let tag = tags.get(i).copied().unwrap_or("O");
            match tag {
                "B" => {
                    if let Some(s) = open.take() {
                        gold.push((s, start - 1));
                    }
                    open = Some(start);
                }
                "I" => {
                    if open.is_none() {
                        open = Some(start);
                    }
                }
                _ => {
                    if let Some(s) = open.take() {
                        gold.push((s, start - 1));
                    }
                }
            }
        }
        if let Some(s) = open.take() {
            gold.push((s, text.len()));
        }
        let _: HashSet<()> = HashSet::new();
        for c in lex.candidates(&text) {
            let skill = lex.skill(c.m.skill);
            if skill.soft {
                continue;
            }
            let label = gold.iter().any(|&(a, b)| c.m.start < b && c.m.end > a);
            let f: serde_json::Map<String, serde_json::Value> =
                context::raw_features(&c, lex, common)
                    .into_iter()
                    .map(|(k, v)| (k.to_string(), serde_json::json!(v)))
                    .collect();
            println!(
                "{}",
                serde_json::json!({"doc": format!("{}-{}", v["source"].as_str().unwrap_or(""), v["idx"]), "label": label as u8, "skill": skill.id, "surface": c.surface, "f": f})
            );
        }
    }
}
