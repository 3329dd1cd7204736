//! The importer against the hand-counted corpus: for each document in
//! `tests/corpus/manifest.tsv` that is on this machine, the prep cards found against the hand
//! count, and whether they are within 2%. Reports the tuning and check halves separately.
//!
//! ```sh
//! cargo run --release --example corpus_eval -- [--set tune|check|all] [--docs DIR]... [-v]
//! ```
//! Documents are looked for in `tests/corpus/docs/`, in each `--docs DIR` and in
//! `$CUECARD_CORPUS`. `-v` lists, for the tuning half only, the questions missed and extra
//! against `<id>.questions.txt`; the check half is only ever counted.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use cuecard::import::normalize_question;

struct Row {
    id: String,
    set: String,
    cards: usize,
    unanswered: usize,
    ask: usize,
}

fn within(got: usize, want: usize) -> bool {
    (got as f64 - want as f64).abs() <= 0.02 * want as f64
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mut set = "all".to_string();
    let mut dirs: Vec<PathBuf> =
        vec![PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/docs")];
    let mut verbose = false;
    let mut only: Option<String> = None;
    let mut i = 0;
    while i < args.len() {
        match args[i].as_str() {
            "--set" => {
                set = args.get(i + 1).cloned().unwrap_or_default();
                i += 1;
            }
            "--docs" => {
                dirs.push(PathBuf::from(args.get(i + 1).cloned().unwrap_or_default()));
                i += 1;
            }
            "--only" => {
                only = args.get(i + 1).cloned();
                i += 1;
            }
            "-v" => verbose = true,
            other => {
                eprintln!("unknown argument {other}");
                std::process::exit(2);
            }
        }
        i += 1;
    }
    if let Some(d) = std::env::var_os("CUECARD_CORPUS") {
        dirs.push(PathBuf::from(d));
    }
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/manifest.tsv");
    let text = std::fs::read_to_string(&manifest).expect("tests/corpus/manifest.tsv");
    let mut header: Vec<&str> = Vec::new();
    let mut rows = Vec::new();
    for line in text.lines() {
        let cols: Vec<&str> = line.split('\t').collect();
        if header.is_empty() {
            header = cols;
            continue;
        }
        let get = |name: &str| {
            header
                .iter()
                .position(|h| *h == name)
                .and_then(|p| cols.get(p))
                .copied()
                .unwrap_or("")
        };
        rows.push(Row {
            id: get("id").into(),
            set: get("set").into(),
            cards: get("cards").parse().unwrap_or(0),
            unanswered: get("unanswered").parse().unwrap_or(0),
            ask: get("ask").parse().unwrap_or(0),
        });
    }
    let mut totals: std::collections::BTreeMap<String, (usize, usize, usize)> = Default::default();
    println!(
        "{:<44} {:>5} {:>6} {:>5} {:>8} {:>5}  ok",
        "document", "set", "want", "got", "unans", "ask"
    );
    for r in &rows {
        if set != "all" && r.set != set {
            continue;
        }
        if only.as_deref().is_some_and(|o| !r.id.starts_with(o)) {
            continue;
        }
        let Some(path) = find(&dirs, &r.id) else {
            totals.entry(r.set.clone()).or_default().2 += 1;
            continue;
        };
        let bytes = std::fs::read(&path).unwrap();
        let source = match cuecard::document::read(&bytes, &path) {
            Ok(s) => s,
            Err(e) => {
                println!("{:<44} {:>5} {:>6}  refused: {e}", r.id, r.set, r.cards);
                totals.entry(r.set.clone()).or_default().1 += 1;
                continue;
            }
        };
        let doc = cuecard::import::parse_source(&source, None);
        let got = doc.prep_cards();
        let unans = doc.cards.iter().filter(|c| c.unanswered).count();
        let ask = doc.cards.iter().filter(|c| c.ask).count();
        let ok = within(got, r.cards);
        let t = totals.entry(r.set.clone()).or_default();
        t.1 += 1;
        if ok {
            t.0 += 1;
        }
        let carrier = doc
            .carriers
            .iter()
            .map(|c| format!("{} {}", c.name, c.cards))
            .collect::<Vec<_>>()
            .join(", ");
        println!(
            "{:<44} {:>5} {:>6} {:>5} {:>3}/{:<4} {:>2}/{:<2} {} {}",
            r.id,
            r.set,
            r.cards,
            got,
            unans,
            r.unanswered,
            ask,
            r.ask,
            if ok { "yes" } else { "NO " },
            if r.set == "tune" {
                carrier
            } else {
                String::new()
            }
        );
        if verbose && r.set == "tune" {
            diff(&path, &doc);
        }
    }
    for (set, (ok, n, missing)) in &totals {
        println!(
            "{set}: {ok} of {n} documents within 2% of the hand count{}",
            if *missing > 0 {
                format!(" ({missing} not on this machine)")
            } else {
                String::new()
            }
        );
    }
}

/// The document `<id>.<any extension>` in one of the folders.
fn find(dirs: &[PathBuf], id: &str) -> Option<PathBuf> {
    for d in dirs {
        let Ok(entries) = std::fs::read_dir(d) else {
            continue;
        };
        for e in entries.flatten() {
            let name = e.file_name().to_string_lossy().into_owned();
            if name.starts_with(&format!("{id}.")) && !name.ends_with(".questions.txt") {
                return Some(e.path());
            }
        }
    }
    None
}

fn diff(path: &Path, doc: &cuecard::import::ParsedDocument) {
    let qpath = path.with_file_name(format!(
        "{}.questions.txt",
        path.file_stem().unwrap().to_string_lossy()
    ));
    let Ok(list) = std::fs::read_to_string(&qpath) else {
        return;
    };
    let want: Vec<(String, String)> = list
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let t = l.trim_start_matches("U: ").trim_start_matches("ASK: ");
            (l.to_string(), normalize_question(t))
        })
        .collect();
    let got: Vec<String> = doc
        .cards
        .iter()
        .map(|c| normalize_question(&c.question))
        .collect();
    let close = |a: &str, b: &str| {
        !a.is_empty()
            && !b.is_empty()
            && (a == b || a.starts_with(b) || b.starts_with(a) || {
                let wa: HashSet<&str> = a.split(' ').collect();
                let wb: HashSet<&str> = b.split(' ').collect();
                let inter = wa.intersection(&wb).count();
                inter * 10 >= wa.len().max(wb.len()) * 7
            })
    };
    for (line, w) in &want {
        if !got.iter().any(|g| close(g, w)) {
            println!("    missed: {line}");
        }
    }
    for (c, g) in doc.cards.iter().zip(&got) {
        if !want.iter().any(|(_, w)| close(g, w)) {
            println!(
                "    extra:  {} (line {}){}",
                c.question,
                c.line_start,
                if c.ask { " [ask]" } else { "" }
            );
        }
    }
}
