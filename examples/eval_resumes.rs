//! Measures the résumé reader against hand-made gold files.
//!
//! CUECARD_RESUMES=DIR cargo run --release --example eval_resumes -- [--set tune|check] [-v]
//!
//! DIR holds résumés (.pdf, .docx, .md, .txt), a `NAME.gold.json` beside each, and a
//! `manifest.tsv` (file, format, set, ...). The gold lists roles (company, title, start, end,
//! bullet count), education and technical skills. Reported per half:
//! - roles right: gold roles for which a read role has the same company and title (one
//!   containing the other, case and punctuation aside) and the same start and end;
//! - bullets within one: of the roles right, those whose bullet count is within one;
//! - skills recall: gold skills the reader found (by the lexicon's id for the name, or the
//!   same name), over all gold skills; and precision of the found skills against the gold.
//!
//! `-v` prints, for the tuning half only, each miss.

use std::collections::{BTreeMap, HashSet};
use std::path::Path;

use cuecard::jobs::Lexicon;
use cuecard::resume;

fn norm(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect()
}

fn same(a: &str, b: &str) -> bool {
    let (a, b) = (norm(a), norm(b));
    (a.is_empty() && b.is_empty())
        || (!a.is_empty() && !b.is_empty() && (a.contains(&b) || b.contains(&a)))
}

#[derive(Default)]
struct Tally {
    gold_roles: usize,
    right: usize,
    bullets_ok: usize,
    gold_skills: usize,
    found_skills: usize,
    read_skills: usize,
    read_right: usize,
    files: usize,
}

fn main() {
    let dir = std::env::var("CUECARD_RESUMES").unwrap_or_else(|_| "/work/resumes".into());
    let args: Vec<String> = std::env::args().collect();
    let only = args
        .iter()
        .position(|a| a == "--set")
        .and_then(|i| args.get(i + 1))
        .cloned();
    let verbose = args.iter().any(|a| a == "-v");
    let manifest = std::fs::read_to_string(Path::new(&dir).join("manifest.tsv"))
        .expect("manifest.tsv in CUECARD_RESUMES");
    let lex = Lexicon::builtin();
    let mut halves: BTreeMap<String, Tally> = BTreeMap::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        if cols.len() < 3 {
            continue;
        }
        let (file, set) = (cols[0], cols[2]);
        if only.as_deref().is_some_and(|o| o != set) {
            continue;
        }
        let path = Path::new(&dir).join(file);
        let stem = file.rsplit_once('.').map_or(file, |(s, _)| s);
        let gold: serde_json::Value = serde_json::from_str(
            &std::fs::read_to_string(Path::new(&dir).join(format!("{stem}.gold.json")))
                .expect("gold file"),
        )
        .expect("gold json");
        let show = verbose && set.starts_with("tune");
        let t = halves.entry(set.to_string()).or_default();
        t.files += 1;
        let bytes = std::fs::read(&path).expect("résumé file");
        let groles = gold["roles"].as_array().cloned().unwrap_or_default();
        // A file that cannot be read still counts: all its roles and skills are misses.
        t.gold_roles += groles.len();
        let text = match resume::normalise(&bytes, &path) {
            Ok(t) => t,
            Err(e) => {
                println!("{file}: not read: {}", e.0);
                t.gold_skills += gold["skills"].as_array().map_or(0, |a| a.len());
                continue;
            }
        };
        let (r, _) = resume::analyse("x", "x", file, &text);
        for g in &groles {
            let gs = |k: &str| g[k].as_str().unwrap_or("").to_string();
            let hit = r.roles.iter().find(|x| {
                same(&x.company, &gs("company"))
                    && same(&x.title, &gs("title"))
                    // No dates in the gold: none read.
                    && x.start.as_deref().unwrap_or("") == gs("start")
                    && x.end.as_deref().unwrap_or("") == gs("end")
            });
            match hit {
                Some(x) => {
                    t.right += 1;
                    let gb = g["bullets"].as_u64().unwrap_or(0) as i64;
                    if (x.bullets.len() as i64 - gb).abs() <= 1 {
                        t.bullets_ok += 1;
                    } else if show {
                        println!(
                            "{file}: bullets {} for {} | {} (gold {gb})",
                            x.bullets.len(),
                            x.title,
                            x.company
                        );
                    }
                }
                None if show => println!(
                    "{file}: missed role {} | {} | {} – {}",
                    gs("title"),
                    gs("company"),
                    gs("start"),
                    gs("end")
                ),
                None => {}
            }
        }
        if show {
            for x in &r.roles {
                println!(
                    "{file}:   read {} | {} | {:?} – {:?} | {:?} | {} bullets",
                    x.title,
                    x.company,
                    x.start,
                    x.end,
                    x.location,
                    x.bullets.len()
                );
            }
        }
        let found: HashSet<String> = r.skills.iter().map(|s| s.id.clone()).collect();
        let names: HashSet<String> = r.skills.iter().map(|s| norm(&s.name)).collect();
        let mut gold_ids = HashSet::new();
        let mut gold_names = HashSet::new();
        for s in gold["skills"].as_array().cloned().unwrap_or_default() {
            let s = s.as_str().unwrap_or("");
            gold_names.insert(norm(s));
            t.gold_skills += 1;
            let id = lex.lookup(s).map(|k| k.id.clone());
            if let Some(id) = &id {
                gold_ids.insert(id.clone());
            }
            let ok = id.as_ref().is_some_and(|id| found.contains(id)) || names.contains(&norm(s));
            if ok {
                t.found_skills += 1;
            } else if show {
                println!("{file}: missed skill {s}");
            }
        }
        t.read_skills += r.skills.len();
        t.read_right += r
            .skills
            .iter()
            .filter(|s| gold_ids.contains(&s.id) || gold_names.contains(&norm(&s.name)))
            .count();
    }
    for (set, t) in &halves {
        let pct = |a: usize, b: usize| {
            if b == 0 {
                0.0
            } else {
                100.0 * a as f64 / b as f64
            }
        };
        println!(
            "{set} ({} résumés): roles right {}/{} ({:.0}%); bullets within one {}/{}; skills recall {:.2} ({}/{}), precision {:.2}",
            t.files,
            t.right,
            t.gold_roles,
            pct(t.right, t.gold_roles),
            t.bullets_ok,
            t.right,
            pct(t.found_skills, t.gold_skills) / 100.0,
            t.found_skills,
            t.gold_skills,
            pct(t.read_right, t.read_skills) / 100.0
        );
    }
}
