//! HTML to markdown: parsed by html5ever (a saved web page, a Google Docs or Notion export),
//! then written block by block. Headings, paragraphs, lists (nested, numbered), code,
//! tables, `<details>` toggles, definition lists, quotes; bold and italic from tags or from
//! the inline and class styles word processors write. Scripts, styles, navigation, headers,
//! footers and forms are dropped. Text is escaped, so nothing in it becomes markup.

use std::collections::HashSet;

use html5ever::tendril::TendrilSink;
use html5ever::{parse_document, ParseOpts};
use markup5ever_rcdom::{Handle, NodeData, RcDom};

use super::escape_text;

/// Past this nesting, deeper elements only give their text.
const MAX_DEPTH: usize = 200;

struct Writer {
    out: String,
    /// Open list kinds (ordered?) and item counters.
    lists: Vec<(bool, usize)>,
    bold_classes: HashSet<String>,
    italic_classes: HashSet<String>,
    heading_classes: Vec<(String, usize)>,
}

fn tag(h: &Handle) -> Option<String> {
    match &h.data {
        NodeData::Element { name, .. } => Some(name.local.to_string()),
        _ => None,
    }
}

fn attr(h: &Handle, key: &str) -> Option<String> {
    match &h.data {
        NodeData::Element { attrs, .. } => attrs
            .borrow()
            .iter()
            .find(|a| AsRef::<str>::as_ref(&a.name.local) == key)
            .map(|a| a.value.to_string()),
        _ => None,
    }
}

const SKIP: &[&str] = &[
    "script", "style", "noscript", "nav", "header", "footer", "form", "button", "iframe", "svg",
    "template", "head", "select", "input", "textarea", "aside",
];

const BLOCKS: &[&str] = &[
    "header",
    "p",
    "div",
    "section",
    "article",
    "main",
    "body",
    "html",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "ul",
    "ol",
    "li",
    "pre",
    "table",
    "blockquote",
    "details",
    "summary",
    "dl",
    "dt",
    "dd",
    "hr",
    "figure",
    "tr",
    "td",
    "th",
    "tbody",
    "thead",
];

impl Writer {
    fn blank(&mut self) {
        let trimmed = self.out.trim_end_matches([' ', '\t']).len();
        self.out.truncate(trimmed);
        if self.out.is_empty() || self.out.ends_with("\n\n") {
            return;
        }
        if self.out.ends_with('\n') {
            self.out.push('\n');
        } else {
            self.out.push_str("\n\n");
        }
    }

    fn indent(&self) -> String {
        " ".repeat(
            self.lists.len().saturating_sub(1) * 4 + if self.lists.is_empty() { 0 } else { 4 },
        )
    }

    fn styled(&self, h: &Handle) -> (bool, bool) {
        let style = attr(h, "style")
            .unwrap_or_default()
            .to_ascii_lowercase()
            .replace(' ', "");
        let classes = attr(h, "class").unwrap_or_default();
        // A page that marks its questions with a class ("question", "faq-question") says
        // what a bold line says.
        let bold = style.contains("font-weight:700")
            || style.contains("font-weight:bold")
            || style.contains("font-weight:600")
            || classes.split_whitespace().any(|c| {
                self.bold_classes.contains(c) || {
                    let c = c.to_ascii_lowercase();
                    c == "q" || c.ends_with("question") || c.starts_with("question")
                }
            });
        let italic = style.contains("font-style:italic")
            || classes
                .split_whitespace()
                .any(|c| self.italic_classes.contains(c));
        (bold, italic)
    }

    /// Inline content of a node as markdown on one logical line (`<br>` kept as a break).
    fn inline(&self, h: &Handle, depth: usize, out: &mut String) {
        for child in h.children.borrow().iter() {
            match &child.data {
                NodeData::Text { contents } => {
                    let t = contents.borrow();
                    let collapsed: String = t.split_whitespace().collect::<Vec<_>>().join(" ");
                    if t.starts_with(char::is_whitespace) && !out.ends_with(' ') && !out.is_empty()
                    {
                        out.push(' ');
                    }
                    out.push_str(&escape_text(&collapsed));
                    if t.ends_with(char::is_whitespace) && !collapsed.is_empty() {
                        out.push(' ');
                    }
                }
                NodeData::Element { .. } => {
                    let name = tag(child).unwrap_or_default();
                    if SKIP.contains(&name.as_str()) {
                        continue;
                    }
                    if depth > MAX_DEPTH {
                        out.push_str(&escape_text(&text_of(child)));
                        continue;
                    }
                    let (bold_style, italic_style) = self.styled(child);
                    let mut inner = String::new();
                    self.inline(child, depth + 1, &mut inner);
                    let trimmed = inner.trim();
                    match name.as_str() {
                        "br" => out.push_str("<br>"),
                        "strong" | "b" => wrap(out, trimmed, "**"),
                        "em" | "i" => wrap(out, trimmed, "*"),
                        "code" | "kbd" | "samp" | "tt" => {
                            let raw = text_of(child);
                            if !raw.trim().is_empty() {
                                let tick = if raw.contains('`') { "``" } else { "`" };
                                out.push_str(&format!("{tick}{}{tick}", raw.trim()));
                            }
                        }
                        "a" => {
                            let href = attr(child, "href").unwrap_or_default();
                            if href.is_empty() || href.starts_with('#') || trimmed.is_empty() {
                                out.push_str(&inner);
                            } else {
                                out.push_str(&format!("[{trimmed}]({})", href.replace(' ', "%20")));
                            }
                        }
                        "img" => {}
                        _ if bold_style && !trimmed.is_empty() => wrap(out, trimmed, "**"),
                        _ if italic_style && !trimmed.is_empty() => wrap(out, trimmed, "*"),
                        _ => out.push_str(&inner),
                    }
                }
                _ => {}
            }
        }
    }

    fn has_block_child(h: &Handle) -> bool {
        h.children
            .borrow()
            .iter()
            .any(|c| tag(c).is_some_and(|t| BLOCKS.contains(&t.as_str()) && t != "summary"))
    }

    fn block(&mut self, h: &Handle, depth: usize) {
        let name = tag(h).unwrap_or_default();
        // A page header keeps its title (a Notion export's page title sits there) and
        // drops the rest (logos, site navigation).
        if name == "header" && depth < MAX_DEPTH {
            let mut stack: Vec<Handle> = h.children.borrow().iter().cloned().collect();
            while let Some(n) = stack.pop() {
                match tag(&n).as_deref() {
                    Some("h1") => {
                        self.block(&n, depth + 1);
                        return;
                    }
                    Some("nav") => {}
                    _ => stack.extend(n.children.borrow().iter().cloned()),
                }
            }
            return;
        }
        if SKIP.contains(&name.as_str()) {
            return;
        }
        if depth > MAX_DEPTH {
            let t = text_of(h);
            if !t.trim().is_empty() {
                self.blank();
                self.out.push_str(&escape_text(t.trim()));
            }
            return;
        }
        let heading_level = match name.as_str() {
            "h1" => Some(1),
            "h2" => Some(2),
            "h3" => Some(3),
            "h4" => Some(4),
            "h5" => Some(5),
            "h6" => Some(6),
            _ => {
                let classes = attr(h, "class").unwrap_or_default();
                self.heading_classes
                    .iter()
                    .find(|(c, _)| classes.split_whitespace().any(|x| x == c))
                    .map(|(_, l)| *l)
            }
        };
        if let Some(level) = heading_level {
            let mut t = String::new();
            self.inline(h, depth, &mut t);
            let t = t.replace("<br>", " ");
            let t = t.trim().trim_matches('*').trim();
            if !t.is_empty() {
                self.blank();
                self.out.push_str(&format!("{} {}", "#".repeat(level), t));
                self.blank();
            }
            return;
        }
        match name.as_str() {
            "ul" | "ol" if toggle_list(h) => {
                // A list whose items are each one toggle (Notion's toggle lists) is the
                // toggles themselves.
                for li in h.children.borrow().iter() {
                    for c in li.children.borrow().iter() {
                        if tag(c).as_deref() == Some("details") {
                            self.block(c, depth + 1);
                        }
                    }
                }
            }
            "ul" | "ol" => {
                let start = attr(h, "start")
                    .and_then(|s| s.parse().ok())
                    .unwrap_or(1usize);
                if self.lists.is_empty() {
                    self.blank();
                }
                self.lists.push((name == "ol", start));
                for c in h.children.borrow().iter() {
                    self.block(c, depth + 1);
                }
                self.lists.pop();
                if self.lists.is_empty() {
                    self.blank();
                }
            }
            "li" => {
                let (ordered, n) = self.lists.last().copied().unwrap_or((false, 1));
                let marker = if ordered {
                    format!("{n}.")
                } else {
                    "-".to_string()
                };
                if let Some(l) = self.lists.last_mut() {
                    l.1 += 1;
                }
                let pad = " ".repeat(self.lists.len().saturating_sub(1) * 4);
                if !self.out.ends_with('\n') && !self.out.is_empty() {
                    self.out.push('\n');
                }
                self.out.push_str(&format!("{pad}{marker} "));
                self.list_item_body(h, depth);
                if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
            }
            "pre" => {
                self.blank();
                let code = text_of(h);
                let ind = self.indent();
                self.out.push_str(&format!("{ind}```\n"));
                for line in code.trim_end_matches('\n').lines() {
                    self.out.push_str(&format!("{ind}{line}\n"));
                }
                self.out.push_str(&format!("{ind}```"));
                self.blank();
            }
            "table" => self.table(h, depth),
            "details" => {
                self.blank();
                let summary = h
                    .children
                    .borrow()
                    .iter()
                    .find(|c| tag(c).as_deref() == Some("summary"))
                    .map(|s| {
                        let mut t = String::new();
                        self.inline(s, depth, &mut t);
                        t.replace("<br>", " ").trim().to_string()
                    });
                self.out.push_str("<details>");
                if let Some(s) = summary {
                    self.out.push_str(&format!("<summary>{s}</summary>"));
                }
                self.blank();
                for c in h.children.borrow().iter() {
                    if tag(c).as_deref() != Some("summary") {
                        self.block(c, depth + 1);
                    }
                }
                self.blank();
                self.out.push_str("</details>");
                self.blank();
            }
            "dt" => {
                let mut t = String::new();
                self.inline(h, depth, &mut t);
                let t = t.trim();
                if !t.is_empty() {
                    self.blank();
                    self.out.push_str(&format!("**{}**", t.trim_matches('*')));
                    self.blank();
                }
            }
            "blockquote" => {
                let mut inner = Writer {
                    out: String::new(),
                    lists: Vec::new(),
                    bold_classes: self.bold_classes.clone(),
                    italic_classes: self.italic_classes.clone(),
                    heading_classes: self.heading_classes.clone(),
                };
                for c in h.children.borrow().iter() {
                    inner.block(c, depth + 1);
                }
                self.blank();
                for line in inner.out.trim().lines() {
                    self.out.push_str(&format!("> {line}\n"));
                }
                self.blank();
            }
            "hr" => {
                self.blank();
                self.out.push_str("---");
                self.blank();
            }
            _ => {
                if Self::has_block_child(h) || name.is_empty() || name == "html" || name == "body" {
                    // A container: its inline runs become paragraphs of their own.
                    let mut run = String::new();
                    for c in h.children.borrow().iter() {
                        let is_block = tag(c).is_some_and(|t| BLOCKS.contains(&t.as_str()));
                        if is_block {
                            self.flush_run(&mut run);
                            self.block(c, depth + 1);
                        } else {
                            let mut tmp = String::new();
                            let wrapper = single(c);
                            self.inline(&wrapper, depth, &mut tmp);
                            run.push_str(&tmp);
                        }
                    }
                    self.flush_run(&mut run);
                } else {
                    let mut t = String::new();
                    self.inline(h, depth, &mut t);
                    let mut run = t;
                    self.flush_run(&mut run);
                }
            }
        }
    }

    fn flush_run(&mut self, run: &mut String) {
        let t = run
            .trim()
            .trim_start_matches("<br>")
            .trim_end_matches("<br>")
            .trim();
        if !t.is_empty() {
            if self.lists.is_empty() {
                self.blank();
                self.out.push_str(&t.replace("<br><br>", "\n\n"));
                self.blank();
            } else {
                if !self.out.ends_with(' ') && !self.out.ends_with('\n') {
                    self.out.push(' ');
                }
                self.out.push_str(t);
            }
        }
        run.clear();
    }

    fn list_item_body(&mut self, h: &Handle, depth: usize) {
        let mut first = true;
        let mut run = String::new();
        let pad = " ".repeat(self.lists.len() * 4);
        for c in h.children.borrow().iter() {
            let t = tag(c);
            let is_block = t.as_deref().is_some_and(|t| BLOCKS.contains(&t));
            let paragraph = matches!(t.as_deref(), Some("p") | Some("div"));
            if is_block && (!paragraph || !first) {
                if !run.trim().is_empty() {
                    self.out.push_str(run.trim());
                }
                run.clear();
                if !self.out.ends_with('\n') {
                    self.out.push('\n');
                }
                let mut inner = Writer {
                    out: String::new(),
                    lists: self.lists.clone(),
                    bold_classes: self.bold_classes.clone(),
                    italic_classes: self.italic_classes.clone(),
                    heading_classes: self.heading_classes.clone(),
                };
                if matches!(t.as_deref(), Some("ul") | Some("ol")) {
                    inner.block(c, depth + 1);
                    self.out.push_str(&inner.out);
                } else {
                    inner.lists.clear();
                    inner.block(c, depth + 1);
                    self.out.push('\n');
                    for line in inner.out.trim().lines() {
                        if line.is_empty() {
                            self.out.push('\n');
                        } else {
                            self.out.push_str(&format!("{pad}{line}\n"));
                        }
                    }
                }
                first = false;
            } else if is_block {
                let mut tmp = String::new();
                self.inline(c, depth + 1, &mut tmp);
                run.push_str(&tmp);
                run.push(' ');
            } else {
                let mut tmp = String::new();
                self.inline(&single(c), depth + 1, &mut tmp);
                run.push_str(&tmp);
            }
        }
        if !run.trim().is_empty() {
            if !first && !self.out.ends_with('\n') {
                self.out.push('\n');
            }
            if !first {
                self.out.push_str(&pad);
            }
            self.out.push_str(run.trim());
        }
    }

    fn table(&mut self, h: &Handle, depth: usize) {
        let mut rows: Vec<Vec<String>> = Vec::new();
        collect_rows(h, &mut rows, 0);
        let rows: Vec<Vec<String>> = rows
            .into_iter()
            .map(|r| {
                r.into_iter()
                    .map(|cell_html| cell_html.replace('\n', " "))
                    .collect()
            })
            .collect();
        let _ = depth;
        let cols = rows.iter().map(|r| r.len()).max().unwrap_or(0);
        if cols == 0 {
            return;
        }
        self.blank();
        for (i, r) in rows.iter().enumerate() {
            let mut cells = r.clone();
            cells.resize(cols, String::new());
            self.out.push_str(&format!("| {} |\n", cells.join(" | ")));
            if i == 0 {
                self.out.push_str(&format!("|{}\n", "---|".repeat(cols)));
            }
        }
        self.blank();
    }
}

/// Every item of the list holds one `<details>` and nothing else.
fn toggle_list(h: &Handle) -> bool {
    let items: Vec<Handle> = h
        .children
        .borrow()
        .iter()
        .filter(|c| tag(c).is_some())
        .cloned()
        .collect();
    !items.is_empty()
        && items.iter().all(|li| {
            let kids: Vec<Handle> = li
                .children
                .borrow()
                .iter()
                .filter(|c| match &c.data {
                    NodeData::Element { .. } => true,
                    NodeData::Text { contents } => !contents.borrow().trim().is_empty(),
                    _ => false,
                })
                .cloned()
                .collect();
            tag(li).as_deref() == Some("li")
                && kids.len() == 1
                && tag(&kids[0]).as_deref() == Some("details")
        })
}

/// A node wrapped so `inline` reads it as a child.
fn single(h: &Handle) -> Handle {
    let wrapper = markup5ever_rcdom::Node::new(NodeData::Document);
    wrapper.children.borrow_mut().push(h.clone());
    wrapper
}

fn wrap(out: &mut String, inner: &str, mark: &str) {
    if inner.is_empty() {
        return;
    }
    if !out.is_empty() && !out.ends_with([' ', '\n', '(']) {
        out.push(' ');
    }
    out.push_str(mark);
    out.push_str(inner);
    out.push_str(mark);
    out.push(' ');
}

fn collect_rows(h: &Handle, rows: &mut Vec<Vec<String>>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in h.children.borrow().iter() {
        match tag(c).as_deref() {
            Some("tr") => {
                let w = Writer {
                    out: String::new(),
                    lists: Vec::new(),
                    bold_classes: HashSet::new(),
                    italic_classes: HashSet::new(),
                    heading_classes: Vec::new(),
                };
                let mut row = Vec::new();
                for cell in c.children.borrow().iter() {
                    if matches!(tag(cell).as_deref(), Some("td") | Some("th")) {
                        let mut t = String::new();
                        w.inline(cell, depth + 1, &mut t);
                        row.push(t.trim().replace('|', "\\|"));
                    }
                }
                rows.push(row);
            }
            Some("table") => {}
            _ => collect_rows(c, rows, depth + 1),
        }
    }
}

/// All text under a node, iteratively (no recursion, whatever the nesting).
fn text_of(h: &Handle) -> String {
    let mut out = String::new();
    let mut stack = vec![h.clone()];
    while let Some(n) = stack.pop() {
        match &n.data {
            NodeData::Text { contents } => out.push_str(&contents.borrow()),
            NodeData::Element { .. } => {
                let name = tag(&n).unwrap_or_default();
                if name == "br" {
                    out.push('\n');
                }
                if SKIP.contains(&name.as_str()) {
                    continue;
                }
                for c in n.children.borrow().iter().rev() {
                    stack.push(c.clone());
                }
            }
            NodeData::Document => {
                for c in n.children.borrow().iter().rev() {
                    stack.push(c.clone());
                }
            }
            _ => {}
        }
    }
    out
}

/// Class names a `<style>` sheet makes bold, italic, or a heading (as Google Docs writes
/// its exports: `.c3{font-weight:700}`).
fn style_classes(css: &str) -> (HashSet<String>, HashSet<String>) {
    let mut bold = HashSet::new();
    let mut italic = HashSet::new();
    let mut rest = css;
    while let Some(open) = rest.find('{') {
        let selectors = &rest[..open];
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let body = rest[open + 1..open + close]
            .to_ascii_lowercase()
            .replace(' ', "");
        for sel in selectors.split(',') {
            let sel = sel.trim();
            if let Some(class) = sel.strip_prefix('.') {
                if class
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '_')
                {
                    if body.contains("font-weight:700") || body.contains("font-weight:bold") {
                        bold.insert(class.to_string());
                    }
                    if body.contains("font-style:italic") {
                        italic.insert(class.to_string());
                    }
                }
            }
        }
        rest = &rest[open + close + 1..];
    }
    (bold, italic)
}

/// HTML text to markdown.
pub fn to_markdown(html: &str) -> String {
    let dom = parse_document(RcDom::default(), ParseOpts::default()).one(html);
    let mut css = String::new();
    let mut stack = vec![dom.document.clone()];
    let mut seen = 0usize;
    while let Some(n) = stack.pop() {
        seen += 1;
        if seen > 200_000 {
            break;
        }
        if tag(&n).as_deref() == Some("style") {
            for c in n.children.borrow().iter() {
                if let NodeData::Text { contents } = &c.data {
                    css.push_str(&contents.borrow());
                }
            }
            continue;
        }
        for c in n.children.borrow().iter() {
            stack.push(c.clone());
        }
    }
    let (bold_classes, italic_classes) = style_classes(&css);
    let mut w = Writer {
        out: String::new(),
        lists: Vec::new(),
        bold_classes,
        italic_classes,
        heading_classes: vec![("title".into(), 1), ("subtitle".into(), 2)],
    };
    w.block(&dom.document, 0);
    let mut out = w.out.trim().to_string();
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_to_markdown() {
        let html = "<html><head><style>.c1{font-weight:700}</style><script>x()</script></head><body>\
            <nav>Home</nav><h1>Prep</h1><h2>Why this company?</h2><p>Because <b>impact</b>.</p>\
            <p><span class=\"c1\">What is a closure?</span></p><p>A function with its scope &lt;x&gt;.</p>\
            <ol><li>Tell me about yourself<ul><li>point</li></ul></li><li>Greatest weakness</li></ol>\
            <details><summary>What is DNS?</summary><p>Names.</p></details>\
            <table><tr><th>Question</th><th>Answer</th></tr><tr><td>Q1?</td><td>A1</td></tr></table></body></html>";
        let md = to_markdown(html);
        assert!(
            md.starts_with("# Prep\n\n## Why this company?\n\nBecause **impact** ."),
            "{md}"
        );
        assert!(md.contains("**What is a closure?**"), "{md}");
        assert!(md.contains("\\<x\\>"), "{md}");
        assert!(
            md.contains("1. Tell me about yourself\n    - point\n2. Greatest weakness"),
            "{md}"
        );
        assert!(
            md.contains("<details><summary>What is DNS?</summary>\n\nNames.\n\n</details>"),
            "{md}"
        );
        assert!(
            md.contains("| Question | Answer |\n|---|---|\n| Q1? | A1 |"),
            "{md}"
        );
        assert!(!md.contains("x()") && !md.contains("Home"), "{md}");
    }

    #[test]
    fn notion_toggle_lists_and_page_title() {
        let html = "<html><body><article><header><nav>Home</nav><h1 class=\"page-title\">Prep</h1></header>\
            <ul class=\"toggle\"><li><details open><summary>Tell me about yourself</summary><p>I build tools.</p></details></li></ul>\
            <ul class=\"toggle\"><li><details open><summary>Greatest weakness</summary></details></li></ul></article></body></html>";
        let md = to_markdown(html);
        assert!(md.starts_with("# Prep\n"), "{md}");
        assert!(!md.contains("Home"), "{md}");
        assert!(
            md.contains("<details><summary>Tell me about yourself</summary>\n\nI build tools."),
            "{md}"
        );
        let doc = crate::import::parse_markdown(&md);
        assert_eq!(doc.cards.len(), 2);
        assert!(doc.cards[1].unanswered);
    }

    #[test]
    fn deep_nesting_does_not_overflow() {
        let html = format!("{}deep{}", "<div>".repeat(50_000), "</div>".repeat(50_000));
        let md = to_markdown(&html);
        assert!(md.contains("deep"));
    }
}
