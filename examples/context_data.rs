//! Training rows for the posting extractor's context model (`tools/fit_context.py`): every
//! lexicon match in SkillSpan's train split, labelled by whether the annotators marked a
//! knowledge span there, with its skill id and raw features; one JSON object per line.
//!
//! ```sh
//! cargo run --release --example context_data -- ../shared/corpora/skillspan/train.json > rows.jsonl
//! ```
//! Only the train split is read; dev is for measuring, test is never used.
//!
//! With `CUECARD_POSTINGS=DIR`, the tuning half of the project's own postings
//! (`tests/postings/manifest.tsv`) is added: every lexicon match on their lines, labelled by
//! whether the recruiter-style gold list names that skill (docs `own:ID`); every set whose
//! name starts with `tune` counts. The check sets are never read here.

use std::collections::HashSet;

use cuecard::jobs::{context, posting::parse_text, Lexicon};

#[path = "common/own_postings.rs"]
mod own_postings;

fn row(
    doc: &str,
    label: bool,
    c: &cuecard::jobs::lexicon::Candidate,
    lex: &Lexicon,
    common: &HashSet<String>,
) {
    let skill = lex.skill(c.m.skill);
    let f: serde_json::Map<String, serde_json::Value> = context::raw_features(c, lex, common)
        .into_iter()
        .map(|(k, v)| (k.to_string(), serde_json::json!(v)))
        .collect();
    println!(
        "{}",
        serde_json::json!({"doc": doc, "label": label as u8, "skill": skill.id, "surface": c.surface, "f": f})
    );
}

/// Rows from the tuning half of the project's own postings.
fn own_rows(lex: &Lexicon, common: &HashSet<String>) {
    let Some(dir) = std::env::var_os("CUECARD_POSTINGS") else {
        return;
    };
    for p in own_postings::load(std::path::Path::new(&dir), lex) {
        if !p.set.starts_with("tune") {
            continue;
        }
        let posting = parse_text(&p.text);
        for section in &posting.sections {
            for (_, line) in &section.lines {
                for c in lex.candidates(line) {
                    let skill = lex.skill(c.m.skill);
                    if skill.soft {
                        continue;
                    }
                    let label = p.gold.iter().filter(|g| !g.soft).any(|g| {
                        own_postings::same(g, &skill.id, &skill.name)
                            || own_postings::same(g, &skill.id, &c.surface)
                    });
                    row(&format!("own:{}", p.id), label, &c, lex, common);
                }
            }
        }
    }
}

fn main() {
    let path = std::env::args().nth(1).expect("SkillSpan train.json");
    assert!(path.ends_with("train.json"), "only the train split is read");
    let lex = Lexicon::builtin();
    let common = cuecard::jobs::extract::common_words();
    own_rows(lex, common);
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
        for c in lex.candidates(&text) {
            if lex.skill(c.m.skill).soft {
                continue;
            }
            let label = gold.iter().any(|&(a, b)| c.m.start < b && c.m.end > a);
            let doc = format!("{}-{}", v["source"].as_str().unwrap_or(""), v["idx"]);
            row(&doc, label, &c, lex, common);
        }
    }
}
