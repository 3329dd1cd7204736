//! Decks out as files: markdown in the shape Cuecard reads best, and JSON with everything.
//!
//! The markdown re-imports to the same cards: same questions (so the same ids), answers and
//! sections.

use serde::Serialize;

use crate::model::{Card, Deck};

/// Export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Json,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            other => Err(format!("unknown format \"{other}\"; use md or json")),
        }
    }
}

const PLACEHOLDER: &str = "TODO";

/// One deck as markdown: a title, the section headings, and numbered
/// `**N. Question:**` / `**Answer:**` pairs.
pub fn deck_markdown(deck: &Deck, cards: &[Card]) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# {} Interview Questions and Answers\n\n",
        deck.name
    ));
    let mut current: Vec<String> = Vec::new();
    for (n, card) in cards.iter().enumerate() {
        if card.section != current {
            let common = card
                .section
                .iter()
                .zip(&current)
                .take_while(|(a, b)| a == b)
                .count();
            for (depth, heading) in card.section.iter().enumerate().skip(common) {
                let level = (depth + 2).min(6);
                out.push_str(&format!("{} {}\n\n", "#".repeat(level), one_line(heading)));
            }
            current = card.section.clone();
        }
        out.push_str(&format!(
            "**{}. Question:** {}\n\n",
            n + 1,
            one_line(&card.question)
        ));
        let answer = card.answer.trim();
        let answer = if card.unanswered || answer.is_empty() {
            PLACEHOLDER
        } else {
            answer
        };
        out.push_str(&format!("**Answer:** {answer}\n\n"));
    }
    out
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Serialize)]
struct JsonDeck<'a> {
    #[serde(flatten)]
    deck: &'a Deck,
    items: &'a [Card],
}

#[derive(Serialize)]
struct JsonExport<'a> {
    format: &'static str,
    version: u32,
    decks: Vec<JsonDeck<'a>>,
}

/// Decks with all their cards as one JSON document.
pub fn json(decks: &[(Deck, Vec<Card>)]) -> String {
    let doc = JsonExport {
        format: "cuecard",
        version: 1,
        decks: decks
            .iter()
            .map(|(deck, cards)| JsonDeck { deck, items: cards })
            .collect(),
    };
    serde_json::to_string_pretty(&doc).unwrap_or_else(|_| "{}".to_string())
}
