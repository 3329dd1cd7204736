//! Decks out as files: markdown in the shape Cuecard reads best (with notes, tags, stars and
//! highlights that an import reads back), and CSV for Anki. The JSON export of everything
//! is the store's (`Store::export_library`).
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
    /// Front, back, tags: what Anki's "Import File" reads.
    Csv,
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, String> {
        match s.to_ascii_lowercase().as_str() {
            "md" | "markdown" => Ok(Format::Markdown),
            "json" => Ok(Format::Json),
            "csv" | "anki" => Ok(Format::Csv),
            other => Err(format!("unknown format \"{other}\"; use md, json or csv")),
        }
    }
}

const PLACEHOLDER: &str = "TODO";

/// One deck as markdown: a title, the section headings, and numbered
/// `**N. Question:**` / `**Answer:**` pairs.
pub fn deck_markdown(deck: &Deck, cards: &[Card]) -> String {
    deck_markdown_with(deck, cards, &std::collections::HashMap::new())
}

/// [`deck_markdown`] with each card's notes (as quoted blocks) and its tags, star and
/// highlights (in a `cuecard:meta` comment), which an import of the file reads back.
pub fn deck_markdown_with(
    deck: &Deck,
    cards: &[Card],
    marks: &std::collections::HashMap<String, Marks>,
) -> String {
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
        if !card.context.trim().is_empty() {
            out.push_str(card.context.trim());
            out.push_str("\n\n");
        }
        let answer = card.answer.trim();
        let answer = if card.unanswered || answer.is_empty() {
            PLACEHOLDER
        } else {
            answer
        };
        out.push_str(&format!("**Answer:** {answer}\n\n"));
        if let Some(m) = marks.get(card.id.as_str()) {
            out.push_str(&write_marks(m));
        }
    }
    out
}

/// What a card carries besides its question and answer, in a markdown export.
#[derive(Debug, Clone, Default, PartialEq, Serialize, serde::Deserialize)]
pub struct Marks {
    #[serde(skip)]
    pub notes: Vec<String>,
    #[serde(default, skip_serializing_if = "is_default_edits")]
    pub tags: crate::store::TagEdits,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub starred: bool,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlights: Vec<MarkHighlight>,
}

fn is_default_edits(e: &crate::store::TagEdits) -> bool {
    e.added.is_empty() && e.removed.is_empty()
}

/// A highlight in a markdown export.
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct MarkHighlight {
    pub exact: String,
    #[serde(default)]
    pub prefix: String,
    #[serde(default)]
    pub suffix: String,
    #[serde(default)]
    pub comment: Option<String>,
}

const NOTE_MARK: &str = "> **Note** <!-- cuecard:note -->";
const META_MARK: &str = "<!-- cuecard:meta ";

fn write_marks(m: &Marks) -> String {
    let mut out = String::new();
    for note in &m.notes {
        out.push_str(NOTE_MARK);
        out.push('\n');
        for line in note.trim().lines() {
            if line.trim().is_empty() {
                out.push_str(">\n");
            } else {
                out.push_str("> ");
                out.push_str(line);
                out.push('\n');
            }
        }
        out.push('\n');
    }
    let meta = Marks {
        notes: Vec::new(),
        ..m.clone()
    };
    if meta != Marks::default() {
        // `--` cannot appear inside an HTML comment; JSON escapes keep it out.
        let json = serde_json::to_string(&meta)
            .unwrap_or_default()
            .replace("--", "-\\u002d");
        out.push_str(&format!("{META_MARK}{json} -->\n\n"));
    }
    out
}

/// Takes the notes and meta comments of a markdown export out of the text (their lines
/// are left blank, so line numbers stay true) and returns them with the line they were on.
pub fn extract_marks(text: &str) -> Option<(String, Vec<(usize, Marks)>)> {
    if !text.contains("<!-- cuecard:") {
        return None;
    }
    let lines: Vec<&str> = text.lines().collect();
    let mut out_lines: Vec<&str> = Vec::with_capacity(lines.len());
    let mut found: Vec<(usize, Marks)> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i].trim();
        if line == NOTE_MARK {
            let start = i + 1;
            let mut body = Vec::new();
            out_lines.push("");
            i += 1;
            while i < lines.len() && lines[i].trim_start().starts_with('>') {
                let l = lines[i].trim_start();
                let l = l
                    .strip_prefix("> ")
                    .or_else(|| l.strip_prefix('>'))
                    .unwrap_or(l);
                body.push(l);
                out_lines.push("");
                i += 1;
            }
            let note = body.join("\n").trim().to_string();
            if !note.is_empty() {
                found.push((
                    start,
                    Marks {
                        notes: vec![note],
                        ..Marks::default()
                    },
                ));
            }
            continue;
        }
        if let Some(rest) = line.strip_prefix(META_MARK) {
            if let Some(json) = rest.strip_suffix("-->") {
                if let Ok(m) = serde_json::from_str::<Marks>(json.trim()) {
                    found.push((i + 1, m));
                    out_lines.push("");
                    i += 1;
                    continue;
                }
            }
        }
        out_lines.push(lines[i]);
        i += 1;
    }
    let mut clean = out_lines.join("\n");
    if text.ends_with('\n') {
        clean.push('\n');
    }
    Some((clean, found))
}

/// Cards as CSV for Anki: front, back (the answer as sanitised HTML), tags separated by
/// spaces, with the header lines Anki reads to set itself up.
pub fn csv(cards: &[Card]) -> String {
    let mut out =
        String::from("#separator:Comma\n#html:true\n#columns:Front,Back,Tags\n#tags column:3\n");
    for c in cards {
        let front = crate::render::safe_html_offline(&c.question);
        let front = front
            .trim()
            .strip_prefix("<p>")
            .and_then(|f| f.strip_suffix("</p>"))
            .unwrap_or(front.trim())
            .to_string();
        let back = crate::render::safe_html_offline(&c.answer);
        let tags: Vec<String> = c
            .tags
            .iter()
            .map(|t| t.split_whitespace().collect::<Vec<_>>().join("_"))
            .collect();
        out.push_str(&format!(
            "{},{},{}\n",
            csv_field(&front),
            csv_field(back.trim()),
            csv_field(&tags.join(" "))
        ));
    }
    out
}

fn csv_field(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
