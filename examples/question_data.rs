//! Training rows for the question model (`tools/fit_questions.py`): every candidate line of
//! the tuning half of the corpus, labelled by whether the hand count lists it as a question,
//! with its raw features and words; one JSON object per line on standard output.
//!
//! ```sh
//! cargo run --release --example question_data -- DIR > rows.jsonl
//! ```
//! DIR holds the documents and their `<id>.questions.txt` lists. Only rows whose `set` is
//! `tune` in `tests/corpus/manifest.tsv` are read.

use std::collections::HashSet;
use std::path::PathBuf;

use cuecard::import::{normalize_question, questions};

fn main() {
    let dir = PathBuf::from(std::env::args().nth(1).expect("a folder of documents"));
    let manifest = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/manifest.tsv"),
    )
    .unwrap();
    for line in manifest.lines().skip(1) {
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.get(1) != Some(&"tune") {
            continue;
        }
        let (id, format) = (cols[0], cols[2]);
        let path = dir.join(format!("{id}.{format}"));
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        let Ok(list) = std::fs::read_to_string(dir.join(format!("{id}.questions.txt"))) else {
            continue;
        };
        let want: Vec<String> = list
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| normalize_question(l.trim_start_matches("U: ").trim_start_matches("ASK: ")))
            .collect();
        let Ok(source) = cuecard::document::read(&bytes, &path) else {
            continue;
        };
        let mut seen = HashSet::new();
        for text in cuecard::import::candidate_texts(&source.markdown) {
            let n = normalize_question(&text);
            if n.is_empty() || !seen.insert(n.clone()) {
                continue;
            }
            let label = want.iter().any(|w| {
                w == &n
                    || (w.len() > 12
                        && n.len() > 12
                        && (w.starts_with(&n) || n.starts_with(w.as_str())))
            });
            let f: serde_json::Map<String, serde_json::Value> = questions::raw_features(&text)
                .into_iter()
                .map(|(k, v)| (k.to_string(), serde_json::json!(v)))
                .collect();
            println!(
                "{}",
                serde_json::json!({"doc": id, "label": label as u8, "text": text, "f": f, "words": questions::words(&text)})
            );
        }
    }
}
