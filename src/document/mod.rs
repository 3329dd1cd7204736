//! Any format to the one block form the importer reads: CommonMark.
//!
//! Markdown and plain text are read as they are. Emacs org-mode, AsciiDoc and
//! reStructuredText are rewritten line by line (headings, lists, code blocks, tables,
//! definition lists, inline emphasis); HTML is parsed by html5ever into a tree and written out
//! block by block; DOCX is unzipped and its `word/document.xml` read with quick-xml (heading
//! styles, numbered and bulleted paragraphs, bold and italic runs, tables). Every reader keeps
//! the structure the importer weighs (heading levels, list depth and numbering, styled lines,
//! toggles, table rows) and, for the line-based formats, where each line came from, so cards
//! point at the right line of the original file.
//!
//! CommonMark is the common form, rather than a separate tree type, because answers are kept
//! and shown as markdown: every format then renders, searches and exports the same way.

mod adoc;
mod docx;
mod html;
mod org;
mod rst;

use std::path::Path;

use crate::import::{decode, Warning};

/// The formats Cuecard reads prep documents in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Text,
    Org,
    AsciiDoc,
    Rst,
    Html,
    Docx,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Markdown => "markdown",
            Format::Text => "plain text",
            Format::Org => "org-mode",
            Format::AsciiDoc => "AsciiDoc",
            Format::Rst => "reStructuredText",
            Format::Html => "HTML",
            Format::Docx => "Word (DOCX)",
        }
    }

    /// The file name endings Cuecard reads as documents (each one [`Format::from_extension`]
    /// knows), for file dialogs and the window's check of typed paths.
    pub const EXTENSIONS: &'static [&'static str] = &[
        "md", "markdown", "mdown", "mkd", "mkdn", "mdx", "txt", "text", "org", "adoc", "asciidoc",
        "asc", "rst", "rest", "html", "htm", "xhtml", "docx",
    ];

    /// The format a file's name says, if it says one Cuecard reads.
    pub fn from_extension(ext: &str) -> Option<Format> {
        Some(match ext.to_ascii_lowercase().as_str() {
            "md" | "markdown" | "mdown" | "mkd" | "mkdn" | "mdx" => Format::Markdown,
            "txt" | "text" => Format::Text,
            "org" => Format::Org,
            "adoc" | "asciidoc" | "asc" => Format::AsciiDoc,
            "rst" | "rest" => Format::Rst,
            "html" | "htm" | "xhtml" => Format::Html,
            "docx" => Format::Docx,
            _ => return None,
        })
    }
}

/// The formats, in words, for error messages.
pub const SUPPORTED: &str =
    "markdown (.md), plain text (.txt), org-mode (.org), AsciiDoc (.adoc), reStructuredText (.rst), HTML (.html), Word (.docx) and Cuecard JSON exports (.json)";

/// Why a file could not be read as a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Binary content in a format Cuecard does not read; what it looks like, if known.
    Unsupported(Option<&'static str>),
    /// A file of a known format that is damaged: what is wrong.
    Corrupt(String),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Unsupported(Some(kind)) => write!(
                f,
                "this is {kind}, which Cuecard does not read; it reads {SUPPORTED}"
            ),
            ReadError::Unsupported(None) => {
                write!(f, "not a text file; Cuecard reads {SUPPORTED}")
            }
            ReadError::Corrupt(why) => f.write_str(why),
        }
    }
}

/// A document in the common form.
#[derive(Debug, Clone)]
pub struct Source {
    pub markdown: String,
    pub format: Format,
    /// For rewritten formats: the original line of each line of `markdown` (1-based).
    pub line_map: Option<Vec<usize>>,
    pub warnings: Vec<Warning>,
}

impl Source {
    /// The original line of a line of the markdown.
    pub fn original_line(&self, line: usize) -> usize {
        match &self.line_map {
            Some(map) if line >= 1 => map.get(line - 1).or(map.last()).copied().unwrap_or(line),
            _ => line,
        }
    }
}

/// What binary content looks like, by its first bytes.
fn sniff(bytes: &[u8]) -> Option<&'static str> {
    if bytes.starts_with(b"%PDF") {
        Some("a PDF file")
    } else if bytes.starts_with(b"PK\x03\x04") {
        Some("a zip archive (an .odt, .pages or .xlsx file, say)")
    } else if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        Some("an old Word (.doc) file; save it as .docx")
    } else if bytes.starts_with(b"{\\rtf") {
        Some("a rich-text (.rtf) file; save it as .docx or .txt")
    } else if bytes.starts_with(&[0x89, b'P', b'N', b'G'])
        || bytes.starts_with(&[0xFF, 0xD8, 0xFF])
        || bytes.starts_with(b"GIF8")
    {
        Some("an image")
    } else {
        None
    }
}

/// A Word document as CommonMark with its tab stops kept as tabs (for résumés, where a tab
/// separates a title from its dates).
pub fn docx_keeping_tabs(bytes: &[u8]) -> Result<String, ReadError> {
    docx::read_with(bytes, "\t")
}

/// Reads a document's bytes; `name` (a file name) says the format, or the content does.
pub fn read(bytes: &[u8], name: &Path) -> Result<Source, ReadError> {
    let by_name = name
        .extension()
        .and_then(|e| e.to_str())
        .and_then(Format::from_extension);
    let is_zip = bytes.starts_with(b"PK\x03\x04");
    if by_name == Some(Format::Docx) || (by_name.is_none() && is_zip && docx::looks_like(bytes)) {
        let markdown = docx::read(bytes)?;
        return Ok(Source {
            markdown,
            format: Format::Docx,
            line_map: None,
            warnings: Vec::new(),
        });
    }
    let (text, warnings) = match decode(bytes) {
        Ok(t) => t,
        Err(_) => return Err(ReadError::Unsupported(sniff(bytes))),
    };
    let format = by_name.unwrap_or_else(|| guess(&text));
    let (markdown, line_map) = match format {
        Format::Markdown => match lift_html(&text) {
            Some((markdown, map)) => (markdown, Some(map)),
            None => (text, None),
        },
        Format::Text => split(text_lines(&text)),
        Format::Org => split(org::to_markdown(&text)),
        Format::AsciiDoc => split(adoc::to_markdown(&text)),
        Format::Rst => split(rst::to_markdown(&text)),
        Format::Html => (html::to_markdown(&text), None),
        Format::Docx => unreachable!("handled above"),
    };
    Ok(Source {
        markdown,
        format,
        line_map,
        warnings,
    })
}

/// The format of a text with no telling name.
fn guess(text: &str) -> Format {
    let head: String = text.chars().take(2000).collect();
    let lower = head.to_ascii_lowercase();
    let t = lower.trim_start();
    if t.starts_with("<!doctype html") || t.starts_with("<html") {
        return Format::Html;
    }
    if head
        .lines()
        .any(|l| l.to_ascii_uppercase().starts_with("#+TITLE:"))
        || head
            .lines()
            .filter(|l| l.starts_with("* ") || l.starts_with("** "))
            .count()
            >= 2
            && head.lines().any(|l| l.starts_with("#+"))
    {
        return Format::Org;
    }
    if head.lines().next().is_some_and(|l| l.starts_with("= ")) && head.contains("\n== ") {
        return Format::AsciiDoc;
    }
    Format::Markdown
}

/// Markdown whose blocks are written in HTML (`<p><b>1. Why us?</b></p>`, `<ol><li>`,
/// `<h3>`), as READMEs often are: those blocks are rewritten as markdown so their questions
/// are seen; `<details>` toggles, which the importer reads as they are, stay. None when no
/// block needs it.
fn lift_html(text: &str) -> Option<(String, Vec<usize>)> {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    if !text.contains('<') {
        return None;
    }
    let structural = |src: &str| {
        let lower = src.to_ascii_lowercase();
        let tags = [
            "<p", "<h1", "<h2", "<h3", "<h4", "<h5", "<h6", "<li", "<ol", "<ul", "<table", "<div",
            "<b>", "<strong", "<dl", "<dt",
        ];
        !lower.contains("<details")
            && !lower.contains("<summary")
            && tags.iter().any(|t| lower.contains(t))
            && crate::import::words_in_html(src) >= 3
    };
    let mut blocks = Vec::new();
    let opts = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH | Options::ENABLE_TASKLISTS;
    for (event, range) in Parser::new_ext(text, opts).into_offset_iter() {
        if let Event::Start(Tag::HtmlBlock) = event {
            if structural(&text[range.clone()]) {
                blocks.push(range);
            }
        }
    }
    if blocks.is_empty() {
        return None;
    }
    let line_of = |offset: usize| text[..offset].bytes().filter(|b| *b == b'\n').count() + 1;
    let mut lines: Vec<(String, usize)> = Vec::new();
    let mut at = 0;
    for r in blocks {
        if r.start < at {
            continue;
        }
        let first = line_of(at);
        for (k, l) in text[at..r.start].split('\n').enumerate() {
            lines.push((l.to_string(), first + k));
        }
        // The last piece has no newline after it; it is continued by the block below.
        let tail = lines.pop().map(|l| l.0).unwrap_or_default();
        let n = line_of(r.start);
        if !tail.trim().is_empty() {
            lines.push((tail, n));
        }
        lines.push((String::new(), n));
        let md = html::to_markdown(&text[r.clone()]);
        let span = text[r.clone()]
            .bytes()
            .filter(|b| *b == b'\n')
            .count()
            .max(1);
        let count = md.lines().count().max(1);
        for (k, l) in md.lines().enumerate() {
            // Spread the block's lines over the original lines it came from.
            lines.push((l.to_string(), n + k * span / count));
        }
        lines.push((String::new(), n + span.saturating_sub(1)));
        at = r.end;
    }
    let first = line_of(at);
    for (k, l) in text[at..].split('\n').enumerate() {
        lines.push((l.to_string(), first + k));
    }
    let (mut out, map) = split(lines);
    if !text.ends_with('\n') {
        out.pop();
    }
    Some((out, map.unwrap_or_default()))
}

/// Plain text as people type it: every line is its own paragraph (markdown would run
/// consecutive lines together), indentation kept for list lines and capped for the rest so
/// nothing turns into a code block.
fn text_lines(text: &str) -> Vec<(String, usize)> {
    let mut out = Vec::new();
    let mut fenced = false;
    for (i, line) in text.lines().enumerate() {
        let n = i + 1;
        let t = line.trim_end();
        if t.trim_start().starts_with("```") {
            fenced = !fenced;
            out.push((t.to_string(), n));
            continue;
        }
        if fenced {
            out.push((line.to_string(), n));
            continue;
        }
        if t.trim().is_empty() {
            continue;
        }
        let body = t.trim_start();
        let indent = (t.len() - body.len()).min(3);
        let is_item = body.starts_with(['-', '*', '+']) && body[1..].starts_with(' ')
            || crate::import::starts_numbered(body);
        let indent = if is_item {
            (t.len() - body.len()).min(8)
        } else {
            indent
        };
        out.push((format!("{}{}", " ".repeat(indent), body), n));
        out.push((String::new(), n));
    }
    out
}

/// Lines written with their source line numbers, as markdown and a line map.
fn split(lines: Vec<(String, usize)>) -> (String, Option<Vec<usize>>) {
    let mut out = String::new();
    let mut map = Vec::with_capacity(lines.len());
    for (l, n) in lines {
        for part in l.split('\n') {
            out.push_str(part);
            out.push('\n');
            map.push(n);
        }
    }
    (out, Some(map))
}

/// Inline markup with one delimiter for a kind (`*bold*`, `/italic/`, `=code=`) rewritten to
/// markdown, where the delimiter opens after a space or an opening mark and closes before a
/// space or punctuation, as org-mode and AsciiDoc both read it.
pub(crate) fn rewrite_inline(line: &str, marks: &[(char, &str, &str)]) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let before_ok = i == 0 || {
            let p = chars[i - 1];
            p.is_whitespace() || "([{'\"-".contains(p)
        };
        if before_ok {
            if let Some(&(_, open, close)) = marks.iter().find(|(m, _, _)| *m == c) {
                if chars
                    .get(i + 1)
                    .is_some_and(|n| !n.is_whitespace() && *n != c)
                {
                    // Find the closing mark on this line.
                    let mut j = i + 1;
                    let mut found = None;
                    while j < chars.len() {
                        if chars[j] == c
                            && !chars[j - 1].is_whitespace()
                            && chars
                                .get(j + 1)
                                .is_none_or(|n| n.is_whitespace() || ".,;:!?)]}'\"-".contains(*n))
                        {
                            found = Some(j);
                            break;
                        }
                        j += 1;
                    }
                    if let Some(j) = found {
                        let inner: String = chars[i + 1..j].iter().collect();
                        out.push_str(open);
                        out.push_str(&inner);
                        out.push_str(close);
                        i = j + 1;
                        continue;
                    }
                }
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

/// Markdown-significant characters in plain text, escaped.
pub(crate) fn escape_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '\\' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Whether `bytes` can be read by `read` (the formats above, or text).
pub fn readable(bytes: &[u8], name: &Path) -> bool {
    read(bytes, name).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_marks() {
        let m = [('*', "**", "**"), ('/', "*", "*"), ('=', "`", "`")];
        assert_eq!(
            rewrite_inline("a *bold* and /it/ and =x=, not a*b or 1/2/3", &m),
            "a **bold** and *it* and `x`, not a*b or 1/2/3"
        );
    }

    #[test]
    fn unknown_binary_names_the_formats() {
        let e = read(b"%PDF-1.7\x00\x01\x02", Path::new("notes.pdf")).unwrap_err();
        let msg = e.to_string();
        assert!(
            msg.contains("PDF") && msg.contains(".docx") && msg.contains(".org"),
            "{msg}"
        );
        let e = read(&[0u8, 1, 2, 3, 0, 9], Path::new("x.bin")).unwrap_err();
        assert!(e.to_string().contains("not a text file"));
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(100))]
        /// No reader panics, whatever the text, and what it writes imports without panicking.
        #[test]
        fn readers_never_panic(parts in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("* ".to_string()), proptest::strategy::Just("** ".to_string()),
            proptest::strategy::Just("#+BEGIN_SRC\n".to_string()), proptest::strategy::Just("#+END_SRC\n".to_string()),
            proptest::strategy::Just("== ".to_string()), proptest::strategy::Just("::".to_string()), proptest::strategy::Just("----\n".to_string()),
            proptest::strategy::Just("|===\n".to_string()), proptest::strategy::Just("| a | b |\n".to_string()), proptest::strategy::Just("+\n".to_string()),
            proptest::strategy::Just("=====\n".to_string()), proptest::strategy::Just(".. code-block:: x\n".to_string()),
            proptest::strategy::Just("<details><summary>".to_string()), proptest::strategy::Just("</summary>".to_string()),
            proptest::strategy::Just("<h2>".to_string()), proptest::strategy::Just("<li>".to_string()), proptest::strategy::Just("<table><tr><td>".to_string()),
            proptest::strategy::Just("\n".to_string()), proptest::strategy::Just("   ".to_string()), proptest::strategy::Just("1. ".to_string()),
            proptest::strategy::Just("é漢👶".to_string()), proptest::strategy::Just("*b*".to_string()), proptest::strategy::Just("=c=".to_string()),
            "[a-zA-Z?:]{0,10}",
        ], 0..40)) {
            let text: String = parts.concat();
            for ext in ["org", "adoc", "rst", "html", "txt", "md", "docx"] {
                let name = format!("doc.{ext}");
                if let Ok(src) = read(text.as_bytes(), Path::new(&name)) {
                    let doc = crate::import::parse_source(&src, None);
                    for c in &doc.cards {
                        proptest::prop_assert!(c.line_start >= 1 && c.line_start <= c.line_end);
                    }
                }
            }
        }
    }

    #[test]
    fn html_blocks_in_markdown_are_read_as_markdown() {
        let md =
            "# Prep\n\n<p><b>1. Why do you want this job?</b></p>\n<p>Because of the team.</p>\n\n\
                  <p><b>2. What is your greatest strength?</b></p>\n<p>Persistence.</p>\n\n\
                  <details><summary>What is DNS?</summary>\n\nNames.\n\n</details>\n";
        let src = read(md.as_bytes(), Path::new("prep.md")).unwrap();
        assert!(
            src.markdown.contains("**1. Why do you want this job?**"),
            "{}",
            src.markdown
        );
        assert!(src
            .markdown
            .contains("<details><summary>What is DNS?</summary>"));
        let doc = crate::import::parse_source(&src, None);
        let q: Vec<&str> = doc.cards.iter().map(|c| c.question.as_str()).collect();
        assert_eq!(
            q,
            vec![
                "Why do you want this job?",
                "What is your greatest strength?",
                "What is DNS?"
            ]
        );
        assert_eq!(doc.cards[1].line_start, 6);
        assert_eq!(doc.cards[0].answer, "Because of the team.");
    }

    #[test]
    fn a_document_that_asks_is_never_refused() {
        // Questions in quotes after arrows, in a shape no carrier expects.
        let md = "> notes\n\n→ \"Why should we hire you?\" I learn fast.\n\n→ \"Where do you see yourself?\" Leading.\n";
        let src = read(md.as_bytes(), Path::new("n.md")).unwrap();
        let doc = crate::import::parse_source(&src, None);
        assert!(!doc.cards.is_empty(), "{:?}", doc.carriers);
    }

    #[test]
    fn guesses_by_content() {
        assert_eq!(
            read(
                b"<!DOCTYPE html><h2>Why?</h2><p>Because.</p>",
                Path::new("page")
            )
            .unwrap()
            .format,
            Format::Html
        );
        assert_eq!(
            read(
                b"#+TITLE: Prep\n* Why?\nBecause.\n** Detail\n",
                Path::new("notes")
            )
            .unwrap()
            .format,
            Format::Org
        );
    }
}
