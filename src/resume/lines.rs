//! Résumé text as lines with the little structure that matters: headings, bullets, bold
//! lines and paragraph breaks. Markdown (and the CommonMark other formats are read into),
//! plain text with underlined headings, and PDF layout all end here.

/// One line of a résumé.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// The text without markup.
    pub text: String,
    /// 1 for the largest type or `#`, 2 for `##` or section-size type, and so on.
    pub heading: Option<u8>,
    pub bullet: bool,
    /// The whole line is bold (or `**…**`).
    pub bold: bool,
    /// A blank line or a wide vertical gap stands before it.
    pub blank_before: bool,
    /// The PDF page it is on.
    pub page: Option<u32>,
    /// Its line in the text read (1-based; for PDFs, the order of lines).
    pub line: usize,
}

/// Markup removed from inline text: links keep their text, emphasis and code marks go,
/// HTML tags go, escapes are resolved.
pub fn plain(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let chars: Vec<char> = s.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        match c {
            '\\' if i + 1 < chars.len() && chars[i + 1].is_ascii_punctuation() => {
                out.push(chars[i + 1]);
                i += 2;
                continue;
            }
            '*' | '`' => {}
            '_' if (i == 0 || !chars[i - 1].is_alphanumeric())
                || (i + 1 == chars.len() || !chars[i + 1].is_alphanumeric()) => {}
            '!' if chars.get(i + 1) == Some(&'[') => {}
            '[' => {
                // [text](url) → text; [text] stays text.
                if let Some(close) = chars[i + 1..].iter().position(|&c| c == ']') {
                    let close = i + 1 + close;
                    let inner: String = chars[i + 1..close].iter().collect();
                    i = close + 1;
                    let url_end = (chars.get(i) == Some(&'('))
                        .then(|| chars[i..].iter().position(|&c| c == ')'))
                        .flatten();
                    if let Some(end) = url_end {
                        out.push_str(&inner);
                        i += end + 1;
                    } else {
                        // "[Dallas, TX]": brackets the writer typed.
                        out.push('[');
                        out.push_str(&inner);
                        out.push(']');
                    }
                    continue;
                }
                out.push(c);
            }
            '<' => {
                let rest: String = chars[i..chars.len().min(i + 200)].iter().collect();
                let tagish = rest.len() > 1
                    && (chars[i + 1].is_ascii_alphabetic() || chars[i + 1] == '/')
                    && rest.contains('>');
                if tagish {
                    if let Some(end) = chars[i..].iter().position(|&c| c == '>') {
                        let tag: String = chars[i..i + end + 1].iter().collect();
                        if tag.to_ascii_lowercase().starts_with("<br") {
                            out.push(' ');
                        }
                        i += end + 1;
                        continue;
                    }
                }
                out.push(c);
            }
            _ => out.push(c),
        }
        i += 1;
    }
    let out = out
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
        .replace("&ndash;", "–")
        .replace("&mdash;", "—")
        .replace(['\u{a0}', '\u{2011}'], " ");
    out.split(' ')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// The text without the contents of the named HTML elements (a page's own `<style>` and
/// `<script>`, which say nothing a reader sees).
fn without_blocks(text: &str, names: &[&str]) -> String {
    let mut out = String::with_capacity(text.len());
    let lower = text.to_ascii_lowercase();
    let mut at = 0;
    while at < text.len() {
        let next = names
            .iter()
            .filter_map(|n| {
                let open = format!("<{n}");
                let mut from = at;
                // "<style>" or "<style …>", not "<styles>".
                while let Some(k) = lower[from..].find(&open) {
                    let k = from + k;
                    let after = lower.as_bytes().get(k + open.len()).copied();
                    if matches!(after, Some(b'>' | b' ' | b'\t' | b'\n' | b'/')) {
                        return Some((k, *n));
                    }
                    from = k + open.len();
                }
                None
            })
            .min();
        let Some((start, name)) = next else {
            out.push_str(&text[at..]);
            break;
        };
        out.push_str(&text[at..start]);
        let close = format!("</{name}>");
        at = match lower[start..].find(&close) {
            Some(k) => start + k + close.len(),
            None => text.len(),
        };
    }
    out
}

/// `<div class="company-name">Acme</div>`, `<span class="job-title">Engineer</span>`: a
/// theme's own names for the parts of a role, read as labels ("Company: Acme").
fn labelled_by_class(line: &str) -> String {
    let t = line.trim();
    let Some(class_at) = t.find("class=\"") else {
        return line.to_string();
    };
    if !t.starts_with('<') || !t.ends_with('>') {
        return line.to_string();
    }
    let class = t[class_at + 7..]
        .split('"')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase();
    // Each class name on its own: "position-relative" says where a box sits, not a job.
    let names: Vec<&str> = class.split_whitespace().collect();
    let named = |words: &[&str]| names.iter().any(|n| words.iter().any(|w| n.contains(w)));
    let label = if named(&["company", "employer", "organization", "organisation"]) {
        "Company"
    } else if named(&[
        "job-title",
        "jobtitle",
        "job_title",
        "role-title",
        "position-title",
    ]) || names.contains(&"position")
    {
        "Title"
    } else {
        return line.to_string();
    };
    let inner = plain(t);
    if inner.is_empty() || inner.contains(':') {
        return line.to_string();
    }
    format!("{label}: {inner}")
}

/// Runs of three spaces or more inside a line as one tab, where they part two pieces of text
/// (not a label from its value, "LOCATION:      Virginia Beach", nor a bullet from its item).
fn spaced_columns(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    let mut spaces = 0;
    // Letters and digits written so far, and the last character.
    let mut alphanumerics = 0;
    let mut last: Option<char> = None;
    for c in t.chars() {
        if c == ' ' {
            spaces += 1;
            continue;
        }
        let after_text = alphanumerics >= 2
            && last.is_some_and(|p| p.is_alphanumeric() || matches!(p, ')' | '.' | ']'));
        if spaces >= 3 && after_text && !matches!(c, '-' | '•' | '*' | '–') {
            out.push('\t');
        } else {
            out.extend(std::iter::repeat_n(' ', spaces));
        }
        spaces = 0;
        out.push(c);
        alphanumerics += usize::from(c.is_alphanumeric());
        last = Some(c);
    }
    out
}

fn is_rule(t: &str, ch: char) -> bool {
    t.len() >= 3 && t.chars().all(|c| c == ch)
}

/// A line that is only AsciiDoc markup: an anchor ("[[career]]") or a block attribute
/// ("[source,java]", "[.lead]").
fn markup_only(t: &str) -> bool {
    if t.starts_with("[[") && t.ends_with("]]") && !t[2..t.len() - 2].contains(['[', ']']) {
        return true;
    }
    t.len() > 2
        && t.starts_with('[')
        && t.ends_with(']')
        && t[1..t.len() - 1].chars().all(|c| {
            c.is_ascii_alphanumeric() || matches!(c, ',' | '.' | '=' | '"' | '_' | '#' | '%')
        })
        && t[1..t.len() - 1].contains([',', '.', '=', '#', '%'])
}

/// The bullet marker at the start of a line, and the text after it.
fn bullet_of(t: &str) -> Option<&str> {
    // A hyphen typed with no space after it ("-Opened shipments"), kept as text by the
    // converter ("\-Opened"), opens an item when a sentence follows.
    if let Some(rest) = t.strip_prefix("\\-").or_else(|| t.strip_prefix('-')) {
        if rest.chars().next().is_some_and(char::is_uppercase)
            && rest.split_whitespace().count() >= 3
        {
            return Some(rest);
        }
    }
    // "** pinch to zoom": an AsciiDoc item nested under another.
    let stars = t.chars().take_while(|&c| c == '*').count();
    if (2..=5).contains(&stars) && t[stars..].starts_with(' ') && !t.ends_with("**") {
        return Some(t[stars..].trim_start());
    }
    let first = t.chars().next()?;
    let rest = &t[first.len_utf8()..];
    if matches!(
        first,
        '-' | '*'
            | '+'
            | '•'
            | '●'
            | '○'
            | '◦'
            | '▪'
            | '■'
            | '‣'
            | '➢'
            | '➤'
            | '►'
            | '▸'
            | '✓'
            | '✔'
            | '–'
            | '·'
    ) && (rest.starts_with(' ') || rest.starts_with('\t'))
    {
        return Some(rest.trim_start());
    }
    if matches!(first, '•' | '●' | '▪' | '■' | '➢' | '➤' | '►') {
        return Some(rest.trim_start());
    }
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    if (1..=2).contains(&digits) {
        let after = &t[digits..];
        if (after.starts_with(". ") || after.starts_with(") ")) && after.len() > 3 {
            return Some(after[2..].trim_start());
        }
    }
    None
}

/// Lines of markdown or plain text. Underlined headings (`===`, `---`, `~~~`, as in
/// reStructuredText) count as headings; fenced blocks are read as text; table rows become
/// one line per cell paragraph; wrapped list items are joined.
pub fn from_text(text: &str) -> Vec<Line> {
    let cleaned;
    let text = if text.contains("<style") || text.contains("<script") {
        cleaned = without_blocks(text, &["style", "script"]);
        cleaned.as_str()
    } else {
        text
    };
    let raw: Vec<String> = text.lines().map(labelled_by_class).collect();
    let raw: Vec<&str> = raw.iter().map(String::as_str).collect();
    let width = wrap_width(&raw);
    // The width of the last line read, as written (indent included), for the wrap test.
    let mut last_width = 0usize;
    // The line of the text the last line read ends on.
    let mut last_end = 0usize;
    let mut out: Vec<Line> = Vec::new();
    let mut blank = false;
    let mut in_fence = false;
    let mut underline_levels: Vec<char> = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let line_no = i + 1;
        let full = raw[i].trim_end();
        let t = full.trim();
        i += 1;
        if t.starts_with("```") || t.starts_with("~~~") && !is_rule(t, '~') {
            in_fence = !in_fence;
            continue;
        }
        if t.is_empty() {
            blank = true;
            continue;
        }
        // An AsciiDoc anchor or block attribute ("[[career]]", "[source,java]"), or its
        // thematic break (a row of apostrophes), is markup.
        if !in_fence && (markup_only(t) || is_rule(t, '\'')) {
            blank = true;
            continue;
        }
        // A hard line break at the end: markdown's backslash, AsciiDoc's " +".
        let t = t
            .strip_suffix(" +")
            .or_else(|| t.strip_suffix('\\').filter(|r| !r.ends_with('\\')))
            .map_or(t, str::trim_end);
        if t.is_empty() {
            continue;
        }
        if !in_fence {
            // An over- or underline of a heading.
            if let Some(ch) = t.chars().next() {
                if "=-~^*#+".contains(ch) && is_rule(t, ch) {
                    let next = raw.get(i).map(|s| s.trim()).unwrap_or("");
                    let under_next = raw.get(i + 1).map(|s| s.trim()).unwrap_or("");
                    if !next.is_empty() && is_rule(under_next, ch) {
                        // Overline, title, underline: handled when the title is read.
                        continue;
                    }
                    if let Some(last) = out.last_mut() {
                        if !blank && last.heading.is_none() && !last.bullet {
                            let pos = underline_levels.iter().position(|&c| c == ch);
                            let level = match pos {
                                Some(p) => p + 1,
                                None => {
                                    underline_levels.push(ch);
                                    underline_levels.len()
                                }
                            };
                            last.heading = Some(level.min(6) as u8);
                            continue;
                        }
                    }
                    blank = true;
                    continue;
                }
            }
            if t.starts_with('#') {
                let hashes = t.chars().take_while(|&c| c == '#').count();
                let rest = &t[hashes..];
                if hashes <= 6 && (rest.is_empty() || rest.starts_with(' ')) {
                    let text = plain(rest.trim().trim_end_matches('#').trim());
                    if !text.is_empty() {
                        out.push(Line {
                            text,
                            heading: Some(hashes as u8),
                            bullet: false,
                            bold: false,
                            blank_before: true,
                            page: None,
                            line: line_no,
                        });
                    }
                    blank = false;
                    continue;
                }
            }
            if t.starts_with('|') {
                let cells: Vec<String> = t
                    .trim_matches('|')
                    .split('|')
                    .map(|c| plain(c.trim()))
                    .filter(|c| !c.is_empty())
                    .collect();
                if cells.iter().all(|c| c.chars().all(|ch| "-: ".contains(ch))) {
                    continue;
                }
                // A résumé laid out as a table: each cell's paragraphs are lines of their own.
                let raw_cells: Vec<&str> = t.trim_matches('|').split('|').collect();
                let mut first = true;
                for cell in raw_cells {
                    for para in cell.split("<br>").flat_map(|p| p.split("<br/>")) {
                        let para = para.trim();
                        let (text, bullet) = match bullet_of(para) {
                            Some(rest) => (plain(rest), true),
                            None => (plain(para), false),
                        };
                        if text.is_empty() {
                            continue;
                        }
                        out.push(Line {
                            text,
                            heading: None,
                            bullet,
                            bold: false,
                            blank_before: blank || first,
                            page: None,
                            line: line_no,
                        });
                        first = false;
                    }
                }
                blank = false;
                continue;
            }
            if t.starts_with('>') {
                let inner = t.trim_start_matches('>').trim();
                if inner.is_empty() {
                    blank = true;
                    continue;
                }
            }
        }
        let t = t.trim_start_matches('>').trim();
        let indent = full.len() - full.trim_start().len();
        if let Some(rest) = bullet_of(t) {
            let text = plain(rest);
            last_width = full.chars().count();
            last_end = line_no;
            if !text.is_empty() {
                out.push(Line {
                    text,
                    heading: None,
                    bullet: true,
                    bold: false,
                    blank_before: blank,
                    page: None,
                    line: line_no,
                });
            }
            blank = false;
            continue;
        }
        // "EMPLOYMENT ------": a heading ruled off to the margin.
        let t = {
            let trimmed = t
                .trim_end_matches(['-', '=', '_', '*', '~', '#'])
                .trim_end();
            if t.len() - trimmed.len() >= 5 && !trimmed.is_empty() {
                trimmed
            } else {
                t
            }
        };
        let bold = (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
            || (t.starts_with("__") && t.ends_with("__") && t.len() > 4);
        // "Google                New York, NY": columns set apart by runs of spaces are
        // parted as by a tab.
        let columns;
        let t = if t.contains("   ") && !t.contains('\t') {
            columns = spaced_columns(t);
            columns.as_str()
        } else {
            t
        };
        let text = plain(t);
        if text.is_empty() {
            continue;
        }
        // A wrapped list item: indented text right after a bullet, no blank between, or
        // text that goes on in lower case (markdown's lazy continuation).
        let lower = text.chars().next().is_some_and(char::is_lowercase);
        if !blank
            && (indent >= 2 || lower && last_end + 1 == line_no)
            && out.last().is_some_and(|l| l.bullet)
        {
            if let Some(l) = out.last_mut() {
                l.text.push(' ');
                l.text.push_str(&text);
            }
            last_width = full.chars().count();
            last_end = line_no;
            continue;
        }
        // Text wrapped by hand at a fixed width: the line goes on from the one before when
        // its first word would not have fitted there.
        let first_word = text
            .split_whitespace()
            .next()
            .map_or(0, |w| w.chars().count());
        if let (Some(w), Some(l)) = (width, out.last_mut()) {
            if !blank
                && !in_fence
                && l.heading.is_none()
                && last_end + 1 == line_no
                && last_width + 1 + first_word > w
                && !l.text.contains('\t')
                && !text.contains('\t')
            {
                l.text.push(' ');
                l.text.push_str(&text);
                last_width = full.chars().count();
                last_end = line_no;
                continue;
            }
        }
        last_width = full.chars().count();
        last_end = line_no;
        out.push(Line {
            text,
            heading: None,
            bullet: false,
            bold,
            blank_before: blank,
            page: None,
            line: line_no,
        });
        blank = false;
    }
    icon_bullets(&mut out);
    out
}

/// The width a text was wrapped at by hand, if it was: the longest line, between 50 and 100
/// characters, reached (within eight) by many lines. Text written a paragraph to a line
/// has lines of every length, often far longer.
fn wrap_width(raw: &[&str]) -> Option<usize> {
    let widths: Vec<usize> = raw
        .iter()
        .map(|l| l.trim_end().chars().count())
        .filter(|&n| n > 0)
        .collect();
    let w = *widths.iter().max()?;
    let near = widths.iter().filter(|&&n| n + 8 >= w).count();
    ((50..=100).contains(&w) && near >= 5 && near * 100 >= widths.len() * 15).then_some(w)
}

/// "ó Software developer of iOS apps": a bullet drawn from an icon font reads as some
/// letter of its own; one that opens two lines or more, alone before a space, is a bullet.
fn icon_bullets(lines: &mut [Line]) {
    let opener = |l: &Line| -> Option<char> {
        if l.bullet || l.heading.is_some() {
            return None;
        }
        let mut chars = l.text.chars();
        let c = chars.next()?;
        let glyph = !c.is_ascii() && !matches!(c, '“' | '‘' | '«' | '€' | '£');
        // "Ý July 2023 – Present": a calendar icon before dates opens no item.
        let rest = l.text[c.len_utf8()..].trim();
        let dated = super::dates::find(rest).is_some() && rest.split_whitespace().count() <= 8;
        (glyph
            && !dated
            && chars.next() == Some(' ')
            && chars.next().is_some_and(|n| !n.is_whitespace()))
        .then_some(c)
    };
    // "📍 Bucharest, Romania", "🗓️ August 2024 – Present": an icon before a place or dates
    // marks what follows; it is no item and no part of the text.
    for l in lines.iter_mut() {
        if l.bullet || l.heading.is_some() {
            continue;
        }
        let Some(c) = l.text.chars().next() else {
            continue;
        };
        if c.is_ascii() || c.is_alphanumeric() || matches!(c, '“' | '‘' | '«' | '€' | '£') {
            continue;
        }
        let rest = l.text[c.len_utf8()..].trim_start_matches(['\u{fe0f}', '\u{200d}']);
        if !rest.starts_with(' ') {
            continue;
        }
        let plain = rest.trim().trim_matches('*').trim();
        let dated = super::dates::find(plain).is_some() && plain.split_whitespace().count() <= 8;
        if dated || super::parse::is_place(plain) || super::parse::city_and_region(plain) {
            l.text = rest.trim().to_string();
        }
    }
    let mut counts: std::collections::HashMap<char, usize> = std::collections::HashMap::new();
    for l in lines.iter() {
        if let Some(c) = opener(l) {
            *counts.entry(c).or_default() += 1;
        }
    }
    for l in lines.iter_mut() {
        if let Some(c) = opener(l) {
            if counts.get(&c).is_some_and(|&n| n >= 2) {
                l.text = l.text[c.len_utf8()..].trim_start().to_string();
                l.bullet = true;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_wrapped_by_hand_is_joined_where_a_word_would_not_have_fitted() {
        let mut text = String::from("EXPERIENCE\n\n");
        // Wrapped at 60: each line but a paragraph's last reaches the margin.
        for _ in 0..3 {
            text.push_str(
                "  *Systems Administrator.* Northwind Federal Credit Union,\n   \
                 Albuquerque NM. 8/2008--2/2015.\n\n  Ran IBM i on Power systems, three \
                 servers: job scheduling\n  for about 300 jobs, backups and the nightly batch, \
                 and the\n  people who kept them running on every shift of the week\n\n",
            );
        }
        text.push_str("Skills\nGo\nRust\n");
        let lines = from_text(&text);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts[1], "Systems Administrator. Northwind Federal Credit Union, Albuquerque NM. 8/2008--2/2015.");
        assert!(
            texts[2].starts_with("Ran IBM i") && texts[2].ends_with("every shift of the week"),
            "{texts:?}"
        );
        // An item that goes on in lower case on the next line, unindented, is one item.
        let lazy = from_text("- Worked with teams across\ncountries of operation\nAcme Corp\n");
        let lazy: Vec<&str> = lazy.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            lazy,
            [
                "Worked with teams across countries of operation",
                "Acme Corp"
            ]
        );
        // Short lines that would have fitted stay lines of their own.
        assert_eq!(&texts[texts.len() - 3..], ["Skills", "Go", "Rust"]);
        // A text not wrapped by hand is read line by line.
        let plain = from_text("Acme Corp\nSenior Engineer\n");
        assert_eq!(plain.len(), 2);
    }

    #[test]
    fn markdown_structure_is_kept() {
        let lines = from_text(
            "# Ada Park\n\n## Experience\n\n### Engineer | [Acme](https://acme.test)\n*2019 – Present*\n- Built **things**\n  that wrap\n- Led a team\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Ada Park",
                "Experience",
                "Engineer | Acme",
                "2019 – Present",
                "Built things that wrap",
                "Led a team"
            ]
        );
        assert_eq!(lines[2].heading, Some(3));
        assert!(lines[4].bullet && !lines[3].bullet);
    }

    #[test]
    fn asciidoc_markup_and_hard_breaks_are_not_text() {
        let lines = from_text(
            "[[career]]\nCareer\n~~~~~~\n\n[[acme---engineer]]\nAcme - Engineer, 2019 - 2021\n\
             ^^^^^^^^^^^^^^^^^^^^^^^^^^^^\n\n* Built the app\n** infinite scroll\n\n'''''\n\n\
             Field Technician IV \\\nPlant Technician I\nNew York, NY +\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Career",
                "Acme - Engineer, 2019 - 2021",
                "Built the app",
                "infinite scroll",
                "Field Technician IV",
                "Plant Technician I",
                "New York, NY"
            ]
        );
        assert!(lines[0].heading.is_some() && lines[1].heading.is_some());
        assert!(lines[3].bullet);
        // A bold line stays a bold line, not an item.
        assert!(!from_text("**Acme Corp**\n")[0].bullet);
    }

    #[test]
    fn icons_before_places_and_dates_and_columns_set_by_spaces() {
        let lines = from_text(
            "### Acme — Engineer\n\n📍 Bucharest, Romania  \n🗓️ **August 2024 – Present**\n\n\
             - Ran the servers\n\nGoogle                New York, NY\n\
             LOCATION:        Virginia Beach, VA\n•             Auburn University\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Acme — Engineer",
                "Bucharest, Romania",
                "August 2024 – Present",
                "Ran the servers",
                "Google\tNew York, NY",
                "LOCATION: Virginia Beach, VA",
                "Auburn University"
            ]
        );
        assert!(!lines[1].bullet && !lines[2].bullet && lines[3].bullet);
    }

    #[test]
    fn a_themes_style_is_dropped_and_its_class_names_label_the_parts() {
        let lines = from_text(
            "<style>\n.job-title { display: flex; }\n</style>\n\n## Experience\n\n\
             <div class=\"company-name\"><a href=\"https://x.test\">Acme Labs</a></div>\n\
             <div class=\"job-title\">Help Desk Technician</div>\n\
             <div class=\"job-date\">November 2019 - December 2022</div>\n",
        );
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Experience",
                "Company: Acme Labs",
                "Title: Help Desk Technician",
                "November 2019 - December 2022"
            ]
        );
        assert_eq!(
            without_blocks("a<script src=x></script>b<styles>c", &["script", "style"]),
            "ab<styles>c"
        );
        let boxed = "<div class=\"position-relative\">Acme</div>";
        assert_eq!(labelled_by_class(boxed), boxed);
        // A long line of spaced columns is read in one pass.
        let long = "word    ".repeat(50_000);
        assert_eq!(spaced_columns(&long).matches('\t').count(), 49_999);
    }

    #[test]
    fn underlined_headings_are_headings() {
        let lines = from_text("Jo Smith\n========\n\nExperience\n----------\nAcme\n");
        assert_eq!(lines[0].heading, Some(1));
        assert_eq!(lines[1].heading, Some(2));
        assert_eq!(lines[2].heading, None);
    }
}
