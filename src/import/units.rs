//! The common block form, flattened: every block of a CommonMark document that could carry a
//! question (headings, list items, a paragraph's first line, labelled lines, `<details>`
//! summaries, table rows) or that is content or noise, with its source range.
//!
//! Every format reaches the importer as CommonMark (see `crate::document`), so this is the one
//! place that knows the shapes of blocks. Candidates carry a one-line plain text (what would be
//! the question) and where their own text ends (`head_end`): what follows is answer material.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::blocks::{find_ci, find_ci_until, html_details, is_noise_html, DetailsTag};
use super::text::{
    collapse, inline_text, is_answer_summary, is_contents_summary, parse_label, trim_decoration,
    Label,
};

/// How a line's question text is set off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Style {
    Plain,
    Bold,
    Italic,
    Code,
}

#[derive(Debug, Clone, PartialEq)]
pub enum UKind {
    Heading(u8),
    /// A list item; `list` tells items of one list from another's.
    Item {
        ordered: bool,
        list: usize,
    },
    /// The first line of a top-level paragraph (or a styled run that starts it).
    Line {
        style: Style,
        /// The whole paragraph is this one line.
        alone: bool,
    },
    /// `Q:` / `**Question:**`.
    QLabel,
    /// `A:` / `**Answer:**`; `head_end` is where the answer text begins.
    ALabel,
    /// `<details><summary>X</summary>` with X a real text.
    Summary,
    /// `<details>` whose summary only says "answer".
    AnswerToggle,
    /// `</details>`.
    DetailsClose,
    /// A table row whose header names question and answer columns; the answer cell's range.
    Row {
        answer: Range<usize>,
    },
    /// Anything else with something to show.
    Content,
    /// Badges, rules, comments, front matter, "back to top", tables of contents.
    Noise,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub kind: UKind,
    /// The question this unit would ask, one line of plain text.
    pub text: String,
    pub start: usize,
    /// Where the question text ends; answer material may start here.
    pub head_end: usize,
    /// End of the unit's own source (an item: the whole item, nested content included).
    pub end: usize,
    /// Lists around the unit; an item's own depth (0 = a top-level item).
    pub depth: u8,
    /// `<details>` blocks around it.
    pub details: u8,
    /// Inside a block quote.
    pub quoted: bool,
    /// A leading number ("3." or "**3)**") on the text.
    pub ordinal: Option<u64>,
}

impl Unit {
    pub fn is_candidate(&self) -> bool {
        !matches!(
            self.kind,
            UKind::Content
                | UKind::Noise
                | UKind::DetailsClose
                | UKind::ALabel
                | UKind::AnswerToggle
        )
    }
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
}

/// The length of YAML front matter (`---` lines) at the very start, if any.
fn front_matter(text: &str) -> Option<usize> {
    let rest = text.strip_prefix("---\n")?;
    let mut at = 4;
    for line in rest.split_inclusive('\n') {
        at += line.len();
        let t = line.trim_end();
        if t == "---" || t == "..." {
            return Some(at);
        }
        if at > 64 * 1024 {
            return None;
        }
    }
    None
}

/// A leading "3." / "3)" / "Q3." number: its value and the text after it.
pub fn leading_number(s: &str) -> Option<(u64, &str)> {
    let t = s.trim_start();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 6 {
        return None;
    }
    let rest = &t[digits..];
    // "14<TAB>Describe ...": a number and a tab, as spreadsheets and plain lists write it.
    if let Some(after) = rest.strip_prefix('\t') {
        return Some((t[..digits].parse().ok()?, after.trim_start()));
    }
    let mut chars = rest.chars();
    match chars.next() {
        Some('.' | ')' | ':') => {
            let after = chars.as_str();
            // "1. Why", and "1.Why" as people type it, but not "3.14".
            if after.is_empty()
                || after.starts_with([' ', '\t'])
                || after.starts_with(|c: char| !c.is_ascii_digit() && !c.is_whitespace())
            {
                Some((t[..digits].parse().ok()?, after.trim_start()))
            } else {
                None
            }
        }
        _ => None,
    }
}

struct ItemFrame {
    start: usize,
    depth: u8,
    ordered: bool,
    list: usize,
    ordinal: Option<u64>,
    /// Index of the unit pushed for it.
    unit: usize,
    head_done: bool,
}

struct Para {
    start: usize,
    /// Inline events with ranges, for the head split.
    inlines: Vec<(Event<'static>, Range<usize>)>,
}

/// The units of a CommonMark document, in source order.
pub fn collect(text: &str) -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    let mut lists: Vec<(bool, usize, Option<u64>)> = Vec::new(); // ordered, id, next number
    let mut list_ids = 0usize;
    let mut items: Vec<ItemFrame> = Vec::new();
    let mut quote = 0usize;
    let mut details = 0u8;
    let mut para: Option<Para> = None;
    let mut heading: Option<(u8, Range<usize>, String)> = None;
    let mut table: Option<TableAcc> = None;
    let mut skip_until: usize = 0; // inside a table of contents toggle
    let mut contents_depth: Option<u8> = None;
    let mut contents_start = 0usize;

    // Front matter is noise; the parser reads the rest (offsets stay those of `text`).
    let masked;
    let source = match front_matter(text) {
        Some(len) => {
            units.push(noise(0..len));
            masked = format!("{}{}", "\n".repeat(len), &text[len..]);
            masked.as_str()
        }
        None => text,
    };
    let parser = Parser::new_ext(source, options()).into_offset_iter();
    for (event, range) in parser {
        if range.start < skip_until {
            continue;
        }
        // Inside a table-of-contents toggle: only HTML blocks are read, to find its end.
        if contents_depth.is_some() && !matches!(event, Event::Start(Tag::HtmlBlock)) {
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                heading = Some((level as u8, range, String::new()));
            }
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, r, t)) = heading.take() {
                    let depth = items.last().map_or(0, |i| i.depth + 1);
                    let text = collapse(&t);
                    // A heading that opens a list item is that item's question.
                    if let Some(frame) = items.last_mut() {
                        if !frame.head_done {
                            frame.head_done = true;
                            let u = &mut units[frame.unit];
                            u.text = text;
                            u.head_end = r.end;
                            continue;
                        }
                    }
                    let (ordinal, text) = match leading_number(&text) {
                        Some((n, rest)) => (Some(n), rest.to_string()),
                        None => (None, text),
                    };
                    units.push(Unit {
                        kind: UKind::Heading(level),
                        text,
                        start: r.start,
                        head_end: r.end,
                        end: r.end,
                        depth,
                        details,
                        quoted: quote > 0,
                        ordinal,
                    });
                }
            }
            Event::Start(Tag::List(first)) => {
                close_tight_head(text, &mut items, &mut units, &mut para);
                list_ids += 1;
                lists.push((first.is_some(), list_ids, first));
            }
            Event::End(TagEnd::List(_)) => {
                lists.pop();
            }
            Event::Start(Tag::Item) => {
                let depth = (lists.len().max(1) - 1) as u8;
                let (ordered, list, number) = lists.last().copied().unwrap_or((false, 0, None));
                if let Some(l) = lists.last_mut() {
                    if let Some(n) = &mut l.2 {
                        *n += 1;
                    }
                }
                let unit = units.len();
                units.push(Unit {
                    kind: UKind::Item { ordered, list },
                    text: String::new(),
                    start: range.start,
                    head_end: range.start,
                    end: range.end,
                    depth,
                    details,
                    quoted: quote > 0,
                    ordinal: number,
                });
                items.push(ItemFrame {
                    start: range.start,
                    depth,
                    ordered,
                    list,
                    ordinal: number,
                    unit,
                    head_done: false,
                });
            }
            Event::End(TagEnd::Item) => {
                if let Some(frame) = items.pop() {
                    let _ = (frame.start, frame.ordered, frame.list, frame.ordinal);
                    if !frame.head_done {
                        // A tight item: its text came as inline events straight in the item.
                        finish_item_head(text, &mut units[frame.unit], para.take());
                    }
                }
            }
            Event::Start(Tag::Paragraph) => {
                para = Some(Para {
                    start: range.start,
                    inlines: Vec::new(),
                });
            }
            Event::End(TagEnd::Paragraph) => {
                let Some(p) = para.take() else { continue };
                if let Some(frame) = items.last_mut() {
                    if !frame.head_done {
                        frame.head_done = true;
                        let unit = frame.unit;
                        finish_item_head(text, &mut units[unit], Some(p));
                        continue;
                    }
                    // Further paragraphs inside an item are its content.
                    continue;
                }
                paragraph(text, p, range.end, quote > 0, details, &mut units);
            }
            Event::Start(Tag::BlockQuote(_)) => {
                quote += 1;
                if quote == 1 && items.is_empty() {
                    units.push(Unit {
                        quoted: true,
                        ..content(range, details)
                    });
                }
            }
            Event::End(TagEnd::BlockQuote(_)) => quote = quote.saturating_sub(1),
            Event::Start(Tag::CodeBlock(_)) => {
                close_tight_head(text, &mut items, &mut units, &mut para);
                if let Some(frame) = items.last_mut() {
                    frame.head_done = true;
                }
                if items.is_empty() && quote == 0 {
                    units.push(content(range.clone(), details));
                }
                skip_until = range.end;
            }
            Event::Start(Tag::Table(_)) => {
                table = Some(TableAcc {
                    start: range.start,
                    end: range.end,
                    rows: Vec::new(),
                    cell: None,
                });
            }
            Event::Start(Tag::TableHead) | Event::Start(Tag::TableRow) => {
                if let Some(t) = &mut table {
                    t.rows.push((range.start, Vec::new()));
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(t) = &mut table {
                    t.cell = Some((String::new(), range));
                }
            }
            Event::End(TagEnd::TableCell) => {
                if let Some(t) = &mut table {
                    if let (Some((s, r)), Some(row)) = (t.cell.take(), t.rows.last_mut()) {
                        row.1.push((collapse(&s), r));
                    }
                }
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    if items.is_empty() && quote == 0 {
                        table_units(t, details, &mut units);
                    }
                }
            }
            Event::Start(Tag::MetadataBlock(_)) => {
                units.push(noise(range.clone()));
                skip_until = range.end;
            }
            Event::Rule if items.is_empty() => {
                units.push(noise(range));
            }
            Event::Start(Tag::HtmlBlock) => {
                skip_until = range.end;
                let mut src = text.get(range.clone()).unwrap_or("");
                // A summary that runs past the block (blank lines inside it): read on to
                // its end.
                if let Some(s) = find_ci(src, "<summary", 0) {
                    if find_ci(src, "</summary>", s).is_none() {
                        let limit = (range.start + 8192).min(text.len());
                        if let Some(close) =
                            find_ci_until(text, "</summary>", range.start + s, limit)
                        {
                            let end = close + "</summary>".len();
                            src = &text[range.start..end];
                            skip_until = end;
                        }
                    }
                }
                let tags = html_details(src);
                if tags.is_empty() {
                    if contents_depth.is_some() {
                        continue;
                    }
                    if is_noise_html(src) {
                        units.push(noise(range));
                    } else if items.is_empty() {
                        units.push(content(range, details));
                    }
                    continue;
                }
                let mut covered = range.start;
                for tag in tags {
                    let at = range.start + tag.at;
                    if let Some(level) = contents_depth {
                        match tag.kind {
                            DetailsTag::Open { .. } => details += 1,
                            DetailsTag::Close => {
                                details = details.saturating_sub(1);
                                if details <= level {
                                    contents_depth = None;
                                    units.push(noise(contents_start..range.start + tag.end));
                                    covered = range.start + tag.end;
                                }
                            }
                        }
                        continue;
                    }
                    match tag.kind {
                        DetailsTag::Open {
                            summary,
                            summary_end,
                        } => {
                            let summary_text = summary.clone().unwrap_or_default();
                            if is_contents_summary(&summary_text) {
                                contents_depth = Some(details);
                                contents_start = at;
                                details += 1;
                                continue;
                            }
                            let kind = if summary.is_none()
                                || is_answer_summary(&summary_text)
                                || trim_decoration(&summary_text).is_empty()
                            {
                                UKind::AnswerToggle
                            } else {
                                UKind::Summary
                            };
                            let head_end = range.start + summary_end.unwrap_or(tag.end);
                            units.push(Unit {
                                kind,
                                text: collapse(&summary_text),
                                start: at,
                                head_end,
                                end: head_end,
                                depth: items.last().map_or(0, |i| i.depth + 1),
                                details,
                                quoted: quote > 0,
                                ordinal: None,
                            });
                            details += 1;
                        }
                        DetailsTag::Close => {
                            details = details.saturating_sub(1);
                            units.push(details_close(at..range.start + tag.end, details));
                        }
                    }
                    covered = range.start + tag.end;
                }
                let _ = covered;
            }
            Event::Html(h) if (heading.is_some() || para.is_some()) => {
                push_inline(&mut heading, &mut para, &mut table, Event::Html(h), range);
            }
            Event::End(TagEnd::HtmlBlock) => {}
            ev @ (Event::Text(_)
            | Event::Code(_)
            | Event::SoftBreak
            | Event::HardBreak
            | Event::InlineHtml(_)
            | Event::Start(Tag::Strong)
            | Event::End(TagEnd::Strong)
            | Event::Start(Tag::Emphasis)
            | Event::End(TagEnd::Emphasis)
            | Event::Start(Tag::Link { .. })
            | Event::End(TagEnd::Link)
            | Event::Start(Tag::Image { .. })
            | Event::End(TagEnd::Image)) => {
                // `</details>` at the end of a paragraph's last line closes the toggle.
                if let Event::InlineHtml(h) = &ev {
                    if h.to_ascii_lowercase().contains("</details") {
                        details = details.saturating_sub(1);
                        units.push(details_close(range.start..range.end, details));
                        continue;
                    }
                }
                if heading.is_none() && para.is_none() && table.is_none() {
                    // Text straight inside a tight list item.
                    if let Some(frame) = items.last() {
                        if !frame.head_done {
                            para = Some(Para {
                                start: range.start,
                                inlines: Vec::new(),
                            });
                        }
                    }
                }
                push_inline(&mut heading, &mut para, &mut table, ev, range);
            }
            _ => {}
        }
    }
    units.sort_by_key(|u| u.start);
    units
}

fn push_inline(
    heading: &mut Option<(u8, Range<usize>, String)>,
    para: &mut Option<Para>,
    table: &mut Option<TableAcc>,
    event: Event<'_>,
    range: Range<usize>,
) {
    if let Some(t) = table {
        if let Some((cell, _)) = &mut t.cell {
            match &event {
                Event::Text(s) => cell.push_str(s),
                Event::Code(s) => {
                    cell.push('`');
                    cell.push_str(s);
                    cell.push('`');
                }
                _ => {}
            }
        }
        return;
    }
    if let Some((_, _, t)) = heading {
        match &event {
            Event::Text(s) => t.push_str(s),
            Event::Code(s) => {
                t.push('`');
                t.push_str(s);
                t.push('`');
            }
            Event::SoftBreak | Event::HardBreak => t.push(' '),
            _ => {}
        }
        return;
    }
    if let Some(p) = para {
        // `<b>`, `<strong>`, `<i>`, `<em>` written as HTML style the text as markdown would.
        let event = match &event {
            Event::InlineHtml(h) | Event::Html(h) => {
                let t = h.trim().to_ascii_lowercase();
                let name: String = t
                    .trim_start_matches('<')
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '/')
                    .collect();
                match name.as_str() {
                    "b" | "strong" => Event::Start(Tag::Strong),
                    "/b" | "/strong" => Event::End(TagEnd::Strong),
                    "i" | "em" => Event::Start(Tag::Emphasis),
                    "/i" | "/em" => Event::End(TagEnd::Emphasis),
                    _ => event,
                }
            }
            _ => event,
        };
        p.inlines.push((event.into_static(), range));
    }
}

fn noise(range: Range<usize>) -> Unit {
    Unit {
        kind: UKind::Noise,
        text: String::new(),
        start: range.start,
        head_end: range.end,
        end: range.end,
        depth: 0,
        details: 0,
        quoted: false,
        ordinal: None,
    }
}

/// A `</details>` over `range`.
fn details_close(range: Range<usize>, details: u8) -> Unit {
    Unit {
        kind: UKind::DetailsClose,
        head_end: range.end,
        ..content(range, details)
    }
}

fn content(range: Range<usize>, details: u8) -> Unit {
    Unit {
        kind: UKind::Content,
        text: String::new(),
        start: range.start,
        head_end: range.start,
        end: range.end,
        depth: 0,
        details,
        quoted: false,
        ordinal: None,
    }
}

/// A table cell's text and source range.
type Cell = (String, Range<usize>);

struct TableAcc {
    start: usize,
    end: usize,
    rows: Vec<(usize, Vec<Cell>)>,
    cell: Option<(String, Range<usize>)>,
}

fn table_units(t: TableAcc, details: u8, units: &mut Vec<Unit>) {
    let header = t.rows.first().map(|r| &r.1);
    let find = |names: &[&str]| {
        header?.iter().position(|(h, _)| {
            let h = trim_decoration(h).trim_end_matches(':').to_lowercase();
            names.contains(&h.as_str())
        })
    };
    let q = find(&[
        "question",
        "questions",
        "q",
        "prompt",
        "interview question",
        "interview questions",
    ]);
    let a = find(&[
        "answer",
        "answers",
        "a",
        "response",
        "my answer",
        "sample answer",
        "notes",
        "my notes",
    ]);
    // No header names the columns: a two-column table whose first column mostly asks is a
    // question/answer table all the same (its header row too, when it asks).
    let (q, a, first_row) = match (q, a) {
        (Some(q), Some(a)) => (q, a, 1),
        _ => {
            let cols = t.rows.iter().map(|r| r.1.len()).max().unwrap_or(0);
            let asks: Vec<bool> = t
                .rows
                .iter()
                .map(|r| {
                    r.1.first()
                        .is_some_and(|(c, _)| super::questions::score(c) >= 0.6)
                })
                .collect();
            let body = asks.len().saturating_sub(1);
            let asking = asks.iter().skip(1).filter(|a| **a).count();
            if cols >= 2 && body >= 2 && asking * 10 >= body * 7 {
                (0, 1, if asks[0] { 0 } else { 1 })
            } else {
                units.push(content(t.start..t.end, details));
                return;
            }
        }
    };
    // A header row that does not itself ask is noise; the rows below are the questions.
    if first_row == 1 {
        units.push(noise(t.start..t.rows.get(1).map_or(t.end, |r| r.0)));
    }
    for (start, row) in t.rows.iter().skip(first_row) {
        let (Some((question, qr)), Some((_, ar))) = (row.get(q), row.get(a)) else {
            continue;
        };
        units.push(Unit {
            kind: UKind::Row { answer: ar.clone() },
            text: question.clone(),
            start: (*start).max(qr.start.min(*start)),
            head_end: qr.end,
            end: ar.end,
            depth: 0,
            details,
            quoted: false,
            ordinal: None,
        });
    }
}

/// Style of the run that opens a paragraph's inline events, and where it ends.
fn opening_run(inlines: &[(Event<'static>, Range<usize>)]) -> Option<(Style, usize, usize)> {
    let mut i = 0;
    // Skip leading breaks.
    while matches!(
        inlines.get(i),
        Some((Event::SoftBreak | Event::HardBreak, _))
    ) {
        i += 1;
    }
    let (first, r) = inlines.get(i)?;
    match first {
        Event::Code(_) => Some((Style::Code, r.end, i + 1)),
        Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => {
            let style = if matches!(first, Event::Start(Tag::Strong)) {
                Style::Bold
            } else {
                Style::Italic
            };
            let mut depth = 0i32;
            for (j, (e, r)) in inlines.iter().enumerate().skip(i) {
                match e {
                    Event::Start(Tag::Strong) | Event::Start(Tag::Emphasis) => depth += 1,
                    Event::End(TagEnd::Strong) | Event::End(TagEnd::Emphasis) => {
                        depth -= 1;
                        if depth == 0 {
                            return Some((style, r.end, j + 1));
                        }
                    }
                    _ => {}
                }
            }
            None
        }
        _ => None,
    }
}

fn is_br(e: &Event<'_>) -> bool {
    match e {
        Event::InlineHtml(h) | Event::Html(h) => {
            let t = h.trim().to_ascii_lowercase();
            t.starts_with("<br")
        }
        _ => false,
    }
}

/// Splits a paragraph's inline events into its head (first line, or the styled run that opens
/// it) and the rest. Returns the style, the head text, where the head ends, and whether the
/// paragraph is only the head.
fn split_head(text: &str, p: &Para, end: usize) -> (Style, String, usize, bool) {
    let inl = &p.inlines;
    let plain_of = |upto: usize| -> String {
        let mut s = String::new();
        for (e, _) in &inl[..upto] {
            match e {
                Event::Text(t) => s.push_str(t),
                Event::Code(t) => {
                    s.push('`');
                    s.push_str(t);
                    s.push('`');
                }
                Event::SoftBreak | Event::HardBreak => s.push(' '),
                e if is_br(e) => s.push(' '),
                _ => {}
            }
        }
        collapse(&s)
    };
    let rest_has_words = |from: usize| -> bool {
        inl[from..].iter().any(|(e, _)| match e {
            Event::Text(t) | Event::Code(t) => t.chars().any(|c| c.is_alphanumeric()),
            _ => false,
        })
    };
    if let Some((style, head_end, next)) = opening_run(inl) {
        // The styled run is the line when nothing follows it on its line, or when it asks.
        let after_on_line = inl[next..]
            .iter()
            .take_while(|(e, _)| !matches!(e, Event::SoftBreak | Event::HardBreak) && !is_br(e))
            .any(|(e, _)| match e {
                Event::Text(t) | Event::Code(t) => t.chars().any(|c| c.is_alphanumeric()),
                _ => true,
            });
        let mut head_text = plain_of(next);
        if style == Style::Code {
            head_text = head_text.trim_matches('`').to_string();
        }
        let asks = trim_decoration(&head_text).ends_with('?')
            || trim_decoration(&head_text).ends_with("?:")
            // "**Tell me about yourself.** I build ...": a styled prompt, then its answer.
            || (head_text.split_whitespace().count() >= 3
                && super::questions::score(&head_text) >= 0.7);
        if !after_on_line || asks {
            let alone = !rest_has_words(next);
            return (style, head_text, head_end, alone);
        }
        // `**1.** Prompt text` / `**1)**`: the number is styled, the prompt is the line.
        let styled = plain_of(next);
        let t = styled.trim().trim_end_matches(['.', ')', ':']);
        let number_only = !t.is_empty() && t.len() <= 6 && t.chars().all(|c| c.is_ascii_digit());
        // `**1) FizzBuzz.** Print numbers ...`: a numbered title in bold; the line is the prompt.
        if number_only || leading_number(&styled).is_some() {
            let line_end = first_break(inl, text, p.start, end);
            let upto = inl
                .iter()
                .position(|(_, r)| r.start >= line_end)
                .unwrap_or(inl.len());
            return (style, plain_of(upto), line_end, !rest_has_words(upto));
        }
    }
    let line_end = first_break(inl, text, p.start, end);
    let upto = inl
        .iter()
        .position(|(_, r)| r.start >= line_end)
        .unwrap_or(inl.len());
    (
        Style::Plain,
        plain_of(upto),
        line_end,
        !rest_has_words(upto),
    )
}

/// Where the first line of a paragraph ends: a line break or `<br>`.
fn first_break(
    inl: &[(Event<'static>, Range<usize>)],
    text: &str,
    start: usize,
    end: usize,
) -> usize {
    for (e, r) in inl {
        if matches!(e, Event::SoftBreak | Event::HardBreak) || is_br(e) {
            return r.start.max(start);
        }
    }
    let _ = text;
    end
}

/// A tight item's text ends where a nested block starts.
fn close_tight_head(
    text: &str,
    items: &mut [ItemFrame],
    units: &mut [Unit],
    para: &mut Option<Para>,
) {
    if let Some(frame) = items.last_mut() {
        if !frame.head_done && para.is_some() {
            frame.head_done = true;
            finish_item_head(text, &mut units[frame.unit], para.take());
        }
    }
}

fn finish_item_head(text: &str, unit: &mut Unit, p: Option<Para>) {
    let Some(p) = p else {
        // An item with no text of its own (a code block first).
        unit.head_end = unit.start;
        return;
    };
    // An item that is only a link is a table-of-contents entry, not a question.
    let mut in_link = 0i32;
    let mut outside = false;
    let mut links = 0;
    for (e, _) in &p.inlines {
        match e {
            Event::Start(Tag::Link { .. }) => {
                in_link += 1;
                links += 1;
            }
            Event::End(TagEnd::Link) => in_link -= 1,
            Event::Text(t) | Event::Code(t)
                if in_link == 0 && t.chars().any(|c| c.is_alphanumeric()) =>
            {
                outside = true;
            }
            _ => {}
        }
    }
    if links > 0 && !outside {
        unit.head_end = p.inlines.last().map_or(unit.start, |(_, r)| r.end);
        return;
    }
    let end = p.inlines.last().map_or(p.start, |(_, r)| r.end);
    let (_, head, head_end, _) = split_head(text, &p, end);
    let head = if let Some((n, rest)) = leading_number(&head) {
        unit.ordinal = unit.ordinal.or(Some(n));
        rest.to_string()
    } else {
        head
    };
    unit.text = head;
    unit.head_end = head_end;
}

/// A top-level paragraph: labelled lines each become a unit; otherwise its first line (or
/// the styled run opening it) is a candidate and the rest is content.
fn paragraph(text: &str, p: Para, end: usize, quoted: bool, details: u8, units: &mut Vec<Unit>) {
    let source = text.get(p.start..end).unwrap_or("");
    if quoted {
        return;
    }
    let noise_para = {
        let has_image = p
            .inlines
            .iter()
            .any(|(e, _)| matches!(e, Event::Start(Tag::Image { .. })));
        let mut in_link = 0;
        let mut outside = false;
        let mut links = 0;
        for (e, _) in &p.inlines {
            match e {
                Event::Start(Tag::Link { .. }) | Event::Start(Tag::Image { .. }) => {
                    in_link += 1;
                    links += 1
                }
                Event::End(TagEnd::Link) | Event::End(TagEnd::Image) => in_link -= 1,
                Event::Text(t) if in_link == 0 && t.chars().any(|c| c.is_alphanumeric()) => {
                    outside = true
                }
                _ => {}
            }
        }
        let lower = source.to_lowercase();
        (links > 0 && lower.contains("back to top"))
            || (has_image && !outside)
            || (links > 0 && !outside && lower.contains("top"))
    };
    if noise_para {
        units.push(noise(p.start..end));
        return;
    }
    // Labelled lines.
    if source
        .lines()
        .any(|l| parse_label(l).is_some_and(|(_, at)| at <= l.len()))
        && source
            .lines()
            .next()
            .is_some_and(|l| parse_label(l).is_some())
    {
        let mut offset = p.start;
        let mut last_q: Option<usize> = None;
        for line in source.split_inclusive('\n') {
            let line_start = offset;
            offset += line.len();
            match parse_label(line) {
                Some((Label::Question, at)) => {
                    // "**Q:** Why? **A:** Because." on one line: the answer label splits it.
                    let rest = &line[at..];
                    let split = [
                        " **A:**",
                        " **Answer:**",
                        " __A:__",
                        " A: ",
                        " Answer: ",
                        " **A**:",
                        " **Answer**:",
                    ]
                    .iter()
                    .filter_map(|l| rest.find(l).map(|p| (p, l.len())))
                    .min_by_key(|x| x.0)
                    .filter(|(p, _)| {
                        rest[..*p].trim_end().ends_with('?') || rest[..*p].contains('?')
                    });
                    let q_end = split.map_or(line.trim_end().len(), |(p, _)| at + p);
                    units.push(Unit {
                        kind: UKind::QLabel,
                        text: inline_text(line[at..q_end].trim()),
                        start: line_start,
                        head_end: line_start + q_end,
                        end: line_start + q_end,
                        depth: 0,
                        details,
                        quoted: false,
                        ordinal: None,
                    });
                    last_q = Some(units.len() - 1);
                    if let Some((p, len)) = split {
                        units.push(Unit {
                            kind: UKind::ALabel,
                            text: String::new(),
                            start: line_start + at + p,
                            head_end: line_start + at + p + len,
                            end: line_start + line.len(),
                            depth: 0,
                            details,
                            quoted: false,
                            ordinal: None,
                        });
                        last_q = None;
                    }
                }
                Some((Label::Answer, at)) => {
                    units.push(Unit {
                        kind: UKind::ALabel,
                        text: String::new(),
                        start: line_start,
                        head_end: line_start + at,
                        end: line_start + line.len(),
                        depth: 0,
                        details,
                        quoted: false,
                        ordinal: None,
                    });
                    last_q = None;
                }
                None => {
                    // Lines after a question label and before its answer label continue it.
                    if let Some(q) = last_q {
                        let u = &mut units[q];
                        if !u.text.is_empty() {
                            u.text.push(' ');
                        }
                        u.text.push_str(&inline_text(line.trim()));
                        u.head_end = line_start + line.trim_end().len();
                        u.end = u.head_end;
                    }
                }
            }
        }
        return;
    }
    let (style, head, head_end, alone) = split_head(text, &p, end);
    let (ordinal, head) = match leading_number(&head) {
        Some((n, rest)) => (Some(n), rest.to_string()),
        // "14<TAB>text": the tab is gone from the inline text, so read the source.
        None => match leading_number(source).filter(|_| {
            source
                .trim_start()
                .trim_start_matches(|c: char| c.is_ascii_digit())
                .starts_with('\t')
        }) {
            Some((n, _)) => (
                Some(n),
                head.trim_start()
                    .trim_start_matches(|c: char| c.is_ascii_digit())
                    .trim_start()
                    .to_string(),
            ),
            None => (None, head),
        },
    };
    units.push(Unit {
        kind: UKind::Line { style, alone },
        text: head,
        start: p.start,
        head_end: head_end.min(end),
        end,
        depth: 0,
        details,
        quoted: false,
        ordinal,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(md: &str) -> Vec<(UKind, String)> {
        collect(md).into_iter().map(|u| (u.kind, u.text)).collect()
    }

    #[test]
    fn styled_heads_and_breaks() {
        let k = kinds(
            "**Why do you want<br>this job?**<br>Because.\n\n`What is X?`\nIt is.\n\n*lonely*\n",
        );
        assert_eq!(k[0].1, "Why do you want this job?");
        assert!(matches!(
            k[0].0,
            UKind::Line {
                style: Style::Bold,
                alone: false
            }
        ));
        assert_eq!(k[1].1, "What is X?");
        assert!(matches!(
            k[1].0,
            UKind::Line {
                style: Style::Code,
                ..
            }
        ));
        assert!(matches!(
            k[2].0,
            UKind::Line {
                style: Style::Italic,
                alone: true
            }
        ));
    }

    #[test]
    fn items_and_numbers() {
        let u = collect("1. Why this company?\n\nBecause.\n\n3. Why you?\n   - nested\n");
        assert!(matches!(u[0].kind, UKind::Item { ordered: true, .. }));
        assert_eq!(u[0].text, "Why this company?");
        assert_eq!(u[0].ordinal, Some(1));
        assert_eq!(u[2].ordinal, Some(3));
        assert_eq!(u[3].depth, 1);
        assert_eq!(u[3].text, "nested");
    }

    #[test]
    fn labels_split_lines() {
        let u = collect("Q: What is\na mutex?\nA: A lock.\n");
        assert_eq!(u[0].kind, UKind::QLabel);
        assert_eq!(u[0].text, "What is a mutex?");
        assert_eq!(u[1].kind, UKind::ALabel);
    }
}

#[cfg(test)]
mod debug {
    #[test]
    #[ignore]
    fn dump() {
        let path = std::env::var("DUMP").unwrap();
        let bytes = std::fs::read(&path).unwrap();
        let text = crate::document::read(&bytes, std::path::Path::new(&path))
            .unwrap()
            .markdown;
        for u in super::collect(&text) {
            println!(
                "{:>6} {:>6} {:?} d{} t{} o{:?} q{:.2} {:?}",
                u.start,
                u.head_end,
                u.kind,
                u.depth,
                u.details,
                u.ordinal,
                crate::import::questions::score(&u.text),
                u.text.chars().take(70).collect::<String>()
            );
        }
    }
}
