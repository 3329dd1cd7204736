//! How command results are printed: tables for people, JSON for scripts.

use std::io::IsTerminal;
use std::path::Path;

use cuecard::{Card, Deck, Error, ImportReport, LibraryInfo, SearchResult, Segment};
use serde_json::json;

/// `println!` that ignores a closed pipe (`cuecard cards | head`) instead of panicking.
macro_rules! say {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout().lock(), $($arg)*);
    }};
}

pub struct Out {
    json: bool,
    color: bool,
}

fn print_json(value: &serde_json::Value) {
    say!(
        "{}",
        serde_json::to_string_pretty(value).unwrap_or_else(|_| "{}".into())
    );
}

fn clip(s: &str, max: usize) -> String {
    let one: String = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if one.chars().count() <= max {
        one
    } else {
        let mut t: String = one.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

impl Out {
    pub fn new(json: bool) -> Self {
        let color = std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none();
        Out { json, color }
    }

    pub fn error(&self, e: &Error) {
        self.error_payload(e.code().as_str(), &e.to_string());
    }

    pub fn error_payload(&self, code: &str, message: &str) {
        if self.json {
            print_json(&json!({"error": {"code": code, "message": message}}));
        } else {
            eprintln!("error: {message}");
        }
    }

    fn highlight(&self, segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match (s.highlighted, self.color) {
                (true, true) => format!("\x1b[1;33m{}\x1b[0m", s.text),
                (true, false) => format!("[{}]", s.text),
                (false, _) => s.text.clone(),
            })
            .collect::<String>()
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    pub fn import(&self, report: &ImportReport) {
        if self.json {
            print_json(&json!(report));
            return;
        }
        for d in &report.decks {
            say!(
                "{}: {} cards (added {}, updated {}, removed {}, unchanged {}) from {}",
                d.name,
                d.cards,
                d.added,
                d.updated,
                d.removed,
                d.unchanged,
                d.source
            );
            if !d.shapes.is_empty() {
                say!("  recognised: {}", d.shapes.join(", "));
            }
            if d.duplicates > 0 {
                say!("  {} repeated question(s) merged", d.duplicates);
            }
            for w in &d.warnings {
                say!("  warning: line {}: {}", w.line, w.message);
            }
        }
        for e in &report.errors {
            eprintln!("error: {}", e.message);
        }
    }

    pub fn decks(&self, decks: &[Deck]) {
        if self.json {
            print_json(&json!({ "decks": decks }));
            return;
        }
        if decks.is_empty() {
            say!("No decks yet. Import a document: cuecard import FILE.md");
            return;
        }
        let width = decks
            .iter()
            .map(|d| d.name.chars().count())
            .max()
            .unwrap_or(4)
            .max(4);
        say!("{:<8}  {:<width$}  {:>5}  SOURCE", "ID", "DECK", "CARDS");
        for d in decks {
            say!(
                "{:<8}  {:<width$}  {:>5}  {}",
                d.id,
                d.name,
                d.cards,
                d.source.as_deref().unwrap_or("")
            );
        }
    }

    pub fn cards(&self, cards: &[Card], archived: bool) {
        if self.json {
            print_json(&json!({ "cards": cards }));
            return;
        }
        if cards.is_empty() {
            say!(
                "{}",
                if archived {
                    "No archived cards."
                } else {
                    "No cards."
                }
            );
            return;
        }
        say!("{:<12}  {:<16}  {:>5}  QUESTION", "ID", "DECK", "LINE");
        for c in cards {
            let mark = if c.unanswered { " (unanswered)" } else { "" };
            say!(
                "{:<12}  {:<16}  {:>5}  {}{}",
                c.id,
                clip(&c.deck, 16),
                c.source_line,
                clip(&c.question, 90),
                mark
            );
        }
        say!("{} cards", cards.len());
    }

    pub fn card(&self, c: &Card) {
        if self.json {
            print_json(&json!({ "card": c }));
            return;
        }
        say!("{}\n", c.question);
        if !c.section.is_empty() {
            say!("Section: {}", c.section.join(" › "));
        }
        say!(
            "Deck: {}   Id: {}   Source: {}, lines {}–{}",
            c.deck,
            c.id,
            c.source_file.as_deref().unwrap_or("-"),
            c.source_line,
            c.source_line_end
        );
        if !c.tags.is_empty() {
            say!("Tags: {}", c.tags.join(", "));
        }
        say!();
        if c.unanswered {
            say!("(no answer yet)");
        }
        say!("{}", c.answer);
    }

    pub fn search(&self, query: &str, r: &SearchResult) {
        if self.json {
            print_json(&json!(r));
            return;
        }
        for w in &r.warnings {
            eprintln!("note: {w}");
        }
        if r.hits.is_empty() {
            say!("No cards match \"{query}\".");
            return;
        }
        for (i, h) in r.hits.iter().enumerate() {
            say!(
                "{:>2}. {}  [{}]  {}",
                i + 1,
                self.highlight(&h.question_segments),
                h.deck,
                h.card_id
            );
            say!("    {}", self.highlight(&h.snippet));
        }
        say!(
            "{} of {} matching cards ({:.1} ms)",
            r.hits.len(),
            r.total,
            r.took_ms
        );
    }

    pub fn keywords(&self, keywords: &[cuecard::jobs::Keyword]) {
        if self.json {
            print_json(&json!({ "keywords": keywords }));
            return;
        }
        if keywords.is_empty() {
            say!("No skills or keywords found in this posting.");
            return;
        }
        say!(
            "{:<28}  {:<10}  {:<16}  {:>6}  {:>5}",
            "KEYWORD",
            "KIND",
            "SECTION",
            "WEIGHT",
            "COUNT"
        );
        for k in keywords {
            let kind = match k.kind {
                cuecard::jobs::KeywordKind::HardSkill => "skill",
                cuecard::jobs::KeywordKind::SoftSkill => "soft skill",
                cuecard::jobs::KeywordKind::Phrase => "phrase",
            };
            say!(
                "{:<28}  {:<10}  {:<16}  {:>6.2}  {:>5}",
                clip(&k.name, 28),
                kind,
                k.section.as_str(),
                k.weight,
                k.count
            );
        }
    }

    pub fn job(&self, job: &cuecard::store::Job) {
        if self.json {
            print_json(&json!({ "job": job }));
            return;
        }
        say!(
            "{}  {}{}{}",
            job.id,
            job.title.as_deref().unwrap_or("(untitled)"),
            job.company
                .as_deref()
                .map(|c| format!(" at {c}"))
                .unwrap_or_default(),
            job.interview_date
                .as_deref()
                .map(|d| format!(", interview {d}"))
                .unwrap_or_default()
        );
        if let Some(u) = &job.url {
            say!("{u}");
        }
        self.keywords(&job.keywords);
    }

    pub fn jobs(&self, jobs: &[cuecard::store::Job]) {
        if self.json {
            print_json(&json!({ "jobs": jobs }));
            return;
        }
        if jobs.is_empty() {
            say!("No jobs yet. Add one: cuecard job add posting.txt (or a URL)");
            return;
        }
        say!(
            "{:<9}  {:<30}  {:<18}  {:<10}  KEYWORDS",
            "ID",
            "TITLE",
            "COMPANY",
            "INTERVIEW"
        );
        for j in jobs {
            say!(
                "{:<9}  {:<30}  {:<18}  {:<10}  {}",
                j.id,
                clip(j.title.as_deref().unwrap_or("-"), 30),
                clip(j.company.as_deref().unwrap_or("-"), 18),
                j.interview_date.as_deref().unwrap_or("-"),
                j.keywords.len()
            );
        }
    }

    pub fn matched(&self, r: &cuecard::matching::MatchReport) {
        if self.json {
            print_json(&json!(r));
            return;
        }
        say!(
            "Match {:.0}/100 (required {:.0}%, preferred {:.0}%)",
            r.score,
            r.required_coverage,
            r.preferred_coverage
        );
        say!("");
        for k in &r.keywords {
            let mark = if !k.strong.is_empty() {
                "✔"
            } else if !k.covered_by.is_empty() {
                "~"
            } else {
                "✘"
            };
            say!(
                "  {mark} {:<28} {:<16} {} card(s)",
                clip(&k.name, 28),
                k.section.as_str(),
                k.covered_by.len()
            );
        }
        if !r.gaps.is_empty() {
            let names: Vec<&str> = r
                .gaps
                .iter()
                .filter_map(|g| {
                    r.keywords
                        .iter()
                        .find(|k| &k.id == g)
                        .map(|k| k.name.as_str())
                })
                .collect();
            say!("\nNot prepared yet: {}", names.join(", "));
        }
        if !r.ranking.is_empty() {
            say!("\nRehearse these first:");
            for (i, c) in r.ranking.iter().take(10).enumerate() {
                say!(
                    "{:>3}. {}  {}  ({:.2})",
                    i + 1,
                    c.card_id,
                    clip(&c.question, 80),
                    c.score
                );
            }
        }
    }

    pub fn exported(&self, path: &Path, decks: usize, cards: usize) {
        if self.json {
            print_json(
                &json!({"exported": {"path": path.display().to_string(), "decks": decks, "cards": cards}}),
            );
        } else {
            say!(
                "Wrote {cards} cards from {decks} deck(s) to {}",
                path.display()
            );
        }
    }

    pub fn reindexed(&self, info: &LibraryInfo) {
        if self.json {
            print_json(&json!({"reindexed": info}));
        } else {
            say!("Rebuilt the index of {} cards in {}", info.cards, info.path);
        }
    }
}
