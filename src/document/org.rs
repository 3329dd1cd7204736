//! Emacs org-mode to markdown, line by line: `*` headings (TODO keywords and tags dropped),
//! `#+TITLE`, source and example blocks, quotes, drawers, tables, links and emphasis.

use super::rewrite_inline;

const MARKS: &[(char, &str, &str)] = &[
    ('*', "**", "**"),
    ('/', "*", "*"),
    ('=', "`", "`"),
    ('~', "`", "`"),
    ('+', "~~", "~~"),
];

fn heading(line: &str) -> Option<(usize, &str)> {
    let stars = line.chars().take_while(|&c| c == '*').count();
    if stars == 0 || !line[stars..].starts_with(' ') {
        return None;
    }
    let mut text = line[stars..].trim();
    for kw in [
        "TODO ",
        "DONE ",
        "NEXT ",
        "WAITING ",
        "CANCELLED ",
        "[#A] ",
        "[#B] ",
        "[#C] ",
    ] {
        if let Some(rest) = text.strip_prefix(kw) {
            text = rest.trim_start();
        }
    }
    // Trailing tags: `:tag1:tag2:`.
    if let Some(space) = text.rfind(char::is_whitespace) {
        let tail = &text[space + 1..];
        if tail.len() > 2 && tail.starts_with(':') && tail.ends_with(':') && !tail.contains(' ') {
            text = text[..space].trim_end();
        }
    }
    Some((stars, text))
}

fn links(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(start) = rest.find("[[") {
        out.push_str(&rest[..start]);
        let after = &rest[start + 2..];
        match after.find("]]") {
            Some(end) => {
                let inner = &after[..end];
                match inner.split_once("][") {
                    Some((url, desc)) => out.push_str(&format!("[{desc}]({url})")),
                    None => out.push_str(&format!("<{inner}>")),
                }
                rest = &after[end + 2..];
            }
            None => {
                out.push_str("[[");
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

fn inline(line: &str) -> String {
    rewrite_inline(&links(line), MARKS)
}

/// Org text to markdown lines, each with the source line it came from.
pub fn to_markdown(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let has_title = text
        .lines()
        .take(50)
        .any(|l| l.to_ascii_uppercase().starts_with("#+TITLE:"));
    let shift = usize::from(has_title);
    let mut block: Option<&'static str> = None; // "code" or "quote"
    let mut in_drawer = false;
    let mut table_rows = 0usize;
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        let upper = line.trim_start().to_ascii_uppercase();
        if let Some(kind) = block {
            if upper.starts_with("#+END_") {
                if kind == "code" {
                    out.push(("```".into(), n));
                }
                block = None;
                continue;
            }
            if kind == "code" {
                out.push((raw.to_string(), n));
            } else {
                out.push((format!("> {}", inline(line.trim_start())), n));
            }
            continue;
        }
        if upper.starts_with("#+BEGIN_SRC") || upper.starts_with("#+BEGIN_EXAMPLE") {
            let lang = line.split_whitespace().nth(1).unwrap_or("");
            let lang = if upper.starts_with("#+BEGIN_SRC") {
                lang
            } else {
                ""
            };
            out.push((format!("```{lang}"), n));
            block = Some("code");
            continue;
        }
        if upper.starts_with("#+BEGIN_QUOTE") || upper.starts_with("#+BEGIN_") {
            block = Some("quote");
            continue;
        }
        if let Some(title) = upper
            .starts_with("#+TITLE:")
            .then(|| line.trim_start()[8..].trim())
        {
            out.push((format!("# {}", inline(title)), n));
            out.push((String::new(), n));
            continue;
        }
        if line.trim_start().starts_with("#+") || line.starts_with("# ") || line == "#" {
            continue; // keywords and comments
        }
        let t = line.trim();
        if in_drawer {
            if t.eq_ignore_ascii_case(":END:") {
                in_drawer = false;
            }
            continue;
        }
        if t.len() > 2 && t.starts_with(':') && t.ends_with(':') && !t.contains(' ') {
            in_drawer = !t.eq_ignore_ascii_case(":END:");
            continue;
        }
        if let Some((level, text)) = heading(line) {
            table_rows = 0;
            let level = (level + shift).min(6);
            if out.last().is_some_and(|l| !l.0.is_empty()) {
                out.push((String::new(), n));
            }
            out.push((format!("{} {}", "#".repeat(level), inline(text)), n));
            out.push((String::new(), n));
            continue;
        }
        if t.starts_with('|') {
            if t.starts_with("|-") {
                if table_rows == 1 {
                    let cols = out
                        .last()
                        .map_or(1, |l| l.0.matches('|').count().max(2) - 1);
                    out.push((format!("|{}", "---|".repeat(cols)), n));
                    table_rows += 1;
                }
                continue;
            }
            if table_rows == 0 && out.last().is_some_and(|l| !l.0.is_empty()) {
                out.push((String::new(), n));
            }
            out.push((inline(t), n));
            table_rows += 1;
            if table_rows == 1 {
                // A table with no rule under its first row still needs one in markdown.
                let next_is_rule = text
                    .lines()
                    .nth(i + 1)
                    .is_some_and(|l| l.trim().starts_with("|-"));
                if !next_is_rule {
                    let cols = t.matches('|').count().max(2) - 1;
                    out.push((format!("|{}", "---|".repeat(cols)), n));
                    table_rows += 1;
                }
            }
            continue;
        }
        if table_rows > 0 {
            table_rows = 0;
            out.push((String::new(), n));
        }
        // An indented `*` is a bullet in org, a heading only at column 0.
        let indent = line.len() - line.trim_start().len();
        let bullet = if indent > 0 {
            t.strip_prefix("* ").or_else(|| t.strip_prefix("+ "))
        } else {
            t.strip_prefix("+ ")
        };
        let body = match bullet {
            Some(rest) => format!("{}- {}", " ".repeat(indent), inline(rest)),
            None => format!("{}{}", " ".repeat(indent), inline(t)),
        };
        out.push((body, n));
    }
    if block == Some("code") {
        out.push(("```".into(), text.lines().count()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn outline_to_markdown() {
        let org = "#+TITLE: Prep\n#+AUTHOR: x\n* Behavioural :hr:\n** TODO Why this team?\n   :PROPERTIES:\n   :ID: 1\n   :END:\nBecause of *impact* and =code=.\n#+BEGIN_SRC python\nprint(1)\n#+END_SRC\n| Q | A |\n| x | y |\n";
        let md: Vec<String> = to_markdown(org).into_iter().map(|l| l.0).collect();
        let md = md.join("\n");
        assert!(md.starts_with("# Prep\n"), "{md}");
        assert!(md.contains("## Behavioural\n"), "{md}");
        assert!(md.contains("### Why this team?\n"), "{md}");
        assert!(md.contains("Because of **impact** and `code`."), "{md}");
        assert!(md.contains("```python\nprint(1)\n```"), "{md}");
        assert!(md.contains("| Q | A |\n|---|---|\n| x | y |"), "{md}");
        assert!(!md.contains("PROPERTIES"));
    }
}
