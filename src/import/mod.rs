//! TEMPORARY stand-in for the importer (being written separately): seed shape only.
use serde::Serialize;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    LabelledPairs,
}
impl Shape {
    pub fn label(self) -> &'static str {
        "**Question:** / **Answer:** pairs"
    }
}
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedCard {
    pub question: String,
    pub answer: String,
    pub section: Vec<String>,
    pub line_start: usize,
    pub line_end: usize,
    pub unanswered: bool,
    pub shape: Shape,
}
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}
#[derive(Debug, Clone, Default, Serialize)]
pub struct ParsedDocument {
    pub title: Option<String>,
    pub cards: Vec<ParsedCard>,
    pub shapes: Vec<(Shape, usize)>,
    pub duplicates: usize,
    pub warnings: Vec<Warning>,
}
#[derive(Debug)]
pub enum DecodeError {
    Binary,
}
pub fn decode(bytes: &[u8]) -> Result<(String, Vec<Warning>), DecodeError> {
    if bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(DecodeError::Binary);
    }
    Ok((String::from_utf8_lossy(bytes).replace("\r\n", "\n"), vec![]))
}
pub fn parse_text(text: &str) -> ParsedDocument {
    parse_markdown(text)
}
pub fn parse_markdown(text: &str) -> ParsedDocument {
    let mut doc = ParsedDocument::default();
    let mut cur: Option<ParsedCard> = None;
    for (i, line) in text.lines().enumerate() {
        let l = line.trim();
        if let Some(t) = l.strip_prefix("## ") {
            if doc.title.is_none() {
                doc.title = Some(t.to_string());
            }
        } else if let Some(rest) = l.strip_prefix("**") {
            if let Some(p) = rest.find("Question:** ") {
                if let Some(c) = cur.take() {
                    doc.cards.push(c);
                }
                cur = Some(ParsedCard {
                    question: rest[p + 12..].to_string(),
                    answer: String::new(),
                    section: vec![],
                    line_start: i + 1,
                    line_end: i + 1,
                    unanswered: true,
                    shape: Shape::LabelledPairs,
                });
            } else if let (Some(a), Some(c)) = (rest.strip_prefix("Answer:** "), cur.as_mut()) {
                c.answer = a.to_string();
                c.unanswered = a.trim().is_empty() || a.trim() == "TODO";
                c.line_end = i + 1;
            }
        }
    }
    if let Some(c) = cur.take() {
        doc.cards.push(c);
    }
    if !doc.cards.is_empty() {
        doc.shapes.push((Shape::LabelledPairs, doc.cards.len()));
    }
    doc
}
pub fn normalize_question(q: &str) -> String {
    q.to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}
