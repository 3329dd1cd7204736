//! Word documents (.docx, as Word and Google Docs write them) to markdown: the zip is opened
//! with `zip`, `word/document.xml` read with quick-xml. Heading styles (by name or outline
//! level, from `word/styles.xml`) become headings, numbered and bulleted paragraphs become
//! list items at their level (numbering formats from `word/numbering.xml`), bold and italic
//! runs keep their emphasis, line breaks stay breaks, tables become tables.

use std::collections::HashMap;
use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use super::{escape_text, ReadError};

/// Uncompressed size past which a part is refused (a zip bomb, or not a prep document).
const MAX_PART: u64 = 64 * 1024 * 1024;

/// Whether a zip holds a Word document.
pub fn looks_like(bytes: &[u8]) -> bool {
    zip::ZipArchive::new(Cursor::new(bytes))
        .is_ok_and(|mut z| z.by_name("word/document.xml").is_ok())
}

fn part(z: &mut zip::ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<String>, ReadError> {
    let file = match z.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => {
            return Err(ReadError::Corrupt(format!(
                "the .docx is damaged ({name}: {e})"
            )))
        }
    };
    if file.size() > MAX_PART {
        return Err(ReadError::Corrupt(format!(
            "{name} inside the .docx is {} MB; Cuecard reads up to {} MB",
            file.size() / (1024 * 1024),
            MAX_PART / (1024 * 1024)
        )));
    }
    let mut s = String::new();
    file.take(MAX_PART)
        .read_to_string(&mut s)
        .map_err(|e| ReadError::Corrupt(format!("the .docx is damaged ({name}: {e})")))?;
    Ok(Some(s))
}

fn val(e: &BytesStart<'_>) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == "val").then(|| a.value.to_string()))
}

fn attr(e: &BytesStart<'_>, key: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find_map(|a| (a.key.local_name().as_ref() == key).then(|| a.value.to_string()))
}

/// A run property that is on unless its value says off.
fn on(e: &BytesStart<'_>) -> bool {
    !matches!(val(e).as_deref(), Some("0" | "false" | "off" | "none"))
}

/// Heading level per style id.
fn heading_styles(xml: &str) -> HashMap<String, usize> {
    let mut out = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut id: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "style" => id = attr(&e, "styleId"),
                "name" => {
                    if let (Some(id), Some(name)) = (&id, val(&e)) {
                        let n = name.to_ascii_lowercase();
                        // The Title style sits above Heading 1.
                        let level = if n == "title" {
                            Some(1)
                        } else if n == "subtitle" {
                            Some(2)
                        } else {
                            n.strip_prefix("heading ")
                                .and_then(|d| d.trim().parse::<usize>().ok())
                                .map(|l| l + 1)
                        };
                        if let Some(l) = level {
                            out.insert(id.clone(), l.clamp(1, 6));
                        }
                    }
                }
                "outlineLvl" => {
                    if let (Some(id), Some(v)) =
                        (&id, val(&e).and_then(|v| v.parse::<usize>().ok()))
                    {
                        if v < 9 {
                            out.entry(id.clone()).or_insert((v + 2).min(6));
                        }
                    }
                }
                _ => {}
            },
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    out
}

/// Whether each (numId, level) is a numbered (not bulleted) list.
fn numbering(xml: &str) -> HashMap<(String, u8), bool> {
    let mut abstract_fmt: HashMap<(String, u8), bool> = HashMap::new();
    let mut num_to_abstract: HashMap<String, String> = HashMap::new();
    let mut reader = Reader::from_str(xml);
    let mut abs: Option<String> = None;
    let mut lvl: u8 = 0;
    let mut num: Option<String> = None;
    loop {
        match reader.read_event() {
            Ok(Event::Start(e)) | Ok(Event::Empty(e)) => match e.local_name().as_ref() {
                "abstractNum" => abs = attr(&e, "abstractNumId"),
                "lvl" => lvl = attr(&e, "ilvl").and_then(|v| v.parse().ok()).unwrap_or(0),
                "numFmt" => {
                    if let Some(a) = &abs {
                        let fmt = val(&e).unwrap_or_default();
                        abstract_fmt.insert((a.clone(), lvl), fmt != "bullet" && fmt != "none");
                    }
                }
                "num" => num = attr(&e, "numId"),
                "abstractNumId" => {
                    if let (Some(n), Some(a)) = (&num, val(&e)) {
                        num_to_abstract.insert(n.clone(), a);
                    }
                }
                _ => {}
            },
            Ok(Event::End(e)) if e.local_name().as_ref() == "abstractNum" => abs = None,
            Ok(Event::Eof) | Err(_) => break,
            _ => {}
        }
    }
    let mut out = HashMap::new();
    for (n, a) in num_to_abstract {
        for l in 0..9u8 {
            if let Some(ordered) = abstract_fmt.get(&(a.clone(), l)) {
                out.insert((n.clone(), l), *ordered);
            }
        }
    }
    out
}

#[derive(Default)]
struct Para {
    style: Option<String>,
    num: Option<(String, u8)>,
    outline: Option<usize>,
    runs: Vec<(String, bool, bool)>,
}

impl Para {
    fn inline(&self) -> String {
        // Runs of one style merge, so a bold line written in pieces is one bold span.
        let mut merged: Vec<(String, bool, bool)> = Vec::new();
        for (t, b, i) in &self.runs {
            match merged.last_mut() {
                Some(last) if last.1 == *b && last.2 == *i => last.0.push_str(t),
                _ => merged.push((t.clone(), *b, *i)),
            }
        }
        let mut out = String::new();
        for (t, b, i) in merged {
            let lines: Vec<String> = t.split('\n').map(escape_text).collect();
            let mut piece = String::new();
            for (k, l) in lines.iter().enumerate() {
                if k > 0 {
                    piece.push_str("<br>");
                }
                let trimmed = l.trim();
                if trimmed.is_empty() {
                    piece.push_str(l);
                    continue;
                }
                let lead = &l[..l.len() - l.trim_start().len()];
                let trail = &l[l.trim_end().len()..];
                let mark = match (b, i) {
                    (true, true) => "***",
                    (true, false) => "**",
                    (false, true) => "*",
                    _ => "",
                };
                piece.push_str(&format!("{lead}{mark}{trimmed}{mark}{trail}"));
            }
            out.push_str(&piece);
        }
        out.trim().to_string()
    }
}

/// A .docx file's bytes to markdown.
pub fn read(bytes: &[u8]) -> Result<String, ReadError> {
    read_with(bytes, " ")
}

/// Like [`read`], with tab stops written as `tab` (a résumé keeps them: they separate a
/// title from its dates, a company from its city).
pub fn read_with(bytes: &[u8], tab: &str) -> Result<String, ReadError> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| {
        ReadError::Corrupt(format!(
            "not a readable .docx file (the zip is damaged: {e})"
        ))
    })?;
    let Some(doc) = part(&mut z, "word/document.xml")? else {
        return Err(ReadError::Corrupt(
            "no word/document.xml inside: this zip is not a Word document".into(),
        ));
    };
    let headings = part(&mut z, "word/styles.xml")?
        .map(|s| heading_styles(&s))
        .unwrap_or_default();
    let lists = part(&mut z, "word/numbering.xml")?
        .map(|s| numbering(&s))
        .unwrap_or_default();

    let mut out = String::new();
    let mut reader = Reader::from_str(&doc);
    let mut para: Option<Para> = None;
    let mut run_bold = false;
    let mut run_italic = false;
    let mut in_rpr = false;
    let mut in_text = false;
    let mut counters: HashMap<(String, u8), usize> = HashMap::new();
    let mut last_was_item = false;
    // Tables: rows of cells of paragraph texts.
    let mut tables: Vec<Vec<Vec<String>>> = Vec::new();
    let mut cell: Option<Vec<String>> = None;
    // The same tables written as flowing text, cell after cell with headings and lists kept,
    // and whether a cell held a heading: a table that lays out a page (a résumé template's
    // columns) is read as the page it lays out, not as a grid.
    let mut flows: Vec<(String, bool)> = Vec::new();
    let mut cell_flow = String::new();
    // Text boxes (a résumé's sidebar, a pull quote) hold paragraphs inside a paragraph: the
    // paragraph they sit in goes on after them, and their text is written after the body,
    // so it does not cut the flow it floats beside.
    let mut outer: Vec<Option<Para>> = Vec::new();
    let mut aside = String::new();
    let mut in_box = 0usize;
    // Word writes each text box twice: the drawing, and a fallback picture for old readers.
    let mut in_fallback = 0usize;
    loop {
        let event = reader.read_event().map_err(|e| {
            ReadError::Corrupt(format!(
                "word/document.xml is damaged near byte {}: {e}",
                reader.buffer_position()
            ))
        })?;
        if in_fallback > 0 {
            match &event {
                Event::Start(e) if e.local_name().as_ref() == "Fallback" => in_fallback += 1,
                Event::End(e) if e.local_name().as_ref() == "Fallback" => in_fallback -= 1,
                Event::Eof => break,
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(e) if e.local_name().as_ref() == "Fallback" => {
                in_fallback = 1;
                continue;
            }
            Event::Start(e) if e.local_name().as_ref() == "txbxContent" => {
                if in_box == 0 {
                    std::mem::swap(&mut out, &mut aside);
                }
                in_box += 1;
                outer.push(para.take());
                continue;
            }
            Event::End(e) if e.local_name().as_ref() == "txbxContent" => {
                in_box = in_box.saturating_sub(1);
                if in_box == 0 {
                    std::mem::swap(&mut out, &mut aside);
                }
                para = outer.pop().flatten();
                continue;
            }
            _ => {}
        }
        match event {
            Event::Start(e) | Event::Empty(e) => {
                let empty = false;
                let _ = empty;
                match e.local_name().as_ref() {
                    "p" => para = Some(Para::default()),
                    "pStyle" => {
                        if let Some(p) = &mut para {
                            p.style = val(&e);
                        }
                    }
                    "outlineLvl" => {
                        if let Some(p) = &mut para {
                            p.outline = val(&e)
                                .and_then(|v| v.parse::<usize>().ok())
                                .filter(|v| *v < 9);
                        }
                    }
                    "numId" => {
                        if let Some(p) = &mut para {
                            let id = val(&e).unwrap_or_default();
                            if id != "0" {
                                let lvl = p.num.as_ref().map_or(0, |n| n.1);
                                p.num = Some((id, lvl));
                            }
                        }
                    }
                    "ilvl" => {
                        if let Some(p) = &mut para {
                            let l: u8 = val(&e).and_then(|v| v.parse().ok()).unwrap_or(0);
                            match &mut p.num {
                                Some(n) => n.1 = l,
                                None => p.num = Some((String::new(), l)),
                            }
                        }
                    }
                    "r" => {
                        run_bold = false;
                        run_italic = false;
                    }
                    "rPr" => in_rpr = true,
                    "b" | "bCs" if in_rpr => run_bold = on(&e),
                    "i" | "iCs" if in_rpr => run_italic = on(&e),
                    "t" => in_text = true,
                    "tab" if !in_rpr => push_text(&mut para, tab, run_bold, run_italic),
                    "br" | "cr" => push_text(&mut para, "\n", run_bold, run_italic),
                    "tbl" => {
                        tables.push(Vec::new());
                        flows.push((String::new(), false));
                    }
                    "tr" => {
                        if let Some(t) = tables.last_mut() {
                            t.push(Vec::new());
                        }
                    }
                    "tc" => {
                        cell = Some(Vec::new());
                        cell_flow.clear();
                    }
                    _ => {}
                }
            }
            Event::Text(t) if in_text => {
                let raw: &str = &t;
                let text = quick_xml::escape::unescape(raw)
                    .map(|c| c.into_owned())
                    .unwrap_or_else(|_| raw.to_string());
                push_text(&mut para, &text, run_bold, run_italic);
            }
            Event::GeneralRef(r) if in_text => {
                let name = r.into_inner().into_owned();
                let ch = match name.as_str() {
                    "amp" => "&".to_string(),
                    "lt" => "<".to_string(),
                    "gt" => ">".to_string(),
                    "quot" => "\"".to_string(),
                    "apos" => "'".to_string(),
                    n if n.starts_with("#x") => u32::from_str_radix(&n[2..], 16)
                        .ok()
                        .and_then(char::from_u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    n if n.starts_with('#') => n[1..]
                        .parse::<u32>()
                        .ok()
                        .and_then(char::from_u32)
                        .map(String::from)
                        .unwrap_or_default(),
                    _ => String::new(),
                };
                push_text(&mut para, &ch, run_bold, run_italic);
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "rPr" => in_rpr = false,
                "p" => {
                    let Some(p) = para.take() else { continue };
                    let text = p.inline();
                    let in_cell = cell.is_some();
                    if let Some(c) = &mut cell {
                        if !text.is_empty() {
                            c.push(text.clone());
                        }
                        std::mem::swap(&mut out, &mut cell_flow);
                    }
                    'render: {
                        if text.is_empty() {
                            break 'render;
                        }
                        let level = p
                            .style
                            .as_ref()
                            .and_then(|s| headings.get(s).copied())
                            .or(p.outline.map(|o| (o + 2).min(6)))
                            .or_else(|| {
                                // No styles part: the usual style ids.
                                let s = p.style.as_deref()?.to_ascii_lowercase();
                                match s.as_str() {
                                    "title" => Some(1),
                                    "subtitle" => Some(2),
                                    _ => s
                                        .strip_prefix("heading")?
                                        .parse::<usize>()
                                        .ok()
                                        .map(|l| l + 1),
                                }
                            });
                        if let Some(level) = level {
                            if in_cell {
                                if let Some(f) = flows.last_mut() {
                                    f.1 = true;
                                }
                            }
                            blank(&mut out);
                            let t = text.replace("<br>", " ");
                            out.push_str(&format!(
                                "{} {}",
                                "#".repeat(level.clamp(1, 6)),
                                t.trim_matches('*').trim()
                            ));
                            blank(&mut out);
                            last_was_item = false;
                            counters.clear();
                            break 'render;
                        }
                        if let Some((id, lvl)) = &p.num {
                            let ordered = lists.get(&(id.clone(), *lvl)).copied().unwrap_or(false);
                            let n = counters.entry((id.clone(), *lvl)).or_insert(0);
                            *n += 1;
                            let n = *n;
                            // Deeper levels restart under each parent.
                            counters.retain(|(i, l), _| !(i == id && *l > *lvl));
                            let marker = if ordered { format!("{n}.") } else { "-".into() };
                            if !last_was_item {
                                blank(&mut out);
                            } else if !out.ends_with('\n') {
                                out.push('\n');
                            }
                            out.push_str(&format!(
                                "{}{marker} {}\n",
                                "    ".repeat(*lvl as usize),
                                text
                            ));
                            last_was_item = true;
                            break 'render;
                        }
                        blank(&mut out);
                        out.push_str(&text);
                        blank(&mut out);
                        last_was_item = false;
                    }
                    if in_cell {
                        std::mem::swap(&mut out, &mut cell_flow);
                    }
                }
                "tc" => {
                    if let (Some(c), Some(t)) = (cell.take(), tables.last_mut()) {
                        if let Some(row) = t.last_mut() {
                            row.push(c.join("<br>").replace('|', "\\|"));
                        }
                    }
                    if let Some(f) = flows.last_mut() {
                        blank(&mut f.0);
                        f.0.push_str(cell_flow.trim());
                    }
                    cell_flow.clear();
                }
                "tbl" => {
                    let flow = flows.pop();
                    if let Some(t) = tables.pop() {
                        // Laid out, not tabulated: a heading in a cell, or a row or two whose
                        // cells hold a page's worth of paragraphs.
                        let most = t
                            .iter()
                            .flatten()
                            .map(|c| c.matches("<br>").count() + 1)
                            .max()
                            .unwrap_or(0);
                        match flow {
                            Some((f, heading)) if heading || (t.len() <= 2 && most >= 8) => {
                                blank(&mut out);
                                out.push_str(f.trim());
                                blank(&mut out);
                            }
                            _ => write_table(&mut out, &t),
                        }
                        last_was_item = false;
                    }
                }
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    if !aside.trim().is_empty() {
        blank(&mut out);
        out.push_str(aside.trim());
        out.push('\n');
    }
    let mut out = out.trim().to_string();
    out.push('\n');
    Ok(out)
}

fn push_text(para: &mut Option<Para>, text: &str, bold: bool, italic: bool) {
    if let Some(p) = para {
        p.runs.push((text.to_string(), bold, italic));
    }
}

fn blank(out: &mut String) {
    if out.is_empty() || out.ends_with("\n\n") {
        return;
    }
    if out.ends_with('\n') {
        out.push('\n');
    } else {
        out.push_str("\n\n");
    }
}

fn write_table(out: &mut String, rows: &[Vec<String>]) {
    let cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
    if cols == 0 {
        return;
    }
    // A one-column table (a boxed note) is just its paragraphs.
    if cols == 1 {
        for r in rows {
            if let Some(c) = r.first() {
                blank(out);
                out.push_str(&c.replace("<br>", "\n\n"));
            }
        }
        blank(out);
        return;
    }
    blank(out);
    for (i, r) in rows.iter().enumerate() {
        let mut cells = r.clone();
        cells.resize(cols, String::new());
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
        if i == 0 {
            out.push_str(&format!("|{}\n", "---|".repeat(cols)));
        }
    }
    blank(out);
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use std::io::Write;

    /// A minimal .docx with the given document body, styles and numbering.
    pub fn docx(body: &str) -> Vec<u8> {
        let mut buf = Cursor::new(Vec::new());
        {
            let mut z = zip::ZipWriter::new(&mut buf);
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            z.start_file("word/document.xml", opts).unwrap();
            write!(
                z,
                r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            )
            .unwrap();
            z.start_file("word/styles.xml", opts).unwrap();
            z.write_all(br#"<?xml version="1.0"?><w:styles xmlns:w="w"><w:style w:styleId="Heading2"><w:name w:val="heading 2"/></w:style><w:style w:styleId="Title"><w:name w:val="Title"/></w:style></w:styles>"#).unwrap();
            z.start_file("word/numbering.xml", opts).unwrap();
            z.write_all(br#"<?xml version="1.0"?><w:numbering xmlns:w="w"><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="decimal"/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="bullet"/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>"#).unwrap();
            z.finish().unwrap();
        }
        buf.into_inner()
    }

    #[test]
    fn a_table_that_lays_out_the_page_is_read_as_the_page() {
        // A résumé template's two columns in one table row: headings and lists in the cells.
        let cell = |paras: &str| format!("<w:tc>{paras}</w:tc>");
        let h = |l: u8, t: &str| {
            format!(
                r#"<w:p><w:pPr><w:pStyle w:val="Heading{l}"/></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let item = |t: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="2"/></w:numPr></w:pPr><w:r><w:t>{t}</w:t></w:r></w:p>"#
            )
        };
        let left = [
            h(1, "EXPERIENCE"),
            h(2, "Acme Metals, Syracuse, NY — Planner"),
            h(3, "March 2023 - May 2024"),
            item("Planned the shop floor"),
        ]
        .concat();
        let right = [h(1, "SKILLS"), item("Oracle ERP"), item("SQL")].concat();
        let body = format!(
            "<w:tbl><w:tr>{}{}</w:tr></w:tbl>",
            cell(&left),
            cell(&right)
        );
        let md = read(&docx(&body)).unwrap();
        assert!(md.contains("## EXPERIENCE"), "{md}");
        assert!(
            md.contains("### Acme Metals, Syracuse, NY — Planner"),
            "{md}"
        );
        assert!(md.contains("- Planned the shop floor"), "{md}");
        assert!(md.find("EXPERIENCE") < md.find("SKILLS"), "{md}");
        assert!(!md.contains('|'), "{md}");
    }

    #[test]
    fn headings_lists_bold_and_breaks() {
        let body = r#"<w:p><w:pPr><w:pStyle w:val="Title"/></w:pPr><w:r><w:t>Prep</w:t></w:r></w:p>
<w:p><w:pPr><w:pStyle w:val="Heading2"/></w:pPr><w:r><w:t>Behavioural</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">Why </w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>us?</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="1"/><w:numId w:val="1"/></w:numPr></w:pPr><w:r><w:t>mission &amp; people</w:t></w:r></w:p>
<w:p><w:r><w:t>Line one</w:t><w:br/><w:t>line two</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>Question</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Answer</w:t></w:r></w:p></w:tc></w:tr><w:tr><w:tc><w:p><w:r><w:t>Q?</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A.</w:t></w:r></w:p></w:tc></w:tr></w:tbl>"#;
        let md = read(&docx(body)).unwrap();
        assert!(
            md.starts_with("# Prep\n\n### Behavioural\n\n1. **Why us?**\n    - mission & people\n"),
            "{md}"
        );
        assert!(md.contains("Line one<br>line two"), "{md}");
        assert!(
            md.contains("| Question | Answer |\n|---|---|\n| Q? | A. |"),
            "{md}"
        );
    }

    #[test]
    fn damaged_files_say_what_is_wrong() {
        let e = read(b"PK\x03\x04garbage").unwrap_err();
        assert!(e.to_string().contains("zip is damaged"), "{e}");
        let mut bytes = docx("<w:p><w:r><w:t>x</w:t></w:r></w:p>");
        let len = bytes.len();
        bytes.truncate(len / 2);
        assert!(read(&bytes).is_err());
        let bad = docx("<w:p><w:r><w:t>x</w:t></w:r></w:q>");
        let e = read(&bad).unwrap_err();
        assert!(e.to_string().contains("damaged"), "{e}");
    }
}
