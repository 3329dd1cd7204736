//! Top-level blocks of a markdown document, with what the importer needs to know of each.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::text::{collapse, is_decoration};

#[derive(Debug, Clone)]
pub enum Kind {
    Heading {
        level: u8,
        text: String,
    },
    Paragraph {
        /// The text when the whole paragraph is bold (a bold-line question candidate).
        bold_text: Option<String>,
        /// Badges (images only) and "back to top" links.
        noise: bool,
    },
    List {
        /// Every item is only links: a table of contents.
        links_only: bool,
    },
    Table {
        /// Cell text and source range, header row first.
        rows: Vec<Vec<(String, Range<usize>)>>,
        links_only: bool,
    },
    Html {
        summary: Option<String>,
        opens_details: bool,
        closes_details: bool,
        /// Markdown inside a `<details>` block that shares its HTML block.
        content: Option<Range<usize>>,
        /// Has something to show (not only comments and line breaks).
        visible: bool,
        h1: Option<String>,
    },
    Code,
    Quote,
    Other,
    Noise,
}

#[derive(Debug, Clone)]
pub struct Block {
    pub kind: Kind,
    pub range: Range<usize>,
    /// Source ranges of a list's items.
    pub items: Vec<Range<usize>>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
}

fn has_words(s: &str) -> bool {
    s.chars()
        .any(|c| !c.is_whitespace() && !is_decoration(c) && !c.is_ascii_punctuation())
}

/// State gathered while inside one top-level block.
#[derive(Default)]
struct Acc {
    text: String,
    bold: String,
    outside_bold: bool,
    outside_links: bool,
    links: usize,
    images: usize,
    strong: usize,
    link_depth: usize,
    items: Vec<Range<usize>>,
    rows: Vec<Vec<(String, Range<usize>)>>,
    cell: Option<(String, Range<usize>)>,
}

pub fn collect(text: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut depth = 0usize;
    let mut current: Option<(Tag<'_>, Range<usize>)> = None;
    let mut acc = Acc::default();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if depth == 0 {
                    current = Some((tag.clone(), range.clone()));
                    acc = Acc::default();
                } else {
                    match &tag {
                        Tag::Strong => acc.strong += 1,
                        Tag::Link { .. } => {
                            acc.link_depth += 1;
                            acc.links += 1;
                        }
                        Tag::Image { .. } => {
                            acc.link_depth += 1;
                            acc.images += 1;
                        }
                        Tag::Item if depth == 1 => acc.items.push(range.clone()),
                        Tag::TableCell => acc.cell = Some((String::new(), range.clone())),
                        Tag::TableHead | Tag::TableRow => acc.rows.push(Vec::new()),
                        _ => {}
                    }
                }
                depth += 1;
            }
            Event::End(end) => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    if let Some((tag, r)) = current.take() {
                        blocks.push(finish(text, tag, r, std::mem::take(&mut acc)));
                    }
                } else {
                    match end {
                        TagEnd::Strong => acc.strong = acc.strong.saturating_sub(1),
                        TagEnd::Link | TagEnd::Image => {
                            acc.link_depth = acc.link_depth.saturating_sub(1)
                        }
                        TagEnd::TableCell => {
                            if let (Some((t, r)), Some(row)) =
                                (acc.cell.take(), acc.rows.last_mut())
                            {
                                row.push((collapse(&t), r));
                            }
                        }
                        _ => {}
                    }
                }
            }
            Event::Text(ref t) | Event::Code(ref t) => {
                if depth == 0 {
                    blocks.push(Block {
                        kind: Kind::Other,
                        range,
                        items: Vec::new(),
                    });
                    continue;
                }
                let is_code = matches!(event, Event::Code(_));
                let piece = if is_code {
                    format!("`{t}`")
                } else {
                    t.to_string()
                };
                if let Some((cell, _)) = &mut acc.cell {
                    cell.push_str(&piece);
                }
                if acc.strong > 0 {
                    acc.bold.push_str(&piece);
                } else if has_words(&piece) {
                    acc.outside_bold = true;
                }
                if acc.link_depth == 0 && has_words(&piece) {
                    acc.outside_links = true;
                }
                acc.text.push_str(&piece);
            }
            Event::SoftBreak | Event::HardBreak => {
                acc.text.push(' ');
                if acc.strong > 0 {
                    acc.bold.push(' ');
                }
            }
            Event::Rule if depth == 0 => blocks.push(Block {
                kind: Kind::Noise,
                range,
                items: Vec::new(),
            }),
            Event::Html(_) if depth == 0 => {
                blocks.push(html_block(text, range));
            }
            _ => {}
        }
    }
    blocks
}

fn finish(text: &str, tag: Tag<'_>, range: Range<usize>, acc: Acc) -> Block {
    let kind = match tag {
        Tag::Heading { level, .. } => Kind::Heading {
            level: level as u8,
            text: collapse(&acc.text),
        },
        Tag::Paragraph => {
            let lower = acc.text.to_lowercase();
            let back_to_top = acc.links > 0 && lower.contains("back to top");
            let badges = acc.images > 0 && !acc.outside_links;
            let bold = collapse(&acc.bold);
            Kind::Paragraph {
                bold_text: (!acc.outside_bold && has_words(&bold)).then_some(bold),
                noise: back_to_top || badges,
            }
        }
        Tag::List(_) => Kind::List {
            links_only: acc.links > 0 && !acc.outside_links,
        },
        Tag::Table(_) => Kind::Table {
            rows: acc.rows,
            links_only: acc.links > 0 && !acc.outside_links,
        },
        Tag::HtmlBlock => return html_block(text, range),
        Tag::CodeBlock(_) => Kind::Code,
        Tag::BlockQuote(_) => Kind::Quote,
        Tag::MetadataBlock(_) => Kind::Noise,
        _ => Kind::Other,
    };
    Block {
        kind,
        range,
        items: acc.items,
    }
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    // ASCII lowercase keeps byte offsets intact.
    hay.to_ascii_lowercase().find(needle)
}

/// Text with tags and comments removed, entities for the common characters decoded.
fn strip_tags(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let after = &rest[lt..];
        let end = if after.starts_with("<!--") {
            after.find("-->").map(|i| i + 3)
        } else {
            after.find('>').map(|i| i + 1)
        };
        match end {
            Some(e) => rest = &after[e..],
            None => {
                rest = "";
            }
        }
    }
    out.push_str(rest);
    collapse(
        &out.replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&quot;", "\"")
            .replace("&#39;", "'")
            .replace("&nbsp;", " "),
    )
}

fn html_block(text: &str, range: Range<usize>) -> Block {
    let src = text.get(range.clone()).unwrap_or("");
    let opens = find_ci(src, "<details").is_some();
    let closes_at = find_ci(src, "</details");
    let mut summary = None;
    let mut content_start = None;
    if opens {
        if let Some(s) = find_ci(src, "<summary") {
            let open_end = src[s..].find('>').map(|i| s + i + 1);
            let close = find_ci(src, "</summary>");
            if let (Some(a), Some(b)) = (open_end, close) {
                if a <= b {
                    summary = Some(strip_tags(&src[a..b]));
                    content_start = Some(b + "</summary>".len());
                }
            }
        }
        if content_start.is_none() {
            content_start =
                find_ci(src, "<details").and_then(|d| src[d..].find('>').map(|i| d + i + 1));
        }
    }
    let content = match (opens, content_start, closes_at) {
        (true, Some(a), Some(b)) if a <= b => Some(a..b),
        (true, Some(a), None) => Some(a..src.len()),
        (false, _, Some(b)) => Some(0..b),
        _ => None,
    }
    .filter(|r| has_words(&strip_tags(&src[r.clone()])) || src[r.clone()].contains("<img"))
    .map(|r| range.start + r.start..range.start + r.end);
    let h1 = find_ci(src, "<h1").and_then(|s| {
        let a = src[s..].find('>').map(|i| s + i + 1)?;
        let b = find_ci(src, "</h1>")?;
        (a <= b)
            .then(|| strip_tags(&src[a..b]))
            .filter(|t| !t.is_empty())
    });
    let visible = has_words(&strip_tags(src))
        || [
            "<img", "<table", "<pre", "<code", "<svg", "<video", "<iframe", "<script",
        ]
        .iter()
        .any(|t| find_ci(src, t).is_some());
    Block {
        kind: Kind::Html {
            summary,
            opens_details: opens,
            closes_details: closes_at.is_some(),
            content,
            visible,
            h1,
        },
        range,
        items: Vec::new(),
    }
}
