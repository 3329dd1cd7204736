//! reStructuredText to markdown, line by line: underlined (and overlined) section titles,
//! levels in the order the document first uses each underline, `::` and `code-block`
//! literal blocks, other directives and comments dropped, ``code`` and links.

fn is_underline(line: &str) -> Option<char> {
    let t = line.trim_end();
    let c = t.chars().next()?;
    if t.len() >= 3 && "=-~^*#+`:.'\"_".contains(c) && t.chars().all(|x| x == c) {
        Some(c)
    } else {
        None
    }
}

fn inline(line: &str) -> String {
    // ``code`` -> `code`; `text <url>`_ -> [text](url).
    let s = line.replace("``", "`");
    let mut out = String::with_capacity(s.len());
    let mut rest = s.as_str();
    while let Some(start) = rest.find('`') {
        let after = &rest[start + 1..];
        if let Some(end) = after.find("`_") {
            let inner = &after[..end];
            if let (Some(lt), true) = (inner.rfind('<'), inner.ends_with('>')) {
                out.push_str(&rest[..start]);
                out.push_str(&format!(
                    "[{}]({})",
                    inner[..lt].trim(),
                    &inner[lt + 1..inner.len() - 1]
                ));
                rest = after[end + 2..].trim_start_matches('_');
                continue;
            }
        }
        out.push_str(&rest[..start + 1]);
        rest = after;
    }
    out.push_str(rest);
    out
}

/// reStructuredText to markdown lines, each with the source line it came from.
pub fn to_markdown(text: &str) -> Vec<(String, usize)> {
    let lines: Vec<&str> = text.lines().collect();
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut levels: Vec<(char, bool)> = Vec::new();
    let mut literal: Option<usize> = None; // indentation of the block's parent
    let mut literal_started = false;
    let mut block_indent: Option<usize> = None;
    let mut i = 0;
    while i < lines.len() {
        let n = i + 1;
        let line = lines[i].trim_end();
        let indent = line.len() - line.trim_start().len();
        if let Some(parent) = literal {
            if line.trim().is_empty() {
                if literal_started && block_indent.is_some() {
                    out.push((String::new(), n));
                }
                i += 1;
                continue;
            }
            if indent > parent {
                if !literal_started {
                    out.push(("```".into(), n));
                    literal_started = true;
                }
                let strip = *block_indent.get_or_insert(indent);
                out.push((line[strip.min(indent)..].to_string(), n));
                i += 1;
                continue;
            }
            block_indent = None;
            if literal_started {
                while out.last().is_some_and(|l| l.0.is_empty()) {
                    out.pop();
                }
                out.push(("```".into(), n));
                out.push((String::new(), n));
            }
            literal = None;
            literal_started = false;
        }
        let t = line.trim();
        // Overlined title: rule, text, rule.
        if let (Some(c), Some(next), Some(under)) = (
            is_underline(line),
            lines.get(i + 1),
            lines.get(i + 2).and_then(|l| is_underline(l)),
        ) {
            if under == c && !next.trim().is_empty() && is_underline(next).is_none() {
                let level = level_of(&mut levels, c, true);
                push_heading(&mut out, level, next.trim(), n + 1);
                i += 3;
                continue;
            }
        }
        if !t.is_empty() && is_underline(line).is_none() {
            if let Some(c) = lines.get(i + 1).and_then(|l| is_underline(l)) {
                if lines[i + 1].trim_end().len() + 1 >= t.chars().count().min(3) {
                    let level = level_of(&mut levels, c, false);
                    push_heading(&mut out, level, t, n);
                    i += 2;
                    continue;
                }
            }
        }
        if let Some(directive) = t.strip_prefix(".. ") {
            if directive.starts_with("code-block::")
                || directive.starts_with("code::")
                || directive.starts_with("sourcecode::")
            {
                literal = Some(indent);
                let lang = directive
                    .split("::")
                    .nth(1)
                    .unwrap_or("")
                    .trim()
                    .to_string();
                out.push((String::new(), n));
                out.push((format!("```{lang}"), n));
                literal_started = true;
                // The block's own lines follow, indented; `:linenos:` options are skipped.
                i += 1;
                while i < lines.len() && lines[i].trim().starts_with(':') {
                    i += 1;
                }
                continue;
            }
            // Other directives and comments, with their indented bodies, are dropped.
            i += 1;
            while i < lines.len()
                && (lines[i].trim().is_empty()
                    || lines[i].len() - lines[i].trim_start().len() > indent)
            {
                if lines[i].trim().is_empty()
                    && lines
                        .get(i + 1)
                        .is_some_and(|l| l.len() - l.trim_start().len() <= indent)
                {
                    break;
                }
                i += 1;
            }
            continue;
        }
        if t == "::" {
            literal = Some(indent);
            literal_started = false;
            i += 1;
            continue;
        }
        if let Some(stripped) = t.strip_suffix("::") {
            out.push((format!("{}{}:", " ".repeat(indent), inline(stripped)), n));
            literal = Some(indent);
            literal_started = false;
            i += 1;
            continue;
        }
        out.push((format!("{}{}", " ".repeat(indent.min(3)), inline(t)), n));
        i += 1;
    }
    if literal_started {
        out.push(("```".into(), lines.len()));
    }
    out
}

fn level_of(levels: &mut Vec<(char, bool)>, c: char, over: bool) -> usize {
    match levels.iter().position(|&l| l == (c, over)) {
        Some(p) => p + 1,
        None => {
            levels.push((c, over));
            levels.len()
        }
    }
}

fn push_heading(out: &mut Vec<(String, usize)>, level: usize, text: &str, n: usize) {
    if out.last().is_some_and(|l| !l.0.is_empty()) {
        out.push((String::new(), n));
    }
    out.push((format!("{} {}", "#".repeat(level.min(6)), inline(text)), n));
    out.push((String::new(), n));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_and_code() {
        let r = "Problems\n========\n\n1. How to reverse?\n------------------\n\nUse a loop::\n\n  for x in y:\n      pass\n\nDone with ``x``.\n\n.. code-block:: java\n\n  int a;\n\nAfter.\n";
        let md: Vec<String> = to_markdown(r).into_iter().map(|l| l.0).collect();
        let md = md.join("\n");
        assert!(md.starts_with("# Problems\n"), "{md}");
        assert!(md.contains("## 1. How to reverse?"), "{md}");
        assert!(
            md.contains("Use a loop:\n```\nfor x in y:\n    pass\n```"),
            "{md}"
        );
        assert!(md.contains("Done with `x`."), "{md}");
        assert!(md.contains("```java\nint a;\n```"), "{md}");
        assert!(md.contains("After."), "{md}");
    }
}
