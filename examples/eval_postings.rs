//! The keyword extractor against hand-made gold lists of real postings
//! (`tests/postings/manifest.tsv`, `tests/postings/<id>.gold.tsv`): micro precision, recall and
//! F1 of the technical skills, per half (tuning, check), soft skills reported apart.
//!
//! ```sh
//! CUECARD_POSTINGS=DIR cargo run --release --example eval_postings -- [-v]
//! ```
//! The postings themselves are not in the repository (their text belongs to the employers);
//! the manifest says where each comes from. A gold skill and a keyword are the same when the
//! lexicon gives them one id, or when the words of one are a contiguous part of the other's;
//! each gold skill counts once however many spellings it has. `-v` lists, for the tuning half
//! only, the keywords taken that no gold skill matches and the gold skills missed.

use std::path::PathBuf;

use cuecard::jobs::{extract_keywords, posting::parse_text, KeywordKind, Lexicon};

#[path = "common/own_postings.rs"]
mod own_postings;
use own_postings::{same, Gold};

#[derive(Default)]
struct Counts {
    tp: usize,
    fp: usize,
    gold: usize,
    found: usize,
}

impl Counts {
    fn line(&self) -> String {
        let p = self.tp as f64 / (self.tp + self.fp).max(1) as f64;
        let r = self.found as f64 / self.gold.max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!("precision {p:.3}, recall {r:.3}, F1 {f:.3}")
    }
}

fn main() {
    let verbose = std::env::args().any(|a| a == "-v");
    let dir = std::env::var_os("CUECARD_POSTINGS").map(PathBuf::from);
    let lex = Lexicon::builtin();
    let mut halves: std::collections::BTreeMap<String, (Counts, Counts, usize)> =
        Default::default();
    let postings = dir
        .as_deref()
        .map(|d| own_postings::load(d, lex))
        .unwrap_or_default();
    for p in &postings {
        let (id, set, text, gold) = (&p.id, p.set.as_str(), &p.text, &p.gold);
        let keywords = extract_keywords(&parse_text(text));
        let h = halves.entry(set.to_string()).or_default();
        h.2 += 1;
        for soft in [false, true] {
            let c = if soft { &mut h.1 } else { &mut h.0 };
            let g: Vec<&Gold> = gold.iter().filter(|g| g.soft == soft).collect();
            let k: Vec<_> = keywords
                .iter()
                .filter(|k| (k.kind == KeywordKind::SoftSkill) == soft)
                .collect();
            c.gold += g.len();
            for gg in &g {
                if k.iter().any(|k| same(gg, &k.id, &k.name)) {
                    c.found += 1;
                } else if verbose && set.starts_with("tune") && !soft {
                    // Whether the lexicon saw it and the context model turned it down, or
                    // the lexicon never matched it.
                    let seen = text.lines().any(|l| {
                        lex.candidates(l)
                            .iter()
                            .any(|c| same(gg, &lex.skill(c.m.skill).id, &lex.skill(c.m.skill).name))
                    });
                    let why = if seen { "turned down" } else { "not matched" };
                    println!("{id}: missed {} ({why})", gg.name);
                }
            }
            for kk in &k {
                if g.iter().any(|gg| same(gg, &kk.id, &kk.name)) {
                    c.tp += 1;
                    if verbose && set.starts_with("tune") && !soft {
                        println!("{id}: right {} ({})", kk.name, kk.matched.join(", "));
                    }
                } else {
                    c.fp += 1;
                    if verbose && set.starts_with("tune") && !soft {
                        println!("{id}: extra {} ({})", kk.name, kk.matched.join(", "));
                    }
                }
            }
        }
    }
    // `--tune-only`: the tuning sets alone, so work in progress never shows a check figure.
    let tune_only = std::env::args().any(|a| a == "--tune-only");
    for (set, (tech, soft, n)) in &halves {
        if tune_only && !set.starts_with("tune") {
            continue;
        }
        println!(
            "{set} ({n} postings): technical skills {}; soft skills {}",
            tech.line(),
            soft.line()
        );
    }
    if halves.is_empty() {
        println!("no postings found: set CUECARD_POSTINGS to the folder holding them");
    }
}
