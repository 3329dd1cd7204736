//! AsciiDoc to markdown, line by line: `=` headings, `Term::` definition lists (with `+`
//! continuations), listing and literal blocks, `*` / `.` lists, tables, emphasis.

use super::rewrite_inline;

const MARKS: &[(char, &str, &str)] = &[('*', "**", "**"), ('_', "*", "*"), ('+', "`", "`")];

fn inline(line: &str) -> String {
    rewrite_inline(line, MARKS)
}

fn is_label(term: &str) -> bool {
    let t = term
        .trim()
        .trim_end_matches(|c: char| c.is_ascii_digit())
        .trim();
    matches!(
        t.to_ascii_lowercase().as_str(),
        "question" | "q" | "answer" | "a" | "ans"
    )
}

/// A definition-list line: its term and whatever follows the `::` on the line.
fn definition(line: &str) -> Option<(&str, &str)> {
    let t = line.trim_start();
    let at = t
        .find(":: ")
        .or_else(|| t.ends_with("::").then(|| t.len() - 2))?;
    let term = &t[..at];
    if term.is_empty() || term.starts_with("http") || term.contains("::") || term.len() > 300 {
        return None;
    }
    Some((term.trim(), t[at + 2..].trim()))
}

/// AsciiDoc text to markdown lines, each with the source line it came from.
pub fn to_markdown(text: &str) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut fence: Option<String> = None;
    let mut comment_block = false;
    let mut lang = String::new();
    let mut in_table = false;
    let mut table_cols = 0usize;
    let mut table_rows = 0usize;
    let mut pending_row: Vec<String> = Vec::new();
    for (i, raw) in text.lines().enumerate() {
        let n = i + 1;
        let line = raw.trim_end();
        let t = line.trim();
        if comment_block {
            if t == "////" {
                comment_block = false;
            }
            continue;
        }
        if let Some(delim) = &fence {
            if t == delim {
                out.push(("```".into(), n));
                fence = None;
            } else {
                out.push((raw.to_string(), n));
            }
            continue;
        }
        if t == "////" {
            comment_block = true;
            continue;
        }
        if t.starts_with("----") && t.chars().all(|c| c == '-') && t.len() >= 4
            || t.starts_with("....") && t.chars().all(|c| c == '.') && t.len() >= 4
        {
            out.push((format!("```{lang}"), n));
            lang.clear();
            fence = Some(t.to_string());
            continue;
        }
        if t.starts_with("[source") {
            lang = t
                .trim_matches(['[', ']'])
                .split(',')
                .nth(1)
                .unwrap_or("")
                .trim()
                .to_string();
            continue;
        }
        if t == "|===" {
            if in_table {
                if !pending_row.is_empty() {
                    out.push((format!("| {} |", pending_row.join(" | ")), n));
                    pending_row.clear();
                }
                out.push((String::new(), n));
                in_table = false;
            } else {
                in_table = true;
                table_cols = 0;
                table_rows = 0;
                out.push((String::new(), n));
            }
            continue;
        }
        if in_table {
            if t.is_empty() {
                continue;
            }
            let cells: Vec<String> = t.split('|').skip(1).map(|c| inline(c.trim())).collect();
            if table_cols == 0 {
                table_cols = cells.len().max(1);
            }
            pending_row.extend(cells);
            if pending_row.len() >= table_cols {
                out.push((format!("| {} |", pending_row.join(" | ")), n));
                pending_row.clear();
                table_rows += 1;
                if table_rows == 1 {
                    out.push((format!("|{}", "---|".repeat(table_cols)), n));
                }
            }
            continue;
        }
        if t.starts_with("//") || (t.starts_with(':') && t[1..].contains(": ") && !t.contains(' '))
        {
            continue;
        }
        if t.starts_with(':')
            && t.len() > 1
            && t[1..].find(':').is_some_and(|p| !t[1..p + 1].contains(' '))
        {
            continue; // document attributes
        }
        if t.starts_with('[') && t.ends_with(']') && !t.contains(' ') {
            continue; // block attributes
        }
        if t == "+" {
            out.push((String::new(), n));
            continue;
        }
        if t == "====" || t == "****" || t == "____" || t == "--" {
            continue;
        }
        let eqs = t.chars().take_while(|&c| c == '=').count();
        if (1..=6).contains(&eqs) && t[eqs..].starts_with(' ') {
            if out.last().is_some_and(|l| !l.0.is_empty()) {
                out.push((String::new(), n));
            }
            out.push((
                format!("{} {}", "#".repeat(eqs), inline(t[eqs..].trim())),
                n,
            ));
            out.push((String::new(), n));
            continue;
        }
        if t.starts_with('.') && t.len() > 1 && !t[1..].starts_with(['.', ' ']) {
            // A block title.
            out.push((format!("*{}*", inline(&t[1..])), n));
            continue;
        }
        let stars = t.chars().take_while(|&c| c == '*').count();
        if stars >= 1 && t[stars..].starts_with(' ') {
            out.push((
                format!("{}- {}", "  ".repeat(stars - 1), inline(t[stars..].trim())),
                n,
            ));
            continue;
        }
        let dots = t.chars().take_while(|&c| c == '.').count();
        if dots >= 1 && t[dots..].starts_with(' ') {
            out.push((
                format!("{}1. {}", "   ".repeat(dots - 1), inline(t[dots..].trim())),
                n,
            ));
            continue;
        }
        if let Some((term, rest)) = definition(line) {
            if is_label(term) {
                out.push((format!("{}: {}", term, inline(rest)), n));
            } else {
                if out.last().is_some_and(|l| !l.0.is_empty()) {
                    out.push((String::new(), n));
                }
                if rest.is_empty() {
                    out.push((format!("**{}**", inline(term)), n));
                } else {
                    out.push((format!("**{}**\\", inline(term)), n));
                    out.push((inline(rest), n));
                }
            }
            continue;
        }
        out.push((inline(line.trim_start()), n));
    }
    if fence.is_some() {
        out.push(("```".into(), text.lines().count()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_lists_definitions() {
        let a = "= Java\n\n== Basics\n\nWhat is a JVM?::\n  A virtual machine.\n+\nIt runs *bytecode*.\n\nQuestion:: What is GC?\nAnswer:: Memory reclaim.\n\n[source,java]\n----\nint x;\n----\n* one\n** two\n";
        let md: Vec<String> = to_markdown(a).into_iter().map(|l| l.0).collect();
        let md = md.join("\n");
        assert!(md.starts_with("# Java\n"), "{md}");
        assert!(md.contains("## Basics"), "{md}");
        assert!(md.contains("**What is a JVM?**"), "{md}");
        assert!(md.contains("It runs **bytecode**."), "{md}");
        assert!(
            md.contains("Question: What is GC?\nAnswer: Memory reclaim."),
            "{md}"
        );
        assert!(md.contains("```java\nint x;\n```"), "{md}");
        assert!(md.contains("- one\n  - two"), "{md}");
    }
}
