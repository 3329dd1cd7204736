//! Documents to cards: reads the shapes people write interview prep in.
//!
//! Owns the decoding of a file's bytes and the recognition of questions and answers in
//! markdown and plain text. It reads pulldown-cmark events with source offsets, groups them
//! into top-level blocks, then walks the blocks with a small state machine. Answers are kept
//! as the markdown source they were written in. It knows nothing of decks, ids or storage,
//! and never panics on any input.
//!
//! Shapes: `**Question:** / **Answer:**` pairs (and their variants), headings as questions,
//! `Q:` / `A:` lines, `<details>` blocks, list items holding a question, bold-line
//! questions, and two-column question/answer tables. Tables of contents, badges, "back to
//! top" links, HTML comments and front matter are noise.

mod blocks;
mod decode;
mod text;

use std::collections::HashMap;
use std::ops::Range;

use serde::Serialize;

use blocks::{Block, Kind};
pub use decode::{decode, DecodeError};
use text::{
    clean_question, inline_text, is_answer_part, is_answer_summary, is_contents_summary,
    is_placeholder, looks_like_question, parse_label, trim_decoration, Label,
};

/// The ways a document can hold questions and answers.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, serde::Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Shape {
    LabelledPairs,
    HeadingQuestions,
    QaLines,
    Details,
    ListItems,
    BoldLines,
    Table,
}

impl Shape {
    /// The shape in words, for import reports.
    pub fn label(self) -> &'static str {
        match self {
            Shape::LabelledPairs => "**Question:** / **Answer:** pairs",
            Shape::HeadingQuestions => "headings as questions",
            Shape::QaLines => "Q: / A: lines",
            Shape::Details => "<details> blocks",
            Shape::ListItems => "list-item questions",
            Shape::BoldLines => "bold-line questions",
            Shape::Table => "question/answer tables",
        }
    }
}

/// One question with its answer, as found in the document.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedCard {
    /// Plain text, one line, without numbering or labels.
    pub question: String,
    /// Markdown shown with the question (code to read, a prompt); often empty.
    pub context: String,
    /// The answer's markdown source.
    pub answer: String,
    /// The non-question headings above the card, outermost first (not the title).
    pub section: Vec<String>,
    /// 1-based line of the question.
    pub line_start: usize,
    /// 1-based last line of the answer.
    pub line_end: usize,
    /// The answer is missing or a placeholder.
    pub unanswered: bool,
    pub shape: Shape,
}

/// Something skipped or doubtful, on a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// What a document holds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ParsedDocument {
    pub title: Option<String>,
    /// In document order; a repeated question appears once, where first asked.
    pub cards: Vec<ParsedCard>,
    /// Shapes recognised, with their card counts, most cards first.
    pub shapes: Vec<(Shape, usize)>,
    /// Repeated questions merged into their first occurrence.
    pub duplicates: usize,
    pub warnings: Vec<Warning>,
}

/// Lowercase words of a question, without punctuation or decoration: what makes two
/// questions the same question.
pub fn normalize_question(q: &str) -> String {
    let mut out = String::with_capacity(q.len());
    let mut space = false;
    for c in q.chars() {
        if c.is_alphanumeric() {
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        } else {
            space = true;
        }
    }
    out
}

/// Reads a plain-text document. Plain text is read as markdown, which keeps its paragraphs
/// and lines; `Q:` / `A:` lines are recognised line by line either way.
pub fn parse_text(text: &str) -> ParsedDocument {
    parse_markdown(text)
}

/// Reads a markdown document.
pub fn parse_markdown(text: &str) -> ParsedDocument {
    let lines = LineIndex::new(text);
    let blocks = blocks::collect(text);
    let mut reader = Reader {
        text,
        lines: &lines,
        title: None,
        title_block: None,
        sections: Vec::new(),
        open: None,
        cards: Vec::new(),
        warnings: Vec::new(),
        details: Details::None,
    };
    reader.find_title(&blocks);
    for (i, block) in blocks.iter().enumerate() {
        reader.block(i, block, &blocks);
    }
    reader.close();
    reader.finish()
}

/// Byte offset to 1-based line number.
struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(
            text.bytes()
                .enumerate()
                .filter(|(_, b)| *b == b'\n')
                .map(|(i, _)| i + 1),
        );
        LineIndex { starts }
    }

    fn line(&self, offset: usize) -> usize {
        match self.starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    fn count(&self) -> usize {
        self.starts.len()
    }
}

/// A card being read.
struct Open {
    question: String,
    question_at: usize,
    /// Source ranges of the answer, in order.
    answer: Vec<Range<usize>>,
    /// Source ranges shown with the question: code or a prompt between a question and
    /// its `<details>` answer.
    context: Vec<Range<usize>>,
    shape: Shape,
    /// Level of the heading that asked the question, for heading questions.
    level: Option<u8>,
    section: Vec<String>,
    /// A labelled question whose answer label has not come yet.
    awaiting_answer: bool,
}

enum Details {
    None,
    /// Inside a `<details>` table of contents: skip until it closes.
    Contents,
    /// Inside a `<details>` that holds the open card's answer.
    Answer,
}

struct Reader<'a> {
    text: &'a str,
    lines: &'a LineIndex,
    title: Option<String>,
    title_block: Option<usize>,
    sections: Vec<(u8, String)>,
    open: Option<Open>,
    cards: Vec<ParsedCard>,
    warnings: Vec<Warning>,
    details: Details,
}

impl Reader<'_> {
    fn warn(&mut self, offset: usize, message: impl Into<String>) {
        self.warnings.push(Warning {
            line: self.lines.line(offset),
            message: message.into(),
        });
    }

    /// The title: the first level-1 heading before any question, or a single top heading.
    fn find_title(&mut self, blocks: &[Block]) {
        let first_question = blocks
            .iter()
            .position(|b| self.starts_question(b))
            .unwrap_or(blocks.len());
        let headings: Vec<(usize, u8, &str)> = blocks
            .iter()
            .enumerate()
            .filter_map(|(i, b)| match &b.kind {
                Kind::Heading { level, text } => Some((i, *level, text.as_str())),
                _ => None,
            })
            .collect();
        if let Some((i, _, text)) = headings
            .iter()
            .find(|(i, level, _)| *level == 1 && *i < first_question)
        {
            if !looks_like_question(text) {
                self.title = Some(clean_question(text));
                self.title_block = Some(*i);
                return;
            }
        }
        if let Some(Kind::Html { h1: Some(h1), .. }) = blocks
            .iter()
            .take(first_question)
            .map(|b| &b.kind)
            .find(|k| matches!(k, Kind::Html { h1: Some(_), .. }))
        {
            self.title = Some(h1.clone());
            return;
        }
        let min = headings.iter().map(|h| h.1).min();
        if let Some(min) = min {
            let top: Vec<_> = headings.iter().filter(|h| h.1 == min).collect();
            if top.len() == 1 && top[0].0 < first_question && !looks_like_question(top[0].2) {
                self.title = Some(clean_question(top[0].2));
                self.title_block = Some(top[0].0);
            }
        }
    }

    /// Whether a block asks a question by itself (used to place the title).
    fn starts_question(&self, b: &Block) -> bool {
        match &b.kind {
            Kind::Heading { text, .. } => looks_like_question(text),
            Kind::Paragraph { bold_text, .. } => {
                bold_text.is_some()
                    || self
                        .text
                        .get(b.range.clone())
                        .and_then(|s| s.lines().next())
                        .is_some_and(|l| matches!(parse_label(l), Some((Label::Question, _))))
            }
            _ => false,
        }
    }

    fn section_path(&self) -> Vec<String> {
        self.sections.iter().map(|(_, s)| s.clone()).collect()
    }

    fn start(&mut self, question: String, at: usize, shape: Shape, level: Option<u8>) {
        self.close();
        self.open = Some(Open {
            question,
            question_at: at,
            answer: Vec::new(),
            context: Vec::new(),
            shape,
            level,
            section: self.section_path(),
            awaiting_answer: false,
        });
    }

    fn extend(&mut self, range: Range<usize>) {
        if let Some(open) = &mut self.open {
            // Between a question label and its answer label (code to read, a prompt): shown
            // with the question.
            let labelled = matches!(open.shape, Shape::LabelledPairs | Shape::QaLines);
            if open.awaiting_answer && labelled && !clean_question(&open.question).is_empty() {
                open.context.push(range);
                return;
            }
            open.awaiting_answer = false;
            open.answer.push(range);
        }
    }

    /// Finishes the open card, if any.
    fn close(&mut self) {
        let Some(mut open) = self.open.take() else {
            return;
        };
        // No answer label came after all: what followed the question is its answer.
        if open.answer.is_empty() && !open.context.is_empty() {
            open.answer = std::mem::take(&mut open.context);
        }
        let question = clean_question(&open.question);
        if question.is_empty() {
            self.warn(
                open.question_at,
                "a question label with no question; skipped",
            );
            return;
        }
        let mut parts: Vec<&str> = Vec::new();
        let mut end = open.question_at;
        for r in &open.answer {
            if let Some(s) = self.text.get(r.clone()) {
                let s = s.trim_matches(|c: char| c == '\n' || c == ' ' || c == '\t');
                if !s.is_empty() {
                    parts.push(s);
                    end = end.max(r.end.saturating_sub(1));
                }
            }
        }
        let answer = strip_answer_label(&parts.join("\n\n")).trim().to_string();
        let mut context_parts: Vec<&str> = Vec::new();
        for r in &open.context {
            if let Some(s) = self.text.get(r.clone()) {
                let s = s.trim_matches(|c: char| c == '\n' || c == ' ' || c == '\t');
                if !s.is_empty() {
                    context_parts.push(s);
                }
            }
        }
        let context = context_parts.join("\n\n");
        let plain = crate::render::plain_text(&answer);
        let unanswered = is_placeholder(&plain);
        if answer.is_empty() {
            self.warn(
                open.question_at,
                format!(
                    "\"{}\" has no answer; imported as unanswered",
                    short(&question)
                ),
            );
        } else if unanswered {
            self.warn(
                open.question_at,
                format!(
                    "\"{}\" has a placeholder answer (\"{}\"); imported as unanswered",
                    short(&question),
                    short(&plain)
                ),
            );
        }
        let line_start = self.lines.line(open.question_at);
        let line_end = self.lines.line(end).max(line_start).min(self.lines.count());
        self.cards.push(ParsedCard {
            question,
            context,
            answer,
            section: open.section,
            line_start,
            line_end,
            unanswered,
            shape: open.shape,
        });
    }

    fn block(&mut self, index: usize, block: &Block, blocks: &[Block]) {
        let range = block.range.clone();
        if let Details::Contents = self.details {
            if let Kind::Html {
                closes_details: true,
                ..
            } = block.kind
            {
                self.details = Details::None;
            }
            return;
        }
        match &block.kind {
            Kind::Heading { level, text } => self.heading(index, *level, text, range),
            Kind::Paragraph { bold_text, noise } => {
                if *noise {
                    return;
                }
                self.paragraph(range, bold_text.as_deref(), blocks.get(index + 1));
            }
            Kind::List { links_only } => {
                if *links_only && self.open.is_none() {
                    return;
                }
                let may_hold_questions = self.open.is_none()
                    || matches!(&self.open, Some(o) if o.shape == Shape::ListItems);
                if may_hold_questions && self.list_items(block) {
                    return;
                }
                if self.open.is_some() {
                    self.extend(range);
                }
            }
            Kind::Table { rows, links_only } => {
                if self.table(rows) {
                    return;
                }
                if self.open.is_some() && !*links_only {
                    self.extend(range);
                }
            }
            Kind::Html {
                summary,
                opens_details,
                closes_details,
                content,
                visible,
                ..
            } => self.html(
                range,
                summary.as_deref(),
                *opens_details,
                *closes_details,
                content.clone(),
                *visible,
                index,
                blocks,
            ),
            Kind::Code | Kind::Quote | Kind::Other => {
                if self.open.is_some() {
                    self.extend(range);
                }
            }
            Kind::Noise => {}
        }
    }

    fn heading(&mut self, index: usize, level: u8, text: &str, range: Range<usize>) {
        if self.title_block == Some(index) {
            return;
        }
        let inside_details = matches!(self.details, Details::Answer);
        if let Some(open) = &self.open {
            let deeper = open.level.is_some_and(|l| level > l);
            if inside_details || (is_answer_part(text) && (deeper || open.level.is_none())) {
                self.extend(range);
                return;
            }
            if deeper && !looks_like_question(text) {
                self.extend(range);
                return;
            }
        }
        if looks_like_question(text) {
            self.pop_sections(level);
            self.start(
                text.to_string(),
                range.start,
                Shape::HeadingQuestions,
                Some(level),
            );
            return;
        }
        self.close();
        self.pop_sections(level);
        self.sections.push((level, clean_question(text)));
    }

    fn pop_sections(&mut self, level: u8) {
        while self.sections.last().is_some_and(|(l, _)| *l >= level) {
            self.sections.pop();
        }
    }

    fn paragraph(&mut self, range: Range<usize>, bold: Option<&str>, next: Option<&Block>) {
        let source = self.text.get(range.clone()).unwrap_or("");
        // Labelled lines: `**Question:**`, `Q:`, `**Answer:**`, line by line.
        let mut offset = range.start;
        let mut labelled = false;
        let mut pending: Option<usize> = None; // start of unlabelled text to add to the answer
        for line in source.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            match parse_label(line) {
                Some((Label::Question, at)) => {
                    labelled = true;
                    if let Some(p) = pending.take() {
                        self.extend(p..line_start);
                    }
                    let shape = if line.trim_start().starts_with("**")
                        || line.trim_start().starts_with("__")
                    {
                        Shape::LabelledPairs
                    } else {
                        Shape::QaLines
                    };
                    self.start(line[at..].trim().to_string(), line_start, shape, None);
                    if let Some(open) = &mut self.open {
                        open.awaiting_answer = true;
                    }
                }
                Some((Label::Answer, at)) => {
                    labelled = true;
                    if let Some(p) = pending.take() {
                        self.extend(p..line_start);
                    }
                    match &mut self.open {
                        Some(open) if open.awaiting_answer || open.answer.is_empty() => {
                            open.awaiting_answer = false;
                            pending = Some(line_start + at);
                        }
                        Some(_) => {
                            // A second answer label: keep it as part of the same answer.
                            pending = Some(line_start + at);
                        }
                        None => {
                            self.warn(line_start, "an answer with no question before it; skipped")
                        }
                    }
                }
                None => {
                    if !labelled {
                        break;
                    }
                    match &mut self.open {
                        Some(open) if open.awaiting_answer && pending.is_none() => {
                            open.question.push(' ');
                            open.question.push_str(line.trim());
                        }
                        Some(_) if pending.is_none() => pending = Some(line_start),
                        _ => {}
                    }
                }
            }
        }
        if labelled {
            if let Some(p) = pending {
                self.extend(p..range.end);
            }
            return;
        }
        // A bold line that asks something, or a bold number before a prompt (`**1)** ...`).
        let numbered = numbered_prompt(source);
        let bold = bold.or(numbered.as_deref().map(|_| "1"));
        if let Some(bold) = bold {
            let numbered_prompt = bold_is_number(bold);
            if looks_like_question(bold) || numbered_prompt {
                let question = if let Some(q) = &numbered {
                    q.clone()
                } else if numbered_prompt {
                    inline_text(source)
                } else {
                    bold.to_string()
                };
                let in_details = matches!(self.details, Details::Answer);
                if !in_details {
                    let next_is_details = matches!(
                        next.map(|n| &n.kind),
                        Some(Kind::Html {
                            opens_details: true,
                            ..
                        })
                    );
                    let shape = if next_is_details {
                        Shape::Details
                    } else {
                        Shape::BoldLines
                    };
                    self.start(question, range.start, shape, None);
                    return;
                }
            }
        }
        // A labelled question whose text comes in the next paragraph.
        if let Some(open) = &mut self.open {
            if open.awaiting_answer && clean_question(&open.question).is_empty() {
                open.question = inline_text(source);
                return;
            }
        }
        if self.open.is_some() {
            self.extend(range);
        }
    }

    /// Ordered-list items that hold a question with the answer beneath. Returns whether the
    /// list was read as questions.
    fn list_items(&mut self, block: &Block) -> bool {
        let Kind::List { .. } = block.kind else {
            return false;
        };
        let mut found: Vec<(String, usize, Range<usize>)> = Vec::new();
        for item in &block.items {
            let Some(src) = self.text.get(item.clone()) else {
                continue;
            };
            let marker = list_marker_len(src);
            let body = &src[marker..];
            let first_len = body.find('\n').unwrap_or(body.len());
            let first = &body[..first_len];
            let rest_start = item.start + marker + first_len;
            let heading_like = first.trim_start().starts_with('#');
            let q = inline_text(first.trim_start().trim_start_matches('#'));
            let has_answer = self
                .text
                .get(rest_start..item.end)
                .is_some_and(|r| !r.trim().is_empty());
            if (heading_like || looks_like_question(&q)) && has_answer {
                found.push((q, item.start, rest_start..item.end));
            }
        }
        if found.is_empty() || found.len() * 2 < block.items.len() {
            return false;
        }
        for (question, at, answer) in found {
            self.start(question, at, Shape::ListItems, None);
            let indent = answer_indent(self.text.get(answer.clone()).unwrap_or(""));
            if let Some(open) = &mut self.open {
                open.answer.push(answer);
                open.level = None;
            }
            self.close_dedented(indent);
        }
        true
    }

    /// Closes a list-item card, taking the item's indentation off its answer.
    fn close_dedented(&mut self, indent: usize) {
        let before = self.cards.len();
        self.close();
        if indent == 0 {
            return;
        }
        if let Some(card) = self.cards.get_mut(before) {
            card.answer = card
                .answer
                .lines()
                .map(|l| {
                    let strip = l.len() - l.trim_start_matches(' ').len();
                    &l[strip.min(indent)..]
                })
                .collect::<Vec<_>>()
                .join("\n")
                .trim()
                .to_string();
            card.unanswered = is_placeholder(&crate::render::plain_text(&card.answer));
        }
    }

    /// A table whose header names a question and an answer column: one card per row.
    fn table(&mut self, rows: &[Vec<(String, Range<usize>)>]) -> bool {
        let Some(header) = rows.first() else {
            return false;
        };
        let find = |names: &[&str]| {
            header.iter().position(|(h, _)| {
                let h = trim_decoration(h).trim_end_matches(':').to_lowercase();
                names.contains(&h.as_str())
            })
        };
        let (Some(q), Some(a)) = (
            find(&["question", "questions", "q", "prompt", "interview question"]),
            find(&[
                "answer",
                "answers",
                "a",
                "response",
                "my answer",
                "sample answer",
            ]),
        ) else {
            return false;
        };
        self.close();
        for row in &rows[1..] {
            let (Some((question, qr)), Some((_, ar))) = (row.get(q), row.get(a)) else {
                continue;
            };
            if question.trim().is_empty() {
                continue;
            }
            self.start(question.clone(), qr.start, Shape::Table, None);
            self.extend(ar.clone());
            self.close();
        }
        true
    }

    #[allow(clippy::too_many_arguments)]
    fn html(
        &mut self,
        range: Range<usize>,
        summary: Option<&str>,
        opens: bool,
        closes: bool,
        content: Option<Range<usize>>,
        visible: bool,
        index: usize,
        blocks: &[Block],
    ) {
        if opens {
            match summary {
                Some(s) if is_contents_summary(s) => {
                    self.close();
                    self.details = if closes {
                        Details::None
                    } else {
                        Details::Contents
                    };
                    return;
                }
                Some(s) if is_answer_summary(s) || s.trim().is_empty() => {
                    // The question is the card already open, or the heading just before.
                    let open_fits = self.open.as_ref().is_some_and(|o| {
                        o.shape == Shape::HeadingQuestions
                            || o.shape == Shape::Details
                            || o.shape == Shape::BoldLines
                            || o.answer.len() <= 2
                    });
                    if open_fits {
                        if let Some(o) = &mut self.open {
                            o.shape = Shape::Details;
                            // What came before the answer block belongs to the question.
                            let before = std::mem::take(&mut o.answer);
                            o.context.extend(before);
                        }
                    } else if let Some((level, text, at, from)) = previous_heading(index, blocks) {
                        if self
                            .sections
                            .last()
                            .is_some_and(|(l, t)| *l == level && *t == clean_question(text))
                        {
                            self.sections.pop();
                        }
                        self.start(text.to_string(), at, Shape::Details, Some(level));
                        // What stood between the heading and the answer (code, a prompt)
                        // is shown with the question.
                        for b in &blocks[from + 1..index] {
                            if matches!(
                                b.kind,
                                Kind::Code
                                    | Kind::Paragraph { noise: false, .. }
                                    | Kind::List { .. }
                                    | Kind::Quote
                            ) {
                                if let Some(o) = &mut self.open {
                                    o.context.push(b.range.clone());
                                }
                            }
                        }
                    } else {
                        self.warn(
                            range.start,
                            "an answer block with no question before it; skipped",
                        );
                        self.details = if closes {
                            Details::None
                        } else {
                            Details::Contents
                        };
                        return;
                    }
                }
                Some(s) => {
                    self.start(s.to_string(), range.start, Shape::Details, None);
                }
                None => {
                    // <details> without a summary: its content belongs to whatever is open.
                }
            }
            if let Some(c) = content {
                self.extend(c);
            }
            if closes {
                self.details = Details::None;
                if summary.is_some() {
                    self.close();
                }
            } else if self.open.is_some() {
                self.details = Details::Answer;
            }
            return;
        }
        if closes {
            if let Some(c) = content {
                self.extend(c);
            }
            if matches!(self.details, Details::Answer) {
                self.details = Details::None;
                self.close();
            }
            return;
        }
        if visible && self.open.is_some() {
            self.extend(range);
        }
    }

    fn finish(self) -> ParsedDocument {
        let mut warnings = self.warnings;
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut cards = Vec::with_capacity(self.cards.len());
        let mut duplicates = 0;
        for card in self.cards {
            let key = normalize_question(&card.question);
            if key.is_empty() {
                warnings.push(Warning {
                    line: card.line_start,
                    message: "a question with no words; skipped".to_string(),
                });
                continue;
            }
            if let Some(first) = seen.get(&key) {
                duplicates += 1;
                warnings.push(Warning {
                    line: card.line_start,
                    message: format!(
                        "\"{}\" asked again (first at line {first}); kept the first",
                        short(&card.question)
                    ),
                });
                continue;
            }
            seen.insert(key, card.line_start);
            cards.push(card);
        }
        let mut counts: HashMap<Shape, usize> = HashMap::new();
        for c in &cards {
            *counts.entry(c.shape).or_default() += 1;
        }
        let mut shapes: Vec<(Shape, usize)> = counts.into_iter().collect();
        shapes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        warnings.sort_by_key(|w| w.line);
        ParsedDocument {
            title: self.title,
            cards,
            shapes,
            duplicates,
            warnings,
        }
    }
}

fn short(q: &str) -> String {
    if q.chars().count() <= 60 {
        q.to_string()
    } else {
        let mut s: String = q.chars().take(57).collect();
        s.push('…');
        s
    }
}

/// `**1)**`, `**2.**`: a bold number that starts a numbered prompt.
fn bold_is_number(bold: &str) -> bool {
    let t = bold.trim().trim_end_matches(['.', ')', ':']);
    !t.is_empty() && t.len() <= 4 && t.chars().all(|c| c.is_ascii_digit())
}

/// `**1)** The number of active ads.`: the prompt after a bold number.
fn numbered_prompt(source: &str) -> Option<String> {
    let s = source.trim_start();
    let marker = if s.starts_with("**") {
        "**"
    } else if s.starts_with("__") {
        "__"
    } else {
        return None;
    };
    let inner = &s[2..];
    let close = inner.find(marker)?;
    let bold = &inner[..close];
    let digits = bold.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 7 || !matches!(bold[digits..].chars().next(), Some('.' | ')')) {
        return None;
    }
    let text = clean_question(&inline_text(s));
    (!text.is_empty()).then_some(text)
}

/// An answer that starts with its own label ("#### Answer", "**Answer:**") loses it.
fn strip_answer_label(answer: &str) -> &str {
    let first_len = answer.find('\n').unwrap_or(answer.len());
    let first = answer[..first_len].trim();
    let heading = first.trim_start_matches('#').trim();
    if first.starts_with('#')
        && is_answer_part(heading)
        && heading.to_lowercase().starts_with("answer")
    {
        return answer[first_len..].trim_start();
    }
    if let Some((Label::Answer, at)) = parse_label(first) {
        if first[at..].trim().is_empty() {
            return answer[first_len..].trim_start();
        }
    }
    answer
}

fn list_marker_len(item: &str) -> usize {
    let lead = item.len() - item.trim_start().len();
    let s = &item[lead..];
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    let marker = if digits > 0 {
        digits + s[digits..].chars().next().map_or(0, |c| c.len_utf8())
    } else {
        s.chars().next().map_or(0, |c| c.len_utf8())
    };
    let after = &s[marker.min(s.len())..];
    let spaces = after.len() - after.trim_start_matches([' ', '\t']).len();
    (lead + marker + spaces).min(item.len())
}

fn answer_indent(answer: &str) -> usize {
    answer
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0)
}

/// The heading a label-only `<details>` answers, within a few blocks before it: its
/// level, text, offset and block index.
fn previous_heading(index: usize, blocks: &[Block]) -> Option<(u8, &str, usize, usize)> {
    for (i, b) in blocks[..index].iter().enumerate().rev().take(8) {
        match &b.kind {
            Kind::Heading { level, text } => {
                return Some((*level, text.as_str(), b.range.start, i))
            }
            Kind::Html {
                opens_details: true,
                ..
            }
            | Kind::Html {
                closes_details: true,
                ..
            } => return None,
            _ => continue,
        }
    }
    None
}

#[cfg(test)]
mod tests;
