//! Documents to cards: finds the questions in a document by evidence.
//!
//! Every format arrives as CommonMark (`crate::document` writes it for org, AsciiDoc, HTML,
//! DOCX and plain text). `units` flattens it into the blocks that could carry a question;
//! `carrier` scores each kind of block (headings of a level, list items at a depth, styled
//! lines, question lines, labels, toggles, table rows) on how many of its members read as
//! questions (`questions`, a fitted model) and whether answers follow them, and takes the
//! best, then reads what it leaves uncovered again. Answers are kept as the markdown source
//! between one question and the next. It knows nothing of decks, ids or storage, and never
//! panics on any input.

mod blocks;
pub mod carrier;
mod decode;
pub mod questions;
mod text;
mod units;

use std::collections::HashMap;

use serde::Serialize;

pub use carrier::Carrier;
pub use decode::{decode, DecodeError};
use text::{clean_question, is_answer_part, is_placeholder, parse_label, Label};
use units::{Style, UKind, Unit};

/// How a card's question was set off in its document.
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
    NumberedLines,
    ItalicLines,
    CodeLines,
    QuestionLines,
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
            Shape::NumberedLines => "numbered questions",
            Shape::ItalicLines => "italic-line questions",
            Shape::CodeLines => "code-styled questions",
            Shape::QuestionLines => "question lines",
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
    /// A question to ask the interviewer, not one to answer.
    pub ask: bool,
    pub shape: Shape,
    /// What makes this card this card: the normalised question, and the context shown with
    /// it when the same question is asked over different code or options.
    pub key: String,
}

/// Something skipped or doubtful, on a line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Warning {
    pub line: usize,
    pub message: String,
}

/// One way of reading a document's questions, with the cards it gives.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CarrierCount {
    /// What `--questions` takes to choose it.
    pub name: String,
    pub description: String,
    pub cards: usize,
}

/// What a document holds.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ParsedDocument {
    pub title: Option<String>,
    /// In document order; a repeated question appears once, where first asked.
    pub cards: Vec<ParsedCard>,
    /// Shapes recognised, with their card counts, most cards first.
    pub shapes: Vec<(Shape, usize)>,
    /// The carriers chosen, the main one first.
    pub carriers: Vec<CarrierCount>,
    /// Other readings and the cards each would give alone, best first.
    pub alternatives: Vec<CarrierCount>,
    /// Repeated questions merged into their first occurrence.
    pub duplicates: usize,
    pub warnings: Vec<Warning>,
}

impl ParsedDocument {
    /// Cards that are prep questions (not questions to ask the interviewer).
    pub fn prep_cards(&self) -> usize {
        self.cards.iter().filter(|c| !c.ask).count()
    }
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

/// The text of every block that could carry a question (for fitting the question model).
pub fn candidate_texts(markdown: &str) -> Vec<String> {
    units::collect(markdown)
        .into_iter()
        .filter(|u| u.is_candidate() && !u.text.is_empty())
        .map(|u| u.text)
        .collect()
}

/// Words of text in an HTML fragment (tags and comments left out).
pub fn words_in_html(html: &str) -> usize {
    blocks::strip_tags(html)
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// Whether a line starts with a number like "3." or "3)".
pub fn starts_numbered(line: &str) -> bool {
    units::leading_number(line).is_some()
}

/// Reads a plain-text document (as markdown, which keeps its paragraphs and lines).
pub fn parse_text(text: &str) -> ParsedDocument {
    parse_markdown(text)
}

/// Reads a markdown document, choosing how it carries its questions.
pub fn parse_markdown(text: &str) -> ParsedDocument {
    parse_with(text, None)
}

/// Reads a document of any format (already in the common form); card lines point at the
/// original file's lines where the format keeps them.
pub fn parse_source(source: &crate::document::Source, forced: Option<Carrier>) -> ParsedDocument {
    let mut doc = parse_with(&source.markdown, forced);
    if source.line_map.is_some() {
        for c in &mut doc.cards {
            c.line_start = source.original_line(c.line_start);
            c.line_end = source.original_line(c.line_end).max(c.line_start);
        }
        for w in &mut doc.warnings {
            if w.line > 0 {
                w.line = source.original_line(w.line);
            }
        }
    }
    let mut warnings = source.warnings.clone();
    warnings.append(&mut doc.warnings);
    doc.warnings = warnings;
    doc
}

/// Reads a markdown document; `forced` takes one carrier for the whole document.
pub fn parse_with(text: &str, forced: Option<Carrier>) -> ParsedDocument {
    let lines = LineIndex::new(text);
    let units = units::collect(text);
    let title = find_title(&units);
    let mut view = carrier::View::new(text, &units, title);
    view.forced = forced;
    let (picks, ranked) = carrier::choose(&view, forced);

    let mut members: Vec<(usize, Carrier)> = picks
        .iter()
        .flat_map(|p| p.members.iter().map(move |&m| (m, p.carrier)))
        .collect();
    members.sort_by_key(|(m, _)| units[*m].start);
    members.dedup_by_key(|(m, _)| *m);
    let stops: Vec<usize> = members.iter().map(|(m, _)| units[*m].start).collect();

    let mut warnings = Vec::new();
    let first_start = stops.first().copied().unwrap_or(text.len());
    for u in &units {
        if u.kind == UKind::ALabel && u.start < first_start {
            warnings.push(Warning {
                line: lines.line(u.start),
                message: "an answer with no question before it; skipped".into(),
            });
        }
    }

    let mut sections = sections_of(&view, &members);
    // A document titled "Questions to ask the interviewer" asks them all.
    if title.is_some_and(|t| carrier::is_ask_marker(&units[t].text)) {
        for s in &mut sections {
            s.1 = true;
        }
    }
    let mut cards = Vec::with_capacity(members.len());
    for (idx, &(m, c)) in members.iter().enumerate() {
        let u = &units[m];
        let end = carrier::answer_end(&view, c, m, &stops);
        let mut question_text = u.text.clone();
        let mut head_end = u.head_end;
        // `**Question:**` alone on its line: the question is the text after it.
        if u.kind == UKind::QLabel && clean_question(&question_text).is_empty() {
            if let Some(next) = units[m + 1..]
                .iter()
                .find(|v| v.start >= u.head_end && v.kind != UKind::Noise)
            {
                if next.start < end && matches!(next.kind, UKind::Line { .. }) {
                    question_text = next.text.clone();
                    head_end = next.head_end;
                }
            }
        }
        let question = clean_question(&question_text);
        if question.is_empty() {
            warnings.push(Warning {
                line: lines.line(u.start),
                message: "a question label with no question; skipped".into(),
            });
            continue;
        }
        let (context, answer, via_toggle) = assemble(&view, text, &units, m, head_end, end);
        let answer = strip_repeated_question(&answer, &question);
        let (section, ask) = sections[idx].clone();
        // Placeholders are short: a long answer is an answer, without rendering it.
        let plain = if answer.len() <= 200 {
            crate::render::plain_text(&answer)
        } else {
            String::new()
        };
        let unanswered =
            !ask && (answer.trim().is_empty() || answer.len() <= 200 && is_placeholder(&plain));
        if !ask {
            if answer.trim().is_empty() {
                warnings.push(Warning {
                    line: lines.line(u.start),
                    message: format!(
                        "\"{}\" has no answer; imported as unanswered",
                        short(&question)
                    ),
                });
            } else if unanswered {
                warnings.push(Warning {
                    line: lines.line(u.start),
                    message: format!(
                        "\"{}\" has a placeholder answer (\"{}\"); imported as unanswered",
                        short(&question),
                        short(&plain)
                    ),
                });
            }
        }
        let line_start = lines.line(u.start);
        let last = text[..end.min(text.len())]
            .trim_end()
            .len()
            .saturating_sub(1);
        let line_end = lines.line(last).max(line_start).min(lines.count());
        cards.push(ParsedCard {
            question,
            context,
            answer,
            section,
            line_start,
            line_end,
            unanswered,
            ask,
            shape: shape_of(c, u, via_toggle, text),
            key: String::new(),
        });
    }

    let doc = finish(
        title.map(|t| clean_question(&units[t].text)),
        cards,
        warnings,
    );
    let mut doc = doc;
    doc.carriers = picks
        .iter()
        .map(|p| CarrierCount {
            name: p.carrier.name(),
            description: p.carrier.describe(numbered(&units, &p.members)),
            cards: {
                let starts: std::collections::HashSet<usize> = p
                    .members
                    .iter()
                    .map(|&m| lines.line(units[m].start))
                    .collect();
                doc.cards
                    .iter()
                    .filter(|c| starts.contains(&c.line_start))
                    .count()
            },
        })
        .collect();
    doc.alternatives = ranked
        .iter()
        .filter(|r| !picks.iter().any(|p| p.carrier == r.carrier))
        .filter(|r| r.score > 0.0)
        .take(4)
        .map(|r| CarrierCount {
            name: r.carrier.name(),
            description: r.carrier.describe(numbered(&units, &r.members)),
            cards: r.members.len(),
        })
        .collect();
    if forced.is_none() {
        if let (Some(best), Some(alt)) = (
            picks.first(),
            ranked.iter().find(|r| {
                picks.first().is_some_and(|p| p.carrier != r.carrier)
                    && r.members.len() != picks[0].members.len()
            }),
        ) {
            if alt.score > 0.0 && alt.score >= best.score * 0.9 {
                doc.warnings.insert(
                    0,
                    Warning {
                        line: 0,
                        message: format!(
                            "doubtful: {} ({} cards) reads almost as well as {} ({} cards); \
                             choose with --questions {}",
                            alt.carrier.describe(numbered(&units, &alt.members)),
                            alt.members.len(),
                            best.carrier.describe(numbered(&units, &best.members)),
                            best.members.len(),
                            alt.carrier.name()
                        ),
                    },
                );
            }
        }
    }
    doc
}

fn numbered(units: &[Unit], members: &[usize]) -> bool {
    let n = members
        .iter()
        .filter(|&&m| units[m].ordinal.is_some())
        .count();
    n * 2 > members.len()
}

fn shape_of(c: Carrier, u: &Unit, via_toggle: bool, text: &str) -> Shape {
    if via_toggle && !matches!(c, Carrier::Labels) {
        return Shape::Details;
    }
    match c {
        Carrier::Headings(_) => Shape::HeadingQuestions,
        Carrier::List(_) => {
            if matches!(u.kind, UKind::Item { ordered: true, .. }) {
                Shape::NumberedLines
            } else {
                Shape::ListItems
            }
        }
        Carrier::Styled(carrier::StyleKey::Bold) => Shape::BoldLines,
        Carrier::Styled(carrier::StyleKey::Italic) => Shape::ItalicLines,
        Carrier::Styled(carrier::StyleKey::Code) => Shape::CodeLines,
        Carrier::Lines => {
            if u.ordinal.is_some() {
                Shape::NumberedLines
            } else {
                Shape::QuestionLines
            }
        }
        Carrier::Labels => {
            let line = text.get(u.start..u.head_end).unwrap_or("").trim_start();
            if line.starts_with("**") || line.starts_with("__") {
                Shape::LabelledPairs
            } else {
                Shape::QaLines
            }
        }
        Carrier::Toggles => Shape::Details,
        Carrier::Table => Shape::Table,
    }
}

/// The title: the first level-1 heading before any question, or a single top heading.
fn find_title(units: &[Unit]) -> Option<usize> {
    let first_question = units
        .iter()
        .position(|u| {
            u.is_candidate() && !matches!(u.kind, UKind::Heading(_)) && {
                let t = text::trim_decoration(&u.text);
                t.ends_with('?') || u.kind == UKind::QLabel
            }
        })
        .unwrap_or(units.len());
    let headings: Vec<(usize, u8)> = units
        .iter()
        .enumerate()
        .filter_map(|(i, u)| match u.kind {
            UKind::Heading(l) if u.depth == 0 && !u.quoted => Some((i, l)),
            _ => None,
        })
        .collect();
    // A title may read like a prompt ("Reverse interview"); only asking outright makes it a
    // question.
    let reads_as_question = |i: usize| {
        let t = text::trim_decoration(&units[i].text);
        t.ends_with('?') || matches!(parse_label(t), Some((Label::Question, _)))
    };
    if let Some(&(i, _)) = headings
        .iter()
        .find(|(i, l)| *l == 1 && *i < first_question)
    {
        if !reads_as_question(i) && headings.first().map(|h| h.0) == Some(i) {
            return Some(i);
        }
    }
    let min = headings.iter().map(|h| h.1).min()?;
    let top: Vec<_> = headings.iter().filter(|h| h.1 == min).collect();
    if top.len() == 1
        && top[0].0 < first_question
        && headings.first().map(|h| h.0) == Some(top[0].0)
        && !reads_as_question(top[0].0)
    {
        return Some(top[0].0);
    }
    None
}

/// Each member's section path (the headings above it that are not questions) and whether it
/// sits under "questions to ask the interviewer".
fn sections_of(view: &carrier::View<'_>, members: &[(usize, Carrier)]) -> Vec<(Vec<String>, bool)> {
    let units = view.units;
    let member_set: HashMap<usize, Carrier> = members.iter().copied().collect();
    let mut stack: Vec<(u8, String)> = Vec::new();
    let mut ask_line = false;
    let mut items: Vec<(u8, String)> = Vec::new();
    let mut out = Vec::with_capacity(members.len());
    for (i, u) in units.iter().enumerate() {
        let is_member = member_set.contains_key(&i);
        match &u.kind {
            UKind::Heading(l) if Some(i) != view.title && !u.quoted => {
                let text = clean_question(&u.text);
                if is_member {
                    while stack.last().is_some_and(|(m, _)| m >= l) {
                        stack.pop();
                    }
                } else if !is_answer_part(&text) {
                    while stack.last().is_some_and(|(m, _)| m >= l) {
                        stack.pop();
                    }
                    stack.push((*l, text));
                    ask_line = false;
                }
            }
            UKind::Line { alone: true, .. } if !is_member && carrier::is_ask_marker(&u.text) => {
                ask_line = true;
            }
            UKind::Item { .. } if !is_member => {
                while items.last().is_some_and(|(d, _)| *d >= u.depth) {
                    items.pop();
                }
                items.push((u.depth, clean_question(&u.text)));
                if carrier::is_ask_marker(&u.text) {
                    ask_line = true;
                }
            }
            _ => {}
        }
        if let Some(c) = member_set.get(&i) {
            let mut path: Vec<String> = stack.iter().map(|(_, s)| s.clone()).collect();
            if let Carrier::List(d) = c {
                while items.last().is_some_and(|(e, _)| *e >= *d) {
                    items.pop();
                }
                if let Some((_, parent)) = items.last() {
                    if *d > 0 && !parent.is_empty() {
                        path.push(parent.clone());
                    }
                }
            }
            let ask = ask_line || path.iter().any(|s| carrier::is_ask_marker(s));
            path.retain(|s| !s.is_empty());
            out.push((path, ask));
        }
    }
    out
}

/// The context shown with a question and its answer, from the source between the question
/// and where its answer ends; and whether the answer sat in an answer toggle.
fn assemble(
    view: &carrier::View<'_>,
    text: &str,
    units: &[Unit],
    m: usize,
    head_end: usize,
    end: usize,
) -> (String, String, bool) {
    let u = &units[m];
    if let UKind::Row { answer } = &u.kind {
        let a = text.get(answer.clone()).unwrap_or("").trim().to_string();
        return (String::new(), a, false);
    }
    // An answer toggle or an answer label splits what is shown with the question from the
    // answer.
    let split = units[m + 1..]
        .iter()
        .skip_while(|v| v.start < head_end)
        .take_while(|v| v.start < end)
        .find(|v| matches!(v.kind, UKind::AnswerToggle | UKind::ALabel));
    let (context, answer_start, via_toggle) = match split {
        Some(v) => (
            piece(view, u, head_end, v.start),
            v.head_end,
            v.kind == UKind::AnswerToggle,
        ),
        None => (String::new(), head_end, false),
    };
    let answer = piece(view, u, answer_start, end);
    let answer = strip_answer_label(&answer).trim().to_string();
    // Whatever stood before an answer label in a labelled pair that has no answer label
    // comes to the answer.
    (context.trim().to_string(), answer, via_toggle)
}

/// The markdown between two offsets, without noise, toggle tags, or the indentation of the
/// list item it sits in.
fn piece(view: &carrier::View<'_>, owner: &Unit, from: usize, to: usize) -> String {
    if from >= to {
        return String::new();
    }
    let out = view.without_noise(from, to);
    let out = strip_toggle_tags(&out);
    let out = out
        .trim_start_matches([' ', '\t'])
        .trim_start_matches("<br>")
        .trim_start_matches("<br/>")
        .trim_start_matches("<br />");
    let out = if matches!(owner.kind, UKind::Item { .. }) {
        dedent(out)
    } else {
        out.to_string()
    };
    collapse_blank_lines(out.trim_matches(|c: char| c == '\n' || c == ' ' || c == '\t'))
}

/// Removes `<details>`, `</details>`, `<summary>…</summary>` and the `<p>` wrappers around
/// toggle content, keeping what they held.
fn strip_toggle_tags(s: &str) -> String {
    if !s.contains('<') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while let Some(p) = s[i..].find('<').map(|p| p + i) {
        out.push_str(&s[i..p]);
        let rest = &s[p..];
        let lower_starts = |t: &str| {
            rest.len() >= t.len() && rest.as_bytes()[..t.len()].eq_ignore_ascii_case(t.as_bytes())
        };
        let close = rest.find('>').map(|e| p + e + 1);
        if lower_starts("<summary") {
            let end = blocks::find_ci(s, "</summary>", p)
                .map(|e| e + 10)
                .or(close);
            i = end.unwrap_or(s.len());
            continue;
        }
        if lower_starts("<details") || lower_starts("</details") || lower_starts("</summary") {
            i = close.unwrap_or(s.len());
            continue;
        }
        out.push('<');
        i = p + 1;
    }
    out.push_str(&s[i..]);
    out
}

fn collapse_blank_lines(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut blanks = 0;
    let mut in_fence = false;
    for line in s.split('\n') {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            in_fence = !in_fence;
        }
        if line.trim().is_empty() && !in_fence {
            blanks += 1;
            if blanks > 1 {
                continue;
            }
        } else {
            blanks = 0;
        }
        out.push_str(line.trim_end_matches([' ', '\t']).trim_end_matches('\r'));
        out.push('\n');
    }
    out.pop();
    out
}

/// Takes the common indentation off every line after the first.
fn dedent(s: &str) -> String {
    let mut lines = s.split('\n');
    let first = lines.next().unwrap_or("");
    let rest: Vec<&str> = lines.collect();
    let indent = rest
        .iter()
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.len() - l.trim_start_matches(' ').len())
        .min()
        .unwrap_or(0);
    let mut out = first.to_string();
    for l in rest {
        out.push('\n');
        let strip = (l.len() - l.trim_start_matches(' ').len()).min(indent);
        out.push_str(&l[strip..]);
    }
    out
}

/// A toggle that repeats its question as a heading inside: the heading goes.
fn strip_repeated_question(answer: &str, question: &str) -> String {
    let first_len = answer.find('\n').unwrap_or(answer.len());
    let first = answer[..first_len].trim();
    if !(first.starts_with('#') || first.starts_with("**")) || first.len() > question.len() * 2 + 16
    {
        return answer.to_string();
    }
    let cleaned = first.trim_start_matches('#').trim();
    let cleaned = cleaned.trim_matches('*').trim();
    if !cleaned.is_empty() && normalize_question(cleaned) == normalize_question(question) {
        return answer[first_len..].trim_start().to_string();
    }
    answer.to_string()
}

/// Dedupes (by question and, for questions asked over different code, the context) and
/// counts shapes.
fn finish(
    title: Option<String>,
    cards: Vec<ParsedCard>,
    mut warnings: Vec<Warning>,
) -> ParsedDocument {
    let normalized: Vec<String> = cards
        .iter()
        .map(|c| normalize_question(&c.question))
        .collect();
    let mut by_question: HashMap<&str, usize> = HashMap::with_capacity(cards.len());
    for q in &normalized {
        *by_question.entry(q.as_str()).or_default() += 1;
    }
    // Key -> (line, index in `out`) of the card first asked.
    let mut seen: HashMap<String, (usize, usize)> = HashMap::with_capacity(cards.len());
    let mut out = Vec::with_capacity(cards.len());
    let mut duplicates = 0;
    for (mut card, q) in cards.into_iter().zip(normalized.iter()) {
        let q = q.clone();
        if q.is_empty() {
            warnings.push(Warning {
                line: card.line_start,
                message: "a question with no words; skipped".to_string(),
            });
            continue;
        }
        let repeated = by_question.get(q.as_str()).copied().unwrap_or(0) > 1;
        let with = if repeated && !card.context.is_empty() {
            normalize_question(&card.context)
        } else if repeated && !card.answer.is_empty() && same_title_quiz(&card) {
            normalize_question(&card.answer)
        } else {
            String::new()
        };
        card.key = if with.is_empty() {
            q.clone()
        } else {
            format!("{q} #{:08x}", fnv(&with))
        };
        // The same question under another heading with another answer ("What went well?"
        // for each of two projects, "Why this company?" for each of two companies) is another
        // card; asked again with the same answer, or in the same place, it is a repeat.
        if let Some(&(_, first)) = seen.get(&card.key) {
            let earlier: &ParsedCard = &out[first];
            if earlier.section != card.section
                && normalize_question(&earlier.answer) != normalize_question(&card.answer)
            {
                let place = normalize_question(&card.section.join(" "));
                let mut key = format!("{} @{place}", card.key);
                let mut n = 2;
                while seen.contains_key(&key) {
                    key = format!("{} @{place} {n}", card.key);
                    n += 1;
                }
                card.key = key;
            }
        }
        if let Some((first, _)) = seen.get(&card.key) {
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
        seen.insert(card.key.clone(), (card.line_start, out.len()));
        out.push(card);
    }
    let mut counts: HashMap<Shape, usize> = HashMap::new();
    for c in &out {
        *counts.entry(c.shape).or_default() += 1;
    }
    let mut shapes: Vec<(Shape, usize)> = counts.into_iter().collect();
    shapes.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    warnings.sort_by_key(|w| w.line);
    ParsedDocument {
        title,
        cards: out,
        shapes,
        carriers: Vec::new(),
        alternatives: Vec::new(),
        duplicates,
        warnings,
    }
}

/// A generic quiz title ("What's the output?") whose answer starts with code: the code is
/// what tells one from another.
fn same_title_quiz(card: &ParsedCard) -> bool {
    let a = card.answer.trim_start();
    a.starts_with("```") || a.starts_with("~~~") || a.starts_with("    ")
}

fn fnv(s: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in s.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h
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

fn short(q: &str) -> String {
    if q.chars().count() <= 60 {
        q.to_string()
    } else {
        let mut s: String = q.chars().take(57).collect();
        s.push('…');
        s
    }
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

#[allow(dead_code)]
fn _style_used(s: Style) -> Style {
    s
}

#[cfg(test)]
mod tests;
