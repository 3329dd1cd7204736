//! The project's own postings with their recruiter-style gold lists (`tests/postings/`; the
//! postings' text is read from `CUECARD_POSTINGS`), shared by the examples that measure the
//! extractor and that make its training rows.

use std::path::{Path, PathBuf};

use cuecard::jobs::Lexicon;

pub fn words(s: &str) -> Vec<String> {
    s.to_lowercase()
        .split(|c: char| c.is_whitespace() || c == '/' || c == '-')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '+' && c != '#')
                .to_string()
        })
        .filter(|w| !w.is_empty())
        .collect()
}

fn part_of(a: &[String], b: &[String]) -> bool {
    !a.is_empty() && a.len() <= b.len() && b.windows(a.len()).any(|w| w == a)
}

pub struct Gold {
    pub name: String,
    pub id: Option<String>,
    pub soft: bool,
}

/// A gold skill and a keyword are one when the lexicon gives them one id, or the words of
/// one are a contiguous part of the other's.
pub fn same(gold: &Gold, id: &str, name: &str) -> bool {
    if gold.id.as_deref() == Some(id) {
        return true;
    }
    let (a, b) = (words(&gold.name), words(name));
    part_of(&a, &b) || part_of(&b, &a)
}

pub struct OwnPosting {
    pub id: String,
    /// `tune` or `check`.
    pub set: String,
    pub text: String,
    pub gold: Vec<Gold>,
}

pub fn manifest_root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/postings")
}

/// The postings of the manifest whose text is in `dir`.
pub fn load(dir: &Path, lex: &Lexicon) -> Vec<OwnPosting> {
    let root = manifest_root();
    let manifest = std::fs::read_to_string(root.join("manifest.tsv")).expect("manifest");
    let mut out = Vec::new();
    for row in manifest.lines().skip(1) {
        let cols: Vec<&str> = row.split('\t').collect();
        let (id, set) = (cols[0], cols[1]);
        let Some(text) = ["md", "txt", "html"]
            .iter()
            .find_map(|e| std::fs::read_to_string(dir.join(format!("{id}.{e}"))).ok())
        else {
            continue;
        };
        let gold = std::fs::read_to_string(root.join(format!("{id}.gold.tsv")))
            .unwrap_or_default()
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| {
                let mut c = l.split('\t');
                let name = c.next().unwrap_or("").trim().to_string();
                let kind = c.next().unwrap_or("").trim();
                Gold {
                    id: lex.lookup(&name).map(|s| s.id.clone()),
                    name,
                    soft: kind == "soft",
                }
            })
            .collect();
        out.push(OwnPosting {
            id: id.to_string(),
            set: set.to_string(),
            text,
            gold,
        });
    }
    out
}
