//! Small text helpers for questions: inline markdown to text, labels, numbering, noise.

use pulldown_cmark::{Event, Parser};

/// Whether a character is decoration rather than words: emoji, legend marks, joiners.
pub fn is_decoration(c: char) -> bool {
    matches!(c,
        '\u{200B}'..='\u{200F}' | '\u{2060}' | '\u{FE0E}' | '\u{FE0F}' | '\u{20E3}'
        | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}'
        | '\u{E0020}'..='\u{E007F}')
}

/// Trims whitespace and decoration (emoji, zero-width characters) from both ends.
pub fn trim_decoration(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || is_decoration(c))
}

/// Inline markdown to plain text; code spans keep their backticks.
pub fn inline_text(markdown: &str) -> String {
    let mut out = String::new();
    for event in Parser::new(markdown) {
        match event {
            Event::Text(t) => out.push_str(&t),
            Event::Code(c) => {
                out.push('`');
                out.push_str(&c);
                out.push('`');
            }
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            _ => {}
        }
    }
    collapse(&out)
}

pub fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Which label a line starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    Question,
    Answer,
}

fn strip_number(s: &str) -> &str {
    let digits = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits == 0 || digits > 7 {
        return s;
    }
    let rest = &s[digits..];
    match rest.chars().next() {
        Some('.' | ')') => rest[1..].trim_start(),
        _ => s,
    }
}

/// Recognises `**1. Question:**`, `**Q1:**`, `**Answer**:`, `__A -__`, `Q:`, `Question 3:`
/// and friends at the start of a line; returns the label and the byte offset where the
/// text after it begins.
pub fn parse_label(line: &str) -> Option<(Label, usize)> {
    let lead = line.len() - line.trim_start().len();
    let mut s = &line[lead..];
    let bold = if s.starts_with("**") || s.starts_with("__") {
        s = &s[2..];
        true
    } else {
        false
    };
    s = strip_number(s);
    // "Example question:", "Sample Q:": a qualifier before the label word.
    let first_len = s
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    if matches!(
        s[..first_len].to_ascii_lowercase().as_str(),
        "example"
            | "sample"
            | "interview"
            | "common"
            | "typical"
            | "likely"
            | "possible"
            | "behavioral"
            | "behavioural"
            | "main"
            | "original"
    ) && s[first_len..].starts_with(' ')
    {
        let after = s[first_len..].trim_start();
        if after.len() >= 8 && after[..8].eq_ignore_ascii_case("question") {
            s = after;
        }
    }
    let word_len = s
        .char_indices()
        .find(|(_, c)| !c.is_ascii_alphabetic())
        .map_or(s.len(), |(i, _)| i);
    let word = s[..word_len].to_ascii_lowercase();
    let label = match word.as_str() {
        "question" | "q" => Label::Question,
        "answer" | "a" | "ans" => Label::Answer,
        _ => return None,
    };
    s = &s[word_len..];
    // An optional number: Q1, Question 3.
    let t = s.trim_start();
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    if digits > 0 {
        s = &t[digits..];
    }
    let mut closed = false;
    let mut separated = false;
    loop {
        let t = s.trim_start();
        if bold && !closed && (t.starts_with("**") || t.starts_with("__")) {
            closed = true;
            s = &t[2..];
            continue;
        }
        if !separated {
            if let Some(c) = t.chars().next() {
                if matches!(c, ':' | '-' | '–' | '—' | '.' | ')') {
                    // "A." and "Q." only as labels when clearly labels, not sentence starts.
                    if c == '.' && word.len() > 1 && digits == 0 {
                        return None;
                    }
                    separated = true;
                    s = &t[c.len_utf8()..];
                    continue;
                }
            }
        }
        break;
    }
    if bold && !closed {
        return None;
    }
    if !(separated || bold && closed && s.trim().is_empty()) {
        return None;
    }
    Some((label, line.len() - s.len()))
}

/// Removes numbering and question labels from the start of a question: "3. ", "Q1: ",
/// "Question 2 -", "1)".
pub fn clean_question(q: &str) -> String {
    let mut s = trim_decoration(q);
    if let Some((Label::Question, at)) = parse_label(s) {
        s = &s[at..];
    }
    let s = strip_number(trim_decoration(s));
    let s = s.trim_start_matches(['#', ' ']);
    collapse(trim_decoration(s))
}

const ANSWER_PARTS: &[&str] = &[
    "answer",
    "solution",
    "situation",
    "task",
    "action",
    "actions",
    "result",
    "results",
    "good to hear",
    "additional links",
    "links",
    "example",
    "examples",
    "notes",
    "note",
    "explanation",
    "follow-up",
    "follow up",
    "follow-ups",
    "key points",
    "code",
    "hint",
    "hints",
    "references",
    "tips",
    "star",
    "context",
    "outcome",
    "learnings",
    "takeaway",
    "takeaways",
    "complexity",
    "approach",
];

/// Headings that divide an answer ("Situation", "Good to hear") rather than a document.
pub fn is_answer_part(text: &str) -> bool {
    let t = trim_decoration(text).trim_end_matches(':').to_lowercase();
    // "Answer: B", "Answer - yes".
    if let Some(rest) = t.strip_prefix("answer") {
        if rest.trim_start().starts_with([':', '-', '–']) {
            return true;
        }
    }
    ANSWER_PARTS.contains(&t.as_str())
}

/// Summary labels of `<details>` blocks that hide an answer.
pub fn is_answer_summary(text: &str) -> bool {
    let t = trim_decoration(text).trim_end_matches(':').to_lowercase();
    matches!(
        t.as_str(),
        "answer"
            | "view answer"
            | "show answer"
            | "see answer"
            | "reveal answer"
            | "solution"
            | "view solution"
            | "show solution"
            | "click to expand"
            | "click to see answer"
            | "click to view answer"
            | "click here"
            | "expand"
            | "hint"
            | "show"
            | "details"
            | "more"
    )
}

/// Summary labels of `<details>` blocks that hide a table of contents.
pub fn is_contents_summary(text: &str) -> bool {
    let t = trim_decoration(text).to_lowercase();
    t.contains("contents") || t == "toc" || t == "index"
}

/// Placeholder answers: "Answer here", "TODO", "To be completed".
pub fn is_placeholder(answer_text: &str) -> bool {
    let t = collapse(
        &trim_decoration(answer_text)
            .trim_matches(|c: char| c.is_ascii_punctuation() && c != '.')
            .to_lowercase(),
    );
    let t = t.trim_end_matches('.');
    t.is_empty()
        || matches!(
            t,
            "answer here"
                | "your answer here"
                | "todo"
                | "to do"
                | "tbd"
                | "tba"
                | "to be completed"
                | "to be written"
                | "to be added"
                | "to be done"
                | "to be filled"
                | "to be updated"
                | "to be decided"
                | "tbc"
                | "tk"
                | "todo later"
                | "answer later"
                | "write answer"
                | "write an answer"
                | "fill this in"
                | "fill in later"
                | "need to prepare"
                | "prepare this"
                | "not yet"
                | "not answered"
                | "no answer yet"
                | "?"
                | "??"
                | "???"
                | "coming soon"
                | "wip"
                | "work in progress"
                | ".."
                | "…"
                | "n/a"
                | "pending"
                | "fill in"
                | "add answer"
                | "answer"
                | "placeholder"
                | "xxx"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels() {
        let cases = [
            ("**1. Question:** What?", Some(Label::Question), "What?"),
            ("**Q1:** What?", Some(Label::Question), "What?"),
            ("**12345. Question:** What?", Some(Label::Question), "What?"),
            ("**Q:** What?", Some(Label::Question), "What?"),
            ("**Question 3:** What?", Some(Label::Question), "What?"),
            ("**Question**: What?", Some(Label::Question), "What?"),
            ("**Answer**: Because", Some(Label::Answer), "Because"),
            ("**A:** Because", Some(Label::Answer), "Because"),
            ("**Question -** What?", Some(Label::Question), "What?"),
            ("__Answer:__ Yes", Some(Label::Answer), "Yes"),
            ("Q: What?", Some(Label::Question), "What?"),
            ("Q1. What?", Some(Label::Question), "What?"),
            ("A: Because", Some(Label::Answer), "Because"),
            ("Answer: Because", Some(Label::Answer), "Because"),
            ("**Question:**", Some(Label::Question), ""),
            ("**Answer**", Some(Label::Answer), ""),
            ("Answer here", None, ""),
            ("A dog is an animal", None, ""),
            ("Questionable claims: none", None, ""),
            ("Answer. The rest", None, ""),
        ];
        for (line, label, rest) in cases {
            let got = parse_label(line);
            assert_eq!(got.map(|g| g.0), label, "{line}");
            if let Some((_, at)) = got {
                assert_eq!(line[at..].trim(), rest, "{line}");
            }
        }
    }

    #[test]
    fn question_detection_and_cleaning() {
        assert_eq!(
            clean_question("3. Tell me about a time"),
            "Tell me about a time"
        );
        assert_eq!(clean_question("Q1: What is X?"), "What is X?");
        assert_eq!(
            clean_question("What is regression? 👶"),
            "What is regression?"
        );
        assert_eq!(clean_question("\u{200d}⭐️ What is AUC?"), "What is AUC?");
    }

    #[test]
    fn placeholders() {
        for p in [
            "Answer here",
            "TODO",
            "To be completed.",
            "_TBD_",
            "",
            "Coming soon!",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        assert!(!is_placeholder("Use a hash map."));
    }
}
