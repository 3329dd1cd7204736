//! Precision, recall and F1 of the keyword extractor against SkillSpan's hand-marked
//! knowledge spans, per posting, on the `tech` postings of a split (dev.json: never used to
//! build the lexicon).
//!
//! `cargo run --release --example eval_skillspan -- ../shared/corpora/skillspan/dev.json`
//!
//! A predicted keyword matches a gold one when the words of one are a contiguous part of the
//! other's (case-insensitive). Precision counts predicted keywords that match some gold one,
//! recall gold keywords that some prediction matches; micro figures add the counts over all
//! postings, macro figures average the per-posting ones. The field of the degree a posting
//! asks for, which the job view shows among its requirements rather than as a chip
//! ("bachelor's degree in Computer Science"), counts as a prediction too.

use std::collections::{BTreeMap, BTreeSet};

use cuecard::jobs::{extract_keywords, posting::parse_text, KeywordKind};

fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split_whitespace()
        .map(str::to_string)
        .collect()
}

fn part_of(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && a.len() <= b.len() && b.windows(a.len()).any(|w| w == a)
}

fn matches(a: &[String], b: &[String]) -> bool {
    part_of(a, b) || part_of(b, a)
}

fn main() {
    let path = std::env::args()
        .nth(1)
        .unwrap_or_else(|| "../shared/corpora/skillspan/dev.json".to_string());
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    // idx -> (sentences, gold spans). SHOW_MISSES=1 prints false positives (FP) and missed
    // gold keywords (FN).
    let mut postings: BTreeMap<i64, (Vec<String>, BTreeSet<String>)> = BTreeMap::new();
    for line in text.lines() {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
            continue;
        };
        if v["source"] != "tech" {
            continue;
        }
        let idx = v["idx"].as_i64().unwrap_or(-1);
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
        let entry = postings.entry(idx).or_default();
        entry.0.push(tokens.join(" "));
        let mut cur: Vec<&str> = Vec::new();
        for (t, g) in tokens.iter().zip(&tags) {
            if g.starts_with('B') {
                if !cur.is_empty() {
                    entry.1.insert(cur.join(" ").to_lowercase());
                }
                cur = vec![t];
            } else if g.starts_with('I') && !cur.is_empty() {
                cur.push(t);
            } else if !cur.is_empty() {
                entry.1.insert(cur.join(" ").to_lowercase());
                cur.clear();
            }
        }
        if !cur.is_empty() {
            entry.1.insert(cur.join(" ").to_lowercase());
        }
    }
    let (mut tp_p, mut n_p, mut tp_g, mut n_g) = (0usize, 0usize, 0usize, 0usize);
    let (mut sum_p, mut sum_r, mut sum_f) = (0f64, 0f64, 0f64);
    for (idx, (sentences, gold)) in &postings {
        let posting = parse_text(&sentences.join("\n"));
        let mut predicted: BTreeSet<String> = BTreeSet::new();
        // Soft skills are left out: SkillSpan marks them as skills (`tags_skill`), not as
        // the knowledge (`tags_knowledge`) evaluated here.
        let no_phrases = std::env::var_os("NO_PHRASES").is_some();
        let keywords = extract_keywords(&posting);
        if let Some(field) =
            cuecard::jobs::requirements::requirements(&posting, &keywords).degree_field
        {
            predicted.insert(field.to_lowercase());
        }
        for k in keywords
            .into_iter()
            .filter(|k| k.weight > 0.0 && k.kind != KeywordKind::SoftSkill)
            .filter(|k| !(no_phrases && k.kind == KeywordKind::Phrase))
        {
            for m in &k.matched {
                predicted.insert(m.to_lowercase());
            }
        }
        let gold_w: Vec<Vec<String>> = gold.iter().map(|g| words(g)).collect();
        let pred_w: Vec<Vec<String>> = predicted.iter().map(|p| words(p)).collect();
        let ok_p = pred_w
            .iter()
            .filter(|p| gold_w.iter().any(|g| matches(p, g)))
            .count();
        if std::env::var_os("SHOW_MISSES").is_some() {
            for p in pred_w
                .iter()
                .filter(|p| !gold_w.iter().any(|g| matches(p, g)))
            {
                println!("FP {} (posting {idx})", p.join(" "));
            }
        }
        let ok_g = gold_w
            .iter()
            .filter(|g| pred_w.iter().any(|p| matches(p, g)))
            .count();
        if std::env::var_os("SHOW_MISSES").is_some() {
            for g in gold_w
                .iter()
                .filter(|g| !pred_w.iter().any(|p| matches(p, g)))
            {
                println!("FN {}", g.join(" "));
            }
        }
        tp_p += ok_p;
        n_p += pred_w.len();
        tp_g += ok_g;
        n_g += gold_w.len();
        let p = if pred_w.is_empty() {
            0.0
        } else {
            ok_p as f64 / pred_w.len() as f64
        };
        let r = if gold_w.is_empty() {
            0.0
        } else {
            ok_g as f64 / gold_w.len() as f64
        };
        sum_p += p;
        sum_r += r;
        sum_f += if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
    }
    let n = postings.len().max(1) as f64;
    let p = tp_p as f64 / n_p.max(1) as f64;
    let r = tp_g as f64 / n_g.max(1) as f64;
    println!(
        "{} tech postings, {} gold keywords, {} predicted",
        postings.len(),
        n_g,
        n_p
    );
    println!(
        "micro: precision {:.3}  recall {:.3}  F1 {:.3}",
        p,
        r,
        2.0 * p * r / (p + r).max(f64::MIN_POSITIVE)
    );
    println!(
        "macro: precision {:.3}  recall {:.3}  F1 {:.3}",
        sum_p / n,
        sum_r / n,
        sum_f / n
    );
}
